"""The result's first screen answers "why me?": at 1024x768, without scrolling, every group that fits is shown with
its reason in the person's own numbers and how sure science is of its link; the safety box names the person's own
answers and is orange only when a flag is raised; the details wait, closed, behind a tap."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from screener.answers import Answers
from tests.screener.helpers import EXAMPLES
from tests.ui.driver import answer_everything, next_screen, settle, tap
from ui.app import build_window
from ui.labels import as_written
from ui.shell.window import ScreenerWindow

TYPICAL = json.loads((EXAMPLES / "typical.json").read_text(encoding="utf-8"))
# In the person's own numbers: the foods and drinks as counted, the age, the stress and the sleep as answered.
OWN_WORDS = {
    "en": {
        "low_dietary_intake": "Leafy greens 2 times and nuts 1 time a week",
        "older_adult": "You are 70.",
        "chronic_stress": "most days, for 6–11 months",
        "high_caffeine": "4 coffees and 2 green teas a day",
    },
    "ja": {
        "low_dietary_intake": "2回、ナッツ1回",
        "older_adult": "70歳です。",
        "chronic_stress": "6〜11か月続いています",
        "high_caffeine": "コーヒー4杯、緑茶2杯",
    },
}
SAFETY_WORDS = {
    "en": ["you take a stomach-acid medicine", "trouble sleeping 4 nights a week for 6–11 months"],
    "ja": ["胃酸を抑える薬を飲んでいます", "眠れない夜が週に4晩あり"],
}


@pytest.fixture(params=["en", "ja"])
def small_window(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[ScreenerWindow]:
    win, hub = build_window(request.param, region="jp")
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    win.warm_up()
    settle()
    yield win
    hub.set_language("en")


def plain(text: str) -> str:
    return as_written(QTextDocumentFragment.fromHtml(text).toPlainText())


def in_view(widget: QWidget, window: ScreenerWindow) -> bool:
    viewport = window.result_screen().scroll_area.viewport()
    seen = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
    return seen.contains(QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()))


def test_every_fitting_group_is_on_the_first_screen_with_its_reason(qtbot: QtBot, small_window: ScreenerWindow) -> None:
    from screener.i18n import current_language

    language = current_language()
    answer_everything(qtbot, small_window, TYPICAL)
    next_screen(qtbot, small_window)
    settle()
    summary = small_window.result_screen().summary
    result = small_window.result
    assert result is not None and len(result.matched_groups()) == 4
    shown = [label for label in summary.group_lines if label.isVisible()]
    assert len(shown) == 4
    for group, label in zip(result.matched_groups(), shown, strict=True):
        text = plain(label.text())
        assert OWN_WORDS[language][group] in text, (group, text)
        assert ("Science is" in text) if language == "en" else ("研究の確かさ" in text), text
        assert in_view(label, small_window), (group, text)  # whole, before any scrolling
    alert = summary.alert_text.text()
    for words in SAFETY_WORDS[language]:
        assert words in alert, alert
    assert summary.alert.objectName() == "clinician" and in_view(summary.alert, small_window)


def test_the_box_is_not_orange_when_nothing_is_flagged(qtbot: QtBot, window: ScreenerWindow) -> None:
    calm = Answers.model_validate(
        {"age_years": 30, "kidney_disease": False, "medicines": [], "snoring_or_gasping": False}
    )
    answer_everything(qtbot, window, calm)
    next_screen(qtbot, window)
    summary = window.result_screen().summary
    assert summary.alert.objectName() == "card"
    assert "Ask a clinician or pharmacist first" in summary.alert_text.text()


def test_the_details_wait_closed_behind_a_tap(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, TYPICAL)
    next_screen(qtbot, window)
    screen = window.result_screen()
    assert all(not section.content.isVisible() for section in screen.sections())
    tap(qtbot, screen.groups_section.toggle)
    assert screen.groups_section.content.isVisible() and screen.cards["older_adult"].isVisible()
    assert not screen.about_section.content.isVisible()
    # Another result (the next person's, or a changed answer) starts with its details closed again.
    window.show_result()
    settle()
    assert not screen.groups_section.content.isVisible()


def test_a_question_starts_on_its_question_then_its_answers_never_on_more(qtbot: QtBot, window: ScreenerWindow) -> None:
    """Orca began the sex question with "More: What is your sex? push button". The first focus is the question's
    group, named by the question and described by its place; an arrow goes on into the answers, not to More."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from screener.i18n import _
    from tests.ui.driver import question_screen, type_age

    next_screen(qtbot, window)
    type_age(qtbot, window, 40)
    next_screen(qtbot, window)
    screen = question_screen(window)
    block = screen.blocks[0]
    assert block.more is not None and block.more.isVisible()
    first = screen.focus_first()
    assert first is block.control
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2000)
    assert first.accessibleName() == _(block.question.prompt)
    assert "part 1 of 7" in first.accessibleDescription()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() in block.control.findChildren(QWidget)
