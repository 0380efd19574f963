"""The result's first screen in the person's own answers: one line per group that fits, and, for the clinician box,
each safety reason as the person said it ("You take a stomach-acid medicine").

Said to the person ("you"), unlike the reasons in wording.py, which read the same on the staff sheet. Short on
purpose: the full reasons, with their sources, are in the details below them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from screener.i18n import N_, _, current_language, ngettext
from screener.ids import DRINKS, FOOD_GROUPS, EvidenceStrength, FlagId, GroupId
from screener.wording import bin_text, inline, join_list, nights_text, number, percent

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.result import Reason, Result

# How sure research is that the group is linked to magnesium, in everyday words, said apart from the level.
SURE_LABELS: dict[EvidenceStrength, str] = {
    "strong": N_("(Science is sure of the link.)"),
    "moderate": N_("(Science is fairly sure of the link.)"),
    "limited": N_("(Science is not very sure of the link.)"),
}

# Short names for a person's own answers, in a sentence ("You take a water pill and an antibiotic").
MEDICINE_NAMES: dict[str, str] = {
    "diuretic": N_("a water pill"),
    "proton_pump_inhibitor": N_("a stomach-acid medicine"),
    "antibiotic": N_("an antibiotic"),
    "bisphosphonate": N_("a bone medicine"),
    "other_regular": N_("another daily medicine"),
}
PRODUCT_NAMES: dict[str, str] = {
    "supplement": N_("a magnesium supplement"),
    "laxative": N_("a magnesium laxative"),
    "antacid": N_("an antacid with magnesium"),
}


class WhyLine(NamedTuple):
    group: GroupId
    text: str


def sure_label(strength: EvidenceStrength) -> str:
    return _(SURE_LABELS[strength])


def levels_meaning() -> str:
    """What the levels mean, in one plain line (the levels quoted word for word)."""
    from screener.wording import level_label

    return _("“{likely}”: your answers match the group. “{possible}”: some of them do. Neither is a diagnosis.").format(
        likely=level_label("likely"), possible=level_label("possible")
    )


def why_lines(result: Result, answers: Answers) -> list[WhyLine]:
    """One line for each group that fits or partly fits, in the order shown."""
    return [WhyLine(group, _sentence_case(why_text(group, result, answers))) for group in result.matched_groups()]


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if current_language() == "en" else text


def why_text(group: GroupId, result: Result, answers: Answers) -> str:
    values = {reason.id: reason.values for reason in result.groups[group].reasons}
    if group == "low_dietary_intake":
        food = values["food_magnesium"]
        foods = _foods(answers)
        if foods is None:
            return _("None of the listed foods in a usual week.")
        return _(
            "{foods}: from these, about {mg} mg of magnesium a day ({share} of the {reference} mg recommended)."
        ).format(
            foods=foods,
            mg=number(float(food["mg"])),  # type: ignore[arg-type]
            share=percent(float(food["percent"]) / 100),  # type: ignore[arg-type]
            reference=number(float(food["reference_mg"])),  # type: ignore[arg-type]
        )
    if group == "older_adult":
        return _("You are {age}.").format(age=answers.age_years)
    if group == "chronic_stress":
        frequency = values["stress_frequency"]["frequency"]
        from screener.question_labels import STRESS_FREQUENCY

        how_often = inline(_(STRESS_FREQUENCY[int(frequency)]))  # type: ignore[arg-type]
        if "stress_months" in values:
            duration = inline(bin_text("stress_months", float(values["stress_months"]["months"])))  # type: ignore[arg-type]
            return _("Stressed {how_often}, for {duration}.").format(how_often=how_often, duration=duration)
        return _("Stressed {how_often}.").format(how_often=how_often)
    if group == "high_caffeine":
        caffeine = values["caffeine_mg"]
        mg, limit = number(round(float(caffeine["mg"]), -1)), number(float(caffeine["limit_mg"]))  # type: ignore[arg-type]
        if result.groups[group].level == "likely":
            text = _("{drinks} a day: about {mg} mg of caffeine, over the {limit} mg safe level.")
        else:
            text = _("{drinks} a day: about {mg} mg of caffeine, close to the {limit} mg safe level.")
        return text.format(drinks=_drinks(answers), mg=mg, limit=limit)
    hours = inline(bin_text("exercise_hours_per_week", float(answers.exercise_hours_per_week or 0)))
    if answers.heavy_sweating:
        return _("Exercise or sweaty work {hours} a week, drenched in sweat.").format(hours=hours)
    return _("Exercise or sweaty work {hours} a week.").format(hours=hours)


def _foods(answers: Answers) -> str | None:
    from screener.questions import question

    asked = question("servings_per_week")
    servings = answers.servings_per_week
    eaten = [(food, getattr(servings, food)) for food in FOOD_GROUPS] if servings is not None else []
    parts = [
        ngettext("{food} {count} time", "{food} {count} times", _plural_count(times)).format(
            food=inline(_(asked.row(food).label)), count=number(times, 1)
        )
        for food, times in eaten
        if times
    ]
    if not parts:
        return None
    return _("{foods} a week").format(foods=join_list(parts))


def _drink_count(drink: str, n: int) -> str:
    """Each drink counted in its own word ("4 coffees", "2 caffeine tablets"); Japanese counts cups, cans and
    tablets (杯, 本, 錠)."""
    if drink == "coffee":
        return ngettext("{count} coffee", "{count} coffees", n)
    if drink == "black_tea":
        return ngettext("{count} black tea", "{count} black teas", n)
    if drink == "green_tea":
        return ngettext("{count} green tea", "{count} green teas", n)
    if drink == "energy_drink":
        return ngettext("{count} energy drink", "{count} energy drinks", n)
    if drink == "cola":
        return ngettext("{count} cola", "{count} colas", n)
    return ngettext("{count} caffeine tablet", "{count} caffeine tablets", n)


def _drinks(answers: Answers) -> str:
    servings = answers.caffeine_servings_per_day
    had = [(drink, getattr(servings, drink)) for drink in DRINKS] if servings is not None else []
    parts = []
    for drink, n in had:
        if n:
            count = "½" if n == 0.5 else number(n, 1)
            parts.append(_drink_count(drink, _plural_count(n)).format(count=count))
    return join_list(parts)


def _plural_count(n: float) -> int:
    """The number gettext picks a plural form by: ½ and 1 take the singular."""
    return 1 if n <= 1 else max(2, round(n))


def clinician_lines(result: Result) -> list[str]:
    """The safety box of the first screen: a line for each heading, with the person's own reasons after it."""
    from screener.guidance import ABOUT_SLEEP, BEFORE_MAGNESIUM

    reasons = {reason.id: reason for reason in result.clinician.reasons}
    flags = result.clinician.flags
    sections = []
    before = [_own_reason(reasons[flag]) for flag in BEFORE_MAGNESIUM if flag in flags and flag in reasons]
    if before:
        sections.append(_run_on(_("Ask a clinician before taking any magnesium:"), before))
    sleep = [_own_reason(reasons[flag]) for flag in ABOUT_SLEEP if flag in flags and flag in reasons]
    if sleep:
        sections.append(_run_on(_("Ask a clinician about your sleep:"), sleep))
    return sections


def _run_on(heading: str, reasons: list[str]) -> str:
    """A heading and its reasons as one sentence: "…: you take a water pill; you are pregnant." (English reasons
    run on in lower case with semicolons; Japanese sentences follow one another)."""
    if current_language() != "en":
        return "".join([heading, *reasons])
    parts = [inline(reason).rstrip(".") for reason in reasons]
    return f"{heading} {'; '.join(parts)}."


# The safety questions in a word or two, for the line that says which were not answered.
SAFETY_NAMES: dict[str, str] = {
    "pregnancy": N_("pregnancy"),
    "kidney_disease": N_("kidneys"),
    "medicines": N_("medicines"),
    "magnesium_products": N_("magnesium taken"),
    "insomnia_nights_per_week": N_("sleep"),
    "sleep_problem_months": N_("how long the sleep trouble lasted"),
    "snoring_or_gasping": N_("snoring"),
}


def unanswered_line(result: Result) -> str | None:
    fields = result.clinician.unanswered
    if not fields:
        return None
    names = [_(SAFETY_NAMES[field]) for field in fields if field in SAFETY_NAMES]
    return _("Not answered: {questions}. The staff can ask you.").format(questions=join_list(names))


def _own_reason(reason: Reason) -> str:
    v = reason.values
    flag: FlagId = reason.id  # type: ignore[assignment]
    if flag == "kidney_disease":
        return _("A doctor said your kidneys do not work well.")
    if flag == "pregnancy":
        return _("You are breastfeeding.") if v.get("status") == "breastfeeding" else _("You are pregnant.")
    if flag == "interacting_medicine":
        names = [_(MEDICINE_NAMES[m]) for m in _strings(v["medicines"])]
        return _("You take {medicines}.").format(medicines=join_list(names))
    if flag == "magnesium_products":
        names = [_(PRODUCT_NAMES[p]) for p in _strings(v["products"])]
        return _("You already take {products}.").format(products=join_list(names))
    if flag == "chronic_insomnia":
        return _("Trouble sleeping {nights} for {duration}.").format(
            nights=nights_text(int(v["nights"])),  # type: ignore[arg-type]
            duration=inline(bin_text("sleep_problem_months", float(v["months"]))),  # type: ignore[arg-type]
        )
    if flag == "possible_sleep_apnoea":
        return _("Loud snoring or pauses in breathing in your sleep.")
    if flag == "minor":
        return _("You are under 18.")
    raise KeyError(f"no first-screen wording for flag {flag!r}")


def _strings(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []
