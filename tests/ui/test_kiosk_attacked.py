"""The kiosk attacked from outside, as at the tablet: a real window under Xvfb and openbox, tapped with xdotool, read
with AT-SPI (any client on the bus, tests/ui/atspi_scan.py), the selections read with xclip and the screen with a
screenshot; nothing here calls into the app's Python.

- A staff surface (the PIN dialog, the staff panel) left open on the Welcome screen closes by the idle time, and
  the way out needs the PIN again.
- In the age box, Shift+Home puts nothing in PRIMARY and Shift+Delete cuts nothing to the clipboard.
- A right click on a scroll bar opens no popup window.
- "Hide my answers" is opaque: where the result's words were, the screenshot is one flat colour.
- After Start over, no node of the accessibility tree, shown or hidden, holds a text of the last person's result.

Needs tools/apt-test.txt (xvfb, openbox, xdotool, xclip, dbus-x11, at-spi2-core, python3-pyatspi).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_atspi import ROOT, SYSTEM_PYTHON, Desktop, _needs
from tests.ui.test_kiosk_real_window import viewable_top_windows

SCAN = Path(__file__).with_name("atspi_scan.py")
CHILD = Path(__file__).with_name("kiosk_child.py")
PIN = "2468"
WAIT_S = 30.0  # a guard against a hang, never a pause
# A person looks before tapping. The app ignores a tap within 450 ms of a change of screen (1 s on arriving at the
# result), so that a double tap cannot skip a question; a tap sooner than that would be one it rightly ignores.
LOOK_S = 0.6

pytestmark = pytest.mark.skipif(
    bool(_needs()) or any(shutil.which(tool) is None for tool in ("xdotool", "xclip")),
    reason="needs the real-window tools of tools/apt-test.txt",
)

Node = dict[str, Any]


class Kiosk:
    """One kiosk process on its own display and buses, and what an outsider can do to it."""

    def __init__(self, home: Path, idle: int, countdown: int, result: int) -> None:
        self.desktop = Desktop(home)
        self.desktop.start()
        self.home = home
        env = dict(
            self.desktop.env,
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
        )
        command = [sys.executable, str(CHILD), str(idle), str(countdown), str(result)]
        self.app = self.desktop._spawn(command, "kiosk.log", env=env, cwd=ROOT)
        self.wait("the Start button", lambda: self.shown("Start", "push button"))

    @property
    def env(self) -> dict[str, str]:
        return self.desktop.env

    def log(self) -> str:
        text = (self.home / "kiosk.log").read_text(encoding="utf-8", errors="replace")
        return "\n".join(line for line in text.splitlines() if not line.startswith("qt.accessibility"))[-3000:]

    def stop(self) -> None:
        self.desktop.stop()

    # reading

    def scan(self, showing_only: bool = False) -> list[Node]:
        command = [SYSTEM_PYTHON, str(SCAN), "screener", *(["--showing"] if showing_only else [])]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{done.stderr}\n{self.log()}"
        nodes: list[Node] = json.loads(done.stdout)
        return nodes

    def showing(self) -> list[Node]:
        return [node for node in self.scan(showing_only=True) if node["showing"]]

    def shown(self, name: str, role: str | None = None) -> Node | None:
        for node in self.showing():
            if node["name"] == name and (role is None or node["role"] == role) and node["box"]:
                return node
        return None

    def texts(self) -> set[str]:
        """Every name, description and text in the tree, shown or hidden."""
        found = set()
        for node in self.scan():
            for key in ("name", "description", "text"):
                if node[key].strip():
                    found.add(node[key].strip())
        return found

    def wait(self, what: str, check: Callable[[], Any], timeout: float = WAIT_S) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            assert self.app.poll() is None, f"the kiosk ended while waiting for {what}:\n{self.log()}"
            time.sleep(0.2)
        shown = sorted(showing_names(self))
        raise AssertionError(f"timed out waiting for {what}; on screen: {shown}\n{self.log()}")

    # acting

    def xdo(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=WAIT_S)

    def tap(self, name: str, role: str | None = "push button", button: str = "1", look: float = LOOK_S) -> None:
        node = self.wait(f"{name!r} on screen", lambda: self.shown(name, role))
        time.sleep(look)
        x, y, width, height = node["box"]
        self.xdo("mousemove", str(x + width // 2), str(y + height // 2), "click", button)

    def selection(self, which: str) -> str:
        """What xclip reads from the PRIMARY selection or the CLIPBOARD ("" when nobody holds it)."""
        done = subprocess.run(
            ["xclip", "-o", "-selection", which], env=self.env, capture_output=True, text=True, timeout=WAIT_S
        )
        return done.stdout if done.returncode == 0 else ""

    def screenshot(self, path: Path) -> Any:
        """The whole screen, taken by a process of its own, as an RGB image."""
        from PIL import Image

        grab = (
            "import sys\nfrom PySide6.QtGui import QGuiApplication\napp = QGuiApplication([])\n"
            "assert app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
        )
        env = {k: v for k, v in self.env.items() if not k.startswith(("QT_", "DBUS_"))} | {"QT_QPA_PLATFORM": "xcb"}
        subprocess.run([sys.executable, "-c", grab, str(path)], env=env, check=True, timeout=60, capture_output=True)
        return Image.open(path).convert("RGB")


@pytest.fixture
def kiosk_factory(tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    started: list[Kiosk] = []

    def start(idle: int = 600, countdown: int = 600, result: int = 600) -> Kiosk:
        home = tmp_path / f"kiosk-{len(started)}"
        home.mkdir()
        kiosk = Kiosk(home, idle, countdown, result)
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:
        kiosk.stop()


def showing_names(kiosk: Kiosk) -> set[str]:
    return {node["name"] for node in kiosk.showing() if node["name"]}


def test_staff_surfaces_left_open_on_welcome_close_by_the_idle_time(kiosk_factory: Callable[..., Kiosk]) -> None:
    kiosk = kiosk_factory(idle=6, countdown=3)
    welcome = showing_names(kiosk)

    kiosk.tap("Staff")
    kiosk.wait("the PIN dialog", lambda: kiosk.shown("Staff PIN"))
    kiosk.wait("the PIN dialog to close by itself", lambda: not kiosk.shown("Staff PIN"), 20)
    kiosk.wait("the Welcome screen as it started", lambda: showing_names(kiosk) == welcome, 10)

    kiosk.tap("Staff")
    kiosk.wait("the PIN dialog", lambda: kiosk.shown("Staff PIN"))
    kiosk.xdo("type", "--delay", "80", PIN)
    kiosk.tap("OK")
    kiosk.wait("the staff panel", lambda: kiosk.shown("Leave kiosk mode"))
    kiosk.wait("the staff panel to close by itself", lambda: not kiosk.shown("Leave kiosk mode"), 20)
    kiosk.wait("the Welcome screen as it started", lambda: showing_names(kiosk) == welcome, 10)

    kiosk.tap("Staff")  # after that, the way out needs the PIN again
    kiosk.wait("the PIN dialog", lambda: kiosk.shown("Staff PIN"))
    assert not kiosk.shown("Leave kiosk mode")
    assert kiosk.app.poll() is None


def flat(image: Any, box: list[int]) -> bool:
    x, y, width, height = box
    colours = image.crop((x, y, x + width, y + height)).getcolors(maxcolors=4)
    return colours is not None and len(colours) == 1


def overlaps(one: list[int], other: list[int]) -> bool:
    return not (
        one[0] + one[2] <= other[0]
        or other[0] + other[2] <= one[0]
        or one[1] + one[3] <= other[1]
        or other[1] + other[3] <= one[1]
    )


def test_a_visit_leaves_nothing_behind_and_offers_no_way_around(
    kiosk_factory: Callable[..., Kiosk], tmp_path: Path
) -> None:
    kiosk = kiosk_factory()
    fresh = kiosk.texts()

    kiosk.tap("Start")
    kiosk.wait("the age screen", lambda: kiosk.shown("How old are you?"))
    kiosk.xdo("type", "--delay", "80", "72")
    kiosk.wait("the age typed", lambda: any(n["text"] == "72" for n in kiosk.showing()))
    kiosk.xdo("key", "shift+Home")
    time.sleep(0.3)
    assert "72" not in kiosk.selection("primary"), "Shift+Home put the age in the primary selection"
    kiosk.xdo("key", "shift+Delete")
    time.sleep(0.3)
    assert "72" not in kiosk.selection("clipboard"), "Shift+Delete cut the age to the clipboard"
    assert any(n["text"] == "72" for n in kiosk.showing()), "Shift+Delete took the age out of the box"

    forward_names = ("Next", "Skip this question", "See my result")
    for _screen in range(20):  # forward through every screen, answering nothing but the age
        if kiosk.shown("Print the summary to hand to the staff"):
            break
        showing = kiosk.showing()
        forward = next(n["name"] for n in showing if n["role"] == "push button" and n["name"] in forward_names)
        before = {n["name"] for n in showing if n["name"]}
        kiosk.tap(forward)
        kiosk.wait("the next screen", lambda before=before: showing_names(kiosk) != before)
    result = kiosk.wait("the result", lambda: kiosk.shown("Print the summary to hand to the staff"))
    assert result
    time.sleep(1.0)  # the result's own settling time
    shown_result = kiosk.texts()
    # What only this person's answers put there: the age, the group it matched, what was left unanswered. (New
    # texts that are the same for everyone, such as "Stress, part 2 of 7", may stay.)
    markers = ("72", "51 and over", "Fits your answers", "Not answered")
    of_this_person = {text for text in shown_result - fresh if any(marker in text for marker in markers)}
    assert {marker for marker in markers if any(marker in text for text in of_this_person)} == set(markers)

    # A right click on the result's scroll bar: no popup window ("Scroll here / Top / Bottom").
    windows = viewable_top_windows(kiosk.env)
    bar = next(n for n in kiosk.showing() if n["role"] == "scroll bar" and n["box"] and n["box"][3] > 100)
    x, y, width, height = bar["box"]
    kiosk.xdo("mousemove", str(x + width // 2), str(y + height // 2), "click", "3")
    time.sleep(0.8)
    assert viewable_top_windows(kiosk.env) == windows, "a right click on the scroll bar opened a window"
    assert not [n for n in kiosk.showing() if n["role"] in ("popup menu", "menu")]

    # "Hide my answers": where the result's lines were, one flat colour.
    on_result = kiosk.showing()
    lines = [n for n in on_result if n["role"] == "label" and n["box"] and n["name"] in shown_result - fresh]
    lines = [n for n in lines if n["box"][1] + n["box"][3] < 700 and n["box"][1] > 80]  # between header and footer
    before = kiosk.screenshot(tmp_path / "result.png")
    kiosk.tap("Hide my answers")
    kiosk.wait("the privacy screen", lambda: kiosk.shown("Tap here to show your answers again"))
    drawn_before = {(n["name"], tuple(n["box"] or ())) for n in on_result}
    privacy = [  # the privacy screen's own card, title and button: new on screen, smaller than the screen
        n["box"]
        for n in kiosk.showing()
        if n["box"] and n["box"][2] * n["box"][3] < 1000 * 700 and (n["name"], tuple(n["box"])) not in drawn_before
    ]
    covered = [n for n in lines if not any(overlaps(n["box"], box) for box in privacy)]
    assert covered, "no line of the result lies outside the privacy screen's own words"
    after = kiosk.screenshot(tmp_path / "hidden.png")
    for line in covered:
        assert not flat(before, line["box"]), f"{line['name']!r} was not drawn before hiding"
        assert flat(after, line["box"]), f"{line['name']!r} can still be seen under 'Hide my answers'"
    kiosk.tap("Tap here to show your answers again")

    kiosk.tap("Start over for the next person")
    kiosk.tap("Clear and start over")
    kiosk.wait("the Welcome screen", lambda: kiosk.shown("Start"))
    left = kiosk.texts() & of_this_person
    assert not left, f"after the reset the accessibility tree still holds: {sorted(left)}"
