"""The questions of the self-check, in the order they are asked: wording, choices and when each is asked.

To add or reword a question, change it here and run the catalog workflow (python tools/catalogs.py); the screens,
the review, the tour, the FHIR export and read-aloud follow. The numbers a one-tap choice records come from the
reference table's [choices.*] sections, so they line up with the thresholds beside them.
"""

from __future__ import annotations

from functools import cache

from screener.i18n import N_
from screener.ids import DRINKS, FOOD_GROUPS, MAGNESIUM_PRODUCTS, MEDICINES
from screener.question_labels import (
    ALCOHOL_LABELS,
    CUP_LABELS,
    DRINK_ROWS,
    EXERCISE_LABELS,
    FOOD_ROWS,
    MAX_AGE,
    MEDICINE_LABELS,
    MIN_AGE,
    MONTH_LABELS,
    NIGHT_LABELS,
    PREGNANCY_AGES,
    PRODUCT_LABELS,
    SERVING_LABELS,
    STRESS_FREQUENCY,
    YES_NO,
)
from screener.questionnaire import NONE_OF_THESE, NOT_SURE, Choice, Condition, Question, Row, Screen


def _binned(table: str, labels: dict[str, str]) -> tuple[Choice, ...]:
    """Choices from the reference table's bins, in the table's order, each labelled by its code."""
    from screener.reference import reference_table

    bins = reference_table().choices[table].bins
    codes = [b.code for b in bins]
    if set(codes) != set(labels):
        raise ValueError(f"choices.{table}: codes {codes} do not match the labels {sorted(labels)}")
    values: dict[str, int | float] = {b.code: (int(b.value) if b.value.is_integer() else b.value) for b in bins}
    if table in ("caffeine_servings_per_day", "exercise_hours_per_week", "alcohol_drinks_per_week"):
        values = {code: float(value) for code, value in values.items()}  # float fields of the contract
    return tuple(Choice(code, labels[code], values[code]) for code in codes)


def _rows(rows: dict[str, tuple[str, dict[str, str]]], order: tuple[str, ...]) -> tuple[Row, ...]:
    return tuple(Row(item, rows[item][0], rows[item][1]) for item in order)  # type: ignore[arg-type]


def _asked_when_any_item(field: str, items: tuple[str, ...]) -> tuple[Condition, ...]:
    return tuple(Condition(f"{field}.{item}", ">", 0) for item in items)


@cache
def screens() -> tuple[Screen, ...]:
    """Every screen in order. Built once, on first use (it reads the reference table)."""
    months = _binned("stress_months", MONTH_LABELS)
    return (
        Screen(
            "age",
            "about_you",
            N_("About you"),
            (
                Question(
                    "age_years",
                    "number",
                    N_("How old are you?"),
                    N_("Age"),
                    required=True,
                    minimum=MIN_AGE,
                    maximum=MAX_AGE,
                ),
            ),
        ),
        Screen(
            "sex",
            "about_you",
            N_("About you"),
            (
                Question(
                    "sex",
                    "single",
                    N_("What is your sex?"),
                    N_("Sex"),
                    details=N_(
                        "It is used only to choose your recommended amount of magnesium and which questions apply."
                    ),
                    choices=(
                        Choice("female", N_("Female"), "female"),
                        Choice("male", N_("Male"), "male"),
                        Choice("unspecified", N_("Prefer not to say"), "unspecified"),
                    ),
                ),
            ),
        ),
        Screen(
            "pregnancy",
            "about_you",
            N_("About you"),
            (
                Question(
                    "pregnancy",
                    "single",
                    N_("Are you pregnant or breastfeeding?"),
                    N_("Pregnancy"),
                    choices=(
                        Choice("none", N_("Neither"), "none"),
                        Choice("pregnant", N_("Pregnant"), "pregnant"),
                        Choice("breastfeeding", N_("Breastfeeding"), "breastfeeding"),
                    ),
                    when=(
                        Condition("sex", "!=", "male"),
                        Condition("age_years", ">=", PREGNANCY_AGES[0]),
                        Condition("age_years", "<=", PREGNANCY_AGES[1]),
                    ),
                    safety=True,
                ),
            ),
        ),
        Screen(
            "stress",
            "stress",
            N_("Stress"),
            (
                Question(
                    "stress_frequency",
                    "single",
                    N_("In the past month, how often did you feel stressed?"),
                    N_("Stress"),
                    details=N_(
                        "Stressed means tense or under pressure, from work, money, family, health or anything else."
                    ),
                    choices=tuple(Choice(str(n), label, n) for n, label in enumerate(STRESS_FREQUENCY)),
                ),
                Question(
                    "stress_months",
                    "single",
                    N_("For how long?"),
                    N_("Stress, for how long"),
                    choices=months,
                    bins="stress_months",
                    when=(Condition("stress_frequency", ">=", 2),),
                ),
            ),
        ),
        Screen(
            "diet",
            "diet",
            N_("Food"),
            (
                Question(
                    "servings_per_week",
                    "counts",
                    N_("How many times a week do you eat these?"),
                    N_("Foods, times a week"),
                    hint=N_("Skip foods you rarely eat."),
                    rows=_rows(FOOD_ROWS, FOOD_GROUPS),
                    bins="servings_per_week",
                    choices=(
                        *_binned("servings_per_week", SERVING_LABELS),
                        Choice(NONE_OF_THESE, N_("None of these"), 0, exclusive=True),
                    ),
                ),
            ),
        ),
        Screen(
            "exercise",
            "exercise",
            N_("Exercise"),
            (
                Question(
                    "exercise_hours_per_week",
                    "single",
                    N_("How many hours a week do you exercise or work hard enough to sweat?"),
                    N_("Exercise or sweaty work, a week"),
                    details=N_("Count sports, brisk walking, heavy work and physical jobs."),
                    choices=_binned("exercise_hours_per_week", EXERCISE_LABELS),
                    bins="exercise_hours_per_week",
                ),
                Question(
                    "heavy_sweating",
                    "single",
                    N_("When you do, are you usually drenched in sweat?"),
                    N_("Drenched in sweat"),
                    details=N_("Drenched means your clothes are soaked with sweat."),
                    choices=YES_NO,
                    when=(Condition("exercise_hours_per_week", ">", 0),),
                ),
            ),
        ),
        Screen(
            "caffeine",
            "caffeine",
            N_("Caffeine"),
            (
                Question(
                    "caffeine_servings_per_day",
                    "counts",
                    N_("How many of these do you have a day?"),
                    N_("Caffeine drinks, a day"),
                    hint=N_("Skip drinks you rarely have."),
                    rows=_rows(DRINK_ROWS, DRINKS),
                    bins="caffeine_servings_per_day",
                    choices=(
                        *_binned("caffeine_servings_per_day", CUP_LABELS),
                        Choice(NONE_OF_THESE, N_("None of these"), 0.0, exclusive=True),
                    ),
                ),
            ),
        ),
        Screen(
            "caffeine_late",
            "caffeine",
            N_("Caffeine"),
            (
                Question(
                    "caffeine_after_2pm",
                    "single",
                    N_("Do you have caffeine after 2 pm?"),
                    N_("Caffeine after 2 pm"),
                    details=N_("Caffeine is in coffee, black or green tea, cola, energy drinks and caffeine tablets."),
                    choices=YES_NO,
                    when=_asked_when_any_item("caffeine_servings_per_day", DRINKS),
                    when_any=True,
                ),
            ),
        ),
        Screen(
            "kidney",
            "health",
            N_("Health"),
            (
                Question(
                    "kidney_disease",
                    "single",
                    N_("Has a doctor ever said your kidneys do not work well?"),
                    N_("Kidneys not working well"),
                    details=N_("For example, chronic kidney disease, or treatment with dialysis."),
                    choices=(*YES_NO, Choice(NOT_SURE, N_("Not sure"), None)),
                    safety=True,
                ),
            ),
        ),
        Screen(
            "medicines",
            "health",
            N_("Health"),
            (
                Question(
                    "medicines",
                    "multi",
                    N_("Do you take any of these medicines now?"),
                    N_("Medicines now"),
                    hint=N_("Choose all that apply. Not sure? Ask the staff."),
                    details=N_(
                        "Count a medicine even if you take it for a short time. A water pill is, for example, "
                        "furosemide. A stomach-acid medicine is, for example, omeprazole or vonoprazan. You can show "
                        "your medicines or their list to the staff."
                    ),
                    choices=(
                        *(Choice(m, MEDICINE_LABELS[m], m) for m in MEDICINES),
                        Choice(NONE_OF_THESE, N_("None of these"), None, exclusive=True),
                    ),
                    safety=True,
                ),
            ),
        ),
        Screen(
            "magnesium",
            "health",
            N_("Health"),
            (
                Question(
                    "magnesium_products",
                    "multi",
                    N_("Do you already take anything with magnesium?"),
                    N_("Magnesium taken now"),
                    hint=N_("Choose all that apply."),
                    details=N_("Some laxatives and antacids contain magnesium."),
                    choices=(
                        *(Choice(p, PRODUCT_LABELS[p], p) for p in MAGNESIUM_PRODUCTS),
                        Choice(NONE_OF_THESE, N_("None of these"), None, exclusive=True),
                        Choice(NOT_SURE, N_("Not sure"), None, exclusive=True),
                    ),
                    safety=True,
                ),
            ),
        ),
        Screen(
            "alcohol",
            "health",
            N_("Health"),
            (
                Question(
                    "alcohol_drinks_per_week",
                    "single",
                    N_("How many alcoholic drinks do you have a week?"),
                    N_("Alcohol, drinks a week"),
                    hint=N_("One drink is a can of beer or a glass of wine."),
                    details=N_(
                        "A small can of beer (350 mL), a glass of wine or a single shot of spirits is one drink."
                    ),
                    choices=_binned("alcohol_drinks_per_week", ALCOHOL_LABELS),
                    bins="alcohol_drinks_per_week",
                ),
            ),
        ),
        Screen(
            "sleep",
            "sleep",
            N_("Sleep"),
            (
                Question(
                    "insomnia_nights_per_week",
                    "single",
                    N_("How many nights a week do you have trouble sleeping?"),
                    N_("Nights a week of trouble sleeping"),
                    details=N_("Trouble sleeping means trouble falling asleep or staying asleep."),
                    choices=_binned("insomnia_nights_per_week", NIGHT_LABELS),
                    bins="insomnia_nights_per_week",
                    safety=True,
                ),
                Question(
                    "sleep_problem_months",
                    "single",
                    N_("For how long?"),
                    N_("How long the trouble sleeping lasted"),
                    choices=_binned("sleep_problem_months", MONTH_LABELS),
                    bins="sleep_problem_months",
                    when=(Condition("insomnia_nights_per_week", ">", 0),),
                    safety=True,
                ),
            ),
        ),
        Screen(
            "snoring",
            "sleep",
            N_("Sleep"),
            (
                Question(
                    "snoring_or_gasping",
                    "single",
                    N_("Has anyone said you snore loudly, gasp or stop breathing in your sleep?"),
                    N_("Loud snoring or pauses in breathing"),
                    choices=(*YES_NO, Choice("dont-know", N_("Not sure"), None)),
                    safety=True,
                ),
            ),
        ),
    )


def question(field: str) -> Question:
    """The question that asks for an answers field."""
    for screen in screens():
        for asked in screen.questions:
            if asked.field == field:
                return asked
    raise KeyError(f"no question asks for {field!r}")


def screen(screen_id: str) -> Screen:
    for candidate in screens():
        if candidate.id == screen_id:
            return candidate
    raise KeyError(f"no screen {screen_id!r}")
