"""A wizard window for each test, in English with US reference intakes unless the test says otherwise, built
whole (as after the warm-up), closed and reset afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import settle
from ui.app import build_window
from ui.shell.window import ScreenerWindow
from ui.widgets.focus import set_keyboard_mode


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[ScreenerWindow]:
    win, hub = build_window("en", region="us")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.warm_up()
    settle()
    yield win
    set_keyboard_mode(False)
    hub.set_language("en")  # Qt's own translations are application-wide: leave them as found
