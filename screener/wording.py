"""Words for the result: group names, levels, evidence, and each reason in the person's own numbers.

The result carries reason ids and values; this module turns them into sentences in the current language, for the
wizard, the printed summary and the text report alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.i18n import N_, _, babel_locale, ngettext, pgettext
from screener.ids import EvidenceStrength, FlagId, GroupId, Level

if TYPE_CHECKING:
    from screener.result import Reason

GROUP_TITLES: dict[GroupId, str] = {
    "chronic_stress": N_("Stress that goes on for months"),
    "low_dietary_intake": N_("Few magnesium-rich foods"),
    "older_adult": N_("Older age"),
    "athlete_sweat_loss": N_("Exercise with heavy sweating"),
    "high_caffeine": N_("A lot of caffeine"),
}

FLAG_TITLES: dict[FlagId, str] = {
    "kidney_disease": N_("Reduced kidney function"),
    "pregnancy": N_("Pregnancy or breastfeeding"),
    "interacting_medicine": N_("A medicine that interacts with magnesium"),
    "chronic_insomnia": N_("Long-lasting trouble sleeping"),
    "possible_sleep_apnoea": N_("Possible sleep apnoea"),
    "minor": N_("Under 18"),
}

EVIDENCE_TEXT: dict[str, str] = {
    "nih_at_risk_group": N_(
        "Strong evidence: health authorities name older adults among the people most likely to get too little "
        "magnesium."
    ),
    "intake_below_reference": N_(
        "Strong evidence: eating less than the recommended amount is the direct cause of too little magnesium."
    ),
    "sweat_losses_small": N_(
        "Some evidence: sweat carries a little magnesium (about 3 to 5 mg an hour of hard exercise), and hard "
        "training may raise needs somewhat. Serious shortage from sweat alone is rare."
    ),
    "hypothesis": N_(
        "Limited evidence: researchers have proposed that long stress may increase magnesium loss, but this has "
        "not been proven."
    ),
    "small_net_loss": N_(
        "Limited evidence: caffeine raises magnesium in urine for a few hours, but the net loss measured over a "
        "day was small (about 4 mg). Its effect on sleep matters more."
    ),
}

_STRENGTH_LABELS: dict[EvidenceStrength, str] = {
    "strong": N_("strong"),
    "moderate": N_("some"),
    "limited": N_("limited"),
}

_MEDICINES: dict[str, str] = {
    "diuretic": N_("a diuretic (water pill)"),
    "proton_pump_inhibitor": N_("a stomach-acid medicine (proton pump inhibitor)"),
    "antibiotic": N_("an antibiotic"),
    "bisphosphonate": N_("a bone medicine (bisphosphonate)"),
    "other_regular": N_("another regular medicine"),
}

_STRESS_FREQUENCIES: tuple[str, ...] = (N_("never"), N_("rarely"), N_("sometimes"), N_("often"), N_("very often"))


def _num(value: object) -> float:
    """A reason value that is a number; reasons are built by scoring, so anything else is a bug."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number in a reason, got {value!r}")
    return float(value)


def number(value: float, decimals: int = 0) -> str:
    """A number in the current locale, rounded for people to read."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=babel_locale())


def _percent(value: float) -> str:
    from babel.numbers import format_percent

    return format_percent(value, locale=babel_locale())


def _list(items: list[str]) -> str:
    from babel.lists import format_list

    return format_list(items, locale=babel_locale())


def group_title(group: GroupId) -> str:
    return _(GROUP_TITLES[group])


def flag_title(flag: FlagId) -> str:
    return _(FLAG_TITLES[flag])


def level_label(level: Level) -> str:
    return {
        "likely": pgettext("level", "Likely applies"),
        "possible": pgettext("level", "May apply"),
        "none": pgettext("level", "Not indicated"),
        "unknown": pgettext("level", "Not answered"),
    }[level]


def evidence_text(basis: str) -> str:
    return _(EVIDENCE_TEXT[basis])


def strength_label(strength: EvidenceStrength) -> str:
    return _(_STRENGTH_LABELS[strength])


def medicine_name(medicine: str) -> str:
    return _(_MEDICINES[medicine])


def stress_frequency_label(frequency: int) -> str:
    return _(_STRESS_FREQUENCIES[frequency])


def _skipped_text(field: str) -> str:
    return {
        "caffeine_servings_per_day": _("You skipped the questions about caffeine, so this was not assessed."),
        "servings_per_week": _("You skipped the questions about food, so this was not assessed."),
        "exercise_hours_per_week": _("You skipped the question about exercise, so this was not assessed."),
        "stress_frequency": _("You skipped the question about stress, so this was not assessed."),
    }.get(field, _("You skipped this question, so this was not assessed."))


def reason_text(reason: Reason, level: Level | None = None) -> str:
    """One sentence for a reason, with the person's numbers in the current locale's format."""
    v = reason.values
    rid = reason.id
    if rid == "skipped":
        return _skipped_text(str(v["field"]))
    if rid == "caffeine_mg":
        return _(
            "About {mg} mg of caffeine a day from your drinks. {limit} mg a day is a commonly cited upper limit "
            "for healthy adults."
        ).format(mg=number(_num(v["mg"])), limit=number(_num(v["limit_mg"])))
    if rid == "pregnancy_caffeine_limit":
        return _("During pregnancy and breastfeeding the commonly cited limit is lower: {limit} mg a day.").format(
            limit=number(_num(v["limit_mg"]))
        )
    if rid == "caffeine_late":
        return _("You have caffeine after 2 pm; it can still disturb sleep many hours later.")
    if rid == "food_magnesium":
        return _(
            "About {mg} mg of magnesium a day from the foods asked about: {share} of the {reference} mg a day "
            "recommended for you."
        ).format(
            mg=number(_num(v["mg"])),
            share=_percent(_num(v["percent"]) / 100),
            reference=number(_num(v["reference_mg"])),
        )
    if rid == "reference_sex_unspecified":
        return _("Sex was not given, so the higher of the two recommended amounts was used.")
    if rid == "no_reference_for_age":
        return _("This check has no recommended amount for age {age}.").format(age=v["age"])
    if rid == "age":
        if level in ("likely", "possible"):
            return _("You are {age}. From about {from_age}, the body may absorb less magnesium from food.").format(
                age=v["age"], from_age=v["from_age"]
            )
        return _("You are {age}; this applies mainly from about {from_age}.").format(
            age=v["age"], from_age=v["from_age"]
        )
    if rid == "exercise_hours":
        return _(
            "About {hours} hours a week of exercise or work that makes you sweat, which may lose around {mg} mg "
            "of magnesium a week in sweat."
        ).format(hours=number(_num(v["hours"]), 1), mg=number(_num(v["sweat_mg_per_week"])))
    if rid == "heavy_sweating":
        return _("You usually get drenched in sweat.")
    if rid == "stress_frequency":
        return _("In the past month you felt stressed or overwhelmed {how_often}.").format(
            how_often=stress_frequency_label(int(_num(v["frequency"])))
        )
    if rid == "stress_months":
        months = int(_num(v["months"]))
        return ngettext(
            "It has been like this for {months} month.", "It has been like this for {months} months.", months
        ).format(months=months)
    if rid == "stress_months_unknown":
        return _("How long it has lasted was not answered.")
    return clinician_reason_text(reason)


def clinician_reason_text(reason: Reason) -> str:
    """One sentence for a clinician flag or advisory reason."""
    v = reason.values
    rid = reason.id
    if rid == "kidney_disease":
        return _("You have been told your kidney function is reduced; magnesium from supplements can build up.")
    if rid == "pregnancy":
        if v.get("status") == "breastfeeding":
            return _("You are breastfeeding; what is safe to take can differ.")
        return _("You are pregnant; what is safe to take can differ.")
    if rid == "interacting_medicine":
        medicines = v["medicines"]
        names = [medicine_name(m) for m in medicines] if isinstance(medicines, list) else []
        return _("You take {medicines}, which can interact with magnesium or change how much the body keeps.").format(
            medicines=_list(names)
        )
    if rid == "chronic_insomnia":
        return _(
            "Trouble sleeping on {nights} nights a week for {months} months may be chronic insomnia, which a "
            "clinician can help with."
        ).format(nights=v["nights"], months=v["months"])
    if rid == "possible_sleep_apnoea":
        return _("Loud snoring, gasping or pauses in breathing can be signs of sleep apnoea, which needs a clinician.")
    if rid == "minor":
        return _("This check is written for adults, and you are {age}.").format(age=v["age"])
    if rid == "frequent_insomnia":
        return _("Trouble sleeping on {nights} nights a week: if it goes on for months, see a clinician.").format(
            nights=v["nights"]
        )
    if rid == "other_regular_medicine":
        return _("You take other medicines regularly: ask a pharmacist before adding any supplement.")
    if rid == "heavy_alcohol":
        return _("About {drinks} alcoholic drinks a week; heavy drinking increases magnesium loss.").format(
            drinks=number(_num(v["drinks"]), 1)
        )
    raise KeyError(f"no wording for reason {rid!r}")
