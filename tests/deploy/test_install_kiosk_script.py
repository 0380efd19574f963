"""deploy/install-kiosk.sh is sound bash, and its CUPS edit is right and idempotent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.unit_file import ROOT

SCRIPT = ROOT / "deploy" / "install-kiosk.sh"


def bash(snippet: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``snippet`` after sourcing the script (which then only defines its functions)."""
    return subprocess.run(
        ["bash", "-c", f'source "{SCRIPT}"; {snippet}', "bash", *args], capture_output=True, text=True, timeout=60
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
