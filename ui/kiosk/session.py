"""A kiosk day: one window after another person, with nothing carried over.

The session builds the window in the configured look, guards it, watches for idleness, and resets for the next
person by every path (Start over, the idle countdown, the result timing out, an unexpected error). If any step of
a reset fails, the screen goes blank at once and the window is rebuilt from scratch, so the last person's result
is never left on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from screener.i18n import _
from ui.kiosk.guard import WindowGuard
from ui.kiosk.idle import IdleWatch
from ui.kiosk.staff import PinDialog, StaffPanel
from ui.kiosk_config import KioskConfig
from ui.pin import PinGate
from ui.shell.screen_place import clear_clipboards
from ui.shell.window import ScreenerWindow
from ui.theme import Theme
from ui.widgets.buttons import BigButton
from ui.widgets.overlay import OverlayDialog, dismiss_all, open_dialogs

log = logging.getLogger(__name__)


class PrivacyScreen(OverlayDialog):
    """ "Hide my answers": the whole window blank at once; a tap brings the answers back."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, _("Your answers are hidden"), cancel_code="show")
        self.add_button("show", _("Tap here to show your answers again"), primary=True)
        # Opaque, not a dimmed layer: the answers under it must not be readable (a dialog's backdrop lets them show).
        self.setObjectName("privacy")


class KioskSession(QObject):
    """Owns the kiosk window for the whole day. ``session_reset`` after every reset."""

    session_reset = Signal()

    def __init__(self, config: KioskConfig, language: str | None = None) -> None:
        super().__init__()
        self.config = config
        self.language = language or config.default_language
        self.gate = PinGate(config.pin_hash)
        self.window: ScreenerWindow
        self.guard: WindowGuard
        self.idle: IdleWatch
        self.rebuilds = 0
        self.blank: QWidget | None = None
        # A summary whose cancel could not reach the print server is purged once the server answers again.
        from ui.print_system import RETRY_MS

        self.purge_retry = QTimer(self)
        self.purge_retry.setInterval(RETRY_MS)
        self.purge_retry.timeout.connect(self.retry_purges)

    # --- building -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._build()
        self.window.showFullScreen()
        self.purge_retry.start()

    @staticmethod
    def retry_purges() -> None:
        from ui.print_system import purge_in_background, purges

        if purges.waiting():
            purge_in_background()

    def _build(self) -> None:
        from ui.app import build_window
        from ui.crash import install_crash_handler
        from ui.printing import SummaryPrinter

        theme = Theme(text_scale=self.config.text_scale, high_contrast=self.config.high_contrast)
        window, _hub = build_window(self.config.default_language, theme, self.config.region)
        if self.language != self.config.default_language:
            window.hub.set_language(self.language)
        self.window = window
        window.reset_handler = self.reset
        window.kiosk = self  # type: ignore[attr-defined]
        self.guard = WindowGuard(window)
        self.idle = IdleWatch(window.host(), self.idle_seconds, self.config.countdown_seconds, self.is_pristine)
        self.idle.expired.connect(self.reset)
        window.screen_changed.connect(lambda _screen: self.idle.restart())
        self.hide_button = BigButton(kind="tool")
        self.staff_button = BigButton(kind="tool")
        self.hide_button.clicked.connect(self.hide_answers)
        self.staff_button.clicked.connect(self.ask_staff_pin)
        window.header.add_button(self.hide_button, first=True)
        window.header.add_button(self.staff_button)
        window.retranslated.connect(self.retranslate_ui)
        self.retranslate_ui()
        crash = install_crash_handler(window)
        crash.auto_start_over = True
        crash.on_start_over = self.reset
        window.printer = SummaryPrinter(  # type: ignore[attr-defined]
            window,
            kiosk=True,
            printer_name=self.config.printer_name or None,
            paper=self.config.paper,
            pdf_folder=Path(self.config.pdf_folder) if self.config.pdf_folder else None,
        )
        window.set_record_allowed(False)  # nothing is written for the record in a kiosk
        window.read_aloud.set_allowed(self.config.read_aloud)
        self.idle.restart()

    def retranslate_ui(self, _language: str | None = None) -> None:
        self.hide_button.setText(_("Hide my answers"))
        self.staff_button.setText(_("Staff"))
        for button in (self.hide_button, self.staff_button):
            button.setAccessibleName(button.text())
        self.idle.retranslate_ui()

    # --- idle ---------------------------------------------------------------------------------------------------

    def idle_seconds(self) -> int:
        if self.window.current_id() == "result":
            return self.config.result_reset_seconds
        return self.config.idle_timeout_seconds

    def is_pristine(self) -> bool:
        """Nothing to protect: the welcome screen as the first person saw it, with no staff surface (PIN dialog,
        staff panel) or privacy screen left open on it: those close by the idle countdown on Welcome too."""
        window = self.window
        return (
            not open_dialogs(window.host())
            and window.current_id() == "welcome"
            and window.sheet.is_empty()
            and window.hub.current() == self.config.default_language
            and window.theme == Theme(text_scale=self.config.text_scale, high_contrast=self.config.high_contrast)
        )

    # --- reset --------------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Wipe every answer, close every dialog, restore the configured look: the next person starts fresh."""
        try:
            self.idle.countdown_timer.stop()
            self.idle._close_dialog()
            self.window.wipe()
            self.window.apply_defaults()
            self.idle.restart()
        except Exception:
            log.exception("reset failed; rebuilding the kiosk window")
            self.rebuild()
            return
        self.session_reset.emit()
        log.info("kiosk session reset")

    def rebuild(self) -> None:
        """Blank the screen at once, throw the window away and build a new one."""
        self.rebuilds += 1
        blank = QWidget()
        blank.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        blank.setStyleSheet("background: black;")
        blank.showFullScreen()
        self.blank = blank
        old = self.window
        for part in (self.guard, self.idle):
            part.stop()
        old.hide()
        dismiss_all(old.host())
        old.sheet.clear()
        old.deleteLater()
        clear_clipboards()
        self._build()
        self.window.showFullScreen()
        blank.close()
        blank.deleteLater()
        self.blank = None
        self.session_reset.emit()

    def hide_answers(self) -> None:
        PrivacyScreen(self.window.host()).open_over("show")
        log.info("answers hidden")

    # --- staff --------------------------------------------------------------------------------------------------

    def ask_staff_pin(self) -> None:
        dialog = PinDialog(self.window.host(), self.gate)
        dialog.answered.connect(lambda code: self._pin_answered(code))
        dialog.open_over()
        dialog.entry.setFocus()

    def _pin_answered(self, code: str) -> None:
        if code != "ok":
            return
        panel = StaffPanel(self.window.host(), self.config, self.window.region, self.print_test_page)
        panel.answered.connect(lambda choice: self.exit_kiosk() if choice == "leave" else None)
        panel.open_over("back")

    def print_test_page(self, done: Callable[[str], None]) -> None:
        """Print example answers (no person's data); ``done`` gets what really happened, off the UI thread's way."""
        printer = getattr(self.window, "printer", None)
        if printer is None:
            done(_("No printer is set up."))
            return
        printer.print_test_page(done)

    def exit_kiosk(self) -> None:
        self.purge_retry.stop()
        self.guard.stop()
        self.idle.stop()
        log.info("kiosk mode left by staff")
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()
