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
    # The window manager's frame (title bar, borders) is known once the window is shown and framed: the frame,
    # not only the inside, must fit, or the footer (Start, Next) ends up below the screen's edge.
    frame, inside = window.frameGeometry(), window.geometry()
    extra_w, extra_h = max(0, frame.width() - inside.width()), max(0, frame.height() - inside.height())
    width = min(DESKTOP_SIZE[0], area.width() - extra_w)
    height = min(DESKTOP_SIZE[1], area.height() - extra_h)
    window.resize(width, height)
    window.move(
        area.left() + (area.width() - width - extra_w) // 2, area.top() + (area.height() - height - extra_h) // 2
    )


def has_frame(window: QWidget) -> bool:
    """Whether the window manager has put a frame around the window (so its size is now known)."""
    return window.frameGeometry().size() != window.geometry().size()


def clear_clipboards() -> None:
    """Empty the clipboard and, where there is one (X11), the primary selection: nothing passes to the next person."""
    clipboard = QApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
