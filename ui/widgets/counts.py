"""How many of each: one row per food or drink, each a one-tap choice of counts, and "None of these".

Rows start empty. Tapping a count answers that row; tapping it again takes it back. On a wide screen the name sits
left of its counts; on a narrow one above them, so nothing is squeezed. Nothing moves when a count is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.labels import wrapped_label
from ui.theme import current_theme
from ui.widgets.buttons import BigButton
from ui.widgets.choices import ChoiceGroup

STACK_BELOW_PX = 900  # narrower than this (times the text scale), a row's name goes above its counts
NAME_MIN_PX = 200  # the least a food's name and serving get beside the counts (at normal text size; they wrap)
HINT_MIN_PX = 320  # the least the hint gets beside "None of these" (times the text scale); narrower, it goes above
ROW_GAP_PX = 12  # between one row's counts and the next row's: a finger needs 8 px or more between targets


class CountRow(QWidget):
    def __init__(self, item: str, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.name = wrapped_label(object_name="subheading")
        self.serving = wrapped_label(object_name="hint")
        self.choices = ChoiceGroup(codes, kind="count")
        self.name.setBuddy(self.choices)  # the row's words label its counts (a screen reader says them once)
        self.serving.setBuddy(self.choices)
        for button in self.choices.buttons.values():
            button.single_line = True  # "Daily", 毎日: a count is read at a glance, never broken over two lines
        words = QWidget()
        text = QVBoxLayout(words)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(0)
        text.addWidget(self.name)
        text.addWidget(self.serving)
        self.words = words
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(12)
        self.box.addWidget(words, 1)  # the counts take the width they need, the words the rest
        self.box.addWidget(self.choices, 0)
        self.box.setAlignment(words, Qt.AlignmentFlag.AlignVCenter)

    def set_stacked(self, stacked: bool) -> None:
        direction = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.box.setSpacing(4 if stacked else 12)
            # Beside the name the counts keep their one-row width; below it they take the row's width and wrap.
            policy = self.choices.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred if stacked else QSizePolicy.Policy.Fixed)
            policy.setHeightForWidth(True)
            self.choices.setSizePolicy(policy)


class CountsBoard(QWidget):
    """``picked(item, code or None)`` when a row changes; ``none_toggled(on)`` for "None of these"."""

    picked = Signal(str, object)
    none_toggled = Signal(bool)

    def __init__(self, items: Sequence[str], codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_GAP_PX)
        # The hint beside "None of these" (and any screen-wide action) while it keeps a readable width; above them
        # otherwise, so it is never squeezed to a word a line.
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(12)
        self.hint = wrapped_label(object_name="hint")
        self.none_button = BigButton(kind="option")
        self.none_button.setObjectName("choice-none")
        self.none_button.toggled.connect(self.none_toggled.emit)
        # The hint beside "None of these" labels it ("Skip foods you rarely eat." … "None of these"), so a screen
        # reader does not read it again as loose text when the board is reached.
        self.hint.setBuddy(self.none_button)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(12)
        self.action_row.addWidget(self.none_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.hint, 1)
        top.addLayout(self.action_row, 0)
        layout.addLayout(top)
        self.top = top
        self.rows: dict[str, CountRow] = {}
        for item in items:
            row = CountRow(item, codes)
            row.choices.changed.connect(lambda code, item=item: self.picked.emit(item, code))
            layout.addWidget(row)
            self.rows[item] = row

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.focusNextChild()  # the question itself has the focus: an arrow goes into its answers
            return
        super().keyPressEvent(event)

    def add_action(self, button: QWidget) -> None:
        """A screen-wide action beside "None of these" (the row is a button's height already: it costs no room)."""
        self.action_row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_value(self, counts: dict[str, str] | str | None) -> None:
        """Show the rows' codes, "none" (every row empty, the none button on) or nothing."""
        rows = counts if isinstance(counts, dict) else {}
        for item, row in self.rows.items():
            row.choices.set_value(rows.get(item))
        self.none_button.blockSignals(True)
        self.none_button.setChecked(counts == "none")
        self.none_button.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        # Side by side only when the counts and a readable name column both fit; else the names go above their
        # counts (larger text, longer count words), never squeezing either.
        counts = max((row.choices.sizeHint().width() for row in self.rows.values()), default=0)
        need = max(STACK_BELOW_PX, counts + round(NAME_MIN_PX * current_theme().text_scale) + 12)
        stacked = event.size().width() < need
        for row in self.rows.values():
            row.set_stacked(stacked)
        actions = self.action_row.sizeHint().width()
        hint_below = event.size().width() - actions - self.top.spacing() < HINT_MIN_PX * current_theme().text_scale
        direction = QBoxLayout.Direction.TopToBottom if hint_below else QBoxLayout.Direction.LeftToRight
        if self.top.direction() != direction:
            self.top.setDirection(direction)
        super().resizeEvent(event)
