"""Invariants of scoring that hold for any valid answers (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from screener.answers import DRINKS, FOOD_GROUPS, Answers
from screener.result import GROUP_IDS, Result
from screener.scoring import score
from tests.screener.strategies import answers, hours, regions

RANK = {"none": 0, "possible": 1, "likely": 2}


def rank(result: Result, group: str) -> int:
    return RANK[result.groups[group].level]  # type: ignore[index]


def with_fields(base: Answers, **fields: object) -> Answers:
    return Answers.model_validate({**base.model_dump(), **fields})


@given(answers, regions)
def test_any_valid_answers_give_a_valid_result(a: Answers, region: str) -> None:
    result = score(a, region)  # type: ignore[arg-type]
    assert Result.model_validate_json(result.model_dump_json()) == result
    assert set(result.groups) == set(GROUP_IDS)
    assert len(set(result.clinician.flags)) == len(result.clinician.flags)


@given(answers, regions)
def test_every_level_but_none_has_a_reason(a: Answers, region: str) -> None:
    result = score(a, region)  # type: ignore[arg-type]
    for group in GROUP_IDS:
        if result.groups[group].level != "none":
            assert result.groups[group].reasons, group
    flagged_reasons = {r.id for r in result.clinician.reasons}
    assert set(result.clinician.flags) <= flagged_reasons


@given(answers, regions, st.sampled_from(DRINKS), st.floats(0.01, 20, allow_nan=False))
def test_more_caffeine_never_lowers_the_caffeine_level(a: Answers, region: str, drink: str, extra: float) -> None:
    drinks = a.caffeine_servings_per_day.model_dump() if a.caffeine_servings_per_day else {d: 0.0 for d in DRINKS}
    more = {**drinks, drink: min(50.0, drinks[drink] + extra)}
    before = score(with_fields(a, caffeine_servings_per_day=drinks), region)  # type: ignore[arg-type]
    after = score(with_fields(a, caffeine_servings_per_day=more), region)  # type: ignore[arg-type]
    assert rank(after, "high_caffeine") >= rank(before, "high_caffeine")


@given(answers.filter(lambda a: a.age_years >= 18), regions, st.sampled_from(FOOD_GROUPS), st.integers(1, 30))
def test_more_servings_never_raise_the_low_intake_level(a: Answers, region: str, food: str, extra: int) -> None:
    servings = a.servings_per_week.model_dump() if a.servings_per_week else {f: 0 for f in FOOD_GROUPS}
    more = {**servings, food: min(100, servings[food] + extra)}
    before = score(with_fields(a, servings_per_week=servings), region)  # type: ignore[arg-type]
    after = score(with_fields(a, servings_per_week=more), region)  # type: ignore[arg-type]
    assert rank(after, "low_dietary_intake") <= rank(before, "low_dietary_intake")


@given(answers, hours, hours)
def test_more_sweaty_hours_never_lower_the_athlete_level(a: Answers, h1: float, h2: float) -> None:
    low, high = sorted((h1, h2))
    before = score(with_fields(a, exercise_hours_per_week=low))
    after = score(with_fields(a, exercise_hours_per_week=high))
    assert rank(after, "athlete_sweat_loss") >= rank(before, "athlete_sweat_loss")


@given(answers, st.booleans())
def test_heavy_sweating_never_lowers_the_athlete_level(a: Answers, _unused: bool) -> None:
    hours_given = with_fields(a, exercise_hours_per_week=a.exercise_hours_per_week or 0.0)
    without = score(with_fields(hours_given, heavy_sweating=False))
    with_sweat = score(with_fields(hours_given, heavy_sweating=True))
    assert rank(with_sweat, "athlete_sweat_loss") >= rank(without, "athlete_sweat_loss")


@given(answers, st.integers(0, 4), st.integers(0, 4), st.integers(0, 1200), st.integers(0, 1200))
def test_more_stress_frequency_or_months_never_lower_the_stress_level(
    a: Answers, f1: int, f2: int, m1: int, m2: int
) -> None:
    (f_low, f_high), (m_low, m_high) = sorted((f1, f2)), sorted((m1, m2))
    base = score(with_fields(a, stress_frequency=f_low, stress_months=m_low))
    more_often = score(with_fields(a, stress_frequency=f_high, stress_months=m_low))
    longer = score(with_fields(a, stress_frequency=f_low, stress_months=m_high))
    assert rank(more_often, "chronic_stress") >= rank(base, "chronic_stress")
    assert rank(longer, "chronic_stress") >= rank(base, "chronic_stress")


@given(answers, regions)
def test_skipping_an_input_gives_unknown(a: Answers, region: str) -> None:
    skipped = with_fields(
        a, servings_per_week=None, caffeine_servings_per_day=None, exercise_hours_per_week=None, stress_frequency=None
    )
    result = score(skipped, region)  # type: ignore[arg-type]
    for group in ("low_dietary_intake", "high_caffeine", "athlete_sweat_loss", "chronic_stress"):
        assert result.groups[group].level == "unknown"  # type: ignore[index]
