"""Turns answers into a result: a level with reasons for each of the five groups, and the clinician flags.

Pure functions, no I/O. Every number that decides a level comes from the reference table. The parts are built as
plain data and validated once, as a whole, into a ``Result`` (one pass in pydantic's core: fast enough to score
tens of thousands of answer sets a second).
"""

from __future__ import annotations

from typing import Any

from screener.answers import DRINKS, FOOD_GROUPS, Answers
from screener.ids import default_region_for_language
from screener.reference import ReferenceIntake, ReferenceTable, reference_table
from screener.result import FlagId, GroupId, Level, Region, Result

__all__ = ["default_region_for_language", "score"]

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


def caffeine_mg_per_day(answers: Answers, table: ReferenceTable) -> float | None:
    """Caffeine a day from the per-drink table, or None when the caffeine question was skipped."""
    servings = answers.caffeine_servings_per_day
    if servings is None:
        return None
    return float(sum(getattr(servings, drink) * table.drinks[drink].mg_per_serving for drink in DRINKS))


def food_magnesium_mg_per_day(answers: Answers, table: ReferenceTable) -> float | None:
    """Magnesium a day from the six listed foods only (never a measured total), or None when skipped."""
    servings = answers.servings_per_week
    if servings is None:
        return None
    weekly: float = sum(getattr(servings, food) * table.foods[food].mg_per_serving for food in FOOD_GROUPS)
    return float(weekly) / 7


def caffeine_limit(answers: Answers, table: ReferenceTable) -> int:
    rows = table.thresholds.high_caffeine
    if answers.pregnancy in ("pregnant", "breastfeeding"):
        return rows.pregnancy_limit_mg_per_day
    return rows.limit_mg_per_day


def score_high_caffeine(answers: Answers, table: ReferenceTable, mg: float | None) -> GroupData:
    if mg is None:
        return _group("high_caffeine", "unknown", [_skipped("caffeine_servings_per_day")])
    limit = caffeine_limit(answers, table)
    level: Level
    if mg >= limit:
        level = "likely"
    elif mg >= limit * table.thresholds.high_caffeine.possible_fraction_of_limit:
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("caffeine_mg", mg=round(mg), limit_mg=limit)]
    if limit != table.thresholds.high_caffeine.limit_mg_per_day:
        reasons.append(_reason("pregnancy_caffeine_limit", limit_mg=limit))
    if answers.caffeine_after_2pm and mg > 0:
        reasons.append(_reason("caffeine_late"))
    return _group("high_caffeine", level, reasons)


def score_low_dietary_intake(
    answers: Answers, table: ReferenceTable, intake: ReferenceIntake | None, mg: float | None
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
    if intake.sex_unspecified:
        reasons.append(_reason("reference_sex_unspecified"))
    return _group("low_dietary_intake", level, reasons)


def score_older_adult(answers: Answers, table: ReferenceTable) -> GroupData:
    rows = table.thresholds.older_adult
    age = answers.age_years
    level: Level
    if age >= rows.likely_from_age:
        level, from_age = "likely", rows.likely_from_age
    elif age >= rows.possible_from_age:
        level, from_age = "possible", rows.possible_from_age
    else:
        level, from_age = "none", rows.possible_from_age
    reason = _reason("age", age=age, from_age=from_age)
    return _group("older_adult", level, [reason])


def score_athlete_sweat_loss(answers: Answers, table: ReferenceTable) -> GroupData:
    hours = answers.exercise_hours_per_week
    if hours is None:
        return _group("athlete_sweat_loss", "unknown", [_skipped("exercise_hours_per_week")])
    rows = table.thresholds.athlete_sweat_loss
    sweaty = bool(answers.heavy_sweating)
    level: Level
    if hours >= rows.likely_from_hours or (sweaty and hours >= rows.likely_with_heavy_sweating_from_hours):
        level = "likely"
    elif hours >= rows.possible_from_hours or (sweaty and hours >= rows.possible_with_heavy_sweating_from_hours):
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("exercise_hours", hours=hours, sweat_mg_per_week=round(hours * rows.sweat_mg_per_hour))]
    if sweaty and hours > 0:
        reasons.append(_reason("heavy_sweating"))
    return _group("athlete_sweat_loss", level, reasons)


def score_chronic_stress(answers: Answers, table: ReferenceTable) -> GroupData:
    frequency, months = answers.stress_frequency, answers.stress_months
    if frequency is None:
        return _group("chronic_stress", "unknown", [_skipped("stress_frequency")])
    rows = table.thresholds.chronic_stress
    long_lasting = months is not None and months >= rows.chronic_from_months
    level: Level
    if frequency >= rows.often_from_frequency:
        level = "likely" if long_lasting else "possible"
    elif frequency >= rows.sometimes_frequency and long_lasting:
        level = "possible"
    else:
        level = "none"
    reasons = [_reason("stress_frequency", frequency=frequency)]
    if months is None:
        if frequency >= rows.sometimes_frequency:
            reasons.append(_reason("stress_months_unknown"))
    elif frequency > 0:
        reasons.append(_reason("stress_months", months=months))
    return _group("chronic_stress", level, reasons)


def clinician_section(answers: Answers, table: ReferenceTable) -> dict[str, Any]:
    """Safety flags, each with its reason, then advisory reasons that raise no flag."""
    rows = table.thresholds.clinician
    flags: list[FlagId] = []
    reasons: list[ReasonData] = []

    def flag(flag_id: FlagId, **values: int | float | str | list[str]) -> None:
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
    heavy = (
        rows.heavy_alcohol_drinks_per_week_female
        if answers.sex == "female"
        else rows.heavy_alcohol_drinks_per_week_male
    )
    if drinks is not None and drinks > heavy:
        reasons.append(_reason("heavy_alcohol", drinks=drinks, limit=heavy))
    return {"flags": flags, "reasons": reasons}


def score(answers: Answers, region: Region = "jp", table: ReferenceTable | None = None) -> Result:
    """Score one person's answers against the five groups and the clinician flags."""
    table = table or reference_table()
    intake = table.reference_intake(region, answers.age_years, answers.sex, answers.pregnancy)
    food_mg = food_magnesium_mg_per_day(answers, table)
    caffeine_mg = caffeine_mg_per_day(answers, table)
    hours = answers.exercise_hours_per_week
    sweat_per_hour = table.thresholds.athlete_sweat_loss.sweat_mg_per_hour
    data = {
        "groups": {
            "chronic_stress": score_chronic_stress(answers, table),
            "low_dietary_intake": score_low_dietary_intake(answers, table, intake, food_mg),
            "older_adult": score_older_adult(answers, table),
            "athlete_sweat_loss": score_athlete_sweat_loss(answers, table),
            "high_caffeine": score_high_caffeine(answers, table, caffeine_mg),
        },
        "clinician": clinician_section(answers, table),
        "figures": {
            "region": region,
            "caffeine_mg_per_day": None if caffeine_mg is None else round(caffeine_mg, 1),
            "caffeine_limit_mg_per_day": caffeine_limit(answers, table),
            "food_magnesium_mg_per_day": None if food_mg is None else round(food_mg, 1),
            "reference_intake_mg_per_day": None if intake is None else intake.mg_per_day,
            "reference_intake_basis": None if intake is None else intake.basis,
            "exercise_hours_per_week": hours,
            "sweat_magnesium_mg_per_week": None if hours is None else round(hours * sweat_per_hour, 1),
            "supplement_upper_limit_mg_per_day": table.supplement_upper_limit.mg_per_day,
        },
    }
    return Result.model_validate(data)
