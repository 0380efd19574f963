"""Age by finger: a phone-style 3 x 4 pad and a box that shows the digits.

The box takes only the digits 0 to 9 (typed on a keyboard or tapped on the pad): no context menu, no paste (not
even the X11 middle-click paste), no selection to copy, no drag and drop. So the last person's age can never reach
the next person through a clipboard, and "8²" cannot be typed.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets.buttons import BigButton

DELETE, CLEAR = "⌫", "clear"
PAD_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), (CLEAR, "0", DELETE))
ALLOWED_KEYS = {
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}


class DigitBox(QLineEdit):
    """A line edit for a whole number that nothing can paste into and nothing can copy out of."""

    def __init__(self, max_digits: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(max_digits)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{max_digits}}}"), self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Whatever might select (an input method, an accessibility client) is undone at once: nothing selected.
        self.selectionChanged.connect(self._no_selection)

    def _no_selection(self) -> None:
        if self.hasSelectedText():
            self.deselect()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        digit = len(text) == 1 and "0" <= text <= "9" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # Shift with a move would select (X11 copies a selection to PRIMARY) and Shift+Delete would cut: not taken.
        held = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        moves = event.key() in ALLOWED_KEYS and not event.modifiers() & held
        if digit or moves:
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Copy):
            event.accept()  # nothing goes in or out through the clipboard
        else:
            event.ignore()

    # A press only places the cursor: no selection (so nothing reaches the X11 primary selection), no paste.
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.end(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()


class NumberEntry(QWidget):
    """The box and the pad beside it (both fit side by side even on a portrait tablet). ``changed(text)``."""

    changed = Signal(str)

    def __init__(self, max_digits: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_digits = max_digits
        self.edit = DigitBox(max_digits)
        self.edit.setMinimumWidth(150)
        self.edit.setMaximumWidth(220)
        # The unit beside the box ("72 years old", "72 歳"), so nobody wonders what the number is.
        self.unit = QLabel()
        self.unit.setObjectName("unit")
        self.edit.textChanged.connect(self.changed.emit)
        pad_widget = QWidget()
        pad = QGridLayout(pad_widget)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.setSpacing(8)
        self.keys: dict[str, BigButton] = {}
        for row, keys in enumerate(PAD_ROWS):
            for column, key in enumerate(keys):
                button = BigButton(key if key != CLEAR else "", kind="key")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard types into the box itself
                button.least_width = 110  # in the size hints, so a longer word ("Clear") widens its key
                button.clicked.connect(lambda _c=False, k=key: self._press(k))
                pad.addWidget(button, row, column)
                self.keys[key] = button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        box_row = QHBoxLayout()
        box_row.setSpacing(10)
        box_row.addWidget(self.edit)
        box_row.addWidget(self.unit)
        box_column = QVBoxLayout()
        box_column.addLayout(box_row)
        box_column.addStretch(1)
        layout.addLayout(box_column)
        layout.addWidget(pad_widget)
        layout.addStretch(1)

    def set_labels(self, box_name: str, unit: str, key_name: str, delete: str, clear: str) -> None:
        """``key_name`` has a {digit} placeholder: "Type 7 in your age", not a bare "7"."""
        self.edit.setAccessibleName(box_name)
        self.unit.setText(unit)
        for key, button in self.keys.items():
            if key == DELETE:
                button.setAccessibleName(delete)
            elif key == CLEAR:
                button.setText(clear)
                button.setAccessibleName(clear)
            else:
                button.setAccessibleName(key_name.format(digit=key))

    def _press(self, key: str) -> None:
        text = self.edit.text()
        if key == DELETE:
            self.edit.setText(text[:-1])
        elif key == CLEAR:
            self.edit.clear()
        elif len(text) < self._max_digits:
            self.edit.setText(text + key)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
