"""Words for the result: group names, levels, evidence, and each reason in the person's own numbers.

The result carries reason ids and values; this module turns them into sentences in the current language, for the
wizard, the printed summary and the text report alike. Reasons are worded without "you", so the same sentence
reads right on the person's screen and on the staff sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.i18n import N_, _, babel_locale, current_language, ngettext, pgettext
from screener.ids import EvidenceStrength, FlagId, GroupId, Level
from screener.languages import language

if TYPE_CHECKING:
    from screener.result import Reason, ReasonValue

GROUP_TITLES: dict[GroupId, str] = {
    "chronic_stress": N_("Stress that lasts for months"),
    "low_dietary_intake": N_("Few magnesium-rich foods"),
    "older_adult": N_("Age {from_age} and over"),
    "athlete_sweat_loss": N_("Hard exercise with heavy sweating"),
    "high_caffeine": N_("A lot of caffeine"),
}

FLAG_TITLES: dict[FlagId, str] = {
    "kidney_disease": N_("Reduced kidney function"),
    "pregnancy": N_("Pregnancy or breastfeeding"),
    "interacting_medicine": N_("A medicine that interacts with magnesium"),
    "magnesium_products": N_("Magnesium already taken"),
    "chronic_insomnia": N_("Long-lasting trouble sleeping"),
    "possible_sleep_apnoea": N_("Possible sleep apnoea"),
    "minor": N_("Under 18"),
}

# How strong the link between the group and magnesium is: said apart from whether the group fits the person.
EVIDENCE_TEXT: dict[str, str] = {
    "nih_at_risk_group": N_(
        "Link to magnesium: strong. The US National Institutes of Health (NIH) names older adults among the groups "
        "more likely to get too little magnesium: with age, people tend to take in less, absorb less and lose more "
        "in urine."
    ),
    "intake_below_reference": N_(
        "Link to magnesium: strong. Too little magnesium in the diet is the most direct cause of running short."
    ),
    "sweat_losses_small": N_(
        "Link to magnesium: some. Sweat carries a little magnesium (about 3 to 5 mg an hour of hard exercise), so "
        "hard training adds somewhat to what is lost. A real shortage from sweat alone is rare."
    ),
    "hypothesis": N_(
        "Link to magnesium: limited. Researchers have proposed that long stress may increase magnesium loss, but "
        "this has not been proven."
    ),
    "small_net_loss": N_(
        "Link to magnesium: limited. Caffeine raises magnesium in urine for a few hours, but the net loss measured "
        "over a whole day was small (about 4 mg). Its effect on sleep matters more."
    ),
}

STRENGTH_LABELS: dict[EvidenceStrength, str] = {
    "strong": N_("Link to magnesium: strong"),
    "moderate": N_("Link to magnesium: some"),
    "limited": N_("Link to magnesium: limited"),
}

# Short, in-sentence names of the medicines and products, for reasons and the summary.
_MEDICINES: dict[str, str] = {
    "diuretic": N_("a water pill (diuretic)"),
    "proton_pump_inhibitor": N_("a stomach-acid medicine (such as omeprazole or vonoprazan)"),
    "antibiotic": N_("an antibiotic"),
    "bisphosphonate": N_("a bone medicine (bisphosphonate)"),
    "other_regular": N_("another daily medicine"),
}
_PRODUCTS: dict[str, str] = {
    "supplement": N_("a magnesium supplement"),
    "laxative": N_("a magnesium laxative"),
    "antacid": N_("a magnesium antacid"),
}


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


def percent(value: float) -> str:
    from babel.numbers import format_percent

    return format_percent(value, locale=babel_locale())


def join_list(items: list[str]) -> str:
    from babel.lists import format_list

    return format_list(items, locale=babel_locale())


def sentences(*parts: str) -> str:
    """Sentences run on as the language writes them: a space between them in English, none in Japanese."""
    return language(current_language()).sentence_gap.join(part for part in parts if part)


def full_stop(text: str) -> str:
    """``text`` ending as a sentence does ("." in English, "。" in Japanese), unless it already ends so."""
    if not text or text[-1] in ".!?。！？)）":
        return text
    return text + language(current_language()).full_stop


def labelled(label: str, value: str) -> str:
    """ "Label: value", with the colon of the language (Japanese uses the full-width ：)."""
    return _("{label}: {value}").format(label=label, value=value)


def inline(label: str) -> str:
    """A choice label used inside an English sentence starts in lower case ("It has lasted 1 to 2 months")."""
    if current_language() == "en" and label[:1].isupper() and not label[1:2].isupper():
        return label[0].lower() + label[1:]
    return label


def group_title(group: GroupId) -> str:
    if group == "older_adult":
        from screener.reference import reference_table

        from_age = reference_table().thresholds.older_adult.possible_from_age
        return _(GROUP_TITLES[group]).format(from_age=from_age)
    return _(GROUP_TITLES[group])


def flag_title(flag: FlagId) -> str:
    return _(FLAG_TITLES[flag])


def level_label(level: Level) -> str:
    return {
        "likely": pgettext("level", "Fits your answers"),
        "possible": pgettext("level", "Partly fits your answers"),
        "none": pgettext("level", "Does not fit your answers"),
        "unknown": pgettext("level", "Not answered"),
    }[level]


def evidence_text(basis: str) -> str:
    return _(EVIDENCE_TEXT[basis])


def strength_label(strength: EvidenceStrength) -> str:
    return _(STRENGTH_LABELS[strength])


def medicine_name(medicine: str) -> str:
    return _(_MEDICINES[medicine])


def product_name(product: str) -> str:
    return _(_PRODUCTS[product])


def bin_text(field: str, value: float) -> str:
    """The words of the one-tap choice a number falls in ("6 to 11 months"), for any number, typed or tapped."""
    from screener.answer_sheet import choice_code
    from screener.questions import question

    asked = question(field)
    return _(asked.choice(choice_code(asked, value)).label)


def nights_text(nights: int) -> str:
    return ngettext("{count} night a week", "{count} nights a week", nights).format(count=nights)


def _skipped_text(field: str) -> str:
    return {
        "caffeine_servings_per_day": _("Not assessed: the caffeine question was not answered."),
        "servings_per_week": _("Not assessed: the food question was not answered."),
        "exercise_hours_per_week": _("Not assessed: the exercise question was not answered."),
        "stress_frequency": _("Not assessed: the stress question was not answered."),
    }.get(field, _("Not assessed: the question was not answered."))


def reason_text(reason: Reason, level: Level | None = None) -> str:
    """One sentence for a reason, with the person's numbers in the current locale's format."""
    v = reason.values
    rid = reason.id
    if rid == "skipped":
        return _skipped_text(str(v["field"]))
    if rid == "caffeine_mg":
        # To the nearest 10 mg: servings are estimates, so "about 700 mg", never a false "698 mg".
        mg, limit = number(round(_num(v["mg"]), -1)), number(_num(v["limit_mg"]))
        basis = v.get("limit_basis")
        if basis == "pregnancy":
            return _(
                "About {mg} mg of caffeine a day. During pregnancy and breastfeeding, the European Food Safety "
                "Authority (EFSA) sees no safety concern up to {limit} mg a day."
            ).format(mg=mg, limit=limit)
        if basis == "child_per_kg":
            return _(
                "About {mg} mg of caffeine a day. For children and teenagers, the European Food Safety Authority "
                "(EFSA) sees no safety concern up to 3 mg per kg of body weight a day: about {limit} mg at a "
                "typical weight for this age."
            ).format(mg=mg, limit=limit)
        return _(
            "About {mg} mg of caffeine a day. For healthy adults, the European Food Safety Authority (EFSA) sees no "
            "safety concern up to {limit} mg a day."
        ).format(mg=mg, limit=limit)
    if rid == "caffeine_below_limit":
        return _(
            "This is below that limit, but above {from_mg} mg a day the check says “Partly fits your answers”: a "
            "single dose of caffeine raises the magnesium lost in urine for a few hours, though the loss over a whole "
            "day is small."
        ).format(from_mg=number(_num(v["from_mg"])))
    if rid == "caffeine_late":
        return _(
            "Caffeine after 2 pm. In a sleep study, 400 mg of caffeine taken 6 hours before bed still disturbed sleep."
        )
    if rid == "food_magnesium":
        return _(
            "About {mg} mg of magnesium a day from the listed foods alone: {share} of the {reference} mg a day "
            "recommended."
        ).format(
            mg=number(_num(v["mg"])),
            share=percent(_num(v["percent"]) / 100),
            reference=number(_num(v["reference_mg"])),
        )
    if rid == "foods_not_counted":
        if v.get("region") == "jp":
            return _(
                "Only these six foods are counted. Fish, shellfish, seaweed, miso and other foods also carry "
                "magnesium, so the whole diet gives more than this."
            )
        return _(
            "Only these six foods are counted. Fish, milk, bread, potatoes, bananas and other foods also carry "
            "magnesium, so the whole diet gives more than this."
        )
    if rid == "reference_sex_unspecified":
        return _("Sex was not given, so the higher of the two recommended amounts was used.")
    if rid == "no_reference_for_age":
        return _("Under 1 year, babies get their magnesium from milk: this check cannot judge it from foods.")
    if rid == "age":
        if level == "likely":
            return _(
                "Age {age}. Japan counts people from {likely_from_age} as older adults. With age, people tend to take "
                "in less magnesium, absorb less of it from food and lose more in urine."
            ).format(age=v["age"], likely_from_age=v["likely_from_age"])
        if level == "possible":
            return _(
                "Age {age}. The chance of getting too little magnesium grows with age: this check says “Partly "
                "fits your answers” from {from_age} and “Fits your answers” from {likely_from_age}."
            ).format(age=v["age"], from_age=v["from_age"], likely_from_age=v["likely_from_age"])
        return _("This group starts at age {from_age}.").format(from_age=v["from_age"])
    if rid == "exercise_hours":
        hours = _num(v["hours"])
        if hours == 0:
            return _("No exercise or sweaty work in a usual week.")
        return _(
            "Exercise or sweaty work: {hours} a week. During hard exercise, sweat carries away about {mg} mg of "
            "magnesium an hour."
        ).format(hours=inline(bin_text("exercise_hours_per_week", hours)), mg=number(_num(v["sweat_mg_per_hour"])))
    if rid == "heavy_sweating":
        return _("Usually drenched in sweat.")
    if rid == "sweating_not_heavy":
        return _("Not usually drenched in sweat, so long hours alone count only as “Partly fits your answers”.")
    if rid == "sweating_unknown":
        return _("Whether the sweating is heavy was not answered.")
    if rid == "stress_frequency":
        from screener.question_labels import STRESS_FREQUENCY

        return _("Felt tense or under pressure over the past month: {how_often}.").format(
            how_often=inline(_(STRESS_FREQUENCY[int(_num(v["frequency"]))]))
        )
    if rid == "stress_months":
        return _("It has lasted {duration}.").format(duration=inline(bin_text("stress_months", _num(v["months"]))))
    if rid == "stress_months_unknown":
        return _("How long it has lasted was not answered.")
    return clinician_reason_text(reason)


def clinician_reason_text(reason: Reason) -> str:
    """One sentence for a clinician flag or for advice that raises no flag."""
    v = reason.values
    rid = reason.id
    if rid == "kidney_disease":
        return _("Reduced kidney function: magnesium from supplements and medicines can build up in the body.")
    if rid == "pregnancy":
        if v.get("status") == "breastfeeding":
            return _("Breastfeeding: what is safe to take, and how much, can be different.")
        return _("Pregnant: what is safe to take, and how much, can be different.")
    if rid == "interacting_medicine":
        names = [medicine_name(m) for m in _strings(v["medicines"])]
        return _(
            "Takes {medicines}: such medicines can interact with magnesium or change how much the body keeps."
        ).format(medicines=join_list(names))
    if rid == "magnesium_products":
        return _magnesium_products_text(v)
    if rid == "chronic_insomnia":
        return _(
            "Trouble sleeping on {nights}, for {duration}: this may be chronic insomnia, which a clinician can "
            "assess and treat."
        ).format(
            nights=nights_text(int(_num(v["nights"]))),
            duration=inline(bin_text("sleep_problem_months", _num(v["months"]))),
        )
    if rid == "possible_sleep_apnoea":
        return _(
            "Loud snoring, gasping or pauses in breathing can be signs of sleep apnoea, which needs a clinician, not a "
            "supplement."
        )
    if rid == "minor":
        return _("This check is written for adults; under 18, a clinician should advise.")
    if rid == "frequent_insomnia":
        return _("Trouble sleeping on {nights}: if it goes on for 3 months or more, see a clinician.").format(
            nights=nights_text(int(_num(v["nights"])))
        )
    if rid == "other_regular_medicine":
        return _(
            "Takes another medicine every day: ask a pharmacist before adding any supplement, and do not stop or "
            "change a prescribed medicine without asking the prescriber."
        )
    if rid == "heavy_alcohol":
        return _("Alcohol: {drinks} a week. Heavy drinking increases the magnesium lost in urine.").format(
            drinks=inline(bin_text("alcohol_drinks_per_week", _num(v["drinks"])))
        )
    raise KeyError(f"no wording for reason {rid!r}")


def _magnesium_products_text(v: dict[str, ReasonValue]) -> str:
    """What a person already taking magnesium must hear: the limit for their age, and for magnesium oxide (the
    laxatives and antacids) the early signs of too much and what to tell the prescriber (PMDA's warnings)."""
    products = _strings(v["products"])
    taken = _("Already takes {products}.").format(products=join_list([product_name(p) for p in products]))
    upper = number(_num(v["upper_mg"]))
    basis = v.get("upper_basis", "adult")
    if basis == "none_for_age":
        limit = _("No upper limit is set for babies: only a clinician can say whether any magnesium is safe.")
    elif basis == "adult":
        limit = _(
            "The upper limit of {upper} mg a day counts supplements and medicines together, so adding more "
            "magnesium can be too much."
        ).format(upper=upper)
    else:
        limit = _(
            "At this age the upper limit is about {upper} mg a day from supplements and medicines together, so "
            "adding more magnesium can be too much."
        ).format(upper=upper)
    at_risk = bool(v.get("kidney") or v.get("older"))
    if v.get("magnesium_oxide"):
        warning = _(
            "Magnesium oxide taken for a long time has raised blood magnesium too high, even with healthy kidneys "
            "and more often in older people. Early signs are nausea or vomiting, drowsiness, weakness, feeling "
            "faint and a slow pulse: if they appear, stop taking it and see a doctor at once. Tell the prescriber "
            "or pharmacist about it, and ask whether blood magnesium should be checked."
        )
        higher = (
            _("The risk is higher with reduced kidney function and from age {from_age}.").format(from_age=v["from_age"])
            if at_risk
            else ""
        )
        return sentences(taken, limit, warning, higher)
    if at_risk:
        higher = _(
            "With reduced kidney function or from age {from_age}, magnesium laxatives and antacids have caused "
            "dangerously high blood magnesium: ask a clinician or pharmacist before adding any magnesium."
        ).format(from_age=v["from_age"])
        return sentences(taken, limit, higher)
    return sentences(taken, limit)


def _strings(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []
