"""The shipped kiosk command, in headless cage as an unprivileged user, fills the screen in Japanese and in English.

Set SCREENER_SHOTS=DIR to keep the two screenshots (kiosk-ja.png, kiosk-en.png) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.cage_session import (
    HEADLESS_OUTPUT,
    Sandbox,
    Screen,
    build_sandbox,
    bus_processes,
    measure,
    run_kiosk,
    wait_for,
)
from ui.pin import hash_pin
from ui.theme import STANDARD

TOOLS = ("cage", "grim")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS), reason=f"needs {', '.join(TOOLS)} (tools/apt-test.txt)"
)
LOG_PROBLEM = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ (ERROR|CRITICAL) |^Traceback |^qt\.", re.MULTILINE)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    made = build_sandbox()
    try:
        yield made
    finally:
        made.cleanup()


def show_kiosk(sandbox: Sandbox, language: str, tmp_path: Path) -> tuple[Screen, bytes]:
    """Start the kiosk in ``language``, wait until its whole window is on screen, and check how it got there."""
    config = f'default_language = "{language}"\npin_hash = "{hash_pin("2468")}"\n'
    buses_before = set(bus_processes(sandbox.uid))
    with run_kiosk(sandbox, f"kiosk-{language}", config) as kiosk:
        assert wait_for(lambda: (kiosk.runtime / "wayland-0").exists() or kiosk.process.poll() is not None), (
            f"cage made no Wayland socket:\n{kiosk.output()}"
        )

        def whole_window() -> tuple[Screen, bytes] | None:
            png = kiosk.screenshot()
            if png is None:
                return None
            screen = measure(png, STANDARD.window, STANDARD.accent)
            return (screen, png) if screen.shows_whole_window() else None

        shown = wait_for(whole_window)
        last = kiosk.screenshot()
        output = kiosk.output()
        bus_connections = kiosk.bus_connections()
        new_buses = {pid: name for pid, name in bus_processes(sandbox.uid).items() if pid not in buses_before}
        still_running = kiosk.process.poll() is None
    left_behind = {pid: name for pid, name in bus_processes(sandbox.uid).items() if pid not in buses_before}
    written = sorted(str(path.relative_to(kiosk.home)) for path in kiosk.home.rglob("*"))

    png = shown[1] if shown else last
    if png:
        keep(png, f"kiosk-{language}.png", tmp_path)
    assert still_running, f"the kiosk stopped:\n{output}"
    assert bus_connections == 0, "the kiosk connected to the session bus the login session offered"
    assert not new_buses, f"the kiosk started a session bus: {new_buses}"
    assert not left_behind, f"a session bus was left running: {left_behind}"
    seen = measure(last, STANDARD.window, STANDARD.accent) if last else "no screenshot"
    assert shown, f"the whole kiosk window never showed: {seen}\n{output}"
    assert "kiosk mode started" in output, output
    assert not LOG_PROBLEM.findall(output), f"the kiosk logged a problem:\n{output}"
    assert written == [], f"the kiosk wrote to its home folder: {written}"
    return shown


def keep(png: bytes, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(png)
    folder = os.environ.get("SCREENER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(png)


def test_kiosk_fills_headless_cage_in_both_languages(sandbox: Sandbox, tmp_path: Path) -> None:
    """The unit's ExecStart shows the whole window, main button at the lower right, no session bus, no errors."""
    screens = {language: show_kiosk(sandbox, language, tmp_path) for language in ("ja", "en")}
    for language, (screen, _png) in screens.items():
        width, height = HEADLESS_OUTPUT
        assert (screen.width, screen.height) == HEADLESS_OUTPUT
        assert screen.uncovered < 0.001, f"{language}: cage's black background shows around the window"
        assert screen.background > 0.5 and screen.colours > 20, f"{language}: the screen is blank: {screen}"
        assert screen.accent_box is not None
        left, top, right, bottom = screen.accent_box
        assert top > height * 0.75 and left > width * 0.75, f"{language}: main button not at the lower right: {screen}"
        assert right < width - 1 and bottom < height - 1, f"{language}: main button cut off at the edge: {screen}"
    assert screens["ja"][1] != screens["en"][1], "Japanese and English screens are the same picture"
