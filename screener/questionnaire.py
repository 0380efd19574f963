"""The shape of the questionnaire as data: screens, questions, choices and when a question is asked.

The questions themselves are in ``screener.questions``; this module holds the types and the rules that read them
(which questions are asked for a set of answers, which choice a contract value falls in). The wizard's screens, the
review, the tour, the FHIR export and read-aloud all read the same definition, so a question is changed in one
place. Wording is stored as msgids and translated where it is shown.

Conditions mirror FHIR's ``enableWhen``: ``=``, ``>``, ``>=``, ``<``, ``<=`` are false while the question they
depend on is unanswered, ``!=`` is true then; several conditions hold together (``all``) unless the question says
``any``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from screener.i18n import N_
from screener.ids import Region

Kind = Literal["number", "single", "multi", "counts"]
NONE_OF_THESE = "none"  # the code of a multi or counts question's "None of these": an answer of nothing (or zeros)
NOT_SURE = "not-sure"  # the code of a "Not sure" choice of a multi question: recorded as not answered
MORE_LABEL = N_("More")  # the button that shows a question's details
Op = Literal["=", "!=", ">", ">=", "<", "<="]
AnswerValue = bool | int | float | str
Values = Mapping[str, Any]  # answers as a plain dict (as ``Answers.model_dump()`` gives, or the wizard's draft)

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}


@dataclass(frozen=True)
class Choice:
    """One answer a person can tap.

    ``value`` is what the answers contract records; ``None`` records the question as not answered while the
    choice itself is remembered ("Not sure", "Don't know"). ``exclusive`` choices of a multi-choice or counts
    question clear the others: ``NONE_OF_THESE`` records an empty list (multi) or zeros (counts), ``NOT_SURE``
    records not answered.
    """

    code: str
    label: str  # msgid
    value: AnswerValue | None
    exclusive: bool = False


@dataclass(frozen=True)
class Row:
    """One item of a counts question (a food or a drink), with what one serving means in each region."""

    item: str
    label: str  # msgid
    serving: Mapping[Region, str]  # msgid per region


@dataclass(frozen=True)
class Condition:
    """``field op value``; ``field`` may be dotted for an item of a counts question."""

    field: str
    op: Op
    value: AnswerValue

    def holds(self, values: Values) -> bool:
        given = lookup(values, self.field)
        if self.op == "!=":
            return given is None or given != self.value
        if given is None:
            return False
        return _COMPARE[self.op](given, self.value)


@dataclass(frozen=True)
class Question:
    """One field of the answers contract, asked on a screen.

    Counts questions have ``rows`` (one per item) and ``choices`` for each row's count; the question's own
    ``exclusive`` choice ("None of these") records zero for every row.
    """

    field: str
    kind: Kind
    prompt: str  # msgid
    review_label: str  # msgid: the short name on the review page and the summary
    hint: str | None = None  # msgid: shown under the question
    details: str | None = None  # msgid: examples and reasons, shown only when the person taps "More"
    choices: tuple[Choice, ...] = ()
    rows: tuple[Row, ...] = ()
    when: tuple[Condition, ...] = ()
    when_any: bool = False  # the conditions are alternatives (FHIR enableBehavior "any")
    required: bool = False
    safety: bool = False  # a safety question: the summary names it when it was not answered
    bins: str | None = None  # name of the reference table's [choices.*] this question's numbers come from
    minimum: int | None = None  # number questions
    maximum: int | None = None

    def asked(self, values: Values) -> bool:
        if not self.when:
            return True
        checks = (condition.holds(values) for condition in self.when)
        return any(checks) if self.when_any else all(checks)

    def choice(self, code: str) -> Choice:
        for choice in self.choices:
            if choice.code == code:
                return choice
        raise KeyError(f"{self.field}: no choice {code!r}")

    def row(self, item: str) -> Row:
        for row in self.rows:
            if row.item == item:
                return row
        raise KeyError(f"{self.field}: no row {item!r}")


@dataclass(frozen=True)
class Screen:
    """One screen of the wizard: one question, or a small group that belongs together (a follow-up below)."""

    id: str
    section: str
    title: str  # msgid
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def asked(self, values: Values) -> bool:
        return any(question.asked(values) for question in self.questions)


def lookup(values: Values, path: str) -> Any:
    """The value at a field or a dotted item path, or None when it is missing."""
    head, _, rest = path.partition(".")
    value = values.get(head)
    if not rest:
        return value
    if isinstance(value, Mapping):
        return value.get(rest)
    return None


def questions_of(screens: tuple[Screen, ...]) -> Iterator[Question]:
    for screen in screens:
        yield from screen.questions
