"""One crash handler: an unexpected error is logged (never the answers), and the person sees a calm message
that offers to carry on or start over. No traceback reaches the screen, and the app does not quietly close."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from screener.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class CrashHandler:
    def __init__(self, window, on_start_over=None) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.on_start_over = on_start_over or window.start_over
        self._handling = False
        self.last_box: QMessageBox | None = None  # the message on screen, for tests
        self.auto_start_over = False  # kiosk mode: go back to welcome without asking

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        # Log where it happened, not what the error said: a message could quote an answer.
        where = traceback.extract_tb(tb)[-1] if tb else None
        log.error(
            "unexpected %s at %s:%s", kind.__name__, where.filename if where else "?", where.lineno if where else "?"
        )
        if self._handling:  # a second error while the message is up: do not stack dialogs
            return
        self._handling = True
        try:
            if self.auto_start_over:
                self.on_start_over()
                return
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(_("Something went wrong"))
            box.setText(_("Sorry, something went wrong on our side. Your answers so far are still here."))
            box.setInformativeText(_("You can carry on, or start over from the beginning."))
            carry_on = box.addButton(_("Carry on"), QMessageBox.ButtonRole.AcceptRole)
            start_over = box.addButton(_("Start over"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(carry_on)
            self.last_box = box
            box.exec()
            if box.clickedButton() is start_over:
                self.on_start_over()
        finally:
            self._handling = False


def install_crash_handler(window) -> CrashHandler:  # type: ignore[no-untyped-def]
    handler = CrashHandler(window)
    sys.excepthook = handler
    return handler
