"""The words of the one-page summary for staff, as HTML for Qt's text layout.

Written for a clinician who has twenty seconds. The top half, in body type (at least 9 pt), is theirs: the date, age
band, sex and the reference intake used, a place to write a name or patient number, then a checklist with one line
per safety flag (the person's own answer behind it, and what to consider), the safety questions left unanswered,
advice lines such as alcohol, and the five groups with level, evidence and the person's numbers. Below, in small
print that never crowds it: the legend, other conditions that lower magnesium, what the person was shown, the
studies and the sources. The sheet speaks about the person, not to them.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date

from screener import guidance
from screener.i18n import N_, _, babel_locale, current_language, pgettext
from screener.languages import language
from screener.wording import (
    clinician_reason_text,
    flag_title,
    full_stop,
    group_title,
    inline,
    join_list,
    labelled,
    level_label,
    reason_text,
    sentences,
)
from ui.screens.result_summary import LEVEL_MARKS
from ui.theme import STANDARD

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.ids import EvidenceStrength, FlagId, GroupId
    from screener.result import Result
    from screener.review import ReviewRow

MAX_GUIDANCE_POINTS = 3
STAFF_DISCLAIMER = N_(
    "Educational screening aid, not a diagnosis: it does not measure magnesium status. The groups and flags point "
    "to a conversation; the person was told to ask a clinician or pharmacist before taking any magnesium."
)
_COLUMNS = {
    "female": N_("female"),
    "male": N_("male"),
    "higher": N_("sex not given: the higher value"),
    "pregnancy": N_("pregnant"),
    "lactation": N_("breastfeeding"),
}


def e(text: str) -> str:
    return html.escape(text, quote=False)


def bold_label(label: str) -> str:
    """ "<b>Label</b>: " with the language's own colon ("：" in Japanese, with no space after it)."""
    colon = labelled("", "")
    return f"<b>{e(label)}</b>{e(colon)}"


# What the clinician considers for each flag, in a line beside the person's answer (the full reasons are in the
# small print below). Facts from docs/content-notes.md: interactions, kidneys, magnesium oxide, sleep red flags.
STAFF_CONSIDER = {
    "kidney_disease": N_(
        "Magnesium builds up when the kidneys clear less: check kidney function before any magnesium supplement, "
        "laxative or antacid, and where one is already taken."
    ),
    "pregnancy": N_("Advise on magnesium and caffeine (200 mg a day) within pregnancy or breastfeeding care."),
    "interacting_medicine": N_("Check each medicine against magnesium:"),
    "magnesium_products": N_("Already taken: count it towards the upper limit from supplements and medicines."),
    "chronic_insomnia": N_(
        "Meets the frequency and duration of chronic insomnia (3+ nights a week, 3+ months): assess, daytime "
        "impairment included."
    ),
    "possible_sleep_apnoea": N_("Consider an assessment for sleep apnoea."),
    "minor": N_("Under 18: amounts and limits differ by age; advise within paediatric care."),
}
# What each interacting medicine the person takes means for magnesium (docs/content-notes.md, "Medicines that
# interact"): only the ones they named are printed.
MEDICINE_CONSIDER = {
    "diuretic": N_("loop and thiazide diuretics increase magnesium lost in urine;"),
    "proton_pump_inhibitor": N_("a PPI taken long-term can lower blood magnesium (ask which acid medicine);"),
    "antibiotic": N_("tetracyclines and quinolones: at least 2 h before or 4 to 6 h after magnesium;"),
    "bisphosphonate": N_("bisphosphonates: at least 2 h apart from magnesium;"),
}
MAGNESIUM_OXIDE_CONSIDER = N_(
    "Magnesium oxide: ask whether a blood magnesium check is due (long use, reduced kidney function, age 65+) and "
    "about nausea, drowsiness, weakness or a slow pulse."
)


def consider(flag: FlagId, result: Result) -> str:
    """What the clinician considers for one flag, from the person's own answers where they matter."""
    reason = next((r for r in result.clinician.reasons if r.id == flag), None)
    values = reason.values if reason is not None else {}
    text = _(STAFF_CONSIDER[flag])
    if flag == "interacting_medicine":
        taken = values.get("medicines")
        notes = [_(MEDICINE_CONSIDER[m]) for m in (taken if isinstance(taken, list) else []) if m in MEDICINE_CONSIDER]
        row = language(current_language())
        return row.sentence_gap.join([text, *notes]).rstrip(";；。.") + row.full_stop
    if flag == "magnesium_products" and values.get("magnesium_oxide"):
        return sentences(text, _(MAGNESIUM_OXIDE_CONSIDER))
    return text


# The questions whose answers raised each flag, as the review words them.
FLAG_FIELDS = {
    "kidney_disease": ("kidney_disease",),
    "pregnancy": ("pregnancy",),
    "interacting_medicine": ("medicines",),
    "magnesium_products": ("magnesium_products",),
    "chronic_insomnia": ("insomnia_nights_per_week", "sleep_problem_months"),
    "possible_sleep_apnoea": ("snoring_or_gasping",),
    "minor": ("age_years",),
}
CHECKBOX = "□"  # a box to tick by hand (U+25A1: the bundled font has it; U+2610 it has not)
WRITE_IN_SPACES = 110  # the blank line's length, in spaces of the body type: most of the room beside the code


def write_in(label: str) -> str:
    """A label and a blank line after it, for staff to write on."""
    return f"{e(label)}{e(labelled('', '').strip())} <u>{'&nbsp;' * WRITE_IN_SPACES}</u>"


def safety_answers(answers: Answers, exclude: set[str] | frozenset[str] = frozenset()) -> str:
    """Each safety question asked, with the person's answer in plain words ("Kidneys: Yes · Medicines: …"),
    but those in ``exclude``."""
    from screener.questions import screens

    fields = {q.field for s in screens() for q in s.questions if q.safety} - set(exclude)
    return answers_line(answers, fields)


def review_of(answers: Answers) -> dict[str, ReviewRow]:
    """The review's row (its label and its answer in words) for every question these answers ask, by field."""
    from screener.answer_sheet import AnswerSheet
    from screener.review import review_rows

    sheet = AnswerSheet()
    sheet.load(answers)
    return {row.field: row for row in review_rows(sheet)}


def answers_line(answers: Answers, fields: set[str] | frozenset[str]) -> str:
    """The review's words for these questions' answers, each run on in one line, as the review shows them."""
    from ui.screens.review import one_line

    rows = [row for row in review_of(answers).values() if row.field in fields]
    return " · ".join(labelled(row.label, one_line(row.answer)) for row in rows)


def sex_text(answers: Answers) -> str:
    """The sex in the review's words ("Female", "Not answered")."""
    return review_of(answers)["sex"].answer


def age_band(age: int) -> str:
    """A band whose first edge is the adult flag's (18), so "under 18" and "18 to 19" never overlap it."""
    if age < 18:
        return _("under 18")
    if age < 20:
        return _("{low} to {high}").format(low=18, high=19)
    if age >= 90:
        return _("90 or over")
    low = age - age % 5
    return _("{low} to {high}").format(low=low, high=low + 4)


# Short names of the reference-intake sources (keys of the reference table's [sources]) for the summary's top line.
INTAKE_SOURCES = {
    "mhlw_dri_2025": N_("Japan 2025"),
    "mhlw_dri_2020": N_("Japan 2020"),
    "iom_1997": N_("US RDA (IOM 1997)"),
}


def reference_text(result: Result) -> str:
    """ "280 mg a day: Japan 2025, age 65 to 74, female" — which number was used, and why."""
    f = result.figures
    if f.reference_intake_mg_per_day is None or f.reference_intake_basis is None:
        return _("Reference intake: none for this age")
    _region, band, column = f.reference_intake_basis.split(":")
    low, high = band.split("-")
    source = _(INTAKE_SOURCES.get(f.reference_intake_source or "", f.reference_intake_source or ""))
    ages = (
        _("age {low} and over").format(low=low)
        if high == "120"
        else _("age {low} to {high}").format(low=low, high=high)
    )
    return _("Reference intake: {mg} mg a day ({source}, {ages}, {who})").format(
        mg=f.reference_intake_mg_per_day, source=source, ages=ages, who=_(_COLUMNS.get(column, column))
    )


def legend() -> str:
    marks = " &nbsp; ".join(f"{LEVEL_MARKS[level]} {e(level_label(level))}" for level in LEVEL_MARKS)
    evidence = _(
        "Link to magnesium: strong = an established cause or at-risk group (NIH); some = a modest effect; "
        "limited = a hypothesis or a small effect."
    )
    return f"{marks}<br>{e(evidence)}"


def top_html(result: Result, answers: Answers, when: date, point_size: float) -> str:
    p = STANDARD
    title = _("Magnesium self-check: summary for staff")
    facts = " &nbsp;·&nbsp; ".join(
        e(text)
        for text in (
            _("Date: {date}").format(date=format_date(when, "long", locale=babel_locale())),
            _("Age band: {band}").format(band=age_band(answers.age_years)),
            _("Sex: {sex}").format(sex=sex_text(answers)),
            _("Content version {version}").format(version=result.content_version),
        )
    )
    name_line = write_in(_("Name or patient number"))
    parts = [
        f"<p style='font-size:{point_size * 1.45:.1f}pt; font-weight:bold; margin:0'>{e(title)}</p>",
        f"<p style='margin-top:3px; margin-bottom:0'>{facts}<br>{e(reference_text(result))}</p>",
        # Written in by hand at the desk: the app never asks for a name, so the page has a place for it.
        f"<p style='margin-top:18px; margin-bottom:0'>{name_line}</p>",  # room for a hand to write
    ]
    parts.append(
        f"<table width='100%' cellpadding='5' cellspacing='0' border='1' "
        f"style='border-color:{p.warning_border}; border-style:solid; background-color:{p.warning_bg}'>"
        f"<tr><td>{''.join(checklist(result, answers))}</td></tr></table>"
    )
    header = "".join(f"<th align='left'>{e(h)}</th>" for h in (_("Result"), _("Group, in the person's answers")))
    rows = [f"<tr style='background-color:#e8efee'>{header}</tr>"]
    for group in result.ordered_groups():
        outcome = result.groups[group]
        colour = getattr(p, outcome.level)
        evidence = _("(link: {strength})").format(strength=strength_word(outcome.evidence.strength))
        rows.append(
            "<tr>"
            # The level is never broken inside (a clinician reads it at a glance); the group, its evidence and
            # its numbers take what is left.
            f"<td style='white-space:nowrap'><b style='color:{colour}'>{LEVEL_MARKS[outcome.level]} "
            f"{e(level_label(outcome.level))}</b></td>"
            f"<td><b>{e(group_title(group))}</b>{e(language(current_language()).sentence_gap)}"
            f"<span style='color:{p.muted}'>{e(evidence)}</span>"
            f"{e(labelled('', ''))}{e(group_numbers(group, result, answers))}</td>"
            "</tr>"
        )
    parts.append(
        "<p style='margin-top:6px; margin-bottom:2px; font-weight:bold'>"
        + e(_("Five groups more likely to get too little magnesium or to lose more of it"))
        + "</p>"
    )
    parts.append(
        f"<table width='100%' cellpadding='3' cellspacing='0' border='1' style='border-color:{p.border}'>"
        + "".join(rows)
        + "</table>"
    )
    return "".join(parts)


def strength_word(strength: EvidenceStrength) -> str:
    """The evidence in a word, "(link: strong)" beside the group's name (the legend says what each means)."""
    return {
        "strong": pgettext("evidence", "strong"),
        "moderate": pgettext("evidence", "some"),
        "limited": pgettext("evidence", "limited"),
    }[strength]


def checklist(result: Result, answers: Answers) -> list[str]:
    """The clinician's box: a line to tick for each flag (the person's answer, then what to consider), one for
    the safety questions left unanswered, and the other safety answers in one line."""
    from ui.screens.review import one_line

    rows = review_of(answers)
    row = language(current_language())
    flags = result.clinician.flags
    lines: list[str] = []
    behind: set[str] = set()
    for flag in flags:
        fields = [field for field in FLAG_FIELDS[flag] if field in rows]
        behind.update(fields)
        answer = row.list_gap.join(labelled(rows[f].label, one_line(rows[f].answer)) for f in fields)
        stop = "" if answer[-1:] in ".!?。！？" else row.full_stop
        lines.append(
            f"<p style='margin:0 0 3px 0'>{CHECKBOX} <b>⚠ {e(flag_title(flag))}</b> — {e(answer + stop)}"
            f"{e(row.sentence_gap)}{e(consider(flag, result))}</p>"
        )
    if not flags:
        none = _("No safety flag in the answers given")
        lines.append(f"<p style='margin:0 0 3px 0'><b>{e(none)}</b></p>")
    if result.clinician.unanswered:
        from screener.questions import question

        names = join_list([inline(_(question(field).review_label)) for field in result.clinician.unanswered])
        unanswered = _("Safety questions not answered")
        lines.append(
            f"<p style='margin:0 0 3px 0'>{CHECKBOX} <b>{e(unanswered)}</b> — "
            + e(_("ask before any magnesium: {questions}").format(questions=names))
            + "</p>"
        )
    for reason in result.clinician.reasons:  # advice that raises no flag: alcohol, another daily medicine
        if reason.id not in flags and reason.id != "frequent_insomnia":
            lines.append(f"<p style='margin:0 0 3px 0'>{CHECKBOX} {e(clinician_reason_text(reason))}</p>")
    others = safety_answers(answers, exclude=behind | set(result.clinician.unanswered))
    if others:
        label = _("Other safety answers")
        lines.append(f"<p style='margin:0'>{bold_label(label)}{e(others)}</p>")
    return lines


def group_numbers(group: GroupId, result: Result, answers: Answers) -> str:
    """A group's row in the person's numbers: the first screen's line where the group fits (said about the
    person, not to them), else its reasons as the result words them."""
    from screener.why import why_lines

    if group == "older_adult" and result.groups[group].level in ("likely", "possible"):
        return _("Age {age}.").format(age=answers.age_years)
    for line in why_lines(result, answers):
        if line.group == group:
            return line.text
    outcome = result.groups[group]
    return sentences(*(reason_text(r, outcome.level) for r in outcome.reasons))


def top_guidance(result: Result, answers: Answers | None) -> list[str]:
    """The first point for each matched group, then caffeine timing and the evening routine, at most a few."""
    points = guidance.guidance_points(result, answers)
    first: list[str] = []
    seen: set[object] = set()
    for group, text in points:
        key = group or text  # a point of no group (the kidney diet, the evening routine) stands on its own
        if key not in seen:
            first.append(text)
            seen.add(key)
    rest = [text for _group, text in points if text not in first]
    return (first + rest)[:MAX_GUIDANCE_POINTS]


def also_worth_knowing() -> str:
    """Conditions that lower magnesium, which the check does not ask about (the person's own advice lines, such as
    alcohol, are in the checklist)."""
    heading = _("Also worth knowing")
    return f"<p style='margin:2px 0 0 0'>{bold_label(heading)}" + e(_(guidance.OTHER_RISKS_NOTE)) + "</p>"


def bottom_html(result: Result, answers: Answers | None, point_size: float, detail: int = 2) -> str:
    """The small print. ``detail`` 2: all of it; 1: without the sleep studies; 0: without the guidance shown either
    (for answers so long that the page would run over; both are on the result screen)."""
    small = f"font-size:{point_size * 0.85:.1f}pt"
    sources = _("Sources")
    parts = [
        f"<p style='margin:0'>{legend()}</p>",
        also_worth_knowing(),
        "<p style='margin-bottom:2px; margin-top:4px; font-weight:bold'>"
        + e(_("Guidance the person was shown"))
        + "</p>"
        if detail >= 1
        else "",
        "".join(f"<p style='margin:1px 0'>• {e(text)}</p>" for text in top_guidance(result, answers))
        if detail >= 1
        else "",
        f"<p style='margin-top:4px'>{e(guidance.upper_limit_text(result))}</p>",
        f"<p style='{small}; margin-top:3px'>"
        + bold_label(guidance.study_heading())
        + e(guidance.study_note())
        + "</p>"
        if detail >= 2
        else "",
        f"<p style='{small}; margin-top:3px'>{bold_label(sources)}"
        + e(full_stop("; ".join(guidance.source_names())))
        + " "
        + e(
            _("The full citations are on the result screen, under “{details}”.").format(
                details=_("About this check, the research and the sources")
            )
        )
        + "</p>",
        f"<p style='{small}; margin-top:3px'><i>{e(_(STAFF_DISCLAIMER))}</i></p>",
    ]
    return "".join(parts)


def flag_names(result: Result) -> str:
    return join_list([flag_title(f) for f in result.clinician.flags])
