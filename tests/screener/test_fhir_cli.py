"""`screener fhir questionnaire|response|answers`: JSON on stdout, without Qt; a bad response gets one line per problem
naming its linkId, exit status 2 and no traceback; huge or deeply nested input is refused."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from screener.answers import Answers
from screener.cli import main
from screener.fhir import CANONICAL, response
from screener.fhir_reading import MAX_BYTES, MAX_DEPTH
from screener.scoring import score
from tests.screener.fhir_checks import check_questionnaire, check_response
from tests.screener.helpers import EXAMPLES, WORST_CASE
from tests.without_qt import run_without

ROOT = Path(__file__).resolve().parents[2]
Json = dict[str, Any]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: Any, name: str = "response.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def a_response(**changes: Any) -> Json:
    given = Answers.model_validate(WORST_CASE)
    made = response(given, score(given))
    made.update(changes)
    return made


def with_items(*items: Json) -> Json:
    return {"resourceType": "QuestionnaireResponse", "questionnaire": f"{CANONICAL}|old", "status": "completed",
            "item": [{"linkId": "about_you", "item": [{"linkId": "age_years", "answer": [{"valueInteger": 40}]}]},
                     *items]}  # fmt: skip


def test_questionnaire_command_prints_a_valid_questionnaire(capsys: pytest.CaptureFixture[str]) -> None:
    """`fhir questionnaire --lang ja` prints a Japanese Questionnaire that passes every check."""
    code, out, err = run(capsys, "fhir", "questionnaire", "--lang", "ja")
    assert code == 0 and err == ""
    printed = json.loads(out)
    assert printed["language"] == "ja"
    assert check_questionnaire(printed) == []


def test_response_then_answers_round_trips_through_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`fhir response` of an answers file, read back by `fhir answers`, prints the same answers."""
    source = EXAMPLES / "typical.json"
    code, out, err = run(capsys, "fhir", "response", str(source), "--lang", "en", "--region", "us")
    assert code == 0 and err == ""
    made = json.loads(out)
    code, q_out, _ = run(capsys, "fhir", "questionnaire", "--lang", "en")
    assert check_response(made, json.loads(q_out)) == []
    assert made["item"][-1]["item"][0]["answer"][0]["valueCoding"]["code"] == "us"
    code, out, err = run(capsys, "fhir", "answers", write(tmp_path, made))
    assert code == 0 and err == ""
    expected = Answers.model_validate(json.loads(source.read_text(encoding="utf-8")))
    assert Answers.model_validate(json.loads(out)) == expected


def test_answers_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`fhir answers -` reads the response from standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(with_items())))
    code, out, _ = run(capsys, "fhir", "answers", "-")
    assert code == 0
    assert json.loads(out) == {"age_years": 40}


def test_what_a_form_renderer_records_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A renderer's answers read back: not-sure as unanswered, none as an empty list, a row left out as 0, a typed
    number that no one-tap choice records kept as typed."""
    coding = lambda code: {"valueCoding": {"code": code}}  # noqa: E731
    made = with_items(
        {"linkId": "stress", "item": [
            {"linkId": "stress_frequency", "answer": [coding("3")]},
            {"linkId": "stress_months", "answer": [{"valueInteger": 7}]},
        ]},
        {"linkId": "diet", "item": [{"linkId": "servings_per_week", "item": [
            {"linkId": "servings_per_week.nuts", "answer": [{"valueInteger": 4}]},
        ]}]},
        {"linkId": "health", "item": [
            {"linkId": "kidney_disease", "answer": [coding("not-sure")]},
            {"linkId": "medicines", "answer": [coding("none")]},
            {"linkId": "magnesium_products", "answer": [coding("laxative"), coding("antacid")]},
        ]},
    )  # fmt: skip
    code, out, err = run(capsys, "fhir", "answers", write(tmp_path, made))
    assert code == 0, err
    assert json.loads(out) == {
        "age_years": 40,
        "stress_frequency": 3,
        "stress_months": 7,
        "servings_per_week": {"leafy_greens": 0, "nuts": 4, "seeds": 0, "legumes": 0, "whole_grains": 0, "avocado": 0},
        "medicines": [],
        "magnesium_products": ["laxative", "antacid"],
    }


BAD = {
    "not a response": ({"resourceType": "Patient"}, [
        'resourceType: must be QuestionnaireResponse, got "Patient"',
        f"questionnaire: must be {CANONICAL}|<version>, got null",
        "age_years: is required",
    ]),
    "another questionnaire": (a_response(questionnaire="http://example.org/Questionnaire/phq9|1"), [
        f'questionnaire: must be {CANONICAL}|<version>, got "http://example.org/Questionnaire/phq9|1"',
    ]),
    "unknown item": (with_items({"linkId": "favourite_colour", "answer": [{"valueString": "blue"}]}), [
        "favourite_colour: not an item of this questionnaire",
    ]),
    "wrong value type": (with_items({"linkId": "exercise", "item": [
        {"linkId": "exercise_hours_per_week", "answer": [{"valueString": "lots"}]}]}), [
        'exercise_hours_per_week: must be a valueDecimal, got valueString "lots"',
    ]),
    "the same item twice": (with_items({"linkId": "about_you", "item": [
        {"linkId": "sex", "answer": [{"valueCoding": {"code": "f"}}]}]}), [
        "about_you: appears more than once",
    ]),
    "two answers, one allowed": (with_items({"linkId": "sleep", "item": [
        {"linkId": "snoring_or_gasping", "answer": [{"valueCoding": {"code": "true"}},
                                                    {"valueCoding": {"code": "false"}}]}]}), [
        "snoring_or_gasping: takes one answer, got 2",
    ]),
    "out of range": (with_items({"linkId": "diet", "item": [{"linkId": "servings_per_week", "item": [
        {"linkId": "servings_per_week.nuts", "answer": [{"valueInteger": 500}]}]}]}), [
        "servings_per_week.nuts: must be <= 100, got 500",
    ]),
    "answer on a group": (with_items({"linkId": "sleep", "answer": [{"valueInteger": 1}]}), [
        "sleep: takes no answer (it is a group or a text)",
    ]),
    "no age": ({"resourceType": "QuestionnaireResponse", "questionnaire": CANONICAL, "item": []}, [
        "age_years: is required",
    ]),
    "wrong code system": (with_items({"linkId": "health", "item": [{"linkId": "kidney_disease", "answer": [
        {"valueCoding": {"system": "http://snomed.info/sct", "code": "true"}}]}]}), [
        "kidney_disease: code system must be "
        "https://magnesium-screener.example/fhir/CodeSystem/kidney-disease, got \"http://snomed.info/sct\"",
    ]),
    "not JSON": ("{'resourceType': 1", ["not valid JSON at line 1, column 2: Expecting property name enclosed in "
                                        "double quotes"]),
}  # fmt: skip


@pytest.mark.parametrize("name", list(BAD))
def test_bad_responses_are_named_one_line_each(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each kind of bad response gives exit 2 and exactly its problem lines, each naming the linkId or key."""
    data, problems = BAD[name]
    path = write(tmp_path, data)
    code, out, err = run(capsys, "fhir", "answers", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"screener: {path}: {problem}" for problem in problems]


MEDICINES = {
    "linkId": "medicines",
    "answer": [{"valueCoding": {"code": "none"}}, {"valueCoding": {"code": "diuretic"}}],
}
NONE_WITH_A_MEDICINE = with_items({"linkId": "health", "item": [MEDICINES]})


def test_none_of_these_with_a_medicine_keeps_the_medicine_and_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LHC-Forms ignores optionExclusive, so a person can tick "None of these" and a water pill: the response is
    kept (exit 0) with the medicine, and a warning line names the conflict; --strict refuses it."""
    path = write(tmp_path, NONE_WITH_A_MEDICINE)
    code, out, err = run(capsys, "fhir", "answers", path)
    assert code == 0
    assert json.loads(out)["medicines"] == ["diuretic"]
    assert err.splitlines() == [f"warning: {path}: medicines: 'none' was given with other answers; kept 'diuretic'"]
    code, out, err = run(capsys, "fhir", "answers", "--strict", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"screener: {path}: medicines: 'none' was given with other answers; kept 'diuretic'"]


def test_a_code_that_is_not_an_option_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A code outside a question's options is refused, with the codes it takes."""
    made = a_response()
    made["item"][0]["item"][1]["answer"][0]["valueCoding"]["code"] = "f"
    code, _, err = run(capsys, "fhir", "answers", write(tmp_path, made))
    assert code == 2
    assert err.strip().endswith('sex: "f" is not one of its codes (female, male, unspecified)')


def test_huge_and_deep_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file over the size limit, JSON nested past the parser's depth, and items nested past MAX_DEPTH each give
    one line and exit 2, never a traceback."""
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (MAX_BYTES + 1))
    code, _, err = run(capsys, "fhir", "answers", str(huge))
    assert (code, err.strip()) == (2, f"screener: {huge}: larger than 1000000 bytes; is this the right file?")
    deep_json = write(tmp_path, "[" * 100_000 + "]" * 100_000, "deep.json")
    code, _, err = run(capsys, "fhir", "answers", deep_json)
    assert (code, err.strip()) == (2, f"screener: {deep_json}: response: nested too deeply")
    link_ids = ["stress", "diet", "exercise", "caffeine", "health", "sleep", "result", "sex", "pregnancy", "medicines"]
    assert len(link_ids) > MAX_DEPTH
    nested: Json = {"linkId": "kidney_disease"}
    for link_id in link_ids:
        nested = {"linkId": link_id, "item": [nested]}
    deep_items = write(tmp_path, with_items(nested), "items.json")
    code, _, err = run(capsys, "fhir", "answers", deep_items)
    assert code == 2
    assert f"items nested deeper than {MAX_DEPTH} levels" in err


def test_not_utf8_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not UTF-8, or that does not exist, is one line and exit 2."""
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"x": "\xe9"}')
    assert run(capsys, "fhir", "answers", str(latin))[:1] == (2,)
    assert capsys.readouterr().err == ""  # already read by run
    code, _, err = run(capsys, "fhir", "answers", str(tmp_path / "missing.json"))
    assert code == 2 and err.startswith(f"screener: {tmp_path / 'missing.json'}: cannot read")


def test_fhir_commands_run_without_qt(tmp_path: Path) -> None:
    """The three commands run with PySide6 and ui blocked from import, as on a machine without a display."""
    made = write(tmp_path, a_response())
    done = run_without(
        "from screener.cli import main\n"
        "assert main(['fhir', 'questionnaire', '--lang', 'ja']) == 0\n"
        f"assert main(['fhir', 'response', {str(EXAMPLES / 'typical.json')!r}]) == 0\n"
        f"assert main(['fhir', 'answers', {made!r}]) == 0\n"
    )
    assert done.returncode == 0, done.stderr
    assert '"resourceType": "QuestionnaireResponse"' in done.stdout
