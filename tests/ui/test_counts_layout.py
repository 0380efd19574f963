"""The food and drink boards keep their hint readable: beside "None of these" while it has room, above it when not.

A helper's look at the portrait large-text screens found the hint squeezed into a column about 80 px wide, one word
a line, pushing every food below the fold.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QBoxLayout
from pytestqt.qtbot import QtBot

from tests.ui.driver import settle
from ui.theme import LARGE_TEXT_SCALE, Theme, current_theme, set_current_theme
from ui.widgets.buttons import BigButton
from ui.widgets.counts import HINT_MIN_PX, CountsBoard

CODES = ("1", "2", "3", "4", "5", "6", "7", "14-plus")


@pytest.fixture
def large_text() -> Iterator[None]:
    before = current_theme()
    set_current_theme(Theme(text_scale=LARGE_TEXT_SCALE))
    yield
    set_current_theme(before)


def board_at(qtbot: QtBot, width: int) -> CountsBoard:
    board = CountsBoard(["nuts", "seeds"], CODES)
    qtbot.addWidget(board)
    board.hint.setText("Tap how many times for each food you eat; leave a food empty if you rarely eat it.")
    board.none_button.setText("I eat none of these")
    clear = BigButton(kind="option")
    clear.setText("Clear my answer")
    board.add_action(clear)
    board.resize(width, 900)
    board.show()
    settle()
    return board


@pytest.mark.usefixtures("large_text")
def test_on_a_narrow_screen_the_hint_goes_above_the_buttons(qtbot: QtBot) -> None:
    board = board_at(qtbot, 700)
    assert board.top.direction() == QBoxLayout.Direction.TopToBottom
    assert board.hint.width() >= HINT_MIN_PX * LARGE_TEXT_SCALE
    assert board.hint.geometry().bottom() < board.none_button.geometry().top()


def test_on_a_wide_screen_the_hint_stays_beside_them(qtbot: QtBot) -> None:
    board = board_at(qtbot, 1200)
    assert board.top.direction() == QBoxLayout.Direction.LeftToRight
    assert board.hint.width() >= HINT_MIN_PX
    assert board.hint.geometry().right() < board.none_button.geometry().left()
