"""Turns answers into a result: a level with reasons for each of the five groups, and the clinician section.

Pure functions, no I/O. Every number that decides a level comes from the reference table. The parts are built as
plain data and validated once, as a whole, into a ``Result`` (one pass in pydantic's core: fast enough to score
tens of thousands of answer sets a second).
"""

from __future__ import annotations

from typing import Any

from screener.answers import DRINKS, FOOD_GROUPS, Answers
from screener.content import content_version
from screener.ids import Region
from screener.reference import PersonLimit, ReferenceIntake, ReferenceTable, reference_table
from screener.result import FlagId, GroupId, Level, Result

__all__ = ["score"]

# How strong the evidence is behind each group (CONTENT.md, "How strong is the evidence").
EVIDENCE: dict[GroupId, dict[str, str]] = {
    "older_adult": {"strength": "strong", "basis": "nih_at_risk_group"},
    "low_dietary_intake": {"strength": "strong", "basis": "intake_below_reference"},
    "athlete_sweat_loss": {"strength": "moderate", "basis": "sweat_losses_small"},
    "chronic_stress": {"strength": "limited", "basis": "hypothesis"},
    "high_caffeine": {"strength": "limited", "basis": "small_net_loss"},
}

# Plain-data shapes of the result's parts, validated together at the end of ``score``.
ReasonData = dict[str, Any]
GroupData = dict[str, Any]


def _reason(reason_id: str, **values: Any) -> ReasonData:
    return {"id": reason_id, "values": values}


def _group(group: GroupId, level: Level, reasons: list[ReasonData]) -> GroupData:
    return {"level": level, "evidence": EVIDENCE[group], "reasons": reasons}


def _skipped(field: str) -> ReasonData:
    return _reason("skipped", field=field)


def caffeine_mg_per_day(answers: Answers, table: ReferenceTable, region: Region) -> float | None:
    """Caffeine a day from the region's per-drink table, or None when the caffeine question was skipped."""
    servings = answers.caffeine_servings_per_day
    if servings is None:
        return None
    drinks = table.drinks[region]
    return float(sum(getattr(servings, drink) * drinks[drink].mg_per_serving for drink in DRINKS))


def food_magnesium_mg_per_day(answers: Answers, table: ReferenceTable, region: Region) -> float | None:
    """Magnesium a day from the six listed foods only (never a measured total), or None when skipped."""
    servings = answers.servings_per_week
    if servings is None:
        return None
    foods = table.foods[region]
    weekly: float = sum(getattr(servings, food) * foods[food].mg_per_serving for food in FOOD_GROUPS)
    return float(weekly) / 7


def caffeine_limit(answers: Answers, table: ReferenceTable) -> PersonLimit:
    return table.caffeine_limit(answers.age_years, answers.sex, answers.pregnancy)


def score_high_caffeine(answers: Answers, table: ReferenceTable, mg: float | None) -> GroupData:
    if mg is None:
        return _group("high_caffeine", "unknown", [_skipped("caffeine_servings_per_day")])
    rows = table.thresholds.high_caffeine
    limit, basis = caffeine_limit(answers, table)
    assert limit is not None  # a caffeine limit is always set
    level: Level
    # EFSA's limit is the intake up to which it sees no concern: exactly at the limit is not above it.
    if mg > limit:
        level = "likely"
    elif mg > limit * rows.possible_fraction_of_limit:
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("caffeine_mg", mg=round(mg), limit_mg=limit, limit_basis=basis)]
    if level == "possible":
        # The lower tier sits below EFSA's limit, so it says why it exists.
        reasons.append(_reason("caffeine_below_limit", from_mg=round(limit * rows.possible_fraction_of_limit)))
    if answers.caffeine_after_2pm and mg > 0:
        reasons.append(_reason("caffeine_late"))
    return _group("high_caffeine", level, reasons)


def score_low_dietary_intake(
    answers: Answers, table: ReferenceTable, intake: ReferenceIntake | None, mg: float | None, region: Region
) -> GroupData:
    if mg is None:
        return _group("low_dietary_intake", "unknown", [_skipped("servings_per_week")])
    if intake is None:
        reason = _reason("no_reference_for_age", age=answers.age_years)
        return _group("low_dietary_intake", "unknown", [reason])
    rows = table.thresholds.low_dietary_intake
    share = mg / intake.mg_per_day
    level: Level
    if share < rows.likely_below_fraction:
        level = "likely"
    elif share < rows.possible_below_fraction:
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("food_magnesium", mg=round(mg), reference_mg=intake.mg_per_day, percent=round(share * 100))]
    if level != "none":
        reasons.append(_reason("foods_not_counted", region=region))
    if intake.sex_unspecified:
        reasons.append(_reason("reference_sex_unspecified"))
    return _group("low_dietary_intake", level, reasons)


def score_older_adult(answers: Answers, table: ReferenceTable) -> GroupData:
    rows = table.thresholds.older_adult
    age = answers.age_years
    level: Level
    if age >= rows.likely_from_age:
        level = "likely"
    elif age >= rows.possible_from_age:
        level = "possible"
    else:
        level = "none"
    reason = _reason("age", age=age, from_age=rows.possible_from_age, likely_from_age=rows.likely_from_age)
    return _group("older_adult", level, [reason])


def score_athlete_sweat_loss(answers: Answers, table: ReferenceTable) -> GroupData:
    hours = answers.exercise_hours_per_week
    if hours is None:
        return _group("athlete_sweat_loss", "unknown", [_skipped("exercise_hours_per_week")])
    rows = table.thresholds.athlete_sweat_loss
    sweaty = answers.heavy_sweating is True
    level: Level
    if sweaty and hours >= rows.likely_with_heavy_sweating_from_hours:
        level = "likely"
    elif hours >= rows.possible_from_hours or (sweaty and hours >= rows.possible_with_heavy_sweating_from_hours):
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("exercise_hours", hours=hours, sweat_mg_per_hour=rows.sweat_mg_per_hour)]
    if hours > 0:
        if sweaty:
            reasons.append(_reason("heavy_sweating"))
        elif answers.heavy_sweating is False and hours >= rows.possible_from_hours:
            reasons.append(_reason("sweating_not_heavy"))
        elif answers.heavy_sweating is None and hours >= rows.possible_with_heavy_sweating_from_hours:
            reasons.append(_reason("sweating_unknown"))
    return _group("athlete_sweat_loss", level, reasons)


def score_chronic_stress(answers: Answers, table: ReferenceTable) -> GroupData:
    frequency, months = answers.stress_frequency, answers.stress_months
    if frequency is None:
        return _group("chronic_stress", "unknown", [_skipped("stress_frequency")])
    rows = table.thresholds.chronic_stress
    asked_months = frequency >= rows.sometimes_frequency
    level: Level = "none"
    if frequency >= rows.often_from_frequency:
        if months is None or rows.possible_from_months <= months < rows.chronic_from_months:
            level = "possible"
        elif months >= rows.chronic_from_months:
            level = "likely"
    elif frequency >= rows.sometimes_frequency and months is not None and months >= rows.chronic_from_months:
        level = "possible"
    reasons = [_reason("stress_frequency", frequency=frequency)]
    if asked_months:
        reasons.append(_reason("stress_months_unknown") if months is None else _reason("stress_months", months=months))
    return _group("chronic_stress", level, reasons)


def clinician_section(answers: Answers, table: ReferenceTable, region: Region) -> dict[str, Any]:
    """Safety flags, each with its reason, then advice that raises no flag, then the safety questions skipped."""
    from screener.questions import screens

    rows = table.thresholds.clinician
    flags: list[FlagId] = []
    reasons: list[ReasonData] = []

    def flag(flag_id: FlagId, **values: int | float | str | bool | list[str]) -> None:
        flags.append(flag_id)
        reasons.append(_reason(flag_id, **values))

    if answers.kidney_disease:
        flag("kidney_disease")
    if answers.pregnancy in ("pregnant", "breastfeeding"):
        flag("pregnancy", status=answers.pregnancy)
    medicines = answers.medicines or []
    interacting = [m for m in medicines if m in rows.interacting_medicines]
    if interacting:
        flag("interacting_medicine", medicines=list[str](interacting))
    if answers.magnesium_products:
        upper = table.supplement_upper_limit_for(region, answers.age_years, answers.sex)
        flag(
            "magnesium_products",
            products=list[str](answers.magnesium_products),
            # The laxatives and antacids are magnesium oxide: PMDA's warnings hold for everyone who takes them.
            magnesium_oxide=bool({"laxative", "antacid"} & set(answers.magnesium_products)),
            kidney=bool(answers.kidney_disease),
            older=answers.age_years >= rows.magnesium_products_stronger_from_age,
            from_age=rows.magnesium_products_stronger_from_age,
            upper_mg=0 if upper.mg_per_day is None else upper.mg_per_day,
            upper_basis=upper.basis,
        )
    nights, months = answers.insomnia_nights_per_week, answers.sleep_problem_months
    frequent_insomnia = nights is not None and nights >= rows.insomnia_from_nights_per_week
    if nights is not None and frequent_insomnia and months is not None and months >= rows.insomnia_from_months:
        flag("chronic_insomnia", nights=nights, months=months)
    if answers.snoring_or_gasping:
        flag("possible_sleep_apnoea")
    if answers.age_years < rows.adult_from_age:
        flag("minor", age=answers.age_years)

    if frequent_insomnia and "chronic_insomnia" not in flags:
        reasons.append(_reason("frequent_insomnia", nights=nights))
    if "other_regular" in medicines:
        reasons.append(_reason("other_regular_medicine"))
    drinks = answers.alcohol_drinks_per_week
    heavy_from = (
        rows.heavy_alcohol_from_drinks_per_week_male
        if answers.sex == "male"
        else rows.heavy_alcohol_from_drinks_per_week_other
    )
    if drinks is not None and drinks >= heavy_from:
        reasons.append(_reason("heavy_alcohol", drinks=drinks, from_drinks=heavy_from))

    given = answers.model_dump(exclude_none=True)
    unanswered = [
        question.field
        for screen in screens()
        for question in screen.questions
        if question.safety and question.asked(given) and question.field not in given
    ]
    return {"flags": flags, "reasons": reasons, "unanswered": unanswered}


def score(answers: Answers, region: Region = "jp", table: ReferenceTable | None = None) -> Result:
    """Score one person's answers against the five groups and the clinician flags."""
    table = table or reference_table()
    intake = table.reference_intake(region, answers.age_years, answers.sex, answers.pregnancy)
    food_mg = food_magnesium_mg_per_day(answers, table, region)
    caffeine_mg = caffeine_mg_per_day(answers, table, region)
    caffeine_limit_mg, caffeine_basis = caffeine_limit(answers, table)
    upper = table.supplement_upper_limit_for(region, answers.age_years, answers.sex)
    hours = answers.exercise_hours_per_week
    sweat_per_hour = table.thresholds.athlete_sweat_loss.sweat_mg_per_hour
    data = {
        "content_version": content_version(),
        "groups": {
            "chronic_stress": score_chronic_stress(answers, table),
            "low_dietary_intake": score_low_dietary_intake(answers, table, intake, food_mg, region),
            "older_adult": score_older_adult(answers, table),
            "athlete_sweat_loss": score_athlete_sweat_loss(answers, table),
            "high_caffeine": score_high_caffeine(answers, table, caffeine_mg),
        },
        "clinician": clinician_section(answers, table, region),
        "figures": {
            "region": region,
            "caffeine_mg_per_day": None if caffeine_mg is None else round(caffeine_mg, 1),
            "caffeine_limit_mg_per_day": caffeine_limit_mg,
            "caffeine_limit_basis": caffeine_basis,
            "food_magnesium_mg_per_day": None if food_mg is None else round(food_mg, 1),
            "reference_intake_mg_per_day": None if intake is None else intake.mg_per_day,
            "reference_intake_basis": None if intake is None else intake.basis,
            "reference_intake_source": None if intake is None else intake.source,
            "exercise_hours_per_week": hours,
            "sweat_magnesium_mg_per_week": None if hours is None else round(hours * sweat_per_hour, 1),
            "supplement_upper_limit_mg_per_day": upper.mg_per_day,
            "supplement_upper_limit_basis": upper.basis,
        },
    }
    return Result.model_validate(data)
