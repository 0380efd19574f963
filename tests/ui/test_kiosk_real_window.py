"""A real kiosk window under Xvfb with a window manager covers the screen and survives Alt+F4 and a polite close."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.pin import hash_pin

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl")
WIDTH, HEIGHT = 1280, 800
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS), reason=f"needs {', '.join(TOOLS)} (tools/apt-test.txt)"
)


def wait_for(check, timeout: float = 20.0, step: float = 0.2):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(step)
    return None


@pytest.fixture
def display(tmp_path: Path) -> Iterator[dict[str, str]]:
    number = 90 + os.getpid() % 50
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10), "Xvfb did not start"
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        yield env
    finally:
        for process in (wm, xvfb):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()


def xdo(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, check=False).stdout.strip()


def geometry(env: dict[str, str], window: str) -> str:
    for line in xdo(env, "getwindowgeometry", window).splitlines():
        if "Geometry:" in line:
            return line.split("Geometry:")[1].strip()
    return ""


def largest_window(env: dict[str, str], pid: int) -> str | None:
    """Qt also makes small helper windows; the kiosk is the biggest visible one."""
    found = xdo(env, "search", "--onlyvisible", "--pid", str(pid), "--name", ".*").split()
    sizes = []
    for window in found:
        width, _, height = geometry(env, window).partition("x")
        if width.isdigit() and height.isdigit():
            sizes.append((int(width) * int(height), window))
    best = max(sizes, default=None)
    return best[1] if best and best[0] > 100 * 100 else None


def test_kiosk_window_covers_the_screen_and_cannot_be_closed(display: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'default_language = "ja"\npin_hash = "{hash_pin("2468")}"\n', encoding="utf-8")
    log = tmp_path / "kiosk.log"
    with log.open("w") as err:
        app = subprocess.Popen(
            [sys.executable, "-m", "screener", "--kiosk", "--config", str(config)],
            env=display,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        window = wait_for(lambda: largest_window(display, app.pid))
        assert window, f"no kiosk window: {log.read_text()}"
        assert wait_for(lambda: geometry(display, window) == f"{WIDTH}x{HEIGHT}", 10), geometry(display, window)

        xdo(display, "windowactivate", "--sync", window)
        xdo(display, "key", "--clearmodifiers", "alt+F4")
        time.sleep(1.5)
        assert app.poll() is None, "Alt+F4 closed the kiosk"
        subprocess.run(["wmctrl", "-i", "-c", window], env=display, check=False)
        time.sleep(1.5)
        assert app.poll() is None, "a window-manager close request closed the kiosk"
        assert geometry(display, window) == f"{WIDTH}x{HEIGHT}"
        xdo(display, "key", "Escape")
        time.sleep(0.5)
        assert app.poll() is None
    finally:
        app.kill()
        app.wait(5)
