"""Starting the app: a machine without a display gets a plain message, not a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys


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
