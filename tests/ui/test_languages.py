"""Japanese and English: whole pages in one language, live switching that keeps answers and page, Qt's own
buttons translated, and a font that covers every character of the Japanese catalog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from screener.i18n import negotiate_language
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_page, step_to, tap, visit_every_page
from ui.pages.base import PageId
from ui.window import ScreenerWindow

ROOT = Path(__file__).resolve().parents[2]
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Words that stay in Latin letters in Japanese text: units, the button naming the other language, citations.
ALLOWED_IN_JA = {"English", "PDF"}


def shown_texts(window: ScreenerWindow) -> list[tuple[str, str]]:
    """(object name, text) of every label and button visible on the current page, header and footer included."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        text = widget.text()
        if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
            text = QTextDocumentFragment.fromHtml(text).toPlainText()  # what is read, not the markup
        if widget.isVisibleTo(window) and text.strip():
            found.append((widget.objectName(), text))
    return found


def walk(qtbot: QtBot, window: ScreenerWindow) -> Iterator[PageId]:
    return visit_every_page(qtbot, window, {k: v for k, v in WORST_CASE.items() if k != "pregnancy"})


def test_every_page_in_japanese_shows_no_english(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.hub.set_language("ja")
    pages = 0
    for pid in walk(qtbot, window):
        pages += 1
        for name, text in shown_texts(window):
            if name == "source":
                continue  # bibliographic citations keep their original titles
            words = set(LATIN_WORD.findall(text)) - ALLOWED_IN_JA
            assert not words, (pid.name, text)
    assert pages == len(PageId)


def test_every_page_in_english_shows_no_japanese(qtbot: QtBot, window: ScreenerWindow) -> None:
    for pid in walk(qtbot, window):
        for name, text in shown_texts(window):
            if name == "source" or text == "日本語":
                continue
            assert not JAPANESE.search(text), (pid.name, text)


def test_live_switch_mid_flow_keeps_answers_and_page(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 58, "caffeine_servings_per_day": {"coffee": 3.0}})
    window.show_page(PageId.CAFFEINE)
    step_to(qtbot, window.caffeine.steppers["coffee"], 3.5)
    before = window.draft.snapshot()
    tap(qtbot, window.language_button)
    assert window.hub.current() == "ja"
    assert window.current_id() == PageId.CAFFEINE
    assert window.draft.snapshot() == before
    assert window.caffeine.steppers["coffee"].value() == 3.5
    assert window.caffeine.title_label.text() == "カフェイン"
    assert window.next_button.text() == "次へ"
    assert window.caffeine.steppers["coffee"].display.text() == "1日3.5杯"
    tap(qtbot, window.language_button)
    assert window.caffeine.title_label.text() == "Caffeine"
    assert window.draft.snapshot() == before


def test_live_switch_on_the_result_page_rewords_it(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 70, "sex": "female"})
    next_page(qtbot, window)
    assert window.result_page.level_text("older_adult").endswith("Likely applies")
    tap(qtbot, window.language_button)
    assert window.current_id() == PageId.RESULT
    assert window.result_page.level_text("older_adult").endswith("当てはまる可能性が高い")
    assert window.draft.get("age_years") == 70


def test_qt_own_buttons_read_in_japanese(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.hub.set_language("ja")
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        box.button(QMessageBox.StandardButton.No).click()

    answer_everything(qtbot, window, {"age_years": 40})
    next_page(qtbot, window)
    QTimer.singleShot(50, read_and_close)
    tap(qtbot, window.start_over_button)
    assert any("はい" in t for t in seen) and any("いいえ" in t for t in seen), seen
    assert window.current_id() == PageId.RESULT


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
