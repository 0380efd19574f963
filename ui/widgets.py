"""Shared controls made for a finger and for older eyes: big option buttons, steppers, a number pad."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from screener.wording import number
from ui.flow_layout import FlowLayout
from ui.theme import MIN_TARGET_PX

CHECK_MARK = "✓ "


def show_checked(button: QPushButton, label: str) -> None:
    """A chosen option says so with a tick as well as its colour, so the choice does not rest on colour alone."""
    button.setText(CHECK_MARK + label if button.isChecked() else label)


class _BigButtons(QWidget):
    """A grid of big checkable buttons, one per value, that show a tick when chosen."""

    def __init__(self, values: Sequence[Any], columns: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._values = list(values)
        self._labels = [""] * len(self._values)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.buttons: list[QPushButton] = []
        for index in range(len(self._values)):
            button = QPushButton()
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(MIN_TARGET_PX)
            button.toggled.connect(lambda _on: self._show_marks())
            layout.addWidget(button, index // columns, index % columns)
            self.buttons.append(button)

    def set_labels(self, labels: Sequence[str], accessible_prefix: str = "") -> None:
        self._labels = list(labels)
        for button, label in zip(self.buttons, labels, strict=True):
            button.setAccessibleName(f"{accessible_prefix}: {label}" if accessible_prefix else label)
        self._show_marks()

    def _show_marks(self) -> None:
        for button, label in zip(self.buttons, self._labels, strict=True):
            show_checked(button, label)


class OptionGroup(_BigButtons):
    """A question answered by one big button out of several. Choosing nothing leaves the answer skipped (None)."""

    changed = Signal(object)

    def __init__(
        self, values: Sequence[Any], columns: int = 1, parent: QWidget | None = None, allow_clear: bool = True
    ) -> None:
        super().__init__(values, columns, parent)
        self._allow_clear = allow_clear
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusive by hand, so the chosen button can be tapped again to clear it
        for index, button in enumerate(self.buttons):
            self._group.addButton(button, index)
        self._group.idClicked.connect(self._clicked)

    def _clicked(self, index: int) -> None:
        button = self.buttons[index]
        if not button.isChecked() and not self._allow_clear:
            button.setChecked(True)
            return
        for other in self.buttons:
            if other is not button:
                other.setChecked(False)
        self.changed.emit(self.value())

    def value(self) -> Any:
        for button, value in zip(self.buttons, self._values, strict=True):
            if button.isChecked():
                return value
        return None

    def set_value(self, value: Any) -> None:
        for button, own in zip(self.buttons, self._values, strict=True):
            button.setChecked(value is not None and own == value)


class ToggleGroup(_BigButtons):
    """Several big buttons, any number of which can be on (e.g. medicines)."""

    changed = Signal(list)

    def __init__(self, values: Sequence[str], columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(values, columns, parent)
        for button in self.buttons:
            button.toggled.connect(lambda _on: self.changed.emit(self.value()))

    def value(self) -> list[str]:
        return [v for v, b in zip(self._values, self.buttons, strict=True) if b.isChecked()]

    def set_value(self, values: Sequence[str]) -> None:
        for value, button in zip(self._values, self.buttons, strict=True):
            button.blockSignals(True)
            button.setChecked(value in values)
            button.blockSignals(False)
        self._show_marks()


class Stepper(QWidget):
    """A count chosen with big − and + buttons (or the arrow keys), no keyboard needed."""

    changed = Signal(float)

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 50,
        step: float = 1,
        decimals: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._min, self._max, self._step, self._decimals = minimum, maximum, step, decimals
        self._value = minimum
        self._format: Callable[[float], str] = lambda v: number(v, self._decimals)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.display = QLabel()
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(230)
        self.display.setObjectName("question")
        for button in (self.minus, self.plus):
            button.setObjectName("stepperButton")
            button.setMinimumSize(MIN_TARGET_PX + 16, MIN_TARGET_PX + 8)
            button.setAutoRepeat(True)
        self.minus.clicked.connect(lambda: self.set_value(self._value - self._step, emit=True))
        self.plus.clicked.connect(lambda: self.set_value(self._value + self._step, emit=True))
        layout.addWidget(self.minus)
        layout.addWidget(self.display)
        layout.addWidget(self.plus)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._name = ""
        self._refresh()

    def set_formatter(self, formatter: Callable[[float], str]) -> None:
        """``formatter(value)`` gives the whole text shown, e.g. "3 servings a week" (plural-aware)."""
        self._format = formatter
        self._refresh()

    def set_accessible(self, name: str, decrease: str, increase: str) -> None:
        self._name = name
        self.setAccessibleName(name)
        self.minus.setAccessibleName(f"{decrease}: {name}")
        self.plus.setAccessibleName(f"{increase}: {name}")
        self._refresh()

    def value(self) -> float:
        return self._value

    def set_value(self, value: float, emit: bool = False) -> None:
        value = min(self._max, max(self._min, round(value / self._step) * self._step))
        changed = value != self._value
        self._value = value
        self._refresh()
        if emit and changed:
            self.changed.emit(self._value)

    def _refresh(self) -> None:
        text = self._format(self._value)
        self.display.setText(text)
        self.display.setAccessibleName(f"{self._name}: {text}" if self._name else text)
        self.minus.setEnabled(self._value > self._min)
        self.plus.setEnabled(self._value < self._max)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Plus):
            self.set_value(self._value + self._step, emit=True)
        elif event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Minus):
            self.set_value(self._value - self._step, emit=True)
        else:
            super().keyPressEvent(event)


class NumberEntry(QWidget):
    """A whole number typed on the keyboard or on a big on-screen pad (for age)."""

    changed = Signal(str)

    def __init__(self, max_digits: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_digits = max_digits
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setMaxLength(max_digits)
        self.edit.setMaximumWidth(220)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.edit.textChanged.connect(self.changed.emit)
        layout.addWidget(self.edit)
        pad_widget = QWidget()
        pad = FlowLayout(pad_widget)
        self.keys: dict[str, QPushButton] = {}
        for key in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫"]:
            button = QPushButton(key)
            button.setMinimumSize(MIN_TARGET_PX + 8, MIN_TARGET_PX + 8)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard types into the box itself
            button.clicked.connect(lambda _c=False, k=key: self._press(k))
            pad.addWidget(button)
            self.keys[key] = button
        layout.addWidget(pad_widget)

    def set_accessible(self, name: str, delete: str) -> None:
        self.edit.setAccessibleName(name)
        self.keys["⌫"].setAccessibleName(delete)

    def _press(self, key: str) -> None:
        text = self.edit.text()
        if key == "⌫":
            self.edit.setText(text[:-1])
        elif len(text) < self._max_digits:
            self.edit.setText(text + key)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
