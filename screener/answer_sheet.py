"""What a person has tapped so far, kept only in memory, and the answers it makes.

Every question starts unanswered. A tap records a choice's code; the answers contract is computed from the codes
of the questions that are asked, so a follow-up that stops applying (pregnancy after "Male") drops out, and a
question nobody touched is never a zero. The wizard writes here and reads back; it decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from screener.questionnaire import NONE_OF_THESE, NOT_SURE, Question
from screener.questions import screens

if TYPE_CHECKING:
    from screener.answers import Answers

Counts = dict[str, str]  # item -> choice code


class AnswerSheet:
    """Choice codes by answers field: a code (single), a list of codes (multi), item codes or "none" (counts)."""

    def __init__(self) -> None:
        self._age: int | None = None
        self._single: dict[str, str] = {}
        self._multi: dict[str, list[str]] = {}
        self._counts: dict[str, Counts | str] = {}

    # --- taps ---------------------------------------------------------------------------------------------------

    def set_age(self, age: int | None) -> None:
        self._age = age

    def age(self) -> int | None:
        return self._age

    def pick(self, field: str, code: str | None) -> None:
        """Choose one answer of a single-choice question (None: not answered again)."""
        if code is None:
            self._single.pop(field, None)
        else:
            _question(field).choice(code)  # an unknown code is a bug: fail here, not in scoring
            self._single[field] = code

    def picked(self, field: str) -> str | None:
        return self._single.get(field)

    def toggle(self, field: str, code: str) -> list[str]:
        """Turn one choice of a multi-choice question on or off; an exclusive choice clears the others."""
        question = _question(field)
        choice = question.choice(code)
        codes = list(self._multi.get(field, []))
        if code in codes:
            codes.remove(code)
        elif choice.exclusive:
            codes = [code]
        else:
            exclusive = {c.code for c in question.choices if c.exclusive}
            codes = [c for c in codes if c not in exclusive] + [code]
        self.set_multi(field, codes)
        return codes

    def set_multi(self, field: str, codes: list[str]) -> None:
        if codes:
            self._multi[field] = [c.code for c in _question(field).choices if c.code in codes]
        else:
            self._multi.pop(field, None)

    def chosen(self, field: str) -> list[str]:
        return list(self._multi.get(field, []))

    def pick_count(self, field: str, item: str, code: str | None) -> None:
        """Choose how many of one item (None: clear that row); it replaces "None of these"."""
        question = _question(field)
        question.row(item)
        current = self._counts.get(field)
        rows: Counts = dict(current) if isinstance(current, dict) else {}
        if code is None:
            rows.pop(item, None)
        else:
            question.choice(code)
            rows[item] = code
        if rows:
            self._counts[field] = rows
        else:
            self._counts.pop(field, None)

    def pick_none(self, field: str, on: bool = True) -> None:
        """ "None of these" for a counts question: every item is zero (tap again to take it back)."""
        if on:
            self._counts[field] = NONE_OF_THESE
        elif self._counts.get(field) == NONE_OF_THESE:
            self._counts.pop(field)

    def counts(self, field: str) -> Counts | str | None:
        value = self._counts.get(field)
        return dict(value) if isinstance(value, dict) else value

    # --- what it adds up to -------------------------------------------------------------------------------------

    def raw_value(self, question: Question) -> Any:
        """The contract value the taps make for one question, asked or not; None when not answered."""
        field = question.field
        if question.kind == "number":
            return self._age
        if question.kind == "single":
            code = self._single.get(field)
            return None if code is None else question.choice(code).value
        if question.kind == "multi":
            codes = self._multi.get(field)
            if not codes or NOT_SURE in codes:
                return None
            if NONE_OF_THESE in codes:
                return []
            return [question.choice(code).value for code in codes]
        rows = self._counts.get(field)
        if rows is None:
            return None
        zero = 0.0 if isinstance(question.choice(NONE_OF_THESE).value, float) else 0
        if rows == NONE_OF_THESE:
            return {row.item: zero for row in question.rows}
        assert isinstance(rows, dict)
        return {row.item: question.choice(rows[row.item]).value if row.item in rows else zero for row in question.rows}

    def values(self) -> dict[str, Any]:
        """The answers contract as a dict: only questions that are asked and answered, in question order."""
        values: dict[str, Any] = {}
        for question in self.questions():
            if not question.asked(values):
                continue
            value = self.raw_value(question)
            if value is not None:
                values[question.field] = value
        return values

    def asked(self, question: Question) -> bool:
        """Whether the question applies to the answers given so far (its conditions read earlier answers)."""
        return question.asked(self.values())

    def to_answers(self) -> Answers:
        from screener.answers import Answers  # pydantic loads when first needed, not at start-up

        return Answers.model_validate(self.values())

    def is_answered(self, question: Question) -> bool:
        """Touched at all, "Not sure" included (a remembered choice that records no value)."""
        field = question.field
        if question.kind == "number":
            return self._age is not None
        return field in self._single or field in self._multi or field in self._counts

    def forget(self, question: Question) -> None:
        """Take one question's answer back: it is unanswered again, as if never touched."""
        if question.kind == "number":
            self._age = None
        for store in (self._single, self._multi, self._counts):
            store.pop(question.field, None)

    def is_empty(self) -> bool:
        return self._age is None and not self._single and not self._multi and not self._counts

    def clear(self) -> None:
        self._age = None
        self._single.clear()
        self._multi.clear()
        self._counts.clear()

    @staticmethod
    def questions() -> Iterator[Question]:
        for screen in screens():
            yield from screen.questions

    def load(self, answers: Answers) -> None:
        """Fill from complete answers (the tour, tests, a FHIR response): each value lands on its choice."""
        self.clear()
        data = answers.model_dump()
        for question in self.questions():
            value = data.get(question.field)
            if value is None:
                continue
            if question.kind == "number":
                self._age = int(value)
            elif question.kind == "single":
                self._single[question.field] = choice_code(question, value)
            elif question.kind == "multi":
                self.set_multi(question.field, [str(v) for v in value] or [NONE_OF_THESE])
            else:
                rows = {item: choice_code(question, count) for item, count in value.items() if count}
                self._counts[question.field] = rows or NONE_OF_THESE


def choice_code(question: Question, value: Any) -> str:
    """The code of the choice a contract value falls in (by the reference table's bins where there are some)."""
    if question.bins is not None:
        from screener.reference import reference_table

        found = reference_table().choices[question.bins].bin_for(float(value))
        if found is None:
            raise ValueError(f"{question.field}: {value} falls in no choice")
        return found.code
    for choice in question.choices:
        if choice.value == value and not choice.exclusive:
            return choice.code
    raise ValueError(f"{question.field}: {value!r} is not one of its choices")


def _question(field: str) -> Question:
    from screener.questions import question

    return question(field)
