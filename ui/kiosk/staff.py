"""Staff access: the PIN on a big pad (digits never shown), then the staff panel with the settings in force, a
test print whose real outcome is shown, and the way out of kiosk mode. Both are drawn inside the kiosk window."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget
from shiboken6 import isValid

from screener.i18n import _
from screener.languages import language as language_row
from ui.kiosk.log_file import log_problem
from ui.kiosk_config import KioskConfig
from ui.labels import wrapped_label
from ui.pin import PinGate
from ui.widgets.buttons import BigButton
from ui.widgets.number_pad import DigitBox
from ui.widgets.overlay import OverlayDialog

log = logging.getLogger(__name__)
PIN_KEYS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("", "0", "⌫"))


class PinDialog(OverlayDialog):
    """``answered("ok")`` only after the right PIN; a wrong one keeps the dialog open with a message."""

    def __init__(self, host: QWidget, gate: PinGate) -> None:
        super().__init__(host, _("Staff only"), _("Enter the staff PIN."))
        self.gate = gate
        self.entry = DigitBox(max_digits=12)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAccessibleName(_("Staff PIN"))
        self.entry.returnPressed.connect(self.check)
        self.body.addWidget(self.entry)
        pad = QWidget()
        grid = QGridLayout(pad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys: dict[str, BigButton] = {}
        for row, keys in enumerate(PIN_KEYS):
            for column, key in enumerate(keys):
                if not key:
                    continue
                button = BigButton(key, kind="key")
                button.setAccessibleName(
                    _("Delete the last digit") if key == "⌫" else _("PIN digit {digit}").format(digit=key)
                )
                button.clicked.connect(lambda _c=False, k=key: self._press(k))
                grid.addWidget(button, row, column)
                self.keys[key] = button
        self.body.addWidget(pad)
        self.message = wrapped_label(object_name="error")
        self.message.setMinimumHeight(self.message.fontMetrics().height() * 2 + 8)  # room kept: nothing moves
        self.body.addWidget(self.message)
        self.add_button("cancel", _("Cancel"))
        self.add_button("check", _("OK"), primary=True)
        self.buttons["check"].clicked.disconnect()
        self.buttons["check"].clicked.connect(self.check)

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.entry.setText(self.entry.text()[:-1])
        else:
            self.entry.setText(self.entry.text() + key)

    def check(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        if self.gate.try_pin(pin):
            log.info("staff PIN accepted")
            self.finish("ok")
            return
        wait = self.gate.seconds_to_wait()
        log.warning("wrong staff PIN")
        if wait > 0:
            message = _("Too many wrong tries. Please wait {seconds} seconds.")
            self.message.setText(message.format(seconds=int(wait) + 1))
        else:
            self.message.setText(_("That PIN is not right."))
        self.entry.setFocus()


class StaffPanel(OverlayDialog):
    """``answered`` with ``back`` or ``leave``; a test print shows its outcome here and keeps the panel open."""

    def __init__(
        self, host: QWidget, config: KioskConfig, region: str, test_print: Callable[[Callable[[str], None]], None]
    ) -> None:
        super().__init__(host, _("Kiosk settings"), cancel_code="back")
        self.test_print = test_print
        printer = config.printer_name or _("the default printer")
        language = language_row(config.default_language).own_name
        settings = [
            _("Start language: {language}").format(language=language),
            _("Reference intakes: {region}").format(region=_("Japan") if region == "jp" else _("United States")),
            _("Idle time before asking: {seconds} s").format(seconds=config.idle_timeout_seconds),
            _("Time to answer “Are you still there?”: {seconds} s").format(seconds=config.countdown_seconds),
            _("Result screen clears after: {seconds} s").format(seconds=config.result_reset_seconds),
            _("Printer: {printer}").format(printer=printer),
            _("Paper: {paper}").format(paper=config.paper or _("from the language")),
        ]
        self.settings = wrapped_label("\n".join(settings))
        self.body.addWidget(self.settings)
        self.body.addWidget(wrapped_label(_("To change them, edit the config file and restart the kiosk."), "hint"))
        broken = log_problem()
        self.log_warning = None
        if broken is not None and broken.failed_at is not None:
            since = time.strftime("%H:%M", time.localtime(broken.failed_at))
            self.log_warning = wrapped_label(
                _("The log file could not be written from {time} ({reason}). Events not written: {count}.").format(
                    time=since, reason=broken.problem, count=broken.lost
                ),
                "error",
            )
            self.body.addWidget(self.log_warning)
        self.outcome = wrapped_label(object_name="subheading")
        self.outcome.hide()
        self.body.addWidget(self.outcome)
        # Going back is the main, safe choice; leaving kiosk mode (which quits the app) must be chosen.
        self.add_button("back", _("Back to the kiosk"), primary=True)
        self.add_button("test_print", _("Print a test page"))
        self.add_button("leave", _("Leave kiosk mode"))
        self.buttons["test_print"].clicked.disconnect()
        self.buttons["test_print"].clicked.connect(self._print_test)

    def _print_test(self) -> None:
        """The test page prints on the print worker: the panel says so at once and shows the outcome when CUPS
        has spoken (a hung print server froze the window for seconds when this waited on the UI thread)."""
        self.outcome.setText(_("Printing a test page…"))
        self.outcome.show()
        self.buttons["test_print"].setEnabled(False)
        self.test_print(self._show_outcome)

    def _show_outcome(self, text: str) -> None:
        if not isValid(self) or self.code is not None:
            return  # the panel closed meanwhile (a reset, Back)
        self.outcome.setText(text)
        self.buttons["test_print"].setEnabled(True)
