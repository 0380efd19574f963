"""The domain never imports Qt: every screener module imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import screener


def test_screener_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(screener.__path__, "screener.") if m.name != "screener.__main__"]
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'ui'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert len(modules) >= 8
