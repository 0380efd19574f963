"""Reads a FHIR QuestionnaireResponse of the self-check back into the answers contract.

The response may come from this program ("Save for the clinic record", ``screener fhir response``) or from a form
renderer that filled in the exported Questionnaire. Every problem becomes one plain line that starts with the
item's linkId (which is the answers field's name), and the input is bounded: at most ``MAX_BYTES`` of text and
``MAX_DEPTH`` levels of items, so a huge or deeply nested file is refused, never a crash.

The result group (``result.*``) is ignored when reading: it was computed from the answers, and the reader scores
the answers again. Codes read back as the contract values they stand for (``screener.fhir_items``): "Not sure" and
"Don't know" as not answered, a multi-choice "None of these" as an empty list, a counts row left out as 0.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, NamedTuple

from pydantic import ValidationError

from screener.answers import Answers
from screener.fhir import CANONICAL, RESULT, questionnaire, sections
from screener.fhir_items import EMPTY_LIST, Option, answer_system, item_type, number_range, options, question_for
from screener.i18n import DEFAULT_LANGUAGE
from screener.loading import problems_from
from screener.questionnaire import NONE_OF_THESE, Question

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Reading", "ResponseError", "answers_from_response", "read_response"]

MAX_BYTES = 1_000_000  # a response of this questionnaire is about 20 kB, with every reason worded
MAX_DEPTH = 8  # the questionnaire nests items 3 deep (section, question, row); 8 leaves room for renderers


class ResponseError(ValueError):
    """The response could not be read. ``problems`` holds one plain line per problem, each naming its linkId."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class Reading(NamedTuple):
    """The answers a response records, and what was odd in it but kept (a line each, naming the linkId)."""

    answers: Answers
    warnings: list[str]


def read_response(text: str, strict: bool = False) -> Reading:
    """Parse QuestionnaireResponse JSON text into answers; raises ResponseError with every problem found.

    A form renderer that ignores "None of these" being exclusive lets a person tick it with other answers: the other
    answers are kept and the conflict is a warning, so the clinic never loses the response. ``strict`` refuses it.
    """
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ResponseError([f"response: larger than {MAX_BYTES:,} bytes; this is not a response of this check"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResponseError([f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from None
    except RecursionError:
        raise ResponseError(["response: nested too deeply"]) from None
    return answers_from_response(data, strict)


def answers_from_response(data: Any, strict: bool = False) -> Reading:
    """The answers a parsed QuestionnaireResponse records; raises ResponseError with every problem found."""
    if not isinstance(data, dict):
        raise ResponseError(["response: must be a JSON object (a FHIR QuestionnaireResponse)"])
    problems: list[str] = []
    kind = data.get("resourceType")
    if kind != "QuestionnaireResponse":
        problems.append(f"resourceType: must be QuestionnaireResponse, got {_short(kind)}")
    reference = data.get("questionnaire")
    if not isinstance(reference, str) or reference.partition("|")[0] != CANONICAL:
        problems.append(f"questionnaire: must be {CANONICAL}|<version>, got {_short(reference)}")
    found: dict[str, Any] = {}
    warnings: list[str] = []
    _collect(data.get("item", []), "item", 1, _known_link_ids(), found, problems)
    values = _values(found, problems, warnings)
    if strict:
        problems += warnings
    try:
        answers = Answers.model_validate(values)
    except ValidationError as exc:
        # A field whose answer was already refused above is missing here: name each field once.
        named = {problem.partition(":")[0].partition(".")[0] for problem in problems}
        problems += [p for p in problems_from(exc) if p.partition(":")[0].partition(".")[0] not in named]
    if problems:
        raise ResponseError(problems)
    return Reading(answers, warnings)


def _short(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:60]


@cache
def _known_link_ids() -> frozenset[str]:
    """Every linkId of the questionnaire (read from the built questionnaire, so reader and builder agree)."""
    known: set[str] = set()

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            known.add(item["linkId"])
            walk(item.get("item", []))

    walk(questionnaire(DEFAULT_LANGUAGE)["item"])  # linkIds are the same in every language
    return frozenset(known)


def _collect(
    items: Any, where: str, depth: int, known: frozenset[str], found: dict[str, Any], problems: list[str]
) -> None:
    """Gather each item's answers by linkId (None where it has none), checking the structure on the way."""
    if depth > MAX_DEPTH:
        problems.append(f"{where}: items nested deeper than {MAX_DEPTH} levels")
        return
    if not isinstance(items, list):
        problems.append(f"{where}: must be a list of items")
        return
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("linkId"), str):
            problems.append(f"{where}[{index}]: must be an item with a linkId")
            continue
        link_id: str = item["linkId"]
        if link_id not in known:
            problems.append(f"{link_id}: not an item of this questionnaire")
            continue
        if link_id in found:
            problems.append(f"{link_id}: appears more than once")
            continue
        found[link_id] = item.get("answer")  # None: a group, or a question left unanswered
        _collect(item.get("item", []), link_id, depth + 1, known, found, problems)
        for answer in item.get("answer", []) if isinstance(item.get("answer"), list) else []:
            if isinstance(answer, dict) and "item" in answer:
                _collect(answer["item"], link_id, depth + 1, known, found, problems)


def _values(found: dict[str, Any], problems: list[str], warnings: list[str]) -> dict[str, Any]:
    """The answers contract as a dict, from each answered item."""
    values: dict[str, Any] = {}
    section_ids = {link_id for link_id, _screen, _questions in sections()}
    for link_id, answers in found.items():
        if answers is None or link_id == RESULT or link_id.startswith(RESULT + "."):
            continue  # the result is worked out again from the answers
        target = question_for(link_id)
        if target is None or link_id in section_ids:
            problems.append(f"{link_id}: takes no answer (it is a group or a text)")
            continue
        asked, row = target
        if not isinstance(answers, list) or not answers or not all(isinstance(a, dict) for a in answers):
            problems.append(f"{link_id}: answer must be a non-empty list of objects")
            continue
        if row is not None:
            number = _number(link_id, answers, problems)
            if number is not None:
                values.setdefault(asked.field, {})[row.item] = number
        elif item_type(asked) == "group":
            problems.append(f"{link_id}: takes no answer (it is a group or a text)")
        elif item_type(asked) != "choice":
            number = _number(link_id, answers, problems)
            if number is not None:
                values[asked.field] = number
        else:
            _choice(asked, answers, values, problems, warnings)
    return values


def _one_value(link_id: str, answers: list[dict[str, Any]], problems: list[str]) -> tuple[str, Any] | None:
    if len(answers) != 1:
        problems.append(f"{link_id}: takes one answer, got {len(answers)}")
        return None
    keys = [key for key in answers[0] if key.startswith("value")]
    if len(keys) != 1:
        problems.append(f"{link_id}: an answer must have exactly one value[x]")
        return None
    return keys[0], answers[0][keys[0]]


def _number(link_id: str, answers: list[dict[str, Any]], problems: list[str]) -> int | float | None:
    found = _one_value(link_id, answers, problems)
    if found is None:
        return None
    key, value = found
    wanted = "valueInteger" if number_range(link_id).type == "integer" else "valueDecimal"
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if key != wanted or not is_number or (wanted == "valueInteger" and not isinstance(value, int)):
        problems.append(f"{link_id}: must be a {wanted}, got {key} {_short(value)}")
        return None
    number: int | float = value
    return number


def _option(asked: Question, answer: dict[str, Any], problems: list[str]) -> Option | None:
    keys = [key for key in answer if key.startswith("value")]
    coding = answer.get("valueCoding")
    if keys != ["valueCoding"] or not isinstance(coding, dict) or not isinstance(coding.get("code"), str):
        problems.append(f"{asked.field}: each answer must be a valueCoding with a code")
        return None
    system = coding.get("system", answer_system(asked.field))
    if system != answer_system(asked.field):
        problems.append(f"{asked.field}: code system must be {answer_system(asked.field)}, got {_short(system)}")
        return None
    codes = {option.code: option for option in options(asked)}
    code: str = coding["code"]
    if code not in codes:
        problems.append(f"{asked.field}: {_short(code)} is not one of its codes ({', '.join(codes)})")
        return None
    return codes[code]


def _choice(
    asked: Question, answers: list[dict[str, Any]], values: dict[str, Any], problems: list[str], warnings: list[str]
) -> None:
    if asked.kind != "multi" and len(answers) != 1:
        problems.append(f"{asked.field}: takes one answer, got {len(answers)}")
        return
    chosen = [_option(asked, answer, problems) for answer in answers]
    picked = [option for option in chosen if option is not None]
    if len(picked) != len(chosen):
        return
    if asked.kind != "multi":
        if picked[0].value is not None:
            values[asked.field] = picked[0].value
        return
    exclusive = [option.code for option in picked if option.exclusive]
    if exclusive and len(picked) > 1:
        kept = [option for option in picked if not option.exclusive]
        warnings.append(
            f"{asked.field}: {exclusive[0]!r} was given with other answers; kept "
            + ", ".join(repr(option.code) for option in kept)
        )
        values[asked.field] = [option.value for option in kept]
        return
    if not exclusive:
        values[asked.field] = [option.value for option in picked]
    elif picked[0].value == EMPTY_LIST:
        assert picked[0].code == NONE_OF_THESE
        values[asked.field] = []
    # "Not sure": recorded as not answered
