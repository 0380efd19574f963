"""Every reason is worded in both languages with the person's numbers, and the content review's points hold: the
pregnancy limit worded as such, durations in the words of the choice ("less than a month", never "0 months"), sleep
flags headed about sleep, a kidney diet first, caffeine timing when sleep suffers, an honest study note."""

from __future__ import annotations

import re

from hypothesis import given, settings

from screener import guidance
from screener.answers import Answers
from screener.i18n import set_language
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.text_report import render_text
from screener.wording import clinician_reason_text, level_label, reason_text
from tests.screener.helpers import WORST_CASE, answers, scored
from tests.screener.strategies import answers as any_answers

# In Japanese text only units, numbers and a few abbreviations may be in Latin letters.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_LATIN = {"mg", "mL", "EFSA"}


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
        for section in guidance.clinician_sections(result):
            assert section.heading and all(section.lines)


def test_numbers_are_the_persons_own_and_the_regions() -> None:
    jp = score(answers(caffeine_servings_per_day={"coffee": 5}), region="jp")
    assert reason_text(jp.groups["high_caffeine"].reasons[0]).startswith("About 450 mg of caffeine a day")
    us = score(answers(caffeine_servings_per_day={"coffee": 5}), region="us")
    assert reason_text(us.groups["high_caffeine"].reasons[0]).startswith("About 480 mg of caffeine a day")
    set_language("ja")
    assert "約450 mg" in reason_text(jp.groups["high_caffeine"].reasons[0])


def test_the_limit_is_named_as_efsas_and_the_pregnancy_limit_as_the_pregnancy_limit() -> None:
    adult = scored(caffeine_servings_per_day={"coffee": 5}).groups["high_caffeine"].reasons[0]
    pregnant = scored(sex="female", pregnancy="pregnant", caffeine_servings_per_day={"coffee": 3})
    text = reason_text(pregnant.groups["high_caffeine"].reasons[0])
    assert "During pregnancy and breastfeeding" in text and "200 mg" in text and "healthy adults" not in text
    assert "European Food Safety Authority (EFSA)" in reason_text(adult) and "400 mg" in reason_text(adult)
    set_language("ja")
    ja = reason_text(pregnant.groups["high_caffeine"].reasons[0])
    assert "妊娠中・授乳中" in ja and "健康な大人" not in ja and "日本には公的な上限はありません" in ja


def test_durations_read_as_the_choice_never_as_zero_months() -> None:
    stress = scored(stress_frequency=3, stress_months=0).groups["chronic_stress"]
    assert stress.level == "none"
    assert reason_text(stress.reasons[1], stress.level) == "It has lasted less than a month."
    assert "0 months" not in render_text(scored(stress_frequency=3, stress_months=0))
    exercise = scored(exercise_hours_per_week=12.0, heavy_sweating=True).groups["athlete_sweat_loss"]
    assert "10 hours or more a week" in reason_text(exercise.reasons[0])


def test_not_indicated_is_said_in_plain_words() -> None:
    assert level_label("none") == "Not found in these answers"
    set_language("ja")
    assert level_label("none") == "今回の回答では該当なし"


def test_clinician_sections_put_each_heading_above_its_own_reasons() -> None:
    flagged = scored(**WORST_CASE)
    kinds = [s.kind for s in guidance.clinician_sections(flagged)]
    assert kinds == ["before_magnesium", "sleep", "also"]
    before, sleep = guidance.clinician_sections(flagged)[:2]
    assert before.heading == "Talk to a clinician before taking any magnesium supplement or medicine"
    assert any("kidney" in line for line in before.lines) and not any("snor" in line for line in before.lines)
    assert sleep.heading == "Talk to a clinician about your sleep"
    assert any("sleep apnoea" in line for line in sleep.lines)


def test_sleep_flags_alone_are_headed_about_sleep_and_no_flag_reads_ask_first() -> None:
    sleep_only = guidance.clinician_sections(scored(snoring_or_gasping=True))
    assert sleep_only[0].heading == "Talk to a clinician about your sleep"
    assert all("before taking any magnesium" not in s.heading for s in sleep_only)
    calm = guidance.clinician_sections(
        scored(
            kidney_disease=False,
            medicines=[],
            magnesium_products=[],
            insomnia_nights_per_week=0,
            snoring_or_gasping=False,
            sex="male",
        )
    )
    assert calm[0].heading == "Thinking about a supplement? Ask first."
    assert "350 mg" in calm[0].lines[0]


def test_skipped_safety_questions_are_named_not_hidden_behind_no_flags() -> None:
    sections = guidance.clinician_sections(scored(sex="male"))
    unanswered = next(s for s in sections if s.kind == "unanswered")
    assert "reduced kidney function" in unanswered.lines[0] and "regular medicines" in unanswered.lines[0]


def test_a_kidney_diet_comes_first_in_the_food_advice() -> None:
    result = scored(kidney_disease=True, servings_per_week={})
    points = [text for group, text in guidance.guidance_points(result) if group == "low_dietary_intake"]
    assert points[0].startswith("If you have been given a kidney diet, it comes first")
    assert "potassium and phosphorus" in points[0]
    without = scored(servings_per_week={})
    assert not any("kidney diet" in t for _g, t in guidance.guidance_points(without))


def test_caffeine_timing_is_shown_when_sleep_suffers_even_with_little_caffeine() -> None:
    a = answers(caffeine_servings_per_day={"green_tea": 1}, caffeine_after_2pm=True, insomnia_nights_per_week=2)
    result = score(a)
    assert result.groups["high_caffeine"].level == "none"
    texts = [t for _g, t in guidance.guidance_points(result, a)]
    assert guidance.CAFFEINE_TIMING in texts
    calm = answers(caffeine_servings_per_day={"green_tea": 1}, caffeine_after_2pm=True, insomnia_nights_per_week=0)
    assert guidance.CAFFEINE_TIMING not in [t for _g, t in guidance.guidance_points(score(calm), calm)]


def test_older_age_alone_never_points_to_foods_above() -> None:
    texts = [t for _g, t in guidance.guidance_points(scored(age_years=80))]
    assert not any("above" in t for t in texts)


def test_magnesium_already_taken_is_worded_with_the_shared_limit_and_stronger_for_kidneys_or_65() -> None:
    plain = scored(age_years=40, magnesium_products=["laxative"]).clinician.reasons[0]
    assert "counts supplements and medicines together" in clinician_reason_text(plain)
    assert "dangerously high" not in clinician_reason_text(plain)
    for fields in ({"age_years": 70}, {"age_years": 40, "kidney_disease": True}):
        result = scored(magnesium_products=["laxative"], **fields)  # type: ignore[arg-type]
        reason = next(r for r in result.clinician.reasons if r.id == "magnesium_products")
        assert "dangerously high blood magnesium" in clinician_reason_text(reason)


def test_the_study_note_says_only_what_the_trials_showed() -> None:
    note = guidance.study_note()
    for fact in (
        "500 mg",
        "350 mg upper limit",
        "supervised trial",
        "21 days",
        "wearable",
        "maker",
        "better than with a placebo",
        "do not show that magnesium treats insomnia",
    ):
        assert fact in note, fact
    set_language("ja")
    ja = guidance.study_note()
    assert "睡眠の評価が改善しました" not in ja and "治すとは言えません" in ja


def test_guidance_only_for_matched_groups() -> None:
    result = score(answers(caffeine_servings_per_day={"coffee": 5}))
    groups = {group for group, _text in guidance.guidance_points(result)}
    assert groups == {"high_caffeine", None}


def test_text_report_has_no_brand_and_always_the_disclaimer_and_version() -> None:
    for language in ("en", "ja"):
        set_language(language)
        result = score(Answers.model_validate(WORST_CASE))
        text = render_text(result)
        assert guidance.disclaimer() in text and result.content_version in text
        assert "Magtein" not in text and "マグテイン" not in text


def test_medicine_timing_only_with_an_interacting_medicine_and_other_risks_always() -> None:
    calm = guidance.clinician_sections(score(answers()))
    with_medicine = guidance.clinician_sections(score(answers(medicines=["bisphosphonate"])))
    assert any("type 2 diabetes" in line for s in calm for line in s.lines)
    assert not any("hours apart" in line for s in calm for line in s.lines)
    assert any("hours apart" in line for s in with_medicine for line in s.lines)
