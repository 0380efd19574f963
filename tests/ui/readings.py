"""Open JTalk's readings checked against an independent analyser (MeCab with UniDic, through fugashi): for each
word with a kanji in a spoken Japanese text, UniDic's pronunciation must appear in what Open JTalk will say.

Both are written in katakana and compared loosely where the two only spell a sound differently: a long vowel as
"ー" or as its vowel (ハゲシー, ハゲシイ; チュー, チュウ), and a word's first sound voiced or not when it follows
another word (研究所: ショ, ジョ). What is left is a word the two read differently; each such word is either put
right in ui/speech/text.py (JA_READINGS) or, when UniDic is the one that is wrong, reviewed into ALLOWED with the
words around it and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

KANJI = re.compile(r"[\u3400-\u9fff々]")
PLACEHOLDER = re.compile(r"\{[^}]*\}")
_ROWS = {
    "ア": "アカガサザタダナハバパマヤャラワァ",
    "イ": "イキギシジチヂニヒビピミリィ",
    "ウ": "ウクグスズツヅヌフブプムユュルゥヴ",
    "エ": "エケゲセゼテデネヘベペメレェ",
    "オ": "オコゴソゾトドノホボポモヨョロヲォ",
}
VOWEL = {kana: vowel for vowel, row in _ROWS.items() for kana in row}
_SOUNDS = [
    "カガ",
    "キギ",
    "クグ",
    "ケゲ",
    "コゴ",
    "サザ",
    "シジ",
    "スズ",
    "セゼ",
    "ソゾ",
    "タダ",
    "チヂジ",
    "ツヅズ",
    "テデ",
    "トド",
]
_SOUNDS += ["ハバパ", "ヒビピ", "フブプ", "ヘベペ", "ホボポ"]
VARIANTS = {kana: group for group in _SOUNDS for kana in group}

# Where UniDic, not Open JTalk, is wrong for this text (or both readings are right): the word, UniDic's reading,
# the words around it that make it so (they must be in the text), and why.
ALLOWED: list[tuple[str, str, str, str]] = [
    ("日本", "ニッポン", "日本", "both are right; Open JTalk says ニホン, as most people do"),
    ("人", "ニン", "日本人", "日本人 is ニホンジン: UniDic cut 人 from 日本"),
    ("日", "カ", "1日", "1日 (a day) is イチニチ, as Open JTalk says; UniDic reads the 日 of a date"),
    ("日数", "ニッスー", "毎日数分", "毎日数分 is マイニチ・スウフン: UniDic joined 日 and 数"),
    ("偽薬", "ニセグスリ", "偽薬", "in a study's words it is ギヤク, as Open JTalk says"),
    ("一", "イチ", "一品", "一品 is イッピン, as Open JTalk says"),
    ("粉", "コナ", "全粒粉", "全粒粉 is ゼンリュウフン, as Open JTalk says"),
    ("人前", "ヒトマエ", "1人前", "1人前 (a serving) is イチニンマエ, as Open JTalk says"),
    ("強い", "シー", "強い＝", "UniDic cut 強い＝ wrongly; Open JTalk says ツヨイ"),
    ("十分", "ジューブン", "十分", "十分な is ジュウブン, as Open JTalk says it"),
    ("何", "ナン", "何も", "何も is ナニモ, as Open JTalk says"),
    ("血", "ケツ", "血症", "血症 is ケッショウ, as Open JTalk says: UniDic gives 血 alone before 症, the same sound"),
]


def allowed(found: Disagreement) -> str | None:
    """The reviewed reason this disagreement is not a misreading, or None."""
    for word, unidic, around, why in ALLOWED:
        if found.word == word and found.unidic == unidic and around in found.text:
            return why
    return None


class Disagreement(NamedTuple):
    text: str
    word: str
    unidic: str
    open_jtalk: str


def katakana(text: str) -> str:
    return "".join(chr(ord(ch) + 0x60) if "ぁ" <= ch <= "ゖ" else ch for ch in text)


def sounds_like(pron: str) -> re.Pattern[str]:
    """A pattern for ``pron`` as Open JTalk may spell it: a long vowel as ー or as its vowel (エイ, オウ too),
    and the first sound voiced or not."""
    parts: list[str] = []
    previous = ""
    for index, ch in enumerate(katakana(pron)):
        vowel = VOWEL.get(previous, "")
        longer = {"ー", vowel} | ({"ウ"} if vowel == "オ" else set()) | ({"イ"} if vowel == "エ" else set())
        if vowel and ch in longer:
            parts.append("[" + "".join(sorted(longer)) + "]")
            continue  # the sound before stays the one a next long vowel follows
        if index == 0 and ch in VARIANTS:
            parts.append("[" + VARIANTS[ch] + "]")
        else:
            parts.append(re.escape(ch))
        previous = ch
    return re.compile("".join(parts))


def found_in(pron: str, reading: str) -> bool:
    return sounds_like(pron).search(katakana(reading)) is not None


def disagreements(texts: Iterable[str], spoken: object, reading: object, words: object) -> list[Disagreement]:
    """Every word with a kanji whose UniDic pronunciation is not in Open JTalk's reading of the spoken text.

    ``spoken(text)`` gives what is said for a shown text, ``reading(said)`` Open JTalk's katakana for it, and
    ``words(said)`` UniDic's (surface, pronunciation) pairs."""
    found = []
    for text in texts:
        said = spoken(PLACEHOLDER.sub("2", text))  # type: ignore[operator]  # a number where one goes
        if not said.strip():
            continue
        heard = reading(said)  # type: ignore[operator]
        for surface, pron in words(said):  # type: ignore[operator]
            if KANJI.search(surface) and pron and pron != "*" and not found_in(pron, heard):
                found.append(Disagreement(text, surface, katakana(pron), heard))
    return found
