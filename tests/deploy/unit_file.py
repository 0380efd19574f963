"""Reads deploy/screener-kiosk.service the way systemd does: sections of keys, a key may repeat."""

from __future__ import annotations

import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNIT_PATH = ROOT / "deploy" / "screener-kiosk.service"
DEPLOYED_VENV = "/opt/screener/venv"
DEPLOYED_CONFIG = "/etc/screener/kiosk.toml"

Unit = dict[str, list[tuple[str, str]]]


def read_unit(path: Path = UNIT_PATH) -> Unit:
    """Sections of (key, value) pairs in file order; comments and blank lines dropped, continued lines joined."""
    sections: Unit = {}
    current: list[tuple[str, str]] | None = None
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"{path}: {line!r} comes before any [section]"
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def values(unit: Unit, section: str, key: str) -> list[str]:
    """Every value given to ``key`` in ``section``, in order."""
    return [value for name, value in unit.get(section, []) if name == key]


def exec_start(unit: Unit) -> list[str]:
    """The one ExecStart= command line, split into words as systemd splits it."""
    (command,) = values(unit, "Service", "ExecStart")
    return shlex.split(command)
