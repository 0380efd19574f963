"""The whole flow driven by taps, for several answer sets: the answers land in the contract exactly, and the
result screen shows exactly the core's levels; a question nobody touched is "Not answered", never zero."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from screener.answer_sheet import AnswerSheet
from screener.answers import Answers
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.wording import group_title, level_label
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_screen, tap, type_age
from ui.shell.window import ScreenerWindow

# Values a person can tap: every number is one of the one-tap choices of the reference table.
ANSWER_SETS: dict[str, dict[str, Any]] = {
    "worst case": WORST_CASE,
    "young and calm": {
        "age_years": 30,
        "sex": "male",
        "stress_frequency": 1,
        "servings_per_week": {"leafy_greens": 7, "nuts": 7, "seeds": 3, "legumes": 7, "whole_grains": 14},
        "exercise_hours_per_week": 1.0,
        "heavy_sweating": False,
        "caffeine_servings_per_day": {"coffee": 1.0},
        "caffeine_after_2pm": False,
        "kidney_disease": False,
        "medicines": [],
        "magnesium_products": [],
        "alcohol_drinks_per_week": 1.0,
        "insomnia_nights_per_week": 0,
        "snoring_or_gasping": False,
    },
    "pregnant, lots of tea": {
        "age_years": 33,
        "sex": "female",
        "pregnancy": "pregnant",
        "stress_frequency": 3,
        "stress_months": 1,
        "servings_per_week": {"legumes": 4, "whole_grains": 5},
        "exercise_hours_per_week": 2.5,
        "heavy_sweating": True,
        "caffeine_servings_per_day": {"green_tea": 3.0, "black_tea": 0.5},
        "caffeine_after_2pm": True,
        "kidney_disease": False,
        "magnesium_products": ["supplement"],
        "alcohol_drinks_per_week": 0.0,
        "insomnia_nights_per_week": 4,
        "sleep_problem_months": 1,
    },
    "only the age": {"age_years": 55},
}


def tappable(answers: Answers) -> Answers:
    """The answers as the one-tap choices record them (12 hours a week is the "10 hours or more" choice)."""
    sheet = AnswerSheet()
    sheet.load(answers)
    return sheet.to_answers()


@pytest.mark.parametrize("name", list(ANSWER_SETS))
def test_result_screen_shows_the_levels_the_core_computes(qtbot: QtBot, window: ScreenerWindow, name: str) -> None:
    given = tappable(Answers.model_validate(ANSWER_SETS[name]))
    if name != "worst case":
        assert given == Answers.model_validate(ANSWER_SETS[name])  # these sets use tappable numbers only
    answer_everything(qtbot, window, given)
    assert window.sheet.to_answers() == given  # every tap landed on the contract value it stands for
    next_screen(qtbot, window)  # "See my result"
    assert window.current_id() == "result"
    expected = score(given, region="us")
    assert window.result == expected
    result_screen = window.result_screen()
    for group in GROUP_IDS:
        assert level_label(expected.groups[group].level) in result_screen.level_text(group), group
    summary = result_screen.summary.spoken_text()
    for group in expected.matched_groups():
        assert group_title(group) in summary
    # The box says each flag in the person's own answers, the words the first screen's wording gives it.
    from screener.why import clinician_lines

    box = result_screen.summary.alert_text.text()
    sections = clinician_lines(expected)
    assert len(sections) == len({f in ("chronic_insomnia", "possible_sleep_apnoea") for f in expected.clinician.flags})
    assert all(f"⚠ {section}" in box for section in sections)


def test_untouched_questions_are_not_answered_never_zero(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_screen(qtbot, window)
    type_age(qtbot, window, 40)
    assert window.footer.next_button.text() == "Next"
    next_screen(qtbot, window)
    while window.current_id() != "review":
        assert window.footer.next_button.text() == "Skip this question"  # nothing answered here yet
        next_screen(qtbot, window)
    assert window.sheet.values() == {"age_years": 40}
    review = window.screen_widget("review")
    assert all(text == "Not answered" for text in review.answer_texts()[1:])  # type: ignore[attr-defined]
    next_screen(qtbot, window)
    assert window.result is not None
    for group in ("chronic_stress", "low_dietary_intake", "athlete_sweat_loss", "high_caffeine"):
        assert window.result.groups[group].level == "unknown"  # type: ignore[index]
    assert window.result.clinician.unanswered == [
        "pregnancy",  # asked: 40 and sex not given
        "kidney_disease",
        "medicines",
        "magnesium_products",
        "insomnia_nights_per_week",
        "snoring_or_gasping",
    ]


def test_age_is_required_and_a_bad_age_is_named_without_moving_anything(qtbot: QtBot, window: ScreenerWindow) -> None:
    """The age screen never offers a skip it would refuse: Next waits, greyed, with a line saying why; a bad age is
    named; neither message moves a key of the pad."""
    next_screen(qtbot, window)
    screen = window.navigator.current()
    pad = screen.blocks[0].control  # type: ignore[attr-defined]
    where = {key: button.geometry() for key, button in pad.keys.items()}
    next_button = window.footer.next_button
    assert window.current_id() == "age"
    assert not next_button.isEnabled() and next_button.text() == "Next"  # not "Skip this question"
    assert screen.error.text() == "Enter your age to go on."  # type: ignore[attr-defined]
    window.go_next()  # Alt+Right, the keyboard's Next: refused the same way
    assert window.current_id() == "age"
    for digit in "130":
        tap(qtbot, pad.keys[digit])
    assert not next_button.isEnabled()
    assert "from 0 to 120" in screen.error.text()  # type: ignore[attr-defined]
    assert {key: button.geometry() for key, button in pad.keys.items()} == where  # the messages moved nothing
    tap(qtbot, pad.keys["⌫"])
    assert screen.error.text() == ""  # type: ignore[attr-defined]
    assert next_button.isEnabled()
    next_screen(qtbot, window)
    assert window.current_id() == "sex"
    assert window.sheet.age() == 13
