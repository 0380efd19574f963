"""Answer groups: one choice out of several (radio buttons in a named group) and any number of choices (check
boxes). Tab reaches a group once, the arrow keys move within it, Space or Enter chooses; a tap chooses, a second
tap on the chosen answer takes it back. A screen reader hears each option as a radio button or check box with its
state, inside a group named by the question."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox, QLayout, QSizePolicy, QWidget

from screener.i18n import _
from ui.flow_layout import FlowLayout
from ui.widgets.buttons import BigButton, Kind
from ui.widgets.grid import BalancedGrid

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)


class _ButtonGroup(QGroupBox):
    """Buttons for the codes of one question, laid out in a balanced grid."""

    def __init__(
        self,
        codes: Sequence[str],
        kind: Kind = "option",
        min_cell: int = 170,
        max_columns: int = 8,
        parent: QWidget | None = None,
        ordered: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.codes = list(codes)
        layout: QLayout
        if kind == "count":
            # Counts sit in one row, each as wide as its words: "1" narrow, "Daily" wider; a row too long for the
            # screen (larger text, portrait) goes on in a second row rather than cutting a word.
            layout = FlowLayout(self, spacing=8, one_row_hint=True)  # a finger needs 8 px or more between targets
        else:
            layout = BalancedGrid(self, min_cell=min_cell, max_columns=max_columns, ordered=ordered)
        self.grid = layout
        if kind == "count":
            # Counts keep the width their words need; the row's name and serving take what is left.
            policy = self.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
            self.setSizePolicy(policy)
        self.buttons: dict[str, BigButton] = {}
        for code in self.codes:
            button = BigButton(kind=kind)
            button.setObjectName(f"choice-{code}")
            layout.addWidget(button)
            self.buttons[code] = button

    def set_labels(self, labels: Sequence[str], group_name: str, spoken: Sequence[str] | None = None) -> None:
        """Words on the buttons; ``spoken`` are fuller names for screen readers (e.g. "2 times a week")."""
        self.setAccessibleName(group_name)
        total = len(self.codes)
        for position, (code, label, name) in enumerate(zip(self.codes, labels, spoken or labels, strict=True), 1):
            button = self.buttons[code]
            button.setText(label)
            button.setAccessibleName(name)
            if isinstance(self, ChoiceGroup):
                # Qt tells a screen reader no "2 of 5" for radio buttons: the description says it.
                button.setAccessibleDescription(_("{position} of {total}").format(position=position, total=total))

    def ordered(self) -> list[BigButton]:
        return [self.buttons[code] for code in self.codes if not self.buttons[code].isHidden()]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key not in NEXT_KEYS + PREVIOUS_KEYS:
            super().keyPressEvent(event)
            return
        buttons = self.ordered()
        if self.hasFocus() and buttons:  # the question itself has the focus: an arrow goes into its answers
            start = next((b for b in buttons if b.isChecked()), buttons[0])
            start.setFocus(Qt.FocusReason.TabFocusReason)
            return
        current = next((i for i, b in enumerate(buttons) if b.hasFocus()), None)
        if current is None or not buttons:
            super().keyPressEvent(event)
            return
        step = 1 if key in NEXT_KEYS else -1
        buttons[(current + step) % len(buttons)].setFocus(Qt.FocusReason.TabFocusReason)


class ChoiceGroup(_ButtonGroup):
    """One answer out of several, as a radio group: tapping the chosen answer again keeps it (a double tap never
    un-answers); ``changed`` carries the chosen code, or None when the screen's "Clear my answer" takes it back."""

    changed = Signal(object)

    def __init__(
        self,
        codes: Sequence[str],
        kind: Kind = "option",
        min_cell: int = 170,
        max_columns: int = 8,
        parent: QWidget | None = None,
        ordered: bool = False,
    ) -> None:
        super().__init__(codes, kind, min_cell, max_columns, parent, ordered)
        self._value: str | None = None
        self._quiet = False
        for button in self.buttons.values():
            button.setAutoExclusive(True)
            # toggled, not clicked: a screen reader's Toggle action and the keyboard choose exactly as a tap does.
            button.toggled.connect(self._toggled)
        self._update_tab_stop()

    def value(self) -> str | None:
        return self._value

    def set_value(self, code: str | None) -> None:
        """Show an answer without announcing it as a new choice."""
        self._quiet = True
        try:
            for own, button in self.buttons.items():
                if own == code:
                    button.setChecked(True)
                elif button.isChecked():
                    exclusive = button.autoExclusive()
                    button.setAutoExclusive(False)
                    button.setChecked(False)
                    button.setAutoExclusive(exclusive)
            self._value = code
        finally:
            self._quiet = False
        self._update_tab_stop()

    def _toggled(self, _on: bool) -> None:
        chosen = next((code for code, b in self.buttons.items() if b.isChecked()), None)
        if chosen == self._value:
            return
        self._value = chosen
        self._update_tab_stop()
        if not self._quiet:
            self.changed.emit(chosen)

    def _update_tab_stop(self) -> None:
        """One tab stop per group: the chosen answer, or the first one."""
        target = self._value if self._value in self.buttons else (self.codes[0] if self.codes else None)
        for code, button in self.buttons.items():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if code == target else Qt.FocusPolicy.ClickFocus)


class ChoiceToggles(_ButtonGroup):
    """Any number of answers (check boxes); ``toggled_code`` carries the code a person turned on or off."""

    toggled_code = Signal(str)

    def __init__(
        self,
        codes: Sequence[str],
        min_cell: int = 260,
        max_columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(codes, "option", min_cell, max_columns, parent)
        self._quiet = False
        for code, button in self.buttons.items():
            button.align_left = True
            button.toggled.connect(lambda _on, c=code: self._toggled(c))

    def value(self) -> list[str]:
        return [code for code in self.codes if self.buttons[code].isChecked()]

    def set_value(self, codes: Sequence[str]) -> None:
        self._quiet = True
        try:
            for code, button in self.buttons.items():
                button.setChecked(code in codes)
        finally:
            self._quiet = False

    def _toggled(self, code: str) -> None:
        if not self._quiet:
            self.toggled_code.emit(code)
