"""One language table (screener/languages.py): every language-specific choice reads it, and a language whose
catalog is missing or incomplete is refused with a message that says what to do, never shown half in English."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from screener import i18n
from screener.languages import CODES, LANGUAGE_TABLE, Language, language


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the catalogs the tests may change, read instead of the real ones."""
    copy = tmp_path / "locales"
    shutil.copytree(i18n.LOCALE_DIR, copy)
    monkeypatch.setattr(i18n, "LOCALE_DIR", copy)
    i18n._translations.cache_clear()
    yield copy
    i18n._translations.cache_clear()
    i18n.set_language("en")


def test_a_language_in_the_table_without_a_catalog_is_refused(locales: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        LANGUAGE_TABLE, "vi", Language("vi", "Tiếng Việt", "vi_VN", "vi_VN", "A4", "jp", "words", " ", ".", "; ", True)
    )
    with pytest.raises(i18n.MissingCatalogError, match=r"no compiled catalog for 'vi'.*tools/catalogs\.py"):
        i18n.set_language("vi")
    assert i18n.current_language() != "vi"


def test_an_incomplete_catalog_is_refused_naming_what_it_lacks(locales: Path) -> None:
    po = locales / "ja" / "LC_MESSAGES" / "screener.po"
    catalog = read_po(io.BytesIO(po.read_bytes()), locale="ja")
    catalog.delete("How old are you?")
    with (locales / "ja" / "LC_MESSAGES" / "screener.mo").open("wb") as out:
        write_mo(out, catalog)
    with pytest.raises(
        i18n.MissingCatalogError, match=r"'ja' catalog lacks 1 of \d+ messages \(e.g. 'How old are you\?'\)"
    ):
        i18n.set_language("ja")


def test_an_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unsupported language 'fr'; choose one of ja, en"):
        i18n.set_language("fr")
    with pytest.raises(ValueError, match="choose one of ja, en"):
        language("fr")


def test_the_command_lines_offer_the_tables_languages(capsys: pytest.CaptureFixture[str]) -> None:
    from screener.cli import main

    with pytest.raises(SystemExit):
        main(["--lang", "fr", "score", "-"])
    assert "invalid choice: 'fr' (choose from " + ", ".join(repr(c) for c in CODES) + ")" in capsys.readouterr().err


def test_what_each_language_needs_comes_from_its_row() -> None:
    from screener.wording import full_stop, sentences

    for code in CODES:
        i18n.set_language(code)
        row = language(code)
        assert full_stop("Done") == "Done" + row.full_stop
        assert sentences("A", "B") == "A" + row.sentence_gap + "B"
        assert i18n.BABEL_LOCALES[code] == row.babel_locale
    i18n.set_language("en")
