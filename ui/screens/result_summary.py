"""The top of the result, readable in one screen: what to talk to a clinician about, which groups may apply (with
how strong the evidence is), what was not found or not answered, and where the details and the print button are.
The words come from the core's result; nothing is decided here."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from screener import guidance
from screener.i18n import _
from screener.ids import Level
from screener.wording import (
    flag_title,
    group_title,
    inline,
    join_list,
    labelled,
    level_label,
    sentences,
    strength_label,
)
from ui.labels import SEPARATOR, for_display, join_phrase, wrapped_label
from ui.theme import Theme

if TYPE_CHECKING:
    from screener.result import Result

# A shape as well as a colour, so the level does not rest on colour alone.
LEVEL_MARKS: dict[Level, str] = {"likely": "●", "possible": "◐", "none": "○", "unknown": "?"}


def level_line(result: Result, group: str, theme: Theme) -> str:
    """Rich text: the mark and level in the level's colour, then the evidence beside it."""
    outcome = result.groups[group]  # type: ignore[index]
    colour = theme.level_colour(outcome.level)
    level = html.escape(f"{LEVEL_MARKS[outcome.level]} {join_phrase(level_label(outcome.level))}")
    evidence = html.escape(join_phrase(strength_label(outcome.evidence.strength)))
    # Each phrase stays whole on its line ("根拠：ある程度あり", never "根拠：ある / 程度").
    return (
        f"<span style='white-space:nowrap'><b style='color:{colour}'>{level}</b></span>"
        f"{html.escape(SEPARATOR)}<span style='white-space:nowrap'>{evidence}</span>"
    )


class ResultSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.heading = wrapped_label(object_name="heading")
        layout.addWidget(self.heading)
        self.alert = QFrame()
        self.alert.setObjectName("clinician")
        alert_layout = QVBoxLayout(self.alert)
        alert_layout.setContentsMargins(18, 12, 18, 12)
        self.alert_text = wrapped_label()
        alert_layout.addWidget(self.alert_text)
        layout.addWidget(self.alert)
        self.applies_heading = wrapped_label(object_name="subheading")
        layout.addWidget(self.applies_heading)
        self.group_lines: list[QLabel] = []
        for _index in range(5):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.group_lines.append(label)
            layout.addWidget(label)
        self.others = wrapped_label()
        self.next_step = wrapped_label(object_name="hint")
        layout.addWidget(self.others)
        layout.addWidget(self.next_step)

    def show_result(self, result: Result, theme: Theme) -> None:
        self.heading.setText(_("Your result"))
        flagged = [s for s in guidance.clinician_sections(result) if s.flagged]
        lines = []
        for section in flagged:
            titles = [inline(flag_title(f)) for f in result.clinician.flags if _section_of(f) == section.kind]
            lines.append("⚠ " + labelled(section.heading, join_list(titles)))
        if not flagged:
            lines.append(_("Thinking about a supplement? Ask a clinician or pharmacist first."))
        if result.clinician.unanswered:
            lines.append(_("Some safety questions were not answered: the staff can ask you about them."))
        self.alert_text.setText("\n".join(lines))
        matched = result.matched_groups()
        self.applies_heading.setText(
            _("Groups that fit or partly fit your answers:")
            if matched
            else _("None of the five groups fits your answers.")
        )
        for index, label in enumerate(self.group_lines):
            if index < len(matched):
                group = matched[index]
                title = html.escape(for_display(group_title(group)))
                label.setText(f"<b>{title}</b> — {level_line(result, group, theme)}")
                outcome = result.groups[group]
                label.setAccessibleName(
                    labelled(
                        group_title(group),
                        join_list([level_label(outcome.level), strength_label(outcome.evidence.strength)]),
                    )
                )
            label.setVisible(index < len(matched))
        rest = []
        for level in ("none", "unknown"):
            names = [group_title(g) for g in result.ordered_groups() if result.groups[g].level == level]
            if names:
                rest.append(labelled(level_label(level), join_list(names)))
        self.others.setText("\n".join(rest))
        self.others.setVisible(bool(rest))
        self.next_step.setText(
            sentences(
                _("This self-check is not a diagnosis."),
                _("The details and what you can do are below. Print this page for the staff with “Print for staff”."),
            )
        )

    def spoken_text(self) -> str:
        parts = [self.heading.text(), self.alert_text.text(), self.applies_heading.text()]
        parts += [label.accessibleName() for label in self.group_lines if not label.isHidden()]
        parts += [self.others.text(), self.next_step.text()]
        return "\n".join(p for p in parts if p)


def _section_of(flag: str) -> str:
    return "sleep" if flag in guidance.ABOUT_SLEEP else "before_magnesium"
