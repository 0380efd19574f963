"""What a screen reader could read of the running app right now, as JSON on stdout: every showing node's role,
name, states and place on the screen. The real-window finger test reads it to find where to tap (xdotool does
the tapping) and what the tap did, without asking the app itself.

Runs under Debian's own python3 (python3-pyatspi), like atspi_walk.py:

    /usr/bin/python3 tests/ui/atspi_probe.py APP_NAME
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi  # type: ignore[import-not-found]


def nodes(acc: Any, found: list[dict[str, Any]]) -> None:
    try:
        states = {pyatspi.stateToString(s) for s in acc.getState().getStates()}
        role, name = acc.getRoleName(), acc.name or ""
    except Exception:  # a node going away while it is read
        return
    if "showing" not in states:
        return
    try:
        box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        place = [box.x, box.y, box.width, box.height]
    except Exception:
        place = None
    found.append({"role": role, "name": name, "states": sorted(states), "place": place})
    for child in acc:
        if child is not None:
            nodes(child, found)


def main() -> int:
    found: list[dict[str, Any]] = []
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == sys.argv[1]:
            for window in app:
                if window is not None:
                    nodes(window, found)
    json.dump(found, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
