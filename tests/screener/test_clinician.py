"""Every clinician flag is raised by its answer, with its reason, and not raised without it."""

from __future__ import annotations

import pytest

from tests.screener.helpers import WORST_CASE, scored


def flags(**fields: object) -> list[str]:
    return list(scored(**fields).clinician.flags)


def test_no_answers_no_flags() -> None:
    result = scored()
    assert result.clinician.flags == []
    assert result.clinician.reasons == []
    assert "kidney_disease" in result.clinician.unanswered


def test_kidney_disease() -> None:
    assert flags(kidney_disease=True) == ["kidney_disease"]
    assert flags(kidney_disease=False) == []


@pytest.mark.parametrize("status", ["pregnant", "breastfeeding"])
def test_pregnancy_and_breastfeeding(status: str) -> None:
    result = scored(sex="female", pregnancy=status)
    assert result.clinician.flags == ["pregnancy"]
    assert result.clinician.reasons[0].values == {"status": status}
    assert flags(sex="female", pregnancy="none") == []


@pytest.mark.parametrize("medicine", ["diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate"])
def test_each_interacting_medicine(medicine: str) -> None:
    result = scored(medicines=[medicine])
    assert result.clinician.flags == ["interacting_medicine"]
    assert result.clinician.reasons[0].values == {"medicines": [medicine]}


def test_other_regular_medicine_is_advice_not_a_flag() -> None:
    result = scored(medicines=["other_regular"])
    assert result.clinician.flags == []
    assert [r.id for r in result.clinician.reasons] == ["other_regular_medicine"]


@pytest.mark.parametrize(
    ("nights", "months", "flagged"),
    [(3, 3, True), (7, 24, True), (2, 12, False), (3, 2, False), (3, None, False), (None, 12, False)],
)
def test_chronic_insomnia_needs_three_nights_for_three_months(
    nights: int | None, months: int | None, flagged: bool
) -> None:
    result = scored(insomnia_nights_per_week=nights, sleep_problem_months=months)
    assert ("chronic_insomnia" in result.clinician.flags) is flagged
    if flagged:
        assert result.clinician.reasons[0].values == {"nights": nights, "months": months}


def test_frequent_but_recent_insomnia_is_advice() -> None:
    result = scored(insomnia_nights_per_week=4, sleep_problem_months=1)
    assert result.clinician.flags == []
    assert result.clinician.reasons[0].id == "frequent_insomnia"


def test_snoring_or_gasping_raises_possible_sleep_apnoea() -> None:
    assert flags(snoring_or_gasping=True) == ["possible_sleep_apnoea"]
    assert flags(snoring_or_gasping=False) == []


@pytest.mark.parametrize(("age", "flagged"), [(17, True), (0, True), (18, False)])
def test_minor(age: int, flagged: bool) -> None:
    assert ("minor" in flags(age_years=age)) is flagged


@pytest.mark.parametrize(
    ("sex", "drinks", "advised"),
    [
        ("female", 8, True),
        ("female", 7, False),
        ("male", 14, False),
        ("male", 15, True),
        (None, 8, True),  # sex not given: the lower limit, as for reference intakes
        ("unspecified", 8, True),
        ("unspecified", 7, False),
    ],
)
def test_heavy_alcohol_is_advice(sex: str | None, drinks: float, advised: bool) -> None:
    result = scored(sex=sex, alcohol_drinks_per_week=drinks)
    assert result.clinician.flags == []
    assert ("heavy_alcohol" in [r.id for r in result.clinician.reasons]) is advised


@pytest.mark.parametrize("products", [["supplement"], ["laxative"], ["antacid"], ["laxative", "antacid"]])
def test_magnesium_already_taken_is_a_flag_with_what_is_taken(products: list[str]) -> None:
    result = scored(age_years=40, magnesium_products=products)
    assert result.clinician.flags == ["magnesium_products"]
    values = result.clinician.reasons[0].values
    assert values["products"] == products
    assert (values["kidney"], values["older"]) == (False, False)
    assert values["upper_mg"] == 350


@pytest.mark.parametrize(
    ("age", "kidney", "stronger"), [(64, None, False), (65, None, True), (40, True, True), (80, False, True)]
)
def test_magnesium_already_taken_is_stronger_with_kidney_disease_or_from_65(
    age: int, kidney: bool | None, stronger: bool
) -> None:
    result = scored(age_years=age, kidney_disease=kidney, magnesium_products=["laxative"])
    values = next(r.values for r in result.clinician.reasons if r.id == "magnesium_products")
    assert bool(values["kidney"] or values["older"]) is stronger


def test_none_of_these_magnesium_products_raises_nothing() -> None:
    assert flags(magnesium_products=[]) == []


def test_skipped_safety_questions_are_listed_in_question_order() -> None:
    result = scored(age_years=40, sex="female", insomnia_nights_per_week=2)
    # Asked and not answered: pregnancy (female, 40), kidneys, medicines, magnesium, sleep duration, snoring.
    assert result.clinician.unanswered == [
        "pregnancy",
        "kidney_disease",
        "medicines",
        "magnesium_products",
        "sleep_problem_months",
        "snoring_or_gasping",
    ]
    male = scored(
        age_years=40,
        sex="male",
        kidney_disease=False,
        medicines=[],
        magnesium_products=[],
        insomnia_nights_per_week=0,
        snoring_or_gasping=False,
    )
    assert male.clinician.unanswered == []  # pregnancy and sleep duration were never asked


def test_worst_case_raises_every_flag_but_minor_and_pregnancy_with_a_reason_each() -> None:
    result = scored(**WORST_CASE)
    assert result.clinician.flags == [
        "kidney_disease",
        "interacting_medicine",
        "magnesium_products",
        "chronic_insomnia",
        "possible_sleep_apnoea",
    ]
    flag_reasons = [r.id for r in result.clinician.reasons if r.id in result.clinician.flags]
    assert flag_reasons == result.clinician.flags
    assert all(result.groups[g].level == "likely" for g in result.groups)
    assert result.clinician.unanswered == []
