"""Kiosk mode: idle countdown and wipe, touch cancels, auto-reset after the result, no way out but the staff PIN,
rate-limited PIN tries, a crash guard that returns to welcome, and defaults restored for the next person."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_page, tap
from ui.app import start_kiosk
from ui.kiosk import KioskController, PinDialog, StaffPanel
from ui.kiosk_config import KioskConfig
from ui.pages.base import PageId
from ui.pin import PinGate, hash_pin
from ui.window import ScreenerWindow

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
        "region": None,
        "text_scale": 1.0,
        "high_contrast": False,
        "pin_hash": PIN_HASH,
        "log_file": "",
        "pdf_folder": "",
    }
    values.update(overrides)
    return KioskConfig.model_construct(**values)


@pytest.fixture
def kiosk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ScreenerWindow, KioskController]]:
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    window = start_kiosk(fast_config())
    qtbot.addWidget(window)
    controller: KioskController = window.kiosk  # type: ignore[attr-defined]
    controller.idle_timer.stop()  # each test starts the clock when it means to
    yield window, controller
    controller.allow_exit = True
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(controller)
    sys.excepthook = sys.__excepthook__
    window.hub.set_language("en")


WORST_ANSWERS = {k: v for k, v in WORST_CASE.items() if k != "pregnancy"}


def test_idle_countdown_wipes_every_answer_and_restores_defaults(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    answer_everything(qtbot, window, WORST_ANSWERS)
    tap(qtbot, window.contrast_button)
    tap(qtbot, window.text_size_button)
    tap(qtbot, window.language_button)  # the person switched to Japanese
    controller.restart_idle()
    qtbot.waitUntil(controller.countdown.isVisible, timeout=3000)
    assert "still there" not in controller.countdown.question.text()  # shown in the person's language
    with qtbot.waitSignal(controller.session_reset, timeout=4000):
        pass
    assert window.current_id() == PageId.WELCOME
    assert window.draft.is_empty()
    assert not controller.countdown.isVisible()
    assert window.hub.current() == "en"
    assert window.theme.text_scale == 1.0 and not window.theme.high_contrast
    assert not window.back_button.isVisible()
    next_page(qtbot, window)
    assert window.about_you.age.text() == ""


def test_a_touch_cancels_the_countdown_and_keeps_the_answers(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    answer_everything(qtbot, window, {"age_years": 61})
    controller.start_countdown()
    assert controller.countdown.isVisible()
    qtbot.mouseClick(controller.countdown, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert not controller.countdown.isVisible()
    assert not controller.countdown_timer.isActive()
    assert window.draft.get("age_years") == 61
    controller.start_countdown()
    tap(qtbot, controller.countdown.button)  # "I'm still here"
    assert not controller.countdown.isVisible()
    assert window.current_id() == PageId.REVIEW


def test_the_result_page_resets_itself_for_the_next_person(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    controller.config = fast_config(idle_timeout_seconds=600, result_reset_seconds=1)
    answer_everything(qtbot, window, {"age_years": 70})
    next_page(qtbot, window)
    assert window.current_id() == PageId.RESULT
    assert controller.idle_seconds() == 1
    with qtbot.waitSignal(controller.session_reset, timeout=5000):
        pass
    assert window.current_id() == PageId.WELCOME and window.draft.is_empty() and window.result is None


def test_an_untouched_welcome_page_is_left_alone(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    _window, controller = kiosk
    controller.start_countdown()
    assert not controller.countdown.isVisible()


def test_escape_alt_f4_and_close_are_ignored(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, _controller = kiosk
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
    assert window.draft.get("age_years") == 44


def test_wrong_pin_keeps_the_kiosk_right_pin_leaves(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    dialog = PinDialog(controller.gate, window)
    qtbot.addWidget(dialog)
    for key in "1111":
        tap_key = dialog.findChildren(type(controller.staff_button))
        next(b for b in tap_key if b.text() == key).click()
    dialog.check()
    assert dialog.result() != PinDialog.DialogCode.Accepted
    assert "not right" in dialog.message.text()
    assert dialog.entry.text() == ""  # nothing typed stays on screen
    assert window.isVisible() and not controller.allow_exit
    dialog.entry.setText(PIN)
    dialog.check()
    assert dialog.result() == PinDialog.DialogCode.Accepted
    controller.exit_kiosk()
    assert controller.allow_exit
    assert not window.isVisible()


def test_the_staff_button_asks_for_the_pin(qtbot: QtBot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    monkeypatch.setattr(PinDialog, "exec", lambda self: PinDialog.DialogCode.Rejected)
    tap(qtbot, controller.staff_button)
    assert window.isVisible() and not controller.allow_exit


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


def test_hide_my_answers_blanks_the_screen_at_once(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    answer_everything(qtbot, window, {"age_years": 52})
    tap(qtbot, controller.hide_button)
    assert controller.privacy.isVisible()
    assert controller.privacy.geometry() == window.rect()
    tap(qtbot, controller.privacy.button)
    assert not controller.privacy.isVisible()
    assert window.draft.get("age_years") == 52


def test_an_unexpected_error_returns_to_welcome_with_no_answers(qtbot: QtBot, kiosk, caplog) -> None:  # type: ignore[no-untyped-def]
    window, _controller = kiosk
    answer_everything(qtbot, window, {"age_years": 83, "stress_frequency": 4, "stress_months": 9})
    caplog.set_level(logging.INFO)
    try:
        raise RuntimeError("failed while showing age 83")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert window.current_id() == PageId.WELCOME
    assert window.draft.is_empty()
    assert window.isVisible()
    assert "unexpected RuntimeError" in caplog.text
    assert "83" not in caplog.text.replace(caplog.records[0].pathname, "")


def test_kiosk_starts_in_the_configured_look(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    window = start_kiosk(fast_config(default_language="ja", text_scale=1.3, high_contrast=True))
    qtbot.addWidget(window)
    controller: KioskController = window.kiosk  # type: ignore[attr-defined]
    try:
        assert window.hub.current() == "ja"
        assert window.theme.text_scale == 1.3 and window.theme.high_contrast
        assert window.text_size_button.isChecked() and window.contrast_button.isChecked()
        assert controller.staff_button.text() == "スタッフ"
    finally:
        controller.allow_exit = True
        QApplication.instance().removeEventFilter(controller)  # type: ignore[union-attr]
        sys.excepthook = sys.__excepthook__
        window.hub.set_language("en")
        window.close()


def test_after_the_pin_staff_see_the_settings_and_can_leave(qtbot: QtBot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    monkeypatch.setattr(PinDialog, "exec", lambda self: PinDialog.DialogCode.Accepted)
    shown: list[str] = []

    def stay(panel: StaffPanel) -> int:
        shown.append(panel.settings.text())
        return 0  # "Back to the kiosk"

    monkeypatch.setattr(StaffPanel, "exec", stay)
    assert controller.ask_staff_pin() is False
    assert "Idle time before clearing: 1 s" in shown[0]
    assert window.isVisible() and not controller.allow_exit
    monkeypatch.setattr(StaffPanel, "exec", lambda self: StaffPanel.LEAVE)
    assert controller.ask_staff_pin() is True
    assert controller.allow_exit and not window.isVisible()


def test_a_test_page_prints_example_answers_not_a_persons(qtbot: QtBot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, controller = kiosk
    answer_everything(qtbot, window, {"age_years": 33})
    printed: list[int] = []
    monkeypatch.setattr(window.printer, "print_result", lambda result, answers: printed.append(answers.age_years))
    monkeypatch.setattr(PinDialog, "exec", lambda self: PinDialog.DialogCode.Accepted)
    monkeypatch.setattr(StaffPanel, "exec", lambda self: StaffPanel.TEST_PRINT)
    controller.ask_staff_pin()
    assert printed == [70]
    assert window.draft.get("age_years") == 33


def test_without_a_pdf_folder_the_kiosk_offers_no_pdf_and_no_file_dialog(qtbot: QtBot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinterInfo
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window, _controller = kiosk
    answer_everything(qtbot, window, {"age_years": 50})
    next_page(qtbot, window)
    assert not window.pdf_button.isVisible()
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog in a kiosk"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    tap(qtbot, window.print_button)
    assert said and "show this screen to staff" in said[0]
    assert window.current_id() == PageId.RESULT


def test_with_a_pdf_folder_the_kiosk_saves_there_without_a_dialog(qtbot: QtBot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog in a kiosk"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window = start_kiosk(fast_config(pdf_folder=str(tmp_path), idle_timeout_seconds=600, result_reset_seconds=600))
    qtbot.addWidget(window)
    controller: KioskController = window.kiosk  # type: ignore[attr-defined]
    try:
        answer_everything(qtbot, window, {"age_years": 50})
        next_page(qtbot, window)
        assert window.pdf_button.isVisible()
        tap(qtbot, window.pdf_button)
        saved = list(tmp_path.glob("summary-*.pdf"))
        assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    finally:
        controller.allow_exit = True
        QApplication.instance().removeEventFilter(controller)  # type: ignore[union-attr]
        sys.excepthook = sys.__excepthook__
        window.hub.set_language("en")


def test_the_reset_closes_a_dialog_left_open(qtbot: QtBot, kiosk) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window, controller = kiosk
    answer_everything(qtbot, window, {"age_years": 50})
    box = QMessageBox(QMessageBox.Icon.Question, "?", "left open", QMessageBox.StandardButton.Yes, window)
    box.show()
    controller.reset_session()
    assert not box.isVisible()
    assert window.draft.is_empty()
