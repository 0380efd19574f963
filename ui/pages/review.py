"""Review: every answer in plain words, each page's answers with a button to go back and change them.

A card per question page is built once; showing the review refreshes its texts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from screener.i18n import _
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId


class ReviewCard(QFrame):
    """One question page's answers, with its Change button."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        header = QHBoxLayout()
        self.title = wrapped_label(object_name="question")
        self.change = QPushButton()
        header.addWidget(self.title, 1)
        header.addWidget(self.change)
        layout.addLayout(header)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.rows: list[tuple[QLabel, QLabel]] = []

    def refresh(self) -> None:
        self.title.setText(self.page.title())
        self.change.setText(_("Change"))
        self.change.setAccessibleName(_("Change: {section}").format(section=self.page.title()))
        answers = self.page.review_rows()
        while len(self.rows) < len(answers):  # rows are made once and reused
            row = (wrapped_label(object_name="hint"), wrapped_label())
            self.grid.addWidget(row[0], len(self.rows), 0)
            self.grid.addWidget(row[1], len(self.rows), 1)
            self.rows.append(row)
        for index, (question_label, answer_label) in enumerate(self.rows):
            shown = index < len(answers)
            question_label.setText(answers[index][0] if shown else "")
            answer_label.setText(answers[index][1] if shown else "")
            question_label.setVisible(shown)
            answer_label.setVisible(shown)


class ReviewPage(Page):
    page_id = PageId.REVIEW
    change_requested = Signal(int)

    def __init__(self, draft: AnswersDraft, question_pages: Sequence[Page], parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.intro = wrapped_label()
        self.body_layout.addWidget(self.intro)
        self.cards: list[ReviewCard] = []
        self.change_buttons: dict[PageId, QPushButton] = {}
        for page in question_pages:
            review_card = ReviewCard(page)
            review_card.change.clicked.connect(lambda _c=False, pid=page.page_id: self.change_requested.emit(int(pid)))
            self.body_layout.addWidget(review_card)
            self.cards.append(review_card)
            self.change_buttons[page.page_id] = review_card.change
        self.finish_layout()

    def title(self) -> str:
        return _("Check your answers")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.intro.setText(_("Here is what you told us. Tap “Change” to correct anything."))
        self.load()

    def load(self) -> None:
        for review_card in self.cards:
            review_card.refresh()

    def answer_texts(self) -> list[str]:
        return [answer for review_card in self.cards for _q, answer in review_card.page.review_rows()]
