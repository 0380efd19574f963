"""Where the window sits and what it leaves behind: a desktop window fitted to the screen's free area, and the
clipboards emptied between people."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

DESKTOP_SIZE = (1280, 800)  # what a desktop window asks for; never more than the screen has


def fit_to_screen(window: QWidget) -> None:
    """A desktop window as large as asked, but never larger than the screen's free area, and placed on it."""
    screen = QWidget.screen(window) or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*DESKTOP_SIZE)
        return
    area = screen.availableGeometry()
    width, height = min(DESKTOP_SIZE[0], area.width()), min(DESKTOP_SIZE[1], area.height())
    window.resize(width, height)
    window.move(area.left() + (area.width() - width) // 2, area.top() + (area.height() - height) // 2)


def clear_clipboards() -> None:
    """Empty the clipboard and, where there is one (X11), the primary selection: nothing passes to the next person."""
    clipboard = QApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
