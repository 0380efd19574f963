"""The self-check in HL7 FHIR R4 (Structured Data Capture): the Questionnaire, and a QuestionnaireResponse of answers.

Clinics exchange questionnaires as FHIR: the ``Questionnaire`` is imported once into a FHIR server or a form
renderer (LHC-Forms, android-fhir), and each ``QuestionnaireResponse`` carries one person's answers into the
record. Both are built here as plain dicts from the one questionnaire definition (``screener.questions``; how each
kind of question maps is in ``screener.fhir_items``) and turned into JSON; no FHIR library is needed at run time.
Reading a response back into the answers contract is in ``screener.fhir_reading``.

The Questionnaire speaks one language (``language``) with the other in the standard ``translation`` extension on
``_text``/``_display``; its ``version`` is the content version, and the result (each group's level, evidence and
reasons, the clinician flags and notes, the safety questions not answered) is a read-only group at the end, which
a response fills in. A response names the questionnaire as ``canonical|version`` and records no name: the clinic's
system attaches it to the patient.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from screener.content import content_version
from screener.fhir_items import (
    EMPTY_LIST,
    Option,
    answer_system,
    item_type,
    number_range,
    option_for,
    options,
    row_link_id,
)
from screener.fhir_result import RESULT, coding, result_answers, result_item
from screener.i18n import LANGUAGES, N_, _, current_language, set_language
from screener.questionnaire import Condition, Question, Screen
from screener.questions import question, screens

if TYPE_CHECKING:
    from screener.answers import Answers
    from screener.result import Result

__all__ = [
    "CANONICAL",
    "RESULT",
    "questionnaire",
    "questionnaire_json",
    "response",
    "response_json",
    "sections",
]

Json = dict[str, Any]

# Where this Questionnaire lives. ".example" is a reserved name (RFC 2606): set the project's real address here
# once it has one; responses name this address, and the reader accepts only it.
CANONICAL = "https://magnesium-screener.example/fhir/Questionnaire/magnesium-self-check"
QUESTIONNAIRE_ID = "magnesium-self-check"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
UCUM = "http://unitsofmeasure.org"

# The unit of each number item (UCUM code, words), so a form renderer's bare number box says what to count. The
# definition in screener.questions has no units (yet); a test fails when a number item has none here.
UNITS: dict[str, tuple[str, str]] = {
    "age_years": ("a", N_("years")),
    "stress_months": ("mo", N_("months")),
    "sleep_problem_months": ("mo", N_("months")),
    "exercise_hours_per_week": ("h/wk", N_("hours a week")),
    "alcohol_drinks_per_week": ("{drink}/wk", N_("drinks a week")),
    "insomnia_nights_per_week": ("{night}/wk", N_("nights a week")),
    "servings_per_week": ("{serving}/wk", N_("times a week")),
    "caffeine_servings_per_day": ("{serving}/d", N_("servings a day")),
}
# Drinks counted in cans or bottles, and tablets, have their own counter (本 and 錠 in Japanese, not 杯), as the
# review words them (screener.review.count_text).
ROW_UNITS: dict[tuple[str, str], tuple[str, str]] = {
    ("caffeine_servings_per_day", "energy_drink"): ("{drink}/d", N_("drinks a day")),
    ("caffeine_servings_per_day", "cola"): ("{drink}/d", N_("drinks a day")),
    ("caffeine_servings_per_day", "caffeine_tablet"): ("{tablet}/d", N_("tablets a day")),
}


# --- languages ----------------------------------------------------------------------------------------------------


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate in ``language`` inside the block, and restore the language that was current."""
    before = current_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(before)


class _Texts:
    """Text in the primary language, with the other language in the FHIR ``translation`` extension."""

    def __init__(self, primary: str) -> None:
        self.primary = primary
        self.others = [language for language in LANGUAGES if language != primary]

    def __call__(self, key: str, make: Callable[[], str]) -> Json:
        extensions = []
        for other in self.others:
            with speaking(other):
                translated = make()
            extensions.append(
                {
                    "url": TRANSLATION,
                    "extension": [{"url": "lang", "valueCode": other}, {"url": "content", "valueString": translated}],
                }
            )
        return {key: make(), f"_{key}": {"extension": extensions}}


# --- the questionnaire --------------------------------------------------------------------------------------------


def sections() -> list[tuple[str, Screen, list[Question]]]:
    """Screens of the same section, in order, as one group each: (linkId, first screen, questions)."""
    grouped: list[tuple[str, Screen, list[Question]]] = []
    for screen in screens():
        if grouped and grouped[-1][0] == screen.section:
            grouped[-1][2].extend(screen.questions)
        else:
            grouped.append((screen.section, screen, list(screen.questions)))
    return grouped


def questionnaire(language: str) -> Json:
    """The FHIR R4 Questionnaire of the self-check, worded in ``language`` with the other as translations."""
    with speaking(language):
        texts = _Texts(language)
        items = [
            {
                "linkId": link_id,
                **texts("text", partial(_, screen.title)),
                "type": "group",
                "item": [_question_item(texts, asked) for asked in questions],
            }
            for link_id, screen, questions in sections()
        ]
        items.append(result_item(texts))
        return {
            "resourceType": "Questionnaire",
            "id": QUESTIONNAIRE_ID,
            "language": language,
            "url": CANONICAL,
            "version": content_version(),
            "name": "MagnesiumSelfCheck",
            **texts("title", lambda: _("Magnesium self-check")),
            "status": "active",
            "subjectType": ["Patient"],
            "item": items,
        }


def questionnaire_json(language: str) -> str:
    return json.dumps(questionnaire(language), ensure_ascii=False, indent=2)


def _question_item(texts: _Texts, asked: Question) -> Json:
    kind = item_type(asked)
    item: Json = {"linkId": asked.field, **texts("text", lambda: _(asked.prompt)), "type": kind}
    if asked.required:
        item["required"] = True
    children: list[Json] = []
    if asked.hint is not None or asked.details is not None:
        children.append(_help_item(texts, asked))
    if kind == "choice":
        if asked.kind == "multi":
            item["repeats"] = True
        item["answerOption"] = [_answer_option(texts, asked, option) for option in options(asked)]
    elif kind == "group":
        for row in asked.rows:
            link_id = row_link_id(asked, row)
            children.append(
                {
                    "linkId": link_id,
                    **texts("text", partial(_, row.label)),
                    "type": number_range(link_id).type,
                    "extension": _number_extensions(texts, link_id, asked.field, row.item),
                }
            )
    else:
        item["extension"] = _number_extensions(texts, asked.field, asked.field)
    if asked.when:
        conditions, any_of = _enable_when(asked)
        item["enableWhen"] = conditions
        if len(conditions) > 1:
            item["enableBehavior"] = "any" if any_of else "all"
    if children:
        item["item"] = children
    return item


def _help_item(texts: _Texts, asked: Question) -> Json:
    """The hint and the details together, as a form's help (a renderer shows it behind its own "?")."""
    from screener.wording import sentences

    parts = [text for text in (asked.hint, asked.details) if text is not None]
    return {
        "linkId": f"{asked.field}.help",
        **texts("text", lambda: sentences(*(_(part) for part in parts))),
        "type": "display",
        "extension": [
            {"url": ITEM_CONTROL, "valueCodeableConcept": {"coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "help"}]}}
        ],
    }


def _answer_option(texts: _Texts, asked: Question, option: Option) -> Json:
    coding: Json = {
        "system": answer_system(asked.field),
        "code": option.code,
        **texts("display", lambda: _(option.label)),
    }
    if option.ordinal is not None:
        coding["extension"] = [{"url": ORDINAL_VALUE, "valueDecimal": option.ordinal}]
    answer: Json = {"valueCoding": coding}
    if option.exclusive:
        answer["extension"] = [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}]
    return answer


def _number_extensions(texts: _Texts, link_id: str, unit_of: str, item: str | None = None) -> list[Json]:
    bounds = number_range(link_id)
    key = "valueInteger" if bounds.type == "integer" else "valueDecimal"
    convert: Callable[[float], int | float] = int if bounds.type == "integer" else float
    code, words = ROW_UNITS.get((unit_of, item or ""), UNITS[unit_of])
    return [
        {"url": MIN_VALUE, key: convert(bounds.minimum)},
        {"url": MAX_VALUE, key: convert(bounds.maximum)},
        {"url": UNIT, "valueCoding": {"system": UCUM, "code": code, **texts("display", lambda: _(words))}},
    ]


def _enable_when(asked: Question) -> tuple[list[Json], bool]:
    """FHIR enableWhen for the question's conditions, and whether any one of them is enough.

    An ordered comparison on a choice item (``stress_frequency >= 2``) has no FHIR form, as codes are not ordered:
    it becomes one ``=`` per code that satisfies it, which are alternatives ("any"). That is exact only when the
    condition stands alone or the conditions are alternatives anyway; any other case fails here, loudly.
    """
    found: list[Json] = []
    expanded = False
    for condition in asked.when:
        target = question(condition.field.partition(".")[0])
        if item_type(target) != "choice":
            key = "answerInteger" if number_range(condition.field).type == "integer" else "answerDecimal"
            value: int | float = int(condition.value) if key == "answerInteger" else float(condition.value)
            found.append({"question": condition.field, "operator": condition.op, key: value})
        elif condition.op in ("=", "!="):
            found.append(_coded_condition(target, condition.op, option_for(target, condition.value)))
        else:
            matching = [
                option
                for option in options(target)
                if option.ordinal is not None
                and Condition(condition.field, condition.op, condition.value).holds({condition.field: option.value})
            ]
            if not matching:
                raise ValueError(f"{asked.field}: no option of {target.field} satisfies {condition}")
            found += [_coded_condition(target, "=", option) for option in matching]
            expanded = True
    if expanded and len(asked.when) > 1 and not asked.when_any:
        raise ValueError(f"{asked.field}: an ordered comparison on a choice cannot be combined with 'all' in FHIR")
    return found, asked.when_any or expanded


def _coded_condition(target: Question, op: str, option: Option) -> Json:
    return {
        "question": target.field,
        "operator": op,
        "answerCoding": {"system": answer_system(target.field), "code": option.code},
    }


# --- a response -------------------------------------------------------------------------------------------------


def response(answers: Answers, result: Result, authored: datetime | None = None) -> Json:
    """The QuestionnaireResponse of one person's answers and their result, worded in the current language.

    Only answered questions appear (FHIR leaves a skipped question out); a "Not sure" was recorded as not answered,
    so it is left out too, and the result names it among the safety questions not answered. An answer to a question
    the other answers do not ask (pregnancy at 72) is left out as well: the Questionnaire's own enableWhen disables
    it, and a response must not hold an answer to a disabled item.
    """
    values = answers.model_dump()
    items: list[Json] = []
    for link_id, screen, questions in sections():
        answered = [
            item
            for asked in questions
            if asked.asked(values) and (item := _answered(asked, values.get(asked.field))) is not None
        ]
        if answered:
            items.append({"linkId": link_id, "text": _(screen.title), "item": answered})
    items.append(result_answers(result))
    when = authored or datetime.now().astimezone()
    return {
        "resourceType": "QuestionnaireResponse",
        "language": current_language(),
        "questionnaire": f"{CANONICAL}|{result.content_version}",
        "status": "completed",
        "authored": when.isoformat(timespec="seconds"),
        "item": items,
    }


def response_json(answers: Answers, result: Result, authored: datetime | None = None) -> str:
    """The response as JSON text, for a file the clinic's system imports ("Save for the clinic record")."""
    return json.dumps(response(answers, result, authored), ensure_ascii=False, indent=2)


def _option_answer(asked: Question, option: Option) -> Json:
    return coding(answer_system(asked.field), option.code, _(option.label))


def _number_answer(link_id: str, value: float) -> Json:
    if number_range(link_id).type == "integer":
        return {"valueInteger": int(value)}
    return {"valueDecimal": float(value)}


def _answered(asked: Question, value: Any) -> Json | None:
    if value is None:
        return None
    item: Json = {"linkId": asked.field, "text": _(asked.prompt)}
    kind = item_type(asked)
    if kind == "group":
        item["item"] = [
            {
                "linkId": row_link_id(asked, row),
                "text": _(row.label),
                "answer": [_number_answer(row_link_id(asked, row), value[row.item])],
            }
            for row in asked.rows
        ]
    elif kind != "choice":
        item["answer"] = [_number_answer(asked.field, value)]
    elif asked.kind == "multi":
        chosen = [option_for(asked, v) for v in value] or [o for o in options(asked) if o.value == EMPTY_LIST]
        item["answer"] = [_option_answer(asked, option) for option in chosen]
    else:
        item["answer"] = [_option_answer(asked, option_for(asked, value))]
    return item
