"""The idle watch: after a while with no touch, "Are you still there?" with a countdown of at least 20 seconds
(WCAG 2.2.1; EN 301 549 for self-service terminals) that any touch extends; when it runs out, the session is
wiped for the next person. The result screen gets its own, longer time."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from screener.i18n import _
from ui.widgets.overlay import OverlayDialog

log = logging.getLogger(__name__)

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class IdleWatch(QObject):
    """``expired`` when the countdown runs out. ``idle_seconds()`` says how long to wait before asking."""

    expired = Signal()

    def __init__(
        self,
        host: QWidget,
        idle_seconds: Callable[[], int],
        countdown_seconds: int,
        is_pristine: Callable[[], bool],
    ) -> None:
        super().__init__(host)
        self.host = host
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.is_pristine = is_pristine
        self.remaining = 0
        self.dialog: OverlayDialog | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.start_countdown)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._tick)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        self.idle_timer.stop()
        self.countdown_timer.stop()
        self._close_dialog()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def counting(self) -> bool:
        return self.dialog is not None

    def restart(self) -> None:
        if not self.counting():
            self.idle_timer.start(self.idle_seconds() * 1000)

    def start_countdown(self) -> None:
        if self.is_pristine():
            self.restart()
            return
        self.remaining = self.countdown_seconds
        self.dialog = OverlayDialog(self.host, _("Are you still there?"), cancel_code="still_here")
        self.dialog.setObjectName("backdrop")
        self.dialog.add_button("still_here", _("I'm still here"), primary=True)
        self.dialog.answered.connect(lambda _code: self.cancel())
        self._show_seconds()
        self.dialog.open_over("still_here")
        self.countdown_timer.start()
        log.info("idle countdown started")

    def retranslate_ui(self) -> None:
        if self.dialog is not None:
            self.dialog.title.setText(_("Are you still there?"))
            self.dialog.setAccessibleName(self.dialog.title.text())
            self.dialog.buttons["still_here"].setText(_("I'm still here"))
            self.dialog.buttons["still_here"].setAccessibleName(_("I'm still here"))
            self._show_seconds()

    def _show_seconds(self) -> None:
        if self.dialog is None:
            return
        self.dialog.text.setText(
            _(
                "To keep your answers private, they will be cleared in {seconds} seconds. Touch the screen to keep "
                "going."
            ).format(seconds=self.remaining)
        )
        self.dialog.text.show()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.countdown_timer.stop()
            self._close_dialog()
            log.info("idle countdown ran out")
            self.expired.emit()
        else:
            self._show_seconds()

    def cancel(self) -> None:
        """Any touch: the countdown stops and the person carries on with everything kept."""
        if self.dialog is not None:
            self.countdown_timer.stop()
            self._close_dialog()
            log.info("idle countdown cancelled")
        self.restart()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.dismiss()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY_EVENTS:
            if self.counting():
                # One touch anywhere extends the time, even one that lands outside the button.
                QTimer.singleShot(0, self.cancel)
            else:
                self.restart()
        return False
