"""Turns answers into a result: a level with reasons for each of the five groups, and the clinician flags.

Pure functions, no I/O. Every number that decides a level comes from the reference table.
"""

from __future__ import annotations

from screener.answers import DRINKS, FOOD_GROUPS, Answers
from screener.reference import ReferenceIntake, ReferenceTable, reference_table
from screener.result import (
    ClinicianResult,
    Evidence,
    Figures,
    FlagId,
    GroupId,
    GroupResult,
    Level,
    Reason,
    Region,
    Result,
)

# How strong the evidence is behind each group (CONTENT.md, "How strong is the evidence").
EVIDENCE: dict[GroupId, Evidence] = {
    "older_adult": Evidence(strength="strong", basis="nih_at_risk_group"),
    "low_dietary_intake": Evidence(strength="strong", basis="intake_below_reference"),
    "athlete_sweat_loss": Evidence(strength="moderate", basis="sweat_losses_small"),
    "chronic_stress": Evidence(strength="limited", basis="hypothesis"),
    "high_caffeine": Evidence(strength="limited", basis="small_net_loss"),
}


def _skipped(field: str) -> Reason:
    return Reason(id="skipped", values={"field": field})


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


def score_high_caffeine(answers: Answers, table: ReferenceTable) -> GroupResult:
    mg = caffeine_mg_per_day(answers, table)
    evidence = EVIDENCE["high_caffeine"]
    if mg is None:
        return GroupResult(level="unknown", evidence=evidence, reasons=[_skipped("caffeine_servings_per_day")])
    limit = caffeine_limit(answers, table)
    level: Level
    if mg >= limit:
        level = "likely"
    elif mg >= limit * table.thresholds.high_caffeine.possible_fraction_of_limit:
        level = "possible"
    else:
        level = "none"
    reasons = [Reason(id="caffeine_mg", values={"mg": round(mg), "limit_mg": limit})]
    if limit != table.thresholds.high_caffeine.limit_mg_per_day:
        reasons.append(Reason(id="pregnancy_caffeine_limit", values={"limit_mg": limit}))
    if answers.caffeine_after_2pm and mg > 0:
        reasons.append(Reason(id="caffeine_late"))
    return GroupResult(level=level, evidence=evidence, reasons=reasons)


def score_low_dietary_intake(answers: Answers, table: ReferenceTable, intake: ReferenceIntake | None) -> GroupResult:
    mg = food_magnesium_mg_per_day(answers, table)
    evidence = EVIDENCE["low_dietary_intake"]
    if mg is None:
        return GroupResult(level="unknown", evidence=evidence, reasons=[_skipped("servings_per_week")])
    if intake is None:
        reason = Reason(id="no_reference_for_age", values={"age": answers.age_years})
        return GroupResult(level="unknown", evidence=evidence, reasons=[reason])
    rows = table.thresholds.low_dietary_intake
    share = mg / intake.mg_per_day
    level: Level
    if share < rows.likely_below_fraction:
        level = "likely"
    elif share < rows.possible_below_fraction:
        level = "possible"
    else:
        level = "none"
    reasons = [
        Reason(
            id="food_magnesium",
            values={"mg": round(mg), "reference_mg": intake.mg_per_day, "percent": round(share * 100)},
        )
    ]
    if intake.sex_unspecified:
        reasons.append(Reason(id="reference_sex_unspecified"))
    return GroupResult(level=level, evidence=evidence, reasons=reasons)


def score_older_adult(answers: Answers, table: ReferenceTable) -> GroupResult:
    rows = table.thresholds.older_adult
    age = answers.age_years
    level: Level
    if age >= rows.likely_from_age:
        level, from_age = "likely", rows.likely_from_age
    elif age >= rows.possible_from_age:
        level, from_age = "possible", rows.possible_from_age
    else:
        level, from_age = "none", rows.possible_from_age
    reason = Reason(id="age", values={"age": age, "from_age": from_age})
    return GroupResult(level=level, evidence=EVIDENCE["older_adult"], reasons=[reason])


def score_athlete_sweat_loss(answers: Answers, table: ReferenceTable) -> GroupResult:
    hours = answers.exercise_hours_per_week
    evidence = EVIDENCE["athlete_sweat_loss"]
    if hours is None:
        return GroupResult(level="unknown", evidence=evidence, reasons=[_skipped("exercise_hours_per_week")])
    rows = table.thresholds.athlete_sweat_loss
    sweaty = bool(answers.heavy_sweating)
    level: Level
    if hours >= rows.likely_from_hours or (sweaty and hours >= rows.likely_with_heavy_sweating_from_hours):
        level = "likely"
    elif hours >= rows.possible_from_hours or (sweaty and hours >= rows.possible_with_heavy_sweating_from_hours):
        level = "possible"
    else:
        level = "none"
    reasons = [
        Reason(
            id="exercise_hours",
            values={"hours": hours, "sweat_mg_per_week": round(hours * rows.sweat_mg_per_hour)},
        )
    ]
    if sweaty and hours > 0:
        reasons.append(Reason(id="heavy_sweating"))
    return GroupResult(level=level, evidence=evidence, reasons=reasons)


def score_chronic_stress(answers: Answers, table: ReferenceTable) -> GroupResult:
    frequency, months = answers.stress_frequency, answers.stress_months
    evidence = EVIDENCE["chronic_stress"]
    if frequency is None:
        return GroupResult(level="unknown", evidence=evidence, reasons=[_skipped("stress_frequency")])
    rows = table.thresholds.chronic_stress
    long_lasting = months is not None and months >= rows.chronic_from_months
    level: Level
    if frequency >= rows.often_from_frequency:
        level = "likely" if long_lasting else "possible"
    elif frequency >= rows.sometimes_frequency and long_lasting:
        level = "possible"
    else:
        level = "none"
    reasons = [Reason(id="stress_frequency", values={"frequency": frequency})]
    if months is None:
        if frequency >= rows.sometimes_frequency:
            reasons.append(Reason(id="stress_months_unknown"))
    elif frequency > 0:
        reasons.append(Reason(id="stress_months", values={"months": months}))
    return GroupResult(level=level, evidence=evidence, reasons=reasons)


def clinician_section(answers: Answers, table: ReferenceTable) -> ClinicianResult:
    """Safety flags, each with its reason, then advisory reasons that raise no flag."""
    rows = table.thresholds.clinician
    flags: list[FlagId] = []
    reasons: list[Reason] = []

    def flag(flag_id: FlagId, **values: int | float | str | list[str]) -> None:
        flags.append(flag_id)
        reasons.append(Reason(id=flag_id, values=values))

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
        reasons.append(Reason(id="frequent_insomnia", values={"nights": nights}))
    if "other_regular" in medicines:
        reasons.append(Reason(id="other_regular_medicine"))
    drinks = answers.alcohol_drinks_per_week
    heavy = (
        rows.heavy_alcohol_drinks_per_week_female
        if answers.sex == "female"
        else rows.heavy_alcohol_drinks_per_week_male
    )
    if drinks is not None and drinks > heavy:
        reasons.append(Reason(id="heavy_alcohol", values={"drinks": drinks, "limit": heavy}))
    return ClinicianResult(flags=flags, reasons=reasons)


def default_region_for_language(language: str) -> Region:
    """Japanese speakers default to Japan's reference intakes, everyone else to the US ones."""
    return "jp" if language.lower().startswith("ja") else "us"


def score(answers: Answers, region: Region = "jp", table: ReferenceTable | None = None) -> Result:
    """Score one person's answers against the five groups and the clinician flags."""
    table = table or reference_table()
    intake = table.reference_intake(region, answers.age_years, answers.sex, answers.pregnancy)
    groups: dict[GroupId, GroupResult] = {
        "chronic_stress": score_chronic_stress(answers, table),
        "low_dietary_intake": score_low_dietary_intake(answers, table, intake),
        "older_adult": score_older_adult(answers, table),
        "athlete_sweat_loss": score_athlete_sweat_loss(answers, table),
        "high_caffeine": score_high_caffeine(answers, table),
    }
    food_mg = food_magnesium_mg_per_day(answers, table)
    caffeine_mg = caffeine_mg_per_day(answers, table)
    hours = answers.exercise_hours_per_week
    sweat_per_hour = table.thresholds.athlete_sweat_loss.sweat_mg_per_hour
    figures = Figures(
        region=region,
        caffeine_mg_per_day=None if caffeine_mg is None else round(caffeine_mg, 1),
        caffeine_limit_mg_per_day=caffeine_limit(answers, table),
        food_magnesium_mg_per_day=None if food_mg is None else round(food_mg, 1),
        reference_intake_mg_per_day=None if intake is None else intake.mg_per_day,
        reference_intake_basis=None if intake is None else intake.basis,
        exercise_hours_per_week=hours,
        sweat_magnesium_mg_per_week=None if hours is None else round(hours * sweat_per_hour, 1),
        supplement_upper_limit_mg_per_day=table.supplement_upper_limit.mg_per_day,
    )
    return Result(groups=groups, clinician=clinician_section(answers, table), figures=figures)
