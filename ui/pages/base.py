"""What every wizard page has: an id, a title, live retranslation, loading from the draft, and review rows."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from screener.i18n import _, pgettext
from ui.draft import AnswersDraft
from ui.labels import wrapped_label


class PageId(IntEnum):
    WELCOME = 0
    ABOUT_YOU = 1
    STRESS = 2
    DIET = 3
    EXERCISE = 4
    CAFFEINE = 5
    HEALTH = 6
    SLEEP = 7
    REVIEW = 8
    RESULT = 9


QUESTION_PAGES = (
    PageId.ABOUT_YOU,
    PageId.STRESS,
    PageId.DIET,
    PageId.EXERCISE,
    PageId.CAFFEINE,
    PageId.HEALTH,
    PageId.SLEEP,
)


class Page(QWidget):
    """A page of the wizard. It reads and writes the draft; it never decides a level."""

    page_id: PageId

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title_label = wrapped_label(object_name="pageTitle")
        outer.addWidget(self.title_label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(4, 8, 16, 8)
        self.body_layout.setSpacing(14)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)

    def finish_layout(self) -> None:
        self.body_layout.addStretch(1)

    def add_question(self, label: QLabel, control: QWidget, hint: QLabel | None = None) -> QWidget:
        """Put a question, an optional hint and its control in one block that can be shown or hidden as a whole."""
        block = QWidget()
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(8)
        label.setObjectName("question")
        label.setBuddy(control)
        layout.addWidget(label)
        if hint is not None:
            hint.setObjectName("hint")
            layout.addWidget(hint)
        layout.addWidget(control)
        self.body_layout.addWidget(block)
        return block

    def title(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.title())
        self.setAccessibleName(self.title())

    def load(self) -> None:
        """Show what the draft holds (called whenever the page is shown, and after start over)."""

    def commit(self) -> None:
        """Record what the page shows as the answer (called on Next); counts shown as 0 mean "none"."""

    def skip(self) -> None:
        """Forget this page's answers: the person chose to skip it."""

    def skip_label(self) -> str:
        """The words on the footer's skip button for this page."""
        return _("Skip")

    def validate(self) -> str | None:
        """A message naming what must be fixed before going on, or None."""
        return None

    def review_rows(self) -> list[tuple[str, str]]:
        """(question, answer in plain words) for the review page."""
        return []


def not_answered() -> str:
    return _("Not answered")


def yes_no(value: bool) -> str:
    return pgettext("answer", "Yes") if value else pgettext("answer", "No")
