"""A whole kiosk session touches no file in the home, temp or working folder, and its log holds no answer."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.driver import answer_everything, next_screen, tap
from tests.ui.test_kiosk import close_session, fast_config
from ui.app import start_kiosk
from ui.kiosk.session import PrivacyScreen
from ui.widgets.overlay import open_dialogs

# Answers with values that cannot appear in a log by chance.
DISTINCT = {
    "age_years": 87,
    "sex": "female",
    "stress_frequency": 4,
    "stress_months": 12,
    "servings_per_week": {"nuts": 14, "seeds": 6},
    "exercise_hours_per_week": 10.0,
    "heavy_sweating": True,
    "caffeine_servings_per_day": {"coffee": 6.0},
    "caffeine_after_2pm": True,
    "kidney_disease": True,
    "medicines": ["bisphosphonate"],
    "magnesium_products": ["laxative"],
    "alcohol_drinks_per_week": 22.0,
    "insomnia_nights_per_week": 6,
    "sleep_problem_months": 12,
    "snoring_or_gasping": True,
}
SECRET_WORDS = ["87", "bisphosphonate", "laxative", "female", "kidney", "coffee", "22"]


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                path = Path(root) / name
                stat = path.stat()
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_a_whole_session_writes_nothing_and_logs_no_answer(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    home, temp, work = tmp_path / "home", tmp_path / "temp", tmp_path / "work"
    for folder in (home, temp, work):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    caplog.set_level(logging.DEBUG)
    before = snapshot(home, temp, work)

    session = start_kiosk(fast_config(idle_timeout_seconds=600, result_reset_seconds=1))
    window = session.window
    qtbot.addWidget(window)
    try:
        answer_everything(qtbot, window, DISTINCT)
        tap(qtbot, window.header.language_button)
        next_screen(qtbot, window)
        assert window.current_id() == "result"
        tap(qtbot, session.hide_button)
        privacy = next(d for d in open_dialogs(window.centralWidget()) if isinstance(d, PrivacyScreen))
        tap(qtbot, privacy.buttons["show"])
        with qtbot.waitSignal(session.session_reset, timeout=5000):
            pass
        assert session.window.sheet.is_empty()
        clipboard = QApplication.clipboard()
        assert clipboard is None or clipboard.text() == ""
    finally:
        close_session(session)

    assert snapshot(home, temp, work) == before
    messages = [record.getMessage() for record in caplog.records]
    assert any("result shown" in m for m in messages)  # events are logged
    for word in SECRET_WORDS:
        assert not any(word in m for m in messages), word
