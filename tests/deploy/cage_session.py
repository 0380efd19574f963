"""Runs the shipped kiosk command in headless cage as an unprivileged user and reads what is on its screen.

cage refuses to run as root, and CI runs as root. The kiosk then runs as a dedicated system user (created if missing,
removed again if this module created it) from a copy of the project that user can read: a venv made from Debian's own
/usr/bin/python3 under /var/tmp, holding the installed dependencies (hard links where possible, else copies) and this
checkout's packages, as deploy/install-kiosk.sh makes /opt/screener/venv. A developer who is not root runs it as
themselves. Each run gets its own XDG_RUNTIME_DIR (mode 700) and, as root, its own /tmp (PrivateTmp= in the unit).
"""

from __future__ import annotations

import array
import importlib.metadata
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QImage

from tests.deploy.unit_file import DEPLOYED_CONFIG, DEPLOYED_VENV, ROOT, exec_start, read_unit

HEADLESS_OUTPUT = (1280, 720)  # the size of wlroots' headless output
TEST_USER = "screener-cage-test"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_PROCESSES = ("dbus-daemon", "dbus-launch")
T = TypeVar("T")
READY_TIMEOUT_S = 90.0  # only against a hang: the kiosk is on screen within a few seconds


@dataclass
class Sandbox:
    """A folder the kiosk user can read (venv, configs) and the user that runs cage."""

    base: Path
    venv: Path
    uid: int
    gid: int
    created_user: bool
    can_unshare: bool

    def as_user(self, command: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return command
        return ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", "--", *command]

    def private_tmp(self, command: list[str]) -> list[str]:
        """Run ``command`` with an empty /tmp of its own, as PrivateTmp=yes gives the service (when root may)."""
        if not self.can_unshare:
            return command
        mount = 'mount -t tmpfs -o mode=1777 tmpfs /tmp && exec "$@"'
        return ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", mount, "sh", *command]

    def private_dir(self, name: str) -> Path:
        """A new folder owned by the kiosk user, mode 700 (XDG_RUNTIME_DIR, HOME)."""
        path = self.base / name
        path.mkdir(mode=0o700)
        os.chown(path, self.uid, self.gid)
        return path

    def remove_x11_leftovers(self) -> None:
        """Without a private /tmp, cage (which aborts on exit in 0.1.4) leaves its X11 lock and socket folder behind.

        Only the dedicated test user's are removed: a developer's own Xwayland may hold /tmp/.X0-lock.
        """
        if self.can_unshare or os.geteuid() != 0:
            return
        sockets = Path("/tmp/.X11-unix")
        for path in [*Path("/tmp").glob(".X*-lock"), *(sockets.glob("X*") if sockets.is_dir() else [])]:
            if path.lstat().st_uid == self.uid:
                path.unlink(missing_ok=True)
        if sockets.is_dir() and sockets.stat().st_uid == self.uid and not any(sockets.iterdir()):
            sockets.rmdir()

    def cleanup(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)
        if self.created_user:
            subprocess.run(["userdel", TEST_USER], capture_output=True, check=False)


def build_sandbox() -> Sandbox:
    if os.geteuid() == 0:
        uid, gid, created = _ensure_user()
    else:
        uid, gid, created = os.getuid(), os.getgid(), False
    base = Path(tempfile.mkdtemp(prefix="screener-cage-", dir="/var/tmp"))  # not /tmp: PrivateTmp hides it
    base.chmod(0o755)
    sandbox = Sandbox(base, base / "venv", uid, gid, created, _can_unshare())
    try:
        _make_venv(sandbox.venv)
    except BaseException:
        sandbox.cleanup()
        raise
    return sandbox


def _can_unshare() -> bool:
    """Root in a container without CAP_SYS_ADMIN cannot make a mount namespace: cage then shares /tmp."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", "mount -t tmpfs tmpfs /tmp"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def _ensure_user() -> tuple[int, int, bool]:
    created = False
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
             "/usr/sbin/nologin", TEST_USER],
            check=True,
        )  # fmt: skip
        entry = pwd.getpwnam(TEST_USER)
        created = True
    return entry.pw_uid, entry.pw_gid, created


def _make_venv(venv: Path) -> None:
    """A venv from Debian's python3 with the project's dependencies and this checkout, readable by anyone."""
    wanted = f"{sys.version_info.major}.{sys.version_info.minor}"
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
    ).stdout.strip()
    if found != wanted:
        raise RuntimeError(f"{SYSTEM_PYTHON} is Python {found or '?'}, the tests run {wanted}: their wheels differ")
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = venv / "lib" / f"python{wanted}" / "site-packages"
    for dist in _dependency_closure():
        for file in dist.files or ():
            if ".." in file.parts:  # scripts in bin/: not needed
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                _place(source, site / file)
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for pattern in packages["tool"]["setuptools"]["packages"]["find"]["include"]:
        name = pattern.rstrip("*")
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    script = venv / "bin" / "screener"  # what pip writes for [project.scripts]
    script.write_text(f"#!{venv}/bin/python\nimport sys\nfrom screener.cli import main\nsys.exit(main())\n")
    for folder, dirs, files in os.walk(venv):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            path = os.path.join(folder, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and os.stat(path).st_nlink == 1:  # our copies; never touch a hard link's source
                os.chmod(path, mode | 0o444 | (0o111 if mode & 0o100 else 0))
    script.chmod(0o755)


def _dependency_closure() -> list[importlib.metadata.Distribution]:
    """The installed distributions the project needs at run time (its dependencies and theirs, no extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [_requirement_name(text) for text in project["dependencies"]]
    seen: dict[str, importlib.metadata.Distribution] = {}
    while todo:
        name = todo.pop()
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # a dependency for another Python version (its marker is false here)
        key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if key in seen:
            continue
        seen[key] = dist
        todo += [_requirement_name(text) for text in dist.requires or () if "extra ==" not in text]
    for text in project["dependencies"]:
        key = re.sub(r"[-_.]+", "-", _requirement_name(text)).lower()
        if key not in seen:
            raise RuntimeError(f"{text!r} is not installed in {sys.prefix}")
    return list(seen.values())


def _requirement_name(text: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", text)
    assert match, text
    return match.group(0)


def _place(source: Path, target: Path) -> None:
    """A hard link to ``source`` when anyone may read it and it is on the same file system, else a copy."""
    if target.exists():
        return  # two distributions may list the same file
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.stat().st_mode & stat.S_IROTH:
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copy2(source, target)


def kiosk_command(sandbox: Sandbox, config: Path) -> list[str]:
    """The unit's ExecStart, pointed at the sandbox's venv and config, with the output turned 180 degrees.

    cage -r -r: on the headless output, wlroots 0.15 (Debian 12) scans a full-screen client buffer out directly, and
    grim then keeps getting the first frame cage composited (Qt's first 853x480 buffer, before the window took the
    whole screen). With the output turned, every frame is composited and grim (which turns the picture back upright)
    shows what is really on screen. The kiosk sees the same 1280x720 output either way.
    """
    command = exec_start(read_unit())
    split = command.index("--")
    cage, app = command[:split], command[split + 1 :]
    assert any(word.startswith(DEPLOYED_VENV + "/") for word in app), app
    assert DEPLOYED_CONFIG in app, app
    moved = len(DEPLOYED_VENV)
    app = [f"{sandbox.venv}{word[moved:]}" if word.startswith(DEPLOYED_VENV + "/") else word for word in app]
    app = [str(config) if word == DEPLOYED_CONFIG else word for word in app]
    return [*cage, "-r", "-r", "--", *app]


@dataclass
class RunningKiosk:
    process: subprocess.Popen[bytes]
    sandbox: Sandbox
    runtime: Path
    home: Path
    log: Path
    bus: socket.socket

    def screenshot(self) -> bytes | None:
        """What cage shows now, as PNG (grim runs as the kiosk user: only it may use the Wayland socket)."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_RUNTIME_DIR": str(self.runtime),
               "WAYLAND_DISPLAY": "wayland-0"}  # fmt: skip
        done = subprocess.run(self.sandbox.as_user(["grim", "-"]), env=env, capture_output=True, timeout=60)
        return done.stdout if done.returncode == 0 and done.stdout else None

    def output(self) -> str:
        """What cage and the kiosk wrote to standard error so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def bus_connections(self) -> int:
        """How many times something connected to the session bus the login session offered."""
        count = 0
        while True:
            try:
                connection, _ = self.bus.accept()
            except BlockingIOError:
                return count
            connection.close()
            count += 1


@contextmanager
def run_kiosk(sandbox: Sandbox, name: str, config_text: str) -> Iterator[RunningKiosk]:
    """cage with the shipped kiosk command on a headless output; stopped, with everything it started, afterwards."""
    config = sandbox.base / f"{name}.toml"
    config.write_text(config_text, encoding="utf-8")
    config.chmod(0o644)
    runtime = sandbox.private_dir(f"{name}-run")
    home = sandbox.private_dir(f"{name}-home")
    # A login session with a user bus offers one (pam_systemd sets DBUS_SESSION_BUS_ADDRESS): a socket that only
    # counts who connects. The kiosk must not use it, nor start a bus of its own.
    bus_path = sandbox.base / f"{name}.bus"
    bus = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    bus.bind(str(bus_path))
    bus_path.chmod(0o777)
    bus.listen(16)
    bus.setblocking(False)
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_SESSION_TYPE": "wayland",
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={bus_path}",
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    log = sandbox.base / f"{name}.log"
    command = sandbox.private_tmp(sandbox.as_user(kiosk_command(sandbox, config)))
    with log.open("wb") as err:
        process = subprocess.Popen(
            command, env=env, cwd=home, stdin=subprocess.DEVNULL, stdout=err, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        yield RunningKiosk(process, sandbox, runtime, home, log, bus)
    finally:
        _stop(process)
        bus.close()
        sandbox.remove_x11_leftovers()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to cage's process group (cage, the kiosk), then SIGKILL to whatever is left."""
    for sig, wait_s in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 15.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(wait_s)
            break
        except subprocess.TimeoutExpired:
            continue


def processes_of(uid: int) -> dict[int, str]:
    """Live (not zombie) processes of ``uid``: pid -> command name."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("Uid", "-1").split()[0]) == uid and not fields.get("State", "").strip().startswith("Z"):
            found[int(entry.name)] = fields.get("Name", "").strip()
    return found


def bus_processes(uid: int) -> dict[int, str]:
    return {pid: name for pid, name in processes_of(uid).items() if name in BUS_PROCESSES}


def wait_for(check: Callable[[], T], timeout_s: float = READY_TIMEOUT_S, step_s: float = 0.5) -> T:
    """Poll ``check`` until it gives something true or the (generous) time runs out; returns its last value."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step_s)


@dataclass(frozen=True)
class Screen:
    """What a screenshot shows, measured."""

    width: int
    height: int
    uncovered: float  # share of pure black pixels: cage's background where no window is
    background: float  # share of pixels in the window's background colour
    colours: int
    accent_box: tuple[int, int, int, int] | None  # (left, top, right, bottom) of the accent colour, lower right
    accent_pixels: int

    def shows_whole_window(self) -> bool:
        return (
            (self.width, self.height) == HEADLESS_OUTPUT
            and self.uncovered < 0.001
            and self.accent_box is not None
            and self.accent_pixels >= 1500
        )


def measure(png: bytes, background: str, accent: str) -> Screen:
    image = QImage.fromData(png)  # the format is read from the data.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return Screen(0, 0, 1.0, 0.0, 0, None, 0)
    row_words = image.bytesPerLine() // 4
    words = array.array("I", bytes(image.constBits()))  # 0xAARRGGBB, native byte order
    if row_words != width:
        words = array.array("I", (w for y in range(height) for w in words[y * row_words : y * row_words + width]))
    total = width * height
    accent_word = 0xFF000000 | int(accent.lstrip("#"), 16)
    left = top = right = bottom = -1
    count = 0
    for y in range(height // 2, height):  # the lower right quarter: where the wizard's main button sits
        row = words[y * width + width // 2 : (y + 1) * width]
        hits = row.count(accent_word)
        if not hits:
            continue
        count += hits
        first = row.index(accent_word) + width // 2
        last = width - 1 - row[::-1].index(accent_word)
        left = first if left < 0 else min(left, first)
        right = max(right, last)
        top = y if top < 0 else top
        bottom = y
    return Screen(
        width=width,
        height=height,
        uncovered=words.count(0xFF000000) / total,
        background=words.count(0xFF000000 | int(background.lstrip("#"), 16)) / total,
        colours=len(set(words)),
        accent_box=(left, top, right, bottom) if count else None,
        accent_pixels=count,
    )
