"""Reads answers from a file or standard input, within fixed bounds, and names every problem on one line.

Shared by the command line and the UI's commands (``tour``, ``summary``): both call ``load_answers``; bad input
raises ``InputError`` (screener.errors), which the command line prints one line per problem with exit status 2.

Bounds, so no input can hang the command or flood the terminal: at most ``MAX_ANSWERS_BYTES`` are read (never more,
so ``/dev/zero`` ends at once), only regular files or standard input, nesting at most ``MAX_DEPTH`` deep, numbers
at most ``MAX_INTEGER_DIGITS`` digits, and values in messages cut short (screener.errors).
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from screener.answers import Answers
from screener.errors import InputError, shortened, shown_key, shown_path, shown_value

# A complete answers file is under 2 KB; a megabyte leaves room for any indentation and still reads in an instant.
MAX_ANSWERS_BYTES = 1024 * 1024
# The answers nest two levels (an object of objects and lists); anything much deeper is not answers.
MAX_DEPTH = 20
# No answer needs more than four digits; a longer integer is refused before Python's own 4,300-digit limit bites.
MAX_INTEGER_DIGITS = 50

_JSON_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_KIND_WORDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "a string",
    "list_type": "a list",
    "model_type": "an object",
    "dict_type": "an object",
}
_BOUNDS = {"greater_than_equal": ">=", "less_than_equal": "<=", "greater_than": ">", "less_than": "<"}


def read_text(source: str | Path, limit: int, stdin_dash: bool = False) -> str:
    """The UTF-8 text of a regular file (or of standard input for '-'), at most ``limit`` bytes.

    Opens without blocking and reads at most ``limit + 1`` bytes, so a FIFO, a device or an endless stream cannot
    hang the caller. Raises InputError with one line naming the file.
    """
    name = shown_path(source)
    data = _read_stdin(limit) if stdin_dash and str(source) == "-" else _read_regular_file(source, name, limit)
    if isinstance(data, str):  # standard input replaced by a text stream (tests, embedding)
        if len(data) > limit:
            raise InputError([f"{name}: larger than {limit} bytes; is this the right file?"])
        return data.removeprefix("\ufeff")
    if len(data) > limit:
        raise InputError([f"{name}: larger than {limit} bytes; is this the right file?"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError([f"{name}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x})"]) from None
    return text.removeprefix("\ufeff")  # a byte-order mark some editors write


def _read_stdin(limit: int) -> bytes | str:
    stream = sys.stdin
    if stream is None:
        raise InputError(["-: there is no standard input to read"])
    buffer = getattr(stream, "buffer", None)
    return buffer.read(limit + 1) if buffer is not None else stream.read(limit + 1)


def _read_regular_file(source: str | Path, name: str, limit: int) -> bytes:
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError([f"{name}: cannot read: {exc.strerror or exc}"]) from None
    except ValueError:  # a NUL character in the name
        raise InputError([f"{name}: cannot read: not a usable file name"]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError([f"{name}: is a folder, not a file"])
        if not stat.S_ISREG(info.st_mode):
            raise InputError([f"{name}: not a regular file (a device, pipe or socket); save the input to a file"])
        if info.st_size > limit:
            raise InputError([f"{name}: larger than {limit} bytes; is this the right file?"])
        chunks: list[bytes] = []
        remaining = limit + 1  # /proc files say they are empty: read, but never more than one byte past the limit
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError([f"{name}: cannot read: {exc.strerror or exc}"]) from None
    finally:
        os.close(fd)


def field_name(loc: tuple[int | str, ...], whole: str = "answers") -> str:
    """``servings_per_week.nuts``, ``medicines[2]``; odd keys quoted and escaped; ``whole`` for the top level."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + shown_key(part))
    return "".join(parts) or whole


def _describe(error: dict[str, Any], list_word: str, object_word: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}

    def given() -> str:
        return shown_value(error.get("input"), list_word, object_word)

    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "is required"
    if kind in _BOUNDS:
        limit = next(iter(ctx.values()))
        return f"must be {_BOUNDS[kind]} {shown_value(limit)}, got {given()}"
    if kind == "literal_error":
        return f"must be one of {shortened(str(ctx.get('expected', '')), 200)}, got {given()}"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters, got {len(str(error.get('input', '')))}"
    if kind == "value_error":
        return shortened(str(ctx.get("error", error["msg"])), 200)
    if kind.endswith("_type") or kind.endswith("_parsing"):
        wanted = {**_KIND_WORDS, "list_type": list_word, "model_type": object_word, "dict_type": object_word}
        return f"must be {wanted.get(kind, kind.removesuffix('_type'))}, got {given()}"
    return shortened(str(error["msg"]), 200)


def problems_from(
    error: ValidationError, whole: str = "answers", list_word: str = "a list", object_word: str = "an object"
) -> list[str]:
    """One line per problem, each starting with the field's dotted name; values escaped and cut short."""
    return [
        f"{field_name(tuple(e['loc']), whole)}: {_describe(dict(e), list_word, object_word)}" for e in error.errors()
    ]


def _check_depth(text: str) -> None:
    depth = 0
    for match in _JSON_STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise InputError([f"line {line}: nested more than {MAX_DEPTH} levels deep; answers nest two"])
        elif token in "]}":
            depth -= 1


class _TooManyDigitsError(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _TooManyDigitsError(digits)
    return int(digits)


def _not_a_json_number(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _lone_surrogates(data: object) -> list[str]:
    """Keys and strings holding half of a UTF-16 pair (``"\\ud800"``): valid JSON, but not text."""
    problems: list[str] = []
    stack: list[tuple[tuple[int | str, ...], object]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if not _is_text(key):
                    problems.append(f"{field_name((*loc, key))}: the name is not valid text (a lone surrogate)")
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, index), item) for index, item in enumerate(value))
        elif isinstance(value, str) and not _is_text(value):
            problems.append(f"{field_name(loc)}: not valid text (a lone surrogate), got {shown_value(value)}")
    return sorted(problems)


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json(text: str) -> Any:
    """JSON within the depth and digit bounds; NaN and Infinity refused. Raises InputError naming the line."""
    _check_depth(text)
    try:
        return json.loads(text, parse_int=_integer, parse_constant=_not_a_json_number)
    except json.JSONDecodeError as exc:
        raise InputError([f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from None
    except _TooManyDigitsError as exc:
        line = text.count("\n", 0, max(text.find(exc.digits), 0)) + 1
        count = len(exc.digits.lstrip("-"))
        raise InputError([f"line {line}: a number has {count} digits (at most {MAX_INTEGER_DIGITS})"]) from None
    except RecursionError:  # only if the depth check above were loosened
        raise InputError([f"nested more than {MAX_DEPTH} levels deep"]) from None
    except ValueError as exc:
        raise InputError([f"not valid JSON: {shortened(str(exc), 80)}"]) from None


def parse_answers(text: str) -> Answers:
    """Parse and validate answers JSON. Raises InputError naming each bad field or the bad line."""
    data = parse_json(text)
    if not isinstance(data, dict):
        raise InputError(["answers: must be a JSON object with the answer fields"])
    problems = _lone_surrogates(data)
    if problems:
        raise InputError(problems)
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from(exc)) from None


def load_answers(source: str) -> Answers:
    """Answers from a file, or standard input for '-'. Raises InputError, each line starting with the source."""
    text = read_text(source, MAX_ANSWERS_BYTES, stdin_dash=True)
    try:
        return parse_answers(text)
    except InputError as exc:
        raise InputError([f"{shown_path(source)}: {problem}" for problem in exc.problems]) from None
