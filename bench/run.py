"""Benchmarks: start-up, page turns, language switch, PDF, scoring throughput and peak memory, against a bare Qt
baseline measured in the same run. A benchmark, never a test: it reports, it does not pass or fail.

    python bench/run.py                  # prints a table
    python bench/run.py --json out.json  # and writes the figures as JSON
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {
    "startup_ratio": ("<=", 1.5),
    "page_turn_p95_ms": ("<", 16.0),
    "language_switch_ms": ("<", 100.0),
    "pdf_ms": ("<", 300.0),
    "scoring_per_s": (">=", 20_000.0),
    "peak_rss_ratio": ("<=", 1.5),
    "peak_rss_session_ratio": ("<=", 1.5),
}


def session_rss() -> int:
    """Peak RSS in KiB of a whole session: start, answer, result, language switch, summary PDF."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "startup_child.py"), "session"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("maxrss_kb")))


def startup(kind: str) -> tuple[float, int]:
    """Seconds from launching the process to its first page painted, and its peak RSS in KiB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "startup_child.py"), kind], env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    painted = None
    rss = 0
    for line in child.stdout:
        if line.startswith("painted") and painted is None:
            painted = time.perf_counter() - start
        elif line.startswith("maxrss_kb"):
            rss = int(line.split()[1])
    child.wait()
    if painted is None:
        raise RuntimeError(f"{kind}: the first page was never painted")
    return painted, rss


def measure_startup(runs: int) -> dict[str, Any]:
    base_times, app_times, base_rss, app_rss = [], [], [], []
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


def measure_ui(walks: int, switches: int, pdfs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication
    from ui.pages.base import PageId

    from screener.answers import Answers
    from ui.app import build_window, create_app
    from ui.summary import write_pdf

    create_app()
    window, hub = build_window("ja")
    window.resize(1280, 800)
    window.show()
    settle = time.perf_counter() + 0.6  # a person reads the welcome page; the app warms up meanwhile
    while time.perf_counter() < settle:
        QApplication.processEvents()
        time.sleep(0.01)
    answers = Answers.model_validate(WORST_CASE)

    turns: list[float] = []
    for _ in range(walks):
        window.start_over()
        window.draft.load(answers)
        QApplication.processEvents()
        while window.current_id() != PageId.RESULT:
            QApplication.processEvents()  # what the app does between taps (untimed, as a person reads)
            start = time.perf_counter()
            window.go_next()
            window.repaint()  # the turn ends when the new page has been painted
            turns.append(time.perf_counter() - start)
        QApplication.processEvents()

    window.show_page(PageId.CAFFEINE)
    switch_times: list[float] = []
    for index in range(switches):
        start = time.perf_counter()
        hub.set_language("en" if index % 2 == 0 else "ja")
        window.repaint()
        switch_times.append(time.perf_counter() - start)

    assert window.result is not None
    pdf_times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(pdfs):
            start = time.perf_counter()
            write_pdf(Path(folder) / f"s{index}.pdf", window.result, answers, "A4")
            pdf_times.append(time.perf_counter() - start)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    turns_ms = sorted(t * 1000 for t in turns)
    return {
        "page_turns": len(turns_ms),
        "page_turn_median_ms": round(statistics.median(turns_ms), 2),
        "page_turn_p95_ms": round(turns_ms[int(0.95 * (len(turns_ms) - 1))], 2),
        "language_switch_ms": round(statistics.median(switch_times) * 1000, 2),
        "pdf_ms": round(statistics.median(pdf_times) * 1000, 1),
    }


WORST_CASE: dict[str, Any] = json.loads((ROOT / "examples" / "worst-case.json").read_text(encoding="utf-8"))


def random_answers(rng: random.Random) -> dict[str, Any]:
    def maybe(value: Any) -> Any:
        return None if rng.random() < 0.1 else value

    return {
        "age_years": rng.randint(0, 120),
        "sex": maybe(rng.choice(["female", "male", "unspecified"])),
        "pregnancy": maybe(rng.choice(["none", "pregnant", "breastfeeding"])),
        "stress_frequency": maybe(rng.randint(0, 4)),
        "stress_months": maybe(rng.randint(0, 60)),
        "servings_per_week": maybe({f: rng.randint(0, 14) for f in ("leafy_greens", "nuts", "seeds", "legumes")}),
        "exercise_hours_per_week": maybe(rng.randint(0, 40) / 2),
        "heavy_sweating": maybe(rng.random() < 0.5),
        "caffeine_servings_per_day": maybe({d: rng.randint(0, 10) / 2 for d in ("coffee", "green_tea", "cola")}),
        "caffeine_after_2pm": maybe(rng.random() < 0.5),
        "kidney_disease": maybe(rng.random() < 0.1),
        "medicines": maybe(rng.sample(["diuretic", "antibiotic", "other_regular"], rng.randint(0, 2))),
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


def verdict(key: str, value: float) -> str:
    op, target = TARGETS[key]
    ok = {"<=": value <= target, "<": value < target, ">=": value >= target}[op]
    return f"{op} {target:g}: {'met' if ok else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--runs", type=int, default=9, help="start-ups of each kind (median taken)")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    figures |= measure_startup(args.runs)
    figures |= measure_ui(walks=5, switches=20, pdfs=10)
    figures |= measure_scoring(20_000)
    rows = [
        (
            "start-up to first page painted",
            f"{figures['startup_app_s'] * 1000:.0f} ms vs baseline "
            f"{figures['startup_baseline_s'] * 1000:.0f} ms = {figures['startup_ratio']}x",
            "startup_ratio",
        ),
        (
            "page turn (median / p95)",
            f"{figures['page_turn_median_ms']} / {figures['page_turn_p95_ms']} ms over {figures['page_turns']} turns",
            "page_turn_p95_ms",
        ),
        ("live language switch (median)", f"{figures['language_switch_ms']} ms", "language_switch_ms"),
        ("summary PDF (median)", f"{figures['pdf_ms']} ms", "pdf_ms"),
        ("scoring throughput", f"{figures['scoring_per_s']:,} answer sets/s", "scoring_per_s"),
        (
            "peak memory (RSS), shown then quit",
            f"{figures['peak_rss_app_mib']} MiB vs baseline {figures['peak_rss_baseline_mib']} MiB"
            f" = {figures['peak_rss_ratio']}x",
            "peak_rss_ratio",
        ),
        (
            "peak memory (RSS), whole session",
            f"{figures['peak_rss_session_mib']} MiB = {figures['peak_rss_session_ratio']}x the baseline "
            "(answers, result, both languages, PDF)",
            "peak_rss_session_ratio",
        ),
    ]
    print("| measure | result | target |\n|---|---|---|")
    for name, result, key in rows:
        print(f"| {name} | {result} | {verdict(key, float(figures[key]))} |")
    print(f"\n{figures['machine']}, {figures['date']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()
    # Leave without interpreter teardown: PySide can abort while collecting Qt objects at exit after a
    # long in-process run like this one; the figures are written by now, and the app itself exits cleanly.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
