"""The words of the one-page summary for staff, as HTML for Qt's text layout.

Written for a clinician who has twenty seconds: what to talk about first (each heading above its reasons, and the
safety questions that were not answered), every group with its level, evidence and every reason, a legend, the
reference intake used and why, and the content version and date. The sheet speaks about the person, not to them.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date

from screener import guidance
from screener.i18n import N_, _, babel_locale
from screener.wording import (
    flag_title,
    group_title,
    join_list,
    labelled,
    level_label,
    reason_text,
    sentences,
    strength_label,
)
from ui.screens.result_summary import LEVEL_MARKS
from ui.theme import STANDARD

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.result import Result
    from screener.review import ReviewRow

MAX_GUIDANCE_POINTS = 6
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


# Headings of the flags box as the clinician reads them (the result screen words them to the person).
STAFF_HEADINGS = {
    "before_magnesium": N_("Check before advising any magnesium supplement or medicine"),
    "sleep": N_("Sleep: for the clinician to assess"),
}
WRITE_IN_SPACES = 110  # the blank line's length, in spaces of the body type: most of the room beside the code


def write_in(label: str) -> str:
    """A label and a blank line after it, for staff to write on."""
    return f"{e(label)}{e(labelled('', '').strip())} <u>{'&nbsp;' * WRITE_IN_SPACES}</u>"


def safety_answers(answers: Answers) -> str:
    """Each safety question asked, with the person's answer in plain words ("Kidneys: Yes · Medicines: …")."""
    from screener.questions import screens

    return answers_line(answers, {q.field for s in screens() for q in s.questions if q.safety})


COUNTED_FIELDS = frozenset({"servings_per_week", "caffeine_servings_per_day", "exercise_hours_per_week"})


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
    # The answers behind the flags, as the person gave them: what the clinician checks the flags against.
    asked = bold_label(_("The safety answers")) + e(safety_answers(answers))
    box: list[str] = [f"<p style='margin:1px 0 3px 0'>{asked}</p>"]
    for section in guidance.clinician_sections(result):
        if section.kind == "also" or (section.kind == "ask_first" and result.clinician.flags):
            continue
        if section.kind == "ask_first":
            words = _("No safety flag in the answers given")
        else:  # the staff's page says what the clinician checks; the person's screen says whom to talk to
            words = _(STAFF_HEADINGS[section.kind]) if section.kind in STAFF_HEADINGS else section.heading
        heading = ("⚠ " if section.flagged else "") + words
        box.append(f"<p style='margin:3px 0 1px 0; font-weight:bold'>{e(heading)}</p>")
        if section.kind != "ask_first":
            box += [f"<p style='margin:0 0 0 10px'>• {e(line)}</p>" for line in section.lines]
    parts.append(
        f"<table width='100%' cellpadding='5' cellspacing='0' border='1' "
        f"style='border-color:{p.warning_border}; border-style:solid; background-color:{p.warning_bg}'>"
        f"<tr><td>{''.join(box)}</td></tr></table>"
    )
    also = next(s for s in guidance.clinician_sections(result) if s.kind == "also")
    parts.append(f"<p style='margin:4px 0 0 0'>{bold_label(also.heading)}" + e(sentences(*also.lines)) + "</p>")
    header = "".join(
        f"<th align='left'>{e(h)}</th>" for h in (_("Group"), _("Result"), _("Link to magnesium"), _("Reasons"))
    )
    rows = [f"<tr style='background-color:#e8efee'>{header}</tr>"]
    for group in result.ordered_groups():
        outcome = result.groups[group]
        colour = getattr(p, outcome.level)
        reasons = sentences(*(reason_text(r, outcome.level) for r in outcome.reasons))
        rows.append(
            "<tr>"
            f"<td width='20%'><b>{e(group_title(group))}</b></td>"
            # The level and the evidence are never broken inside (a clinician reads them at a glance); the
            # reasons column takes what is left.
            f"<td style='color:{colour}; white-space:nowrap'>"
            f"<b>{LEVEL_MARKS[outcome.level]} {e(level_label(outcome.level))}</b></td>"
            f"<td style='white-space:nowrap'>{e(strength_label(outcome.evidence.strength))}</td>"
            f"<td>{e(reasons)}</td>"
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
    # The counts behind the food, caffeine and exercise levels, as the person tapped them.
    counted = bold_label(_("As counted")) + e(answers_line(answers, COUNTED_FIELDS))
    parts.append(f"<p style='margin-top:3px; margin-bottom:0'>{counted}</p>")
    parts.append(f"<p style='margin-top:2px; font-size:{point_size * 0.85:.1f}pt'>{legend()}</p>")
    return "".join(parts)


def chart_caption() -> str:
    return _("The magnesium bar counts only the six listed foods: an estimate, not the whole diet.")


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


def bottom_html(result: Result, answers: Answers | None, point_size: float) -> str:
    small = f"font-size:{point_size * 0.8:.1f}pt"
    parts = [
        f"<p style='{small}; margin:0'>{e(chart_caption())}</p>",
        "<p style='margin-bottom:2px; margin-top:4px; font-weight:bold'>"
        + e(_("Guidance the person was shown"))
        + "</p>",
        "".join(f"<p style='margin:1px 0'>• {e(text)}</p>" for text in top_guidance(result, answers)),
        f"<p style='margin-top:4px'>{e(guidance.upper_limit_text(result))}</p>",
        f"<p style='{small}; margin-top:3px'>"
        + sentences(f"<b>{e(guidance.study_heading())}</b>", e(guidance.study_note()))
        + "</p>",
        f"<p style='{small}; margin-top:3px'>{bold_label(_('Sources'))}" + e(" ".join(guidance.sources())) + "</p>",
        f"<p style='{small}; margin-top:3px'><i>{e(_(STAFF_DISCLAIMER))}</i></p>",
    ]
    return "".join(parts)


def flag_names(result: Result) -> str:
    return join_list([flag_title(f) for f in result.clinician.flags])
