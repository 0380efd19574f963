"""What read-aloud says for what the screen shows: marks dropped, units, fractions, ranges and signs in words,
known misreadings of Open JTalk corrected, and text cut into pieces where speech may pause."""

from __future__ import annotations

import pytest

from ui.speech.text import JA_READINGS, join_for_speech, pieces, spoken_text


@pytest.mark.parametrize(
    ("shown", "language", "said"),
    [
        ("✓ はい", "ja", "はい"),
        ("● Likely  ◐ Possible ○ No ⚠ Talk to a clinician", "en", "Likely Possible No Talk to a clinician"),
        ("• first\n• second", "en", "first\nsecond"),
        ("? Not enough answers", "en", "Not enough answers"),
        ("Is it 2?", "en", "Is it 2?"),
    ],
)
def test_marks_the_ui_shows_are_not_read(shown: str, language: str, said: str) -> None:
    """The symbols put before lines on screen carry no words and are dropped; a question mark in a sentence stays."""
    assert spoken_text(shown, language) == said


@pytest.mark.parametrize(
    ("shown", "language", "said"),
    [
        ("約80 mg", "ja", "約80ミリグラム"),
        ("約80mg", "ja", "約80ミリグラム"),
        ("約240 mL", "ja", "約240ミリリットル"),
        ("（28 g）", "ja", "（28グラム）"),
        ("about 80 mg", "en", "about 80 milligrams"),
        ("1 mg", "en", "1 milligram"),
        ("a can of beer (350 mL)", "en", "a can of beer (350 milliliters)"),
        ("28 g of nuts", "en", "28 grams of nuts"),
        ("45%", "en", "45 percent"),
        ("350 mg/day", "en", "350 milligrams per day"),
        ("350 mg/日", "ja", "1日あたり350ミリグラム"),
        ("2 grams", "en", "2 grams"),
        ("5 Large eggs", "en", "5 Large eggs"),
    ],
)
def test_units_after_a_number_are_said_in_words(shown: str, language: str, said: str) -> None:
    """Open JTalk reads "80 mg" as メートル g and espeak-ng spells "mg" out; both get the unit's name instead."""
    assert spoken_text(shown, language) == said


@pytest.mark.parametrize(
    ("shown", "language", "said"),
    [
        ("豆腐1/3丁", "ja", "豆腐3分の1丁"),
        ("½杯", "ja", "2分の1杯"),
        ("1½杯", "ja", "1と2分の1杯"),
        ("ステップ 3/12", "ja", "ステップ 12のうち3"),
        ("1/3 cup of rice", "en", "one third cup of rice"),
        ("2/3 cup", "en", "two thirds cup"),
        ("½ cup", "en", "a half cup"),
        ("1½ cups", "en", "1 and a half cups"),
        ("Step 3/12", "en", "Step 3 of 12"),
        ("3〜5 mg", "ja", "3から5ミリグラム"),
        ("65～74歳", "ja", "65から74歳"),
        ("3–5 mg", "en", "3 to 5 milligrams"),
        ("2-3 times", "en", "2 to 3 times"),
        ("on 2025-11-24", "en", "on 2025-11-24"),
        ("4+ drinks", "en", "4 or more drinks"),
        ("4+杯", "ja", "4杯以上"),
        ("7+", "ja", "7以上"),
        ("1杯=約240 mL", "ja", "1杯は約240ミリリットル"),
        ("and/or", "en", "and or"),
        ("coffee/tea", "en", "coffee or tea"),
    ],
)
def test_fractions_ranges_and_signs_are_said_in_words(shown: str, language: str, said: str) -> None:
    """A fraction before a word is a fraction, a lone "3/12" is a count ("3 of 12"), 〜 and – are "to", "+" is
    "or more" (in Japanese after the counter), "=" is "is"; a date is left alone."""
    assert spoken_text(shown, language) == said


@pytest.mark.parametrize(("written", "reading"), sorted(JA_READINGS.items()))
def test_each_known_misreading_is_replaced_by_its_kana(written: str, reading: str) -> None:
    """Words Open JTalk reads wrongly here (何回 as ナニカイ, 高齢の方 as ホー, ...) are given in kana instead."""
    said = spoken_text(f"「{written}」", "ja")
    assert said == f"「{reading}」"
    assert written not in said


def test_open_jtalk_reads_the_corrected_words_as_people_say_them() -> None:
    """With the corrections, Open JTalk's reading is the expected one (without them it is not)."""
    pyopenjtalk = pytest.importorskip("ui.speech.synth")._pyopenjtalk()
    expected = {
        "お酒を何杯飲みますか？": "オサケヲナンバイノミマスカ？",
        "何か月続いていますか？": "ナンカゲツツズイテイマスカ？",
        "高齢の方": "コーレーノカタ",
        "毎日同じ時刻に床に就き": "マイニチオナジジコクニトコニツキ",
        "種実（ごま、かぼちゃの種）": "シュジツ（ゴマ、カボチャノタネ）",
    }
    for written, reading in expected.items():
        assert pyopenjtalk.g2p(spoken_text(written, "ja"), kana=True) == reading, written
        assert pyopenjtalk.g2p(written, kana=True) != reading, f"Open JTalk now reads {written} right by itself"


def test_text_with_nothing_to_say_becomes_empty() -> None:
    """A line of marks alone leaves nothing, so no empty piece is synthesized."""
    assert spoken_text("✓ ●\n•", "en") == ""
    assert pieces(spoken_text("✓ ●\n•", "en"), "en") == []


def test_pieces_are_sentences_and_lines() -> None:
    """Text is cut after each sentence and at each new line; an abbreviation or a decimal does not cut."""
    assert pieces("Do you smoke? We ask because e.g. 2.5 cups count.\nYes", "en") == [
        "Do you smoke?",
        "We ask because e.g. 2.5 cups count.",
        "Yes",
    ]
    assert pieces("年齢を教えてください。次へ\nはい", "ja") == ["年齢を教えてください。", "次へ", "はい"]


def test_a_long_first_japanese_sentence_is_cut_at_a_comma() -> None:
    """The first piece is kept short so its sound comes sooner; later sentences stay whole."""
    text = "ふだんの1週間に、次の食品をそれぞれなんかい食べますか？1回分の量は、下の説明を目安にしてください。"
    assert pieces(text, "ja") == [
        "ふだんの1週間に、",
        "次の食品をそれぞれなんかい食べますか？",
        "1回分の量は、下の説明を目安にしてください。",
    ]
    assert pieces("短い文、です。", "ja") == ["短い文、です。"]


def test_screen_parts_join_into_one_sentence_each() -> None:
    """A question and its choices become one text with a full stop after each part that had none."""
    assert join_for_speech(["How old are you?", "Yes", "", "No"], "en") == "How old are you?\nYes.\nNo."
    assert join_for_speech(["性別", "女性", "男性。"], "ja") == "性別。\n女性。\n男性。"
