"""Kiosk mode: the idle countdown wipes everything and restores the configured look, one touch extends it, the
result resets itself, Start over resets exactly as the idle wipe does, no way out but the staff PIN (all dialogs
inside the window), a crash guard, a privacy screen, and a window rebuilt from scratch if a reset fails."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_screen, settle, tap
from ui.app import start_kiosk
from ui.kiosk.session import KioskSession, PrivacyScreen
from ui.kiosk.staff import PinDialog, StaffPanel
from ui.kiosk_config import KioskConfig
from ui.pin import PinGate, hash_pin
from ui.print_system import PrintOutcome, Status
from ui.widgets.overlay import OverlayDialog, open_dialogs

PIN = "2468"
PIN_HASH = hash_pin(PIN)


def fast_config(**overrides: Any) -> KioskConfig:
    """Timings below the config's minimums, so tests do not wait; built without validation on purpose."""
    values: dict[str, Any] = {
        "default_language": "en",
        "idle_timeout_seconds": 1,
        "countdown_seconds": 1,
        "result_reset_seconds": 1,
        "printer_name": "",
        "paper": None,
        "region": "us",
        "text_scale": 1.0,
        "high_contrast": False,
        "pin_hash": PIN_HASH,
        "log_file": "",
        "pdf_folder": "",
    }
    values.update(overrides)
    return KioskConfig.model_construct(**values)


def close_session(session: KioskSession) -> None:
    session.purge_retry.stop()
    session.guard.stop()
    session.idle.stop()
    sys.excepthook = sys.__excepthook__
    session.window.hub.set_language("en")
    session.window.close()


@pytest.fixture
def kiosk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[KioskSession]:
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    session = start_kiosk(fast_config())
    qtbot.addWidget(session.window)
    session.window.warm_up()
    session.idle.idle_timer.stop()  # each test starts the clock when it means to
    yield session
    close_session(session)


def test_idle_countdown_wipes_every_answer_and_restores_defaults(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, WORST_CASE)
    tap(qtbot, window.header.contrast_button)
    tap(qtbot, window.header.text_size_button)
    tap(qtbot, window.header.language_button)  # the person switched to Japanese
    kiosk.idle.restart()
    qtbot.waitUntil(kiosk.idle.counting, timeout=3000)
    assert kiosk.idle.dialog is not None
    assert "still there" not in kiosk.idle.dialog.title.text()  # shown in the person's language
    with qtbot.waitSignal(kiosk.session_reset, timeout=4000):
        pass
    window = kiosk.window
    assert window.current_id() == "welcome" and window.sheet.is_empty()
    assert not kiosk.idle.counting()
    assert window.hub.current() == "en"
    assert window.theme.text_scale == 1.0 and not window.theme.high_contrast
    next_screen(qtbot, window)
    assert window.navigator.current().blocks[0].control.text() == ""  # type: ignore[attr-defined]


def test_one_touch_anywhere_extends_the_time_and_keeps_the_answers(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 61})
    kiosk.idle.start_countdown()
    assert kiosk.idle.counting()
    qtbot.mouseClick(kiosk.idle.dialog, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))  # not on the button
    qtbot.waitUntil(lambda: not kiosk.idle.counting(), timeout=2000)
    assert not kiosk.idle.countdown_timer.isActive()
    assert window.sheet.age() == 61
    kiosk.idle.start_countdown()
    tap(qtbot, kiosk.idle.dialog.buttons["still_here"])  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not kiosk.idle.counting(), timeout=2000)
    assert window.current_id() == "review"


def test_the_result_resets_itself_for_the_next_person(qtbot: QtBot, kiosk: KioskSession) -> None:
    kiosk.config = fast_config(idle_timeout_seconds=600, result_reset_seconds=1)
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    assert window.current_id() == "result"
    assert kiosk.idle_seconds() == 1
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass
    assert kiosk.window.current_id() == "welcome" and kiosk.window.sheet.is_empty() and kiosk.window.result is None


def test_start_over_resets_exactly_as_the_idle_wipe_does(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    tap(qtbot, window.header.language_button)
    tap(qtbot, window.header.contrast_button)
    window.show_screen("result")
    tap(qtbot, window.footer.start_over_button)
    with qtbot.waitSignal(kiosk.session_reset, timeout=3000):
        tap(qtbot, open_dialogs(window.centralWidget())[0].buttons["clear"])
    assert window.hub.current() == "en" and not window.theme.high_contrast  # the configured look, not the last one
    assert window.sheet.is_empty() and window.current_id() == "welcome"


def test_larger_text_switched_on_and_off_leaves_no_more_below_cue_on_the_next_welcome(
    qtbot: QtBot, kiosk: KioskSession
) -> None:
    window = kiosk.window
    window.resize(800, 600)
    welcome = window.screen_widget("welcome")
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    tap(qtbot, window.header.text_size_button)
    window.show_screen("welcome")
    qtbot.waitUntil(lambda: welcome.scroll_area.more.isVisible())  # large text at 800x600: the welcome scrolls
    window.show_screen("result")
    tap(qtbot, window.header.text_size_button)
    tap(qtbot, window.footer.start_over_button)
    with qtbot.waitSignal(kiosk.session_reset, timeout=3000):
        tap(qtbot, open_dialogs(window.centralWidget())[0].buttons["clear"])
    settle()
    assert window.current_id() == "welcome"
    assert not welcome.scroll_area.needs_scrolling() and not welcome.scroll_area.more.isVisible()


def test_an_untouched_welcome_screen_is_left_alone(qtbot: QtBot, kiosk: KioskSession) -> None:
    kiosk.idle.start_countdown()
    assert not kiosk.idle.counting()


def test_escape_alt_f4_and_close_are_ignored(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 44})
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.sheet.age() == 44


def test_a_minimised_or_unfullscreened_window_restores_itself(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    window.showMinimized()
    qtbot.waitUntil(lambda: not kiosk.guard.out_of_place(), timeout=2000)
    window.showNormal()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen), timeout=2000)
    assert kiosk.guard.restores >= 2


def test_the_pin_and_staff_panel_are_drawn_inside_the_window(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    tap(qtbot, kiosk.staff_button)
    pin = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, PinDialog))
    assert not pin.isWindow()  # no title bar for a window manager to minimise the kiosk with
    for key in "1111":
        tap(qtbot, pin.keys[key])
    qtbot.keyClick(pin.entry, Qt.Key.Key_Return)  # Enter after a wrong PIN: the message stays to be read
    assert pin.isVisible() and "not right" in pin.message.text()
    assert pin.entry.text() == ""  # nothing typed stays on screen
    for key in PIN:
        tap(qtbot, pin.keys[key])
    tap(qtbot, pin.buttons["check"])
    panel = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, StaffPanel))
    assert "Idle time before asking: 1 s" in panel.settings.text()
    tap(qtbot, panel.buttons["back"])
    settle()
    assert window.isVisible() and not kiosk.guard.allow_exit
    qtbot.waitUntil(lambda: not window.centralWidget().findChildren(PinDialog), timeout=2000)  # none left behind


def test_leaving_needs_the_pin(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    kiosk.ask_staff_pin()
    pin = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, PinDialog))
    pin.entry.setText(PIN)
    pin.check()
    panel = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, StaffPanel))
    tap(qtbot, panel.buttons["leave"])
    assert kiosk.guard.allow_exit and not window.isVisible()


@pytest.mark.parametrize("surface", ["pin", "panel"])
def test_a_staff_surface_left_open_on_welcome_closes_by_the_idle_countdown(
    qtbot: QtBot, kiosk: KioskSession, surface: str
) -> None:
    """Staff, PIN, walk away: the staff panel (or the PIN dialog) was still open minutes later on Welcome, and its
    "Leave kiosk mode" quit the app. Now the idle countdown comes on Welcome too and the reset closes it."""
    window = kiosk.window
    kiosk.ask_staff_pin()
    if surface == "panel":
        pin = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, PinDialog))
        pin.entry.setText(PIN)
        pin.check()
        assert any(isinstance(d, StaffPanel) for d in open_dialogs(window.centralWidget()))
    assert window.current_id() == "welcome"
    kiosk.idle.restart()
    qtbot.waitUntil(kiosk.idle.counting, timeout=3000)
    qtbot.waitUntil(lambda: not kiosk.idle.counting(), timeout=4000)
    qtbot.waitUntil(lambda: not open_dialogs(window.centralWidget()), timeout=2000)
    assert window.current_id() == "welcome" and not kiosk.guard.allow_exit
    kiosk.ask_staff_pin()  # the panel again needs the PIN
    assert any(isinstance(d, PinDialog) for d in open_dialogs(window.centralWidget()))


def test_a_log_file_that_cannot_be_written_is_said_in_the_staff_panel(qtbot: QtBot, kiosk: KioskSession) -> None:
    """/dev/full: the file opens, and every write fails with ENOSPC, as on a full disk. The kiosk goes on; the
    staff panel says since when and how many events are missing."""
    from ui.app import open_log_file

    handler = open_log_file("/dev/full")
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        logging.getLogger("ui.test").warning("an event")
        logging.getLogger("ui.test").warning("another event")
        kiosk._pin_answered("ok")
        panel = next(d for d in open_dialogs(kiosk.window.centralWidget()) if isinstance(d, StaffPanel))
        assert panel.log_warning is not None and panel.log_warning.isVisibleTo(panel)
        text = panel.log_warning.text()
        assert "No space left on device" in text and "Events not written: 2" in text, text
    finally:
        root.removeHandler(handler)
        handler.close()
    kiosk._pin_answered("ok")
    later = [d for d in open_dialogs(kiosk.window.centralWidget()) if isinstance(d, StaffPanel)][-1]
    assert later.log_warning is None  # a log that works says nothing


def test_wrong_pin_tries_are_rate_limited() -> None:
    now = [1000.0]
    gate = PinGate(PIN_HASH, clock=lambda: now[0])
    assert not gate.try_pin("0000") and not gate.try_pin("1111")
    assert gate.seconds_to_wait() == 0
    assert not gate.try_pin("2222")
    assert gate.seconds_to_wait() == 30
    assert not gate.try_pin(PIN)  # even the right PIN waits
    now[0] += 31
    assert not gate.try_pin("3333")
    assert gate.seconds_to_wait() == 60  # doubles
    now[0] += 61
    assert gate.try_pin(PIN)
    assert gate.seconds_to_wait() == 0


def test_hide_my_answers_blanks_the_screen_at_once(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 52})
    tap(qtbot, kiosk.hide_button)
    privacy = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, PrivacyScreen))
    assert privacy.geometry() == window.centralWidget().rect()
    tap(qtbot, privacy.buttons["show"])
    assert not open_dialogs(window.centralWidget())
    assert window.sheet.age() == 52


@pytest.mark.parametrize("high_contrast", [False, True])
def test_hide_my_answers_is_opaque_not_a_dimmed_layer(qtbot: QtBot, kiosk: KioskSession, high_contrast: bool) -> None:
    """Under the privacy screen nothing of the result is drawn: the strip where the result's heading was is one
    flat colour (a dimmed layer let it be read), in normal and high contrast."""
    from PySide6.QtCore import QPoint, QRect

    window = kiosk.window
    if high_contrast:
        tap(qtbot, window.header.contrast_button)
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    heading = window.result_screen().summary.heading
    where = QRect(heading.mapTo(window, QPoint(0, 0)), heading.size())
    before = window.grab(where).toImage()
    assert len({before.pixel(x, y) for x in range(before.width()) for y in range(before.height())}) > 2
    tap(qtbot, kiosk.hide_button)
    settle()
    after = window.grab(where).toImage()
    colours = {after.pixel(x, y) for x in range(after.width()) for y in range(after.height())}
    assert len(colours) == 1, f"{len(colours)} colours where the result's heading was: it shows through"


def test_an_unexpected_error_returns_to_welcome_with_no_answers(
    qtbot: QtBot, kiosk: KioskSession, caplog: pytest.LogCaptureFixture
) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 83, "stress_frequency": 4, "stress_months": 6})
    caplog.set_level(logging.INFO)
    try:
        raise RuntimeError("failed while showing age 83")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert kiosk.window.current_id() == "welcome" and kiosk.window.sheet.is_empty()
    assert "unexpected RuntimeError" in caplog.text
    assert "83" not in caplog.text.replace(caplog.records[0].pathname, "")


def test_a_reset_that_fails_rebuilds_the_window_and_shows_nothing_of_the_last_person(
    qtbot: QtBot, kiosk: KioskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = kiosk.window
    answer_everything(qtbot, old, {"age_years": 77})
    next_screen(qtbot, old)
    assert old.current_id() == "result"
    monkeypatch.setattr(old.navigator, "reset", lambda: (_ for _ in ()).throw(RuntimeError("broken")))
    kiosk.reset()
    assert kiosk.rebuilds == 1
    new = kiosk.window
    assert new is not old and not old.isVisible()
    assert new.isVisible() and new.current_id() == "welcome" and new.sheet.is_empty() and new.result is None
    assert old.sheet.is_empty()  # the old window's answers were dropped too


def test_kiosk_starts_in_the_configured_look(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    session = start_kiosk(fast_config(default_language="ja", text_scale=1.4, high_contrast=True))
    qtbot.addWidget(session.window)
    try:
        window = session.window
        assert window.hub.current() == "ja"
        assert window.theme.text_scale == 1.4 and window.theme.high_contrast
        assert window.header.text_size_button.isChecked() and window.header.contrast_button.isChecked()
        assert session.staff_button.text() == "スタッフ"
    finally:
        close_session(session)


@pytest.mark.parametrize("allowed", [True, False])
def test_read_aloud_follows_the_config_through_language_switches_and_resets(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, allowed: bool
) -> None:
    """read_aloud = false takes the speaker button away for good; true leaves it wherever speech is installed."""
    from ui.speech import speech_available

    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    session = start_kiosk(fast_config(read_aloud=allowed))
    qtbot.addWidget(session.window)
    try:
        window, button = session.window, session.window.header.speak_button
        for step in ("start", "language", "reset"):
            if step == "language":
                window.toggle_language()
            elif step == "reset":
                session.reset()
            qtbot.wait(20)  # the speech probe runs once the screen has been painted
            shown = not button.isHidden()
            assert shown == (allowed and speech_available(window.hub.current())), step
            assert window.read_aloud.available() == shown, step
    finally:
        close_session(session)


def test_the_staff_test_print_shows_the_real_outcome(
    qtbot: QtBot, kiosk: KioskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_everything(qtbot, kiosk.window, {"age_years": 33})
    printed: list[bytes] = []

    def refuse(data: bytes, printer: str | None = None, title: str = "", wait: float = 0) -> PrintOutcome:
        time.sleep(0.3)  # a slow print server, on the print worker
        printed.append(data)
        return PrintOutcome(Status.REJECTED, "PDF", None, "printer PDF is not accepting jobs")

    monkeypatch.setattr("ui.print_system.print_pdf", refuse)
    told: list[str] = []
    kiosk.print_test_page(told.append)
    assert told == [], "the test page was printed on the UI thread (the outcome came before the call returned)"
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    said = told[0]
    assert printed and printed[0].startswith(b"%PDF")
    assert "not taking print jobs" in said and "not accepting jobs" in said  # not "sent"
    assert kiosk.window.sheet.age() == 33  # a test page never touches the person's answers


def test_without_a_pdf_folder_the_kiosk_offers_no_pdf_and_no_file_dialog(
    qtbot: QtBot, kiosk: KioskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 50})
    next_screen(qtbot, window)
    assert not window.footer.pdf_button.isVisible() and not window.footer.record_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog in a kiosk"))
    assert window.printer.save_pdf() is None  # type: ignore[attr-defined]


def test_with_a_pdf_folder_the_kiosk_saves_there_without_a_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog in a kiosk"))
    session = start_kiosk(fast_config(pdf_folder=str(tmp_path), idle_timeout_seconds=600, result_reset_seconds=600))
    qtbot.addWidget(session.window)
    try:
        window = session.window
        answer_everything(qtbot, window, {"age_years": 50})
        next_screen(qtbot, window)
        assert window.footer.pdf_button.isVisible()
        tap(qtbot, window.footer.pdf_button)
        saved = list(tmp_path.glob("summary-*.pdf"))
        assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    finally:
        close_session(session)


def test_the_reset_closes_a_dialog_left_open(qtbot: QtBot, kiosk: KioskSession) -> None:
    window = kiosk.window
    answer_everything(qtbot, window, {"age_years": 50})
    tap(qtbot, window.footer.back_button)
    window.show_screen("review")
    next_screen(qtbot, window)
    tap(qtbot, window.footer.start_over_button)  # the question left open for the next person
    assert open_dialogs(window.centralWidget())
    kiosk.reset()
    settle()
    assert not open_dialogs(window.centralWidget())
    qtbot.waitUntil(lambda: not window.centralWidget().findChildren(OverlayDialog), timeout=2000)
    assert window.sheet.is_empty()


@pytest.mark.parametrize("backwards", [False, True])
def test_tab_goes_round_the_staff_panel_and_never_lands_under_it(
    qtbot: QtBot, kiosk: KioskSession, backwards: bool
) -> None:
    """Orca said "Larger text check box" on a Tab in the staff panel: the focus visited the header for a moment
    before it was sent back. Tab and Shift+Tab now go round the panel's own buttons."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    kiosk._pin_answered("ok")
    panel = next(d for d in open_dialogs(kiosk.window.centralWidget()) if isinstance(d, StaffPanel))
    qtbot.waitUntil(lambda: panel.isAncestorOf(QApplication.focusWidget()))
    focused: list[QWidget] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
                focused.append(watched)
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)  # type: ignore[union-attr]
    try:
        for _press in range(8):
            QTest.keyClick(
                QApplication.focusWidget(),
                Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier,
            )
    finally:
        QApplication.instance().removeEventFilter(watch)  # type: ignore[union-attr]
    assert focused, "Tab moved the focus nowhere"
    outside = [w for w in focused if w is not panel and not panel.isAncestorOf(w)]
    assert not outside, [f"{type(w).__name__} {w.accessibleName()!r}" for w in outside]
    buttons = {button for button in panel.buttons.values()}
    assert buttons <= set(focused)  # and it reached every button
