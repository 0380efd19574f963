"""Stopping on a signal: SIGTERM (systemd, `kill`), SIGHUP (the terminal closed) and SIGINT end the app with a log
line and a clean exit, instead of dying without a word.

Python runs a signal handler only between bytecodes, and Qt's event loop runs in C for as long as nothing happens,
so the signal's byte is written to a socket Qt watches (``signal.set_wakeup_fd``): that wakes the loop, Python runs
the handler, and the handler asks the event loop to end. Windows are not asked to close (the kiosk refuses that by
design); the loop just ends, and the process exits with status 0.
"""

from __future__ import annotations

import logging
import signal
import socket
from contextlib import suppress
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class SignalStop(QObject):
    """Owns the wakeup socket pair for the application's lifetime."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.reader, self.writer = socket.socketpair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self.writer.fileno())
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        for number in STOP_SIGNALS:
            signal.signal(number, self._stop)

    def _drain(self) -> None:
        with suppress(BlockingIOError):
            self.reader.recv(64)  # the handler itself has run already, in Python, right after the wakeup

    def _stop(self, number: int, _frame: FrameType | None) -> None:
        log.info("stopping on %s", signal.Signals(number).name)
        self.app.exit(0)


def stop_on_signals(app: QApplication) -> SignalStop:
    return SignalStop(app)
