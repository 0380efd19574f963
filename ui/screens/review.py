"""Review: every question that was asked, the answer in plain words ("Not answered" where none was given), and a
Change button that goes back to that question. Rows are made once and refilled each time the screen is shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from screener.i18n import _
from screener.review import ReviewRow, review_rows
from screener.wording import labelled
from ui.labels import wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget
from ui.widgets.buttons import BigButton


class ReviewLine(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        self.label = wrapped_label(object_name="hint")
        self.answer = wrapped_label()
        self.change = BigButton()
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.answer, 1, 0)
        layout.addWidget(self.change, 0, 1, 2, 1)
        layout.setColumnStretch(0, 1)
        self.screen_id = ""

    def fill(self, row: ReviewRow) -> None:
        self.screen_id = row.screen
        self.label.setText(row.label)
        self.answer.setText(row.answer)
        self.change.setText(_("Change"))
        self.change.setAccessibleName(_("Change: {question}").format(question=row.label))
        self.setAccessibleName(labelled(row.label, row.answer))


class ReviewScreen(ScreenWidget):
    screen_id = "review"
    change_requested = Signal(str)

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = wrapped_label(object_name="prompt")
        self.intro = wrapped_label(object_name="hint")
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(self.intro)
        self.lines: list[ReviewLine] = []
        self.body_layout.setSpacing(8)
        self.finish_layout()

    def title(self) -> str:
        return _("Check your answers")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(_("Check your answers"))
        self.intro.setText(_("Here is what you told us. Tap “Change” to correct anything."))
        self.load()

    def load(self) -> None:
        rows = review_rows(self.sheet)
        while len(self.lines) < len(rows):
            line = ReviewLine()
            line.change.clicked.connect(lambda _c=False, line=line: self.change_requested.emit(line.screen_id))
            self.body_layout.insertWidget(self.body_layout.count() - 1, line)
            self.lines.append(line)
        for index, line in enumerate(self.lines):
            shown = index < len(rows)
            if shown:
                line.fill(rows[index])
            line.setVisible(shown)

    def answer_texts(self) -> list[str]:
        return [line.answer.text() for line in self.lines if not line.isHidden()]

    def spoken_text(self) -> str:
        lines = [self.heading.text(), self.intro.text()]
        lines += [labelled(line.label.text(), line.answer.text()) for line in self.lines if not line.isHidden()]
        return "\n".join(lines)
