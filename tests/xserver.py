"""A private X display with a window manager for the real-window tests, started so that it fails fast and says why.

Xvfb chooses a free display number itself (`-displayfd`) and reports it only once it accepts connections, so a
display another process holds is never fought over; openbox counts as up only when `wmctrl -m` sees it, and if it
exits first, the error names the reason from its own output instead of letting every test wait out a timeout.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

START_S = 30.0  # a guard against a hang, never a pause: both normally answer within a second


class DisplayError(AssertionError):
    """The display or its window manager could not be had; the message says why."""


def _tail(log: Path) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return text[-1500:].strip() or "(it printed nothing)"


def start_xvfb(width: int, height: int, log: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a display it picks; returns the process and ``":N"``."""
    read_end, write_end = os.pipe()
    with log.open("wb") as out:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=(write_end,),
            env=env,
            start_new_session=True,
        )
    os.close(write_end)
    number = ""
    with os.fdopen(read_end) as ready:
        if select.select([ready], [], [], START_S)[0]:
            number = ready.readline().strip()
    if not number.isdigit():
        stop(server)
        raise DisplayError(f"Xvfb gave no display within {START_S:.0f} s: {_tail(log)}")
    return server, f":{number}"


def start_openbox(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """openbox on ``env["DISPLAY"]``, returned once it manages the screen."""
    with log.open("wb") as out:
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + START_S
    while subprocess.run(["wmctrl", "-m"], env=env, capture_output=True, check=False).returncode != 0:
        if manager.poll() is not None:
            raise DisplayError(f"openbox could not open {env['DISPLAY']} (exit {manager.returncode}): {_tail(log)}")
        if time.monotonic() > deadline:
            stop(manager)
            raise DisplayError(f"openbox did not take {env['DISPLAY']} within {START_S:.0f} s: {_tail(log)}")
        time.sleep(0.05)
    return manager


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a process started here (and what it started in its own session)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, 15)
    except ProcessLookupError:
        return
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait(10)
