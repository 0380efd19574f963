"""In process, what a screen reader user gets besides the tree: changes said through the announcer, the focus put
back where the person was, the result's paragraphs reached and scrolled to by keyboard, roles Qt's widgets cannot
state, and no layout characters in any accessible name. (Orca itself is run in test_orca.py.)"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from screener.i18n import _
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, choose, count, next_screen, settle, tap, type_age
from ui.accessibility import ANNOUNCE_DELAY_MS
from ui.screens.result import ResultScreen
from ui.screens.review import ReviewScreen
from ui.shell.window import ScreenerWindow
from ui.widgets.counts import CountsBoard
from ui.widgets.overlay import open_dialogs

LAYOUT = re.compile("[\u2060\u200b\u00ad\ufeff]")


def said(qtbot: QtBot, window: ScreenerWindow) -> str:
    qtbot.wait(ANNOUNCE_DELAY_MS + 50)
    return window.announcer.said


def to_screen(qtbot: QtBot, window: ScreenerWindow, screen_id: str) -> None:
    next_screen(qtbot, window)
    type_age(qtbot, window, 40)
    while window.current_id() != screen_id:
        next_screen(qtbot, window)


def test_a_follow_up_that_appears_is_said(qtbot: QtBot, window: ScreenerWindow) -> None:
    to_screen(qtbot, window, "stress")
    choose(qtbot, window, "stress_frequency", "4")
    assert said(qtbot, window) == "A question was added below: For how long?"


def test_counts_cleared_by_none_of_these_are_said(qtbot: QtBot, window: ScreenerWindow) -> None:
    to_screen(qtbot, window, "diet")
    count(qtbot, window, "servings_per_week", "nuts", "2")
    count(qtbot, window, "servings_per_week", "legumes", "3")
    board = next(b.control for b in window.navigator.current().blocks if isinstance(b.control, CountsBoard))  # type: ignore[attr-defined]
    tap(qtbot, board.none_button)
    assert said(qtbot, window) == "Cleared: Nuts and Beans and soy foods"


def test_choices_cleared_by_none_of_these_are_said(qtbot: QtBot, window: ScreenerWindow) -> None:
    to_screen(qtbot, window, "medicines")
    choose(qtbot, window, "medicines", "diuretic")
    choose(qtbot, window, "medicines", "none")
    assert said(qtbot, window).startswith("Cleared: A water pill")


def test_a_closed_dialog_gives_the_focus_back_to_what_opened_it(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.footer.start_over_button
    button.setFocus()
    tap(qtbot, button)
    dialog = open_dialogs(window.host())[0]
    inside = window.focusWidget()  # the window's own: offscreen, showing the dialog takes the window's activation
    assert inside is not None and dialog.isAncestorOf(inside), "the dialog did not take the focus"
    assert inside.accessibleDescription() == dialog.text.text(), "its message is not heard with its button"
    qtbot.keyClick(inside, Qt.Key.Key_Escape)
    settle()
    assert window.focusWidget() is button


def test_back_from_a_change_lands_on_that_answers_change_button(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, WORST_CASE)
    review = window.navigator.current()
    assert isinstance(review, ReviewScreen)
    line = next(line for line in review.lines if line.screen_id == "caffeine")
    tap(qtbot, line.change)
    assert window.current_id() == "caffeine"
    next_screen(qtbot, window)  # "Back to review"
    assert window.current_id() == "review"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line.change, timeout=2000)


def test_the_result_is_walked_by_tab_and_paged_by_keyboard(qtbot: QtBot, window: ScreenerWindow) -> None:
    window.resize(1024, 768)
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    screen = window.navigator.current()
    assert isinstance(screen, ResultScreen)
    box = screen.summary.first_box()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=2000)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    group_line = screen.summary.group_lines[0]
    assert QApplication.focusWidget() is group_line, "Tab from the safety box does not reach the first group"
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the result fits on one screen: paging cannot be tested"
    qtbot.keyClick(group_line, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    last = QApplication.focusWidget()
    assert last is not None and screen.isAncestorOf(last), "End left the focus out of the result"
    top = last.mapTo(screen.scroll_area.viewport(), last.rect().topLeft()).y()
    assert 0 <= top < screen.scroll_area.viewport().height(), "the focus is out of sight after End"
    qtbot.keyClick(last, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert bar.value() == min(bar.pageStep(), bar.maximum())


def test_headings_and_groups_have_their_roles(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    screen = window.navigator.current()
    assert isinstance(screen, ResultScreen)
    heading = QAccessible.queryAccessibleInterface(screen.summary.heading)
    assert heading.role() == QAccessible.Role.Heading
    assert heading.text(QAccessible.Text.Name) == _("Your result (not a diagnosis)")
    window.show_screen("diet")
    board = next(b.control for b in window.navigator.current().blocks)  # type: ignore[attr-defined]
    group = QAccessible.queryAccessibleInterface(board)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == "How many times a week do you eat these?"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_accessible_name_or_description_carries_layout_characters(
    qtbot: QtBot, window: ScreenerWindow, lang: str
) -> None:
    """Japanese lines are kept whole by word joiners in what is drawn; names and descriptions are as written."""
    window.hub.set_language(lang)
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    for section in window.navigator.current().sections():  # type: ignore[attr-defined]
        section.set_open(True)
    settle()
    bad = []
    for widget in window.findChildren(QWidget):
        face = QAccessible.queryAccessibleInterface(widget)
        if face is None:
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description):
            if LAYOUT.search(face.text(kind) or ""):
                bad.append(f"{type(widget).__name__}: {face.text(kind)!r}")
    assert not bad, "\n".join(bad[:10])


def test_a_focused_question_or_paragraph_is_ringed_for_keyboard_users_only(
    qtbot: QtBot, window: ScreenerWindow
) -> None:
    """Groups and paragraphs draw no focus of their own: a ring is put round them while the keyboard is in use."""
    from ui.widgets.focus import FocusMark, set_keyboard_mode

    to_screen(qtbot, window, "stress")
    group = window.navigator.current().focus_first()
    assert group is not None
    group.setFocus()
    settle()
    assert not [m for m in window.findChildren(FocusMark) if m.isVisible()], "a ring shown to a finger"
    set_keyboard_mode(True)
    settle()
    rings = [m for m in window.findChildren(FocusMark) if m.isVisible()]
    assert len(rings) == 1 and rings[0].target is group
    where = QRect(group.mapTo(window, QPoint(0, 0)), group.size())
    assert rings[0].geometry().contains(where), (rings[0].geometry(), where)
    set_keyboard_mode(False)
    settle()
    assert not [m for m in window.findChildren(FocusMark) if m.isVisible()]
