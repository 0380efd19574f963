"""The wizard's shell: header (step, language, text size, contrast), the pages, and Back / Skip / Next.

It moves between pages and asks the core for the result; the pages hold the questions, the core holds the rules.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from screener.i18n import _
from screener.ids import Region, default_region_for_language
from ui.draft import AnswersDraft
from ui.flow_layout import FlowLayout
from ui.pages.base import QUESTION_PAGES, Page, PageId
from ui.qt_i18n import LanguageHub
from ui.theme import LARGE_TEXT_SCALE, Theme

if TYPE_CHECKING:
    from screener.result import Result

log = logging.getLogger(__name__)

PAGE_CLASSES: dict[PageId, tuple[str, str]] = {
    PageId.WELCOME: ("welcome", "WelcomePage"),
    PageId.ABOUT_YOU: ("about_you", "AboutYouPage"),
    PageId.STRESS: ("stress", "StressPage"),
    PageId.DIET: ("diet", "DietPage"),
    PageId.EXERCISE: ("exercise", "ExercisePage"),
    PageId.CAFFEINE: ("caffeine", "CaffeinePage"),
    PageId.HEALTH: ("health", "HealthPage"),
    PageId.SLEEP: ("sleep", "SleepPage"),
}

# Steps counted for "Step N of M": the question pages, review and result.
COUNTED_STEPS = (*QUESTION_PAGES, PageId.REVIEW, PageId.RESULT)
OTHER_LANGUAGE = {"ja": ("en", "English"), "en": ("ja", "日本語")}


class ScreenerWindow(QWidget):
    """The whole questionnaire. ``result_shown`` fires with the computed result; ``started_over`` after a reset."""

    result_shown = Signal(object)
    print_requested = Signal()
    save_pdf_requested = Signal()
    started_over = Signal()
    page_changed = Signal(int)

    def __init__(
        self, hub: LanguageHub, theme: Theme | None = None, region: Region | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.theme = theme or Theme()
        self.region_setting = region
        self.draft = AnswersDraft()
        self.result: Result | None = None
        self._return_to_review = False
        self.pdf_allowed = True
        self.setObjectName("screenerWindow")

        # Only the welcome page is built at start-up; the others are built while the person reads it
        # (warm_up), or at the latest when first shown.
        self._pages: dict[PageId, Page] = {}
        self.stack = QStackedWidget()
        self.page(PageId.WELCOME)

        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        self.language_button = QPushButton()
        self.text_size_button = QPushButton()
        self.text_size_button.setCheckable(True)
        self.contrast_button = QPushButton()
        self.contrast_button.setCheckable(True)
        header = QFrame()
        header.setObjectName("header")
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(0, 0, 0, 0)
        header_row.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QWidget()
        header_layout = FlowLayout(buttons, align_right=True)
        for button in (self.text_size_button, self.contrast_button, self.language_button):
            header_layout.addWidget(button)
        header_row.addWidget(buttons, 1)
        self.header_layout = header_layout

        self.back_button = QPushButton()
        self.skip_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        footer = QFrame()
        footer.setObjectName("footer")
        footer_layout = QHBoxLayout(footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.start_over_button = QPushButton()
        self.start_over_button.setObjectName("primary")
        footer_layout.addWidget(self.back_button)
        footer_layout.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.skip_button, self.next_button, self.start_over_button):
            footer_layout.addWidget(button)
        for button in (self.back_button, self.skip_button, self.next_button, self.start_over_button):
            button.setMinimumWidth(170)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(12)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(footer)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.skip_button.clicked.connect(self.skip_page)
        self.language_button.clicked.connect(self.toggle_language)
        self.text_size_button.toggled.connect(self._set_large_text)
        self.contrast_button.toggled.connect(self._set_high_contrast)
        self.start_over_button.clicked.connect(self.confirm_start_over)
        self.print_button.clicked.connect(self.print_requested.emit)
        self.pdf_button.clicked.connect(self.save_pdf_requested.emit)
        QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self, self.go_next)
        QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self, self.go_back)
        hub.language_changed.connect(self.retranslate_ui)

        for button, on in (
            (self.text_size_button, self.theme.text_scale > 1.0),
            (self.contrast_button, self.theme.high_contrast),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        self.apply_theme()
        self.retranslate_ui()
        self.show_page(PageId.WELCOME)

    # --- pages, built when first needed -------------------------------------------------------------------------

    def page(self, page_id: PageId) -> Page:
        """The page, built (and translated) on first use."""
        if page_id not in self._pages:
            self._pages[page_id] = page = self._build_page(page_id)
            page.retranslate_ui()
            self.stack.addWidget(page)
        return self._pages[page_id]

    def _build_page(self, page_id: PageId) -> Page:
        if page_id == PageId.REVIEW:
            from ui.pages.review import ReviewPage

            review = ReviewPage(self.draft, [self.page(pid) for pid in QUESTION_PAGES])
            review.change_requested.connect(self.change_answer)
            return review
        if page_id == PageId.RESULT:
            from ui.pages.result import ResultPage

            return ResultPage(self.draft, self.theme)
        module_name, class_name = PAGE_CLASSES[page_id]
        page_class = getattr(importlib.import_module(f"ui.pages.{module_name}"), class_name)
        return page_class(self.draft)  # type: ignore[no-any-return]

    def built_pages(self) -> list[Page]:
        return [self._pages[pid] for pid in sorted(self._pages)]

    def build_all_pages(self) -> None:
        for page_id in PageId:
            self.page(page_id)

    welcome = property(lambda self: self.page(PageId.WELCOME))
    about_you = property(lambda self: self.page(PageId.ABOUT_YOU))
    stress = property(lambda self: self.page(PageId.STRESS))
    diet = property(lambda self: self.page(PageId.DIET))
    exercise = property(lambda self: self.page(PageId.EXERCISE))
    caffeine = property(lambda self: self.page(PageId.CAFFEINE))
    health = property(lambda self: self.page(PageId.HEALTH))
    sleep = property(lambda self: self.page(PageId.SLEEP))
    review = property(lambda self: self.page(PageId.REVIEW))
    result_page = property(lambda self: self.page(PageId.RESULT))

    # --- language and look -------------------------------------------------------------------------------------

    def retranslate_ui(self, _language: str | None = None) -> None:
        for page in self.built_pages():
            page.retranslate_ui()
        self.language_button.setText(OTHER_LANGUAGE[self.hub.current()][1])
        self.language_button.setAccessibleName(
            _("Change language to {language}").format(language=OTHER_LANGUAGE[self.hub.current()][1])
        )
        self.text_size_button.setText(_("Larger text"))
        self.contrast_button.setText(_("High contrast"))
        self.back_button.setText(_("Back"))
        self.print_button.setText(_("Print for staff"))
        self.pdf_button.setText(_("Save as PDF"))
        self.start_over_button.setText(_("Start over"))
        for button in (self.print_button, self.pdf_button, self.start_over_button):
            button.setAccessibleName(button.text())
        if self.result is not None:
            self._score_and_show()
        self._update_navigation()

    def toggle_language(self) -> None:
        self.hub.set_language(OTHER_LANGUAGE[self.hub.current()][0])

    def _set_large_text(self, on: bool) -> None:
        self.theme = self.theme._replace(text_scale=LARGE_TEXT_SCALE if on else 1.0)
        self.apply_theme()

    def _set_high_contrast(self, on: bool) -> None:
        self.theme = self.theme._replace(high_contrast=on)
        self.apply_theme()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.text_size_button.setChecked(theme.text_scale > 1.0)
        self.contrast_button.setChecked(theme.high_contrast)
        self.apply_theme()

    def apply_theme(self) -> None:
        self.setStyleSheet(self.theme.style_sheet())
        font = self.font()
        font.setPointSizeF(self.theme.point_size())
        self.setFont(font)
        if PageId.RESULT in self._pages:
            self.result_page.theme = self.theme
        if self.result is not None:
            self.result_page.show_result(self.result, self.theme)

    # --- navigation --------------------------------------------------------------------------------------------

    def current_id(self) -> PageId:
        return self.current_page().page_id

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, page_id: PageId) -> None:
        page = self.page(page_id)
        page.load()
        self.stack.setCurrentWidget(page)
        page.scroll_area.verticalScrollBar().setValue(0)
        self._update_navigation()
        self._focus_first_control(page)
        self.page_changed.emit(int(page_id))
        if page_id == PageId.REVIEW:
            # Lay the result out while the person reads the review, so "See my result" only has to paint.
            QTimer.singleShot(0, self._prepare_result)
        log.info("page %s", page_id.name.lower())

    def _focus_first_control(self, page: Page) -> None:
        """Keyboard users start on the page's first control; the welcome and result pages on their main button."""
        if page.page_id == PageId.WELCOME:
            self.next_button.setFocus()
            return
        if page.page_id == PageId.RESULT:
            page.scroll_area.setFocus()
            return
        for child in page.body.findChildren(QWidget):
            if child.isVisibleTo(page) and child.isEnabled() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                child.setFocus()
                return
        self.next_button.setFocus()

    def _update_navigation(self) -> None:
        pid = self.current_id()
        if pid in COUNTED_STEPS:
            self.step_label.setText(
                _("Step {step} of {total}").format(step=COUNTED_STEPS.index(pid) + 1, total=len(COUNTED_STEPS))
            )
        else:
            self.step_label.setText("")
        self.back_button.setVisible(pid != PageId.WELCOME)
        self.skip_button.setVisible(pid in QUESTION_PAGES and pid != PageId.ABOUT_YOU)
        self.skip_button.setText(self.current_page().skip_label())
        self.skip_button.setAccessibleName(self.skip_button.text())
        self.next_button.setVisible(pid != PageId.RESULT)
        for button in (self.print_button, self.start_over_button):
            button.setVisible(pid == PageId.RESULT)
        self.pdf_button.setVisible(pid == PageId.RESULT and self.pdf_allowed)
        if pid == PageId.WELCOME:
            self.next_button.setText(_("Start"))
        elif pid == PageId.REVIEW:
            self.next_button.setText(_("See my result"))
        elif self._return_to_review:
            self.next_button.setText(_("Back to review"))
        else:
            self.next_button.setText(_("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.back_button.setAccessibleName(self.back_button.text())

    def go_next(self) -> None:
        page = self.current_page()
        pid = page.page_id
        if pid == PageId.RESULT:
            return
        if page.validate() is not None:
            return
        page.commit()
        if pid == PageId.REVIEW:
            self._score_and_show()
            return
        if self._return_to_review and pid in QUESTION_PAGES:
            self._return_to_review = False
            self.show_page(PageId.REVIEW)
            return
        self.show_page(PageId(pid + 1))

    def go_back(self) -> None:
        pid = self.current_id()
        if pid == PageId.WELCOME:
            return
        self._return_to_review = False
        self.show_page(PageId(pid - 1))

    def skip_page(self) -> None:
        page = self.current_page()
        if page.page_id not in QUESTION_PAGES or page.page_id == PageId.ABOUT_YOU:
            return
        page.skip()
        if self._return_to_review:
            self._return_to_review = False
            self.show_page(PageId.REVIEW)
        else:
            self.show_page(PageId(page.page_id + 1))

    def change_answer(self, page_id: int) -> None:
        self._return_to_review = True
        self.show_page(PageId(page_id))

    def region(self) -> Region:
        return self.region_setting or default_region_for_language(self.hub.current())

    def _prepare_result(self) -> None:
        if self.current_id() != PageId.REVIEW:
            return
        from screener.scoring import score

        try:
            result = score(self.draft.to_answers(), region=self.region())
        except ValueError:
            return  # _score_and_show reports it when the person asks for the result
        self.result_page.show_result(result, self.theme)
        self.result_page.body.adjustSize()
        layout = self.result_page.layout()
        if layout is not None:
            layout.activate()

    def _score_and_show(self) -> None:
        # The core's models load here, not at start-up (warm_up() usually has them ready by now).
        from pydantic import ValidationError

        from screener.loading import problems_from
        from screener.scoring import score

        try:
            answers = self.draft.to_answers()
        except ValidationError as exc:
            # Cannot happen through the pages; if it does, say which answer and keep everything.
            QMessageBox.warning(self, _("Please check an answer"), "\n".join(problems_from(exc)))
            return
        self.result = score(answers, region=self.region())
        self.result_page.show_result(self.result, self.theme)
        if self.current_id() != PageId.RESULT:
            self.show_page(PageId.RESULT)
            self.result_shown.emit(self.result)
            log.info("result shown")

    def set_pdf_allowed(self, allowed: bool) -> None:
        """Kiosk mode without a staff-set folder offers no Save as PDF."""
        self.pdf_allowed = allowed
        self._update_navigation()

    def warm_up(self) -> None:
        """Load the scoring models while the person reads the welcome page, so the result opens at once."""
        from screener.answers import Answers
        from screener.scoring import score

        self.build_all_pages()
        score(Answers(age_years=40), region=self.region())
        log.info("pages built and scoring ready")

    # --- start over ----------------------------------------------------------------------------------------------

    def confirm_start_over(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Start over"),
            _("Clear all answers and start again for the next person?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.start_over()

    def start_over(self) -> None:
        """Forget every answer and the result; nothing of the last person can be reached with Back."""
        self.draft.clear()
        self.result = None
        self._return_to_review = False
        if PageId.RESULT in self._pages:
            self.result_page.clear()
        for page in self.built_pages():
            page.load()
        self.show_page(PageId.WELCOME)
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.started_over.emit()
        log.info("started over")
