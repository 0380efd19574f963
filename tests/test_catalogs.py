"""Both catalogs are complete, current, compile cleanly, and keep every placeholder of their msgid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalog(language: str):  # type: ignore[no-untyped-def]
    with (ROOT / "locales" / language / "LC_MESSAGES" / "screener.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_catalogs_are_current_complete_and_not_fuzzy() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "catalogs.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", ["ja", "en"])
def test_placeholders_match(language: str) -> None:
    count = 0
    for message in catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for string in strings:
            assert sorted(set(PLACEHOLDER.findall(string))) == wanted, message.id
        count += 1
    assert count > 50


@pytest.mark.parametrize("language", ["ja", "en"])
def test_msgfmt_check_is_clean(language: str) -> None:
    po = ROOT / "locales" / language / "LC_MESSAGES" / "screener.po"
    done = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "untranslated" not in done.stderr and "fuzzy" not in done.stderr


def test_japanese_is_not_a_copy_of_the_english() -> None:
    for message in catalog("ja"):
        if message.id:
            string = message.string[0] if isinstance(message.string, tuple) else message.string
            assert string != (message.id[0] if isinstance(message.id, tuple) else message.id) or len(string) < 4


def catalogs_tool():  # type: ignore[no-untyped-def]
    """tools/catalogs.py as a module (it is a script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("catalogs_tool", ROOT / "tools" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rewritten(change) -> bytes:  # type: ignore[no-untyped-def]
    """The Japanese catalog on disk, read, changed by ``change(catalog)`` and written the way the workflow writes."""
    tool = catalogs_tool()
    changed = catalog("ja")
    change(changed)
    return tool.po_bytes(changed)


def first_message(catalog_):  # type: ignore[no-untyped-def]
    return next(message for message in catalog_ if message.id and isinstance(message.id, str))


def test_the_check_ignores_a_new_generator_and_new_dates() -> None:
    """A Babel upgrade or another day rewrites only the header: the catalog is still current."""
    from datetime import UTC, datetime

    def new_header(changed) -> None:  # type: ignore[no-untyped-def]
        changed.revision_date = changed.creation_date = datetime(2031, 1, 2, tzinfo=UTC)

    current = (ROOT / "locales" / "ja" / "LC_MESSAGES" / "screener.po").read_bytes()
    upgraded = rewritten(new_header).replace(b"Generated-By: Babel ", b"Generated-By: Babel 9.9.9 was ")
    assert upgraded != current and b"Babel 9.9.9" in upgraded and b"2031-01-02" in upgraded
    assert catalogs_tool().differences(current, upgraded, "ja") == []


def test_the_check_fails_on_a_changed_missing_or_fuzzy_message() -> None:
    """What translators and people see is compared: a translation, a message, a flag."""
    tool = catalogs_tool()
    current = (ROOT / "locales" / "ja" / "LC_MESSAGES" / "screener.po").read_bytes()
    wanted_id = first_message(catalog("ja")).id

    def retranslate(changed) -> None:  # type: ignore[no-untyped-def]
        first_message(changed).string = "別の訳"

    def drop(changed) -> None:  # type: ignore[no-untyped-def]
        changed.delete(wanted_id)

    def make_fuzzy(changed) -> None:  # type: ignore[no-untyped-def]
        first_message(changed).flags.add("fuzzy")

    assert tool.differences(current, rewritten(retranslate), "ja") == [f"the translation of {wanted_id!r} changed"]
    assert tool.differences(rewritten(drop), current, "ja") == [f"missing {wanted_id!r}"]
    assert tool.differences(current, rewritten(make_fuzzy), "ja") == [f"the flags of {wanted_id!r} changed"]
