"""Read-aloud benchmark: time from pressing the speaker button to the first sound, and time to stop.

"First sound" is measured from ``Speaker.speak()`` to the moment the player has been handed the first audio
(``on_started``); the audio handed over starts with 20 ms of lead-in (``synth.LEAD_MS``) before the voice. The
texts are every question's prompt in both languages (a press reads the question first, so its first sentence
decides). Warm: after ``Speaker.prepare()`` (the app loads the engines in the background at start-up). Cold: a fresh
process whose first press also loads the engine.

    python bench/speech.py            # prints the figures as JSON
    from bench.speech import measure  # for bench/run.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 300.0
HANG_GUARD_S = 60

COLD_CHILD = """
import sys, threading, time
from ui.speech.speaker import Speaker
started = threading.Event()
speaker = Speaker(on_started=lambda uid: started.set())
begin = time.perf_counter()
speaker.speak(sys.argv[1], sys.argv[2])
started.wait(60)
print((time.perf_counter() - begin) * 1000)
speaker.stop()
"""


def questions(language: str) -> list[str]:
    """Every question's prompt as the wizard shows it in ``language``, in the order a person meets them."""
    from screener.i18n import _, current_language, set_language
    from screener.questions import screens

    before = current_language()
    set_language(language)
    try:
        return [_(question.prompt) for screen in screens() for question in screen.questions]
    finally:
        set_language(before)


def _device() -> str:
    from ui.speech.player import AUDIO_DEVICE_ENV, player_works

    if not os.environ.get(AUDIO_DEVICE_ENV) and not player_works(None):
        os.environ[AUDIO_DEVICE_ENV] = "null"  # no sound card here: ALSA's null device takes the samples
    return os.environ.get(AUDIO_DEVICE_ENV) or "default"


def _first_sound_ms(speaker: Any, started: threading.Event, text: str, language: str) -> float:
    started.clear()
    begin = time.perf_counter()
    speaker.speak(text, language)
    if not started.wait(HANG_GUARD_S):
        raise RuntimeError(f"no sound for {text!r}")
    elapsed = (time.perf_counter() - begin) * 1000
    speaker.stop()
    speaker.wait(HANG_GUARD_S)  # the piece being made when stopped finishes in the background; a person's next
    return elapsed  # press comes later than that (an immediate re-press waits for it: up to one piece, ~0.1-0.2 s)


def _cold_ms(text: str, language: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", COLD_CHILD, text, language],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=HANG_GUARD_S,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def measure(repeats: int = 3) -> dict[str, Any]:
    """Median and p95 ms from speak() to the first audio handed to the player, per language and together;
    a cold first press per language; and the median ms for stop() to return (player killed and reaped)."""
    from ui.speech.speaker import Speaker

    device = _device()
    started = threading.Event()
    speaker = Speaker(on_started=lambda uid: started.set())
    for language in ("ja", "en"):
        speaker.prepare(language).join()
    figures: dict[str, Any] = {"speech_device": device}
    everything: list[float] = []
    for language in ("ja", "en"):
        texts = questions(language)
        times = [_first_sound_ms(speaker, started, t, language) for _ in range(repeats) for t in texts]
        everything += times
        figures[f"speech_first_sound_{language}_median_ms"] = round(statistics.median(times), 1)
        figures[f"speech_first_sound_{language}_p95_ms"] = round(_p95(times), 1)
        figures[f"speech_first_sound_{language}_max_ms"] = round(max(times), 1)
        figures[f"speech_first_sound_{language}_cold_ms"] = round(_cold_ms(texts[0], language), 1)
    figures["speech_first_sound_median_ms"] = round(statistics.median(everything), 1)
    figures["speech_first_sound_p95_ms"] = round(_p95(everything), 1)
    figures["speech_presses"] = len(everything)

    long_text = "。".join(questions("ja")) + "。"
    stops: list[float] = []
    for _ in range(5):
        started.clear()
        speaker.speak(long_text, "ja")
        if not started.wait(HANG_GUARD_S):
            raise RuntimeError("no sound for the long text")
        begin = time.perf_counter()
        speaker.stop()
        stops.append((time.perf_counter() - begin) * 1000)
    figures["speech_stop_median_ms"] = round(statistics.median(stops), 2)
    return figures


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
