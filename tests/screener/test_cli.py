"""`screener score` and `screener schema`: results on stdout; every kind of bad input named, exit 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from tests.screener.helpers import WORST_CASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, content: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_score_prints_the_result_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", write(tmp_path, json.dumps(WORST_CASE)), "--region", "us")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert {g: v["level"] for g, v in result["groups"].items()} == dict.fromkeys(result["groups"], "likely")
    assert result["clinician"]["flags"] == [
        "kidney_disease",
        "interacting_medicine",
        "magnesium_products",
        "chronic_insomnia",
        "possible_sleep_apnoea",
    ]
    assert result["figures"]["reference_intake_mg_per_day"] == 320
    assert result["content_version"]  # the version of questions, table and wording it came from
    assert result["groups"]["high_caffeine"]["evidence"]["strength"] == "limited"


def test_score_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"age_years": 70}'))
    code, out, _ = run(capsys, "score", "-")
    assert code == 0
    assert json.loads(out)["groups"]["older_adult"]["level"] == "likely"


def test_region_comes_from_the_setting_never_from_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, '{"age_years": 40, "sex": "female", "servings_per_week": {}}')
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    for lang in ("ja", "en"):  # the display language changes nothing
        assert json.loads(run(capsys, "score", path, "--lang", lang)[1])["figures"]["region"] == "jp"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert json.loads(run(capsys, "score", path, "--lang", "ja")[1])["figures"]["region"] == "us"
    assert json.loads(run(capsys, "score", path, "--region", "jp")[1])["figures"]["region"] == "jp"
    assert json.loads(run(capsys, "--region", "jp", "score", path)[1])["figures"]["region"] == "jp"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "A lot of caffeine: Fits your answers (Link to magnesium: limited)"),
        ("ja", "カフェインが多め：回答に当てはまる（マグネシウムとの関係：限られる）"),
    ],
)
def test_text_format_is_readable_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    code, out, _ = run(capsys, "score", write(tmp_path, json.dumps(WORST_CASE)), "--format", "text", "--lang", lang)
    assert code == 0
    assert expected in out


def test_schema_lists_the_answer_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["required"] == ["age_years"]
    assert "caffeine_servings_per_day" in schema["properties"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"age_years": 40,', "line 1, column 18"),  # malformed JSON names the place
        ("[1, 2]", "must be a JSON object"),
        ('{"age_years": "forty"}', "age_years: must be a whole number"),  # wrong type
        ('{"age_years": 130}', "age_years: must be <= 120, got 130"),  # out of range
        ('{"age_years": 40, "shoe_size": 9}', "shoe_size: unknown field"),  # unknown field
        ('{"sex": "female"}', "age_years: is required"),
        ('{"age_years": 40, "servings_per_week": {"nuts": -2}}', "servings_per_week.nuts: must be >= 0"),
        ('{"age_years": 40, "caffeine_servings_per_day": {"mate": 1}}', "caffeine_servings_per_day.mate: unknown"),
        ('{"age_years": 40, "medicines": ["aspirin"]}', "medicines[0]: must be one of"),
        ('{"age_years": 40, "kidney_disease": "no"}', "kidney_disease: must be true or false"),
        ('{"age_years": 40, "insomnia_nights_per_week": 8}', "insomnia_nights_per_week: must be <= 7"),
        ('{"age_years": 40, "stress_frequency": 5}', "stress_frequency: must be <= 4"),
        ('{"age_years": 40, "pregnancy": "maybe"}', "pregnancy: must be one of"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    code, out, err = run(capsys, "score", write(tmp_path, content))
    assert code == 2
    assert out == ""
    assert expected in err
    assert all(line.startswith("screener: ") for line in err.splitlines())


def test_every_problem_gets_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "score", write(tmp_path, '{"age_years": -1, "sex": "x", "extra": 1}'))
    assert len(err.splitlines()) == 3
    assert [line.split(": ")[2] for line in err.splitlines()] == ["age_years", "sex", "extra"]


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "score", str(tmp_path / "missing.json"))
    assert code == 2
    assert "missing.json: cannot read: No such file or directory" in err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    code, _, err = run(capsys, "score", str(binary))
    assert code == 2 and "binary.json: line 1: not UTF-8 text (byte 0xff)" in err


def test_no_traceback_from_the_real_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "screener", "score", write(tmp_path, "{oops")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("screener: ")


def test_lang_before_the_command_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "ja", "score", write(tmp_path, json.dumps(WORST_CASE)), "--format", "text")
    assert code == 0
    assert "回答に当てはまる" in out


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`screener fhir questionnaire | head -1`: when the pipe closes, the command stops quietly."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "screener", "fhir", "questionnaire"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()  # far more than a pipe holds is still to come
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) in (0, 141)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
