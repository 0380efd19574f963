"""The result: the one-screen summary first, then the details, each behind a tap — what you can do; a card per
group with its level, evidence, reasons and evidence note, and the pictures; the clinician sections (each heading
above its own reasons); and the upper limit, what research shows, the sources and the disclaimer. It shows what
the core computed.

The cards are built once and refilled for each result, so showing a result costs text updates, not new widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from screener import guidance
from screener.answers import Answers
from screener.i18n import _
from screener.ids import GROUP_IDS
from screener.wording import evidence_text, group_title, labelled, reason_text
from ui.accessibility import readable, set_role
from ui.charts import AmountBar, caffeine_spec, magnesium_spec
from ui.labels import as_written, wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget
from ui.screens.result_summary import ResultSummary, level_line
from ui.theme import Theme
from ui.widgets.collapsible import Collapsible

if TYPE_CHECKING:
    from screener.result import Result


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
        # The group's name, then how the answers fit it, one above the other: two wrapped labels side by side in a
        # row made Qt under-count the card's height with large text, and the reasons below were cut.
        self.title = wrapped_label(object_name="subheading")
        self.level = QLabel()
        self.level.setTextFormat(Qt.TextFormat.RichText)
        self.level.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.level)
        self.reasons = wrapped_label()
        self.evidence = wrapped_label(object_name="hint")
        layout.addWidget(self.reasons)
        layout.addWidget(self.evidence)


class ClinicianBox(QFrame):
    """One clinician section: its heading and, right under it, its reasons."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.heading = wrapped_label(object_name="subheading")
        self.lines = wrapped_label()
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)


class ResultScreen(ScreenWidget):
    screen_id = "result"

    def __init__(self, context: ScreenContext, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.theme = theme
        self.result: Result | None = None
        self.answers: Answers | None = None
        self.summary = ResultSummary()
        self.body_layout.addWidget(self.summary)
        # The details wait behind four taps, so the first screen is the answer and the whole page stays short.
        self.details_heading = wrapped_label(object_name="heading")
        set_role(self.details_heading, "heading")
        self.body_layout.addWidget(self.details_heading)
        self.clinician_section, self.groups_section, self.guidance_section, self.about_section = (
            Collapsible() for _index in range(4)
        )
        self.clinician_boxes = [ClinicianBox() for _index in range(5)]
        for box in self.clinician_boxes:
            self.clinician_section.content_layout.addWidget(box)
        self.cards = {group: GroupCard() for group in GROUP_IDS}
        for group_card in self.cards.values():
            self.groups_section.content_layout.addWidget(group_card)
        self.pictures, inner = card()
        self.magnesium_bar = AmountBar(theme.palette)
        self.caffeine_bar = AmountBar(theme.palette)
        self.pictures_note = wrapped_label(object_name="hint")
        # The note belongs to the food picture, so it sits right under it.
        for part in (self.magnesium_bar, self.pictures_note, self.caffeine_bar):
            inner.addWidget(part)
        self.groups_section.content_layout.addWidget(self.pictures)
        self.guidance, inner = card()
        self.guidance_heading = wrapped_label(object_name="subheading")
        self.guidance_points = wrapped_label()
        inner.addWidget(self.guidance_heading)
        inner.addWidget(self.guidance_points)
        self.guidance_section.content_layout.addWidget(self.guidance)
        self.about, inner = card()
        self.upper_limit = wrapped_label()
        self.study_heading = wrapped_label(object_name="subheading")
        self.study = wrapped_label(object_name="hint")
        self.sources_heading = wrapped_label(object_name="subheading")
        self.sources = wrapped_label(object_name="source")
        self.disclaimer = wrapped_label()
        self.version = wrapped_label(object_name="hint")
        for widget in (
            self.upper_limit,
            self.study_heading,
            self.study,
            self.sources_heading,
            self.sources,
            self.disclaimer,
            self.version,
        ):
            inner.addWidget(widget)
        self.about_section.content_layout.addWidget(self.about)
        for section in self.sections():
            self.body_layout.addWidget(section)
            section.opened_changed.connect(lambda _opened: self.changed.emit())  # Tab reaches what opened
        for label in self.details_heading, *self.body.findChildren(QLabel):
            readable(label)
        for heading in (
            *(c.title for c in self.cards.values()),
            *(b.heading for b in self.clinician_boxes),
            self.guidance_heading,
            self.study_heading,
            self.sources_heading,
        ):
            set_role(heading, "heading")
        self.finish_layout()

    def title(self) -> str:
        return _("Your result")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._fill()

    def sections(self) -> tuple[Collapsible, ...]:
        return (self.guidance_section, self.groups_section, self.clinician_section, self.about_section)

    def show_result(self, result: Result, answers: Answers, theme: Theme) -> None:
        self.result, self.answers, self.theme = result, answers, theme
        for section in self.sections():
            section.set_open(False)  # each result starts with its details closed
        self._fill()
        self.scroll_area.scroll_to_top()

    def clear(self) -> None:
        self.result = self.answers = None
        for label in self.body.findChildren(QLabel):
            label.clear()
        for bar in (self.magnesium_bar, self.caffeine_bar):
            bar.set_spec(None, self.theme.palette)

    def level_text(self, group: str) -> str:
        """The level as read on the group's card (for tests), without its colour markup."""
        from PySide6.QtGui import QTextDocumentFragment

        level = self.cards[group].level.text()  # type: ignore[index]
        return as_written(QTextDocumentFragment.fromHtml(level).toPlainText())

    def _fill(self) -> None:
        result = self.result
        if result is None:
            return
        self.summary.show_result(result, self.answers, self.theme)
        self.details_heading.setText(_("Details"))
        self.guidance_section.set_title(_("What you can do"))
        self.groups_section.set_title(_("Each group: the reasons in full"))
        self.clinician_section.set_title(_("For the clinician: the safety reasons in full"))
        self.about_section.set_title(_("About this check, the research and the sources"))
        sections = guidance.clinician_sections(result)
        for index, box in enumerate(self.clinician_boxes):
            shown = index < len(sections)
            box.setVisible(shown)
            if shown:
                section = sections[index]
                box.setObjectName("clinician" if section.flagged else "card")
                box.heading.setText(("⚠ " if section.flagged else "") + section.heading)
                box.lines.setText(bullets(section.lines))
                box.setAccessibleName(section.heading)
                for widget in (box, *box.findChildren(QWidget)):  # the labels take the box's background too
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
        for group in result.ordered_groups():
            group_card = self.cards[group]
            outcome = result.groups[group]
            group_card.title.setText(group_title(group))
            group_card.level.setText(level_line(result, group, self.theme))
            group_card.level.setAccessibleName(self.level_text(group))
            group_card.reasons.setText(bullets([reason_text(r, outcome.level) for r in outcome.reasons]))
            group_card.evidence.setText(evidence_text(outcome.evidence.basis))
            group_card.setAccessibleName(labelled(group_title(group), self.level_text(group)))
        self._order_cards(result)
        self._fill_pictures(result)
        self.guidance_heading.setText(_("What you can do"))
        self.guidance_points.setText(bullets([t for _g, t in guidance.guidance_points(result, self.answers)]))
        self.upper_limit.setText(guidance.upper_limit_text(result))
        self.study_heading.setText(guidance.study_heading())
        self.study.setText(guidance.study_note())
        self.sources_heading.setText(_("Sources"))
        self.sources.setText(bullets(guidance.sources()))
        self.disclaimer.setText(guidance.disclaimer())
        self.version.setText(_("Content version {version}").format(version=result.content_version))

    def _order_cards(self, result: Result) -> None:
        """Group cards in display order, before the pictures."""
        layout = self.groups_section.content_layout
        for offset, group in enumerate(result.ordered_groups()):
            layout.removeWidget(self.cards[group])
            layout.insertWidget(offset, self.cards[group])

    def _fill_pictures(self, result: Result) -> None:
        magnesium, caffeine = magnesium_spec(result), caffeine_spec(result)
        for bar, spec in ((self.magnesium_bar, magnesium), (self.caffeine_bar, caffeine)):
            bar.setFont(self.font())
            bar.set_spec(spec, self.theme.palette)
        self.pictures_note.setText(
            _("The estimate counts only the foods asked about, not the whole diet; the rest of your meals add more.")
        )
        self.pictures_note.setVisible(magnesium is not None)
        self.pictures.setVisible(magnesium is not None or caffeine is not None)

    def spoken_text(self) -> str:
        return self.summary.spoken_text()

    def focus_first(self) -> QWidget | None:
        """The safety box: what to talk to a clinician about comes first, for a screen reader too."""
        return self.summary.first_box()
