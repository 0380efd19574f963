"""A real kiosk window under Xvfb with a window manager (openbox, the X11 fallback): it covers the screen, survives
Alt+F4 and a polite close, puts itself back when minimised by any means (xdotool, Super+D, the Alt+Space menu), takes
back the top layer and the top of the stack from the window manager and from another window; under the deployed
openbox configuration no menu and no desktop can be reached; after a reset the clipboard and the primary selection
are empty and a middle-click pastes nothing into the age box."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.xserver import start_display, stop
from ui.pin import hash_pin

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "xwininfo", "xmessage")
KIOSK_OPENBOX = Path(__file__).resolve().parents[2] / "deploy" / "openbox-kiosk.xml"
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
    xvfb, wm, env = start_display(WIDTH, HEIGHT, tmp_path, dict(os.environ))
    env |= {"QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    try:
        yield env
    finally:
        stop(wm)
        stop(xvfb)


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


def window_state(env: dict[str, str], window: str) -> str:
    """The window manager's view: _NET_WM_STATE (FULLSCREEN, HIDDEN …) and whether the window is mapped."""
    xprop = subprocess.run(
        ["xprop", "-id", window, "_NET_WM_STATE", "WM_STATE"], env=env, capture_output=True, text=True, check=False
    )
    return xprop.stdout


def shown_full_screen(env: dict[str, str], window: str) -> bool:
    state = window_state(env, window)
    info = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True, check=False).stdout
    viewable = "IsViewable" in info  # mapped: not hidden by "show desktop" or iconified
    return viewable and "FULLSCREEN" in state and "HIDDEN" not in state and "Iconic" not in state


def start_kiosk_process(
    display: dict[str, str], tmp_path: Path, language: str = "en"
) -> tuple[subprocess.Popen[bytes], Path]:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'default_language = "{language}"\npin_hash = "{hash_pin("2468")}"\n', encoding="utf-8")
    log = tmp_path / "kiosk.log"
    with log.open("w") as err:
        app = subprocess.Popen(
            [sys.executable, "-m", "screener", "--kiosk", "--config", str(config)],
            env=display,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    return app, log


def client_window(env: dict[str, str], pid: int) -> str | None:
    """The window the window manager manages for the app: it carries the app's _NET_WM_PID and a WM_STATE."""
    for window in xdo(env, "search", "--onlyvisible", "--name", ".*").split():
        props = (
            window_state(env, window)
            + subprocess.run(
                ["xprop", "-id", window, "_NET_WM_PID"], env=env, capture_output=True, text=True, check=False
            ).stdout
        )
        if f"= {pid}" in props and "window state" in props:
            return window
    return None


def test_a_minimised_kiosk_puts_itself_back_whatever_minimised_it(display: dict[str, str], tmp_path: Path) -> None:
    app, log = start_kiosk_process(display, tmp_path)
    try:
        window = wait_for(lambda: client_window(display, app.pid))
        assert window, f"no kiosk window: {log.read_text()}"
        assert wait_for(lambda: shown_full_screen(display, window), 10), window_state(display, window)
        attempts = {
            "xdotool windowminimize": lambda: xdo(display, "windowminimize", window),
            "Super+D (show desktop)": lambda: xdo(display, "key", "--clearmodifiers", "super+d"),
            "Alt+Space, Iconify": lambda: (
                xdo(display, "key", "--clearmodifiers", "alt+space"),
                time.sleep(0.5),
                xdo(display, "key", "n"),
            ),
        }
        for name, attempt in attempts.items():
            restores = log.read_text().count("restored")
            # On a loaded machine a key can reach the window manager before it is ready for it (the Alt+Space
            # menu not yet open when "n" arrives): the attempt is made again, up to three times.
            for _try in range(3):
                xdo(display, "key", "Escape")  # no menu left open from a try that came too early
                xdo(display, "windowactivate", "--sync", window)
                attempt()
                # It was really minimised (the guard noticed and put it back)...
                if wait_for(lambda before=restores: log.read_text().count("restored") > before, 5, 0.1):
                    break
            else:
                pytest.fail(f"{name}: the window was never minimised, or never put back: {log.read_text()}")
            # ...and it is back, full screen and shown (within about a second; a loaded machine gets longer).
            assert wait_for(lambda: shown_full_screen(display, window), 10, 0.1), (name, window_state(display, window))
            assert app.poll() is None, name
    finally:
        app.kill()
        app.wait(5)


def stacking_order(env: dict[str, str]) -> list[int]:
    """The managed windows, bottom to top, as the window manager lists them."""
    out = subprocess.run(
        ["xprop", "-root", "_NET_CLIENT_LIST_STACKING"], env=env, capture_output=True, text=True, check=False
    ).stdout
    return [int(word.strip(","), 16) for word in out.split("#", 1)[-1].split() if word.startswith("0x")]


def test_the_kiosk_takes_back_the_top_layer_and_the_top_of_the_stack(display: dict[str, str], tmp_path: Path) -> None:
    app, log = start_kiosk_process(display, tmp_path)
    cover = None
    try:
        window = wait_for(lambda: client_window(display, app.pid))
        assert window, f"no kiosk window: {log.read_text()}"
        assert wait_for(lambda: "_NET_WM_STATE_ABOVE" in window_state(display, window), 10), window_state(
            display, window
        )
        # Alt+Space → Layer → Normal, said the EWMH way: the window manager takes "stay on top" away.
        subprocess.run(["wmctrl", "-i", "-r", window, "-b", "remove,above"], env=display, check=True)
        assert wait_for(lambda: "left the top layer" in log.read_text(), 5, 0.1), log.read_text()
        assert log.read_text().count("put back on top") == 1, log.read_text()  # the start itself was not one
        assert wait_for(lambda: "_NET_WM_STATE_ABOVE" in window_state(display, window), 5, 0.1)

        # Another client's window, put in the top layer too, and so above the kiosk.
        cover = subprocess.Popen(["xmessage", "-title", "cover", "-geometry", "600x300+100+100", "on top"], env=display)
        listed = wait_for(lambda: len(stacking_order(display)) > 1, 10, 0.1)
        assert listed, stacking_order(display)
        subprocess.run(["wmctrl", "-r", "cover", "-b", "add,above"], env=display, check=False)
        subprocess.run(["wmctrl", "-a", "cover"], env=display, check=False)
        assert wait_for(lambda: "covered by another window" in log.read_text(), 5, 0.1), log.read_text()
        assert wait_for(lambda: stacking_order(display)[-1] == int(window), 5, 0.1), (stacking_order(display), window)
        assert shown_full_screen(display, window) and app.poll() is None
    finally:
        if cover is not None:
            cover.kill()
            cover.wait(5)
        app.kill()
        app.wait(5)


def viewable_top_windows(env: dict[str, str]) -> set[str]:
    """The root window's children that are mapped and viewable: frames, menus, popups."""
    out = subprocess.run(["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True, check=False)
    found = set()
    for line in out.stdout.splitlines():
        window = line.strip().split(" ", 1)[0]
        if window.startswith("0x"):
            info = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True, check=False)
            if "IsViewable" in info.stdout:
                found.add(window)
    return found


def test_under_the_deployed_openbox_config_no_menu_or_desktop_can_be_reached(tmp_path: Path) -> None:
    """deploy/openbox-kiosk.xml: no root menu, no window menu, no show-desktop, no Alt+drag. (openbox's own
    configuration opens its root menu on Super+D and a right click about two times in three.)"""
    xvfb, wm, env = start_display(WIDTH, HEIGHT, tmp_path, dict(os.environ), openbox_config=KIOSK_OPENBOX)
    env |= {"QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    app, log = start_kiosk_process(env, tmp_path)
    try:
        window = wait_for(lambda: client_window(env, app.pid))
        assert window, f"no kiosk window: {log.read_text()}"
        assert wait_for(lambda: shown_full_screen(env, window), 10), window_state(env, window)
        time.sleep(0.5)
        before = viewable_top_windows(env)
        attempts = {
            "Super+D, then a right click": ("key --clearmodifiers super+d", "mousemove 600 400 click 3"),
            "Super+D, then a middle click": ("key --clearmodifiers super+d", "mousemove 300 300 click 2"),
            "Alt+Space (the window menu)": ("key --clearmodifiers alt+space",),
            "a right click": ("mousemove 1200 700 click 3",),
            "Alt + right drag (resize)": (
                "keydown alt",
                "mousemove 640 400 mousedown 3",
                "mousemove 200 200 mouseup 3",
                "keyup alt",
            ),
            "Alt + left drag (move)": (
                "keydown alt",
                "mousemove 640 400 mousedown 1",
                "mousemove 900 700 mouseup 1",
                "keyup alt",
            ),
            "Alt+Tab, Ctrl+Alt+Right": ("key --clearmodifiers alt+Tab", "key --clearmodifiers ctrl+alt+Right"),
        }
        for name, steps in attempts.items():
            for step in steps:
                xdo(env, *step.split())
                time.sleep(0.05)
            time.sleep(0.4)
            assert viewable_top_windows(env) == before, f"{name}: a new window appeared over the kiosk"
            assert shown_full_screen(env, window) and geometry(env, window) == f"{WIDTH}x{HEIGHT}", name
            xdo(env, "key", "Escape")
        assert "restored" not in log.read_text(), log.read_text()  # nothing so much as hid it for a moment
        assert "rc.xml" not in (tmp_path / "openbox.log").read_text()  # openbox took the file (no parse error)
    finally:
        app.kill()
        app.wait(5)
        stop(wm)
        stop(xvfb)


PASTE_PROBE = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui.app import create_app, start_kiosk
from ui.kiosk_config import KioskConfig
from tests.xserver import start_display, stop
from ui.pin import hash_pin

app = create_app()
config = KioskConfig.model_construct(default_language="en", idle_timeout_seconds=600, countdown_seconds=20,
    result_reset_seconds=600, printer_name="", paper=None, region="us", text_scale=1.0, high_contrast=False,
    pin_hash=hash_pin("2468"), log_file="", pdf_folder="")
session = start_kiosk(config)
window = session.window
window.warm_up()
clipboard = QApplication.clipboard()
assert clipboard.supportsSelection(), "no primary selection on this platform"
clipboard.setText("70", QClipboard.Mode.Selection)   # the last person's age, left in the primary selection
clipboard.setText("70", QClipboard.Mode.Clipboard)
for _ in range(20): app.processEvents()
session.reset()
for _ in range(20): app.processEvents()
print("selection:", repr(clipboard.text(QClipboard.Mode.Selection)))
print("clipboard:", repr(clipboard.text(QClipboard.Mode.Clipboard)))
clipboard.setText("70", QClipboard.Mode.Selection)   # even if something else put it back
window.show_screen("age")
box = window.screen_widget("age").blocks[0].control.edit
for _ in range(10): app.processEvents()
QTest.mouseClick(box, Qt.MouseButton.MiddleButton)
QTest.mouseClick(box, Qt.MouseButton.RightButton)
for _ in range(10): app.processEvents()
print("age box:", repr(box.text()))
print("menus:", [w.metaObject().className() for w in QApplication.topLevelWidgets() if w.isVisible()])
session.guard.stop(); session.idle.stop()
"""


def test_after_a_reset_nothing_of_the_last_person_can_be_pasted(display: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PASTE_PROBE],
        env=display,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "selection: ''" in out and "clipboard: ''" in out, out  # the reset emptied both
    assert "age box: ''" in out, out  # the middle-click pasted nothing
    assert "QMenu" not in out, out  # and a right-click opened no Cut/Copy/Paste menu


def test_kiosk_window_covers_the_screen_and_cannot_be_closed(display: dict[str, str], tmp_path: Path) -> None:
    app, log = start_kiosk_process(display, tmp_path, "ja")
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
