"""Refresh the locks in requirements/: exact versions with hashes of everything the project installs.

    python tools/lock.py            # re-resolve within pyproject.toml's ranges, keeping locked versions that still fit
    python tools/lock.py --upgrade  # take the newest release of everything that pyproject.toml's ranges allow

Needs uv (`pip install --require-hashes -r requirements/dev.txt` puts it in the venv). Three locks, each built on the
one before it, so a package common to two of them has one version:

- requirements/app.txt   the app with read-aloud (the `speech` extra) and the build backend: the README's app command
                         and deploy/install-kiosk.sh install exactly this;
- requirements/test.txt  the app lock plus the `test` extra: the README's test command, and so CI;
- requirements/dev.txt   the test lock plus the `dev` extra (ruff, mypy, fonttools, uv).

The resolution is universal (every platform, Python 3.11 and newer) so a kiosk on arm64 and a developer on x86_64 use
the same file. Before committing a refreshed lock: read `git diff requirements/` (which releases moved), install it
into a fresh venv with the README's test command, and run the whole suite; tests/test_lock.py checks that the lock
and pyproject.toml agree.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packaging.markers import Marker
    from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
PYTHON = "3.11"  # the oldest Python the project supports (requires-python), Debian 12's own
# (lock file, extras it holds, the lock whose versions it must keep)
LOCKS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("app.txt", ("speech",), None),
    ("test.txt", ("speech", "test"), "app.txt"),
    ("dev.txt", ("speech", "test", "dev"), "test.txt"),
)
COMMAND = "python tools/lock.py"


def compile_command(uv: str, lock: str, extras: tuple[str, ...], base: str | None, upgrade: bool) -> list[str]:
    command = [uv, "pip", "compile", "pyproject.toml", "requirements/build.in", "--universal"]
    command += ["--python-version", PYTHON, "--generate-hashes", "--custom-compile-command", COMMAND]
    command += ["--no-progress", "--quiet", "--output-file", f"requirements/{lock}"]
    for extra in extras:
        command += ["--extra", extra]
    if base is not None:
        command += ["--constraints", f"requirements/{base}"]
    if upgrade and base is None:
        command.append("--upgrade")  # the locks built on this one follow it through their constraints
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true", help="move every package to its newest allowed release")
    args = parser.parse_args(argv)
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if not Path(uv).exists():
        print("lock: uv is not installed: pip install --require-hashes -r requirements/dev.txt", file=sys.stderr)
        return 2
    for lock, extras, base in LOCKS:
        done = subprocess.run(compile_command(uv, lock, extras, base, args.upgrade), cwd=ROOT, check=False)
        if done.returncode != 0:
            print(f"lock: requirements/{lock} could not be resolved (uv said why above)", file=sys.stderr)
            return 1
        print(f"requirements/{lock}: {len(read_lock(REQUIREMENTS / lock))} pins")
    return 0


@dataclass
class Pin:
    """One locked package: name, exact version, the marker it applies under, its hashes and who asked for it."""

    name: str
    version: Version
    marker: Marker | None
    hashes: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


def read_lock(path: Path) -> list[Pin]:
    """The pins of a lock file as uv writes it (`name==version ; marker`, its hashes, its `# via` lines)."""
    from packaging.requirements import Requirement  # packaging comes with pytest: test and dev venvs
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    pins: list[Pin] = []
    in_via = False
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip().rstrip("\\").strip()
        if line[:1].isalnum():
            requirement = Requirement(text)
            specifiers = list(requirement.specifier)
            if len(specifiers) != 1 or specifiers[0].operator != "==":
                raise ValueError(f"{path.name}: {text} is not an exact pin")
            specifier = specifiers[0]
            pins.append(Pin(canonicalize_name(requirement.name), Version(specifier.version), requirement.marker))
            in_via = False
        elif text.startswith("--hash="):
            pins[-1].hashes.append(text.removeprefix("--hash="))
        elif text.startswith("# via"):
            rest = text.removeprefix("# via").strip()
            in_via = not rest
            if rest:
                pins[-1].via.append(rest)
        elif in_via and text.startswith("#   "):
            pins[-1].via.append(text.removeprefix("#").strip())
    return pins


def differences_from(path: Path) -> list[str]:
    """How the running environment differs from a lock: each locked package that applies here and is missing or
    at another version (empty when the environment is the lock)."""
    from packaging.version import Version

    found = []
    for pin in read_lock(path):
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        try:
            installed = Version(importlib.metadata.version(pin.name))
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{pin.name} is not installed (the lock says {pin.version})")
            continue
        if installed != pin.version:
            found.append(f"{pin.name} {installed} is installed, the lock says {pin.version}")
    return found


if __name__ == "__main__":
    sys.exit(main())
