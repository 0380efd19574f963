"""Hypothesis strategies for valid answers."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from screener.answers import DRINKS, FOOD_GROUPS, MEDICINES, Answers


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


servings = st.fixed_dictionaries({}, optional={f: st.integers(0, 100) for f in FOOD_GROUPS})
drinks = st.fixed_dictionaries(
    {}, optional={d: st.floats(0, 50, allow_nan=False, allow_infinity=False) for d in DRINKS}
)
hours = st.floats(0, 168, allow_nan=False, allow_infinity=False)

answer_fields = st.fixed_dictionaries(
    {"age_years": st.integers(0, 120)},
    optional={
        "sex": maybe(st.sampled_from(["female", "male", "unspecified"])),
        "pregnancy": maybe(st.sampled_from(["none", "pregnant", "breastfeeding"])),
        "stress_frequency": maybe(st.integers(0, 4)),
        "stress_months": maybe(st.integers(0, 1200)),
        "servings_per_week": maybe(servings),
        "exercise_hours_per_week": maybe(hours),
        "heavy_sweating": maybe(st.booleans()),
        "caffeine_servings_per_day": maybe(drinks),
        "caffeine_after_2pm": maybe(st.booleans()),
        "kidney_disease": maybe(st.booleans()),
        "medicines": maybe(st.lists(st.sampled_from(MEDICINES), unique=True)),
        "alcohol_drinks_per_week": maybe(st.floats(0, 500, allow_nan=False)),
        "insomnia_nights_per_week": maybe(st.integers(0, 7)),
        "sleep_problem_months": maybe(st.integers(0, 1200)),
        "snoring_or_gasping": maybe(st.booleans()),
    },
)

answers = answer_fields.map(Answers.model_validate)
regions = st.sampled_from(["jp", "us"])
