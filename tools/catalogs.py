"""Update the translation catalogs in one go: extract -> update -> fill English -> compile.

Run after changing any text shown to people:

    python tools/catalogs.py            # extract, update both .po files, compile the .mo files
    python tools/catalogs.py --check    # fail if a catalog is out of date, untranslated or fuzzy (used by tests)

English is the source language: an empty English entry is filled with its msgid, so only Japanese needs writing.
New Japanese entries are left empty and reported; translate them in locales/ja/LC_MESSAGES/screener.po and run
again.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
DOMAIN = "screener"
sys.path.insert(0, str(ROOT))
from screener.languages import CODES as LANGUAGES  # noqa: E402 - the one language table, after the path is set

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
HEADER_COMMENT = """\
# {language} catalog of the magnesium needs self-check.
# Made by tools/catalogs.py: edit the msgstr lines, then run it again to compile.
#"""
BABEL_CFG = ROOT / "babel.cfg"  # where to look for text: shared with a plain `pybabel extract -F babel.cfg`


def extract() -> Catalog:
    template = Catalog(project="screener", domain=DOMAIN, charset="utf-8")
    with BABEL_CFG.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project="screener", charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def updated(language: str, template: Catalog) -> Catalog:
    catalog = load(language)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.revision_date = datetime.now(UTC)
    catalog.header_comment = HEADER_COMMENT.format(language=language)
    catalog.project, catalog.version = "screener", "1"
    catalog.copyright_holder = "the screener authors"
    catalog.last_translator = catalog.language_team = "screener content maintainers"
    if language == "en":
        for message in catalog:
            if message.id and not any(_strings(message)):
                message.string = message.id  # a plural id is a (singular, plural) tuple, as msgstr needs
    return catalog


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (tuple, list)) else (string,)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(
        out, catalog, width=120, omit_header=False, ignore_obsolete=True, include_previous=False, include_lineno=False
    )
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def problems(language: str, catalog: Catalog) -> list[str]:
    found = []
    for message in catalog:
        if not message.id:
            continue
        if not all(_strings(message)):
            found.append(f"{language}: untranslated: {message.id!r}")
        if message.fuzzy:
            found.append(f"{language}: fuzzy: {message.id!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if anything is out of date")
    args = parser.parse_args(argv)
    template = extract()
    failures: list[str] = []
    for language in LANGUAGES:
        catalog = updated(language, template)
        failures += problems(language, catalog)
        new_po = po_bytes(catalog)
        # The .mo is compiled from the .po as written, so that it holds exactly what translators see.
        new_mo = mo_bytes(read_po(io.BytesIO(new_po), locale=language, domain=DOMAIN))
        mo = po_path(language).with_suffix(".mo")
        if args.check:
            current = po_path(language).read_bytes() if po_path(language).exists() else b""
            for difference in differences(current, new_po, language):
                failures.append(
                    f"{language}: {po_path(language)} is out of date ({difference}); run python tools/catalogs.py"
                )
            if not mo.exists() or _messages(mo.read_bytes()) != _messages(new_mo):
                failures.append(f"{language}: {mo} is out of date; run python tools/catalogs.py")
            continue
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(new_po)
        mo.write_bytes(new_mo)
        print(f"{language}: {len(catalog)} messages -> {mo.relative_to(ROOT)}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if not args.check and not failures:
        _rebuild_font()
    return 1 if failures else 0


def _rebuild_font() -> None:
    """New Japanese text may need new glyphs in the bundled font (see tools/build_font.py)."""
    try:
        import build_font
    except ImportError as exc:
        print(f"font not rebuilt ({exc.name} is missing: pip install fonttools)", file=sys.stderr)
        return
    if build_font.main() != 0:
        print("font not rebuilt; the tests will name any character the font lacks", file=sys.stderr)


def _messages(mo: bytes) -> dict[tuple[object, object], object]:
    """The translations a compiled catalog holds, without its header (which carries dates)."""
    catalog = read_mo(io.BytesIO(mo))
    return {(str(m.id), m.context): str(m.string) for m in catalog if m.id}


Entry = tuple[object, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _entries(po: bytes, language: str) -> dict[tuple[str, str | None], Entry]:
    """What a catalog says, message by message: the id (plural too), the translations, the flags, the notes for the
    translator and the files the text comes from. The header (dates, the generator's name and version) is left out:
    an upgrade of Babel or a new day must not make a current catalog out of date."""
    if not po:
        return {}
    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    entries: dict[tuple[str, str | None], Entry] = {}
    for message in catalog:
        if not message.id:
            continue  # the header entry
        key_id = message.id[0] if isinstance(message.id, tuple) else message.id
        entries[(str(key_id), message.context)] = (
            message.id,
            _strings(message),
            tuple(sorted(message.flags)),
            tuple(message.auto_comments),
            tuple(sorted({filename for filename, _line in message.locations})),
        )
    return entries


def differences(current: bytes, wanted: bytes, language: str) -> list[str]:
    """How the catalog on disk differs from what the workflow would write, in words (empty when it is current)."""
    have, want = _entries(current, language), _entries(wanted, language)
    found = [f"missing {key[0]!r}" for key in want.keys() - have.keys()]
    found += [f"not in the sources any more: {key[0]!r}" for key in have.keys() - want.keys()]
    parts = ("the text", "the translation", "the flags", "the note for translators", "the source files")
    for key in sorted(want.keys() & have.keys(), key=str):
        for part, old, new in zip(parts, have[key], want[key], strict=True):
            if old != new:
                found.append(f"{part} of {key[0]!r} changed")
    return sorted(found)


if __name__ == "__main__":
    sys.exit(main())
