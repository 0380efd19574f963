"""The locks in requirements/ and pyproject.toml agree, every pin carries its hashes, and this test run uses the lock.

pyproject.toml keeps the ranges a library user needs; requirements/*.txt (made by `python tools/lock.py`) is what the
product installs. A dependency added to one and not the other, or a locked version outside its range, fails here.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ROOT_VIA = "magnesium-screener (pyproject.toml)"
BUILD_VIA = "-r requirements/build.in"
# lock -> the extras it holds (as tools/lock.py makes them)
_spec = importlib.util.spec_from_file_location("lock_tool", ROOT / "tools" / "lock.py")
assert _spec is not None and _spec.loader is not None
lock_tool = importlib.util.module_from_spec(_spec)
sys.modules["lock_tool"] = lock_tool  # its dataclass looks its module up there
_spec.loader.exec_module(lock_tool)
read_lock = lock_tool.read_lock
LOCKS = {"app.txt": ("speech",), "test.txt": ("speech", "test"), "dev.txt": ("speech", "test", "dev")}


def environments() -> list[dict[str, str]]:
    """The places the locks must serve: Debian 12's Python 3.11 and newer ones, on x86_64 and arm64 Linux."""
    found = []
    for python in ("3.11.2", "3.12.8", "3.13.1"):
        for machine in ("x86_64", "aarch64"):
            environment = dict(default_environment())
            environment |= {
                "python_version": python.rsplit(".", 1)[0],
                "python_full_version": python,
                "platform_machine": machine,
                "sys_platform": "linux",
                "platform_system": "Linux",
                "os_name": "posix",
                "implementation_name": "cpython",
                "platform_python_implementation": "CPython",
            }
            found.append(environment)
    return found


def applies(marker: Marker | None, environment: dict[str, str], extra: str = "") -> bool:
    return marker is None or marker.evaluate(environment | {"extra": extra})


def wanted(extras: tuple[str, ...]) -> list[tuple[Requirement, str]]:
    """pyproject.toml's requirements for a lock: the dependencies, the extras' and the build backend's."""
    found = [(Requirement(text), "") for text in PROJECT["project"]["dependencies"]]
    for extra in extras:
        found += [(Requirement(text), extra) for text in PROJECT["project"]["optional-dependencies"][extra]]
    found += [(Requirement(text), "") for text in PROJECT["build-system"]["requires"]]
    return found


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_is_exact_and_hashed(lock: str) -> None:
    """pip's --require-hashes needs a hash for every package; a lock line without one would make pip refuse all."""
    pins = read_lock(REQUIREMENTS / lock)
    assert len(pins) >= 10
    for pin in pins:
        assert pin.hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", value) for value in pin.hashes), pin.name
        assert pin.via, f"{lock}: {pin.name} says nothing of who needs it"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_requirement_of_pyproject_is_locked_within_its_range(lock: str) -> None:
    """Each requirement holds one locked version, inside pyproject's range, wherever its marker applies."""
    pins = read_lock(REQUIREMENTS / lock)
    for environment in environments():
        for requirement, extra in wanted(LOCKS[lock]):
            if not applies(requirement.marker, environment, extra):
                continue
            name = canonicalize_name(requirement.name)
            matching = [pin for pin in pins if pin.name == name and applies(pin.marker, environment)]
            where = f"{lock}, Python {environment['python_full_version']} on {environment['platform_machine']}"
            assert len(matching) == 1, f"{where}: {requirement} is locked {len(matching)} times"
            assert requirement.specifier.contains(matching[0].version, prereleases=True), (
                f"{where}: {name}=={matching[0].version} is outside pyproject.toml's {requirement}"
            )


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_holds_nothing_pyproject_does_not_ask_for(lock: str) -> None:
    """A direct pin must be one of pyproject's requirements; every other pin is needed by a pin of the same lock."""
    pins = read_lock(REQUIREMENTS / lock)
    names = {pin.name for pin in pins}
    direct = {canonicalize_name(requirement.name) for requirement, _extra in wanted(LOCKS[lock])}
    for pin in pins:
        parents = [via for via in pin.via if not via.startswith("-c ")]  # a constraint is not a reason
        assert parents, f"{lock}: {pin.name} is there only as a constraint"
        for parent in parents:
            if parent in (ROOT_VIA, BUILD_VIA):
                assert pin.name in direct, f"{lock}: {pin.name} is locked as direct, but pyproject.toml has no such one"
            else:
                assert canonicalize_name(parent) in names, f"{lock}: {pin.name} is needed by {parent}, not locked"


def test_the_build_backend_is_locked_as_pyproject_builds_with_it() -> None:
    """requirements/build.in asks for exactly pyproject's [build-system] requires."""
    lines = (REQUIREMENTS / "build.in").read_text(encoding="utf-8").splitlines()
    asked = sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    assert asked == sorted(PROJECT["build-system"]["requires"])


def test_a_package_in_two_locks_has_one_version() -> None:
    """The app, the tests and the developers run the same release of everything they share."""
    versions: dict[tuple[str, str], dict[str, Version]] = {}
    for lock in LOCKS:
        for pin in read_lock(REQUIREMENTS / lock):
            versions.setdefault((pin.name, str(pin.marker)), {})[lock] = pin.version
    for (name, marker), by_lock in versions.items():
        assert len(set(by_lock.values())) == 1, f"{name} ({marker}): {by_lock}"


def test_this_test_run_uses_the_locked_versions() -> None:
    """What the tests ran against is the lock: every locked package that applies here is installed at its version."""
    assert lock_tool.differences_from(REQUIREMENTS / "test.txt") == []
    applying = [pin for pin in read_lock(REQUIREMENTS / "test.txt") if applies(pin.marker, dict(default_environment()))]
    assert len(applying) >= 30
    some = applying[0]
    assert Version(importlib.metadata.version(some.name)) == some.version
