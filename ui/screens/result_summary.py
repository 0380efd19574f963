"""The top of the result, readable in one screen: what to talk to a clinician about and why, in the person's own
answers; which groups fit, why, and how sure science is of each link; what the levels mean; what does not fit; and
where the details and the print button are. The words come from the core (screener/why.py); nothing is decided
here."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from screener.i18n import _, current_language
from screener.ids import Level
from screener.languages import language
from screener.why import clinician_lines, levels_meaning, sure_label, unanswered_line, why_lines
from screener.wording import full_stop, group_title, join_list, labelled, level_label, sentences, strength_label
from ui.accessibility import readable, set_role
from ui.labels import SEPARATOR, for_display, join_phrase, wrapped_label
from ui.theme import Theme

if TYPE_CHECKING:
    from screener.answers import Answers
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
    """The first screen of the result: the safety box in the person's own answers (orange only when a flag is
    raised), each group that fits with why, in the person's numbers, and how sure science is of its link; what
    the levels mean; what does not fit; and what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = wrapped_label(object_name="heading")
        set_role(self.heading, "heading")
        layout.addWidget(self.heading)
        self.alert = QFrame()
        self.alert.setObjectName("clinician")
        alert_layout = QVBoxLayout(self.alert)
        alert_layout.setContentsMargins(16, 8, 16, 8)
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
        self.meaning = wrapped_label(object_name="hint")
        self.others = wrapped_label()
        self.next_step = wrapped_label(object_name="hint")
        for label in (self.meaning, self.others, self.next_step):
            layout.addWidget(label)
        # A screen reader walks the result by Tab, one paragraph at a time, starting on the safety box.
        for label in (self.heading, self.alert_text, self.applies_heading, *self.group_lines, *self.texts()):
            readable(label)

    def texts(self) -> tuple[QLabel, ...]:
        return (self.meaning, self.others, self.next_step)

    def first_box(self) -> QLabel:
        return self.alert_text

    def show_result(self, result: Result, answers: Answers | None, theme: Theme) -> None:
        self.heading.setText(_("Your result (not a diagnosis)"))
        sections = clinician_lines(result)
        lines = []
        lines += ["⚠ " + section for section in sections]
        if not sections:
            lines.append(_("Thinking about a supplement? Ask a clinician or pharmacist first."))
        unanswered = unanswered_line(result)
        if unanswered:  # beside the reasons, not below the groups: a skipped safety question is seen first
            lines.append(unanswered)
        self.alert_text.setText("\n".join(lines))
        wanted = "clinician" if sections else "card"  # orange only when there is something to talk about
        if self.alert.objectName() != wanted:
            self.alert.setObjectName(wanted)
            for widget in (self.alert, *self.alert.findChildren(QWidget)):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        matched = result.matched_groups()
        # Each group's line says how it fits, so a heading over them is needed only when none does.
        self.applies_heading.setText(_("None of the five groups fits your answers."))
        self.applies_heading.setVisible(not matched)
        why = {line.group: line.text for line in why_lines(result, answers)} if answers is not None else {}
        for index, label in enumerate(self.group_lines):
            if index < len(matched):
                group = matched[index]
                outcome = result.groups[group]
                title = html.escape(for_display(group_title(group)))
                reason = html.escape(for_display(why.get(group, "")))
                sure = html.escape(for_display(sure_label(outcome.evidence.strength)))
                colon = html.escape(labelled("", "").strip())  # ":" in English, "：" in Japanese
                gap = language(current_language()).sentence_gap
                label.setText(
                    f"<b>{title}</b> — {level_mark(result, group, theme)}{colon}{gap}{reason}"
                    f"{gap}<span style='color:{theme.palette.muted}'>{sure}</span>"
                )
                label.setAccessibleName(
                    sentences(
                        full_stop(labelled(group_title(group), level_label(outcome.level))),
                        why.get(group, ""),
                        sure_label(outcome.evidence.strength),
                    )
                )
            label.setVisible(index < len(matched))
        self.meaning.setText(levels_meaning())
        self.meaning.setVisible(bool(matched))
        rest = []
        for level in ("none", "unknown"):
            names = [group_title(g) for g in result.ordered_groups() if result.groups[g].level == level]
            if names:
                rest.append(labelled(level_label(level), join_list(names)))
        self.others.setText("\n".join(rest))
        self.others.setVisible(bool(rest))
        self.next_step.setText(_("Tap “Print for staff” to print this page. More details are below."))

    def spoken_text(self) -> str:
        parts = [self.heading.text(), self.alert_text.text()]
        parts += [self.applies_heading.text()] if not self.applies_heading.isHidden() else []
        parts += [label.accessibleName() for label in self.group_lines if not label.isHidden()]
        parts += [self.meaning.text(), self.others.text(), self.next_step.text()]
        return "\n".join(p for p in parts if p)


def level_mark(result: Result, group: str, theme: Theme) -> str:
    """Rich text: the level's mark and words, in the level's colour, kept whole on its line."""
    outcome = result.groups[group]  # type: ignore[index]
    colour = theme.level_colour(outcome.level)
    level = html.escape(f"{LEVEL_MARKS[outcome.level]} {join_phrase(level_label(outcome.level))}")
    return f"<span style='white-space:nowrap'><b style='color:{colour}'>{level}</b></span>"
