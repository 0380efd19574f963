"""A plain-text version of the result, for ``screener score --format text``."""

from __future__ import annotations

from screener import guidance
from screener.i18n import _
from screener.result import GROUP_IDS, Result
from screener.wording import clinician_reason_text, evidence_text, flag_title, group_title, level_label, reason_text


def render_text(result: Result) -> str:
    lines: list[str] = [_("Magnesium needs self-check: result"), ""]
    for group in GROUP_IDS:
        outcome = result.groups[group]
        lines.append(f"{group_title(group)}: {level_label(outcome.level)}")
        lines += [f"  - {reason_text(reason, outcome.level)}" for reason in outcome.reasons]
        lines.append(f"  {evidence_text(outcome.evidence.basis)}")
        lines.append("")
    lines.append(guidance.clinician_heading(result))
    lines.append(f"  {guidance.clinician_body(result)}")
    for flag in result.clinician.flags:
        lines.append(f"  ! {flag_title(flag)}")
    lines += [f"  - {clinician_reason_text(reason)}" for reason in result.clinician.reasons]
    lines += [f"  {note}" for note in guidance.clinician_notes(result)]
    lines.append("")
    points = guidance.guidance_points(result)
    if points:
        lines.append(_("What you can do"))
        lines += [f"  - {text}" for _group, text in points]
        lines.append("")
    lines.append(guidance.upper_limit_text(result))
    lines.append("")
    lines.append(guidance.disclaimer())
    return "\n".join(lines) + "\n"
