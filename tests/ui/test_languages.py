"""Japanese and English: whole pages in one language, live switching that keeps answers and page, Qt's own
buttons translated, and a font that covers every character of the Japanese catalog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from screener.i18n import negotiate_language, negotiate_region
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, count, next_screen, tap, visit_every_screen
from ui.shell.window import ScreenerWindow

ROOT = Path(__file__).resolve().parents[2]
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Words that stay in Latin letters in Japanese text: the button naming the other language, units and acronyms.
ALLOWED_IN_JA = {"English", "PDF", "EFSA", "PIN", "FHIR", "NIH"}  # names of standards and bodies


def shown_texts(window: ScreenerWindow) -> list[tuple[str, str]]:
    """(object name, text) of every label and button visible on the current screen, header and footer included."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        text = widget.text()
        if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
            text = QTextDocumentFragment.fromHtml(text).toPlainText()  # what is read, not the markup
        if widget.isVisibleTo(window) and text.strip():
            found.append((widget.objectName(), text))
    found += [
        ("", widget.accessibleName())
        for widget in window.findChildren(QAbstractButton)
        if widget.isVisibleTo(window) and widget.accessibleName()
    ]
    return found


def walk(qtbot: QtBot, window: ScreenerWindow) -> Iterator[str]:
    return visit_every_screen(qtbot, window, WORST_CASE)


def test_every_screen_in_japanese_shows_no_english(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.hub.set_language("ja")
    screens = 0
    for screen_id in walk(qtbot, window):
        screens += 1
        for name, text in shown_texts(window):
            if name == "source":
                continue  # bibliographic citations keep their original titles
            words = set(LATIN_WORD.findall(text)) - ALLOWED_IN_JA
            assert not words, (screen_id, text)
    assert screens >= 16


def test_every_screen_in_english_shows_no_japanese(qtbot: QtBot, window: ScreenerWindow) -> None:
    for screen_id in walk(qtbot, window):
        for name, text in shown_texts(window):
            if name == "source" or "日本語" in text:
                continue
            assert not JAPANESE.search(text), (screen_id, text)


def test_japanese_names_use_the_full_width_colon(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.hub.set_language("ja")
    for screen_id in walk(qtbot, window):
        for name, text in shown_texts(window):
            if JAPANESE.search(text) and name != "source":  # citations keep their original punctuation
                assert ": " not in text, (screen_id, text)


def test_live_switch_mid_flow_keeps_answers_screen_and_every_number(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(
        qtbot,
        window,
        {
            "age_years": 58,
            "sex": "female",
            "servings_per_week": {"nuts": 3},
            "caffeine_servings_per_day": {"coffee": 3.0},
        },
    )
    window.show_screen("caffeine")
    count(qtbot, window, "caffeine_servings_per_day", "coffee", "4")
    before = window.sheet.values()
    tap(qtbot, window.header.language_button)
    assert window.hub.current() == "ja"
    assert window.current_id() == "caffeine"
    assert window.sheet.values() == before
    assert window.footer.next_button.text() == "次へ"
    assert "カフェイン" in window.footer.step_label.text()
    tap(qtbot, window.header.language_button)
    assert window.sheet.values() == before


def test_live_switch_on_the_result_keeps_every_figure(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(
        qtbot,
        window,
        {
            "age_years": 70,
            "sex": "female",
            "servings_per_week": {"nuts": 3},
            "caffeine_servings_per_day": {"coffee": 2.0},
        },
    )
    next_screen(qtbot, window)
    english = window.result
    assert english is not None
    assert window.result_screen().level_text("older_adult").startswith("●")
    tap(qtbot, window.header.language_button)
    assert window.current_id() == "result"
    assert "回答に当てはまる" in window.result_screen().level_text("older_adult")
    window.show_screen("review")
    next_screen(qtbot, window)
    assert window.result == english  # same reference intake, same figures: the region is not the language
    assert english.figures.reference_intake_mg_per_day == 320  # US 31+ female: the window's region, not Japan's


def test_qt_own_strings_are_translated(qtbot: QtBot, window: ScreenerWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    window.hub.set_language("ja")
    # Qt's own buttons, e.g. in the file dialog of "Save as PDF" outside kiosk mode.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    window.hub.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_every_character_of_the_japanese_catalog_is_in_the_ui_font(window: ScreenerWindow) -> None:
    with (ROOT / "locales" / "ja" / "LC_MESSAGES" / "screener.po").open("rb") as handle:
        catalog = read_po(handle)
    characters = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            characters |= {ch for ch in string if not ch.isspace() and not ch.isascii()}
    assert window.font().family() == "Screener Sans JP"  # the bundled font, whose PDF text extracts cleanly
    metrics = QFontMetrics(window.font())
    missing = sorted(ch for ch in characters if not metrics.inFontUcs4(ord(ch)))
    assert len(characters) > 300
    assert missing == [], f"{window.font().family()} lacks {''.join(missing)}"


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [(["ja_JP"], "ja"), (["en_GB", "ja_JP"], "en"), (["de_DE"], "en"), (["de_DE", "ja"], "ja"), ([], "en")],
)
def test_language_is_negotiated_from_the_system_locale(preferred: list[str], expected: str) -> None:
    assert negotiate_language(preferred) == expected


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [(["ja_JP"], "jp"), (["en_JP"], "jp"), (["en_US", "ja_JP"], "us"), (["en_GB"], "us"), ([], "us")],
)
def test_region_is_negotiated_from_the_locale_never_from_the_display_language(
    preferred: list[str], expected: str
) -> None:
    assert negotiate_region(preferred) == expected


def test_lang_environment_picks_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert negotiate_language() == "ja"


def test_a_missing_japanese_font_is_said_plainly_for_staff(qapp, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from ui import fonts

    monkeypatch.setattr(fonts, "covers", lambda font, text: False)
    choice = fonts.choose_japanese_font()
    assert choice.family is None
    assert choice.message is not None and "apt-get install fonts-noto-cjk" in choice.message
    assert "No Japanese font" in caplog.text
