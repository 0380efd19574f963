"""No way out of the kiosk by finger or key: the window stays full screen and on top.

Under a kiosk compositor (cage) there is nothing to leave to. Under X11 with a window manager (the fallback),
the window manager can still minimise, hide or un-fullscreen it (a title-bar button, Super+D, Alt+Space), take it
out of the top layer (Alt+Space → Layer → Normal) or let another window cover it: within a second the guard puts it
back (``ui/kiosk/x11_layer.py`` reads and asks the window manager for the layer and the stacking). Close requests,
Esc and Alt+F4 are refused. Dialogs are drawn inside the window, so there is no second window to minimise the kiosk
through.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.kiosk.x11_layer import X11Layer

log = logging.getLogger(__name__)
WATCH_INTERVAL_MS = 400


class WindowGuard(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.allow_exit = False
        self.restores = 0
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.x11 = X11Layer.open() if QGuiApplication.platformName() == "xcb" else None
        self.placed = False  # the window manager has had the window in place once (until then it is still mapping)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.check)
        self.watch.start()

    def stop(self) -> None:
        self.allow_exit = True
        self.watch.stop()
        if self.x11 is not None:
            self.x11.close()
            self.x11 = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def out_of_place(self) -> bool:
        window = self.window
        state = window.windowState()
        covering = Qt.WindowState.WindowFullScreen
        if QGuiApplication.platformName() == "wayland":
            # A kiosk compositor (cage) gives the one window the whole output as "maximized" and ignores a
            # full-screen request: that is already the whole screen, with no frame and nothing to leave to.
            covering |= Qt.WindowState.WindowMaximized
        handle = window.windowHandle()
        hidden_by_manager = handle is not None and not handle.isExposed()  # e.g. "show desktop" unmaps it
        return (
            not window.isVisible()
            or hidden_by_manager
            or bool(state & Qt.WindowState.WindowMinimized)
            or not bool(state & covering)
        )

    def check(self) -> None:
        if self.allow_exit:
            return
        if self.out_of_place():
            self.restores += 1
            log.warning("kiosk window was minimised, hidden or left full screen: restored")
            self.restore()
            return
        self.keep_on_top()

    def keep_on_top(self) -> None:
        """Under X11: back to the top layer and above every other window, and out of "show desktop"."""
        handle = self.window.windowHandle()
        if self.x11 is None or handle is None or not handle.isExposed():
            return
        window = int(self.window.winId())
        stacking = self.x11.stacking(window)
        if stacking.in_place or not self.placed:
            self.placed = self.placed or stacking.in_place
            return
        self.restores += 1
        lost = [
            name
            for name, happened in (
                ("left the top layer", not stacking.in_top_layer),
                ("left full screen", not stacking.full_screen),
                ("was covered by another window", not stacking.on_top),
                ('was hidden by "show desktop"', stacking.showing_desktop),
            )
            if happened
        ]
        log.warning("kiosk window %s: put back on top", " and ".join(lost))
        self.x11.put_back(window, stacking)
        self.window.raise_()

    def restore(self) -> None:
        window = self.window
        handle = window.windowHandle()
        if window.isVisible() and handle is not None and not handle.isExposed():
            # "Show desktop" unmaps the window behind Qt's back: Qt still thinks it is shown, so only hiding and
            # showing it again maps it back (and a window manager leaves its show-desktop mode for it).
            window.hide()
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen
        )
        window.showFullScreen()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Close and not self.allow_exit:
                event.ignore()
                log.info("close request ignored (kiosk)")
                return True
            if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Hide) and not self.allow_exit:
                QTimer.singleShot(50, self.check)  # at once, not only on the next watch tick
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            alt_f4 = event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if (event.key() == Qt.Key.Key_Escape or alt_f4) and not self._inside_dialog(watched):
                event.accept()
                return True
        return False

    @staticmethod
    def _inside_dialog(watched: QObject) -> bool:
        """Esc may still cancel an in-window dialog (it never reaches the window)."""
        from ui.widgets.overlay import OverlayDialog

        widget = watched if isinstance(watched, QWidget) else None
        while widget is not None:
            if isinstance(widget, OverlayDialog):
                return True
            widget = widget.parentWidget()
        return False
