"""Pictures of amounts: a labelled bar of a person's figure against a reference line, painted with QPainter.

The same painter draws on screen and on the printed summary, so both show the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from screener.i18n import _
from screener.wording import number
from ui.theme import Palette

if TYPE_CHECKING:
    from screener.result import Result


@dataclass(frozen=True)
class AmountBarSpec:
    """What to draw: ``value`` against ``reference`` on a scale from 0 to a little past the larger of the two."""

    title: str
    value: float
    value_label: str
    reference: float
    reference_label: str
    tone: str  # the group's level: "likely" is drawn in the concern colour, "possible" in caution, else calm

    @property
    def scale_max(self) -> float:
        return max(self.value, self.reference) * 1.15 or 1.0


def magnesium_spec(result: Result) -> AmountBarSpec | None:
    f = result.figures
    if f.food_magnesium_mg_per_day is None or f.reference_intake_mg_per_day is None:
        return None
    return AmountBarSpec(
        title=_("Magnesium from the listed foods only (estimate)"),
        value=f.food_magnesium_mg_per_day,
        value_label=_("From these foods: about {mg} mg a day").format(mg=number(f.food_magnesium_mg_per_day)),
        reference=f.reference_intake_mg_per_day,
        reference_label=_("Recommended: {mg} mg").format(mg=number(f.reference_intake_mg_per_day)),
        tone=result.groups["low_dietary_intake"].level,
    )


def caffeine_spec(result: Result) -> AmountBarSpec | None:
    f = result.figures
    if f.caffeine_mg_per_day is None:
        return None
    return AmountBarSpec(
        title=_("Caffeine per day"),
        value=f.caffeine_mg_per_day,
        value_label=_("Your drinks: about {mg} mg a day").format(mg=number(round(f.caffeine_mg_per_day, -1))),
        reference=f.caffeine_limit_mg_per_day,
        reference_label=_("EFSA: no safety concern up to {mg} mg").format(mg=number(f.caffeine_limit_mg_per_day)),
        tone=result.groups["high_caffeine"].level,
    )


def paint_amount_bar(painter: QPainter, rect: QRectF, spec: AmountBarSpec, palette: Palette, font: QFont) -> None:
    """Draw the title, a bar for the value, a marked line for the reference, and both labels inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    bold = QFont(font)
    bold.setBold(True)
    device = painter.device()
    metrics = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
    line = metrics.height()
    painter.setFont(bold)
    painter.setPen(QColor(palette.text))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignLeft, spec.title)

    bar_top = rect.top() + line * 1.3
    bar_height = max(line * 1.1, rect.height() - line * 3.6)
    track = QRectF(rect.left(), bar_top, rect.width(), bar_height)
    painter.setPen(QPen(QColor(palette.border), 1.5))
    painter.setBrush(QColor(palette.card))
    painter.drawRoundedRect(track, 4, 4)

    colour = {"likely": palette.chart_limit, "possible": palette.chart_caution}.get(spec.tone, palette.chart_fill)
    fill = QRectF(track.left(), track.top(), track.width() * min(1.0, spec.value / spec.scale_max), track.height())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(fill, 4, 4)

    x_ref = track.left() + track.width() * spec.reference / spec.scale_max
    painter.setPen(QPen(QColor(palette.text), 3, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x_ref, track.top() - line * 0.2), QPointF(x_ref, track.bottom() + line * 0.2))

    painter.setFont(font)
    painter.setPen(QColor(palette.text))
    label_top = track.bottom() + line * 0.3
    painter.drawText(QRectF(rect.left(), label_top, rect.width(), line), Qt.AlignmentFlag.AlignLeft, spec.value_label)
    # The reference label sits under its line, kept inside the rectangle.
    width = metrics.horizontalAdvance(spec.reference_label)
    x = min(max(rect.left(), x_ref - width / 2), rect.right() - width)
    painter.drawText(
        QRectF(x, label_top + line * 1.1, width + 2, line), Qt.AlignmentFlag.AlignLeft, spec.reference_label
    )
    painter.restore()


class AmountBar(QWidget):
    """The on-screen picture of one amount; its accessible name says the same in words."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: AmountBarSpec | None = None
        self._palette = palette
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_spec(self, spec: AmountBarSpec | None, palette: Palette) -> None:
        self._spec, self._palette = spec, palette
        self.setVisible(spec is not None)
        if spec:
            self.setAccessibleName(spec.title)
            self.setAccessibleDescription(f"{spec.value_label}. {spec.reference_label}.")
        self.setFixedHeight(int(QFontMetricsF(self.font()).height() * 5.2))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, int(QFontMetricsF(self.font()).height() * 5.2))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._spec is None:
            return
        painter = QPainter(self)
        paint_amount_bar(painter, QRectF(self.rect()).adjusted(4, 2, -4, -2), self._spec, self._palette, self.font())
        painter.end()
