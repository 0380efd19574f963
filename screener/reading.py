"""How long a visit takes to read and tap: the one reading model behind the welcome's "about N minutes", the
tour's manifest and the bench.

The rates are deliberately slow, for an older reader without glasses: 2.5 words a second in English and 5
characters a second in Japanese (letters, kana, kanji and digits; spaces, punctuation and symbols are not
counted), plus 2 seconds for each tap (looking, reaching, tapping). On a question screen the person reads the
question, its hint, each row's name and serving, and each *distinct* choice label once: a row of counts repeated
for every food is read once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from screener.i18n import _, current_language
from screener.languages import LANGUAGE_TABLE

if TYPE_CHECKING:
    from screener.answer_sheet import AnswerSheet
    from screener.ids import Region
    from screener.questionnaire import Question, Screen

# Units a second, by how a language is counted (screener/languages.py). Languages written without spaces between
# words are counted in characters; the rest in words.
CHARACTER_LANGUAGES = frozenset(code for code, row in LANGUAGE_TABLE.items() if row.counted_in == "characters")
WORDS_PER_SECOND = 2.5
CHARACTERS_PER_SECOND = 5.0
TAP_SECONDS = 2.0

_WORD = re.compile(r"[^\W_]+(?:['’.,/-][^\W_]+)*")
_INVISIBLE = dict.fromkeys(map(ord, "\u2060\u200b\u00ad\ufeff"))  # joiners and soft hyphens are not read


def unit_name(language: str | None = None) -> str:
    return "characters" if (language or current_language()) in CHARACTER_LANGUAGES else "words"


def count_units(text: str, language: str | None = None) -> int:
    """Words (``"2½ to under 5 hours"`` is 5) or, for Japanese, characters without spaces, punctuation and
    symbols (``"カフェイン（1日）"`` is 7)."""
    text = text.translate(_INVISIBLE)
    if (language or current_language()) in CHARACTER_LANGUAGES:
        return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN")
    return len(_WORD.findall(text))


def distinct_units(texts: Iterable[str], language: str | None = None) -> int:
    """The units of several texts, each distinct text counted once (a label repeated on a screen is read once)."""
    seen: set[str] = set()
    total = 0
    for text in texts:
        key = " ".join(text.translate(_INVISIBLE).split())
        if key and key not in seen:
            seen.add(key)
            total += count_units(key, language)
    return total


def reading_seconds(units: int, language: str | None = None) -> float:
    rate = CHARACTERS_PER_SECOND if (language or current_language()) in CHARACTER_LANGUAGES else WORDS_PER_SECOND
    return units / rate


@dataclass(frozen=True)
class ScreenEstimate:
    """One screen's share of a visit: what is read on it and how many taps it takes."""

    screen: str
    units: int
    taps: int
    language: str

    @property
    def reading_s(self) -> float:
        return reading_seconds(self.units, self.language)

    @property
    def seconds(self) -> float:
        return self.reading_s + TAP_SECONDS * self.taps

    def as_dict(self) -> dict[str, object]:
        return {
            "units": self.units,
            "unit": unit_name(self.language),
            "reading_s": round(self.reading_s, 1),
            "taps": self.taps,
            "seconds": round(self.seconds, 1),
        }


def question_texts(question: Question, region: Region) -> list[str]:
    """What a person reads of one question, in the current language: prompt, hint, rows, choice labels."""
    from screener.questionnaire import MORE_LABEL

    texts = [_(question.prompt)]
    if question.hint:
        texts.append(_(question.hint))
    if question.details:
        texts.append(_(MORE_LABEL))  # the details themselves are read only by whoever taps it
    for row in question.rows:
        texts += [_(row.label), _(row.serving[region])]
    texts += [_(choice.label) for choice in question.choices]
    return texts


def screen_texts(screen: Screen, sheet: AnswerSheet, region: Region) -> list[str]:
    """The texts of the questions a screen shows for these answers (a follow-up only when it is asked)."""
    values = sheet.values()
    texts: list[str] = []
    for question in screen.questions:
        if question.asked(values):
            texts += question_texts(question, region)
    return texts


def answer_taps(question: Question, sheet: AnswerSheet) -> int:
    """The taps that give this question the sheet's answer: a digit each for the age, one for a single choice,
    one per chosen option, one per counted row (or one for "None of these")."""
    if question.kind == "number":
        age = sheet.age()
        return 0 if age is None else len(str(age))
    if question.kind == "single":
        return 1 if sheet.picked(question.field) is not None else 0
    if question.kind == "multi":
        return len(sheet.chosen(question.field))
    counts = sheet.counts(question.field)
    if isinstance(counts, dict):
        return len(counts)
    return 0 if counts is None else 1


def question_screens(sheet: AnswerSheet, region: Region) -> list[ScreenEstimate]:
    """Every question screen these answers pass through, each with its reading and its taps (answers and Next)."""
    from screener.questions import screens

    language = current_language()
    values = sheet.values()
    estimates = []
    for screen in screens():
        if not screen.asked(values):
            continue
        taps = 1 + sum(answer_taps(q, sheet) for q in screen.questions if q.asked(values))
        estimates.append(ScreenEstimate(screen.id, distinct_units(screen_texts(screen, sheet, region)), taps, language))
    return estimates


def bare_question_texts(question: Question) -> list[str]:
    """The least a question can show and stay the same question: its prompt, its row names and its choices (no
    hint, no serving sizes, no "More")."""
    return [_(question.prompt), *(_(row.label) for row in question.rows), *(_(c.label) for c in question.choices)]


def floor_seconds(sheet: AnswerSheet, region: Region) -> float:
    """The floor under any wording of these questions, for these answers: every question screen with only its
    prompts, row names and choices read, every answer tapped and every Next, and the taps on Start and "See my
    result" (the welcome, the review and the result read in no time at all). A visit's estimate can only come down
    to this by asking fewer questions, or with fewer or shorter choices."""
    from screener.questions import screens

    language = current_language()
    values = sheet.values()
    total = 2 * TAP_SECONDS  # Start, and "See my result"
    for screen in screens():
        if not screen.asked(values):
            continue
        asked = [q for q in screen.questions if q.asked(values)]
        texts = [text for q in asked for text in bare_question_texts(q)]
        taps = 1 + sum(answer_taps(q, sheet) for q in asked)
        total += ScreenEstimate(screen.id, distinct_units(texts), taps, language).seconds
    return total


def typical_sheet() -> AnswerSheet:
    """The answers of a typical visit (``screener/data/typical-visit.json``, also ``examples/typical.json``)."""
    import json
    from importlib.resources import files

    from screener.answer_sheet import AnswerSheet
    from screener.answers import Answers

    text = files("screener").joinpath("data/typical-visit.json").read_text(encoding="utf-8")
    sheet = AnswerSheet()
    sheet.load(Answers.model_validate(json.loads(text)))
    return sheet


def answering_minutes(welcome_texts: Iterable[str], region: Region) -> int:
    """Whole minutes for a typical visit, from the welcome to the result: the welcome's own words and its Start,
    every question screen of the typical answers, and the tap on "See my result". Rounded up."""
    language = current_language()
    welcome = ScreenEstimate("welcome", distinct_units(welcome_texts), 1, language)
    total = welcome.seconds + sum(s.seconds for s in question_screens(typical_sheet(), region)) + TAP_SECONDS
    return max(1, math.ceil(total / 60))
