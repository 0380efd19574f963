"""Benchmarks: start-up, page turns and taps, language switch, PDF, scoring throughput, peak memory against a bare
Qt baseline measured in the same run, a kiosk day (memory and widgets over hundreds of sessions), read-aloud's
first sound, and the reading time of a visit (both examples, both languages, per screen). A benchmark, never a test:
it reports, it does not pass or fail.

    python bench/run.py                          # prints a Markdown table
    python bench/run.py --json out.json          # and writes the figures as JSON
    python bench/run.py --soak-sessions 1000     # a longer kiosk day (default 300)
    python bench/run.py --reading-only           # only the reading time of a visit
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from startup_child import quiet_qt  # noqa: E402 - the bench's own module, after the path is set

sys.path.insert(0, str(ROOT / "tools"))
from lock import differences_from  # noqa: E402 - tools/lock.py, after the path is set

TARGETS = {
    "startup_ratio": ("<=", 1.5),
    "page_turn_p95_ms": ("<", 16.0),
    "result_ms": ("<", 100.0),
    "language_switch_ms": ("<", 100.0),
    "pdf_ms": ("<", 300.0),
    "scoring_per_s": (">=", 20_000.0),
    "peak_rss_ratio": ("<=", 1.5),
    "peak_rss_session_ratio": ("<=", 1.5),
    "soak_rss_growth_after_warm_up_mib_per_100": ("<=", 1.0),
    "speech_first_sound_p95_ms": ("<", 300.0),
}
EXAMPLES = ("worst-case", "typical")


def child(kind: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # As installed: pip compiles the modules, so a launch never compiles source (the first, untimed launch
    # writes the byte code here if the checkout has none).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "startup_child.py"), kind], env=env, stdout=subprocess.PIPE, text=True
    )


def session_rss() -> int:
    """Peak RSS in KiB of a whole session: start, answers tapped in, result, summary PDF, language switch."""
    process = child("session")
    out, _err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"the session run failed ({process.returncode})")
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("maxrss_kb")))


def startup(kind: str) -> tuple[float, int]:
    """Seconds from launching the process to its first screen painted, and its peak RSS in KiB."""
    start = time.perf_counter()
    process = child(kind)
    assert process.stdout is not None
    painted = None
    rss = 0
    for line in process.stdout:
        if line.startswith("painted") and painted is None:
            painted = time.perf_counter() - start
        elif line.startswith("maxrss_kb"):
            rss = int(line.split()[1])
    process.wait()
    if painted is None:
        raise RuntimeError(f"{kind}: the first screen was never painted")
    return painted, rss


def measure_startup(runs: int) -> dict[str, Any]:
    base_times, app_times, base_rss, app_rss = [], [], [], []
    startup("baseline"), startup("app")  # untimed: byte code written, files in the page cache
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        t, rss = startup("baseline")
        base_times.append(t)
        base_rss.append(rss)
        t, rss = startup("app")
        app_times.append(t)
        app_rss.append(rss)
    base, app = statistics.median(base_times), statistics.median(app_times)
    session = statistics.median(session_rss() for _ in range(3))
    return {
        "startup_baseline_s": round(base, 3),
        "startup_app_s": round(app, 3),
        "startup_ratio": round(app / base, 2),
        "peak_rss_baseline_mib": round(statistics.median(base_rss) / 1024, 1),
        "peak_rss_app_mib": round(statistics.median(app_rss) / 1024, 1),
        # Like for like with the baseline (shown, then quit). The whole session's peak is reported beside it.
        "peak_rss_ratio": round(statistics.median(app_rss) / statistics.median(base_rss), 2),
        "peak_rss_session_mib": round(session / 1024, 1),
        "peak_rss_session_ratio": round(session / statistics.median(base_rss), 2),
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def measure_ui(walks: int, switches: int, pdfs: int) -> dict[str, Any]:
    """Tap whole visits as a person does. A page turn is timed from the tap on Next until the next screen has been
    painted; the taps that answer are not timed (a person reads and thinks between them)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from screener.answer_sheet import AnswerSheet
    from screener.answers import Answers
    from ui.app import build_window, create_app
    from ui.summary import default_paper, write_pdf
    from ui.tour import Tapper, answer_screen, settle

    create_app()
    window, hub = build_window("ja", region="jp")
    window.resize(1280, 800)
    window.show()
    settle()
    window.warm_up()  # what the app does while a person reads the welcome screen

    def timed_tap(button: Any) -> float:
        start = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        window.repaint()  # the turn ends when the new screen has been painted
        elapsed = (time.perf_counter() - start) * 1000
        settle()
        return elapsed

    figures: dict[str, Any] = {}
    turns: list[float] = []
    results: list[float] = []
    for name in EXAMPLES:
        wanted = AnswerSheet()
        wanted.load(Answers.model_validate(json.loads((ROOT / "examples" / f"{name}.json").read_text("utf-8"))))
        for _walk in range(walks):
            window.reset_session()
            settle()
            tapper = Tapper()
            screens = 0
            turns.append(timed_tap(window.footer.next_button))
            while window.current_id() != "review":
                answer_screen(window, wanted, tapper, then_next=False)
                turns.append(timed_tap(window.footer.next_button))
                screens += 1
            results.append(timed_tap(window.footer.next_button))  # "See my result"
            if window.current_id() != "result":
                raise RuntimeError(f"{name}: the result was not shown")
            # Every tap a person makes: the answers, Start, each Next, See my result.
            figures[f"taps_{name}"] = tapper.taps + screens + 2
            figures[f"screens_{name}"] = screens
    figures["page_turns"] = len(turns)
    figures["page_turn_median_ms"] = round(statistics.median(turns), 2)
    figures["page_turn_p95_ms"] = round(_p95(turns), 2)
    figures["result_ms"] = round(statistics.median(results), 1)

    assert window.result is not None and window.answers is not None
    result, answers = window.result, window.answers
    window.show_screen("diet")  # the busiest question screen
    settle()
    switch_times: list[float] = []
    for index in range(switches):
        start = time.perf_counter()
        hub.set_language("en" if index % 2 == 0 else "ja")
        window.repaint()
        switch_times.append((time.perf_counter() - start) * 1000)
    figures["language_switch_ms"] = round(statistics.median(switch_times), 1)

    pdf_times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(pdfs):
            start = time.perf_counter()
            write_pdf(Path(folder) / f"s{index}.pdf", result, answers, default_paper("ja"))
            pdf_times.append((time.perf_counter() - start) * 1000)
    figures["pdf_ms"] = round(statistics.median(pdf_times), 1)
    window.close()
    window.deleteLater()
    settle()
    return figures


def random_answers(rng: random.Random) -> dict[str, Any]:
    """A valid answers file with every field, each left out one time in ten (as skipped questions are)."""
    from screener.ids import MAGNESIUM_PRODUCTS, MEDICINES

    def maybe(value: Any) -> Any:
        return None if rng.random() < 0.1 else value

    foods = ("leafy_greens", "nuts", "seeds", "legumes", "whole_grains", "avocado")
    drinks = ("coffee", "black_tea", "green_tea", "energy_drink", "cola", "caffeine_tablet")
    return {
        "age_years": rng.randint(0, 120),
        "sex": maybe(rng.choice(["female", "male", "unspecified"])),
        "pregnancy": maybe(rng.choice(["none", "pregnant", "breastfeeding"])),
        "stress_frequency": maybe(rng.randint(0, 4)),
        "stress_months": maybe(rng.randint(0, 60)),
        "servings_per_week": maybe({f: rng.randint(0, 14) for f in foods}),
        "exercise_hours_per_week": maybe(rng.randint(0, 40) / 2),
        "heavy_sweating": maybe(rng.random() < 0.5),
        "caffeine_servings_per_day": maybe({d: rng.randint(0, 10) / 2 for d in drinks}),
        "caffeine_after_2pm": maybe(rng.random() < 0.5),
        "kidney_disease": maybe(rng.random() < 0.1),
        "medicines": maybe(rng.sample(list(MEDICINES), rng.randint(0, 2))),
        "magnesium_products": maybe(rng.sample(list(MAGNESIUM_PRODUCTS), rng.randint(0, 2))),
        "alcohol_drinks_per_week": maybe(float(rng.randint(0, 30))),
        "insomnia_nights_per_week": maybe(rng.randint(0, 7)),
        "sleep_problem_months": maybe(rng.randint(0, 24)),
        "snoring_or_gasping": maybe(rng.random() < 0.3),
    }


def measure_scoring(count: int) -> dict[str, Any]:
    """Answer sets scored per second: validated answers in, a validated result out (the core's whole job)."""
    from screener.answers import Answers
    from screener.scoring import score

    rng = random.Random(7)
    answer_sets = [Answers.model_validate(random_answers(rng)) for _ in range(count)]
    score(answer_sets[0])
    start = time.perf_counter()
    for answers in answer_sets:
        score(answers)
    elapsed = time.perf_counter() - start
    return {"scoring_answer_sets": count, "scoring_per_s": round(count / elapsed)}


def measure_soak(sessions: int) -> dict[str, Any]:
    """A kiosk day in its own process (bench/soak.py): RSS and live widgets over ``sessions`` tapped sessions."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--sessions", str(sessions), "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the soak failed: {done.stderr[-1000:]}")
    soak = json.loads(done.stdout)
    first, last = soak["samples"][0], soak["samples"][-1]
    return {
        "soak_sessions": soak["sessions"],
        "soak_taps": soak["taps"],
        "soak_rss_first_last_mib": [first["rss_mib"], last["rss_mib"]],
        "soak_rss_growth_mib_per_100": soak["rss_growth_mib_per_100"],
        "soak_rss_growth_after_warm_up_mib_per_100": soak["rss_growth_after_warm_up_mib_per_100"],
        "soak_widgets_first_last": soak["widgets_first_last"],
    }


def measure_speech() -> dict[str, Any]:
    """First sound of read-aloud (bench/speech.py); reported as not measured where no engine is installed."""
    try:
        from speech import measure
    except ImportError as exc:  # pragma: no cover - depends on the speech extra
        return {"speech_not_measured": str(exc)}
    try:
        return measure(repeats=1)
    except (OSError, RuntimeError) as exc:
        return {"speech_not_measured": str(exc)}


def verdict(key: str, value: float) -> str:
    op, target = TARGETS[key]
    ok = {"<=": value <= target, "<": value < target, ">=": value >= target}[op]
    return f"{op} {target:g}: {'met' if ok else 'MISSED'}"


def rows(figures: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    f = figures
    table: list[tuple[str, str, str | None]] = [
        (
            "start-up to first screen painted",
            f"{f['startup_app_s'] * 1000:.0f} ms vs baseline {f['startup_baseline_s'] * 1000:.0f} ms"
            f" = {f['startup_ratio']}x",
            "startup_ratio",
        ),
        (
            "taps for a whole visit (worst-case / typical answers)",
            f"{f['taps_worst-case']} / {f['taps_typical']} taps over {f['screens_worst-case']} / "
            f"{f['screens_typical']} question screens",
            None,
        ),
        (
            "page turn, tap on Next to next screen painted (median / p95)",
            f"{f['page_turn_median_ms']} / {f['page_turn_p95_ms']} ms over {f['page_turns']} turns",
            "page_turn_p95_ms",
        ),
        ("See my result to the result painted (median)", f"{f['result_ms']} ms", "result_ms"),
        ("live language switch on the food screen (median)", f"{f['language_switch_ms']} ms", "language_switch_ms"),
        ("summary PDF (median)", f"{f['pdf_ms']} ms", "pdf_ms"),
        ("scoring throughput", f"{f['scoring_per_s']:,} answer sets/s", "scoring_per_s"),
        (
            "peak memory (RSS), shown then quit",
            f"{f['peak_rss_app_mib']} MiB vs baseline {f['peak_rss_baseline_mib']} MiB = {f['peak_rss_ratio']}x",
            "peak_rss_ratio",
        ),
        (
            "peak memory (RSS), one whole visit",
            f"{f['peak_rss_session_mib']} MiB = {f['peak_rss_session_ratio']}x the baseline "
            "(answers tapped, result, PDF, both languages)",
            "peak_rss_session_ratio",
        ),
        (
            f"kiosk day: {f['soak_sessions']} sessions, {f['soak_taps']:,} taps, all four reset paths",
            f"RSS {f['soak_rss_first_last_mib'][0]} → {f['soak_rss_first_last_mib'][1]} MiB; after the first "
            f"25 sessions {f['soak_rss_growth_after_warm_up_mib_per_100']} MiB per 100; widgets "
            f"{f['soak_widgets_first_last'][0]} → {f['soak_widgets_first_last'][1]}",
            "soak_rss_growth_after_warm_up_mib_per_100",
        ),
    ]
    if "speech_first_sound_p95_ms" in f:
        table.append(
            (
                "read aloud: press to first sound, warm (median / p95; cold ja / en)",
                f"{f['speech_first_sound_median_ms']} / {f['speech_first_sound_p95_ms']} ms over "
                f"{f['speech_presses']} questions; cold {f['speech_first_sound_ja_cold_ms']} / "
                f"{f['speech_first_sound_en_cold_ms']} ms",
                "speech_first_sound_p95_ms",
            )
        )
    else:
        table.append(("read aloud: press to first sound", f"not measured: {f['speech_not_measured']}", None))
    return table


READING_TARGETS_S = {"typical": 180.0, "worst-case": 240.0}  # a visit, welcome to the result's first screen


def measure_reading(size: tuple[int, int] = (1024, 768)) -> dict[str, Any]:
    """A visit's reading and tapping time by the reading model (screener/reading.py), from what the tour shows,
    for both examples in both languages: per screen and in total."""
    from screener.answers import Answers
    from ui.tour import run_tour

    visits: dict[str, Any] = {}
    for example in ("typical", "worst-case"):
        answers = Answers.model_validate(json.loads((ROOT / "examples" / f"{example}.json").read_text("utf-8")))
        for language in ("en", "ja"):
            with tempfile.TemporaryDirectory() as out:
                run_tour(answers, language, Path(out), size, region="jp" if language == "ja" else "us")
                manifest = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))
            visits[f"{example}/{language}"] = {
                "estimate_s": manifest["estimate_s"],
                "floor_s": round(reading_floor(answers, language), 1),
                "target_s": READING_TARGETS_S[example],
                "taps": manifest["taps"],
                "screens": [{"screen": s["screen"], **s["reading"]} for s in manifest["screens"]],
            }
    return {"reading": visits, "reading_size": f"{size[0]}x{size[1]}"}


def reading_floor(answers: Any, language: str) -> float:
    """screener.reading.floor_seconds for these answers: prompts, rows and choices only, and every tap."""
    from screener.answer_sheet import AnswerSheet
    from screener.i18n import current_language, set_language
    from screener.reading import floor_seconds

    before = current_language()
    set_language(language)
    try:
        sheet = AnswerSheet()
        sheet.load(answers)
        return floor_seconds(sheet, "jp" if language == "ja" else "us")
    finally:
        set_language(before)


def print_reading(figures: dict[str, Any]) -> None:
    visits = figures["reading"]
    names = list(visits)
    print(f"\nReading time of a visit at {figures['reading_size']} (seconds: reading + 2 s a tap)\n")
    print("| screen | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    order = list(dict.fromkeys(s["screen"] for visit in visits.values() for s in visit["screens"]))
    for screen in order:
        cells = []
        for name in names:
            found = [s for s in visits[name]["screens"] if s["screen"] == screen]
            cells.append(f"{found[0]['seconds']} ({found[0]['units']} {found[0]['unit'][0]})" if found else "—")
        print(f"| {screen} | " + " | ".join(cells) + " |")
    totals = [
        f"**{v['estimate_s']}** / ≤ {v['target_s']:.0f} {'met' if v['estimate_s'] <= v['target_s'] else 'NOT MET'}"
        for v in visits.values()
    ]
    print("| total / target | " + " | ".join(totals) + " |")
    floors = [f"{v['floor_s']}" for v in visits.values()]
    print("| floor: prompts, rows and choices only, every tap | " + " | ".join(floors) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--runs", type=int, default=9, help="start-ups of each kind (median taken)")
    parser.add_argument("--soak-sessions", type=int, default=300, help="sessions in the kiosk day")
    parser.add_argument("--reading-only", action="store_true", help="only the reading time of a visit")
    args = parser.parse_args(argv)
    quiet_qt()
    if args.reading_only:
        reading = measure_reading()
        print_reading(reading)
        if args.json:
            args.json.write_text(json.dumps(reading, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        sys.stdout.flush()
        os._exit(0)
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        # The figures hold for the locked releases (PySide6 above all); a bench run elsewhere says so.
        "lock": "; ".join(differences_from(ROOT / "requirements" / "test.txt")) or "as locked (requirements/test.txt)",
    }
    figures |= measure_startup(args.runs)
    figures |= measure_ui(walks=3, switches=20, pdfs=10)
    figures |= measure_scoring(20_000)
    figures |= measure_soak(args.soak_sessions)
    figures |= measure_speech()
    figures |= measure_reading()
    print("| measure | result | target |\n|---|---|---|")
    for name, result, key in rows(figures):
        target = verdict(key, float(figures[key])) if key else "(reported)"
        print(f"| {name} | {result} | {target} |")
    print_reading(figures)
    print(f"\n{figures['machine']}, {figures['date']}; packages {figures['lock']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()
    # Leave without interpreter teardown: PySide can abort while collecting Qt objects at exit after a
    # long in-process run like this one; the figures are written by now, and the app itself exits cleanly.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
