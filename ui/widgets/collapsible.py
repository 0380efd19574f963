"""A section of details that opens with a tap: a full-width button with its title, and below it the content,
hidden until the button is tapped. The result's details wait here, so its first screen is the answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from screener.i18n import pgettext
from ui.widgets.buttons import BigButton


class Collapsible(QWidget):
    """``opened_changed(opened)`` after a tap opens or closes it (what Tab reaches changes with it)."""

    opened_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.toggle = BigButton(kind="secondary")
        self.toggle.align_left = True
        self.toggle.setObjectName("detailsToggle")
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(14)
        self.content.hide()
        layout.addWidget(self.toggle)
        layout.addWidget(self.content)
        self.title = ""
        self.opened = False
        self.toggle.clicked.connect(self._tapped)

    def _tapped(self) -> None:
        self.set_open(not self.opened)
        self.opened_changed.emit(self.opened)

    def set_title(self, title: str) -> None:
        self.title = title
        self.set_open(self.opened)

    def set_open(self, opened: bool) -> None:
        self.opened = opened
        self.content.setVisible(opened)
        self.toggle.setText(("▾ " if opened else "▸ ") + self.title)
        self.toggle.setAccessibleName(self.title)
        # Heard, as the arrow is seen: whether the details are open.
        self.toggle.setAccessibleDescription(
            pgettext("details are", "open") if opened else pgettext("details are", "closed")
        )
