"""How each question of the self-check maps onto a FHIR item: its linkId, type, answer codes and number range.

Read from the questionnaire definition (``screener.questions``) and the answers contract (``screener.answers``), so
the FHIR export has no question list of its own. Both the builder (``screener.fhir``) and the reader
(``screener.fhir_reading``) use these rules, so a code written is a code read back.

The mapping, question kind by kind:

* ``number`` and binned ``single`` questions (those with ``bins``: months, hours, drinks, nights) are FHIR
  ``integer`` or ``decimal`` items, as the contract field is an integer or a number, with the contract's range as
  ``minValue``/``maxValue``. FHIR ``answerOption`` cannot hold a decimal (only integer, date, time, string or
  Coding), and the contract holds any number in range, not only the wizard's one-tap values: the wizard's choices
  ("1 to 2 months") record a representative number from the reference table's ``[choices.*]`` bins (1), and any
  number a form renderer records falls back into the same bins (``answer_sheet.choice_code``) for wording.
  Scoring reads the number either way, so a typed 7 and a tapped "6 to 11 months" (6) score alike.
* other ``single`` questions are ``choice`` items with ``answerOption.valueCoding``. The code is the contract
  value written as JSON text: ``"female"``, ``"3"``, ``"true"``/``"false"``. A choice that records nothing
  ("Not sure", "Don't know") keeps the wizard's own code (``not-sure``, ``dont-know``) and reads back as not
  answered.
* ``multi`` questions are ``choice`` items with ``repeats: true``. "None of these" is the code ``none`` and reads
  back as an empty list; "Not sure" is ``not-sure`` and reads back as not answered; both carry the SDC
  ``optionExclusive`` extension.
* ``counts`` questions are ``group`` items with one number item per row, linkId ``field.row``
  (``servings_per_week.leafy_greens``). "None of these" is every row at 0; a row left out reads back as 0, as the
  contract's default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast, get_args

from annotated_types import Ge, Le
from pydantic.fields import FieldInfo

from screener.questionnaire import NONE_OF_THESE, AnswerValue, Question, Row
from screener.questions import screens

ItemType = Literal["integer", "decimal", "choice", "group"]
NumberType = Literal["integer", "decimal"]
ANSWER_SYSTEM_BASE = "https://magnesium-screener.example/fhir/CodeSystem/"
Empty = Literal["empty-list"]
EMPTY_LIST: Empty = "empty-list"  # what "None of these" of a multi question records


@dataclass(frozen=True)
class Option:
    """One answer option of a choice item: its code, the contract value it stands for, and its label (msgid)."""

    code: str
    value: AnswerValue | Empty | None  # None: records nothing ("Not sure"); EMPTY_LIST: an empty list
    label: str
    exclusive: bool = False
    ordinal: int | None = None  # for ordered scales (stress frequency 0 to 4): FHIR's ordinalValue


@dataclass(frozen=True)
class NumberRange:
    type: NumberType
    minimum: float
    maximum: float


def value_code(value: AnswerValue) -> str:
    """A contract value as an answer code: JSON text, so ``True`` is ``"true"`` and ``3`` is ``"3"``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def answer_system(field: str) -> str:
    """The code system of one question's answer codes (codes mean different things in different questions)."""
    return ANSWER_SYSTEM_BASE + field.replace("_", "-")


def item_type(question: Question) -> ItemType:
    if question.kind == "counts":
        return "group"
    if question.kind == "number" or question.bins is not None:
        return number_range(question.field).type
    return "choice"


def options(question: Question) -> tuple[Option, ...]:
    """The answer options of a choice item, in the wizard's order."""
    found: list[Option] = []
    for choice in question.choices:
        if question.kind == "multi" and choice.code == NONE_OF_THESE:
            found.append(Option(NONE_OF_THESE, EMPTY_LIST, choice.label, exclusive=True))
        elif choice.value is None:
            found.append(Option(choice.code, None, choice.label, exclusive=question.kind == "multi"))
        else:
            ordinal = choice.value if isinstance(choice.value, int) and not isinstance(choice.value, bool) else None
            found.append(Option(value_code(choice.value), choice.value, choice.label, ordinal=ordinal))
    return tuple(found)


def option_for(question: Question, value: AnswerValue) -> Option:
    for option in options(question):
        same_kind = isinstance(option.value, bool) == isinstance(value, bool)  # True == 1 in Python
        if option.value not in (None, EMPTY_LIST) and same_kind and option.value == value:
            return option
    raise ValueError(f"{question.field}: {value!r} is not one of its options")


def row_link_id(question: Question, row: Row) -> str:
    return f"{question.field}.{row.item}"


def _bare(annotation: Any) -> Any:
    """``int``, ``float`` or a model class from a field's annotation, without ``| None`` and ``Annotated``."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if not args or isinstance(annotation, type):
        return annotation
    return _bare(args[0])


def _field(path: str) -> FieldInfo:
    """The contract field of an answers field or of a counts row (``servings_per_week.nuts``)."""
    from screener.answers import Answers

    head, _sep, rest = path.partition(".")
    info = Answers.model_fields[head]
    if rest:
        info = _bare(info.annotation).model_fields[rest]
    return info


@cache
def number_range(path: str) -> NumberRange:
    """The contract's type and range of a number field or counts row (read from the model, not its JSON Schema,
    whose nullable whole-number fields show ``ge``/``le`` instead of ``minimum``/``maximum``)."""
    info = _field(path)
    kind: NumberType = "integer" if _bare(info.annotation) is int else "decimal"
    low = next(m.ge for m in info.metadata if isinstance(m, Ge))
    high = next(m.le for m in info.metadata if isinstance(m, Le))
    return NumberRange(kind, float(cast(float, low)), float(cast(float, high)))


def question_for(link_id: str) -> tuple[Question, Row | None] | None:
    """The question (and row, for a counts item) a linkId stands for, or None."""
    head, _sep, rest = link_id.partition(".")
    for screen in screens():
        for question in screen.questions:
            if question.field != head:
                continue
            if not rest:
                return question, None
            for row in question.rows:
                if row.item == rest:
                    return question, row
    return None
