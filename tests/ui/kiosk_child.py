"""A kiosk with short timings for the real-window tests: ``python tests/ui/kiosk_child.py IDLE COUNTDOWN RESULT``.

The config's own minimums (15 s idle, 20 s countdown) would make each idle test wait most of a minute, so the
config is built without validation, as the in-process kiosk tests build theirs; everything else is the kiosk as
``screener --kiosk`` starts it (the window, the guard, the idle watch, the signals)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ui.app import LOG_FORMAT, create_app, start_kiosk
from ui.kiosk_config import KioskConfig
from ui.pin import hash_pin
from ui.stopping import stop_on_signals

PIN = "2468"


def main() -> int:
    idle, countdown, result = (int(value) for value in sys.argv[1:4])
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    app = create_app()
    config = KioskConfig.model_construct(
        default_language="en", idle_timeout_seconds=idle, countdown_seconds=countdown, result_reset_seconds=result,
        printer_name="", paper=None, region="us", text_scale=1.0, high_contrast=False, read_aloud=False,
        pin_hash=hash_pin(PIN), log_file="", pdf_folder="",
    )  # fmt: skip
    session = start_kiosk(config)
    stopper = stop_on_signals(app)
    code = app.exec()
    del stopper, session
    return code


if __name__ == "__main__":
    sys.exit(main())
