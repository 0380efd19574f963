"""Drives the wizard the way a person does: taps on the answers, the number pad, Next and Back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from screener.answer_sheet import AnswerSheet
from screener.answers import Answers
from screener.questionnaire import NONE_OF_THESE
from ui.screens.question import QuestionScreen
from ui.shell.window import ScreenerWindow
from ui.widgets.choices import ChoiceGroup, ChoiceToggles
from ui.widgets.counts import CountsBoard
from ui.widgets.number_pad import NumberEntry
from ui.widgets.tap_guard import RESULT_SETTLE_MS


def settle() -> None:
    for _round in range(6):
        QApplication.processEvents()


def tap(qtbot: QtBot, widget: QWidget) -> None:
    """A tap as a person gives it. On the result, after a look at it: its actions wait a second after arrival (the
    tap guard), so the tap comes that much later (QTest's delay moves the events' clock as well as the wall's)."""
    assert widget.isVisible() and widget.isEnabled(), f"cannot tap {widget.accessibleName() or widget}"
    window = widget.window()
    reading = isinstance(window, ScreenerWindow) and window.current_id() == "result"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, delay=RESULT_SETTLE_MS if reading else -1)
    settle()


def next_screen(qtbot: QtBot, window: ScreenerWindow) -> None:
    tap(qtbot, window.footer.next_button)


def question_screen(window: ScreenerWindow) -> QuestionScreen:
    screen = window.navigator.current()
    assert isinstance(screen, QuestionScreen), window.current_id()
    return screen


def control(window: ScreenerWindow, field: str) -> QWidget:
    for block in question_screen(window).blocks:
        if block.question.field == field:
            return block.control
    raise AssertionError(f"{field} is not on screen {window.current_id()}")


def choose(qtbot: QtBot, window: ScreenerWindow, field: str, code: str) -> None:
    group = control(window, field)
    assert isinstance(group, ChoiceGroup | ChoiceToggles)
    tap(qtbot, group.buttons[code])


def count(qtbot: QtBot, window: ScreenerWindow, field: str, item: str, code: str) -> None:
    board = control(window, field)
    assert isinstance(board, CountsBoard)
    tap(qtbot, board.rows[item].choices.buttons[code])


def type_age(qtbot: QtBot, window: ScreenerWindow, age: int | str) -> None:
    entry = control(window, "age_years")
    assert isinstance(entry, NumberEntry)
    while entry.text():
        tap(qtbot, entry.keys["⌫"])
    for digit in str(age):
        tap(qtbot, entry.keys[digit])


def fill_screen(qtbot: QtBot, window: ScreenerWindow, wanted: AnswerSheet) -> int:
    """Tap what the current screen asks for, as ``wanted`` holds it; returns the taps used (Next not counted)."""
    taps = 0
    for block in question_screen(window).blocks:
        if not block.isVisible():
            continue
        question, widget = block.question, block.control
        if isinstance(widget, NumberEntry):
            age = wanted.age()
            if age is not None:
                type_age(qtbot, window, age)
                taps += len(str(age))
        elif isinstance(widget, ChoiceGroup):
            code = wanted.picked(question.field)
            if code is not None:
                tap(qtbot, widget.buttons[code])
                taps += 1
        elif isinstance(widget, ChoiceToggles):
            for code in wanted.chosen(question.field):
                tap(qtbot, widget.buttons[code])
                taps += 1
        elif isinstance(widget, CountsBoard):
            counts = wanted.counts(question.field)
            if counts == NONE_OF_THESE:
                tap(qtbot, widget.none_button)
                taps += 1
            elif isinstance(counts, dict):
                for item, code in counts.items():
                    tap(qtbot, widget.rows[item].choices.buttons[code])
                    taps += 1
    return taps


def answer_everything(qtbot: QtBot, window: ScreenerWindow, answers: dict[str, Any] | Answers) -> None:
    """From the welcome screen to the review, tapping the given answers; a missing answer is left untouched."""
    wanted = AnswerSheet()
    wanted.load(answers if isinstance(answers, Answers) else Answers.model_validate(answers))
    assert window.current_id() == "welcome"
    next_screen(qtbot, window)
    while window.current_id() != "review":
        fill_screen(qtbot, window, wanted)
        next_screen(qtbot, window)


def visible_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]


def visit_every_screen(qtbot: QtBot, window: ScreenerWindow, answers: dict[str, Any]) -> Iterator[str]:
    """Answer everything, then show each screen in order (the result through "See my result"), yielding its id."""
    answer_everything(qtbot, window, answers)
    for screen_id in window.navigator.order():
        if screen_id == "result":
            window.show_screen("review")
            next_screen(qtbot, window)
        else:
            window.show_screen(screen_id)
            settle()
        yield screen_id
