"""One crash handler: an unexpected error is logged (never the answers), and the person sees a calm in-window
message that offers to carry on or start over. No traceback reaches the screen, and the app does not quietly close.
In kiosk mode it goes straight back to a fresh start (the kiosk session rebuilds the window if even that fails)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from screener.i18n import _

if TYPE_CHECKING:
    from ui.shell.window import ScreenerWindow
    from ui.widgets.overlay import OverlayDialog

log = logging.getLogger(__name__)


class CrashHandler:
    def __init__(self, window: ScreenerWindow, on_start_over: Callable[[], None] | None = None) -> None:
        self.window = window
        self.on_start_over = on_start_over or window.reset_session
        self._handling = False
        self.last_dialog: OverlayDialog | None = None  # the message on screen, for tests
        self.auto_start_over = False  # kiosk mode: back to welcome without asking

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        # Log where it happened, not what the error said: a message could quote an answer.
        where = traceback.extract_tb(tb)[-1] if tb else None
        log.error(
            "unexpected %s at %s:%s", kind.__name__, where.filename if where else "?", where.lineno if where else "?"
        )
        if self._handling:  # a second error while handling the first: do not stack messages
            return
        self._handling = True
        try:
            if self.auto_start_over:
                self.on_start_over()
                return
            from ui.widgets.overlay import ask

            self.last_dialog = ask(
                self.window.host(),
                _("Sorry, something went wrong on our side"),
                _("Your answers so far are still here. You can carry on, or start over from the beginning."),
                [("start_over", _("Start over"), False), ("carry_on", _("Carry on"), True)],
                on_answer=lambda code: self.on_start_over() if code == "start_over" else None,
                focus="carry_on",
                cancel_code="carry_on",
            )
        finally:
            self._handling = False


def install_crash_handler(window: ScreenerWindow) -> CrashHandler:
    handler = CrashHandler(window)
    sys.excepthook = handler
    return handler
