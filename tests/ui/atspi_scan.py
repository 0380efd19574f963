"""Reads every node of the running app's accessibility tree once, as any AT-SPI client on the bus can: shown or
hidden, its role, name, description, text and where it is on the screen. Prints one JSON list on stdout.

Runs under Debian's own python3 (python3-pyatspi) and imports nothing of the project; test_kiosk_attacked.py reads
the list to find where to tap (xdotool) and to check that nothing of an earlier person is left in the tree.

    /usr/bin/python3 tests/ui/atspi_scan.py APP_NAME [--showing] > NODES.json

With ``--showing``, only what is on screen (a hidden node's subtree is not entered): much faster, for finding
where to tap.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]

WAIT_S = 60.0


def children(node: Any) -> list[Any]:
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


def read(acc: Any) -> dict[str, Any] | None:
    try:
        states = {pyatspi.stateToString(s) for s in acc.getState().getStates()}
        entry: dict[str, Any] = {
            "role": acc.getRoleName(),
            "name": acc.name or "",
            "description": acc.description or "",
            "showing": "showing" in states,
            "text": "",
            "box": None,
        }
    except Exception:  # deleted while read
        return None
    try:
        text = acc.queryText()
        entry["text"] = text.getText(0, min(text.characterCount, 2000))
    except Exception:
        pass
    try:
        box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        entry["box"] = [box.x, box.y, box.width, box.height]
    except Exception:
        pass
    return entry


def scan(acc: Any, found: list[dict[str, Any]], showing_only: bool, depth: int = 0) -> None:
    entry = read(acc)
    if entry is None or depth > 60:
        return
    if showing_only and not entry["showing"] and depth > 1:
        return
    found.append(entry)
    for child in children(acc):
        scan(child, found, showing_only, depth + 1)


def main() -> int:
    name = sys.argv[1]
    showing_only = "--showing" in sys.argv[2:]
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [a for a in children(desktop) if a.name == name and children(a)]
        if apps:
            found: list[dict[str, Any]] = []
            for app in apps:
                scan(app, found, showing_only)
            print(json.dumps(found, ensure_ascii=False))
            return 0
        time.sleep(0.2)
    print(f"no application {name!r} on the accessibility bus", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
