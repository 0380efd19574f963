"""The window: header, the screens, footer. It asks the core for the result, switches language and look live,
resets for the next person, and fits the screen it is on. The screens hold the questions; the core the rules."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QMoveEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from screener.answer_sheet import AnswerSheet
from screener.i18n import _, negotiate_region
from screener.ids import Region
from ui.accessibility import Announcer
from ui.qt_i18n import LanguageHub
from ui.screens.base import ScreenContext, ScreenWidget
from ui.shell.footer import FooterBar, next_label
from ui.shell.header import HeaderBar, next_language
from ui.shell.navigation import Navigator
from ui.shell.screen_place import clear_clipboards, fit_to_screen, has_frame
from ui.theme import LARGE_TEXT_SCALE, Theme, set_current_theme
from ui.widgets.overlay import ask, dismiss_all
from ui.widgets.tap_guard import RESULT_SETTLE_MS, SETTLE_MS, TapGuard

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.result import Result
    from ui.screens.result import ResultScreen

log = logging.getLogger(__name__)


class SessionDefaults(NamedTuple):
    """What every new person starts with: the configured language and look."""

    language: str
    theme: Theme


class ScreenerWindow(QMainWindow):
    """The whole questionnaire. ``result_shown`` carries the computed result; ``started_over`` follows a reset."""

    result_shown = Signal(object)
    started_over = Signal()
    screen_changed = Signal(str)
    print_requested = Signal()
    save_pdf_requested = Signal()
    save_record_requested = Signal()
    retranslated = Signal()  # after every language switch: parts outside the window follow the window, not the hub

    def __init__(
        self,
        hub: LanguageHub,
        theme: Theme | None = None,
        region: Region | None = None,
        defaults: SessionDefaults | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("screenerWindow")
        self.hub = hub
        self.theme = theme or Theme()
        self.defaults = defaults or SessionDefaults(hub.current(), self.theme)
        self.region: Region = region or negotiate_region()  # a setting of the place, never the display language
        self.sheet = AnswerSheet()
        self.context = ScreenContext(self.sheet, self.region)
        self.result: Result | None = None
        self.answers: Answers | None = None
        self.pdf_allowed = True
        self.record_allowed = True
        self.reset_handler = self.reset_session  # kiosk mode puts its own reset here
        self._fit_when_framed = False  # a desktop window fits itself again once the window manager frames it

        central = QWidget()
        central.setObjectName("central")
        self.setCentralWidget(central)
        self._central = central
        self.header = HeaderBar()
        self.stack = QStackedWidget()
        self.footer = FooterBar()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.tap_guard = TapGuard(self)
        self.announcer = Announcer(central)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.tap_guard)  # every press reaches it first, whichever widget it lands on
        self.navigator = Navigator(self.stack, self.context, self.theme)
        self.navigator.moved.connect(self._moved)
        self.navigator.answer_changed.connect(self._answer_changed)
        self.navigator.review_shown.connect(lambda: QTimer.singleShot(0, self._prepare_result))

        h, f = self.header, self.footer
        h.language_button.clicked.connect(self.toggle_language)
        h.text_size_button.toggled.connect(self._set_large_text)
        h.contrast_button.toggled.connect(self._set_high_contrast)
        f.back_button.clicked.connect(self.go_back)
        f.next_button.clicked.connect(self.go_next)
        f.start_over_button.clicked.connect(self.confirm_start_over)
        f.print_button.clicked.connect(self.print_requested.emit)
        f.pdf_button.clicked.connect(self.save_pdf_requested.emit)
        f.record_button.clicked.connect(self.save_record_requested.emit)
        QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self, self.go_next)
        QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self, self.go_back)
        hub.language_changed.connect(self.retranslate_ui)

        from ui.shell.read_aloud import ReadAloud

        self.read_aloud = ReadAloud(self)
        self._show_theme_buttons()
        self.apply_theme()
        self.retranslate_ui()
        self.navigator.show("welcome")

    # --- screens ------------------------------------------------------------------------------------------------

    def host(self) -> QWidget:
        """The widget in-window dialogs cover: everything but the window frame."""
        return self._central

    def current_id(self) -> str:
        return self.navigator.current_id

    def screen_widget(self, screen_id: str) -> ScreenWidget:
        return self.navigator.screen(screen_id)

    def warm_up(self) -> None:
        """Build every screen and load the scoring models while the person reads the welcome screen."""
        from screener.answers import Answers
        from screener.scoring import score

        self.navigator.build_all()
        score(Answers(age_years=40), region=self.region)
        log.info("screens built and scoring ready")

    # --- language and look --------------------------------------------------------------------------------------

    def retranslate_ui(self, _language: str | None = None) -> None:
        title = _("Magnesium self-check")
        QGuiApplication.setApplicationDisplayName(title)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        # The locale a screen reader is told (it picks its voice by it) follows a live switch, the window's too.
        self.setLocale(QLocale())
        self.header.retranslate_ui(self.hub.current())
        self.footer.retranslate_ui()
        if hasattr(self, "read_aloud"):
            self.read_aloud._show(self.read_aloud.speaking())
        for widget in self.navigator.built():
            widget.retranslate_ui()
        self._moved(self.current_id(), refocus=False)
        self.retranslated.emit()

    def toggle_language(self) -> None:
        self.hub.set_language(next_language(self.hub.current()))

    def _set_large_text(self, on: bool) -> None:
        self.theme = self.theme._replace(text_scale=LARGE_TEXT_SCALE if on else 1.0)
        self.apply_theme()

    def _set_high_contrast(self, on: bool) -> None:
        self.theme = self.theme._replace(high_contrast=on)
        self.apply_theme()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._show_theme_buttons()
        self.apply_theme()

    def _show_theme_buttons(self) -> None:
        for button, on in (
            (self.header.text_size_button, self.theme.text_scale > 1.0),
            (self.header.contrast_button, self.theme.high_contrast),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    def apply_theme(self) -> None:
        set_current_theme(self.theme)
        self.navigator.theme = self.theme
        self.setStyleSheet(self.theme.style_sheet())
        if self.result is not None and self.answers is not None:
            self.result_screen().show_result(self.result, self.answers, self.theme)
        self.update()

    # --- moving -------------------------------------------------------------------------------------------------

    def _moved(self, screen_id: str, refocus: bool = True) -> None:
        self._update_footer()
        self.footer.set_step(self.navigator.step_text())
        layout = self.header.buttons_layout
        header = [item.widget() for item in (layout.itemAt(i) for i in range(layout.count())) if item is not None]
        f = self.footer
        footer: list[QWidget] = [
            f.back_button,
            f.start_over_button,
            f.pdf_button,
            f.record_button,
            f.next_button,
            f.print_button,
        ]
        self.navigator.set_tab_order([w for w in header if w is not None], footer)
        if refocus:
            self.tap_guard.screen_changed(RESULT_SETTLE_MS if screen_id == "result" else SETTLE_MS)
            self.navigator.focus_start(self.footer.next_button if screen_id != "result" else self.footer.print_button)
            self.screen_changed.emit(screen_id)

    def _answer_changed(self) -> None:
        """A follow-up may have appeared: the footer, the step count and the tab order follow the answers."""
        self._moved(self.current_id(), refocus=False)

    def _update_footer(self) -> None:
        screen_id = self.current_id()
        current = self.navigator.current()
        waits = current.needs_answer()
        answered = screen_id in ("welcome", "review") or current.has_answer() or waits
        text = next_label(screen_id, self.navigator.return_to_review, answered)
        self.footer.show_for(screen_id, text, answered, self.pdf_allowed, self.record_allowed)
        self.footer.next_button.setEnabled(not waits)  # never offer a skip that would be refused

    def go_next(self) -> None:
        if self.current_id() == "result":
            return
        if self.current_id() == "review":
            self.show_result()
            return
        self.navigator.go_next()

    def go_back(self) -> None:
        self.navigator.go_back()

    def show_screen(self, screen_id: str) -> None:
        self.navigator.show(screen_id)

    # --- result -------------------------------------------------------------------------------------------------

    def result_screen(self) -> ResultScreen:
        from ui.screens.result import ResultScreen

        widget = self.screen_widget("result")
        assert isinstance(widget, ResultScreen)
        return widget

    def _prepare_result(self) -> None:
        """Lay the result out while the person reads the review, so "See my result" only has to paint."""
        if self.current_id() != "review":
            return
        from screener.scoring import score

        try:
            answers = self.sheet.to_answers()
        except ValueError:
            return  # show_result says what is wrong if the person asks for the result
        self.result_screen().show_result(score(answers, region=self.region), answers, self.theme)

    def show_result(self) -> None:
        from pydantic import ValidationError

        from screener.loading import problems_from
        from screener.scoring import score

        try:
            answers = self.sheet.to_answers()
        except ValidationError as exc:  # cannot happen through the screens; if it does, say which answer
            ask(
                self.host(),
                _("Please look at this answer again"),
                "\n".join(problems_from(exc)),
                [("ok", _("OK"), True)],
            )
            return
        self.answers = answers
        self.result = score(answers, region=self.region)
        self.result_screen().show_result(self.result, answers, self.theme)
        self.navigator.show("result")
        self.result_shown.emit(self.result)
        log.info("result shown")

    def set_pdf_allowed(self, allowed: bool) -> None:
        self.pdf_allowed = allowed
        self._update_footer()

    def set_record_allowed(self, allowed: bool) -> None:
        self.record_allowed = allowed
        self._update_footer()

    # --- start over ---------------------------------------------------------------------------------------------

    def confirm_start_over(self) -> None:
        ask(
            self.host(),
            _("Start over?"),
            _("All answers will be cleared so the next person starts fresh."),
            # The safe choice is the main one, and the one focused and Escape's: clearing must be chosen.
            [("keep", _("Keep my answers"), True), ("clear", _("Clear and start over"), False)],
            on_answer=lambda code: self.reset_handler() if code == "clear" else None,
            focus="keep",
            cancel_code="keep",
        )

    def wipe(self) -> None:
        """Forget every answer and the result; nothing of the last person can be reached with Back."""
        dismiss_all(self.host())
        self.sheet.clear()
        self.result = self.answers = None
        if "result" in self.navigator.screens:
            self.result_screen().clear()
        self.navigator.reset()
        self._scrub_what_was_shown()
        printer = getattr(self, "printer", None)  # set by the app or the kiosk; tests may run without one
        if printer is not None:
            printer.forget_jobs()  # a summary still waiting in the print queue goes, and its spooled document
        clear_clipboards()

    def _scrub_what_was_shown(self) -> None:
        """The review and the result, hidden, still told a screen reader (any AT-SPI client on the bus) the last
        person's answers and result through their labels' text and the names and descriptions set on them. Every
        label is emptied and every name and description but a button's taken away; the screens' own words come
        back with their retranslation."""
        for screen_id in ("review", "result"):
            screen = self.navigator.screens.get(screen_id)
            if screen is None:
                continue
            for widget in screen.findChildren(QWidget):
                if isinstance(widget, QAbstractButton):
                    continue
                if isinstance(widget, QLabel):
                    widget.clear()
                widget.setAccessibleName("")
                widget.setAccessibleDescription("")
            screen.retranslate_ui()

    def apply_defaults(self) -> None:
        """The configured language, text size and contrast, exactly as the first person had them."""
        if self.hub.current() != self.defaults.language:
            self.hub.set_language(self.defaults.language)
        if self.theme != self.defaults.theme:
            self.set_theme(self.defaults.theme)

    def reset_session(self) -> None:
        self.wipe()
        self.apply_defaults()
        self.started_over.emit()
        log.info("started over")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.read_aloud.stop()
        super().closeEvent(event)

    def fit_to_screen(self) -> None:
        """A desktop window fitted to the screen, and fitted again once the window manager has framed it."""
        fit_to_screen(self)
        self._fit_when_framed = True

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 - Qt's name
        super().moveEvent(event)
        if self._fit_when_framed and has_frame(self):
            self._fit_when_framed = False
            fit_to_screen(self)
