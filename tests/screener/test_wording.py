"""Every reason is worded in both languages with the person's numbers, and the content review's points hold: the
pregnancy limit worded as such, durations in the words of the choice ("under a month", never "0 months"), sleep
flags headed about sleep, a kidney diet first, caffeine timing when sleep suffers, an honest study note."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from screener import guidance
from screener.answers import Answers
from screener.i18n import _ as _t
from screener.i18n import set_language
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.text_report import render_text
from screener.wording import (
    EVIDENCE_TEXT,
    clinician_reason_text,
    evidence_text,
    level_label,
    reason_text,
    strength_label,
)
from tests.screener.helpers import WORST_CASE, answers, scored
from tests.screener.strategies import answers as any_answers

# In Japanese text only units, numbers and a few abbreviations may be in Latin letters.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_LATIN = {"mg", "mL", "kg", "EFSA"}


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
    assert "妊娠中や授乳中" in ja and "妊娠中・授乳中" not in ja and "健康な大人" not in ja
    assert "日本には公的な上限はありません" in ja


def test_durations_read_as_the_choice_never_as_zero_months() -> None:
    stress = scored(stress_frequency=3, stress_months=0).groups["chronic_stress"]
    assert stress.level == "none"
    assert reason_text(stress.reasons[1], stress.level) == "It has lasted under a month."
    assert "0 months" not in render_text(scored(stress_frequency=3, stress_months=0))
    exercise = scored(exercise_hours_per_week=12.0, heavy_sweating=True).groups["athlete_sweat_loss"]
    assert "10 hours or more a week" in reason_text(exercise.reasons[0])


def test_not_indicated_is_said_in_plain_words() -> None:
    assert level_label("none") == "Does not fit your answers"
    set_language("ja")
    assert level_label("none") == "回答には当てはまらない"


def test_levels_describe_the_answers_and_the_link_to_magnesium_is_said_apart() -> None:
    """ "Likely applies" beside "Evidence: limited" read as "your needs are likely higher": the level says how
    the answers fit, the strength says how strong the group's link to magnesium is."""
    assert [level_label(lv) for lv in ("likely", "possible")] == ["Fits your answers", "Partly fits your answers"]
    assert strength_label("limited") == "Link to magnesium: limited"
    for basis in EVIDENCE_TEXT:
        assert evidence_text(basis).startswith("Link to magnesium: ")
    set_language("ja")
    assert level_label("likely") == "回答に当てはまる" and strength_label("strong") == "マグネシウムとの関係：強い"
    assert "米国国立衛生研究所（NIH）" in evidence_text("nih_at_risk_group")
    assert "公的な保健機関" not in evidence_text("nih_at_risk_group")


def test_clinician_sections_put_each_heading_above_its_own_reasons() -> None:
    flagged = scored(**WORST_CASE)
    kinds = [s.kind for s in guidance.clinician_sections(flagged)]
    assert kinds == ["before_magnesium", "sleep", "also"]
    before, sleep = guidance.clinician_sections(flagged)[:2]
    assert before.heading == "Talk to a clinician before adding any magnesium supplement or medicine"
    assert any("kidney" in line for line in before.lines) and not any("snor" in line for line in before.lines)
    assert sleep.heading == "Talk to a clinician about your sleep"
    assert any("sleep apnoea" in line for line in sleep.lines)


def test_sleep_flags_alone_are_headed_about_sleep_and_no_flag_reads_ask_first() -> None:
    sleep_only = guidance.clinician_sections(scored(snoring_or_gasping=True))
    assert sleep_only[0].heading == "Talk to a clinician about your sleep"
    assert all("before adding any magnesium" not in s.heading for s in sleep_only)
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
    assert "kidneys not working well" in unanswered.lines[0] and "medicines now" in unanswered.lines[0]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_list_of_unanswered_safety_questions_reads_as_a_list(language: str) -> None:
    """Each name is one item: a name with its own comma garbles the list ("…, a week, and loud snoring, …")."""
    from screener.questions import question, screens

    set_language(language)
    for screen in screens():
        for asked in screen.questions:
            if asked.safety:
                label = _t(asked.review_label)
                assert "," not in label and "、" not in label and "・" not in label, label
    assert question("medicines").review_label == "Medicines now"


def test_a_kidney_diet_comes_first_in_the_food_advice() -> None:
    result = scored(kidney_disease=True, servings_per_week={})
    points = [text for _group, text in guidance.guidance_points(result)]
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
    plain = scored(age_years=40, magnesium_products=["supplement"]).clinician.reasons[0]
    assert "counts supplements and medicines together" in clinician_reason_text(plain)
    assert "dangerously high" not in clinician_reason_text(plain)
    for fields in ({"age_years": 70}, {"age_years": 40, "kidney_disease": True}):
        result = scored(magnesium_products=["supplement"], **fields)  # type: ignore[arg-type]
        reason = next(r for r in result.clinician.reasons if r.id == "magnesium_products")
        assert "dangerously high blood magnesium" in clinician_reason_text(reason)
        oxide = scored(magnesium_products=["antacid"], **fields)  # type: ignore[arg-type]
        reason = next(r for r in oxide.clinician.reasons if r.id == "magnesium_products")
        assert "The risk is higher with reduced kidney function and from age 65." in clinician_reason_text(reason)


@pytest.mark.parametrize("product", ["laxative", "antacid"])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_everyone_on_magnesium_oxide_hears_the_early_signs_and_to_tell_the_prescriber(
    product: str, language: str
) -> None:
    """PMDA's warnings hold with healthy kidneys and under 65 too: the signs, what to do, and a blood test to ask
    about; and nowhere is a prescribed medicine to be stopped on the person's own."""
    set_language(language)
    result = scored(age_years=40, magnesium_products=[product])
    text = clinician_reason_text(result.clinician.reasons[0])
    before = guidance.clinician_sections(result)[0]
    if language == "en":
        for sign in ("nausea", "drowsiness", "weakness", "slow pulse", "see a doctor at once"):
            assert sign in text, sign
        assert "ask whether blood magnesium should be checked" in text
        # Magnesium oxide's signs say stop it and see a doctor; the rule for prescribed medicines says "apart from
        # those", so the two never read as stop and do not stop.
        assert "Apart from those warning signs, do not stop or change a prescribed medicine" in before.lines[-1]
    else:
        for sign in ("吐き気", "眠気", "力が入らない", "脈が遅く", "すぐに医師の診察"):
            assert sign in text, sign
        assert "血液中のマグネシウムを調べたほうがよいか相談" in text
        assert before.lines[-1].startswith("上の危険なサインが出たとき以外は")
    supplement = scored(age_years=40, magnesium_products=["supplement"]).clinician.reasons[0]
    assert "脈" not in clinician_reason_text(supplement) and "pulse" not in clinician_reason_text(supplement)


@pytest.mark.parametrize("fields", [{"pregnancy": "pregnant", "sex": "female"}, {"medicines": ["diuretic"]}])
def test_wherever_medicines_come_up_a_prescribed_one_is_not_to_be_stopped_alone(fields: dict[str, object]) -> None:
    before = guidance.clinician_sections(scored(**fields))[0]
    assert before.kind == "before_magnesium"
    assert before.lines[-1] == "Do not stop or change a prescribed medicine without asking the prescriber."
    other = scored(medicines=["other_regular"])
    texts = [clinician_reason_text(r) for r in other.clinician.reasons]
    assert any("do not stop or change a prescribed medicine" in t for t in texts)


def test_the_study_note_says_only_what_the_trials_showed() -> None:
    note = guidance.study_note()
    for fact in (
        "500 mg",
        "350 mg upper limit",
        "supervised trial",
        "3 weeks",
        "ring worn on the finger",
        "no diagnosis of insomnia",
        "mostly because the placebo group's scores fell",
        "likely to get little magnesium from food",
        "magnesium oxide",
        "maker",
        "better than with a placebo",
        "do not show that magnesium treats insomnia",
    ):
        assert fact in note, fact
    set_language("ja")
    ja = guidance.study_note()
    assert "睡眠の評価が改善しました" not in ja and "治すとは言えません" in ja
    assert "指にはめる" in ja and "手首" not in ja and "診断はない" in ja and "3週間" in ja


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


class TestSecondContentReview:
    """The second clinical review's points (issue 22), each as the person or the clinician would read it."""

    @pytest.mark.parametrize("language", ["en", "ja"])
    def test_with_reduced_kidney_function_no_group_says_eat_more(self, language: str) -> None:
        set_language(language)
        everything = {
            "age_years": 72,
            "kidney_disease": True,
            "servings_per_week": {},
            "exercise_hours_per_week": 10.0,
            "heavy_sweating": True,
        }
        result = scored(**everything)
        assert {"older_adult", "low_dietary_intake", "athlete_sweat_loss"} <= set(result.matched_groups())
        texts = [t for _g, t in guidance.guidance_points(result)]
        assert texts[0] == _t(guidance.KIDNEY_DIET)
        food_advice = {_t(text) for text in guidance.FOOD_ADVICE}
        assert not food_advice & set(texts)
        assert guidance.food_example("jp") not in texts
        without = scored(**{**everything, "kidney_disease": False})
        assert food_advice & {t for _g, t in guidance.guidance_points(without)}

    def test_most_nights_of_trouble_sleeping_sits_under_sleep_even_without_a_duration(self) -> None:
        sections = guidance.clinician_sections(scored(insomnia_nights_per_week=5))
        sleep = next(s for s in sections if s.kind == "sleep")
        assert not sleep.flagged  # advice, not a safety flag: the duration is not known
        assert any("5 nights a week" in line for line in sleep.lines)
        also = next(s for s in sections if s.kind == "also")
        assert not any("nights a week" in line for line in also.lines)

    @pytest.mark.parametrize(("language", "nights"), [("en", "5 nights a week"), ("ja", "週に5晩")])
    def test_nights_are_counted_as_nights(self, language: str, nights: str) -> None:
        set_language(language)
        from screener.wording import nights_text

        assert nights_text(5) == nights

    @pytest.mark.parametrize(("age", "sex", "limit"), [(16, "female", "155"), (14, "male", "145"), (8, "female", "80")])
    def test_a_young_person_hears_the_childrens_caffeine_limit(self, age: int, sex: str, limit: str) -> None:
        result = scored("us", age_years=age, sex=sex, caffeine_servings_per_day={"caffeine_tablet": 1})
        caffeine = result.groups["high_caffeine"]
        assert caffeine.level == "likely"  # 200 mg is above every child's limit
        text = reason_text(caffeine.reasons[0], caffeine.level)
        assert "3 mg per kg of body weight" in text and f"about {limit} mg" in text
        assert "healthy adults" not in text and "400" not in text
        set_language("ja")
        assert "体重1 kgあたり1日3 mg" in reason_text(caffeine.reasons[0], caffeine.level)

    @pytest.mark.parametrize(
        ("region", "age", "upper"), [("us", 8, "110 mg a day"), ("us", 2, "65 mg a day"), ("jp", 8, "about 135 mg")]
    )
    def test_a_child_on_magnesium_hears_the_limit_for_their_age(self, region: str, age: int, upper: str) -> None:
        result = scored(region, age_years=age, sex="female", magnesium_products=["supplement"])
        assert "350" not in guidance.upper_limit_text(result) and upper in guidance.upper_limit_text(result)
        products = next(r for r in result.clinician.reasons if r.id == "magnesium_products")
        assert "350" not in clinician_reason_text(products)
        digits = re.search(r"\d+", upper)
        assert digits and f"{digits.group()} mg a day" in clinician_reason_text(products)

    def test_a_baby_is_given_no_number_and_sent_to_a_clinician(self) -> None:
        result = scored(age_years=0, magnesium_products=["supplement"])
        assert result.figures.supplement_upper_limit_mg_per_day is None
        assert "only a clinician can advise" in guidance.upper_limit_text(result)

    def test_the_lower_caffeine_tier_says_why_it_exists(self) -> None:
        caffeine = scored(caffeine_servings_per_day={"coffee": 3}).groups["high_caffeine"]  # 270 mg
        assert caffeine.level == "possible"
        texts = [reason_text(r, caffeine.level) for r in caffeine.reasons]
        assert "up to 400 mg" in texts[0]
        assert "above 200 mg a day the check says “Partly fits your answers”" in texts[1]

    @pytest.mark.parametrize("language", ["en", "ja"])
    def test_older_age_is_named_without_a_label_and_without_an_unsourced_51(self, language: str) -> None:
        from screener.wording import group_title

        set_language(language)
        assert group_title("older_adult") == {"en": "Age 51 and over", "ja": "年齢（51歳以上）"}[language]
        assert "高齢" not in group_title("older_adult")
        for age in (55, 70):
            older = scored(age_years=age).groups["older_adult"]
            text = reason_text(older.reasons[0], older.level)
            assert "begin to absorb less" not in text and "吸収が減り始める" not in text
        set_language(language)
        assert _t("A lot of caffeine") == {"en": "A lot of caffeine", "ja": "カフェインが多め"}[language]

    def test_no_group_is_said_to_need_more(self) -> None:
        from screener.i18n import _ as translate

        for language in ("en", "ja"):
            set_language(language)
            heading = translate("Five groups more likely to get too little magnesium or to lose more of it")
            assert "needs" not in heading and "必要" not in heading
            assert "必要量" not in translate("Magnesium self-check")

    @pytest.mark.parametrize("region", ["jp", "us"])
    def test_what_the_food_list_leaves_out_is_said_plainly(self, region: str) -> None:
        food = scored(region, sex="female", servings_per_week={"legumes": 7}).groups["low_dietary_intake"]
        text = " ".join(reason_text(r, food.level) for r in food.reasons)
        assert "Only these six foods are counted" in text
        assert ("seaweed" in text) == (region == "jp")

    def test_japanese_choice_words_that_sat_side_by_side_no_longer_mean_opposites(self) -> None:
        from screener.question_labels import STRESS_FREQUENCY

        set_language("ja")
        words = [_t(label) for label in STRESS_FREQUENCY]
        assert "ほとんどない" not in words and "ほとんどの日" not in words
        assert len({w[:3] for w in words}) == len(words)

    def test_japanese_counters_fit_cans_and_tablets(self) -> None:
        from screener.questions import question
        from screener.review import count_text

        set_language("ja")
        caffeine = question("caffeine_servings_per_day")
        assert count_text(caffeine, "2", "cola") == "1日2本"
        assert count_text(caffeine, "2", "energy_drink") == "1日2本"
        assert count_text(caffeine, "2", "caffeine_tablet") == "1日2錠"
        assert count_text(caffeine, "2", "coffee") == "1日2杯"
        assert _t("Caffeine tablets") == "眠気覚ましの薬（カフェイン錠）"
        # The FHIR units of the caffeine counts, each with the row's own counter.
        assert (_t("servings a day"), _t("drinks a day"), _t("tablets a day")) == ("杯／日", "本／日", "錠／日")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_level_quoted_inside_a_reason_is_the_level_label_itself(language: str) -> None:
    """A reader matches the words in a reason with the label beside the group: they must be the same words."""
    set_language(language)
    quoted = re.compile(r"[“「]([^”」]+)[”」]")
    labels = {level_label(lv) for lv in ("likely", "possible", "none", "unknown")}
    texts = []
    for fields in (
        {"caffeine_servings_per_day": {"coffee": 3}},
        {"exercise_hours_per_week": 5.0, "heavy_sweating": False},
        {"age_years": 55},
    ):
        result = scored(**fields)
        for group in GROUP_IDS:
            outcome = result.groups[group]
            texts += [reason_text(r, outcome.level) for r in outcome.reasons]
    found = [q for text in texts for q in quoted.findall(text)]
    assert len(found) >= 4
    assert set(found) <= labels, set(found) - labels
