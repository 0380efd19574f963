"""Scrolling made for a finger: drag the content itself (with a little momentum), a wide scroll bar, and a clear
"more below" cue whenever something is out of sight. The scroll area itself takes no keyboard focus (Tab goes
straight to the controls inside) and its bar has a name for screen readers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from ui.theme import current_theme


class MoreBelow(QWidget):
    """A band at the bottom of the viewport: a fade, an arrow and the words "More below"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("moreBelow")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.text = ""
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = current_theme().palette
        painter = QPainter(self)
        fade = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        window = QColor(palette.window)
        clear = QColor(window)
        clear.setAlpha(0)
        fade.setColorAt(0, clear)
        fade.setColorAt(0.45, window)
        fade.setColorAt(1, window)
        painter.fillRect(self.rect(), fade)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(palette.text))
        box = QRectF(self.rect()).adjusted(0, self.height() * 0.4, 0, 0)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), f"▼ {self.text} ▼")
        painter.end()


class TouchScrollArea(QScrollArea):
    """A vertical scroll area the person can drag by finger; ``at_end_changed`` tells whether all was seen."""

    at_end_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(self.viewport())
        properties = scroller.scrollerProperties()
        overshoot = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, overshoot)
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, overshoot)
        # A finger wobbles: a tap that moves a few millimetres is still a tap, not a drag.
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.006)
        # A tap reaches the button at once (by default the press waits a quarter second to see if it is a drag).
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
        scroller.setScrollerProperties(properties)
        self.more = MoreBelow(self)
        bar = self.verticalScrollBar()
        # Qt's "Scroll here / Top / Bottom" menu on a right click is a native popup that outlives a kiosk reset.
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        bar.rangeChanged.connect(lambda *_: self._update_cue())
        bar.valueChanged.connect(lambda *_: self._update_cue())
        self.viewport().installEventFilter(self)

    def set_names(self, area: str, bar: str, more: str) -> None:
        self.setAccessibleName(area)
        self.verticalScrollBar().setAccessibleName(bar)
        self.more.text = more
        self.more.update()

    def needs_scrolling(self) -> bool:
        return self.verticalScrollBar().maximum() > 0

    def at_end(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def scroll_to_top(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.verticalScrollBar().setValue(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Page Up / Page Down / Home / End move the page, and the focus moves to the first thing Tab reaches in
        view, so a screen reader says where the page is now (a focus left out of sight says nothing)."""
        bar = self.verticalScrollBar()
        targets = {
            Qt.Key.Key_PageUp: bar.value() - bar.pageStep(),
            Qt.Key.Key_PageDown: bar.value() + bar.pageStep(),
            Qt.Key.Key_Home: bar.minimum(),
            Qt.Key.Key_End: bar.maximum(),
        }
        if event.key() not in targets or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        QScroller.scroller(self.viewport()).stop()
        bar.setValue(max(bar.minimum(), min(bar.maximum(), targets[Qt.Key(event.key())])))
        first = self.first_in_view(last=event.key() == Qt.Key.Key_End)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        event.accept()

    def first_in_view(self, last: bool = False) -> QWidget | None:
        """The first (or last) widget Tab reaches whose top is in view."""
        content = self.widget()
        if content is None:
            return None
        viewport = self.viewport()
        shown = []
        for widget in content.findChildren(QWidget):
            if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(content):
                continue
            top = widget.mapTo(viewport, widget.rect().topLeft()).y()
            if 0 <= top < viewport.height():
                shown.append(widget)
        if not shown:
            return None
        return shown[-1] if last else shown[0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._update_cue()
        return False

    def _update_cue(self) -> None:
        viewport = self.viewport().geometry()
        height = min(90, max(56, viewport.height() // 8))
        self.more.setGeometry(viewport.left(), viewport.bottom() - height + 1, viewport.width(), height)
        show = self.needs_scrolling() and not self.at_end()
        if show != self.more.isVisible():
            self.more.setVisible(show)
            self.at_end_changed.emit(not show)
        if show:
            self.more.raise_()
