"""The one button of the app: finger-sized, wrapping its words instead of cutting them, a tick (not only a colour)
when chosen, and a dashed focus ring, in a colour no chosen answer has, only while the keyboard is in use.

It paints itself (no style sheet) and wraps its own lines: English at spaces and hyphens, Japanese at phrase
boundaries (after 、 and 〜, around brackets, after a particle before a word: マグネシウムの / サプリメント), never
leaving one character alone on a line as plain character wrapping would, and never cutting a word it has room for.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ui.theme import MIN_TARGET_PX, SMALL_TARGET_PX, current_theme
from ui.widgets.focus import keyboard_mode

Kind = Literal["option", "primary", "secondary", "tool", "count", "key"]
CHECK_MARK = "✓"
RING = 4  # room kept around the body for the focus ring
PAD_X, PAD_Y = 16, 8
TICK_ROOM = 14  # small buttons keep this much on the left for their corner tick
BREAK_AFTER = set("、。，,）」』〜～・／/ -")
BREAK_BEFORE = set("（「『")


PARTICLES = set("のをはがにでともやへ")  # a Japanese line may break after one of these when a word follows


def _particle(char: str) -> bool:
    return char in PARTICLES


def _word_start(char: str) -> bool:
    """Katakana or a kanji: where a Japanese word starts after a particle written in hiragana."""
    return "\u30a0" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff"


def chunks(text: str) -> list[str]:
    """The pieces a line may break between: words in English, phrases in Japanese."""
    pieces: list[str] = []
    current = ""
    for char in text:
        if current and (char in BREAK_BEFORE or (_particle(current[-1]) and _word_start(char))):
            pieces.append(current)
            current = ""
        current += char
        if char in BREAK_AFTER:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Lines no wider than ``width``, broken only between pieces; a piece too wide for any line is cut by
    characters (only then)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in chunks(paragraph):
            if metrics.horizontalAdvance(line + piece.rstrip()) <= width or not line:
                line += piece
                continue
            lines.append(line.rstrip())
            line = piece
        lines.append(line.rstrip())
    fitted: list[str] = []
    for line in lines:
        while metrics.horizontalAdvance(line) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and metrics.horizontalAdvance(line[:cut]) > width:
                cut -= 1
            fitted.append(line[:cut])
            line = line[cut:]
        fitted.append(line)
    return fitted


class BigButton(QAbstractButton):
    """A big button. ``option`` and ``count`` buttons are checkable answers; ``primary`` is the main action."""

    def __init__(self, text: str = "", kind: Kind = "secondary", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind: Kind = kind
        self.align_left = False
        # A footer or header action keeps its words on one line: the layout gives it the room, never a second line
        # inside a button made for one (the step text beside it wraps instead).
        self.single_line = False
        # The narrowest it may be (footer buttons line up); kept in the size hints, not as a fixed minimum size,
        # which Qt would put above the room the words need.
        self.least_width = 0
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
        """Answers and header switches carry a full-size tick before the words; small count and key buttons in a
        corner instead."""
        return self.isCheckable() and self.kind not in ("count", "key")

    def _pads(self) -> tuple[int, int]:
        """Room left and right of the words (a corner tick gets its own room on the left)."""
        pad = {"count": 8, "key": 10, "tool": 12}.get(self.kind, PAD_X)
        left = pad + (TICK_ROOM if self.isCheckable() and not self._inline_tick() else 0)
        return left, pad

    def _inner_width(self, width: int) -> int:
        left, right = self._pads()
        return max(10, width - left - right - 2 * RING)

    def _words(self) -> str:
        # Room for the tick is always kept, so choosing an answer never moves or resizes anything.
        return f"{CHECK_MARK} {self.text()}" if self._inline_tick() else self.text()

    def _label(self) -> str:
        return f"{CHECK_MARK} {self.text()}" if self.isChecked() and self._inline_tick() else self.text()

    def _paint_font(self) -> QFont:
        """Bold for counts, keys and the main action, always: a choice changes its fill, never its size."""
        font = QFont(self.font())
        font.setBold(self.kind in ("primary", "count", "key"))
        if self.kind == "count" and len(self.text()) > 2 and font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * 0.85))  # "Daily", "2+ a day": a count row stays one row
        return font

    def _lines(self, width: int, text: str | None = None) -> list[str]:
        if self.single_line:
            return (self._words() if text is None else text).split("\n")
        return wrap(self._words() if text is None else text, QFontMetrics(self._paint_font()), self._inner_width(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(self._paint_font())
        left, right = self._pads()
        widest = max((metrics.horizontalAdvance(line) for line in self._words().split("\n")), default=0)
        width = widest + left + right + 2 * RING + 2
        width = max(width, self._min_height(), self.least_width)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(self._paint_font())
        left, right = self._pads()
        widest = max((metrics.horizontalAdvance(piece.rstrip()) for piece in chunks(self._words())), default=0)
        if self.single_line:
            widest = max((metrics.horizontalAdvance(line) for line in self._words().split("\n")), default=0)
        least = self._min_height()  # square at the least: a finger-sized target both ways
        # The height at the narrowest width would be combined with the preferred width by layouts, giving a tall
        # button on a wide row: the real height comes from heightForWidth.
        return QSize(max(least, self.least_width, widest + left + right + 2 * RING + 2), self._min_height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        lines = len(self._lines(width))
        return max(self._min_height(), lines * QFontMetrics(self._paint_font()).lineSpacing() + 2 * (PAD_Y + RING))

    def text_fits(self) -> bool:
        """Whether every word is shown at the button's current size (for the tour's fit check)."""
        metrics = QFontMetrics(self._paint_font())
        lines = self._lines(self.width(), self._label())
        tall = len(lines) * metrics.lineSpacing() <= self.height() - 2 * RING
        inner = self._inner_width(self.width()) + 1
        wide = all(metrics.horizontalAdvance(line) <= inner for line in lines)
        # A word cut in two ("Clea / r", "サプリメン / ト") is not whole even though every letter is drawn.
        whole = self.single_line or all(
            metrics.horizontalAdvance(piece.rstrip()) <= inner for piece in chunks(self._label())
        )
        return tall and wide and whole

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
        painter.setPen(text)
        font = self._paint_font()
        painter.setFont(font)
        left, right = self._pads()
        inner = body.adjusted(left, PAD_Y, -right, -PAD_Y)
        lines = self._lines(self.width(), self._label())
        horizontal = Qt.AlignmentFlag.AlignLeft if self.align_left else Qt.AlignmentFlag.AlignHCenter
        painter.drawText(inner, int(horizontal | Qt.AlignmentFlag.AlignVCenter), "\n".join(lines))
        if self.isChecked() and not self._inline_tick():
            small = QFont(font)
            small.setPixelSize(max(12, round(font.pixelSize() * 0.6)) if font.pixelSize() > 0 else 12)
            painter.setFont(small)
            corner = body.adjusted(6, 2, -4, -2)
            painter.drawText(corner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), CHECK_MARK)
        if self.hasFocus() and keyboard_mode():
            ring = QPen(QColor(palette.focus), 3, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 13, 13)
        painter.end()
