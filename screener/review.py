"""Each answer in plain words: for the review screen, the summary and read-aloud.

Works from the answer sheet (what was tapped, "Not sure" included), so the words are the ones the person chose.
"""

from __future__ import annotations

from typing import NamedTuple

from screener.answer_sheet import AnswerSheet
from screener.i18n import _, ngettext, pgettext
from screener.questionnaire import NONE_OF_THESE, Question, Screen
from screener.questions import screens


class ReviewRow(NamedTuple):
    screen: str  # the screen to go back to
    field: str
    label: str
    answer: str
    answered: bool


def not_answered() -> str:
    return pgettext("answer", "Not answered")


def count_text(question: Question, code: str, item: str | None = None) -> str:
    """How one count choice reads in full, with the row's own counter: "2 times a week", "Every day",
    "½ serving a day", "2 tablets a day", "6 or more servings a day"."""
    choice = question.choice(code)
    if question.field == "servings_per_week":
        if code.isdigit() and int(code) < 7:
            n = int(code)
            return ngettext("{count} time a week", "{count} times a week", n).format(count=n)
        return _(choice.label)
    tablets = item == "caffeine_tablet"
    cans = item in ("energy_drink", "cola")  # counted in cans or bottles, not cups (本 in Japanese, not 杯)
    if not code.replace(".", "").isdigit():  # the top choice, "6+"
        minimum = code.split("-")[0]
        if tablets:
            return _("{count} or more tablets a day").format(count=minimum)
        if cans:
            return _("{count} or more drinks a day").format(count=minimum)
        return _("{count} or more servings a day").format(count=minimum)
    n = 1 if code == "0.5" else int(code)
    if tablets:
        text = ngettext("{count} tablet a day", "{count} tablets a day", n)
    elif cans:
        text = ngettext("{count} drink a day", "{count} drinks a day", n)
    else:
        text = ngettext("{count} serving a day", "{count} servings a day", n)
    return text.format(count=choice.label)


def answer_text(question: Question, sheet: AnswerSheet) -> str:
    """The answer to one question in words, or "Not answered"."""
    if not sheet.is_answered(question):
        return not_answered()
    if question.kind == "number":
        return _("{age} years").format(age=sheet.age())
    if question.kind == "single":
        code = sheet.picked(question.field)
        return _(question.choice(code).label) if code else not_answered()
    if question.kind == "multi":
        return "\n".join(_(question.choice(code).label) for code in sheet.chosen(question.field))
    counts = sheet.counts(question.field)
    if counts == NONE_OF_THESE or not isinstance(counts, dict):
        return _(question.choice(NONE_OF_THESE).label)
    lines = [
        _("{item}: {count}").format(item=_(row.label), count=count_text(question, counts[row.item], row.item))
        for row in question.rows
        if row.item in counts
    ]
    return "\n".join(lines)


def review_rows(sheet: AnswerSheet) -> list[ReviewRow]:
    """A row for every question that is asked, in order, answered or not."""
    values = sheet.values()
    rows: list[ReviewRow] = []
    for screen in screens():
        for question in screen.questions:
            if question.asked(values):
                rows.append(
                    ReviewRow(
                        screen.id,
                        question.field,
                        _(question.review_label),
                        answer_text(question, sheet),
                        sheet.is_answered(question),
                    )
                )
    return rows


def asked_screens(sheet: AnswerSheet) -> list[Screen]:
    """The screens the person will see with the answers given so far, in order."""
    values = sheet.values()
    return [screen for screen in screens() if screen.asked(values)]
