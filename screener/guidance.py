"""Educational guidance for matched groups, the clinician note, the disclaimer and the sources.

Written for this product from the facts in CONTENT.md. It never tells anyone to start a supplement: any mention of
supplements sends the person to a clinician or pharmacist first and states the upper limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.i18n import N_, _
from screener.ids import GroupId

if TYPE_CHECKING:
    from screener.result import Result
from screener.wording import number

GUIDANCE: dict[GroupId, tuple[str, ...]] = {
    "low_dietary_intake": (
        N_("Add a magnesium-rich food to most meals: leafy greens, nuts, seeds, beans and whole grains."),
        N_("A handful of almonds (28 g) has about 80 mg of magnesium; half a cup of boiled spinach about 78 mg."),
        N_("Swapping white rice or white bread for whole-grain kinds adds magnesium without extra effort."),
    ),
    "older_adult": (
        N_(
            "With age the body may absorb less magnesium and lose more in urine, so regular meals with the foods "
            "above matter more."
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
        N_("Food usually covers the extra need of training."),
    ),
    "high_caffeine": (
        N_("Keep caffeine to the morning and early afternoon, with none in the 6 hours before bed."),
        N_("Cut down a little at a time to avoid headaches; decaffeinated coffee or caffeine-free tea can help."),
    ),
}

SLEEP_HABITS: tuple[str, ...] = (
    N_("Keep a steady evening routine: the same bedtime, dim lights in the last hour, and some gentle stretching."),
)

STUDY_NOTE = N_(
    "What research shows: a few small, short trials found better sleep scores with magnesium in people with sleep "
    "complaints, including one of 80 adults over three weeks and one of 46 older adults over eight weeks. They do "
    "not show that magnesium treats insomnia or any sleep disorder."
)

OTHER_RISKS_NOTE = N_(
    "Long-term bowel conditions or bowel surgery, type 2 diabetes and alcohol dependence can also lower magnesium. "
    "If one of these applies to you, tell your clinician."
)

MEDICINE_TIMING_NOTE = N_(
    "If a clinician agrees to a magnesium supplement, bisphosphonates and some antibiotics must be taken hours apart "
    "from it; your pharmacist can tell you how long."
)

DISCLAIMER = N_(
    "This self-check is for learning only. It does not diagnose, treat or prevent any illness and does not replace "
    "advice from a clinician."
)

SOURCES: tuple[str, ...] = (
    "NIH Office of Dietary Supplements. Magnesium: Fact Sheet for Health Professionals.",
    "Institute of Medicine (Food and Nutrition Board), Dietary Reference Intakes, 1997.",
    "MHLW. Dietary Reference Intakes for Japanese (日本人の食事摂取基準), 2025.",
    "EFSA. Scientific Opinion on the safety of caffeine. EFSA Journal 2015;13(5):4102.",
    "Gröber U, Schmidt J, Kisters K. Magnesium in Prevention and Therapy. Nutrients 2015;7:8199-8226.",
    "Pickering G et al. Magnesium Status and Stress. Nutrients 2020;12:3672.",
    "Hausenblas HA et al. Sleep Medicine X 2024;8:100121.",
    "Abbasi B et al. J Res Med Sci 2012;17:1161-9.",
)


def guidance_points(result: Result) -> list[tuple[GroupId | None, str]]:
    """Guidance for every matched group, in group order, then the general sleep habits (group None)."""
    points: list[tuple[GroupId | None, str]] = []
    for group in result.matched_groups():
        points += [(group, _(text)) for text in GUIDANCE[group]]
    points += [(None, _(text)) for text in SLEEP_HABITS]
    return points


def clinician_heading(result: Result) -> str:
    if result.clinician.flags:
        return _("Please talk to a clinician before taking any magnesium supplement")
    return _("Check with a clinician or pharmacist first")


def clinician_body(result: Result) -> str:
    upper = number(result.figures.supplement_upper_limit_mg_per_day)
    if result.clinician.flags:
        return _(
            "Your answers include points below that a clinician should know about. Show this page to the staff. "
            "Do not start a magnesium supplement until a clinician has said it is safe for you."
        )
    return _(
        "This check cannot tell whether you lack magnesium. Food is the best source. If you are thinking about a "
        "supplement, ask a clinician or pharmacist first; adults should not take more than {upper} mg a day from "
        "supplements unless a clinician advises it."
    ).format(upper=upper)


def upper_limit_text(result: Result) -> str:
    return _(
        "Upper limit for magnesium from supplements and medicines: {upper} mg a day for adults. Too much can cause "
        "diarrhoea and nausea; with weak kidneys it can build up dangerously. There is no limit for magnesium from "
        "food."
    ).format(upper=number(result.figures.supplement_upper_limit_mg_per_day))


def clinician_notes(result: Result) -> list[str]:
    """Further points for the clinician box: medicine timing when a medicine interacts, and the other risk groups."""
    notes = [_(MEDICINE_TIMING_NOTE)] if "interacting_medicine" in result.clinician.flags else []
    return [*notes, _(OTHER_RISKS_NOTE)]


def disclaimer() -> str:
    return _(DISCLAIMER)


def study_note() -> str:
    return _(STUDY_NOTE)
