"""`screener score` on every kind of bad answers input the independent tools found: exit 2, one line per problem
naming the field, the value cut short, never a traceback, never a hang."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from screener.errors import MAX_PROBLEMS_SHOWN, SHOWN_CHARS
from screener.loading import MAX_ANSWERS_BYTES, MAX_DEPTH


def score(capsys: pytest.CaptureFixture[str], path: Path | str, *more: str) -> tuple[int, list[str]]:
    code = main(["score", str(path), *more])
    out, err = capsys.readouterr()
    assert out == "" or code == 0
    lines = err.splitlines()
    assert all(line.startswith("screener: ") for line in lines), err
    return code, lines


def answers_file(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "answers.json"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def run_real_command(*argv: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process: a hang fails the test at the timeout instead of freezing it."""
    return subprocess.run(
        [sys.executable, "-m", "screener", *argv],
        stdin=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_an_integer_of_thousands_of_digits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Python refuses to parse more than 4,300 digits; the loader stops far earlier and names the line."""
    code, lines = score(capsys, answers_file(tmp_path, '{"age_years":\n' + "1" * 5000 + "}"))
    assert code == 2
    assert lines == [f"screener: {tmp_path / 'answers.json'}: line 2: a number has 5000 digits (at most 50)"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 990, 100_000])
def test_deep_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int) -> None:
    """Nesting past the limit is refused before parsing, so json's own recursion limit is never reached."""
    text = '{"age_years": 40, "x": ' + "[" * depth + "]" * depth + "}"
    code, lines = score(capsys, answers_file(tmp_path, text))
    assert code == 2
    assert len(lines) == 1 and f"nested more than {MAX_DEPTH} levels deep" in lines[0]


def test_nesting_inside_strings_does_not_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Brackets inside a string are text, not nesting: the field is named instead."""
    code, lines = score(capsys, answers_file(tmp_path, '{"age_years": 40, "sex": "' + "[" * 100 + '\\"{"}'))
    assert code == 2
    assert len(lines) == 1 and "sex: must be one of" in lines[0] and 'got "[[[[' in lines[0]


def test_not_utf8_on_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes that are not UTF-8 on standard input: the line and the byte, not a UnicodeDecodeError."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"age_years": 40,\n"sex": "\xff"}')))
    code, lines = score(capsys, "-")
    assert code == 2
    assert lines == ["screener: -: line 2: not UTF-8 text (byte 0xff)"]


def test_not_utf8_in_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same for a file, which also gets its name in the line."""
    code, lines = score(capsys, answers_file(tmp_path, b"\xfe\xff{}"))
    assert code == 2 and lines[0].endswith("answers.json: line 1: not UTF-8 text (byte 0xfe)")


def test_dev_zero_as_a_file_and_as_standard_input_ends_at_once() -> None:
    """/dev/zero never ends: as a file it is refused unread; as standard input reading stops past the size cap."""
    done = run_real_command("score", "/dev/zero")
    assert done.returncode == 2
    assert (
        done.stderr == "screener: /dev/zero: not a regular file (a device, pipe or socket); save the input to a file\n"
    )
    with open("/dev/zero", "rb") as zero:
        done = run_real_command("score", "-", stdin=zero.fileno())
    assert done.returncode == 2
    assert done.stderr == f"screener: -: larger than {MAX_ANSWERS_BYTES} bytes; is this the right file?\n"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until someone writes; the loader opens it non-blocking and refuses it."""
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    done = run_real_command("score", str(fifo))
    assert done.returncode == 2
    assert "answers.json: not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_folder_is_named_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder given by mistake is said to be a folder."""
    code, lines = score(capsys, tmp_path)
    assert code == 2 and lines == [f"screener: {tmp_path}: is a folder, not a file"]


def test_a_file_over_the_size_cap_is_refused_unparsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 50 MB string once came back as 52 MB of stderr; now the file is refused by its size, in one line."""
    path = answers_file(tmp_path, '{"age_years": 40, "sex": "' + "y" * MAX_ANSWERS_BYTES + '"}')
    code, lines = score(capsys, path)
    assert code == 2 and lines == [f"screener: {path}: larger than {MAX_ANSWERS_BYTES} bytes; is this the right file?"]


def test_long_values_are_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A long value under the size cap is echoed as its first characters and "…", never in full."""
    code, lines = score(capsys, answers_file(tmp_path, json.dumps({"age_years": 40, "sex": "y" * 500_000})))
    assert code == 2 and len(lines) == 1
    assert lines[0].endswith('got "' + "y" * SHOWN_CHARS + '…"')
    assert len(lines[0]) < 300


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("a\nb", '"a\\nb"'),  # a newline would split the message over two lines
        ("", '""'),  # the empty key was reported as "answers"
        ("x\u2028y\x85z", '"x\\u2028y\\x85z"'),  # separators str.splitlines() also breaks at
        ("k" * 500, "k" * SHOWN_CHARS + "…"),
        ("年齢", '"年齢"'),
    ],
)
def test_odd_keys_are_named_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, shown: str
) -> None:
    """An unknown key is quoted and escaped so it stays on one line and can be found in the file."""
    code, lines = score(capsys, answers_file(tmp_path, json.dumps({"age_years": 40, key: 1}, ensure_ascii=False)))
    assert code == 2
    assert lines == [f"screener: {tmp_path / 'answers.json'}: {shown}: unknown field"]


def test_values_with_newlines_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A value holding a newline is shown escaped, so each problem is still exactly one line."""
    code, lines = score(capsys, answers_file(tmp_path, json.dumps({"age_years": 40, "sex": "a\nb", "x\ny": 1})))
    assert code == 2 and len(lines) == 2
    assert lines[0].endswith("sex: must be one of 'female', 'male' or 'unspecified', got \"a\\nb\"")
    assert lines[1].endswith('"x\\ny": unknown field')


def test_half_a_surrogate_pair_is_not_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON allows "\\ud800" but it is not text; the key or field is named, escaped."""
    code, lines = score(capsys, answers_file(tmp_path, '{"age_years": 40, "\\ud800": 1, "sex": "\\udfff"}'))
    assert code == 2
    assert [line.split(": ", 2)[2] for line in lines] == [
        '"\\ud800": the name is not valid text (a lone surrogate)',
        'sex: not valid text (a lone surrogate), got "\\udfff"',
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], constant: str) -> None:
    """Python's json reads NaN and Infinity; JSON does not have them, so the loader refuses them."""
    code, lines = score(capsys, answers_file(tmp_path, f'{{"age_years": 40, "exercise_hours_per_week": {constant}}}'))
    assert code == 2 and len(lines) == 1 and "is not a JSON number" in lines[0]


def test_whole_number_floats_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """30.0 and 1e1 are integers to JSON Schema, and so to the loader; 2.5 is not, said in one clean line."""
    code, _ = score(
        capsys, answers_file(tmp_path, '{"age_years": 30.0, "stress_frequency": 1e0, "stress_months": 1e1}')
    )
    assert code == 0
    code, lines = score(capsys, answers_file(tmp_path, '{"age_years": 30, "stress_months": 2.5}'))
    assert code == 2 and lines == [
        f"screener: {tmp_path / 'answers.json'}: stress_months: must be a whole number, got 2.5"
    ]


@pytest.mark.parametrize("field", ["medicines", "magnesium_products"])
def test_repeated_items_are_one_clean_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str) -> None:
    """A repeated medicine or product is refused in one line naming it, without pydantic's "Value error," prefix."""
    item = {"medicines": "diuretic", "magnesium_products": "antacid"}[field]
    code, lines = score(capsys, answers_file(tmp_path, json.dumps({"age_years": 40, field: [item, item, item]})))
    assert code == 2
    assert lines == [f"screener: {tmp_path / 'answers.json'}: {field}: each item may appear once; repeated: {item}"]


def test_a_huge_list_of_repeats_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """80,000 repeats (a list once shown in full by --format text) are refused in one line; counting the
    repeats is linear, so this returns at once."""
    path = answers_file(tmp_path, json.dumps({"age_years": 40, "medicines": ["diuretic"] * 80_000}))
    code, lines = score(capsys, path, "--format", "text")
    assert code == 2 and len(lines) == 1 and lines[0].endswith("repeated: diuretic")


def test_text_format_lists_each_medicine_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every medicine at once: each named once in the text result."""
    medicines = ["diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate", "other_regular"]
    path = answers_file(tmp_path, json.dumps({"age_years": 40, "medicines": medicines}))
    assert main(["score", str(path), "--format", "text", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("diuretic") == 1


def test_many_problems_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with hundreds of problems gives the first ones and one line counting the rest, not a flood."""
    fields = {"age_years": 40} | {f"unknown_{n}": n for n in range(300)}
    code, lines = score(capsys, answers_file(tmp_path, json.dumps(fields)))
    assert code == 2
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == f"screener: … and {300 - MAX_PROBLEMS_SHOWN} more problems"
