"""A wizard window for each test, in English unless the test switches, closed and reset afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.app import build_window
from ui.window import ScreenerWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[ScreenerWindow]:
    win, hub = build_window("en")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    hub.set_language("en")  # Qt's own translations are application-wide: leave them as found
