"""Dialogs inside the window: a dimmed layer over everything with a card in the middle.

Never a separate window, so a window manager gives it no title bar to minimise the kiosk with, it cannot be lost
behind the app, and it is sized for a finger and written in the person's language. Taps outside the card do
nothing (the layer takes them); Tab stays inside the card; closing it destroys it, so it leaves the accessibility
tree and the next person never meets it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from ui.labels import wrapped_label
from ui.widgets.buttons import BigButton
from ui.widgets.grid import BalancedGrid
from ui.widgets.tap_guard import TapGuard

CARD_MAX_WIDTH = 820


class OverlayDialog(QDialog):
    """An in-window dialog. ``answered(code)`` fires once with the code of the button pressed (or ``cancel``)."""

    answered = Signal(str)

    def __init__(self, host: QWidget, title: str, text: str = "", cancel_code: str | None = "cancel") -> None:
        super().__init__(host)
        self.setWindowFlags(Qt.WindowType.Widget)  # a child widget, never a window of its own
        self.setObjectName("backdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(title)
        self.host = host
        self.cancel_code = cancel_code
        self.code: str | None = None
        self.return_to: QWidget | None = None
        self.card = QFrame()
        self.card.setObjectName("dialog")
        self.card.setMaximumWidth(CARD_MAX_WIDTH)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(16)
        self.title = wrapped_label(title, "heading")
        self.text = wrapped_label(text)
        self.text.setVisible(bool(text))
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        inner.addLayout(self.body)
        button_row = QWidget()
        self.buttons_layout = BalancedGrid(button_row, min_cell=220, max_columns=3)
        inner.addWidget(button_row)
        self.buttons: dict[str, BigButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        host.installEventFilter(self)
        self.hide()

    def add_button(self, code: str, text: str, primary: bool = False) -> BigButton:
        button = BigButton(text, kind="primary" if primary else "secondary")
        button.setAccessibleName(text)
        button.clicked.connect(lambda _c=False: self.finish(code))
        self.buttons_layout.addWidget(button)
        self.buttons[code] = button
        return button

    def open_over(self, focus: str | None = None) -> None:
        """Cover the host and take the focus (onto ``focus``, the safe choice, or the first button)."""
        before = QApplication.focusWidget()
        # Where the focus goes back to when it closes: what opened it, not the first control of the window.
        self.return_to = before if before is not None and not self.isAncestorOf(before) else None
        self.setGeometry(self.host.rect())
        self.show()
        self.raise_()
        guard = TapGuard.of(self.host)
        if guard is not None:  # a second tap of the one that opened it must not land on its buttons
            guard.screen_changed()
        target = self.buttons.get(focus or "") or next(iter(self.buttons.values()), None)
        if target is not None:
            # The message is heard with the button the focus lands on (a screen reader reads a dialog's label
            # only when it has three English words or more: a Japanese one never).
            target.setAccessibleDescription(self.text.text())
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def finish(self, code: str) -> None:
        """Close with this answer (only the first answer counts: a second tap lands on nothing)."""
        if self.code is not None:
            return
        self.code = code
        self._destroy()
        self.answered.emit(code)

    def dismiss(self) -> None:
        """Close without an answer (a reset): nothing is reported, and the dialog is destroyed."""
        if self.code is None:
            self.code = ""
        self._destroy()

    def _destroy(self) -> None:
        """Hidden at once and deleted soon after: it leaves the screen and the accessibility tree."""
        self._release()
        self.hide()
        self.deleteLater()
        back = self.return_to
        if back is not None and isValid(back) and back.isVisible() and back.isEnabled():
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _release(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.host.removeEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            if self.cancel_code is not None:
                self.finish(self.cancel_code)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, BigButton) and self.isAncestorOf(focused):
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        """Tab and Shift+Tab go round the card's own controls: the focus never lands, even for a moment, on a
        control under the layer (a screen reader said "Larger text check box" before the focus was sent back)."""
        start = QApplication.focusWidget()
        if start is None or not self.isAncestorOf(start):
            return super().focusNextPrevChild(next)
        widget: QWidget | None = start
        while widget is not None:
            widget = widget.nextInFocusChain() if next else widget.previousInFocusChain()
            if widget is start or widget is None:
                return True
            reachable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
            if self.isAncestorOf(widget) and reachable and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
                return True
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.host.rect())
        elif (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QWidget)
            and self.isVisible()
            and watched.window() is self.window()
            and not self.isAncestorOf(watched)
            and watched is not self
        ):
            # Tab must not wander to the controls under the layer.
            first = next(iter(self.buttons.values()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
        return False

    # QDialog's own modal loop and accept/reject are not used: everything goes through finish().
    def reject(self) -> None:
        if self.cancel_code is not None:
            self.finish(self.cancel_code)

    def accept(self) -> None:
        self.reject()


def ask(
    host: QWidget,
    title: str,
    text: str,
    buttons: list[tuple[str, str, bool]],
    on_answer: Callable[[str], None] | None = None,
    focus: str | None = None,
    cancel_code: str | None = "cancel",
) -> OverlayDialog:
    """Open an in-window question with buttons ``(code, text, primary)``; ``on_answer(code)`` when answered."""
    dialog = OverlayDialog(host, title, text, cancel_code)
    for code, label, primary in buttons:
        dialog.add_button(code, label, primary)
    if on_answer is not None:
        dialog.answered.connect(on_answer)
    dialog.open_over(focus)
    return dialog


def open_dialogs(host: QWidget) -> list[OverlayDialog]:
    return [d for d in host.findChildren(OverlayDialog) if d.code is None]


def dismiss_all(host: QWidget) -> None:
    for dialog in host.findChildren(OverlayDialog):
        dialog.dismiss()
