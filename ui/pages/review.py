"""Review: every answer in plain words, each page's answers with a button to go back and change them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from screener.i18n import _
from ui.draft import AnswersDraft
from ui.pages.base import Page, PageId
from ui.pages.result import card
from ui.widgets import wrapped_label


class ReviewPage(Page):
    page_id = PageId.REVIEW
    change_requested = Signal(int)

    def __init__(self, draft: AnswersDraft, question_pages: Sequence[Page], parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.question_pages = list(question_pages)
        self.intro = wrapped_label()
        self.body_layout.addWidget(self.intro)
        self.rows_widget = QWidget()
        self.rows_layout = QGridLayout(self.rows_widget)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addWidget(self.rows_widget)
        self.finish_layout()
        self.change_buttons: dict[PageId, QPushButton] = {}

    def title(self) -> str:
        return _("Check your answers")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.intro.setText(_("Here is what you told us. Tap “Change” to correct anything."))
        self.load()

    def load(self) -> None:
        layout = self.rows_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from the page at once, not only when deleteLater runs
                widget.deleteLater()
        self.change_buttons = {}
        for index, page in enumerate(self.question_pages):
            frame, inner = card()
            header = QHBoxLayout()
            header.addWidget(wrapped_label(page.title(), "question"), 1)
            change = QPushButton(_("Change"))
            change.setAccessibleName(_("Change: {section}").format(section=page.title()))
            change.clicked.connect(lambda _c=False, pid=page.page_id: self.change_requested.emit(int(pid)))
            header.addWidget(change)
            inner.addLayout(header)
            grid = QGridLayout()
            grid.setHorizontalSpacing(18)
            for row, (question, answer) in enumerate(page.review_rows()):
                grid.addWidget(wrapped_label(question, "hint"), row, 0)
                grid.addWidget(wrapped_label(answer), row, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            inner.addLayout(grid)
            layout.addWidget(frame, index, 0)
            self.change_buttons[page.page_id] = change

    def answer_texts(self) -> list[str]:
        return [answer for page in self.question_pages for _q, answer in page.review_rows()]
