"""The benchmark drives the app as it is now (it broke silently once when the UI was rebuilt): a visit tapped
through reaches the result, the taps it reports are the taps it made, and its random answers are all valid."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from screener.answer_sheet import AnswerSheet
from screener.answers import Answers
from screener.review import asked_screens

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import run  # noqa: E402 - the bench's own module, after the path is set


def test_one_visit_per_example_is_tapped_to_the_result(qtbot: QtBot) -> None:
    figures = run.measure_ui(walks=1, switches=2, pdfs=1)
    for name in run.EXAMPLES:
        sheet = AnswerSheet()
        sheet.load(Answers.model_validate(json.loads((ROOT / "examples" / f"{name}.json").read_text("utf-8"))))
        screens = len(asked_screens(sheet))
        assert figures[f"screens_{name}"] == screens
        # At least one tap per screen's answer, plus Start, a Next per screen and See my result.
        assert figures[f"taps_{name}"] >= 2 * screens + 2
    assert figures["page_turns"] == sum(figures[f"screens_{name}"] + 1 for name in run.EXAMPLES)
    assert figures["pdf_ms"] > 0 and figures["language_switch_ms"] > 0


def test_the_scoring_benchmark_scores_valid_answers_with_every_field() -> None:
    rng = random.Random(1)
    answer_sets = [Answers.model_validate(run.random_answers(rng)) for _ in range(300)]
    for field in Answers.model_fields:
        assert any(getattr(a, field) not in (None, [], 0) for a in answer_sets), field
