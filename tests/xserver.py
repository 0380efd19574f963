"""A private X display with a window manager for the real-window tests, started so that it fails fast and says why.

A display number counts as free only when nothing holds it anywhere this machine's X clients would look: no lock
file, no socket file, and no abstract socket (`@/tmp/.X11-unix/XN`, shared by every chroot and mount namespace on
the host, so a display another root's server holds is seen here too). Xvfb then reports the display once it accepts
connections (`-displayfd`); openbox counts as up only when `wmctrl -m` sees it. If either cannot have the display,
the next free one is tried (three in all), and then the error says why from their own output, instead of letting
every test wait out a timeout.
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


FIRST_DISPLAY = 120  # far from :0 and :1 (desktops, Xwayland) and :99 (xvfb-run)
TRIES = 3


def _abstract_sockets() -> set[str]:
    try:
        lines = Path("/proc/net/unix").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return set()
    return {line.split()[-1] for line in lines[1:] if line.split() and line.split()[-1].startswith("@")}


def free_displays(first: int = FIRST_DISPLAY) -> list[int]:
    """Display numbers nothing holds, lowest first."""
    taken = _abstract_sockets()
    found = []
    for number in range(first, first + 200):
        held = (
            Path(f"/tmp/.X{number}-lock").exists()
            or Path(f"/tmp/.X11-unix/X{number}").exists()
            or f"@/tmp/.X11-unix/X{number}" in taken
        )
        if not held:
            found.append(number)
        if len(found) == TRIES:
            break
    return found


def _xvfb_on(number: int, width: int, height: int, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes] | None:
    read_end, write_end = os.pipe()
    with log.open("ab") as out:
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp"],
            stdout=out, stderr=subprocess.STDOUT, pass_fds=(write_end,), env=env, start_new_session=True,
        )  # fmt: skip
    os.close(write_end)
    reported = ""
    with os.fdopen(read_end) as ready:
        if select.select([ready], [], [], START_S)[0]:
            reported = ready.readline().strip()
    if reported != str(number):
        stop(server)
        return None
    return server


def start_display(
    width: int, height: int, folder: Path, env: dict[str, str], openbox_config: Path | None = None
) -> tuple[subprocess.Popen[bytes], subprocess.Popen[bytes], dict[str, str]]:
    """Xvfb and openbox on a free display: (server, window manager, ``env`` with DISPLAY set). openbox runs with
    its own default configuration, or with ``openbox_config`` (an rc.xml)."""
    reasons = []
    for number in free_displays():
        server = _xvfb_on(number, width, height, folder / "xvfb.log", env)
        if server is None:
            reasons.append(f":{number}: Xvfb did not start: {_tail(folder / 'xvfb.log')}")
            continue
        with_display = {**env, "DISPLAY": f":{number}"}
        try:
            return server, start_openbox(with_display, folder / "openbox.log", openbox_config), with_display
        except DisplayError as error:
            stop(server)
            reasons.append(f":{number}: {error}")
    raise DisplayError("no X display could be had:\n" + "\n".join(reasons or ["no free display number"]))


def start_openbox(env: dict[str, str], log: Path, config: Path | None = None) -> subprocess.Popen[bytes]:
    """openbox on ``env["DISPLAY"]``, returned once it manages the screen."""
    command = ["openbox", "--sm-disable", *(["--config-file", str(config)] if config else [])]
    with log.open("ab") as out:
        manager = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
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
