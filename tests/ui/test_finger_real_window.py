"""A finger on the real window: the app runs under Xvfb and openbox, xdotool taps where AT-SPI says each button is
(as the window system delivers taps, with its own clock), and AT-SPI tells what each tap did. Nothing here calls the
app's Python.

An older person's finger: a double tap on Next moves one screen, a tap 250 ms after a page turn where a button had
been chooses nothing, a double tap on a count keeps it, and a double tap on "See my result" shows the result without
starting a print.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screener.i18n import _, current_language, set_language
from screener.questions import screen
from tests.ui.test_atspi import ROOT, SYSTEM_PYTHON, Desktop, _needs
from tests.xserver import stop

PROBE = Path(__file__).with_name("atspi_probe.py")
READ_S = 0.9  # a person's pause between deliberate taps: longer than the tap guard's waits
pytestmark = pytest.mark.skipif(bool(_needs()), reason="needs the AT-SPI desktop (tools/apt-test.txt)")


class Finger:
    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop

    def nodes(self) -> list[dict[str, Any]]:
        done = subprocess.run(
            [SYSTEM_PYTHON, str(PROBE), "screener"], env=self.desktop.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    def find(self, role: str, name: str, timeout: float = 20.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for node in self.nodes():
                if node["role"] == role and node["name"] == name and node["place"] and node["place"][2] > 0:
                    return node
            if time.monotonic() > deadline:
                shown = sorted({f"{n['role']} {n['name']!r}" for n in self.nodes() if n["name"]})
                raise AssertionError(f"no showing {role} {name!r}; showing: {shown[:60]}")
            time.sleep(0.2)

    def showing(self, text: str) -> bool:
        return any(node["name"] == text for node in self.nodes())

    def xdo(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.desktop.env, check=True, timeout=30)

    def centre(self, node: dict[str, Any]) -> tuple[str, str]:
        x, y, width, height = node["place"]
        return str(x + width // 2), str(y + height // 2)

    def tap(self, node: dict[str, Any], times: int = 1, gap_ms: int = 150) -> None:
        """``times`` taps ``gap_ms`` apart at the node's centre, then a person's pause."""
        self.xdo("mousemove", "--sync", *self.centre(node))
        self.xdo("click", "--repeat", str(times), "--delay", str(gap_ms), "1")
        time.sleep(READ_S)


@pytest.fixture(params=[(1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def finger(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Finger]:
    desktop = Desktop(tmp_path, request.param)
    app = None
    try:
        desktop.start()
        env = dict(desktop.env, QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
                   PYTHONPATH=str(ROOT))  # fmt: skip
        app = desktop._spawn([sys.executable, "-m", "screener", "--lang", "en", "--region", "us"], "app.log", env=env)
        yield Finger(desktop)
    finally:
        if app is not None:
            stop(app)
        desktop.stop()


@pytest.fixture
def english() -> Iterator[None]:
    before = current_language()
    set_language("en")
    try:
        yield
    finally:
        set_language(before)


def prompt(screen_id: str) -> str:
    return _(screen(screen_id).questions[0].prompt)


def test_a_finger_that_taps_twice_or_late_gets_only_what_it_meant(finger: Finger, english: None) -> None:
    finger.tap(finger.find("push button", _("Start")))
    finger.find("label", prompt("age"))
    for digit in "70":
        finger.tap(finger.find("push button", _("Type {digit} in your age").format(digit=digit)))

    # A double tap on Next (150 ms apart) moves one screen: Sex, not Stress.
    finger.tap(finger.find("push button", _("Next")), times=2)
    finger.find("label", prompt("sex"))
    assert not finger.showing(prompt("stress")), "a double tap on Next skipped the sex question"

    # A tap 250 ms after the page turn, where "Female" was, chooses nothing on the stress screen.
    female = finger.find("radio button", _("Female"))
    finger.xdo("mousemove", "--sync", *finger.centre(finger.find("push button", _("Skip this question"))))
    finger.xdo("click", "1", "sleep", "0.25", "mousemove", "--sync", *finger.centre(female), "click", "1")
    time.sleep(READ_S)
    finger.find("label", prompt("stress"))
    checked = [n["name"] for n in finger.nodes() if n["role"] == "radio button" and "checked" in n["states"]]
    assert checked == [], f"a late tap chose {checked} on the stress screen"

    # A double tap on a count keeps it chosen.
    finger.tap(finger.find("push button", _("Skip this question")))
    finger.find("label", prompt("diet"))
    nuts_two = next(
        n
        for n in finger.nodes()
        if n["role"] == "radio button" and n["name"].startswith(_("Nuts")) and " 2 " in n["name"]
    )
    finger.tap(nuts_two, times=2)
    again = next(n for n in finger.nodes() if n["name"] == nuts_two["name"])
    assert "checked" in again["states"], f"a double tap on {nuts_two['name']!r} left it unchosen"

    # On to the review, then a double tap on "See my result": the result, and no print started.
    for _screen in range(20):
        if finger.showing(_("See my result")):
            break
        names = {n["name"] for n in finger.nodes() if n["role"] == "push button"}
        finger.tap(finger.find("push button", _("Next") if _("Next") in names else _("Skip this question")))
    finger.tap(finger.find("push button", _("See my result")), times=2, gap_ms=400)
    finger.find("push button", _("Print the summary to hand to the staff"))
    time.sleep(1.0)
    shown = finger.nodes()
    dialogs = [n["name"] for n in shown if n["role"] in ("dialog", "alert") or n["name"] == _("Print")]
    assert dialogs == [], f"the second tap of the double tap started a print: {dialogs}"


@pytest.mark.parametrize("finger", [(1024, 768)], indirect=True, ids=["1024x768"])
def test_the_desktop_window_opens_inside_a_small_screen(finger: Finger, english: None) -> None:
    """Under a window manager on a 1024x768 screen the whole window, Start included, is on the screen at once."""
    frame = finger.find("frame", _("Magnesium self-check"))
    start = finger.find("push button", _("Start"))
    width, height = finger.desktop.size
    for node in (frame, start):
        x, y, w, h = node["place"]
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, (node["role"], node["place"])
