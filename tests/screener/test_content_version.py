"""The content version changes whenever the questions, the reference table, the scoring or the wording change, so
a printed summary always names the exact content it was made from."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from screener.content import content_version, fingerprint, recorded_fingerprint

ROOT = Path(__file__).resolve().parents[2]


def test_the_recorded_fingerprint_is_the_contents() -> None:
    assert fingerprint() == recorded_fingerprint(), (
        "the content changed without a new version: run python tools/content_version.py"
    )


def test_the_check_command_agrees() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "content_version.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_new_version_each_change_of_a_day() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from content_version import next_version

    assert next_version("2026-11-24a", date(2026, 11, 24)) == "2026-11-24b"
    assert next_version("2026-11-24b", date(2026, 11, 25)) == "2026-11-25a"
    assert content_version().startswith("20")
