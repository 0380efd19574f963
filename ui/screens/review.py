"""Review: every question that was asked, the answer in plain words ("Not answered" where none was given), and a
Change button that goes back to that question. Rows are made once and refilled each time the screen is shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from screener.i18n import _, current_language
from screener.languages import language
from screener.review import ReviewRow, review_rows
from screener.wording import labelled
from ui.accessibility import set_role
from ui.labels import wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget
from ui.widgets.buttons import BigButton


class ReviewLine(QFrame):
    """One answer on one line: "Age: 70 years", a food or drink list run on with semicolons, and Change."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reviewLine")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 0, 2)
        layout.setSpacing(12)
        self.line = wrapped_label()
        self.change = BigButton()
        self.change.single_line = True
        layout.addWidget(self.line, 1)
        layout.addWidget(self.change, 0)
        self.screen_id = ""
        self.label = ""
        self.answer = ""

    def fill(self, row: ReviewRow) -> None:
        self.screen_id = row.screen
        self.label, self.answer = row.label, row.answer
        self.line.setText(labelled(row.label, one_line(row.answer)))
        self.change.setText(_("Change"))
        self.change.setAccessibleName(_("Change: {question}").format(question=row.label))
        self.setAccessibleName(labelled(row.label, row.answer))


def one_line(answer: str) -> str:
    """An answer of several lines (foods, medicines) run on in one: "Leafy greens: 2 times a week; Nuts: …"."""
    return language(current_language()).list_gap.join(part for part in answer.split("\n") if part)


class ReviewScreen(ScreenWidget):
    screen_id = "review"
    change_requested = Signal(str)

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = wrapped_label(object_name="prompt")
        self.intro = wrapped_label(object_name="hint")
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(self.intro)
        set_role(self.heading, "heading")
        self.lines: list[ReviewLine] = []
        self.returned_from = ""  # the screen a Change went to, when the person comes back from it
        self.body_layout.setSpacing(6)
        self.finish_layout()

    def title(self) -> str:
        return _("Check your answers")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(_("Check your answers"))
        self.intro.setText(_("Tap “Change” to correct an answer."))
        self.load()

    def load(self) -> None:
        # An empty sheet is nobody's: no one reaches the review without an age, so after a reset the rows stay
        # empty (filled with "Not answered", they were the last person's screen still told to a screen reader).
        rows = [] if self.sheet.is_empty() else review_rows(self.sheet)
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

    def focus_first(self) -> QWidget | None:
        """Back from a Change: its own Change button, so the person goes on from the row they changed."""
        came_from, self.returned_from = self.returned_from, ""
        for line in self.lines:
            if came_from and line.screen_id == came_from and not line.isHidden():
                return line.change
        return super().focus_first()

    def answer_texts(self) -> list[str]:
        return [part for line in self.lines if not line.isHidden() for part in line.answer.split("\n")]

    def spoken_text(self) -> str:
        lines = [self.heading.text(), self.intro.text()]
        lines += [labelled(line.label, line.answer) for line in self.lines if not line.isHidden()]
        return "\n".join(lines)
