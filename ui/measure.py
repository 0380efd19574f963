"""What a person sees of a window, measured from what is drawn: text cut off, and how big the tap targets are.

Used by the tour (each screen's ``clipped``, ``min_target_px`` and ``min_gap_px`` in ``manifest.json``) and its
tests. It looks at the whole window — header, screen and footer — not only the screen's body, and at every visible
label and button, with each widget's own font and size as laid out, so "fits" means every word is whole.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QScrollBar, QWidget

from ui.widgets.buttons import BigButton


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _label_fits(label: QLabel) -> bool:
    text = label.text()
    if not text:
        return True
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height() + 1
    contents = label.contentsRect()
    metrics = QFontMetrics(label.font())
    lines = text.split("\n")
    wide = max(metrics.horizontalAdvance(line) for line in lines) <= contents.width() + 1
    tall = metrics.lineSpacing() * len(lines) <= contents.height() + metrics.leading() + 1
    return wide and tall


def clipped(root: QWidget) -> list[str]:
    """Every visible label and button under ``root`` whose words do not fit the rectangle it was given."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root):
            continue
        if isinstance(widget, BigButton):
            if not widget.text_fits():
                found.append(widget.text())
        elif isinstance(widget, QLabel) and not _label_fits(widget):
            found.append(widget.text())
    return found


def targets(root: QWidget) -> list[QWidget]:
    """What a finger can tap: visible, enabled buttons and text boxes (scroll bars are swiped past, not tapped)."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QLineEdit)
        and not isinstance(widget, QScrollBar)
        and _shown(widget, root)
        and widget.isEnabled()
    ]


def _target_rect(widget: QWidget, root: QWidget) -> QRect:
    """The part of a target a finger can reach now: its rectangle (a big button's focus-ring margin included, since
    it takes the tap) less what a scroll area hides; empty when it is scrolled out of sight."""
    seen = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(root, seen.topLeft()), seen.size())


def min_target_px(root: QWidget) -> int:
    """The smallest side of any tap target (0 when there is none)."""
    sizes = [min(widget.width(), widget.height()) for widget in targets(root)]
    return min(sizes, default=0)


def min_gap_px(root: QWidget) -> int | None:
    """The smallest distance between two tap targets that do not overlap (None with fewer than two)."""
    rects = [rect for rect in (_target_rect(widget, root) for widget in targets(root)) if not rect.isEmpty()]
    gaps = []
    for a, b in combinations(rects, 2):
        if a.intersects(b):
            continue  # a box and its own buttons, or a button inside a group
        dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1, 0)
        dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1, 0)
        gaps.append(max(dx, dy))
    return min(gaps, default=None)


def shown_texts(screen: QWidget, viewport: QWidget) -> list[str]:
    """The words of every visible label and button of a screen's body that lie, at least in part, inside the
    scroll area's viewport: what the person sees of it before scrolling (rich text as read, without markup)."""
    from PySide6.QtGui import QTextDocumentFragment

    seen = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
    texts = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not _shown(widget, screen):
            continue
        where = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
        if not seen.intersects(where):
            continue
        text = widget.text()
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText and "<" in text:
            text = QTextDocumentFragment.fromHtml(text).toPlainText()
        if text:
            texts.append(text)
    return texts
