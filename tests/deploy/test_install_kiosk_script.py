"""deploy/install-kiosk.sh is sound bash, and its CUPS edit is right and idempotent."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.unit_file import ROOT

SCRIPT = ROOT / "deploy" / "install-kiosk.sh"


def bash(snippet: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``snippet`` after sourcing the script (which then only defines its functions)."""
    return subprocess.run(
        ["bash", "-c", f'source "{SCRIPT}"; {snippet}', "bash", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=None if env is None else os.environ | env,
    )


def test_script_parses() -> None:
    """`bash -n` accepts the script and it stops at the first error (set -euo pipefail)."""
    done = subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "set -euo pipefail" in SCRIPT.read_text().splitlines()[:10]


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="needs shellcheck (tools/apt-test.txt)")
def test_script_passes_shellcheck() -> None:
    """shellcheck finds nothing (quoting, unset variables, ...)."""
    done = subprocess.run(["shellcheck", str(SCRIPT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_cups_is_told_to_keep_no_job_files_once(tmp_path: Path) -> None:
    """PreserveJobFiles/PreserveJobHistory end up No exactly once; a second run changes nothing."""
    conf = tmp_path / "cupsd.conf"
    original = (
        "LogLevel warn\nPreserveJobFiles Yes\n#PreserveJobHistory Yes\n<Location />\n  Order allow,deny\n</Location>\n"
    )
    conf.write_text(original)
    both = 'set_directive "$1" PreserveJobFiles No {0}; set_directive "$1" PreserveJobHistory No {0}'
    first = bash(both.format("&& echo changed"), str(conf))
    assert first.stdout.split() == ["changed", "changed"], first.stderr
    after_first = conf.read_text()
    lines = after_first.splitlines()
    assert [line for line in lines if line.startswith("PreserveJob")] == [
        "PreserveJobFiles No",
        "PreserveJobHistory No",
    ]
    assert "LogLevel warn" in lines and "#PreserveJobHistory Yes" in lines and "</Location>" in lines

    again = bash(both.format("|| echo same"), str(conf))
    assert again.stdout.split() == ["same", "same"], again.stderr
    assert conf.read_text() == after_first


def test_package_lists_are_read_without_comments() -> None:
    """The packages the script installs: the app's list and the kiosk's, names only."""
    done = bash(
        'packages_in "$1"; packages_in "$2"', str(ROOT / "tools/apt-app.txt"), str(ROOT / "deploy/apt-kiosk.txt")
    )
    names = done.stdout.split()
    assert done.returncode == 0, done.stderr
    assert {"cage", "libwayland-cursor0", "libpam-systemd", "cups", "python3-venv", "fonts-noto-cjk"} <= set(names)
    assert all(name and "#" not in name for name in names)


def fake_wheel(folder: Path, name: str = "tiny_locked") -> Path:
    """A one-module wheel, made here, so the offline install can be tried without the package index."""
    import base64
    import hashlib
    import zipfile

    info = f"{name}-1.0.dist-info"
    files = {
        f"{name}/__init__.py": b"VALUE = 42\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    wheel = folder / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, data in files.items():
            archive.writestr(path, data)
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return wheel


def test_the_kiosk_installs_from_a_wheelhouse_and_refuses_a_tampered_hash(tmp_path: Path) -> None:
    """install_locked with a wheelhouse: pip gets no index; the right hash installs, a changed one is refused."""
    import hashlib
    import venv

    wheelhouse = tmp_path / "wheelhouse"
    wheelhouse.mkdir()
    wheel = fake_wheel(wheelhouse)
    right = hashlib.sha256(wheel.read_bytes()).hexdigest()
    wrong = right[:-1] + ("0" if right[-1] != "0" else "1")
    stand_in = fake_wheel(tmp_path, "stand_in")  # where the screener's source would be
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    lock = tmp_path / "app.txt"
    offline = {"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": "/dev/null", "http_proxy": "http://127.0.0.1:9"}
    args = (str(env_dir), str(lock), str(stand_in), str(wheelhouse))

    lock.write_text(f"tiny-locked==1.0 \\\n    --hash=sha256:{wrong}\n")
    refused = bash('install_locked "$1" "$2" "$3" "$4"', *args, env=offline)
    assert refused.returncode != 0
    assert "DO NOT MATCH THE HASHES" in refused.stderr, refused.stderr[-2000:]
    assert not list(env_dir.glob("lib/python*/site-packages/tiny_locked"))

    lock.write_text(f"tiny-locked==1.0 \\\n    --hash=sha256:{right}\n")
    done = bash('install_locked "$1" "$2" "$3" "$4"', *args, env=offline)
    assert done.returncode == 0, done.stderr[-2000:]
    check = subprocess.run(
        [env_dir / "bin" / "python", "-c", "import tiny_locked, stand_in; print(tiny_locked.VALUE + stand_in.VALUE)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.stdout.strip() == "84", check.stderr
