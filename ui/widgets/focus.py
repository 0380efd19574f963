"""Shows the keyboard focus mark only while the keyboard is in use.

A tap must never leave a ring that looks like a choice; a keyboard user must always see where they are. One
application-wide filter switches between the two: any key that moves or acts turns keyboard mode on, any touch or
click turns it off, and the focused control repaints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLineEdit, QScrollBar, QWidget
from shiboken6 import isValid

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


class FocusMark(QWidget):
    """The ring around a focused widget that draws none of its own: a question's group, a paragraph of the result.

    One per window, made once and only moved, shown and hidden (a widget made and deleted beside the focus makes a
    screen reader lose the focus it was about to speak). It follows the widget as its page scrolls, is clipped to
    the page, and takes no room and no taps."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusMark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._bars: list[QScrollBar] = []
        self.hide()

    def show_on(self, target: QWidget | None) -> None:
        if self.target is not None and isValid(self.target):
            self.target.removeEventFilter(self)
        for bar in self._bars:
            if isValid(bar):
                bar.valueChanged.disconnect(self._place)
        self.target, self._bars = target, []
        if target is None:
            self.hide()
            return
        target.installEventFilter(self)
        parent = target.parentWidget()
        while parent is not None and parent is not self.parentWidget():
            if isinstance(parent, QAbstractScrollArea):
                bar = parent.verticalScrollBar()
                bar.valueChanged.connect(self._place)
                self._bars.append(bar)
            parent = parent.parentWidget()
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not isValid(target):
            return
        box = QRect(target.mapTo(window, QPoint(0, 0)), target.size()).adjusted(-4, -4, 4, 4)
        area = next((w for w in _ancestors(target) if isinstance(w, QAbstractScrollArea)), None)
        if area is not None:  # never drawn over the header or footer when the widget is scrolled half out of view
            viewport = area.viewport()
            box = box.intersected(QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()))
        self.setGeometry(box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.target:
            if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
                self._place()
            elif event.type() == QEvent.Type.Hide:
                self.hide()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        from ui.theme import current_theme

        painter = QPainter(self)
        painter.setPen(QPen(QColor(current_theme().palette.focus), 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 10, 10)
        painter.end()


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def draws_own_focus(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton | QLineEdit)


class FocusMode(QObject):
    """The application's keyboard-or-pointer state (one per application), and the ring for widgets that draw
    none of their own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keyboard = False
        self.mark: FocusMark | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(lambda _old, new: self._mark(new))

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
        self._mark(focused)

    def _mark(self, focused: QWidget | None) -> None:
        """The ring on ``focused`` while the keyboard is in use, when it draws no focus of its own."""
        wanted = focused is not None and self.keyboard and not draws_own_focus(focused) and not focused.isWindow()
        if self.mark is not None and not isValid(self.mark):  # its window is gone
            self.mark = None
        if focused is not None and wanted:
            window = focused.window()
            if self.mark is None or self.mark.parentWidget() is not window:
                if self.mark is not None:
                    self.mark.show_on(None)
                self.mark = window.findChild(FocusMark, "focusMark") or FocusMark(window)
            self.mark.show_on(focused)
        elif self.mark is not None:
            self.mark.show_on(None)


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
