"""Fifty people in a row on one kiosk, each tapped through to the result and reset by one of the four reset paths:
the widget count stays flat (no dialog, screen or window piles up) and no reference to None is lost (a binding that
loses one per Qt call aborts the kiosk after enough calls). RSS growth is measured in bench/soak.py, not here."""

from __future__ import annotations

import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from soak import RESET_PATHS, soak


def test_fifty_sessions_leave_nothing_behind(qtbot: QtBot) -> None:
    figures = soak(52, sample_every=13)
    samples = figures["samples"]
    assert figures["sessions"] == 52 and len(samples) >= 4
    widgets = {sample["widgets"] for sample in samples[1:]}  # after the first session built every screen
    assert len(widgets) == 1, samples
    # Counted from the first sample: the first session also frees what earlier tests left for the collector. A
    # binding that drops a reference per Qt call loses thousands in every session after it.
    first = samples[0]["none_refs_lost"]
    lost = [sample["none_refs_lost"] - first for sample in samples[1:]]
    assert max(lost) <= 0, f"references to None were lost: {lost}"
    assert len(RESET_PATHS) == 4 and figures["taps"] > 52 * 20  # every session was tapped through
