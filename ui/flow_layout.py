"""A layout that places widgets in a row and wraps to the next row when the width runs out.

Used for the header's buttons, the footer's actions, the number pad and each row of counts, so nothing is
squeezed or cut off on a narrow or portrait screen, or in large-text mode.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from ui.item_layout import WidthDrivenLayout


class FlowLayout(WidthDrivenLayout):
    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, align_right: bool = False, one_row_hint: bool = False
    ) -> None:
        super().__init__(parent, spacing)
        self._align_right = align_right
        # With one_row_hint the preferred size is everything on one row (a row of counts beside its name), while the
        # minimum stays the widest item: given less room, it wraps instead of cutting words.
        self._one_row_hint = one_row_hint

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - like QBoxLayout's
        self.addWidget(widget)
        item = self._items.pop()
        self._items.insert(index, item)
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if not self._one_row_hint:
            return self.minimumSize()
        shown = self._visible()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing * max(0, len(shown) - 1)
        return QSize(width, max((item.sizeHint().height() for item in shown), default=0))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        visible = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                visible.append(item)
        return visible

    def _arrange(self, rect: QRect, move: bool) -> int:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if rows[-1] and used + self._spacing + width > rect.width():
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + width
            rows[-1].append(item)
        y = rect.y()
        for row in rows:
            if not row:
                continue
            height = max(item.sizeHint().height() for item in row)
            total = sum(item.sizeHint().width() for item in row) + self._spacing * (len(row) - 1)
            x = rect.right() - total + 1 if self._align_right else rect.x()
            for item in row:
                if move:
                    item.setGeometry(QRect(QPoint(x, y), item.sizeHint()))
                x += item.sizeHint().width() + self._spacing
            y += height + self._spacing
        return max(0, y - rect.y() - self._spacing)
