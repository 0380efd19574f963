"""The kiosk's log file, which remembers when it could not be written.

A full disk, a file made read-only or a removed mount used to make later log lines vanish without a sign. This
handler keeps the kiosk running (a log is never worth stopping the self-check for), says the first failure once on
standard error (the journal), and keeps what went wrong and when, so the staff panel can say it on screen. Events
only: the log never holds an answer, and neither does this note.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time


class KioskLogFile(logging.FileHandler):
    def __init__(self, path: str) -> None:
        super().__init__(path, encoding="utf-8")
        self.problem: str | None = None  # why the last failed write failed, e.g. "No space left on device"
        self.failed_at: float | None = None  # time.time() of the first failure
        self.lost = 0  # log lines that could not be written

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        error = sys.exc_info()[1]
        self._failed(getattr(error, "strerror", None) or (type(error).__name__ if error else "unknown error"))

    def flush(self) -> None:
        """A line that cannot reach the disk fails here (the write itself only fills the buffer)."""
        try:
            super().flush()
        except OSError as error:
            self._failed(error.strerror or type(error).__name__)

    def _failed(self, reason: str) -> None:
        self.lost += 1
        if self.failed_at is None:
            self.failed_at = time.time()
            print(f"log_file: cannot write {self.baseFilename}: {reason}; the kiosk goes on", file=sys.stderr)
        self.problem = reason
        self._drop_stream()

    def _drop_stream(self) -> None:
        """Let go of the file and what its buffer holds (the next line opens it afresh), so a full disk never
        makes the buffer grow all day."""
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def log_problem() -> KioskLogFile | None:
    """The kiosk's log file if a write to it has failed since the start, else None."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, KioskLogFile) and handler.problem is not None:
            return handler
    return None
