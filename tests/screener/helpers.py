"""Builders for answers in tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from screener.answers import Answers
from screener.result import Result
from screener.scoring import score


def answers(**fields: Any) -> Answers:
    """Answers with only the given fields (age 40 unless given); everything else skipped."""
    fields.setdefault("age_years", 40)
    return Answers.model_validate(fields)


def scored(region: str = "jp", **fields: Any) -> Result:
    return score(answers(**fields), region=region)  # type: ignore[arg-type]


def level(group: str, region: str = "jp", **fields: Any) -> str:
    return scored(region, **fields).groups[group].level  # type: ignore[index]


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Every group likely and every flag but pregnancy and minor: the longest result and summary there can be.
WORST_CASE: dict[str, Any] = json.loads((EXAMPLES / "worst-case.json").read_text(encoding="utf-8"))
