"""Registers the subcommands that need Qt (tour, summary, kiosk tools); Qt is imported only when one runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def register_commands() -> list[Register]:
    return []
