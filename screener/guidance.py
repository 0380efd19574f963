"""Educational guidance for matched groups, the clinician sections, the disclaimer, the study note and the sources.

Written for this product from the facts in CONTENT.md. It never tells anyone to start a supplement: any mention of
supplements sends the person to a clinician or pharmacist first and states the upper limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from screener.i18n import N_, _
from screener.ids import FlagId, GroupId
from screener.wording import clinician_reason_text, inline, join_list, number, sentences

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.result import Result

GUIDANCE: dict[GroupId, tuple[str, ...]] = {
    "low_dietary_intake": (
        N_(
            "Add a magnesium-rich food to most meals: leafy greens, nuts, seeds such as sesame, beans and whole grains."
        ),
        N_("Choosing brown rice, soba or whole-grain bread instead of white adds magnesium without extra effort."),
    ),
    "older_adult": (
        N_(
            "With age the body may absorb less magnesium and lose more in urine, so regular meals that include "
            "magnesium-rich foods matter more."
        ),
        N_("If you take several medicines, ask your pharmacist whether any of them affect magnesium."),
    ),
    "chronic_stress": (
        N_("Give yourself a few calm minutes each day: slow breathing, quiet sitting or a walk outdoors."),
        N_("If stress feels hard to manage, talk to someone you trust or to a clinician."),
    ),
    "athlete_sweat_loss": (
        N_(
            "After long or sweaty sessions, eat a meal with magnesium-rich foods; plain water replaces fluid, "
            "not minerals."
        ),
        N_("Food usually makes up what training loses in sweat."),
    ),
    "high_caffeine": (
        N_(
            "If you cut down on caffeine, do it a little at a time to avoid headaches; decaffeinated coffee or "
            "caffeine-free tea can help."
        ),
    ),
}

# Guidance that tells a person to eat more of some food: with reduced kidney function the clinician's diet comes
# first, so these give way to KIDNEY_DIET.
FOOD_ADVICE: frozenset[str] = frozenset(
    {
        GUIDANCE["low_dietary_intake"][0],
        GUIDANCE["low_dietary_intake"][1],
        GUIDANCE["older_adult"][0],
        GUIDANCE["athlete_sweat_loss"][0],
        GUIDANCE["athlete_sweat_loss"][1],
    }
)

FOOD_EXAMPLES = {
    "us": N_(
        "For example, a handful of almonds has about {nuts} mg of magnesium and half a cup of cooked spinach about "
        "{greens} mg."
    ),
    "jp": N_(
        "For example, a handful of almonds has about {nuts} mg of magnesium, a pack of natto about {legumes} mg "
        "and a small dish of boiled spinach about {greens} mg."
    ),
}

KIDNEY_DIET = N_(
    "If you have been given a kidney diet, it comes first: nuts, beans, whole grains, spinach and avocado are rich "
    "in potassium and phosphorus, which kidney diets often limit. Ask your clinician or dietitian which "
    "magnesium-rich foods fit your diet."
)

CAFFEINE_TIMING = N_("Keep caffeine to the morning and early afternoon, with none in the 6 hours before bed.")

SLEEP_HABITS = N_(
    "Keep a steady evening routine: the same bedtime, dim lights in the last hour, and some gentle stretching."
)

STUDY_NOTE = N_(
    "Two small trials are often quoted. In one, 46 adults aged 60 to 75 with insomnia, chosen because they were "
    "likely to get little magnesium from food, took 500 mg of magnesium (as magnesium oxide) a day for 8 weeks; "
    "their insomnia scores, sleep time and time to fall asleep were better than with a placebo. 500 mg is above the "
    "350 mg upper limit: it was a supervised trial, not a dose to copy, and people who already eat enough magnesium "
    "may not gain the same. In the other, 80 adults aged 35 to 55 who said they slept poorly, with no diagnosis of "
    "insomnia, took one magnesium compound for 3 weeks; their sleep questionnaire scores and some scores from a "
    "sleep-tracking ring worn on the finger came out better than with a placebo, mostly because the placebo group's "
    "scores fell, and one author worked for the compound's maker. Studies this small and short do not show that "
    "magnesium treats insomnia or any sleep disorder."
)

OTHER_RISKS_NOTE = N_(
    "Long-term bowel conditions or bowel surgery, type 2 diabetes and alcohol dependence can also lower magnesium. "
    "If one of these applies, tell the clinician."
)

PRESCRIBED_NOTE = N_("Do not stop or change a prescribed medicine without asking the prescriber.")
# Beside magnesium oxide's warning signs (stop it and see a doctor), the same rule for everything else.
PRESCRIBED_NOTE_BESIDE_SIGNS = N_(
    "Apart from those warning signs, do not stop or change a prescribed medicine without asking the prescriber."
)

MEDICINE_TIMING_NOTE = N_(
    "If a clinician agrees to a magnesium supplement, bisphosphonates and some antibiotics must be taken hours apart "
    "from it; a pharmacist can say how long."
)

DISCLAIMER = N_(
    "This self-check helps you learn; it is not a medical test. It cannot find an illness or tell how much "
    "magnesium your body has, and it does not replace a clinician's advice."
)

# Flags that are about taking magnesium at all, and flags that are about sleep.
BEFORE_MAGNESIUM: tuple[FlagId, ...] = (
    "kidney_disease",
    "pregnancy",
    "interacting_medicine",
    "magnesium_products",
    "minor",
)
ABOUT_SLEEP: tuple[FlagId, ...] = ("chronic_insomnia", "possible_sleep_apnoea")


class ClinicianSection(NamedTuple):
    """A heading and the reasons under it; ``flagged`` when it rests on a safety flag."""

    kind: str  # "before_magnesium", "sleep", "ask_first", "also"
    heading: str
    lines: list[str]
    flagged: bool


def food_example(region: str) -> str:
    from screener.reference import reference_table

    foods = reference_table().foods[region]  # type: ignore[index]
    values = {
        key: number(foods[food].mg_per_serving)
        for key, food in (("nuts", "nuts"), ("greens", "leafy_greens"), ("legumes", "legumes"))
    }
    return _(FOOD_EXAMPLES[region]).format(**values)


def guidance_points(result: Result, answers: Answers | None = None) -> list[tuple[GroupId | None, str]]:
    """Guidance for every matched group, in display order, then caffeine timing and the evening routine.

    With reduced kidney function the clinician's diet comes first: the kidney-diet point leads, and no group's
    advice tells the person to eat more of any food.
    """
    points: list[tuple[GroupId | None, str]] = []
    kidney = "kidney_disease" in result.clinician.flags
    if kidney:
        points.append((None, _(KIDNEY_DIET)))
    for group in result.matched_groups():
        texts = [_(text) for text in GUIDANCE[group] if not (kidney and text in FOOD_ADVICE)]
        if group == "low_dietary_intake" and not kidney:
            texts.insert(1, food_example(result.figures.region))
        points += [(group, text) for text in texts]
    if caffeine_timing_applies(result, answers):
        points.append(("high_caffeine", _(CAFFEINE_TIMING)))
    points.append((None, _(SLEEP_HABITS)))
    return points


def caffeine_timing_applies(result: Result, answers: Answers | None) -> bool:
    """When caffeine is high, or comes after 2 pm while sleep is a problem: timing is the stronger point."""
    if result.groups["high_caffeine"].level in ("likely", "possible"):
        return True
    if answers is None:
        return False
    late = bool(answers.caffeine_after_2pm)
    poor_sleep = bool(answers.insomnia_nights_per_week) or "chronic_insomnia" in result.clinician.flags
    return late and poor_sleep


def clinician_sections(result: Result) -> list[ClinicianSection]:
    """The clinician note as headed sections: each heading directly above its own reasons."""
    by_id = {reason.id: clinician_reason_text(reason) for reason in result.clinician.reasons}
    flags = result.clinician.flags
    sections: list[ClinicianSection] = []
    before = [by_id[f] for f in BEFORE_MAGNESIUM if f in flags]
    if "interacting_medicine" in flags:
        before.append(_(MEDICINE_TIMING_NOTE))
    if _takes_magnesium_medicine(result):
        before.append(_(PRESCRIBED_NOTE_BESIDE_SIGNS))
    elif "interacting_medicine" in flags or "pregnancy" in flags:
        before.append(_(PRESCRIBED_NOTE))
    if before:
        sections.append(
            ClinicianSection(
                "before_magnesium",
                _("Talk to a clinician before adding any magnesium supplement or medicine"),
                before,
                flagged=True,
            )
        )
    # Sleep: the flags, and trouble sleeping most nights that has not (yet) lasted long enough to flag.
    sleep_flagged = [f for f in ABOUT_SLEEP if f in flags]
    sleep = [by_id[f] for f in sleep_flagged]
    if "frequent_insomnia" in by_id:
        sleep.append(by_id["frequent_insomnia"])
    if sleep:
        sections.append(
            ClinicianSection("sleep", _("Talk to a clinician about your sleep"), sleep, flagged=bool(sleep_flagged))
        )
    if result.clinician.unanswered:
        from screener.questions import question

        names = [inline(_(question(field).review_label)) for field in result.clinician.unanswered]
        sections.append(
            ClinicianSection(
                "unanswered",
                _("Safety questions not answered"),
                [
                    _(
                        "Ask a clinician or pharmacist about these before taking any magnesium supplement or "
                        "medicine: {questions}."
                    ).format(questions=join_list(names))
                ],
                flagged=False,
            )
        )
    adult_limit = result.figures.supplement_upper_limit_mg_per_day
    if not before and adult_limit is not None:
        upper = number(adult_limit)
        ask_first = _(
            "This check cannot tell whether you lack magnesium, and food is the best source. Before taking any "
            "supplement, ask a clinician or pharmacist; adults should not take more than {upper} mg a day from "
            "supplements and medicines unless a clinician advises it."
        ).format(upper=upper)
        sections.append(
            ClinicianSection("ask_first", _("Thinking about a supplement? Ask first."), [ask_first], flagged=False)
        )
    advice = [by_id[r.id] for r in result.clinician.reasons if r.id not in flags and r.id != "frequent_insomnia"]
    sections.append(ClinicianSection("also", _("Also worth knowing"), [*advice, _(OTHER_RISKS_NOTE)], flagged=False))
    return sections


def _takes_magnesium_medicine(result: Result) -> bool:
    """A magnesium laxative or antacid (often prescribed), not only a supplement bought over the counter."""
    return any(r.id == "magnesium_products" and r.values.get("magnesium_oxide") for r in result.clinician.reasons)


def upper_limit_text(result: Result) -> str:
    """The upper limit that applies to this person, by age and region, and why it matters."""
    figures = result.figures
    upper = figures.supplement_upper_limit_mg_per_day
    harm = _(
        "Too much can cause diarrhoea and nausea; with weak kidneys it can build up dangerously. No upper limit is "
        "set for magnesium from ordinary food."
    )
    if upper is None:
        return _(
            "For babies under 1 year, no upper limit is set for magnesium from supplements and medicines: only a "
            "clinician can advise."
        )
    if figures.supplement_upper_limit_basis == "child_us":
        limit = _(
            "Upper limit for magnesium from supplements and medicines together at this age: {upper} mg a day (US "
            "reference)."
        ).format(upper=number(upper))
    elif figures.supplement_upper_limit_basis == "child_per_kg":
        limit = _(
            "Upper limit for magnesium from supplements and medicines together at this age: 5 mg per kg of body "
            "weight a day (Japan), about {upper} mg at a typical weight."
        ).format(upper=number(upper))
    else:
        limit = _(
            "Upper limit for magnesium from supplements and medicines together: {upper} mg a day for adults (US "
            "and Japan)."
        ).format(upper=number(upper))
    return sentences(limit, harm)


def disclaimer() -> str:
    return _(DISCLAIMER)


def study_heading() -> str:
    return _("Magnesium and sleep: what studies show")


def study_note() -> str:
    return _(STUDY_NOTE)


def source_names() -> list[str]:
    """The same sources by their short names, in the same order (for the printed summary's small print)."""
    from screener.reference import reference_table

    table = reference_table()
    return [table.source_names[key] for key in table.sources]


def sources() -> list[str]:
    """Every source of the reference table and the notes, as full citations (not translated: titles stay)."""
    from screener.reference import reference_table

    return list(reference_table().sources.values())
