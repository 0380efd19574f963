"""In process: big named targets, single choices as radio buttons in a named group, the keyboard focus mark only
for keyboard users, no focusable scroll area, a tick as well as a colour, and calm in-window crash messages.
(The whole tree as a screen reader gets it is checked through AT-SPI in test_atspi.py.)"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, choose, control, next_screen, settle, tap, visit_every_screen
from ui.crash import install_crash_handler
from ui.shell.window import ScreenerWindow
from ui.theme import MIN_TARGET_PX, SMALL_TARGET_PX
from ui.widgets.buttons import BigButton
from ui.widgets.choices import ChoiceGroup
from ui.widgets.focus import keyboard_mode
from ui.widgets.overlay import open_dialogs


def test_every_button_on_every_screen_is_a_big_target_with_a_name(qtbot: QtBot, window: ScreenerWindow) -> None:
    for screen_id in visit_every_screen(qtbot, window, WORST_CASE):
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window):
                continue
            least = MIN_TARGET_PX if getattr(button, "kind", "") in ("option", "count", "key") else SMALL_TARGET_PX
            assert button.height() >= least - 2 * 4, (screen_id, button.accessibleName(), button.height())
            assert button.width() >= 48, (screen_id, button.accessibleName())
            assert button.accessibleName().strip(), (screen_id, button.text())


def test_single_choices_are_radio_buttons_in_a_group_named_by_the_question(
    qtbot: QtBot, window: ScreenerWindow
) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("stress")
    settle()
    group = control(window, "stress_frequency")
    assert isinstance(group, ChoiceGroup)
    box = QAccessible.queryAccessibleInterface(group)
    assert box.role() == QAccessible.Role.Grouping
    assert box.text(QAccessible.Text.Name).startswith("In the past month")
    for button in group.buttons.values():
        node = QAccessible.queryAccessibleInterface(button)
        assert node.role() == QAccessible.Role.RadioButton
        assert node.parent().object() is group


def test_the_toggle_action_records_the_answer_as_a_tap_does(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("sex")
    group = control(window, "sex")
    assert isinstance(group, ChoiceGroup)
    for code in ("male", "female"):
        node = QAccessible.queryAccessibleInterface(group.buttons[code])
        actions = node.actionInterface()
        assert "Toggle" in actions.actionNames()
        actions.doAction("Toggle")
        settle()
        assert window.sheet.picked("sex") == code
    assert [c for c, b in group.buttons.items() if b.isChecked()] == ["female"]  # one chosen, as the model says


def test_count_buttons_and_pad_keys_say_what_they_are_for(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_screen(qtbot, window)
    pad = control(window, "age_years")
    assert pad.keys["7"].accessibleName() == "Type 7 in your age"  # type: ignore[attr-defined]
    window.sheet.set_age(40)
    window.show_screen("diet")
    board = control(window, "servings_per_week")
    button = board.rows["nuts"].choices.buttons["2"]  # type: ignore[attr-defined]
    assert button.accessibleName() == "Nuts: 2 times a week"
    assert board.rows["nuts"].choices.accessibleName().endswith("Nuts")  # type: ignore[attr-defined]


def test_scroll_areas_take_no_focus_and_have_names(qtbot: QtBot, window: ScreenerWindow) -> None:
    for _screen in visit_every_screen(qtbot, window, {"age_years": 40}):
        pass
    for area in window.findChildren(QScrollArea):
        assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert area.viewport().focusPolicy() == Qt.FocusPolicy.NoFocus
        assert area.accessibleName()
        assert area.verticalScrollBar().accessibleName()


def test_focus_mark_shows_for_the_keyboard_only(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("kidney")
    settle()
    yes = control(window, "kidney_disease").buttons["yes"]  # type: ignore[attr-defined]
    tap(qtbot, yes)
    assert yes.hasFocus() and not keyboard_mode()  # a tap gives focus but no ring that looks like a choice
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert keyboard_mode()
    tap(qtbot, yes)
    assert not keyboard_mode()


def test_a_chosen_option_shows_a_tick_not_only_a_colour(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("sex")
    choose(qtbot, window, "sex", "female")
    button: BigButton = control(window, "sex").buttons["female"]  # type: ignore[attr-defined]
    assert button._label().startswith("✓ ")
    assert not control(window, "sex").buttons["male"]._label().startswith("✓")  # type: ignore[attr-defined]


def test_keyboard_alone_reaches_the_result(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_id() == "age")
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))  # the age box takes the keys
    for digit in "45":
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{digit}"))
    while window.current_id() != "result":
        before = window.current_id()
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda before=before: window.current_id() != before, timeout=2000)
    assert window.result is not None and window.sheet.age() == 45


def test_an_unexpected_error_shows_a_calm_in_window_message_and_keeps_the_answers(
    qtbot: QtBot, window: ScreenerWindow
) -> None:
    handler = install_crash_handler(window)
    try:
        answer_everything(qtbot, window, {"age_years": 40, "stress_frequency": 2})
        handler(RuntimeError, RuntimeError("boom: 40 years"), None)
        dialog = handler.last_dialog
        assert dialog is not None and not dialog.isWindow()
        assert "Traceback" not in dialog.text.text() and "boom" not in dialog.text.text()
        tap(qtbot, dialog.buttons["carry_on"])
        assert window.sheet.values()["stress_frequency"] == 2
        handler(RuntimeError, RuntimeError("again"), None)
        tap(qtbot, open_dialogs(window.centralWidget())[0].buttons["start_over"])
        assert window.sheet.is_empty() and window.current_id() == "welcome"
    finally:
        sys.excepthook = sys.__excepthook__
