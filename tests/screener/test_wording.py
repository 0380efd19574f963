"""Every reason the scoring can give is worded in both languages, with the person's numbers, in plain text."""

from __future__ import annotations

import re

from hypothesis import given, settings

from screener import guidance
from screener.answers import Answers
from screener.i18n import set_language
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.text_report import render_text
from screener.wording import clinician_reason_text, reason_text
from tests.screener.helpers import WORST_CASE, answers
from tests.screener.strategies import answers as any_answers

# In Japanese text only units, numbers and a few abbreviations may be in Latin letters.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_LATIN = {"mg", "mL"}


@settings(max_examples=60)
@given(any_answers)
def test_every_reason_has_wording_in_both_languages(a: Answers) -> None:
    result = score(a)
    for language in ("en", "ja"):
        set_language(language)
        for group in GROUP_IDS:
            for reason in result.groups[group].reasons:
                text = reason_text(reason, result.groups[group].level)
                assert text and "{" not in text
                if language == "ja":
                    assert set(LATIN_WORD.findall(text)) <= ALLOWED_LATIN, text
        for reason in result.clinician.reasons:
            assert clinician_reason_text(reason)


def test_numbers_are_the_persons_own() -> None:
    result = score(answers(caffeine_servings_per_day={"coffee": 5}))
    text = reason_text(result.groups["high_caffeine"].reasons[0])
    assert text.startswith("About 480 mg of caffeine a day")
    set_language("ja")
    assert "約480 mg" in reason_text(result.groups["high_caffeine"].reasons[0])


def test_thousands_and_decimals_follow_the_locale() -> None:
    result = score(answers(exercise_hours_per_week=12.5))
    assert "About 12.5 hours a week" in reason_text(result.groups["athlete_sweat_loss"].reasons[0])


def test_clinician_note_is_stronger_when_a_flag_is_raised() -> None:
    calm = score(answers())
    flagged = score(Answers.model_validate(WORST_CASE))
    assert guidance.clinician_heading(calm) != guidance.clinician_heading(flagged)
    assert "before taking any magnesium supplement" in guidance.clinician_heading(flagged)
    assert "350 mg" in guidance.clinician_body(calm)


def test_guidance_only_for_matched_groups() -> None:
    result = score(answers(caffeine_servings_per_day={"coffee": 5}))
    groups = {group for group, _text in guidance.guidance_points(result)}
    assert groups == {"high_caffeine", None}


def test_text_report_has_no_brand_and_always_the_disclaimer() -> None:
    for language in ("en", "ja"):
        set_language(language)
        text = render_text(score(Answers.model_validate(WORST_CASE)))
        assert guidance.disclaimer() in text
        assert "Magtein" not in text and "マグテイン" not in text


def test_medicine_timing_only_with_an_interacting_medicine_and_other_risks_always() -> None:
    calm = guidance.clinician_notes(score(answers()))
    with_medicine = guidance.clinician_notes(score(answers(medicines=["bisphosphonate"])))
    assert len(calm) == 1 and "type 2 diabetes" in calm[0]
    assert len(with_medicine) == 2 and "hours apart" in with_medicine[0]
