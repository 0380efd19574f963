"""The whole flow driven by taps, for several answer sets: the result page shows exactly the core's levels."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from screener.answers import Answers
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.wording import level_label
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_page, tap
from ui.pages.base import PageId
from ui.window import ScreenerWindow

ANSWER_SETS: dict[str, dict[str, Any]] = {
    # At 72 the pregnancy question is not asked, so the wizard leaves it unanswered.
    "worst case": {k: v for k, v in WORST_CASE.items() if k != "pregnancy"},
    "young and calm": {
        "age_years": 30,
        "sex": "male",
        "stress_frequency": 1,
        "servings_per_week": {"leafy_greens": 7, "nuts": 7, "seeds": 3, "legumes": 7, "whole_grains": 7},
        "exercise_hours_per_week": 2.0,
        "heavy_sweating": False,
        "caffeine_servings_per_day": {"coffee": 1.0},
        "caffeine_after_2pm": False,
        "kidney_disease": False,
        "medicines": [],
        "alcohol_drinks_per_week": 2.0,
        "insomnia_nights_per_week": 0,
        "snoring_or_gasping": False,
    },
    "pregnant, lots of tea": {
        "age_years": 33,
        "sex": "female",
        "pregnancy": "pregnant",
        "stress_frequency": 3,
        "stress_months": 2,
        "servings_per_week": {"legumes": 4, "whole_grains": 5},
        "exercise_hours_per_week": 3.5,
        "heavy_sweating": True,
        "caffeine_servings_per_day": {"green_tea": 3.0, "black_tea": 1.5},
        "caffeine_after_2pm": True,
        "kidney_disease": False,
        "alcohol_drinks_per_week": 0.0,
        "insomnia_nights_per_week": 4,
        "sleep_problem_months": 1,
    },
    "everything skipped": {"age_years": 55},
}


def result_levels(window: ScreenerWindow) -> dict[str, str]:
    return {group: window.result_page.level_text(group) for group in GROUP_IDS}


@pytest.mark.parametrize("name", list(ANSWER_SETS))
def test_result_page_shows_the_levels_the_core_computes(qtbot: QtBot, window: ScreenerWindow, name: str) -> None:
    given = ANSWER_SETS[name]
    answer_everything(qtbot, window, given)
    next_page(qtbot, window)  # "See my result"
    assert window.current_id() == PageId.RESULT

    expected = score(Answers.model_validate(given), region="us")  # English defaults to US intakes
    assert window.draft.to_answers() == Answers.model_validate(given)
    shown = result_levels(window)
    for group in GROUP_IDS:
        assert shown[group].endswith(level_label(expected.groups[group].level)), group
    assert window.result == expected


def test_skipped_pages_become_unknown(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    next_page(qtbot, window)
    assert window.result is not None
    for group in ("chronic_stress", "low_dietary_intake", "athlete_sweat_loss", "high_caffeine"):
        assert window.result.groups[group].level == "unknown"  # type: ignore[index]
        assert "Not answered" in window.result_page.level_text(group)


def test_age_is_required_and_a_bad_age_is_named(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_page(qtbot, window)
    next_page(qtbot, window)
    assert window.current_id() == PageId.ABOUT_YOU
    assert window.about_you.age_error.text().startswith("Age:")
    for digit in "130":
        tap(qtbot, window.about_you.age.keys[digit])
    next_page(qtbot, window)
    assert window.current_id() == PageId.ABOUT_YOU
    assert "from 0 to 120" in window.about_you.age_error.text()
    tap(qtbot, window.about_you.age.keys["⌫"])
    assert window.about_you.age_error.isHidden()
    next_page(qtbot, window)
    assert window.current_id() == PageId.STRESS
    assert window.draft.get("age_years") == 13
