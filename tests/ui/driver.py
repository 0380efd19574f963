"""Drives the wizard the way a person does: taps on big buttons, the number pad and the steppers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.pages.base import PageId
from ui.widgets import OptionGroup, Stepper, ToggleGroup
from ui.window import ScreenerWindow


def tap(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"cannot tap {widget.accessibleName() or widget}"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, group: OptionGroup, value: Any) -> None:
    index = group._values.index(value)
    tap(qtbot, group.buttons[index])


def step_to(qtbot: QtBot, stepper: Stepper, target: float) -> None:
    while stepper.value() < target:
        tap(qtbot, stepper.plus)
    while stepper.value() > target:
        tap(qtbot, stepper.minus)
    assert stepper.value() == target


def toggle(qtbot: QtBot, group: ToggleGroup, values: list[str]) -> None:
    for value, button in zip(group._values, group.buttons, strict=True):
        if (value in values) != button.isChecked():
            tap(qtbot, button)


def next_page(qtbot: QtBot, window: ScreenerWindow) -> None:
    tap(qtbot, window.next_button)


def type_age(qtbot: QtBot, window: ScreenerWindow, age: int | str) -> None:
    entry = window.about_you.age
    while entry.text():
        tap(qtbot, entry.keys["⌫"])
    for digit in str(age):
        tap(qtbot, entry.keys[digit])


def answer_everything(qtbot: QtBot, window: ScreenerWindow, answers: dict[str, Any]) -> None:
    """From the welcome page to the review page, answering as given; a missing answer is skipped or left blank."""
    assert window.current_id() == PageId.WELCOME
    next_page(qtbot, window)

    type_age(qtbot, window, answers["age_years"])
    if answers.get("sex") is not None:
        choose(qtbot, window.about_you.sex, answers["sex"])
    if answers.get("pregnancy") is not None:
        choose(qtbot, window.about_you.pregnancy, answers["pregnancy"])
    next_page(qtbot, window)

    page = window.stress
    if answers.get("stress_frequency") is None:
        tap(qtbot, window.skip_button)
    else:
        choose(qtbot, page.frequency, answers["stress_frequency"])
        if answers.get("stress_months") is not None:
            step_to(qtbot, page.months, answers["stress_months"])
        next_page(qtbot, window)

    _counts(qtbot, window, window.diet.steppers, answers.get("servings_per_week"))

    page = window.exercise
    if answers.get("exercise_hours_per_week") is None:
        tap(qtbot, window.skip_button)
    else:
        step_to(qtbot, page.hours, answers["exercise_hours_per_week"])
        if answers.get("heavy_sweating") is not None:
            choose(qtbot, page.sweat, answers["heavy_sweating"])
        next_page(qtbot, window)

    drinks = answers.get("caffeine_servings_per_day")
    if drinks is None:
        tap(qtbot, window.skip_button)
    else:
        for drink, stepper in window.caffeine.steppers.items():
            step_to(qtbot, stepper, drinks.get(drink, 0))
        if answers.get("caffeine_after_2pm") is not None:
            choose(qtbot, window.caffeine.late, answers["caffeine_after_2pm"])
        next_page(qtbot, window)

    page = window.health
    if all(answers.get(f) is None for f in ("kidney_disease", "medicines", "alcohol_drinks_per_week")):
        tap(qtbot, window.skip_button)
    else:
        _health(qtbot, window, answers)

    page = window.sleep
    if answers.get("insomnia_nights_per_week") is None:
        tap(qtbot, window.skip_button)
    else:
        step_to(qtbot, page.nights, answers["insomnia_nights_per_week"])
        if answers.get("sleep_problem_months") is not None:
            step_to(qtbot, page.months, answers["sleep_problem_months"])
        if answers.get("snoring_or_gasping") is not None:
            choose(qtbot, page.snoring, answers["snoring_or_gasping"])
        next_page(qtbot, window)
    assert window.current_id() == PageId.REVIEW


def _health(qtbot: QtBot, window: ScreenerWindow, answers: dict[str, Any]) -> None:
    page = window.health
    if answers.get("kidney_disease") is not None:
        choose(qtbot, page.kidney, answers["kidney_disease"])
    if answers.get("medicines") is not None:
        toggle(qtbot, page.medicines, answers["medicines"] or ["none"])
    step_to(qtbot, page.alcohol, answers.get("alcohol_drinks_per_week") or 0)
    next_page(qtbot, window)


def _counts(
    qtbot: QtBot, window: ScreenerWindow, steppers: dict[str, Stepper], counts: dict[str, float] | None
) -> None:
    if counts is None:
        tap(qtbot, window.skip_button)
        return
    for item, stepper in steppers.items():
        step_to(qtbot, stepper, counts.get(item, 0))
    next_page(qtbot, window)


def visible_buttons(widget: QWidget) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton) if b.isVisible()]


def visit_every_page(qtbot: QtBot, window: ScreenerWindow, answers: dict[str, Any]) -> Iterator[PageId]:
    """Answer everything, then show each page in order (the result through "See my result"), yielding its id."""
    answer_everything(qtbot, window, answers)
    for pid in PageId:
        if pid == PageId.RESULT:
            next_page(qtbot, window)
        else:
            window.show_page(pid)
        yield pid
