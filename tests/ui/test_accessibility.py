"""Touch targets, keyboard-only use, accessible names, and the calm crash message."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_page, visible_buttons, visit_every_page
from ui.crash import CrashHandler
from ui.pages.base import PageId
from ui.theme import MIN_TARGET_PX
from ui.window import ScreenerWindow


def test_every_button_is_a_big_target_with_a_name(qtbot: QtBot, window: ScreenerWindow) -> None:
    for pid in visit_every_page(qtbot, window, {k: v for k, v in WORST_CASE.items() if k != "pregnancy"}):
        buttons = visible_buttons(window)
        assert buttons, pid
        for button in buttons:
            assert button.height() >= 48 and button.width() >= 48, (pid, button.text(), button.size())
            assert button.accessibleName() or button.text(), (pid, button)
    assert MIN_TARGET_PX >= 48


def test_steppers_and_the_age_box_have_accessible_names(qtbot: QtBot, window: ScreenerWindow) -> None:
    assert window.about_you.age.edit.accessibleName() == "Age in years"
    for stepper in window.diet.steppers.values():
        assert stepper.accessibleName()
        assert stepper.plus.accessibleName().startswith("More: ")
        assert stepper.minus.accessibleName().startswith("Fewer: ")


def test_keyboard_alone_reaches_the_result(qtbot: QtBot, window: ScreenerWindow) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.next_button, Qt.Key.Key_Space)  # Start
    assert window.current_id() == PageId.ABOUT_YOU
    focused = QApplication.focusWidget()
    assert focused is window.about_you.age.edit  # the page's first control has the focus
    qtbot.keyClicks(focused, "67")
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert isinstance(focus, QPushButton) and focus.text() == "Female"
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert window.draft.get("sex") == "female"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_id() == PageId.STRESS
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # "Never", the first option
    assert window.draft.get("stress_frequency") == 0
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    stepper = QApplication.focusWidget()
    assert stepper is window.diet.steppers["leafy_greens"]
    qtbot.keyClick(stepper, Qt.Key.Key_Up)
    qtbot.keyClick(stepper, Qt.Key.Key_Up)
    assert window.draft.get("servings_per_week")["leafy_greens"] == 2
    while window.current_id() != PageId.RESULT:
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.result is not None
    assert window.result.groups["older_adult"].level == "likely"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_id() == PageId.REVIEW


def test_an_unexpected_error_shows_a_calm_message_and_keeps_the_answers(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 45})
    handler = CrashHandler(window)
    seen: list[str] = []

    def answer_dialog() -> None:
        box = handler.last_box
        assert box is not None
        seen.append(box.text())
        seen.extend(button.text() for button in box.buttons())
        box.button(QMessageBox.StandardButton.NoButton)
        box.buttons()[0].click()  # "Carry on"

    QTimer.singleShot(0, answer_dialog)
    try:
        raise RuntimeError("boom with a secret answer 45")
    except RuntimeError as error:
        handler(type(error), error, error.__traceback__)
    assert seen and "Traceback" not in seen[0] and "secret" not in seen[0]
    assert "Carry on" in seen and "Start over" in seen
    assert window.current_id() == PageId.REVIEW
    assert window.draft.get("age_years") == 45


def test_the_crash_handler_can_start_over(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 45})
    handler = CrashHandler(window)
    QTimer.singleShot(0, lambda: handler.last_box.buttons()[1].click())  # type: ignore[union-attr]
    error = ValueError("x")
    handler(ValueError, error, None)
    assert window.current_id() == PageId.WELCOME
    assert window.draft.is_empty()


def test_a_chosen_option_shows_a_tick_not_only_a_colour(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_page(qtbot, window)
    female = window.about_you.sex.buttons[0]
    qtbot.mouseClick(female, Qt.MouseButton.LeftButton)
    assert female.text() == "✓ Female"
    assert female.accessibleName().endswith(": Female")  # the screen reader hears the checked state from Qt
    qtbot.mouseClick(window.about_you.sex.buttons[1], Qt.MouseButton.LeftButton)
    assert female.text() == "Female"
    assert window.about_you.sex.buttons[1].text() == "✓ Male"
