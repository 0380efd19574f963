"""The questions of the self-check, in the order they are asked: wording, choices and when each is asked.

To add or reword a question, change it here and run the catalog workflow (python tools/catalogs.py); the screens,
the review, the tour, the FHIR export and read-aloud follow. The numbers a one-tap choice records come from the
reference table's [choices.*] sections, so they line up with the thresholds beside them.
"""

from __future__ import annotations

from functools import cache

from screener.i18n import N_
from screener.ids import DRINKS, FOOD_GROUPS, MAGNESIUM_PRODUCTS, MEDICINES
from screener.questionnaire import NONE_OF_THESE, NOT_SURE, Choice, Condition, Question, Row, Screen

MIN_AGE, MAX_AGE = 0, 120
PREGNANCY_AGES = (12, 60)  # asked of anyone who did not say male, within these ages

YES_NO = (Choice("yes", N_("Yes"), True), Choice("no", N_("No"), False))

# Labels of the one-tap choices whose numbers live in the reference table, by the table's codes.
MONTH_LABELS = {
    "under-1": N_("Less than a month"),
    "1-2": N_("1 to 2 months"),
    "3-5": N_("3 to 5 months"),
    "6-11": N_("6 to 11 months"),
    "12-plus": N_("A year or more"),
}
EXERCISE_LABELS = {
    "none": N_("None"),
    "under-2.5": N_("Less than 2½ hours"),
    "2.5-5": N_("2½ to under 5 hours"),
    "5-10": N_("5 to under 10 hours"),
    "10-plus": N_("10 hours or more"),
}
ALCOHOL_LABELS = {
    "none": N_("None"),
    "1-7": N_("1 to 7 drinks"),
    "8-14": N_("8 to 14 drinks"),
    "15-21": N_("15 to 21 drinks"),
    "22-plus": N_("22 drinks or more"),
}
NIGHT_LABELS = {
    "0": N_("None"),
    "1": N_("1 night"),
    "2": N_("2 nights"),
    "3": N_("3 nights"),
    "4": N_("4 nights"),
    "5": N_("5 nights"),
    "6": N_("6 nights"),
    "7": N_("Every night"),
}
SERVING_LABELS = {
    "1": "1",
    "2": "2",
    "3": "3",
    "4": "4",
    "5": "5",
    "6": "6",
    "7": N_("Daily"),
    "14-plus": N_("2+ a day"),
}
CUP_LABELS = {"0.5": "½", "1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6-plus": N_("6+")}

STRESS_FREQUENCY = (
    N_("Hardly ever"),
    N_("Now and then"),
    N_("About half the days"),
    N_("Most days"),
    N_("Nearly every day"),
)

FOOD_ROWS = {
    "leafy_greens": (
        N_("Leafy greens"),
        {"us": N_("Spinach: ½ cup cooked, 90 g"), "jp": N_("Spinach: a small dish, 70 g")},
    ),
    "nuts": (N_("Nuts"), {"us": N_("Almonds: a handful, 28 g"), "jp": N_("Almonds: a handful, 25 g")}),
    "seeds": (N_("Seeds"), {"us": N_("Pumpkin, chia: 2 tbsp"), "jp": N_("Sesame: 1 tbsp, 9 g")}),
    "legumes": (
        N_("Beans and soy foods"),
        {"us": N_("Beans, lentils: ½ cup cooked"), "jp": N_("Natto: 1 pack; tofu: ⅓ block")},
    ),
    "whole_grains": (
        N_("Whole grains"),
        {"us": N_("Brown rice, oats: ½ cup cooked"), "jp": N_("Soba or brown rice: 1 bowl")},
    ),
    "avocado": (N_("Avocado"), {"us": N_("Half an avocado"), "jp": N_("Half an avocado")}),
}

DRINK_ROWS = {
    "coffee": (N_("Coffee"), {"us": N_("A mug, about 240 mL"), "jp": N_("A cup, about 150 mL")}),
    "black_tea": (N_("Black tea"), {"us": N_("A mug, about 240 mL"), "jp": N_("A cup, about 150 mL")}),
    "green_tea": (N_("Green tea"), {"us": N_("A mug, about 240 mL"), "jp": N_("A teacup, about 150 mL")}),
    "energy_drink": (
        N_("Energy drinks"),
        {
            "us": N_("One is 240 mL; a large can may count as two"),
            "jp": N_("One is 240 mL; a large can may count as two"),
        },
    ),
    "cola": (N_("Cola"), {"us": N_("A glass, about 240 mL"), "jp": N_("A can, 350 mL")}),
    "caffeine_tablet": (N_("Caffeine tablets"), {"us": N_("One tablet"), "jp": N_("One tablet")}),
}

MEDICINE_LABELS = {
    "diuretic": N_("A water pill (diuretic)"),
    "proton_pump_inhibitor": N_("A medicine that lowers stomach acid (proton pump inhibitor)"),
    "antibiotic": N_("An antibiotic"),
    "bisphosphonate": N_("A bone-strengthening medicine (bisphosphonate)"),
    "other_regular": N_("Another medicine I take every day"),
}

PRODUCT_LABELS = {
    "supplement": N_("A magnesium supplement"),
    "laxative": N_("A laxative with magnesium, such as magnesium oxide"),
    "antacid": N_("An antacid or stomach medicine with magnesium"),
}


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
                    hint=N_("Tap the numbers."),
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
                    hint=N_(
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
                    N_(
                        "Over the past month, how often did you feel tense or under pressure, from work, money, "
                        "family, health or anything else?"
                    ),
                    N_("Tense or under pressure"),
                    choices=tuple(Choice(str(n), label, n) for n, label in enumerate(STRESS_FREQUENCY)),
                ),
                Question(
                    "stress_months",
                    "single",
                    N_("How long has it been like this?"),
                    N_("For how long"),
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
                    N_("In a usual week, how many times do you eat each of these?"),
                    N_("Magnesium-rich foods, times a week"),
                    hint=N_("Tap how many times for each food you eat; leave a food empty if you rarely eat it."),
                    rows=_rows(FOOD_ROWS, FOOD_GROUPS),
                    bins="servings_per_week",
                    choices=(
                        *_binned("servings_per_week", SERVING_LABELS),
                        Choice(NONE_OF_THESE, N_("I eat none of these"), 0, exclusive=True),
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
                    N_("In a usual week, how many hours do you exercise or work hard enough to sweat?"),
                    N_("Exercise or work that makes you sweat, a week"),
                    hint=N_("Count sports, brisk walking, heavy work and physical jobs."),
                    choices=_binned("exercise_hours_per_week", EXERCISE_LABELS),
                    bins="exercise_hours_per_week",
                ),
                Question(
                    "heavy_sweating",
                    "single",
                    N_("When you do, are you usually drenched in sweat, with soaked clothes?"),
                    N_("Drenched in sweat"),
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
                    N_("On a usual day, how many of these do you have?"),
                    N_("Caffeine, servings a day"),
                    hint=N_("Tap how many for each drink you have; leave it empty if you rarely have it."),
                    rows=_rows(DRINK_ROWS, DRINKS),
                    bins="caffeine_servings_per_day",
                    choices=(
                        *_binned("caffeine_servings_per_day", CUP_LABELS),
                        Choice(NONE_OF_THESE, N_("I have none of these"), 0.0, exclusive=True),
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
                    hint=N_("Coffee, black or green tea, cola, energy drinks or caffeine tablets."),
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
                    N_("Has a doctor ever told you that your kidneys are not working as well as they should?"),
                    N_("Reduced kidney function"),
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
                    N_("Do you take any of these medicines regularly?"),
                    N_("Regular medicines"),
                    hint=N_("Choose all that apply. If you are not sure, a pharmacist can tell you."),
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
                    N_("Do you already take anything that contains magnesium?"),
                    N_("Magnesium already taken"),
                    hint=N_("Many laxatives and stomach medicines contain magnesium. Choose all that apply."),
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
                    N_("How many alcoholic drinks do you have in a usual week?"),
                    N_("Alcohol, drinks a week"),
                    hint=N_("One drink: a 350 mL can of beer, a glass of wine, or a single shot of spirits."),
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
                    N_("In a usual week, on how many nights do you have trouble falling asleep or staying asleep?"),
                    N_("Nights with trouble sleeping, a week"),
                    choices=_binned("insomnia_nights_per_week", NIGHT_LABELS),
                    bins="insomnia_nights_per_week",
                    safety=True,
                ),
                Question(
                    "sleep_problem_months",
                    "single",
                    N_("How long has your sleep been like this?"),
                    N_("Trouble sleeping, for how long"),
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
                    N_(
                        "Has anyone noticed that you snore loudly, gasp or choke, or stop breathing for a moment "
                        "while asleep?"
                    ),
                    N_("Loud snoring, gasping or pauses in breathing"),
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
