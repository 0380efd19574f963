"""Reads answers from JSON text and turns every problem into a one-line message that names the field."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from screener.answers import Answers


class AnswersError(ValueError):
    """The answers could not be read. ``problems`` holds one plain line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _field_name(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "answers"


def _describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "is required"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": ">=", "less_than_equal": "<=", "greater_than": ">", "less_than": "<"}[kind]
        limit = next(iter(ctx.values()))
        return f"must be {bound} {limit}, got {json.dumps(given)}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}, got {json.dumps(given)}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        wanted = {
            "int_type": "a whole number",
            "int_from_float": "a whole number",
            "float_type": "a number",
            "bool_type": "true or false",
            "string_type": "a string",
            "list_type": "a list",
            "model_type": "an object",
            "dict_type": "an object",
        }.get(kind, kind.removesuffix("_type"))
        return f"must be {wanted}, got {json.dumps(given, ensure_ascii=False)[:40]}"
    return str(error["msg"])


def problems_from(error: ValidationError) -> list[str]:
    """One line per problem, each starting with the field's dotted name."""
    return [f"{_field_name(tuple(e['loc']))}: {_describe(dict(e))}" for e in error.errors()]


def parse_answers(text: str) -> Answers:
    """Parse and validate answers JSON. Raises AnswersError naming each bad field or the bad line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswersError([f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from None
    if not isinstance(data, dict):
        raise AnswersError(["answers: must be a JSON object with the answer fields"])
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        raise AnswersError(problems_from(exc)) from None
