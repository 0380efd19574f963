"""The reading model (screener/reading.py) counts as the rules say: English words, Japanese characters without
spaces, punctuation or symbols, each distinct text once, 2 s a tap; and the welcome's minutes come from it."""

from __future__ import annotations

import math

import pytest

from screener.i18n import set_language
from screener.questions import screen
from screener.reading import (
    TAP_SECONDS,
    ScreenEstimate,
    answering_minutes,
    count_units,
    distinct_units,
    question_screens,
    screen_texts,
    typical_sheet,
)


def test_english_counts_words_and_japanese_counts_characters() -> None:
    assert count_units("How old are you?", "en") == 4
    assert count_units("2½–5 hours", "en") == 3  # "2½", "5", "hours"
    assert count_units("A mug, 240 mL", "en") == 4
    assert count_units("カフェイン（1日）", "ja") == 7  # the brackets are not read
    assert count_units("1週間に何回食べますか。", "ja") == 11
    assert count_units("⚠ 答え・いびき", "ja") == 5  # symbols and middle dots are not counted
    assert count_units("L\u2060i\u2060k\u2060e", "en") == 1  # joiners added for line breaking are not read


def test_a_label_repeated_on_a_screen_is_read_once() -> None:
    assert distinct_units(["1", "2", "1", "2", "Daily"], "en") == 3
    set_language("en")
    texts = screen_texts(screen("caffeine"), typical_sheet(), "us")
    assert texts.count("A mug, 240 mL") == 3  # coffee, black tea and green tea share one serving
    assert distinct_units(texts, "en") == distinct_units(texts + texts, "en")
    assert distinct_units(texts, "en") == sum(count_units(t, "en") for t in texts) - 2 * count_units("A mug, 240 mL")


def test_a_follow_up_is_read_only_when_it_is_asked() -> None:
    set_language("en")
    sheet = typical_sheet()
    assert "For how long?" in screen_texts(screen("stress"), sheet, "us")
    sheet.pick("stress_frequency", "0")
    assert "For how long?" not in screen_texts(screen("stress"), sheet, "us")


def test_a_screen_takes_its_reading_and_two_seconds_a_tap() -> None:
    estimate = ScreenEstimate("age", units=5, taps=3, language="en")
    assert estimate.reading_s == pytest.approx(2.0) and estimate.seconds == pytest.approx(2.0 + 3 * TAP_SECONDS)
    assert ScreenEstimate("age", units=5, taps=0, language="ja").reading_s == pytest.approx(1.0)
    assert estimate.as_dict() == {"units": 5, "unit": "words", "reading_s": 2.0, "taps": 3, "seconds": 8.0}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_typical_visit_taps_as_the_tour_counts(language: str) -> None:
    set_language(language)
    estimates = question_screens(typical_sheet(), "jp")
    # 13 question screens; their taps plus Start and "See my result" are the tour's 29.
    assert len(estimates) == 13 and sum(e.taps for e in estimates) + 2 == 29


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_welcome_minutes_round_the_model_up(language: str) -> None:
    set_language(language)
    welcome = ["Magnesium self-check", "It takes about 3 minutes."]
    total = (
        ScreenEstimate("welcome", distinct_units(welcome), 1, language).seconds
        + sum(e.seconds for e in question_screens(typical_sheet(), "jp"))
        + TAP_SECONDS
    )
    assert answering_minutes(welcome, "jp") == math.ceil(total / 60)
    set_language("en")


def test_the_floor_reads_only_prompts_rows_and_choices_and_counts_every_tap() -> None:
    from screener.questions import question
    from screener.reading import bare_question_texts, floor_seconds

    set_language("en")
    caffeine = question("caffeine_servings_per_day")
    bare = bare_question_texts(caffeine)
    assert bare[0] == "How many of these do you have a day?" and "Coffee" in bare and "None of these" in bare
    assert "Skip drinks you rarely have." not in bare and "A mug, 240 mL" not in bare and "More" not in bare
    sheet = typical_sheet()
    floor = floor_seconds(sheet, "us")
    screens = question_screens(sheet, "us")
    assert 29 * TAP_SECONDS < floor < sum(e.seconds for e in screens) + 2 * TAP_SECONDS
