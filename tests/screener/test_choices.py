"""Every one-tap answer records a number inside the numbers it stands for, and no choice straddles a threshold: each
level and flag that depends on that one answer is the same for every number the choice covers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from screener.answer_sheet import AnswerSheet, choice_code
from screener.questions import question, screens
from screener.reference import ChoiceBin, reference_table
from tests.screener.helpers import level, scored

T = reference_table().thresholds


def samples(choice: ChoiceBin) -> list[float]:
    """The choice's edges and points between: its lowest number, just under its top, and a few inside."""
    if choice.exact:
        return [choice.low]
    top = choice.high if choice.high is not None else choice.low + 100
    inside = [choice.low + (top - choice.low) * f for f in (0.25, 0.5, 0.75)]
    return [choice.low, *inside, top - 1e-6] if choice.high is not None else [choice.low, *inside, top]


# What depends on one answer alone: a function of the number, for each binned question.
OUTCOMES: dict[str, Callable[[float], object]] = {
    "stress_months": lambda m: [level("chronic_stress", stress_frequency=f, stress_months=int(m)) for f in (2, 3, 4)],
    "sleep_problem_months": lambda m: [
        "chronic_insomnia" in scored(insomnia_nights_per_week=n, sleep_problem_months=int(m)).clinician.flags
        for n in (3, 7)
    ],
    "exercise_hours_per_week": lambda h: [
        level("athlete_sweat_loss", exercise_hours_per_week=h, heavy_sweating=s) for s in (True, False, None)
    ],
    "alcohol_drinks_per_week": lambda d: [
        "heavy_alcohol" in [r.id for r in scored(sex=s, alcohol_drinks_per_week=d).clinician.reasons]
        for s in ("male", "female", None)
    ],
    "insomnia_nights_per_week": lambda n: [
        "chronic_insomnia" in scored(insomnia_nights_per_week=int(n), sleep_problem_months=6).clinician.flags
    ],
}


@pytest.mark.parametrize("table", sorted(OUTCOMES))
def test_no_choice_straddles_a_threshold(table: str) -> None:
    for choice in reference_table().choices[table].bins:
        numbers = [
            n
            for n in samples(choice)
            if not (table in ("stress_months", "sleep_problem_months", "insomnia_nights_per_week") and n != int(n))
        ]
        outcomes = {repr(OUTCOMES[table](n)) for n in numbers}
        assert len(outcomes) == 1, (table, choice.code, numbers, outcomes)


@pytest.mark.parametrize(
    "field",
    [
        "stress_months",
        "exercise_hours_per_week",
        "alcohol_drinks_per_week",
        "sleep_problem_months",
        "insomnia_nights_per_week",
    ],
)
def test_each_choice_records_its_tables_value_and_reads_back_as_itself(field: str) -> None:
    asked = question(field)
    assert asked.bins is not None
    for choice, row in zip(asked.choices, reference_table().choices[asked.bins].bins, strict=True):
        assert choice.code == row.code and choice.value == row.value
        assert row.covers(row.value)
        assert choice_code(asked, row.value) == row.code


def test_thresholds_sit_on_choice_edges() -> None:
    """The numbers the rules turn on are the first numbers of a choice, so a person can answer either side."""
    edges = {name: {b.low for b in table.bins} for name, table in reference_table().choices.items()}
    assert {T.chronic_stress.possible_from_months, T.chronic_stress.chronic_from_months} <= edges["stress_months"]
    assert T.clinician.insomnia_from_months in edges["sleep_problem_months"]
    assert {
        T.athlete_sweat_loss.possible_with_heavy_sweating_from_hours,
        T.athlete_sweat_loss.possible_from_hours,
    } <= edges["exercise_hours_per_week"]
    assert {
        T.clinician.heavy_alcohol_from_drinks_per_week_other,
        T.clinician.heavy_alcohol_from_drinks_per_week_male,
    } <= edges["alcohol_drinks_per_week"]


def test_a_tap_on_a_threshold_choice_lands_exactly_on_the_threshold() -> None:
    sheet = AnswerSheet()
    sheet.set_age(40)
    sheet.pick("stress_frequency", "3")
    sheet.pick("stress_months", "3-5")
    assert sheet.values()["stress_months"] == T.chronic_stress.chronic_from_months
    sheet.pick("exercise_hours_per_week", "2.5-5")
    assert sheet.values()["exercise_hours_per_week"] == T.athlete_sweat_loss.possible_with_heavy_sweating_from_hours


def test_every_question_of_the_contract_is_asked_somewhere() -> None:
    from screener.answers import Answers

    asked = {q.field for s in screens() for q in s.questions}
    assert asked == set(Answers.model_fields)


def test_choice_labels_match_the_tables_codes() -> None:
    for s in screens():
        for q in s.questions:
            if q.bins:
                codes = [c.code for c in q.choices if c.code != "none" or q.kind != "counts"]
                table_codes = [b.code for b in reference_table().choices[q.bins].bins]
                assert [c for c in codes if c in table_codes] == table_codes, q.field
