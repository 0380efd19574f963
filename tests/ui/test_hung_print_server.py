"""A print server that takes the connection and then says nothing (a hung cupsd, a printer box gone quiet): the
print waits on the print worker, never on the window's thread, so the window goes on taking taps and drawing while
the request is still unanswered. The proof is the order of events, not a timing: the taps below are handled while
the silent server still holds the request open."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import answer_everything, next_screen, tap
from tests.ui.test_kiosk import kiosk  # noqa: F401 - the fixture
from ui.kiosk.session import KioskSession
from ui.kiosk.staff import StaffPanel
from ui.widgets.overlay import open_dialogs


class SilentServer:
    """Accepts every connection, reads nothing, answers nothing, until released."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.released = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.released.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            self.held.append(connection)

    def holding(self) -> bool:
        """A request is open and unanswered: the client has not given up on it."""
        for connection in self.held:
            connection.setblocking(False)
            try:
                if connection.recv(65536, socket.MSG_PEEK) == b"":
                    continue  # the client closed it
            except BlockingIOError:
                pass
            return True
        return False

    def release(self) -> None:
        self.released.set()
        self.thread.join(5)
        for connection in self.held:
            connection.close()
        self.listener.close()


@pytest.fixture
def silent(monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentServer]:
    server = SilentServer()
    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{server.port}")
    monkeypatch.setattr("ui.print_system.REQUEST_TIMEOUT", 10.0)  # the hang outlasts the test's taps
    yield server
    server.release()


def test_the_staff_test_page_waits_off_the_window_thread(
    qtbot: QtBot,
    kiosk: KioskSession,  # noqa: F811 - the fixture
    silent: SilentServer,
) -> None:
    kiosk._pin_answered("ok")
    panel = next(d for d in open_dialogs(kiosk.window.centralWidget()) if isinstance(d, StaffPanel))
    tap(qtbot, panel.buttons["test_print"])
    qtbot.waitUntil(silent.holding, timeout=5000)  # the request is out, and nobody answers it
    assert panel.outcome.isVisible() and panel.outcome.text() == "Printing a test page…"
    assert not panel.grab().isNull()
    tap(qtbot, panel.buttons["back"])  # a tap, handled while the print server still holds the request
    qtbot.waitUntil(lambda: panel not in open_dialogs(kiosk.window.centralWidget()), timeout=3000)
    assert silent.holding(), "the tap was only handled after the print request had ended"


def test_a_persons_print_waits_off_the_window_thread(
    qtbot: QtBot,
    kiosk: KioskSession,  # noqa: F811 - the fixture
    silent: SilentServer,
) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    tap(qtbot, window.footer.print_button)
    qtbot.waitUntil(silent.holding, timeout=5000)
    sending = [d for d in open_dialogs(window.centralWidget()) if d.isVisible()]
    assert sending, "nothing tells the person the summary is on its way"
    tap(qtbot, window.header.contrast_button)  # the window answers: high contrast on, drawn, while the print waits
    assert window.theme.high_contrast
    assert silent.holding(), "the tap was only handled after the print request had ended"
