"""Every Japanese word read aloud is read right: Open JTalk's reading of each spoken catalog string is compared
word by word with an independent analyser (MeCab with UniDic, through fugashi and unidic-lite), the way its
misreadings were found (杯数 as サカズキスー, 葉物 as ハブツ, 紙 as シ). What is left is either put right in the
reading table (ui/speech/text.py) or reviewed into tests/ui/readings.py's ALLOWED with why."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator

import pytest

from tests.ui.readings import ALLOWED, Disagreement, allowed, disagreements
from ui.speech.text import spoken_text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pyopenjtalk-plus warns that its optional ONNX model is absent
    from ui.speech.synth import _pyopenjtalk


def japanese_texts() -> list[str]:
    """Every Japanese string of the catalog: what any screen, dialog or the summary can say."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import catalogs

    texts: list[str] = []
    for message in catalogs.load("ja"):
        if message.id and message.string:
            strings = message.string if isinstance(message.string, tuple | list) else [message.string]
            texts += [s for s in strings if s]
    return texts


@pytest.fixture(scope="module")
def words() -> Iterator[Callable[[str], list[tuple[str, str]]]]:
    import fugashi

    tagger = fugashi.Tagger()  # unidic-lite's dictionary, from the test lock
    yield lambda said: [(word.surface, word.feature.pron) for word in tagger(said)]


def open_jtalk(said: str) -> str:
    return str(_pyopenjtalk().g2p(said, kana=True))


def found(texts: list[str], words: Callable[[str], list[tuple[str, str]]], with_table: bool) -> list[Disagreement]:
    say = (lambda text: spoken_text(text, "ja")) if with_table else (lambda text: text)
    return disagreements(texts, say, open_jtalk, words)


def test_open_jtalk_and_unidic_agree_on_every_spoken_japanese_word(words: Callable) -> None:
    texts = japanese_texts()
    assert len(texts) > 300, "the catalog was not read"
    left = [d for d in found(texts, words, with_table=True) if allowed(d) is None]
    listed = "\n".join(f"{d.word}: UniDic {d.unidic}, Open JTalk says {d.open_jtalk!r} in {d.text!r}" for d in left)
    assert not left, f"{len(left)} word(s) read differently, not reviewed:\n{listed}"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("お酒（1週間の杯数）", "杯数"),
        ("青菜（葉物野菜）", "葉物"),
        ("出てきた紙を取って、スタッフに渡してください。", "紙"),
        ("薬を何種類も飲んでいる場合は", "何"),
    ],
)
def test_the_check_finds_each_misreading_the_table_puts_right(words: Callable, text: str, word: str) -> None:
    """Without the reading table the comparison catches the word Open JTalk misreads; with it, nothing."""
    assert any(d.word.startswith(word) for d in found([text], words, with_table=False)), f"{word} not caught"
    assert [d for d in found([text], words, with_table=True) if allowed(d) is None] == []


def test_every_reviewed_exception_is_still_needed(words: Callable) -> None:
    """An entry of ALLOWED that no text needs any more is taken out, so the list stays a list of real cases."""
    texts = japanese_texts()
    used = {allowed(d) for d in found(texts, words, with_table=True)}
    stale = [entry for entry in ALLOWED if entry[3] not in used]
    assert not stale, f"no longer needed: {stale}"


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("お酒（1週間の杯数）", "ja", "オサケ（イッシューカンノハイスー）"),
        ("Pumpkin or chia, 2 tbsp", "en", "Pumpkin or chia, 2 tablespoons"),
        ("US RDA (IOM 1997)", "en", "US R D A (I O M 19 97)"),
        ("A 250 mL can", "en", "A 250 milliliter can"),
    ],
)
def test_say_reading_prints_what_the_engine_will_say(
    capsys: pytest.CaptureFixture[str], text: str, lang: str, said: str
) -> None:
    """A content maintainer checks a new word in one command: the katakana for Japanese, the words for English."""
    from screener.cli import main

    assert main(["say", "--reading", text, "--lang", lang]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == said
