"""A page of counts, one stepper per item (foods a week, drinks a day), with what one serving means."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from screener.i18n import _
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page
from ui.widgets import Stepper


class CountsPage(Page):
    """Base for the diet and caffeine pages: ``field`` holds an object of counts, one per item."""

    field: str
    items: tuple[str, ...]
    step: float = 1
    decimals: int = 0
    maximum: float = 50

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.intro = wrapped_label()
        self.body_layout.addWidget(self.intro)
        self.steppers: dict[str, Stepper] = {}
        self.labels: dict[str, tuple[QLabel, QLabel]] = {}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        self.body_layout.addWidget(grid_widget)
        for index, item in enumerate(self.items):
            label, hint = wrapped_label(), wrapped_label()
            stepper = Stepper(0, self.maximum, self.step, self.decimals)
            stepper.changed.connect(lambda value, item=item: self._changed(item, value))
            block = self.add_question(label, stepper, hint)
            grid.addWidget(block, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
            self.steppers[item] = stepper
            self.labels[item] = (label, hint)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.extra_layout_hook()
        self.finish_layout()

    def extra_layout_hook(self) -> None:
        """Room for a follow-up question under the counts."""

    def item_text(self, item: str) -> tuple[str, str]:
        """(name, what one serving is) for an item, translated."""
        raise NotImplementedError

    def count_text(self, item: str) -> Callable[[float], str]:
        """How a count of this item reads, e.g. "3 times a week"."""
        raise NotImplementedError

    def intro_text(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.intro.setText(self.intro_text())
        for item, (label, hint) in self.labels.items():
            name, serving = self.item_text(item)
            label.setText(name)
            hint.setText(serving)
            self.steppers[item].set_formatter(self.count_text(item))
            self.steppers[item].set_accessible(name, _("Fewer"), _("More"))

    def _changed(self, item: str, value: float) -> None:
        self.commit()
        self.on_counts_changed()

    def on_counts_changed(self) -> None:
        """Called after any count changes (to show or hide follow-up questions)."""

    def commit(self) -> None:
        """Record the counts shown: zeros the person saw and accepted are an answer ("none")."""
        values = {item: self._typed(s.value()) for item, s in self.steppers.items()}
        self.draft.set(self.field, values)

    def _typed(self, value: float) -> float | int:
        return value if self.decimals else int(value)

    def skip(self) -> None:
        self.draft.set(self.field, None)

    def load(self) -> None:
        counts = self.draft.get(self.field) or {}
        for item, stepper in self.steppers.items():
            stepper.set_value(counts.get(item, 0))
        self.on_counts_changed()

    def total(self) -> float:
        return sum(s.value() for s in self.steppers.values())
