"""Keyboard alone, in both languages: on every question screen, from the focus the app gives, Tab reaches each
question in reading order without leaving the screen, the arrow keys reach every option, and Space or Enter chooses
it; after each key the answer sheet holds exactly that answer. Multi-choice options go on and off, count rows take
every count and give it back, "None of these" goes on and off, and the age box takes typed digits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from screener.questionnaire import NONE_OF_THESE, Question
from screener.questions import screens
from ui.app import build_window
from ui.screens.question import QuestionScreen
from ui.shell.window import ScreenerWindow
from ui.widgets.choices import ChoiceGroup, ChoiceToggles
from ui.widgets.counts import CountsBoard
from ui.widgets.focus import set_keyboard_mode
from ui.widgets.number_pad import NumberEntry

MAX_TABS = 80  # more than every control of any screen, header and footer together
# What the other screens' answers are while one screen is tested: enough for every screen to be asked
# (pregnancy: female aged 30; after 2 pm: a coffee). The screen under test starts unanswered.
PREREQUISITES: dict[str, Any] = {"age_years": 30, "sex": "female", "caffeine_servings_per_day": {"coffee": "1"}}
CHOOSE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return)  # taken in turn, so both choose


def settle() -> None:
    for _round in range(6):
        QApplication.processEvents()


@pytest.fixture(params=["ja", "en"])
def keyboard_window(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[ScreenerWindow]:
    win, hub = build_window(request.param, region="us")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.warm_up()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    settle()
    yield win
    set_keyboard_mode(False)
    hub.set_language("en")  # Qt's own translations are application-wide: leave them as found


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)
    settle()


def where(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def tab_into(qtbot: QtBot, window: ScreenerWindow, target: QWidget, what: str) -> None:
    """Tab until the focus is inside ``target``; fail if it leaves the screen's body first or never gets there."""
    body = window.navigator.current().body
    seen = []
    for _press in range(MAX_TABS):
        widget = focused()
        if widget is target or target.isAncestorOf(widget):
            return
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(where(QApplication.focusWidget()))
        now = QApplication.focusWidget()
        if now is None or not body.isAncestorOf(now):
            raise AssertionError(f"Tab left the screen before reaching {what}: went {seen}; {later(qtbot, target)}")
    raise AssertionError(f"Tab never reached {what}: went {seen}")


def later(qtbot: QtBot, target: QWidget) -> str:
    """For the failure message: whether more Tabs (round the header and footer) reach ``target`` at all."""
    for count in range(1, MAX_TABS):
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is not None and (widget is target or target.isAncestorOf(widget)):
            return f"it is reached only after {count} more Tabs, round the header and footer"
    return f"{MAX_TABS} more Tabs never reach it"


def arrow_to(qtbot: QtBot, buttons: list[QWidget], index: int, what: str) -> None:
    """Arrow keys from the focused button of the group to ``buttons[index]``."""
    for _press in range(len(buttons) + 1):
        widget = focused()
        if widget is buttons[index]:
            return
        assert widget in buttons, f"the focus left {what} for {where(widget)}"
        press(qtbot, Qt.Key.Key_Right if buttons.index(widget) < index else Qt.Key.Key_Left)
    raise AssertionError(f"the arrow keys never reached option {index} of {what}; focus on {where(focused())}")


def enter_group(qtbot: QtBot, group: QWidget, buttons: list[QWidget], what: str) -> None:
    """The question's group itself takes the focus first (a screen reader says the question there); an arrow key
    goes on into its answers."""
    if focused() is group:
        press(qtbot, Qt.Key.Key_Down)
        assert focused() in buttons, f"{what}: an arrow on the question went to {where(focused())}, not its answers"


def prepare(window: ScreenerWindow, screen_id: str) -> None:
    sheet = window.sheet
    fields = {q.field for s in screens() if s.id == screen_id for q in s.questions}
    if "age_years" not in fields:
        sheet.set_age(PREREQUISITES["age_years"])
    if "sex" not in fields:
        sheet.pick("sex", PREREQUISITES["sex"])
    if "caffeine_servings_per_day" not in fields:
        for item, code in PREREQUISITES["caffeine_servings_per_day"].items():
            sheet.pick_count("caffeine_servings_per_day", item, code)


def open_screen(qtbot: QtBot, window: ScreenerWindow, screen_id: str) -> QuestionScreen:
    prepare(window, screen_id)
    window.show_screen(screen_id)
    screen = window.navigator.current()
    assert isinstance(screen, QuestionScreen)
    start = screen.focus_first()
    assert start is not None, f"{screen_id}: the screen names no first control"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    return screen


def answers_but(window: ScreenerWindow, field: str) -> dict[str, Any]:
    return {k: v for k, v in window.sheet.values().items() if k != field}


# --- one question at a time ----------------------------------------------------------------------------------------


def type_age(qtbot: QtBot, window: ScreenerWindow, entry: NumberEntry) -> None:
    assert focused() is entry.edit, f"the age box does not have the focus ({where(focused())})"
    for text, expected in (("30", 30), ("0", 0), ("120", 120), ("121", None), ("7", 7)):
        while entry.text():
            press(qtbot, Qt.Key.Key_Backspace)
        for digit in text:
            press(qtbot, getattr(Qt.Key, f"Key_{digit}"))
        assert entry.text() == text, f"typed {text!r}, the box reads {entry.text()!r}"
        assert window.sheet.age() == expected, f"typed {text!r}: the sheet holds {window.sheet.age()!r}"


def choose_each(qtbot: QtBot, window: ScreenerWindow, question: Question, group: ChoiceGroup) -> None:
    buttons: list[QWidget] = list(group.ordered())
    codes = [code for code in group.codes if not group.buttons[code].isHidden()]
    assert codes == [c.code for c in question.choices], f"{question.field}: options shown {codes}"
    others = answers_but(window, question.field)
    enter_group(qtbot, group, buttons, question.field)
    for index, code in enumerate(codes):
        arrow_to(qtbot, buttons, index, question.field)
        press(qtbot, CHOOSE_KEYS[index % 2])
        assert window.sheet.picked(question.field) == code, (
            f"{question.field}: {CHOOSE_KEYS[index % 2].name} on {code!r} left {window.sheet.picked(question.field)!r}"
        )
        assert [c for c, b in group.buttons.items() if b.isChecked()] == [code], f"{question.field}: shown checked"
        assert {k: v for k, v in answers_but(window, question.field).items() if k in others} == others
        press(qtbot, CHOOSE_KEYS[(index + 1) % 2])  # the other key on the chosen answer: still chosen
        assert window.sheet.picked(question.field) == code, f"{question.field}: {code!r} taken back by a second key"


def toggle_each(qtbot: QtBot, window: ScreenerWindow, question: Question, toggles: ChoiceToggles) -> None:
    buttons: list[QWidget] = list(toggles.ordered())
    enter_group(qtbot, toggles, buttons, question.field)
    for index, code in enumerate(toggles.codes):
        arrow_to(qtbot, buttons, index, question.field)
        press(qtbot, Qt.Key.Key_Space)
        assert window.sheet.chosen(question.field) == [code], (
            f"{question.field}: Space on {code!r} left {window.sheet.chosen(question.field)}"
        )
        press(qtbot, Qt.Key.Key_Return)
        assert window.sheet.chosen(question.field) == [], (
            f"{question.field}: Enter on the chosen {code!r} left {window.sheet.chosen(question.field)}"
        )


def count_each(qtbot: QtBot, window: ScreenerWindow, question: Question, board: CountsBoard) -> None:
    field = question.field
    tab_into(qtbot, window, board.none_button, f"{field}: {NONE_OF_THESE}")
    press(qtbot, Qt.Key.Key_Space)
    assert window.sheet.counts(field) == NONE_OF_THESE, f"{field}: Space on None left {window.sheet.counts(field)}"
    press(qtbot, Qt.Key.Key_Space)
    assert window.sheet.counts(field) is None, f"{field}: Space again on None left {window.sheet.counts(field)}"
    for row in question.rows:
        group = board.rows[row.item].choices
        tab_into(qtbot, window, group, f"{field}: row {row.item}")
        buttons: list[QWidget] = list(group.ordered())
        for index, code in enumerate(group.codes):
            arrow_to(qtbot, buttons, index, f"{field}.{row.item}")
            press(qtbot, CHOOSE_KEYS[index % 2])
            assert window.sheet.counts(field) == {row.item: code}, (
                f"{field}.{row.item}: {CHOOSE_KEYS[index % 2].name} on {code!r} left {window.sheet.counts(field)}"
            )
        press(qtbot, Qt.Key.Key_Space)  # Space on the chosen count keeps it, as a radio group does
        assert window.sheet.counts(field) == {row.item: group.codes[-1]}, (
            f"{field}.{row.item}: Space on the chosen count left {window.sheet.counts(field)}"
        )
        clear_by_keyboard(qtbot, window, field)


def clear_by_keyboard(qtbot: QtBot, window: ScreenerWindow, field: str) -> None:
    """The screen's own "Clear my answer" takes the answer back, by keyboard as by touch."""
    screen = window.navigator.current()
    assert isinstance(screen, QuestionScreen) and screen.clear_button is not None
    assert screen.clear_button.isVisible(), f"{field}: answered, but no Clear my answer"
    tab_into(qtbot, window, screen.clear_button, f"{field}: Clear my answer")
    press(qtbot, Qt.Key.Key_Space)
    assert field not in window.sheet.values(), f"{field}: Clear my answer left {window.sheet.values().get(field)}"
    assert not screen.clear_button.isVisible(), f"{field}: nothing to clear, but Clear my answer is shown"


QUESTION_SCREENS = [s.id for s in screens()]


@pytest.mark.parametrize("screen_id", QUESTION_SCREENS)
def test_every_option_is_reached_and_chosen_by_keyboard_alone(
    qtbot: QtBot, keyboard_window: ScreenerWindow, screen_id: str
) -> None:
    """Every answer of the screen, every follow-up included, is reached and chosen with Tab, arrows, Space/Enter."""
    window = keyboard_window
    screen = open_screen(qtbot, window, screen_id)
    for block in screen.blocks:
        question, control = block.question, block.control
        assert question.asked(window.sheet.values()), f"{question.field} is not asked after the earlier answers"
        assert block.isVisible(), f"{question.field} is asked but not shown"
        if isinstance(control, NumberEntry):
            type_age(qtbot, window, control)
        elif isinstance(control, ChoiceGroup):
            tab_into(qtbot, window, control, question.field)
            choose_each(qtbot, window, question, control)
        elif isinstance(control, ChoiceToggles):
            tab_into(qtbot, window, control, question.field)
            toggle_each(qtbot, window, question, control)
        else:
            assert isinstance(control, CountsBoard)
            count_each(qtbot, window, question, control)
