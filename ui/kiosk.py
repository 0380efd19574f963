"""Kiosk mode for a shared waiting-room tablet: full screen, no way out but the staff PIN, and a fresh start for
every person (idle countdown, auto-reset after the result, a privacy screen, a crash guard that returns to welcome).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screener.i18n import _
from ui.flow_layout import FlowLayout
from ui.kiosk_config import KioskConfig
from ui.labels import wrapped_label
from ui.pages.base import PageId
from ui.pin import PinGate
from ui.theme import MIN_TARGET_PX, Theme
from ui.window import ScreenerWindow

log = logging.getLogger(__name__)

DIALOG_MIN_WIDTH = 720

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class Overlay(QWidget):
    """A layer over the whole window (the countdown and the privacy screen)."""

    def __init__(self, window: QWidget, object_name: str) -> None:
        super().__init__(window)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()
        window.installEventFilter(self)

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.cover()
        return False


class CountdownOverlay(Overlay):
    still_here = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "countdown")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question = wrapped_label(object_name="pageTitle")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = wrapped_label()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(MIN_TARGET_PX + 24)
        self.button.clicked.connect(self.still_here.emit)
        for widget in (self.question, self.detail, self.button):
            layout.addWidget(widget)

    def show_seconds(self, seconds: int) -> None:
        self.question.setText(_("Are you still there?"))
        self.detail.setText(
            _("To keep your answers private, they will be cleared in {seconds} seconds.").format(seconds=seconds)
        )
        self.button.setText(_("I'm still here"))
        self.button.setAccessibleName(self.button.text())


class PrivacyScreen(Overlay):
    """Blanks everything at once; a tap brings the answers back."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "privacy")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setMinimumHeight(MIN_TARGET_PX + 24)
        self.button.clicked.connect(self.hide)
        layout.addWidget(self.button)

    def retranslate_ui(self) -> None:
        self.button.setText(_("Tap here to show your answers again"))
        self.button.setAccessibleName(self.button.text())


class PinDialog(QDialog):
    """Staff PIN entry with a big number pad; the digits never show."""

    def __init__(self, gate: PinGate, parent: QWidget) -> None:
        super().__init__(parent)
        self.gate = gate
        self.setWindowTitle(_("Staff"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(wrapped_label(_("Staff only: enter the PIN."), "question"))
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMinimumWidth(DIALOG_MIN_WIDTH)
        self.entry.setAccessibleName(_("PIN"))
        self.entry.returnPressed.connect(self.check)
        layout.addWidget(self.entry)
        pad = QHBoxLayout()
        for key in "1234567890":
            button = QPushButton(key)
            button.setMinimumSize(MIN_TARGET_PX, MIN_TARGET_PX)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, k=key: self.entry.insert(k))
            pad.addWidget(button)
        layout.addLayout(pad)
        self.message = wrapped_label(object_name="error")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(_("Cancel"))
        self.ok_button = QPushButton(_("OK"))
        self.ok_button.setObjectName("primary")
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.check)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)

    def check(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        if self.gate.try_pin(pin):
            log.info("staff PIN accepted")
            self.accept()
            return
        wait = self.gate.seconds_to_wait()
        log.warning("wrong staff PIN")
        if wait > 0:
            self.message.setText(
                _("Too many wrong tries. Please wait {seconds} seconds.").format(seconds=int(wait) + 1)
            )
        else:
            self.message.setText(_("That PIN is not right."))


class StaffPanel(QDialog):
    """What staff see after the PIN: the settings in force, a test print, and the way out."""

    LEAVE, TEST_PRINT = 10, 11

    def __init__(self, config: KioskConfig, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Staff"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text gets the height it needs
        layout.addWidget(wrapped_label(_("Kiosk settings"), "question"))
        printer = config.printer_name or _("the default printer")
        settings = [
            _("Start language: {language}").format(language="日本語" if config.default_language == "ja" else "English"),
            _("Idle time before clearing: {seconds} s").format(seconds=config.idle_timeout_seconds),
            _("Result page clears after: {seconds} s").format(seconds=config.result_reset_seconds),
            _("Printer: {printer}").format(printer=printer),
            _("Paper: {paper}").format(paper=config.paper or _("from the language")),
        ]
        self.settings = wrapped_label("\n".join(settings))
        self.settings.setMinimumWidth(DIALOG_MIN_WIDTH)  # the layout's minimum sets the dialog's size
        layout.addWidget(self.settings)
        layout.addWidget(wrapped_label(_("To change them, edit the config file and restart the kiosk."), "hint"))
        button_row = QWidget()
        buttons = FlowLayout(button_row, align_right=True)
        self.back_button = QPushButton(_("Back to the kiosk"))
        self.test_button = QPushButton(_("Print a test page"))
        self.leave_button = QPushButton(_("Leave kiosk mode"))
        self.leave_button.setObjectName("primary")
        self.back_button.clicked.connect(self.reject)
        self.test_button.clicked.connect(lambda: self.done(self.TEST_PRINT))
        self.leave_button.clicked.connect(lambda: self.done(self.LEAVE))
        for button in (self.back_button, self.test_button, self.leave_button):
            buttons.addWidget(button)
        layout.addWidget(button_row)


class KioskController(QObject):
    """Owns the kiosk behaviour around one wizard window."""

    session_reset = Signal()

    def __init__(self, window: ScreenerWindow, config: KioskConfig) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.gate = PinGate(config.pin_hash)
        self.allow_exit = False
        self.remaining = 0
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.start_countdown)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._tick)
        self.countdown = CountdownOverlay(window)
        self.countdown.still_here.connect(self.cancel_countdown)
        self.privacy = PrivacyScreen(window)

        self.hide_button = QPushButton()
        self.staff_button = QPushButton()
        self.hide_button.clicked.connect(self.hide_answers)
        self.staff_button.clicked.connect(self.ask_staff_pin)
        window.header_layout.insertWidget(0, self.hide_button)
        window.header_layout.addWidget(self.staff_button)
        window.hub.language_changed.connect(self.retranslate_ui)
        window.page_changed.connect(lambda _page: self.restart_idle())
        self.retranslate_ui()

        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.apply_defaults()
        self.restart_idle()

    # --- look and defaults -----------------------------------------------------------------------------------------

    def retranslate_ui(self, _language: str | None = None) -> None:
        self.hide_button.setText(_("Hide my answers"))
        self.staff_button.setText(_("Staff"))
        for button in (self.hide_button, self.staff_button):
            button.setAccessibleName(button.text())
        self.privacy.retranslate_ui()
        if self.countdown.isVisible():
            self.countdown.show_seconds(self.remaining)

    def apply_defaults(self) -> None:
        """Language, text size and contrast exactly as staff configured them."""
        if self.window.hub.current() != self.config.default_language:
            self.window.hub.set_language(self.config.default_language)
        self.window.set_theme(Theme(text_scale=self.config.text_scale, high_contrast=self.config.high_contrast))

    def reset_session(self) -> None:
        """Wipe every answer and return to welcome with the configured defaults: the next person starts fresh."""
        self.countdown_timer.stop()
        self.countdown.hide()
        self.privacy.hide()
        for widget in QApplication.topLevelWidgets():  # a question left open must not greet the next person
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.window.start_over()
        self.apply_defaults()
        self.restart_idle()
        self.session_reset.emit()
        log.info("kiosk session reset")

    # --- idle ------------------------------------------------------------------------------------------------------

    def idle_seconds(self) -> int:
        if self.window.current_id() == PageId.RESULT:
            return self.config.result_reset_seconds
        return self.config.idle_timeout_seconds

    def restart_idle(self) -> None:
        if not self.countdown.isVisible():
            self.idle_timer.start(self.idle_seconds() * 1000)

    def is_pristine(self) -> bool:
        theme = self.window.theme
        return (
            self.window.current_id() == PageId.WELCOME
            and self.window.draft.is_empty()
            and self.window.hub.current() == self.config.default_language
            and theme.text_scale == self.config.text_scale
            and theme.high_contrast == self.config.high_contrast
            and not self.privacy.isVisible()
        )

    def start_countdown(self) -> None:
        if self.is_pristine():
            self.restart_idle()
            return
        self.remaining = self.config.countdown_seconds
        self.countdown.show_seconds(self.remaining)
        self.countdown.cover()
        self.countdown_timer.start()
        log.info("idle countdown started")

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.reset_session()
        else:
            self.countdown.show_seconds(self.remaining)

    def cancel_countdown(self) -> None:
        if self.countdown.isVisible():
            self.countdown_timer.stop()
            self.countdown.hide()
            log.info("idle countdown cancelled")
        self.restart_idle()

    def hide_answers(self) -> None:
        self.privacy.cover()
        log.info("answers hidden")

    # --- staff exit ------------------------------------------------------------------------------------------------

    def ask_staff_pin(self) -> bool:
        """PIN first; then the staff panel. True when staff left kiosk mode."""
        dialog = PinDialog(self.gate, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choice = StaffPanel(self.config, self.window).exec()
        if choice == StaffPanel.LEAVE:
            self.exit_kiosk()
            return True
        if choice == StaffPanel.TEST_PRINT:
            self.print_test_page()
        return False

    def print_test_page(self) -> None:
        """Print the summary of the example answers (no person's data), so staff can check printer and paper."""
        from screener.answers import Answers
        from screener.scoring import score

        printer = getattr(self.window, "printer", None)
        if printer is None:
            return
        example = Answers(age_years=70, caffeine_servings_per_day={"coffee": 4}, snoring_or_gasping=True)
        printer.print_result(score(example, region=self.window.region()), example)
        log.info("test page sent")

    def exit_kiosk(self) -> None:
        self.allow_exit = True
        log.info("kiosk mode left by staff")
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    # --- the guard -------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Close and not self.allow_exit:
            event.ignore()
            log.info("close request ignored (kiosk)")
            return True
        if kind in ACTIVITY_EVENTS:
            if self.countdown.isVisible() and watched is not self.countdown.button:
                self.cancel_countdown()
            else:
                self.restart_idle()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            alt_f4 = event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_Escape or alt_f4:
                event.accept()
                return True
        return False
