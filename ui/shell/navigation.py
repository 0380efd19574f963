"""Moving between screens: the order comes from the questionnaire (only screens that apply to the answers given so
far), Next and Back, Change from the review and back to it, and the tab order of each screen."""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from screener.i18n import _
from screener.questions import screen as definition
from screener.questions import screens
from screener.review import asked_screens
from ui.screens.base import ScreenContext, ScreenWidget

if TYPE_CHECKING:
    from ui.theme import Theme

log = logging.getLogger(__name__)


def question_ids() -> tuple[str, ...]:
    return tuple(s.id for s in screens())


class Navigator(QObject):
    """Owns the screens (built when first needed) and which one is shown. ``moved(screen_id)`` after each move."""

    moved = Signal(str)
    review_shown = Signal()
    answer_changed = Signal()  # any screen's answers changed (a follow-up may appear, Next may read otherwise)

    def __init__(self, stack: QStackedWidget, context: ScreenContext, theme: Theme) -> None:
        super().__init__(stack)
        self.stack = stack
        self.context = context
        self.theme = theme
        self.screens: dict[str, ScreenWidget] = {}
        self.current_id = "welcome"
        self.return_to_review = False

    # --- screens ------------------------------------------------------------------------------------------------

    def screen(self, screen_id: str) -> ScreenWidget:
        if screen_id not in self.screens:
            widget = self._build(screen_id)
            widget.retranslate_ui()
            widget.changed.connect(self.answer_changed)
            self.stack.addWidget(widget)
            self.screens[screen_id] = widget
        return self.screens[screen_id]

    def _build(self, screen_id: str) -> ScreenWidget:
        if screen_id == "welcome":
            from ui.screens.welcome import WelcomeScreen

            return WelcomeScreen(self.context)
        if screen_id == "review":
            from ui.screens.review import ReviewScreen

            review = ReviewScreen(self.context)
            review.change_requested.connect(self.change)
            return review
        if screen_id == "result":
            from ui.screens.result import ResultScreen

            return ResultScreen(self.context, self.theme)
        from ui.screens.question import QuestionScreen

        return QuestionScreen(definition(screen_id), self.context)

    def build_all(self) -> None:
        for screen_id in ("welcome", *question_ids(), "review", "result"):
            self.screen(screen_id)

    def built(self) -> list[ScreenWidget]:
        return list(self.screens.values())

    def current(self) -> ScreenWidget:
        return self.screen(self.current_id)

    # --- order --------------------------------------------------------------------------------------------------

    def order(self) -> list[str]:
        return ["welcome", *(s.id for s in asked_screens(self.context.sheet)), "review", "result"]

    def step_text(self) -> str:
        """ "Part 3 of 7 · Stress": counted in sections, which never come and go with the answers (screens do)."""
        if self.current_id == "welcome":
            return ""  # and the questionnaire (with its reference table) need not be loaded to paint the welcome
        sections = list(dict.fromkeys(s.section for s in screens()))
        if self.current_id in question_ids():
            shown = definition(self.current_id)
            return _("Part {step} of {total} · {section}").format(
                step=sections.index(shown.section) + 1, total=len(sections), section=_(shown.title)
            )
        if self.current_id == "review":
            return _("Check your answers")
        if self.current_id == "result":
            return _("Your result")
        return ""

    def place_text(self, screen_id: str) -> str:
        """The place as a screen reader says it on arrival: "Stress, part 3 of 7"."""
        if screen_id not in question_ids():
            return ""
        sections = list(dict.fromkeys(s.section for s in screens()))
        shown = definition(screen_id)
        return _("{section}, part {step} of {total}").format(
            step=sections.index(shown.section) + 1, total=len(sections), section=_(shown.title)
        )

    # --- moves --------------------------------------------------------------------------------------------------

    def show(self, screen_id: str) -> None:
        widget = self.screen(screen_id)
        # Described before it is shown: a description that changes once the focus is there is said twice.
        widget.set_place(self.place_text(screen_id))
        widget.load()
        self.current_id = screen_id
        self.stack.setCurrentWidget(widget)
        widget.scroll_area.scroll_to_top()
        log.debug("screen changed")  # never which one: the screens a person sees follow their answers
        self.moved.emit(screen_id)
        if screen_id == "review":
            self.review_shown.emit()

    def next_id(self) -> str:
        order = self.order()
        if self.current_id in order:
            return order[min(order.index(self.current_id) + 1, len(order) - 1)]
        # The screen stopped applying (an answer changed): go to the next one in the definition that applies.
        ids = ["welcome", *question_ids(), "review", "result"]
        later = ids[ids.index(self.current_id) + 1 :]
        return next(s for s in later if s in order)

    def go_next(self) -> bool:
        """Move on; False when the screen asks for something first (its message says what)."""
        widget = self.current()
        if widget.validate() is not None:
            return False
        if self.return_to_review and self.current_id in question_ids():
            self.return_to_review = False
            from ui.screens.review import ReviewScreen

            review = self.screen("review")
            if isinstance(review, ReviewScreen):
                review.returned_from = self.current_id
            self.show("review")
            return True
        self.show(self.next_id())
        return True

    def go_back(self) -> None:
        if self.current_id == "welcome":
            return
        if self.current_id == "result":  # the answers are all kept: the review shows them, each with Change
            self.return_to_review = False
            self.show("review")
            return
        self.return_to_review = False
        order = self.order()
        index = order.index(self.current_id) if self.current_id in order else 1
        self.show(order[max(0, index - 1)])

    def change(self, screen_id: str) -> None:
        self.return_to_review = True
        self.show(screen_id)

    def reset(self) -> None:
        self.return_to_review = False
        for widget in self.built():
            widget.load()
        self.show("welcome")

    # --- keyboard -----------------------------------------------------------------------------------------------

    def set_tab_order(self, before: list[QWidget], after: list[QWidget]) -> None:
        """Header controls, then the screen's controls in reading order, then the footer."""
        widget = self.current()
        inside = [
            w
            for w in widget.body.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(widget)
        ]
        chain = [w for w in before if w.isVisible()] + inside + [w for w in after if w.isVisible()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_start(self, fallback: QWidget) -> None:
        target = self.current().focus_first() or fallback
        QTimer.singleShot(0, lambda: target.setFocus(Qt.FocusReason.OtherFocusReason))
