"""The chart-note QR code in the summary's top-right corner: vector squares with a caption under them.

The code carries ``screener.chart_line``'s line; a staff member's barcode scanner types it into the chart. It is
drawn as filled squares (one path of runs per row), so it stays sharp at any printer resolution, and its size is
fixed in millimetres (``MODULE_MM`` a module) whatever the type scale of the page: a scanner needs the squares, not
the words, to be big enough. The summary's first paragraphs are narrowed, and pushed down when they are shorter than
the code, so no text runs under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QTextCursor, QTextDocument

from screener.i18n import _
from ui.fonts import BUNDLED_FAMILY

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintDevice

MODULE_MM = 0.8  # 0.8 mm squares: zbar and ZXing read them from a 100 dpi blurred JPEG of the corner (a phone photo)
QUIET_MODULES = 4  # the light margin the QR standard asks for; above and right of the code it is the page margin
CAPTION_PT = 7.0


def caption() -> str:
    return _("Scan for the chart note")


class ChartCodeCorner:
    """Sizes (in device pixels) and painting of the chart-note code for one summary page."""

    def __init__(self, device: QPaintDevice, line: str) -> None:
        from screener.chart_line import chart_code

        self.code = chart_code(line)
        self.dark = [list(row) for row in self.code.matrix_iter(scale=1, border=0)]
        per_mm = device.logicalDpiY() / 25.4  # a QPdfWriter's or QPrinter's resolution
        self.module = MODULE_MM * per_mm
        self.side = len(self.dark) * self.module
        self.quiet = QUIET_MODULES * self.module
        self.font = QFont(BUNDLED_FAMILY)
        self.font.setPointSizeF(CAPTION_PT)
        metrics = QFontMetricsF(self.font, device)
        # The caption may be wider than the code (up to half again), so a short one stays on one line.
        self.column = max(self.side, min(metrics.horizontalAdvance(caption()) * 1.05, self.side * 1.5))
        self.caption_height = metrics.boundingRect(
            QRectF(0, 0, self.column, self.side), int(Qt.TextFlag.TextWordWrap), caption()
        ).height()
        self.gap = self.quiet  # the caption stays out of the quiet zone under the code
        self.width = self.column + self.quiet
        self.height = self.side + self.gap + self.caption_height + self.quiet

    def reserve(self, doc: QTextDocument) -> None:
        """Keep the corner free: narrow every paragraph before the first table, and push that table below."""
        cursor = QTextCursor(doc)
        block = doc.begin()
        last = table = None
        while block.isValid():
            cursor.setPosition(block.position())
            table = cursor.currentTable()
            if table is not None:
                break
            form = block.blockFormat()
            form.setRightMargin(form.rightMargin() + self.width)
            cursor.setBlockFormat(form)
            last = block
            block = block.next()
        if table is None or last is None:
            return
        # Push the first table down to below the code and its caption. A paragraph's bottom margin would not move
        # it (Qt collapses it into the table's); a table's margin is in CSS pixels (1/96 inch), not device pixels.
        layout = doc.documentLayout()
        layout.documentSize()  # lay out with the narrower paragraphs
        top = layout.frameBoundingRect(table).top()
        if top < self.height:
            device = layout.paintDevice()
            css_pixel = device.logicalDpiY() / 96 if device is not None else 1.0
            form = table.format()
            form.setTopMargin(form.topMargin() + (self.height - top) / css_pixel)
            table.setFormat(form)

    def paint(self, painter: QPainter, page_width: float) -> None:
        """Draw the code at the top right of the page's printable area, with its caption centred under it."""
        column_left = page_width - self.column
        left = column_left + (self.column - self.side) / 2
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for y, row in enumerate(self.dark):
            x = 0
            while x < len(row):
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < len(row) and row[x]:
                    x += 1
                run = QRectF(left + start * self.module, y * self.module, (x - start) * self.module, self.module)
                path.addRect(run)
        painter.save()
        try:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            painter.drawPath(path)
            painter.setPen(QColor("black"))
            painter.setFont(self.font)
            text_rect = QRectF(column_left, self.side + self.gap, self.column, self.caption_height)
            flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(text_rect, flags, caption())
        finally:
            painter.restore()
