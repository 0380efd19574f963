"""The project builds into a wheel and installs with no network, and the installed `screener` works outside the
checkout in both languages.

The wheel is built from a copy of the sources (so nothing is written into the checkout) with the build tools the
test environment already has; it is installed into a fresh venv that sees the test environment's packages for its
dependencies, with the package index switched off, a proxy that goes nowhere, and (where the kernel allows) inside
a network namespace with no interface but loopback. Everything it made is deleted at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.i18n import current_language, set_language
from screener.wording import group_title

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "screener", "ui", "locales")
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: any attempt to reach the network fails at once


def offline_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env |= {
        "PIP_NO_INDEX": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "http_proxy": DEAD_PROXY,
        "https_proxy": DEAD_PROXY,
        "HTTP_PROXY": DEAD_PROXY,
        "HTTPS_PROXY": DEAD_PROXY,
    }
    return env


def no_network_prefix() -> list[str]:
    """`unshare -rn` (a new network namespace: only a loopback that is down) when the kernel allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return [unshare, "-rn"] if probe.returncode == 0 else []


def offline(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*no_network_prefix(), *map(str, command)],
        cwd=cwd,
        env=offline_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture
def workspace() -> Iterator[Path]:
    """A folder outside the checkout and outside pytest's kept temporary folders, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="screener-install-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert not folder.exists()


def build_wheel(workspace: Path) -> Path:
    source = workspace / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = workspace / "wheels"
    done = offline(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", wheels, source,
        cwd=workspace,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (wheel,) = wheels.glob("magnesium_screener-*.whl")
    return wheel


OWN = ("screener", "ui", "locales", "magnesium_screener", "__editable__.magnesium_screener", "_magnesium_screener")


def site_packages() -> list[Path]:
    """The test environment's package folders, as the venv itself reports them. (`site.getsitepackages()` also
    lists folders that do not exist: with Debian's python3, `.venv/local/lib/python3.11/dist-packages` among them.)"""
    paths = sysconfig.get_paths()
    folders = list(dict.fromkeys(Path(paths[key]) for key in ("purelib", "platlib")))
    assert all(folder.is_dir() for folder in folders), folders
    return folders


def dependencies_folder(workspace: Path) -> Path:
    """The test environment's installed packages as links, minus this project (if it is installed there too, it
    must not stand in for the wheel)."""
    folder = workspace / "dependencies"
    folder.mkdir()
    for packages in site_packages():
        for entry in packages.iterdir():
            if not entry.name.startswith(OWN) and not (folder / entry.name).exists():
                (folder / entry.name).symlink_to(entry)
    return folder


def fresh_venv(workspace: Path) -> Path:
    """A new venv whose dependencies come from the test environment's own packages (a .pth line)."""
    env_dir = workspace / "venv"
    venv.create(env_dir, with_pip=True)  # pip from Python's bundled copy: no download
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "test-environment.pth").write_text(f"{dependencies_folder(workspace)}\n", encoding="utf-8")
    return env_dir


def caffeine_titles() -> dict[str, str]:
    """The caffeine group's title in each language, as the checkout's catalogs have it."""
    before = current_language()
    titles = {}
    try:
        for language in ("ja", "en"):
            set_language(language)
            titles[language] = group_title("high_caffeine")
    finally:
        set_language(before)
    return titles


def test_the_wheel_installs_offline_and_scores_outside_the_checkout(workspace: Path) -> None:
    checkout_before = sorted(path.name for path in ROOT.iterdir())
    wheel = build_wheel(workspace)
    env_dir = fresh_venv(workspace)
    python, screener = env_dir / "bin" / "python", env_dir / "bin" / "screener"
    done = offline(python, "-m", "pip", "install", "--no-index", wheel, cwd=workspace)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert sorted(path.name for path in ROOT.iterdir()) == checkout_before  # nothing written into the checkout

    answers = workspace / "answers.json"
    answers.write_text('{"age_years": 70, "caffeine_servings_per_day": {"coffee": 5}}', encoding="utf-8")
    scored = subprocess.run([screener, "score", answers], capture_output=True, text=True, cwd=workspace, check=False)
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["groups"]["older_adult"]["level"] == "likely"
    assert result["groups"]["high_caffeine"]["level"] == "likely"
    for lang, expected in caffeine_titles().items():
        text = subprocess.run(
            [screener, "score", answers, "--format", "text", "--lang", lang],
            capture_output=True,
            text=True,
            cwd=workspace,
            check=False,
        )
        assert text.returncode == 0, text.stderr
        assert expected in text.stdout
    # The installed copy runs, not the checkout: the package, its catalogs and its fonts came with the wheel.
    where = subprocess.run(
        [python, "-c", "import screener, locales, ui; print(screener.__file__, locales.__file__, ui.__file__)"],
        capture_output=True,
        text=True,
        cwd=workspace,
        check=True,
    ).stdout.split()
    assert all(path.startswith(str(env_dir)) for path in where), where
    installed_ui = Path(where[2]).parent
    assert list((installed_ui / "fonts").glob("*.otf")), "the Japanese font is missing from the wheel"
