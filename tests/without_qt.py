"""Run Python code in a fresh interpreter where Qt (and optionally more packages) cannot be imported: the way to
prove a module or command works on a machine without a display, and that nothing pulls Qt in by the way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6")


def run_without(code: str, blocked: tuple[str, ...] = QT) -> subprocess.CompletedProcess[str]:
    """``code`` run with ``blocked`` top-level packages refused at import; it ends by checking no PySide6 module
    was loaded. Run from the checkout's root."""
    prelude = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {blocked!r}:\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    check = "\nassert not any(m.startswith('PySide6') for m in sys.modules)\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + code + check], capture_output=True, text=True, cwd=ROOT, check=False
    )
