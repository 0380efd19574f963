"""The domain never imports Qt: every screener module imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil

import screener
from tests.without_qt import QT, run_without


def test_screener_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(screener.__path__, "screener.") if m.name != "screener.__main__"]
    done = run_without(f"for name in {modules!r}:\n    __import__(name)\n", blocked=(*QT, "ui"))
    assert done.returncode == 0, done.stderr
    assert len(modules) >= 8
