"""Builders for answers in tests."""

from __future__ import annotations

from typing import Any

from screener.answers import Answers
from screener.result import Result
from screener.scoring import score


def answers(**fields: Any) -> Answers:
    """Answers with only the given fields (age 40 unless given); everything else skipped."""
    fields.setdefault("age_years", 40)
    return Answers.model_validate(fields)


def scored(region: str = "jp", **fields: Any) -> Result:
    return score(answers(**fields), region=region)  # type: ignore[arg-type]


def level(group: str, region: str = "jp", **fields: Any) -> str:
    return scored(region, **fields).groups[group].level  # type: ignore[index]


WORST_CASE: dict[str, Any] = {
    "age_years": 72,
    "sex": "female",
    "pregnancy": "none",
    "stress_frequency": 4,
    "stress_months": 12,
    "servings_per_week": {"leafy_greens": 0, "nuts": 0, "seeds": 0, "legumes": 1, "whole_grains": 0, "avocado": 0},
    "exercise_hours_per_week": 12,
    "heavy_sweating": True,
    "caffeine_servings_per_day": {"coffee": 5, "black_tea": 1, "green_tea": 2, "energy_drink": 1, "cola": 1},
    "caffeine_after_2pm": True,
    "kidney_disease": True,
    "medicines": ["diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate", "other_regular"],
    "alcohol_drinks_per_week": 20,
    "insomnia_nights_per_week": 5,
    "sleep_problem_months": 8,
    "snoring_or_gasping": True,
}
