"""A kiosk day in one process: complete sessions, tapped through as a person does, each ended by one of the reset
paths in turn (Start over, the idle wipe, the result timing out, "Hide my answers" then Start over), with memory,
live widgets and Python's reference count of None sampled along the way.

    python bench/soak.py --sessions 300 [--quiet]  # prints the figures as JSON
    from bench.soak import soak                  # for bench/run.py and tests/ui/test_soak.py

A benchmark and a test share it: the test asserts a flat widget count and no lost reference to None (a binding
that loses one crashes the kiosk after enough calls); the bench reports RSS growth per 100 sessions.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESET_PATHS = ("start_over", "idle_wipe", "result_timeout", "hide_then_start_over")
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mib() -> float:
    """Resident memory now (not the peak), from /proc."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def _answers() -> list[Any]:
    from screener.answers import Answers

    worst = json.loads((ROOT / "examples" / "worst-case.json").read_text(encoding="utf-8"))
    typical = json.loads((ROOT / "examples" / "typical.json").read_text(encoding="utf-8"))
    return [Answers.model_validate(worst), Answers.model_validate(typical), Answers(age_years=45)]


def _expire(session: Any) -> None:
    """Run the idle countdown to its end, second by second, as the timer would."""
    session.idle.start_countdown()
    while session.idle.counting():
        session.idle._tick()


def soak(sessions: int, sample_every: int = 25, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from screener.answer_sheet import AnswerSheet
    from ui.app import create_app, start_kiosk
    from ui.kiosk_config import KioskConfig
    from ui.pin import hash_pin
    from ui.tour import Tapper, answer_screen, settle
    from ui.widgets.overlay import open_dialogs

    app = create_app()
    config = KioskConfig.model_construct(
        default_language="ja",
        idle_timeout_seconds=3600,
        countdown_seconds=20,
        result_reset_seconds=3600,
        printer_name="",
        paper=None,
        region="jp",
        text_scale=1.0,
        high_contrast=False,
        pin_hash=hash_pin("2468", iterations=100_000),
        log_file="",
        pdf_folder="",
    )
    session = start_kiosk(config)
    session.window.warm_up()
    answer_sets = _answers()
    samples: list[dict[str, float]] = []
    gc.collect()  # garbage left by whatever ran before (other tests) must not count as references lost here
    QApplication.processEvents()
    none_before = sys.getrefcount(None)
    tapper = Tapper()
    for index in range(sessions):
        window = session.window
        wanted = AnswerSheet()
        wanted.load(answer_sets[index % len(answer_sets)])
        tapper.tap(window.footer.next_button)
        while window.current_id() not in ("review", "result"):
            answer_screen(window, wanted, tapper)
        if index % 2:
            tapper.tap(window.header.language_button)  # every other person reads in the other language
        tapper.tap(window.footer.next_button)
        path = RESET_PATHS[index % len(RESET_PATHS)]
        if path in ("start_over", "hide_then_start_over"):
            if path == "hide_then_start_over":
                tapper.tap(session.hide_button)
                dialog = open_dialogs(window.host())[-1]
                tapper.tap(dialog.buttons["show"])
            tapper.tap(window.footer.start_over_button)
            tapper.tap(open_dialogs(window.host())[-1].buttons["clear"])
        else:
            _expire(session)
        settle()
        if session.window.current_id() != "welcome" or not session.window.sheet.is_empty():
            raise RuntimeError(f"session {index}: the reset ({path}) left answers or a screen behind")
        if (index + 1) % sample_every == 0 or index == 0:
            gc.collect()
            QApplication.processEvents()
            samples.append(
                {
                    "sessions": index + 1,
                    "rss_mib": round(rss_mib(), 2),
                    "widgets": len(QApplication.allWidgets()),
                    "none_refs_lost": none_before - sys.getrefcount(None),
                }
            )
        if progress is not None:
            progress(index + 1)
    session.guard.stop()
    session.idle.stop()
    session.window.hub.set_language("en")
    session.window.close()
    sys.excepthook = sys.__excepthook__  # the kiosk's crash guard goes with it
    first, last = samples[0], samples[-1]
    span = max(1, last["sessions"] - first["sessions"])
    # Growth measured from the second sample on: the first sessions build caches (fonts, layouts, babel data).
    settled = samples[1] if len(samples) > 2 else first
    settled_span = max(1, last["sessions"] - settled["sessions"])
    del app
    return {
        "sessions": sessions,
        "taps": tapper.taps,
        "reset_paths": list(RESET_PATHS),
        "samples": samples,
        "rss_growth_mib_per_100": round((last["rss_mib"] - first["rss_mib"]) * 100 / span, 2),
        "rss_growth_after_warm_up_mib_per_100": round((last["rss_mib"] - settled["rss_mib"]) * 100 / settled_span, 2),
        "widgets_first_last": [first["widgets"], last["widgets"]],
        "none_refs_lost": last["none_refs_lost"],
    }


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--quiet", action="store_true", help="no progress count on stderr")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from startup_child import quiet_qt

    quiet_qt()
    progress = None if args.quiet else lambda n: print(f"\r{n}", end="", file=sys.stderr, flush=True)
    figures = soak(args.sessions, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    print(json.dumps(figures, indent=2))
    sys.stdout.flush()
    os._exit(0)  # see bench/run.py: no interpreter teardown after a long in-process Qt run


if __name__ == "__main__":
    sys.exit(main())
