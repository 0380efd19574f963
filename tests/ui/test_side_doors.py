"""Nothing of a person leaks out of the window by the side doors a kiosk attacker tried: the age box never selects
into X11's PRIMARY nor cuts to the clipboard, and no scroll bar opens Qt's native popup menu (one left open outlived
a reset)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_screen, type_age
from ui.shell.window import ScreenerWindow


def test_the_age_box_selects_nothing_and_cuts_nothing(qtbot: QtBot, window: ScreenerWindow) -> None:
    """Shift+Home selected "72" (X11 copies a selection to PRIMARY) and Shift+Delete cut it to the clipboard."""
    from ui.widgets.number_pad import NumberEntry

    next_screen(qtbot, window)
    type_age(qtbot, window, 72)
    entry = next(b.control for b in window.navigator.current().blocks if isinstance(b.control, NumberEntry))  # type: ignore[attr-defined]
    box = entry.edit
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    for key in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left):
        qtbot.keyClick(box, key, Qt.KeyboardModifier.ShiftModifier)
        assert not box.hasSelectedText(), f"Shift+{key.name} selected {box.selectedText()!r}"
    qtbot.keyClick(box, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    box.setSelection(0, 2)  # what an input method or an accessibility client could do
    assert not box.hasSelectedText()
    assert box.text() == "72" and clipboard.text() == "before"


def test_no_scroll_bar_opens_a_popup_menu(qtbot: QtBot, window: ScreenerWindow) -> None:
    """Qt's "Scroll here / Top / Bottom" menu is a native popup that outlived a kiosk reset: there is none."""
    from PySide6.QtWidgets import QScrollBar

    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    bars = [bar for bar in window.findChildren(QScrollBar)]
    assert bars
    assert all(bar.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu for bar in bars if bar.isVisible())


def test_after_a_reset_nothing_accessible_holds_the_last_persons_answers_or_result(
    qtbot: QtBot, window: ScreenerWindow
) -> None:
    """After Start over, hidden nodes still read "Age 51 and over: Fits your answers…" and "Alcohol…: 15 to 21
    drinks" to any AT-SPI client. Every accessible name, description and label text is scanned after the reset for
    what the review and the result said."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel, QWidget

    from ui.screens.result import ResultScreen
    from ui.screens.review import ReviewScreen

    answer_everything(qtbot, window, WORST_CASE)
    review = window.navigator.current()
    assert isinstance(review, ReviewScreen)
    said = {line.line.text() for line in review.lines if not line.isHidden()}
    next_screen(qtbot, window)
    result = window.navigator.current()
    assert isinstance(result, ResultScreen)
    said |= {label.accessibleName() for label in result.summary.group_lines if not label.isHidden()}
    said.add(result.summary.alert_text.text())
    said = {text for text in said if len(text) > 8}
    assert len(said) > 10
    window.reset_session()

    def heard(widget: QWidget) -> list[str]:
        face = QAccessible.queryAccessibleInterface(widget)
        texts = [widget.text()] if isinstance(widget, QLabel) else []
        if face is not None:
            texts += [face.text(k) or "" for k in (QAccessible.Text.Name, QAccessible.Text.Description)]
        return texts

    left = [
        f"{type(widget).__name__}: {text[:60]!r}"
        for widget in window.findChildren(QWidget)
        for text in heard(widget)
        if text and any(old in text for old in said)
    ]
    assert not left, "\n".join(left[:10])
