"""Offline checks of FHIR R4 Questionnaires and QuestionnaireResponses: fhir.resources' R4B models for the structure,
plus the rules those models do not check (they accept duplicate linkIds, unknown item types, answers that are not
among the options, and so on). Each check returns one line per problem, so a test can show what failed."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

Json = dict[str, Any]

ITEM_TYPES = {
    "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
    "choice", "open-choice", "attachment", "reference", "quantity",
}  # fmt: skip
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
}
STATUSES = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
ANSWER_KEYS = {
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "choice": "valueCoding",
    "string": "valueString",
    "text": "valueString",
}
ENABLE_KEYS = {"integer": "answerInteger", "decimal": "answerDecimal", "choice": "answerCoding"}
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def walk(items: list[Json], parent: str | None = None) -> Iterator[tuple[Json, str | None]]:
    """Every item in document order, with its parent's linkId (answers' nested items included)."""
    for item in items:
        yield item, parent
        yield from walk(item.get("item", []), item["linkId"])
        for answer in item.get("answer", []):
            yield from walk(answer.get("item", []), item["linkId"])


def _structure(model: Any, data: Json) -> list[str]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [f"fhir.resources: {error['loc']}: {error['msg']}" for error in exc.errors()]
    return []


def _translations(item: Json, key: str, where: str) -> list[str]:
    problems = []
    for extension in item.get(f"_{key}", {}).get("extension", []):
        parts = {part["url"]: part for part in extension.get("extension", [])}
        if extension.get("url") != TRANSLATION or set(parts) != {"lang", "content"}:
            problems.append(f"{where}: _{key} has a malformed translation extension")
        elif not parts["content"].get("valueString"):
            problems.append(f"{where}: _{key} translation is empty")
    return problems


def check_questionnaire(questionnaire: Json) -> list[str]:
    """Structure (R4B), then: unique linkIds, known item types, enableWhen pointing at an earlier item with an answer
    of its type and a code among its options, enableBehavior when there are several, options only on choices,
    unique option codes, display items without answers, translations well formed."""
    problems = _structure(Questionnaire, questionnaire)
    if questionnaire.get("status") not in STATUSES:
        problems.append(f"status: {questionnaire.get('status')!r} is not a publication status")
    problems += _translations(questionnaire, "title", "title")
    order: dict[str, int] = {}
    items: dict[str, Json] = {}
    for index, (item, _parent) in enumerate(walk(questionnaire.get("item", []))):
        link_id = item["linkId"]
        if link_id in items:
            problems.append(f"{link_id}: linkId is not unique")
        items[link_id], order[link_id] = item, index
    for link_id, item in items.items():
        kind = item.get("type")
        if kind not in ITEM_TYPES:
            problems.append(f"{link_id}: unknown item type {kind!r}")
        problems += _translations(item, "text", link_id)
        if "answerOption" in item and kind not in ("choice", "open-choice"):
            problems.append(f"{link_id}: answerOption on a {kind} item")
        if kind == "choice" and not item.get("answerOption"):
            problems.append(f"{link_id}: a choice item without options")
        if kind == "display" and any(key in item for key in ("required", "repeats", "readOnly", "answerOption")):
            problems.append(f"{link_id}: a display item cannot be answered")
        codes = [option["valueCoding"]["code"] for option in item.get("answerOption", []) if "valueCoding" in option]
        if len(set(codes)) != len(codes):
            problems.append(f"{link_id}: option codes repeat")
        for option in item.get("answerOption", []):
            problems += _translations(option.get("valueCoding", {}), "display", f"{link_id} option")
        conditions = item.get("enableWhen", [])
        if len(conditions) > 1 and item.get("enableBehavior") not in ("all", "any"):
            problems.append(f"{link_id}: several enableWhen need enableBehavior")
        for condition in conditions:
            problems += _check_condition(link_id, condition, items, order)
    return problems


def _check_condition(link_id: str, condition: Json, items: dict[str, Json], order: dict[str, int]) -> list[str]:
    target_id = condition.get("question")
    target = items.get(target_id)  # type: ignore[arg-type]
    if target is None:
        return [f"{link_id}: enableWhen points at {target_id!r}, which is not an item"]
    problems = []
    if order[target_id] >= order[link_id]:
        problems.append(f"{link_id}: enableWhen points at {target_id!r}, which comes after it")
    if condition.get("operator") not in OPERATORS:
        problems.append(f"{link_id}: enableWhen operator {condition.get('operator')!r} is not an operator")
    answer_keys = [key for key in condition if key.startswith("answer")]
    wanted = ENABLE_KEYS.get(target.get("type", ""))
    if answer_keys != [wanted]:
        problems.append(f"{link_id}: enableWhen on a {target.get('type')} item must use {wanted}, not {answer_keys}")
    elif wanted == "answerCoding":
        codes = {o["valueCoding"]["code"] for o in target.get("answerOption", [])}
        if condition["answerCoding"].get("code") not in codes:
            problems.append(f"{link_id}: enableWhen code {condition['answerCoding'].get('code')!r} is not an option")
    return problems


def enabled(item: Json, answers: dict[str, list[Json]]) -> bool:
    """Whether an item is enabled by the answers given (FHIR's rules: != holds, and the rest fail, when unanswered)."""
    results = []
    for condition in item.get("enableWhen", []):
        given = answers.get(condition["question"], [])
        key = next(k for k in condition if k.startswith("answer"))
        wanted = condition[key]
        values = [a.get("valueCoding", {}).get("code") if key == "answerCoding" else a.get("value" + key[6:])
                  for a in given]  # fmt: skip
        if key == "answerCoding":
            wanted = wanted["code"]
        if condition["operator"] == "!=":
            results.append(all(v != wanted for v in values))
        else:
            results.append(any(OPERATORS[condition["operator"]](v, wanted) for v in values))
    if not results:
        return True
    return any(results) if item.get("enableBehavior") == "any" else all(results)


def check_response(response: Json, questionnaire: Json, *, enabled_only: bool = True) -> list[str]:
    """Structure (R4B), then against the questionnaire: its canonical|version, every linkId an item under the same
    parent, one answer unless it repeats, each answer of its item's type with a code among the options, no answers on
    groups, required items answered, and (``enabled_only``) no answer to an item its enableWhen disables."""
    problems = _structure(QuestionnaireResponse, response)
    if response.get("status") not in RESPONSE_STATUSES:
        problems.append(f"status: {response.get('status')!r} is not a response status")
    expected = f"{questionnaire['url']}|{questionnaire['version']}"
    if response.get("questionnaire") != expected:
        problems.append(f"questionnaire: {response.get('questionnaire')!r} is not {expected!r}")
    defined = {item["linkId"]: (item, parent) for item, parent in walk(questionnaire["item"])}
    answers: dict[str, list[Json]] = {}
    seen: set[str] = set()
    for item, parent in walk(response.get("item", [])):
        link_id = item["linkId"]
        if link_id not in defined:
            problems.append(f"{link_id}: not an item of the questionnaire")
            continue
        definition, defined_parent = defined[link_id]
        if parent != defined_parent:
            problems.append(f"{link_id}: under {parent!r}, but the questionnaire has it under {defined_parent!r}")
        if link_id in seen:
            problems.append(f"{link_id}: appears twice")
        seen.add(link_id)
        given = item.get("answer", [])
        kind = definition["type"]
        if given and kind in ("group", "display"):
            problems.append(f"{link_id}: a {kind} item has answers")
        if len(given) > 1 and not definition.get("repeats"):
            problems.append(f"{link_id}: {len(given)} answers to an item that does not repeat")
        for answer in given:
            problems += _check_answer(link_id, definition, answer)
        if given:
            answers[link_id] = given
    for link_id, (definition, _parent) in defined.items():
        if definition.get("required") and link_id not in answers:
            problems.append(f"{link_id}: required, not answered")
        if enabled_only and link_id in answers and not enabled(definition, answers):
            problems.append(f"{link_id}: answered, but its enableWhen disables it")
    return problems


def _check_answer(link_id: str, definition: Json, answer: Json) -> list[str]:
    kind = definition["type"]
    keys = [key for key in answer if key.startswith("value")]
    wanted = ANSWER_KEYS.get(kind)
    if keys != [wanted]:
        return [f"{link_id}: a {kind} item answered with {keys}"]
    value = answer[wanted]
    if kind == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        return [f"{link_id}: valueInteger {value!r} is not a whole number"]
    if kind == "choice":
        options = {(o["valueCoding"].get("system"), o["valueCoding"]["code"]) for o in definition["answerOption"]}
        if (value.get("system"), value.get("code")) not in options:
            return [f"{link_id}: {value.get('system')}#{value.get('code')} is not one of its options"]
    if kind in ("integer", "decimal"):
        bounds = {e["url"].rsplit("/", 1)[1]: e for e in definition.get("extension", [])}
        low = bounds.get("minValue", {}).get("value" + kind.capitalize())
        high = bounds.get("maxValue", {}).get("value" + kind.capitalize())
        if (low is not None and value < low) or (high is not None and value > high):
            return [f"{link_id}: {value} is outside {low} to {high}"]
    return []
