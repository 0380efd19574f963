"""Any malformed answers file or kiosk config (hypothesis): the real command exits 2 with one short, printable
line per problem, each naming its field or key, never a traceback, and returns well within a hang guard.

The generated inputs carry a known number of problems, each in a known field or key, so the test checks that every
one is reported once and nothing else is; free-form garbage (random bytes, cut-off files, deep nesting, long
numbers) must still give at least one line.
"""

from __future__ import annotations

import atexit
import io
import json
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.answers import Answers
from screener.cli import main
from screener.errors import MAX_PROBLEMS_SHOWN, shown_key
from tests.screener.strategies import answer_fields
from ui.pin import hash_pin

PREFIX = "screener: "
MAX_LINE_CHARS = 500  # prefix + file name + field + message with a value cut to 40 characters
HANG_GUARD_S = 30  # far above the few milliseconds each input takes; only a hang reaches it
FOLDER = Path(tempfile.mkdtemp(prefix="screener-bad-input-"))  # a file name that stays short in messages
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
PIN_HASH = hash_pin("2468")
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Interrupt the command if it has not returned after ``seconds`` (a hang fails the test, never freezes it)."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(*argv: str) -> tuple[int, str]:
    """`screener ARGV` in this process: the exit status and everything written to stderr."""
    err, out = io.StringIO(), io.StringIO()
    with hang_guard(HANG_GUARD_S), redirect_stderr(err), redirect_stdout(out):
        code = main(list(argv))
    return code, err.getvalue()


def refused_lines(code: int, err: str) -> list[str]:
    """The problem lines, after checking the shape every refusal must have."""
    assert code == 2, err
    assert "Traceback" not in err
    assert err.endswith("\n")
    lines = err[:-1].split("\n")
    for line in lines:
        assert line.startswith(PREFIX), line
        assert line.isprintable(), f"unescaped character in {line!r}"  # no \r, \x85, U+2028 or lone surrogate
        assert len(line) <= MAX_LINE_CHARS, line
    assert 1 <= len(lines) <= MAX_PROBLEMS_SHOWN + 1
    return lines


def write(name: str, content: bytes) -> Path:
    path = FOLDER / name
    path.write_bytes(content)
    return path


# --- answers ----------------------------------------------------------------------------------------------------

SCHEMA = Answers.model_json_schema()
FIELDS = SCHEMA["properties"]
text = st.text(st.characters(codec="utf-8"), max_size=30)  # any character but a lone surrogate
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
any_json = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=6
)
not_list_or_object = st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
# A float that is not whole, of any size JSON can write.
fractions = st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer())


def _kind(name: str) -> dict[str, Any]:
    node = FIELDS[name]
    node = node.get("anyOf", [node])[0]
    if "$ref" in node:
        return dict(SCHEMA["$defs"][node["$ref"].removeprefix("#/$defs/")])
    return dict(node)


def bad_value(name: str) -> st.SearchStrategy[Any]:
    """Values that make exactly one problem in this field, read from the published schema."""
    node = _kind(name)
    kind = node["type"]
    containers = st.lists(any_json, max_size=3) | st.dictionaries(text, any_json, max_size=3)
    if kind == "integer" or kind == "number":
        low, high = node["minimum"], node["maximum"]
        out_of_range = st.integers(int(high) + 1, 10**45) | st.integers(-(10**45), int(low) - 1)
        wrong = text | st.booleans() | containers | out_of_range
        # Finite floats only: json.dumps writes inf as Infinity, which is not JSON (a whole-file problem, tested apart).
        above = st.floats(min_value=high, exclude_min=True, allow_infinity=False)
        return wrong | fractions if kind == "integer" else wrong | above
    if kind == "boolean":
        return text | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | containers
    if kind == "string":  # an enum
        return text.filter(lambda t: t not in node["enum"]) | st.integers() | st.booleans() | containers
    if kind == "array":
        items = node["items"]["enum"]
        one_bad_item = st.tuples(st.lists(st.sampled_from(items), unique=True), text.filter(lambda t: t not in items))
        one_repeat = st.sampled_from(items).map(lambda item: [item, item])
        return (
            not_list_or_object
            | st.dictionaries(text, any_json, max_size=2)
            | one_repeat
            | one_bad_item.map(lambda pair: [*pair[0], pair[1]])
        )
    if kind == "object":
        members = sorted(node["properties"])
        unknown_member = text.filter(lambda t: t not in members).map(lambda key: {key: 1})
        bad_member = st.sampled_from(members).flatmap(lambda m: (text | st.booleans()).map(lambda v: {m: v}))
        return not_list_or_object | st.lists(any_json, max_size=2) | unknown_member | bad_member
    raise AssertionError(f"no bad values for {name}: {node}")


@st.composite
def answers_with_known_problems(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """Valid answers with some fields made wrong and some unknown keys added; returns them and the bad names."""
    data: dict[str, Any] = dict(draw(answer_fields))
    wrong = draw(st.lists(st.sampled_from(sorted(FIELDS)), unique=True, max_size=5))
    unknown = draw(st.lists(text.filter(lambda t: t not in FIELDS), unique=True, max_size=3))
    if not wrong and not unknown:
        wrong = [draw(st.sampled_from(sorted(FIELDS)))]
    for name in wrong:
        data[name] = draw(bad_value(name))
    for key in unknown:
        data[key] = draw(any_json)
    return data, [*wrong, *unknown]


@PROFILE
@given(answers_with_known_problems(), st.booleans())
def test_each_problem_in_answers_is_one_line_naming_its_field(
    case: tuple[dict[str, Any], list[str]], ascii: bool
) -> None:
    """K wrong fields and unknown keys give exactly K lines, one naming each."""
    data, names = case
    path = write("answers.json", json.dumps(data, ensure_ascii=ascii).encode("utf-8"))
    lines = refused_lines(*run("score", str(path)))
    where = f"{PREFIX}{path}: "
    named = []
    for line in lines:
        assert line.startswith(where), line
        rest = line.removeprefix(where)
        named.append(next(n for n in sorted(names, key=len, reverse=True) if rest.startswith(shown_key(n))))
    assert sorted(named) == sorted(names), lines


garbage = st.one_of(
    st.binary(max_size=200),
    st.builds(
        lambda doc, cut: doc[:cut], answer_fields.map(lambda d: json.dumps(d).encode()), st.integers(0, 300)
    ).filter(lambda b: not b.endswith(b"}")),
    st.integers(21, 5000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(51, 6000).map(lambda n: b'{"age_years": ' + b"7" * n + b"}"),
    st.sampled_from([b"NaN", b'{"age_years": Infinity}', b"\xef\xbb\xbf", b'{"\\ud800": 1}', b'"\\udfff"']),
)


@PROFILE
@given(garbage)
def test_any_garbage_as_answers_is_refused_in_lines(content: bytes) -> None:
    """Random bytes, cut-off files, deep nesting, huge numbers, lone surrogates: exit 2 with clean lines."""
    refused_lines(*run("score", str(write("garbage.json", content))))


# --- kiosk config -----------------------------------------------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(f"\\u{ord(ch):04x}" if ch < " " or ch == "\x7f" else ch for ch in value.replace("\\", "\\\\"))
    return '"' + escaped.replace('"', '\\"') + '"'


toml_text = st.text(st.characters(codec="utf-8"), max_size=30)
toml_dates = st.dates().map(lambda d: d.isoformat()) | st.times().map(lambda t: t.isoformat())
toml_datetimes = st.datetimes().map(lambda d: d.isoformat())
toml_arrays = st.lists(st.integers(-9, 9), max_size=3).map(lambda xs: "[" + ", ".join(map(str, xs)) + "]")
toml_tables = st.sampled_from(["{}", "{ a = 1 }", '{ "b" = "c", d = [1] }'])
toml_not_scalar = toml_dates | toml_datetimes | toml_arrays | toml_tables
toml_floats = st.floats(allow_nan=False, allow_infinity=False).map(repr) | st.sampled_from(["inf", "-inf", "nan"])
toml_ints = st.integers(-(10**40), 10**40).map(str)
toml_bools = st.sampled_from(["true", "false"])
missing_folder = toml_text.map(lambda t: toml_string(f"/nonexistent-screener-folder/{t}"))

BAD_SETTINGS: dict[str, st.SearchStrategy[str]] = {
    "default_language": toml_text.filter(lambda t: t not in ("ja", "en")).map(toml_string)
    | toml_ints
    | toml_not_scalar,
    "idle_timeout_seconds": st.integers(3601, 10**40).map(str)
    | st.integers(-(10**9), 14).map(str)
    | toml_floats
    | toml_text.map(toml_string)
    | toml_not_scalar,
    "countdown_seconds": st.integers(-(10**9), 19).map(str)
    | st.integers(121, 10**30).map(str)
    | toml_bools
    | toml_not_scalar,
    "result_reset_seconds": st.integers(3601, 10**9).map(str) | toml_floats | toml_not_scalar,
    "printer_name": toml_ints
    | toml_floats
    | toml_bools
    | toml_not_scalar
    | st.integers(128, 300).map(lambda n: toml_string("p" * n)),
    "paper": toml_text.filter(lambda t: t not in ("A4", "Letter")).map(toml_string) | toml_not_scalar,
    "region": toml_text.filter(lambda t: t not in ("jp", "us")).map(toml_string) | toml_ints,
    "text_scale": st.floats(2.0, exclude_min=True, allow_infinity=False).map(repr)
    | st.sampled_from(["0.5", "nan", "inf"])
    | toml_text.map(toml_string)
    | toml_not_scalar,
    "high_contrast": toml_ints | toml_text.map(toml_string) | toml_not_scalar,
    "pin_hash": toml_text.map(toml_string)
    | toml_ints
    | toml_not_scalar
    | st.integers(0, 10**30)
    .filter(lambda n: not 100_000 <= n <= 1_000_000)
    .map(lambda n: toml_string("$".join(["pbkdf2_sha256", str(n), *PIN_HASH.split("$")[2:]]))),
    "log_file": missing_folder
    | toml_ints
    | toml_not_scalar
    | st.just(toml_string("/proc/version"))
    | st.just(toml_string("/dev/null"))
    | st.just(toml_string("a\x00b"))
    | st.just(toml_string("x" * 4097)),
    "pdf_folder": missing_folder | toml_bools | toml_not_scalar | st.just(toml_string("/etc/hostname")),
}
SETTINGS = sorted(BAD_SETTINGS)
unknown_keys = (
    st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True).map(lambda k: (k, k))
    | toml_text.map(lambda k: (k, toml_string(k)))
).filter(lambda pair: pair[0] not in SETTINGS)


@st.composite
def config_with_known_problems(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    """A config with some settings wrong and some unknown keys, one per line; returns it and (key, line) pairs."""
    wrong = draw(st.lists(st.sampled_from(SETTINGS), unique=True, max_size=6))
    unknown = draw(st.lists(unknown_keys, unique_by=lambda pair: pair[0], max_size=3))
    if not wrong and not unknown:
        wrong = [draw(st.sampled_from(SETTINGS))]
    lines = ["# kiosk settings"]
    if "pin_hash" not in wrong:
        lines.append(f'pin_hash = "{PIN_HASH}"')
    expected = []
    for key in wrong:
        lines.append(f"{key} = {draw(BAD_SETTINGS[key])}")
        expected.append((key, len(lines)))
    for key, written in unknown:
        lines.append(f"{written} = {draw(toml_ints | toml_text.map(toml_string) | toml_not_scalar)}")
        expected.append((key, len(lines)))
    return "\n".join(lines) + "\n", expected


@PROFILE
@given(config_with_known_problems())
def test_each_problem_in_a_config_is_one_line_naming_its_key_and_line(case: tuple[str, list[tuple[str, int]]]) -> None:
    """K wrong settings and unknown keys give exactly K lines, each with the key and the line it is on."""
    text_, expected = case
    path = write("kiosk.toml", text_.encode("utf-8"))
    lines = refused_lines(*run("check-config", str(path)))
    where = f"{PREFIX}{path}: "
    # Matched by each expected "line N: key: " start, not by splitting at ": " (a key may hold ": " itself).
    heads = sorted(f"line {number}: {shown_key(key)}: " for key, number in expected)
    found = sorted(next((h for h in heads if line.removeprefix(where).startswith(h)), line) for line in lines)
    assert found == heads, lines


config_garbage = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.integers(11, 3000).map(lambda n: b"x = " + b"[" * n + b"]" * n),
    st.integers(4301, 6000).map(lambda n: b"idle_timeout_seconds = " + b"9" * n),
    st.sampled_from([b"a = 1979-05-27\n", b"[pin_hash]\n", b"pin_hash = '\n", b"\xff\xfe"]),
)


@PROFILE
@given(config_garbage)
def test_any_garbage_as_a_config_is_refused_in_lines(content: bytes) -> None:
    """Random bytes and text, deep arrays, huge numbers: check-config exits 2 with clean lines."""
    refused_lines(*run("check-config", str(write("garbage.toml", content))))


# --- the real command, as a separate process ----------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(answers_with_known_problems(), config_with_known_problems())
def test_the_installed_command_refuses_them_too(
    answers_case: tuple[dict[str, Any], list[str]], config_case: tuple[str, list[tuple[str, int]]]
) -> None:
    """A sample through `python -m screener`: same exit status and lines, no traceback, within the guard."""
    answers_path = write("sample.json", json.dumps(answers_case[0]).encode("utf-8"))
    config_path = write("sample.toml", config_case[0].encode("utf-8"))
    for argv in (["score", str(answers_path)], ["check-config", str(config_path)]):
        done = subprocess.run(
            [sys.executable, "-m", "screener", *argv], capture_output=True, text=True, check=False, timeout=HANG_GUARD_S
        )
        lines = refused_lines(done.returncode, done.stderr)
        expected = len(answers_case[1]) if argv[0] == "score" else len(config_case[1])
        assert len(lines) == expected
