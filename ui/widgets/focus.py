"""Shows the keyboard focus mark only while the keyboard is in use.

A tap must never leave a ring that looks like a choice; a keyboard user must always see where they are. One
application-wide filter switches between the two: any key that moves or acts turns keyboard mode on, any touch or
click turns it off, and the focused control repaints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

KEYBOARD_KEYS = {
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}
POINTER_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class FocusMode(QObject):
    """The application's keyboard-or-pointer state (one per application)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keyboard = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in KEYBOARD_KEYS:
            self._set(True)
        elif kind in POINTER_EVENTS:
            self._set(False)
        return False

    def _set(self, keyboard: bool) -> None:
        if keyboard == self.keyboard:
            return
        self.keyboard = keyboard
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.update()


_mode: FocusMode | None = None


def install_focus_mode(app: QApplication) -> FocusMode:
    global _mode
    if _mode is None:
        _mode = FocusMode(app)
        app.installEventFilter(_mode)
    return _mode


def keyboard_mode() -> bool:
    return _mode is not None and _mode.keyboard


def set_keyboard_mode(on: bool) -> None:
    """For tests and for a keyboard-first start (a kiosk with a keyboard attached)."""
    if _mode is not None:
        _mode._set(on)
