"""The tap guard keeps a finger's accidents from answering: a double tap is one tap, a tap just after the screen
changed lands nowhere, the result's actions wait a second, and a finger held down across a screen change does
nothing. Taps are sent as the window system sends them, with their own timestamps (QTest's clicks would space
them 500 ms apart)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.driver import control, settle
from ui.shell.window import ScreenerWindow
from ui.tour import send_pointer
from ui.widgets.choices import ChoiceGroup


class Finger:
    """Presses and releases with the times a person's finger gives them (ms on the window system's clock)."""

    def __init__(self) -> None:
        self.now = 10_000_000

    def tap(self, widget: QWidget, after_ms: int, hold_ms: int = 80) -> None:
        """A tap ``after_ms`` after the last one ended."""
        self.now += after_ms
        send_pointer(widget, "press", self.now)
        self.now += hold_ms
        send_pointer(widget, "release", self.now)
        settle()

    def press(self, widget: QWidget, after_ms: int) -> None:
        self.now += after_ms
        send_pointer(widget, "press", self.now)

    def release(self, widget: QWidget, after_ms: int) -> None:
        self.now += after_ms
        send_pointer(widget, "release", self.now)
        settle()


def to_age(qtbot: QtBot, window: ScreenerWindow, finger: Finger) -> None:
    finger.tap(window.footer.next_button, 2000)  # Start
    assert window.current_id() == "age"
    for digit in "70":
        finger.tap(control(window, "age_years").keys[digit], 700)  # type: ignore[attr-defined]


def test_a_double_tap_on_next_moves_one_screen(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    to_age(qtbot, window, finger)
    finger.tap(window.footer.next_button, 900)
    finger.tap(window.footer.next_button, 200)  # the second tap of a double tap, 200 ms later
    assert window.current_id() == "sex"
    finger.tap(window.footer.next_button, 900)  # a deliberate tap, later, moves on
    assert window.current_id() == "stress"
    finger.tap(window.footer.next_button, 900)
    finger.tap(window.footer.next_button, 350)  # a slower double tap, 350 ms apart (as seen skipping Food)
    assert window.current_id() == "diet"


def test_a_tap_just_after_the_screen_changed_answers_nothing(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    to_age(qtbot, window, finger)
    finger.tap(window.footer.next_button, 900)  # to Sex
    female = control(window, "sex").buttons["female"]  # type: ignore[attr-defined]
    finger.tap(female, 900)
    finger.tap(window.footer.next_button, 900)  # to Stress
    assert window.current_id() == "stress"
    stress = control(window, "stress_frequency")
    assert isinstance(stress, ChoiceGroup)
    finger.tap(
        stress.buttons["hardly_ever"] if "hardly_ever" in stress.buttons else next(iter(stress.buttons.values())), 250
    )
    assert "stress_frequency" not in window.sheet.values()  # nobody chose it
    assert window.sheet.values()["sex"] == "female"


def test_a_double_tap_on_a_count_keeps_it(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    window.sheet.set_age(70)
    window.show_screen("diet")
    nuts = control(window, "servings_per_week").rows["nuts"].choices.buttons["2"]  # type: ignore[attr-defined]
    finger.tap(nuts, 1000)
    finger.tap(nuts, 150)
    assert window.sheet.values()["servings_per_week"]["nuts"] == 2


def test_the_number_pad_takes_a_digit_twice(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    finger.tap(window.footer.next_button, 2000)
    seven = control(window, "age_years").keys["7"]  # type: ignore[attr-defined]
    finger.tap(seven, 700)
    finger.tap(seven, 150)  # 77 is two quick taps on purpose
    assert window.sheet.age() == 77


def test_a_double_tap_on_see_my_result_does_not_print(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    printed: list[bool] = []
    window.print_requested.connect(lambda: printed.append(True))
    window.sheet.set_age(70)
    window.show_screen("review")
    finger.tap(window.footer.next_button, 2000)  # See my result
    assert window.current_id() == "result"
    assert window.footer.print_button.isVisible()
    finger.tap(window.footer.print_button, 300)  # the double tap's second half lands on Print
    finger.tap(window.footer.print_button, 400)  # and a look of less than a second
    assert printed == []
    finger.tap(window.footer.print_button, 1200)  # once the result has been seen
    assert printed == [True]


def test_a_finger_held_down_across_a_screen_change_does_nothing(qtbot: QtBot, window: ScreenerWindow) -> None:
    finger = Finger()
    window.sheet.set_age(70)
    window.show_screen("sex")
    female = control(window, "sex").buttons["female"]  # type: ignore[attr-defined]
    finger.press(female, 2000)
    window.show_screen("stress")  # the screen changes under the finger (a reset, a timer)
    window.show_screen("sex")
    finger.release(female, 300)
    assert "sex" not in window.sheet.values()
