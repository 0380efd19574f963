"""The app ends on SIGTERM, SIGHUP and SIGINT with a log line and exit status 0, in kiosk mode too (whose window
refuses to close by design): systemd's stop and a closed terminal leave a trace instead of a silent death."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui.pin import hash_pin

ROOT = Path(__file__).resolve().parents[2]
START_S = 30.0  # a guard against a hang, never a pause


def start(args: list[str], log: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "WAYLAND"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(home), XDG_RUNTIME_DIR=str(home))
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "screener", *args], env=env, stdout=out, stderr=subprocess.STDOUT
        )


def wait_for(log: Path, words: str, process: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + START_S
    while words not in log.read_text(encoding="utf-8", errors="replace"):
        assert process.poll() is None, f"it ended early: {log.read_text(errors='replace')[-1500:]}"
        assert time.monotonic() < end, f"never logged {words!r}: {log.read_text(errors='replace')[-1500:]}"
        time.sleep(0.1)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
@pytest.mark.parametrize("kiosk", [False, True])
def test_a_stop_signal_ends_the_app_cleanly_with_a_log_line(tmp_path: Path, number: int, kiosk: bool) -> None:
    args = ["--lang", "en"]
    if kiosk:
        config = tmp_path / "kiosk.toml"
        config.write_text(f'pin_hash = "{hash_pin("2468")}"\ndefault_language = "en"\n', encoding="utf-8")
        args += ["--kiosk", "--config", str(config)]
    log = tmp_path / "out.log"
    process = start(args, log, tmp_path)
    try:
        wait_for(log, "kiosk mode started" if kiosk else "INFO", process)  # the window is up and logging
        time.sleep(0.5)
        process.send_signal(number)
        code = process.wait(START_S)
    finally:
        if process.poll() is None:
            process.kill()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert code == 0, f"exit {code}: {text[-1500:]}"
    assert f"stopping on {signal.Signals(number).name}" in text
    assert "Traceback" not in text


def test_a_second_kiosk_for_the_same_user_is_refused(tmp_path: Path) -> None:
    """Two kiosks started at once shared one log and fought for the screen: the second now says why and exits 2,
    and the first goes on."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'pin_hash = "{hash_pin("2468")}"\ndefault_language = "en"\n', encoding="utf-8")
    args = ["--kiosk", "--config", str(config)]
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start(args, first_log, tmp_path)
    try:
        wait_for(first_log, "kiosk mode started", first)
        second = start(args, second_log, tmp_path)
        assert second.wait(START_S) == 2
        assert "a kiosk is already running for this user" in second_log.read_text(encoding="utf-8")
        assert first.poll() is None, "the first kiosk ended"
        first.send_signal(signal.SIGTERM)
        assert first.wait(START_S) == 0
    finally:
        if first.poll() is None:
            first.kill()
