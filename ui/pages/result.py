"""The result: the clinician note, a card per group with its level, reasons and evidence, the pictures, guidance,
the upper limit, what research shows, the sources and the disclaimer. It shows what the core computed.

The cards are built once and refilled for each result, so showing a result costs a few text updates, not a
page of new widgets.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screener import guidance
from screener.i18n import _
from screener.ids import GROUP_IDS, Level
from screener.wording import (
    clinician_reason_text,
    evidence_text,
    flag_title,
    group_title,
    level_label,
    reason_text,
)
from ui.charts import AmountBar, caffeine_spec, magnesium_spec
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId
from ui.theme import Theme

if TYPE_CHECKING:
    from screener.result import Result

# A shape as well as a colour, so the level does not rest on colour alone.
LEVEL_MARKS: dict[Level, str] = {"likely": "●", "possible": "◐", "none": "○", "unknown": "?"}


def card(object_name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(6)
    return frame, layout


def bullets(lines: list[str], mark: str = "•") -> str:
    """Lines as a plain-text list: cheap to lay out, read as written by screen readers."""
    return "\n".join(f"{mark} {line}" for line in lines)


class GroupCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.title = wrapped_label(object_name="question")
        self.level = QLabel()
        self.level.setTextFormat(Qt.TextFormat.RichText)
        header.addWidget(self.title, 1)
        header.addWidget(self.level)
        layout.addLayout(header)
        self.reasons = wrapped_label()
        self.evidence = wrapped_label(object_name="hint")
        layout.addWidget(self.reasons)
        layout.addWidget(self.evidence)


class ResultPage(Page):
    page_id = PageId.RESULT

    def __init__(self, draft: AnswersDraft, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.theme = theme
        self.result: Result | None = None

        self.clinician, inner = card("clinician")
        self.clinician_heading = wrapped_label(object_name="question")
        self.clinician_body = wrapped_label()
        self.clinician_flags = wrapped_label(object_name="question")
        self.clinician_reasons = wrapped_label()
        self.clinician_notes = wrapped_label(object_name="hint")
        for widget in (
            self.clinician_heading,
            self.clinician_body,
            self.clinician_flags,
            self.clinician_reasons,
            self.clinician_notes,
        ):
            inner.addWidget(widget)

        self.groups_heading = wrapped_label(object_name="question")
        self.cards = {group: GroupCard() for group in GROUP_IDS}
        self.level_labels = {group: card_.level for group, card_ in self.cards.items()}

        self.pictures, inner = card()
        self.magnesium_bar = AmountBar(theme.palette)
        self.caffeine_bar = AmountBar(theme.palette)
        self.pictures_note = wrapped_label(object_name="hint")
        for part in (self.magnesium_bar, self.caffeine_bar, self.pictures_note):
            inner.addWidget(part)

        self.guidance, inner = card()
        self.guidance_heading = wrapped_label(object_name="question")
        self.guidance_points = wrapped_label()
        inner.addWidget(self.guidance_heading)
        inner.addWidget(self.guidance_points)

        self.about, inner = card()
        self.upper_limit = wrapped_label()
        self.study = wrapped_label(object_name="hint")
        self.sources_heading = wrapped_label(object_name="question")
        self.sources = wrapped_label(object_name="source")
        self.disclaimer = wrapped_label()
        for widget in (self.upper_limit, self.study, self.sources_heading, self.sources, self.disclaimer):
            inner.addWidget(widget)

        self.body_layout.addWidget(self.clinician)
        self.body_layout.addWidget(self.groups_heading)
        for group_card in self.cards.values():
            self.body_layout.addWidget(group_card)
        for frame in (self.pictures, self.guidance, self.about):
            self.body_layout.addWidget(frame)
        self.finish_layout()

    def title(self) -> str:
        return _("Your result")

    def level_text(self, group: str) -> str:
        """The level as read on the card, without its colour markup."""
        return QTextDocumentFragment.fromHtml(self.level_labels[group].text()).toPlainText()  # type: ignore[index]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._fill()

    def show_result(self, result: Result, theme: Theme) -> None:
        self.result, self.theme = result, theme
        self._fill()
        self.scroll_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.result = None
        for label in self.body.findChildren(QLabel):
            label.clear()

    def _fill(self) -> None:
        result = self.result
        if result is None:
            return
        self._fill_clinician(result)
        # With a safety flag the clinician note comes first; otherwise after the guidance.
        self.body_layout.removeWidget(self.clinician)
        position = 0 if result.clinician.flags else self.body_layout.indexOf(self.guidance) + 1
        self.body_layout.insertWidget(position, self.clinician)
        self.groups_heading.setText(_("Five groups whose magnesium needs may be higher:"))
        for group, group_card in self.cards.items():
            outcome = result.groups[group]
            group_card.title.setText(group_title(group))
            # Rich text for the colour: a per-label style sheet would re-style the card on every result.
            colour = self.theme.level_colour(outcome.level)
            text = html.escape(f"{LEVEL_MARKS[outcome.level]} {level_label(outcome.level)}")
            group_card.level.setText(f"<b style='color:{colour}'>{text}</b>")
            group_card.reasons.setText(bullets([reason_text(r, outcome.level) for r in outcome.reasons]))
            group_card.evidence.setText(evidence_text(outcome.evidence.basis))
            group_card.setAccessibleName(f"{group_title(group)}: {level_label(outcome.level)}")
        self._fill_pictures(result)
        self.guidance_heading.setText(_("What you can do"))
        self.guidance_points.setText(bullets([text for _group, text in guidance.guidance_points(result)]))
        self.upper_limit.setText(guidance.upper_limit_text(result))
        self.study.setText(guidance.study_note())
        self.sources_heading.setText(_("Sources"))
        self.sources.setText(bullets(list(guidance.SOURCES)))
        self.disclaimer.setText(guidance.disclaimer())

    def _fill_clinician(self, result: Result) -> None:
        heading = guidance.clinician_heading(result)
        self.clinician_heading.setText(("⚠ " if result.clinician.flags else "") + heading)
        self.clinician.setAccessibleName(heading)
        self.clinician_body.setText(guidance.clinician_body(result))
        self.clinician_flags.setText(bullets([flag_title(f) for f in result.clinician.flags], "■"))
        self.clinician_flags.setVisible(bool(result.clinician.flags))
        self.clinician_reasons.setText(bullets([clinician_reason_text(r) for r in result.clinician.reasons]))
        self.clinician_reasons.setVisible(bool(result.clinician.reasons))
        self.clinician_notes.setText("\n".join(guidance.clinician_notes(result)))

    def _fill_pictures(self, result: Result) -> None:
        magnesium, caffeine = magnesium_spec(result), caffeine_spec(result)
        for bar, spec in ((self.magnesium_bar, magnesium), (self.caffeine_bar, caffeine)):
            bar.setFont(self.font())
            bar.set_spec(spec, self.theme.palette)
        self.pictures_note.setText(
            _("The estimate counts only the foods asked about; the rest of your meals add more.")
        )
        self.pictures_note.setVisible(magnesium is not None)
        self.pictures.setVisible(magnesium is not None or caffeine is not None)
