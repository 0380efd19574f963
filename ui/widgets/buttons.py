"""The one button of the app: finger-sized, wrapping its words instead of cutting them, a tick (not only a colour)
when chosen, and a dashed focus ring, in a colour no chosen answer has, only while the keyboard is in use.

It paints itself (no style sheet), so the text can wrap and the size follows the words in either language.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ui.theme import MIN_TARGET_PX, SMALL_TARGET_PX, current_theme
from ui.widgets.focus import keyboard_mode

Kind = Literal["option", "primary", "secondary", "tool", "count", "key"]
CHECK_MARK = "✓"
RING = 4  # room kept around the body for the focus ring
PAD_X, PAD_Y = 16, 8


class BigButton(QAbstractButton):
    """A big button. ``option`` and ``count`` buttons are checkable answers; ``primary`` is the main action."""

    def __init__(self, text: str = "", kind: Kind = "secondary", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind: Kind = kind
        self.align_left = False
        self.setText(text)
        self.setCheckable(kind in ("option", "count"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)

    # --- size ---------------------------------------------------------------------------------------------------

    def _min_height(self) -> int:
        base = SMALL_TARGET_PX if self.kind in ("primary", "secondary", "tool") else MIN_TARGET_PX
        return round(base * max(1.0, current_theme().text_scale * 0.85))

    def _inline_tick(self) -> bool:
        """Answers carry their tick before the words; small count, key and header buttons in a corner instead."""
        return self.isCheckable() and self.kind not in ("count", "key", "tool")

    def _pad_x(self) -> int:
        return {"count": 6, "key": 6, "tool": 10}.get(self.kind, PAD_X)

    def _words(self) -> str:
        # Room for the tick is always kept, so choosing an answer never moves or resizes anything.
        return f"{CHECK_MARK} {self.text()}" if self._inline_tick() else self.text()

    def _label(self) -> str:
        return f"{CHECK_MARK} {self.text()}" if self.isChecked() and self._inline_tick() else self.text()

    def _paint_font(self) -> QFont:
        """Bold for counts, keys and the main action, always: a choice changes its fill, never its size."""
        font = QFont(self.font())
        font.setBold(self.kind in ("primary", "count", "key"))
        return font

    def _text_width(self) -> int:
        metrics = QFontMetrics(self._paint_font())
        return max((metrics.horizontalAdvance(line) for line in self._words().split("\n")), default=0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = self._text_width() + 2 * (self._pad_x() + RING) + 2
        return QSize(max(width, self._min_height()), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(self._paint_font())
        longest = max((metrics.horizontalAdvance(word) for word in self._words().split()), default=0)
        longest = min(longest, metrics.horizontalAdvance("M" * 8))  # a long word may break; the row stays usable
        least = 56 if self.kind in ("count", "key") else self._min_height()
        width = max(least, longest + 2 * (self._pad_x() + RING) + 2)
        # The height at the narrowest width would be combined with the preferred width by layouts, giving a tall
        # button on a wide row: the real height comes from heightForWidth.
        return QSize(width, self._min_height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        inner = max(10, width - 2 * (self._pad_x() + RING))
        bounds = QFontMetrics(self._paint_font()).boundingRect(QRect(0, 0, inner, 10_000), self._flags(), self._words())
        return max(self._min_height(), bounds.height() + 2 * (PAD_Y + RING))

    def text_fits(self) -> bool:
        """Whether every word is shown at the button's current size (for the tour's fit check)."""
        inner = self.width() - 2 * (self._pad_x() + RING)
        bounds = QFontMetrics(self._paint_font()).boundingRect(QRect(0, 0, inner, 10_000), self._flags(), self._label())
        return bounds.width() <= inner + 1 and bounds.height() <= self.height() - 2 * RING

    def _flags(self) -> int:
        horizontal = Qt.AlignmentFlag.AlignLeft if self.align_left else Qt.AlignmentFlag.AlignHCenter
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)

    # --- behaviour ----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.ignore()  # the group moves focus; a lone button lets the key go to its parent
            return
        super().keyPressEvent(event)

    def checkStateSet(self) -> None:  # noqa: N802 - Qt's name
        super().checkStateSet()
        self.update()

    # --- look ---------------------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = current_theme().palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = QRectF(self.rect()).adjusted(RING, RING, -RING, -RING)
        filled = self.isChecked() or self.kind == "primary"
        fill = QColor(palette.accent if filled else palette.card)
        text = QColor(palette.accent_text if filled else palette.text)
        border = QColor(palette.accent if filled else palette.border)
        if self.isDown():
            fill = fill.darker(115) if filled else QColor(palette.window).darker(110)
        pen = QPen(border, 2.5)
        if not self.isEnabled():
            text, pen = QColor(palette.muted), QPen(QColor(palette.muted), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(body, 10, 10)
        if self.isChecked():
            painter.setPen(QPen(QColor(palette.accent_text), 1))
        painter.setPen(text)
        font = self._paint_font()
        painter.setFont(font)
        inner = body.adjusted(self._pad_x(), PAD_Y, -self._pad_x(), -PAD_Y)
        painter.drawText(inner, self._flags(), self._label())
        if self.isChecked() and not self._inline_tick():
            small = QFont(font)
            small.setPixelSize(max(12, round(font.pixelSize() * 0.6)) if font.pixelSize() > 0 else 12)
            painter.setFont(small)
            painter.drawText(
                body.adjusted(5, 2, -4, -2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), CHECK_MARK
            )
        if self.hasFocus() and keyboard_mode():
            ring = QPen(QColor(palette.focus), 3, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 13, 13)
        painter.end()
