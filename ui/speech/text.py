"""What is said for what is shown: marks dropped, units and fractions put into words, text cut into pieces.

The screen shows marks (✓ ● ◐ ○ ⚠ •) and short forms (``80 mg``, ``1/3丁``, ``2+``, ``3〜5``) that a speech
engine reads badly or not at all: Open JTalk says ``80 mg`` as "hachijū mētoru g" and espeak-ng says "●" as
"black circle". The words used here are speech rules per language (like a reading), not text shown to anyone,
so they are tables here rather than gettext messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Marks the UI puts before text; they carry no words. A lone "?" is the result page's "unknown" level mark.
MARKS = "✓✔●◐○◯⚠•★☆→"
_MARKS = re.compile(f"[{re.escape(MARKS)}]|^\\?(?=\\s)", re.MULTILINE)

_NUMBER = r"\d+(?:[.,]\d+)?"

# Unit symbols after a number: (Japanese reading, English singular, English plural).
UNITS: dict[str, tuple[str, str, str]] = {
    "mg": ("ミリグラム", "milligram", "milligrams"),
    "µg": ("マイクログラム", "microgram", "micrograms"),
    "μg": ("マイクログラム", "microgram", "micrograms"),
    "mcg": ("マイクログラム", "microgram", "micrograms"),
    "kg": ("キログラム", "kilogram", "kilograms"),
    "g": ("グラム", "gram", "grams"),
    "mL": ("ミリリットル", "milliliter", "milliliters"),
    "ml": ("ミリリットル", "milliliter", "milliliters"),
    "L": ("リットル", "liter", "liters"),
    "kcal": ("キロカロリー", "kilocalorie", "kilocalories"),
    "cm": ("センチメートル", "centimeter", "centimeters"),
    "%": ("パーセント", "percent", "percent"),
}
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# "350 mg/日" or "350 mg/day": a unit per something.
_PER = re.compile(rf"({_NUMBER})\s*({_UNIT_NAMES})\s*/\s*(\w+)")
_UNIT = re.compile(rf"({_NUMBER})\s*({_UNIT_NAMES})(?![A-Za-z])")

# Unicode fractions: (numerator, denominator).
VULGAR: dict[str, tuple[int, int]] = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅛": (1, 8)}
_VULGAR_AFTER_NUMBER = re.compile(f"(\\d+)\\s*([{''.join(VULGAR)}])")
_VULGAR_ALONE = re.compile(f"[{''.join(VULGAR)}]")
_ENGLISH_ORDINAL = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}
_ENGLISH_PLURAL = {2: "halves"}
_ENGLISH_NUMBER = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
_SLASH_NUMBERS = re.compile(r"(\d+)\s*/\s*(\d+)(\s*)(?=(\S?))")

# Words Open JTalk reads wrongly in this app's wording, given in kana. It reads 何 before a counter as "nani"
# (ナニカイ; its optional ONNX model for 何 is not installed) where people say "nan"; 方 as ホー where it means
# a person (カタ); and a few words by the wrong reading of their kanji.
JA_READINGS: dict[str, str] = {
    "床に就": "とこに就",
    "（歳）": "（さい）",
    "種実": "しゅじつ",
    "かぼちゃの種": "かぼちゃのたね",
    "高齢の方": "高齢のかた",
    "弱い方": "弱いかた",
    "次の方": "次のかた",
    "何か月": "なんかげつ",
    "何ヶ月": "なんかげつ",
    "何カ月": "なんかげつ",
    "何ケ月": "なんかげつ",
    "何週間": "なんしゅうかん",
    "何時間": "なんじかん",
    "何回": "なんかい",
    "何晩": "なんばん",
    "何杯": "なんばい",
    "何日": "なんにち",
    "何人": "なんにん",
    "何歳": "なんさい",
    "何年": "なんねん",
    "何錠": "なんじょう",
    "何個": "なんこ",
    "何分": "なんぷん",
    "何度": "なんど",
    "何週": "なんしゅう",
    "何種類": "なんしゅるい",
    "か月": "かげつ",  # alone (a count's unit) it is read ツキ; after a number Open JTalk reads it right anyway
    "杯数": "はいすう",
    "杯・本・錠": "はい・ほん・じょう",
    "葉物": "はもの",
    "ごまなどの種": "ごまなどのたね",
    "出てきた紙": "出てきたかみ",
    "息が詰ま": "いきが詰ま",
}
# Words espeak-ng says wrongly: short forms it does not expand, initials it reads as a word.
EN_READINGS: dict[str, str] = {
    "tbsp": "tablespoons",
    "tsp": "teaspoons",
    "IOM": "I O M",
    "NIH": "N I H",
    "RDA": "R D A",
}
_EN_READINGS = re.compile(r"\b(" + "|".join(re.escape(w) for w in EN_READINGS) + r")\b")
# A year (1910–2099, not 2000–2009: those are said well) not followed by a unit is said in pairs, "nineteen
# ninety-seven", not "nineteen hundred ninety seven".
_UNIT_WORDS = "|".join(sorted({w for _j, one, many in UNITS.values() for w in (one, many)}, key=len, reverse=True))
_YEAR = re.compile(rf"(?<![\d.,])(19|20)([1-9]\d)(?!\d|[.,-]\d|\s*(?:{_UNIT_WORDS}|people|adults)\b)")
# A measure before what it measures is singular: "a 250 mL can" is "a 250 milliliter can".
_MEASURE_BEFORE_NOUN = re.compile(
    r"(\d) ("
    + "|".join(p for _j, _s, p in {u: UNITS[u] for u in UNITS}.values() if p != "percent")
    + r") (can|glass|mug|cup|bottle|carton|serving|shot|tablet|pack)\b"
)
_JA_READINGS = re.compile("|".join(re.escape(w) for w in sorted(JA_READINGS, key=len, reverse=True)))
# Counters after which "2+" is said "2杯以上" (the 以上 goes after the counter).
_COUNTERS = "か月|ヶ月|週間|時間|回|晩|杯|日|人|歳|年|錠|個|分|度|週|食|皿|本|缶"

# "3〜5", "3–5", "3-5" (not a date such as 2025-11-24: no hyphen before or after the pair).
_RANGE = re.compile(rf"(?<![\d-])({_NUMBER})\s*[〜～~–-]\s*(?=\d+(?:[.,]\d+)?(?![\d-]))")
_OR_MORE = re.compile(r"(\d+)\s*\+(?!\s*\d)")
_OR_MORE_COUNTED = re.compile(rf"(\d+)\s*\+\s*({_COUNTERS})")

# Where speech may pause: the end of a sentence, or a new line (bullets, headings).
_SENTENCE_END = {"ja": re.compile(r"(?<=[。！？!?])|\n"), "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n")}
# A first piece longer than this is cut at a comma, so the first sound comes sooner (Open JTalk synthesizes a
# whole piece before it can be played, ~5 ms a character). espeak-ng is fast enough not to need it.
FIRST_PIECE_CHARS = {"ja": 24, "en": 10_000}
_CLAUSE_END = {"ja": "、", "en": ","}


def spoken_text(text: str, language: str) -> str:
    """``text`` as it should be read aloud in ``language`` ("ja" or "en"): marks out, units and signs in words.

    Args:
        text: Text as shown on screen (already translated and formatted).
        language: The language it is in, which decides the words used for units and signs.

    Returns:
        The text to give the speech engine, whitespace collapsed; empty if nothing is left to say.
    """
    ja = language == "ja"
    said = _MARKS.sub(" ", text)
    said = _VULGAR_AFTER_NUMBER.sub(lambda m: m[1] + _and_fraction(*VULGAR[m[2]], ja), said)
    said = _VULGAR_ALONE.sub(lambda m: _fraction(*VULGAR[m[0]], ja), said)
    said = _PER.sub(lambda m: _per(m, ja), said)
    said = _UNIT.sub(lambda m: f"{m[1]}{_unit_word(m[1], m[2], ja)}", said)
    said = _SLASH_NUMBERS.sub(lambda m: _slash(m, ja), said)
    said = _RANGE.sub(lambda m: f"{m[1]}から" if ja else f"{m[1]} to ", said)
    if ja:
        said = _OR_MORE_COUNTED.sub(r"\1\2以上", said)
    said = _OR_MORE.sub(lambda m: f"{m[1]}以上" if ja else f"{m[1]} or more", said)
    if ja:
        said = _JA_READINGS.sub(lambda m: JA_READINGS[m[0]], said)
        said = said.replace("=", "は").replace("＝", "は").replace("/", "、").replace("／", "、")
    else:
        said = _EN_READINGS.sub(lambda m: EN_READINGS[m[1]], said)
        said = _YEAR.sub(lambda m: f"{m[1]} {m[2]}", said)
        said = _MEASURE_BEFORE_NOUN.sub(lambda m: f"{m[1]} {_singular(m[2])} {m[3]}", said)
        said = said.replace("=", " is ").replace("and/or", "and or").replace("/", " or ")
    lines = (" ".join(line.split()) for line in said.splitlines())
    return "\n".join(line for line in lines if line)


def pieces(text: str, language: str) -> list[str]:
    """Spoken text cut where speech may pause, so the first piece plays while the rest is synthesized.

    Args:
        text: Text already passed through :func:`spoken_text`.
        language: "ja" or "en".

    Returns:
        Non-empty pieces in order; a long first sentence is cut at its first comma after a few words.
    """
    found = [p.strip() for p in _SENTENCE_END[language].split(text)]
    found = [p for p in found if p and not _only_punctuation(p)]
    if found and len(found[0]) > FIRST_PIECE_CHARS[language]:
        first = found[0]
        cut = first.find(_CLAUSE_END[language], 6)
        if 0 < cut < len(first) - 4:
            found[0:1] = [first[: cut + 1], first[cut + 1 :].strip()]
    return found


def join_for_speech(parts: Iterable[str], language: str) -> str:
    """Screen texts (a question, then each choice) as one text, each part its own sentence.

    Args:
        parts: Texts in reading order; empty ones are skipped.
        language: "ja" or "en".

    Returns:
        One text with each part on its own line and ending in a full stop if it had no end of its own.
    """
    stop = "。" if language == "ja" else "."
    ends = "。！？!?.：:" if language == "ja" else ".!?:;"
    lines = [" ".join(part.split()) for part in parts]
    return "\n".join(line if line[-1] in ends else line + stop for line in lines if line)


def _only_punctuation(piece: str) -> bool:
    return not any(ch.isalnum() for ch in piece)


def _unit_word(number: str, unit: str, ja: bool) -> str:
    japanese, singular, plural = UNITS[unit]
    if ja:
        return japanese
    return " " + (singular if number == "1" else plural)


def _singular(plural: str) -> str:
    return next(singular for _ja, singular, many in UNITS.values() if many == plural)


def _per(match: re.Match[str], ja: bool) -> str:
    number, unit, per = match[1], match[2], match[3]
    if ja:
        return f"1{per}あたり{number}{UNITS[unit][0]}"
    return f"{number}{_unit_word(number, unit, ja)} per {per}"


def _english_fraction(top: int, bottom: int) -> str:
    name = _ENGLISH_ORDINAL.get(bottom)
    if name is None or top >= bottom:
        return f"{top} over {bottom}"
    if top == 1:
        return "a half" if bottom == 2 else f"one {name}"
    return f"{_ENGLISH_NUMBER.get(top, str(top))} {_ENGLISH_PLURAL.get(bottom, name + 's')}"


def _fraction(top: int, bottom: int, ja: bool) -> str:
    return f"{bottom}分の{top}" if ja else f" {_english_fraction(top, bottom)} "


def _and_fraction(top: int, bottom: int, ja: bool) -> str:
    """The fraction after a whole number: "1½" is "1と2分の1" or "1 and a half"."""
    return f"と{bottom}分の{top}" if ja else f" and {_english_fraction(top, bottom)}"


def _slash(match: re.Match[str], ja: bool) -> str:
    """``1/3丁`` or ``1/3 cup`` is a fraction; ``3/12`` on its own (a step counter) is "3 of 12"."""
    top, bottom, space, after = int(match[1]), int(match[2]), match[3], match[4]
    if ja:
        if not space and after and after.isalnum():
            return f"{bottom}分の{top}"
        return f"{bottom}のうち{top}{space}"
    if space and after.isalpha() and bottom in _ENGLISH_ORDINAL and top < bottom:
        return _english_fraction(top, bottom) + space
    return f"{top} of {bottom}{space}"
