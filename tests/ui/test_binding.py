"""The installed Qt binding keeps Python's reference counts: a kiosk makes millions of Qt calls in a day.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call that returns nothing; after enough
calls ``None`` is freed and the process aborts (``Fatal Python error: none_dealloc``). pyproject.toml keeps such a
build out; this test fails on any build that has the fault, whatever pip picked.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 10_000

PROBE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label, timer = QLabel(), QTimer()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        label.setText("x")
        label.setEnabled(True)
        timer.start(1000)
    print(sys.getrefcount(None) - before)
    """
)


def test_none_keeps_its_reference_count_across_qt_calls_that_return_nothing() -> None:
    # In a child process: on a faulty binding the count runs out and the whole process aborts.
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"the Qt binding aborted (lost references to None): {done.stderr[-400:]}"
    lost = int(done.stdout.strip().splitlines()[-1])
    assert abs(lost) < 50, f"None lost {lost} references over {CALLS * 3} Qt calls"
