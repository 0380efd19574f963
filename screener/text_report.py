"""A plain-text version of the result, for ``screener score --format text``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener import guidance
from screener.i18n import _
from screener.result import Result
from screener.wording import evidence_text, group_title, labelled, level_label, reason_text, strength_label

if TYPE_CHECKING:
    from screener.answers import Answers


def render_text(result: Result, answers: Answers | None = None) -> str:
    lines: list[str] = [
        _("Magnesium self-check: result"),
        _("Content version: {version}").format(version=result.content_version),
        "",
    ]
    for section in guidance.clinician_sections(result):
        lines.append(("! " if section.flagged else "") + section.heading)
        lines += [f"  - {text}" for text in section.lines]
        lines.append("")
    for group in result.ordered_groups():
        outcome = result.groups[group]
        lines.append(
            labelled(
                group_title(group),
                _("{level} ({evidence})").format(
                    level=level_label(outcome.level), evidence=strength_label(outcome.evidence.strength)
                ),
            )
        )
        lines += [f"  - {reason_text(reason, outcome.level)}" for reason in outcome.reasons]
        lines.append(f"  {evidence_text(outcome.evidence.basis)}")
        lines.append("")
    points = guidance.guidance_points(result, answers)
    if points:
        lines.append(_("What you can do"))
        lines += [f"  - {text}" for _group, text in points]
        lines.append("")
    lines.append(guidance.upper_limit_text(result))
    lines.append("")
    lines.append(guidance.disclaimer())
    return "\n".join(lines) + "\n"
