"""The result: the clinician note, a card per group with its level, reasons and evidence, the pictures, guidance,
the upper limit, what research shows, the sources and the disclaimer. It shows what the core computed."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screener import guidance
from screener.i18n import _
from screener.result import GROUP_IDS, Level, Result
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
from ui.pages.base import Page, PageId
from ui.theme import Theme
from ui.widgets import wrapped_label

# A shape as well as a colour, so the level does not rest on colour alone.
LEVEL_MARKS: dict[Level, str] = {"likely": "●", "possible": "◐", "none": "○", "unknown": "?"}


def card(object_name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(6)
    return frame, layout


class ResultPage(Page):
    page_id = PageId.RESULT

    def __init__(self, draft: AnswersDraft, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.theme = theme
        self.result: Result | None = None
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(14)
        self.body_layout.addWidget(self.content)
        self.finish_layout()
        self.level_labels: dict[str, QLabel] = {}

    def title(self) -> str:
        return _("Your result")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._rebuild()

    def show_result(self, result: Result, theme: Theme) -> None:
        self.result, self.theme = result, theme
        self._rebuild()
        self.scroll.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.result = None
        self._rebuild()

    def _rebuild(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from the page at once, not only when deleteLater runs
                widget.deleteLater()
        self.level_labels = {}
        if self.result is None:
            return
        result = self.result
        if result.clinician.flags:
            self.content_layout.addWidget(self._clinician_box(result))
        self.content_layout.addWidget(wrapped_label(_("Five groups whose magnesium needs may be higher:"), "question"))
        for group in GROUP_IDS:
            self.content_layout.addWidget(self._group_card(result, group))
        self.content_layout.addWidget(self._pictures(result))
        self.content_layout.addWidget(self._guidance(result))
        if not result.clinician.flags:
            self.content_layout.addWidget(self._clinician_box(result))
        self.content_layout.addWidget(self._about(result))

    def _group_card(self, result: Result, group: str) -> QFrame:
        outcome = result.groups[group]  # type: ignore[index]
        frame, layout = card()
        frame.setAccessibleName(f"{group_title(group)}: {level_label(outcome.level)}")  # type: ignore[arg-type]
        header = QHBoxLayout()
        title = wrapped_label(group_title(group), "question")  # type: ignore[arg-type]
        level = QLabel(f"{LEVEL_MARKS[outcome.level]} {level_label(outcome.level)}")
        level.setObjectName(f"level_{group}")
        level.setStyleSheet(f"color: {self.theme.level_colour(outcome.level)}; font-weight: bold;")
        self.level_labels[group] = level
        header.addWidget(title, 1)
        header.addWidget(level)
        layout.addLayout(header)
        for reason in outcome.reasons:
            layout.addWidget(wrapped_label("• " + reason_text(reason, outcome.level)))
        evidence = wrapped_label(evidence_text(outcome.evidence.basis), "hint")
        evidence.setObjectName(f"evidence_{group}")
        layout.addWidget(evidence)
        return frame

    def _pictures(self, result: Result) -> QFrame:
        frame, layout = card()
        for spec in (magnesium_spec(result), caffeine_spec(result)):
            if spec is None:
                continue
            bar = AmountBar(self.theme.palette)
            bar.setFont(self.font())
            bar.set_spec(spec, self.theme.palette)
            layout.addWidget(bar)
        if magnesium_spec(result) is not None:
            layout.addWidget(
                wrapped_label(
                    _("The estimate counts only the foods asked about; the rest of your meals add more."), "hint"
                )
            )
        frame.setVisible(layout.count() > 0)
        return frame

    def _guidance(self, result: Result) -> QFrame:
        frame, layout = card()
        layout.addWidget(wrapped_label(_("What you can do"), "question"))
        for _group, text in guidance.guidance_points(result):
            layout.addWidget(wrapped_label("• " + text))
        return frame

    def _clinician_box(self, result: Result) -> QFrame:
        frame, layout = card("clinician")
        frame.setAccessibleName(guidance.clinician_heading(result))
        heading = wrapped_label(
            "⚠ " + guidance.clinician_heading(result) if result.clinician.flags else guidance.clinician_heading(result),
            "question",
        )
        layout.addWidget(heading)
        layout.addWidget(wrapped_label(guidance.clinician_body(result)))
        for flag in result.clinician.flags:
            layout.addWidget(wrapped_label("■ " + flag_title(flag), "question"))
        for reason in result.clinician.reasons:
            layout.addWidget(wrapped_label("• " + clinician_reason_text(reason)))
        return frame

    def _about(self, result: Result) -> QFrame:
        frame, layout = card()
        layout.addWidget(wrapped_label(guidance.upper_limit_text(result)))
        layout.addWidget(wrapped_label(guidance.study_note(), "hint"))
        layout.addWidget(wrapped_label(_("Sources"), "question"))
        for source in guidance.SOURCES:
            layout.addWidget(wrapped_label("• " + source, "source"))
        layout.addWidget(wrapped_label(guidance.disclaimer()))
        return frame
