"""The FHIR export: a Questionnaire built from the question definition that validates offline (fhir.resources R4B and
the invariants it does not check), responses that validate against it, and answers that survive the round trip."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.answer_sheet import AnswerSheet
from screener.answers import Answers
from screener.content import content_version
from screener.fhir import CANONICAL, questionnaire, response, response_json
from screener.fhir_reading import answers_from_response
from screener.i18n import _, current_language, set_language
from screener.questions import question, screens
from screener.scoring import score
from tests.screener.fhir_checks import TRANSLATION, check_questionnaire, check_response, walk
from tests.screener.helpers import EXAMPLES, WORST_CASE, answers
from tests.screener.strategies import answer_fields, maybe

WHEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone(timedelta(hours=9)))
Json = dict[str, Any]


@pytest.fixture(scope="module")
def q_en() -> Json:
    return questionnaire("en")


def items_by_id(resource: Json) -> dict[str, Json]:
    return {item["linkId"]: item for item, _parent in walk(resource["item"])}


def made(given: Answers, region: str = "jp") -> Json:
    return response(given, score(given, region=region), WHEN)  # type: ignore[arg-type]


def sheet_answers(**taps: Any) -> Answers:
    """Answers as the wizard makes them: taps on an answer sheet (so questions that are not asked drop out)."""
    sheet = AnswerSheet()
    sheet.set_age(taps.pop("age"))
    for field, code in taps.items():
        asked = question(field)
        if asked.kind == "single":
            sheet.pick(field, code)
        elif asked.kind == "multi":
            for one in code:
                sheet.toggle(field, one)
        elif code == "none":
            sheet.pick_none(field)
        else:
            for item, count in code.items():
                sheet.pick_count(field, item, count)
    return sheet.to_answers()


# --- the questionnaire --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_questionnaire_validates_offline(language: str) -> None:
    """The Questionnaire in each language passes fhir.resources' R4B model and every invariant checked here."""
    built = questionnaire(language)
    assert check_questionnaire(built) == []
    assert built["language"] == language
    assert built["url"] == CANONICAL
    assert built["version"] == content_version()


def test_the_checks_catch_what_fhir_resources_lets_through(q_en: Json) -> None:
    """Each hand-written check fails on a questionnaire broken in its way (R4B's models accept all of these)."""
    broken = copy.deepcopy(q_en)
    items = items_by_id(broken)
    items["sex"]["linkId"] = "age_years"  # duplicate
    items["heavy_sweating"]["enableWhen"][0]["question"] = "no_such_item"
    items["stress_months"]["enableWhen"][0]["answerCoding"]["code"] = "9"
    items["sleep_problem_months"]["enableWhen"] = [
        {"question": "snoring_or_gasping", "operator": "=", "answerCoding": {"code": "true"}}  # comes later
    ]
    items["kidney_disease"]["type"] = "yes-no"
    problems = check_questionnaire(broken)
    assert "age_years: linkId is not unique" in problems
    assert "heavy_sweating: enableWhen points at 'no_such_item', which is not an item" in problems
    assert "stress_months: enableWhen code '9' is not an option" in problems
    assert "sleep_problem_months: enableWhen points at 'snoring_or_gasping', which comes after it" in problems
    assert "kidney_disease: unknown item type 'yes-no'" in problems


def test_one_item_per_answers_field_named_by_the_field(q_en: Json) -> None:
    """Every answers field is an item whose linkId is its name; each counts row is a child named field.row."""
    items = items_by_id(q_en)
    assert set(Answers.model_fields) <= set(items)
    for field in ("servings_per_week", "caffeine_servings_per_day"):
        rows = [child["linkId"] for child in items[field]["item"] if child["type"] != "display"]
        assert rows == [f"{field}.{row.item}" for row in question(field).rows]
        assert items[field]["type"] == "group"
    assert items["servings_per_week.nuts"]["type"] == "integer"
    assert items["caffeine_servings_per_day.coffee"]["type"] == "decimal"
    assert items["age_years"]["required"] is True


def test_item_types_follow_the_contract(q_en: Json) -> None:
    """Binned numbers are integer or decimal items with the contract's range; other singles and multis are choices."""
    items = items_by_id(q_en)
    kinds = {field: items[field]["type"] for field in Answers.model_fields}
    assert kinds["exercise_hours_per_week"] == kinds["alcohol_drinks_per_week"] == "decimal"
    assert kinds["stress_months"] == kinds["insomnia_nights_per_week"] == kinds["age_years"] == "integer"
    assert kinds["sex"] == kinds["stress_frequency"] == kinds["kidney_disease"] == kinds["medicines"] == "choice"
    bounds = {e["url"].rsplit("/", 1)[1]: e for e in items["exercise_hours_per_week"]["extension"]}
    assert bounds["minValue"]["valueDecimal"] == 0 and bounds["maxValue"]["valueDecimal"] == 168
    assert bounds["questionnaire-unit"]["valueCoding"]["code"] == "h/wk"
    assert items["medicines"]["repeats"] is True and "repeats" not in items["sex"]


def test_answer_codes_are_the_contract_values(q_en: Json) -> None:
    """Codes are the contract values as JSON text; choices that record nothing keep their own code."""
    items = items_by_id(q_en)

    def codes(field: str) -> list[str]:
        return [option["valueCoding"]["code"] for option in items[field]["answerOption"]]

    assert codes("sex") == ["female", "male", "unspecified"]
    assert codes("stress_frequency") == ["0", "1", "2", "3", "4"]
    assert codes("kidney_disease") == ["true", "false", "not-sure"]
    assert codes("snoring_or_gasping") == ["true", "false", "dont-know"]
    assert codes("magnesium_products") == ["supplement", "laxative", "antacid", "none", "not-sure"]
    exclusive = [
        option["valueCoding"]["code"]
        for option in items["magnesium_products"]["answerOption"]
        if option.get("extension", [{}])[0].get("valueBoolean")
    ]
    assert exclusive == ["none", "not-sure"]


def test_enable_when_mirrors_the_wizards_conditions(q_en: Json) -> None:
    """Each condition of the definition becomes enableWhen; an ordered comparison on a choice becomes its codes."""
    items = items_by_id(q_en)
    pregnancy = items["pregnancy"]
    assert [(c["question"], c["operator"]) for c in pregnancy["enableWhen"]] == [
        ("sex", "!="),
        ("age_years", ">="),
        ("age_years", "<="),
    ]
    assert pregnancy["enableBehavior"] == "all"
    months = items["stress_months"]
    assert [c["answerCoding"]["code"] for c in months["enableWhen"]] == ["2", "3", "4"]
    assert {c["operator"] for c in months["enableWhen"]} == {"="} and months["enableBehavior"] == "any"
    late = items["caffeine_after_2pm"]
    assert late["enableBehavior"] == "any"
    assert [c["question"] for c in late["enableWhen"]] == [
        f"caffeine_servings_per_day.{row.item}" for row in question("caffeine_servings_per_day").rows
    ]
    asked_with_conditions = {q.field for s in screens() for q in s.questions if q.when}
    assert asked_with_conditions == {link for link, item in items.items() if "enableWhen" in item}


def test_the_other_language_rides_in_the_translation_extension() -> None:
    """Each text of the Japanese questionnaire is the English one's ja translation and the reverse, from the
    catalogs, and building leaves the current language as it was."""
    set_language("en")
    ja, en = questionnaire("ja"), questionnaire("en")
    assert current_language() == "en"

    def texts(resource: Json, lang: str) -> list[tuple[str, str]]:
        found = []
        for item, _parent in walk(resource["item"]):
            for holder, key in [(item, "text")] + [(o["valueCoding"], "display") for o in item.get("answerOption", [])]:
                translation = holder[f"_{key}"]["extension"][0]
                assert translation["url"] == TRANSLATION
                parts = {p["url"]: p for p in translation["extension"]}
                assert parts["lang"]["valueCode"] == lang
                found.append((holder[key], parts["content"]["valueString"]))
        return found

    ja_texts, en_texts = texts(ja, "en"), texts(en, "ja")
    assert [own for own, _other in ja_texts] == [other for _own, other in en_texts]
    assert [own for own, _other in en_texts] == [other for _own, other in ja_texts]
    set_language("ja")
    assert items_by_id(ja)["sex"]["answerOption"][0]["valueCoding"]["display"] == _("Female")
    assert items_by_id(ja)["sex"]["answerOption"][0]["valueCoding"]["display"] != "Female"  # the catalog's word


def test_the_result_is_read_only(q_en: Json) -> None:
    """The result group and everything in it is read-only, with a level, evidence and reasons for each group."""
    result = items_by_id(q_en)["result"]
    inside = [item for item, _parent in walk([result])]
    assert all(item.get("readOnly") for item in inside)
    ids = {item["linkId"] for item in inside}
    assert {"result.older_adult.level", "result.older_adult.evidence", "result.older_adult.reasons"} <= ids
    assert {"result.flags", "result.notes", "result.unanswered", "result.region"} <= ids


# --- responses ----------------------------------------------------------------------------------------------------

SHEETS = {
    "everything tapped": dict(
        age=45, sex="female", pregnancy="none", stress_frequency="3", stress_months="6-11",
        servings_per_week={"leafy_greens": "3", "nuts": "7"}, exercise_hours_per_week="5-10", heavy_sweating="yes",
        caffeine_servings_per_day={"coffee": "2", "green_tea": "0.5"}, caffeine_after_2pm="no",
        kidney_disease="no", medicines=["diuretic", "antibiotic"], magnesium_products=["supplement"],
        alcohol_drinks_per_week="8-14", insomnia_nights_per_week="4", sleep_problem_months="3-5",
        snoring_or_gasping="yes",
    ),
    "not sure and none of these": dict(
        age=30, sex="male", stress_frequency="0", servings_per_week="none", exercise_hours_per_week="none",
        caffeine_servings_per_day="none", kidney_disease="not-sure", medicines=["none"],
        magnesium_products=["not-sure"], insomnia_nights_per_week="0", snoring_or_gasping="dont-know",
    ),
    "only the age": dict(age=16),
}  # fmt: skip


@pytest.mark.parametrize("name", list(SHEETS))
@pytest.mark.parametrize("language", ["ja", "en"])
def test_wizard_answers_make_valid_responses(name: str, language: str) -> None:
    """Responses for answers the wizard makes pass R4B and every check against the questionnaire, enableWhen too."""
    given = sheet_answers(**SHEETS[name])
    set_language(language)
    made_response = made(given)
    assert check_response(made_response, questionnaire(language)) == []
    assert made_response["questionnaire"] == f"{CANONICAL}|{content_version()}"
    assert made_response["language"] == language
    assert answers_from_response(made_response).answers == given


def test_not_sure_and_none_of_these_in_a_response() -> None:
    """ "Not sure" leaves the item out (the result lists it unanswered); "None of these" is the code none."""
    given = sheet_answers(**SHEETS["not sure and none of these"])
    assert given.kidney_disease is None and given.magnesium_products is None and given.medicines == []
    items = items_by_id(made(given))
    assert "kidney_disease" not in items and "magnesium_products" not in items
    assert [a["valueCoding"]["code"] for a in items["medicines"]["answer"]] == ["none"]
    unanswered = [a["valueCoding"]["code"] for a in items["result.unanswered"]["answer"]]
    assert "kidney_disease" in unanswered and "magnesium_products" in unanswered
    assert [a["valueDecimal"] for a in items["caffeine_servings_per_day.coffee"]["answer"]] == [0.0]


def test_a_response_carries_the_result() -> None:
    """The result items hold the scored levels, evidence, reasons, flags and the region used."""
    given = Answers.model_validate(WORST_CASE)
    result = score(given, region="us")
    items = items_by_id(response(given, result, WHEN))
    for group, outcome in result.groups.items():
        assert items[f"result.{group}.level"]["answer"][0]["valueCoding"]["code"] == outcome.level
        assert items[f"result.{group}.evidence"]["answer"][0]["valueCoding"]["code"] == outcome.evidence.strength
        assert len(items[f"result.{group}.reasons"]["answer"]) == len(outcome.reasons)
    assert [a["valueCoding"]["code"] for a in items["result.flags"]["answer"]] == result.clinician.flags
    assert items["result.region"]["answer"][0]["valueCoding"]["code"] == "us"
    assert len(items["result.notes"]["answer"]) == len(result.clinician.reasons)
    no_flags = items_by_id(made(answers(age_years=40)))
    assert [a["valueCoding"]["code"] for a in no_flags["result.flags"]["answer"]] == ["none"]


@pytest.mark.parametrize("name", ["typical.json", "worst-case.json"])
def test_example_files_make_valid_responses(name: str, q_en: Json) -> None:
    """The example answers make valid responses, enableWhen included. The worst case answers pregnancy at 72, which
    the wizard would not ask and the Questionnaire's enableWhen disables: the response leaves that answer out."""
    given = Answers.model_validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))
    made_response = made(given, "us")
    assert check_response(made_response, q_en) == []
    assert ("pregnancy" in items_by_id(made_response)) is False
    if name == "worst-case.json":
        assert given.pregnancy is not None  # the file does answer it: the response is what leaves it out


def test_the_response_checks_can_fail(q_en: Json) -> None:
    """The response checks report a wrong value type, a code not among the options and a misplaced item."""
    broken = made(Answers.model_validate(WORST_CASE))
    items = items_by_id(broken)
    items["age_years"]["answer"] = [{"valueDecimal": 72.5}]
    items["sex"]["answer"][0]["valueCoding"]["code"] = "other"
    broken["item"].append({"linkId": "nuts", "answer": [{"valueInteger": 1}]})
    broken["item"][1]["item"].append(copy.deepcopy(items["servings_per_week.nuts"]))
    problems = check_response(broken, q_en, enabled_only=False)
    assert "age_years: a integer item answered with ['valueDecimal']" in problems
    assert any(p.startswith("sex: ") and "#other is not one of its options" in p for p in problems)
    assert "nuts: not an item of the questionnaire" in problems
    assert "servings_per_week.nuts: under 'stress', but the questionnaire has it under 'servings_per_week'" in problems


def test_response_json_is_the_response_as_text() -> None:
    """response_json (what "Save for the clinic record" writes) is the response, as UTF-8 JSON text."""
    given = answers(age_years=50, sex="female")
    result = score(given)
    set_language("ja")
    text = response_json(given, result, WHEN)
    assert json.loads(text) == response(given, result, WHEN)
    assert "\\u" not in text  # Japanese stays readable in the file
    assert json.loads(text)["authored"] == "2026-11-24T10:30:00+09:00"


magnesium_products = st.lists(st.sampled_from(["supplement", "laxative", "antacid"]), unique=True)
any_answers = st.tuples(answer_fields, maybe(magnesium_products)).map(
    lambda pair: Answers.model_validate({**pair[0], "magnesium_products": pair[1]})
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given=any_answers, region=st.sampled_from(["jp", "us"]))
def test_round_trip_gives_the_same_answers_and_result(given: Answers, region: str, q_en: Json) -> None:
    """answers -> response -> answers gives the same answers but those the questions' conditions do not ask (so
    the same result), for any valid answers; the response passes every check, enableWhen included."""
    made_response = made(given, region)
    assert check_response(made_response, q_en) == []
    back = answers_from_response(json.loads(json.dumps(made_response))).answers
    asked = asked_only(given)
    assert back == asked
    assert score(back, region=region) == score(asked, region=region)  # type: ignore[arg-type]


def asked_only(given: Answers) -> Answers:
    """The answers without those to questions the other answers do not ask."""
    from screener.questions import screens

    given_values = given.model_dump()
    values = dict(given_values)
    for screen in screens():
        for asked in screen.questions:
            if not asked.asked(given_values):
                values[asked.field] = None
    return Answers.model_validate(values)
