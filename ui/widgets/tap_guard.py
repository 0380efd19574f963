"""The tap guard: one place that keeps a finger from giving an answer nobody meant.

A finger is not a mouse. It taps twice where once was meant, it comes down a moment after the screen changed on
a button that was not there when the person decided, and it stays down while the screen changes under it. The
guard watches every pointer press of the application (mouse, pen, and touch, which Qt turns into mouse events for
these widgets) and swallows, before any widget sees it:

- a press within ``settle_ms`` of a screen change that a tap caused (the second tap of a double tap on Next, or a
  tap aimed at the old screen): 0.5 s, and 1 s on arrival at the result, whose actions print and clear;
- a second press on the same control within ``repeat_ms`` of its last tap (a double tap is one tap; the number
  pad's keys are exempt, since "77" is two taps on purpose);
- the release of a press that began before the screen changed (it lands on whatever is there now).

Times are the events' own timestamps (the window system's clock), so the rules hold however busy the app is, and
keyboard and screen-reader use is never delayed: only pointers are guarded.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SETTLE_MS = 450  # after a tap changed the screen: longer than a double tap (100-350 ms), shorter than reading
RESULT_SETTLE_MS = 1000  # on arrival at the result: its actions print or clear, so it waits a little longer
REPEAT_MS = 450  # the same control tapped again within this: one tap
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
RELEASE = QEvent.Type.MouseButtonRelease


class TapGuard(QObject):
    """Installed on the application by the window; ``screen_changed(settle_ms)`` whenever the screen changes."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        self._releasing_at: int | None = None  # while a release is being handled: its time (a tap's own effects)
        self._changed_at: int | None = None
        self._settle_ms = SETTLE_MS
        self._pressed: QWidget | None = None
        self._stale_press = False  # the screen changed while the finger was down
        self._swallowing = False  # the press was swallowed: so is its release
        self._last_tap: tuple[QWidget, int] | None = None
        self.swallowed = 0  # how many presses it kept from the widgets (for tests and the log)

    # --- what the window tells it -------------------------------------------------------------------------------

    @staticmethod
    def of(widget: QWidget) -> TapGuard | None:
        """The guard of the window ``widget`` is in, if it has one."""
        return widget.window().findChild(TapGuard)

    def screen_changed(self, settle_ms: int = SETTLE_MS) -> None:
        """The screen (or a dialog over it) changed. If a tap did it (the change came while its release was being
        handled), presses wait ``settle_ms`` from that tap; a change by key, timer or reset sets no wait."""
        self._changed_at = self._releasing_at
        self._settle_ms = settle_ms
        if self._pressed is not None:
            self._stale_press = True

    # --- the events ---------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (*PRESSES, RELEASE) or not isinstance(watched, QWidget) or not isinstance(event, QMouseEvent):
            return False
        if not self._ours(watched):
            return False
        stamp = int(event.timestamp())
        if kind in PRESSES:
            return self._press(watched, stamp)
        return self._release(watched, stamp)

    def _ours(self, widget: QWidget) -> bool:
        return widget is self.root or self.root.isAncestorOf(widget)

    def _press(self, widget: QWidget, stamp: int) -> bool:
        if self._pressed is not None and widget.isAncestorOf(self._pressed):
            return False  # the same press passed on to a parent (the child ignored it): decided already
        self._pressed, self._stale_press = widget, False
        self._swallowing = self._too_soon(widget, stamp)
        if self._swallowing:
            self.swallowed += 1
            log.debug("tap ignored (too soon after the screen changed or the same tap)")
        return self._swallowing

    def _release(self, widget: QWidget, stamp: int) -> bool:
        swallow = self._swallowing or self._stale_press
        pressed = self._pressed
        self._pressed, self._stale_press, self._swallowing = None, False, False
        if not swallow and pressed is not None:
            self._last_tap = (pressed, stamp)
            # What the tap does (a click, a move to another screen) happens while Qt delivers this release; once
            # the event loop turns again, it is over.
            self._releasing_at = stamp
            QTimer.singleShot(0, self._released)
        return swallow

    def _released(self) -> None:
        self._releasing_at = None

    def _too_soon(self, widget: QWidget, stamp: int) -> bool:
        if self._changed_at is not None and 0 <= stamp - self._changed_at < self._settle_ms:
            return True
        if self._last_tap is not None and self._last_tap[0] is widget and not _is_key(widget):
            return 0 <= stamp - self._last_tap[1] < REPEAT_MS
        return False


def _is_key(widget: QWidget) -> bool:
    """The number pad's keys (and the staff PIN pad's): a digit may be meant twice in a row."""
    return getattr(widget, "kind", "") == "key"
