"""Starting the app: a machine without a display gets a plain message, not a Qt abort; a log file that cannot be
opened refuses the kiosk start in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener.errors import InputError


def test_the_app_without_a_display_says_so_instead_of_crashing() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "screener", "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no display to show the window on" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_log_file_that_cannot_be_opened_at_start_is_one_line(tmp_path: Path) -> None:
    """If the log file changes between the check and the start, opening it is refused in one line too."""
    from ui.app import open_log_file  # Qt is loaded only here

    with pytest.raises(InputError) as caught:
        open_log_file(str(tmp_path))
    assert caught.value.problems == [
        f"log_file: cannot write {tmp_path}: Is a directory",
        "kiosk mode not started: fix the log_file setting",
    ]
