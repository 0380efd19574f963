"""A grid that chooses its own number of columns from the width it gets: as many as fit at a readable width,
with rows balanced (five choices are 3 + 2, never 4 + 1), every cell the same height. An ordered scale (never …
nearly every day) is one row when it fits, else two rows of its halves, else one column, so its order always reads
the same way."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from ui.item_layout import WidthDrivenLayout


class BalancedGrid(WidthDrivenLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        min_cell: int = 170,
        max_columns: int = 8,
        spacing: int = 10,
        ordered: bool = False,
    ) -> None:
        super().__init__(parent, spacing)
        self.ordered = ordered
        self.min_cell = min_cell
        self.max_columns = max_columns

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation.Horizontal

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        visible = self._visible()
        if not visible:
            return QSize(0, 0)
        columns = min(len(visible), self.max_columns)
        widest = max(max(item.sizeHint().width() for item in visible), self.min_cell)
        width = columns * widest + (columns - 1) * self._spacing
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The narrowest width, but the height of the preferred layout: a scroll area or box layout adds minimum
        heights up, and a one-column height here would make every screen look taller than it is. The real height
        comes from heightForWidth."""
        visible = self._visible()
        if not visible:
            return QSize(0, 0)
        width = max(item.minimumSize().width() for item in visible)
        return QSize(width, self.heightForWidth(self.sizeHint().width()))

    def columns_for(self, width: int) -> int:
        visible = self._visible()
        if not visible:
            return 1
        widest_need = max(item.minimumSize().width() for item in visible)
        cell = max(self.min_cell, widest_need)
        fit = max(1, min(self.max_columns, (width + self._spacing) // (cell + self._spacing)))
        if self.ordered:
            # One row when it fits with no label over two lines; else two rows of its halves, read left to right
            # (a long scale, none … every night, always so); else a column ("15 to 21 drinks" in three lines is
            # harder to read than a list).
            if len(visible) <= 5 and fit >= len(visible) and self._readable(visible, len(visible), width):
                return len(visible)
            half = math.ceil(len(visible) / 2)
            return half if len(visible) >= 4 and fit >= half and self._readable(visible, half, width) else 1
        rows = math.ceil(len(visible) / fit)
        return math.ceil(len(visible) / rows)

    def _readable(self, visible: list[QLayoutItem], columns: int, width: int) -> bool:
        """Whether every label keeps to two lines in cells of ``columns`` across ``width``."""
        cell = (width - (columns - 1) * self._spacing) // columns
        for item in visible:
            widget = item.widget()
            if widget is None or not item.hasHeightForWidth():
                continue
            one_line = item.heightForWidth(100_000)
            if item.heightForWidth(cell) > one_line + widget.fontMetrics().lineSpacing():
                return False
        return True

    def _visible(self) -> list[QLayoutItem]:
        visible = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                visible.append(item)
        return visible

    def _arrange(self, rect: QRect, move: bool) -> int:
        visible = self._visible()
        if not visible:
            return 0
        columns = self.columns_for(rect.width())
        cell_width = (rect.width() - (columns - 1) * self._spacing) // columns
        # One height for every cell, so rows line up and no answer looks bigger than another.
        height = max(
            item.heightForWidth(cell_width) if item.hasHeightForWidth() else item.sizeHint().height()
            for item in visible
        )
        y = rect.y()
        for start in range(0, len(visible), columns):
            row = visible[start : start + columns]
            if move:
                for index, item in enumerate(row):
                    x = rect.x() + index * (cell_width + self._spacing)
                    item.setGeometry(QRect(QPoint(x, y), QSize(cell_width, height)))
            y += height + self._spacing
        return y - rect.y() - self._spacing
