"""Each group's level at and around every threshold, skipped inputs as unknown, and the reasons' numbers."""

from __future__ import annotations

import pytest

from screener.reference import reference_table
from tests.screener.helpers import level, scored

T = reference_table().thresholds


class TestHighCaffeine:
    # Region us: a caffeine tablet is 200 mg. Region jp: a tablet is 100 mg, a cup of coffee 90 mg, a teacup of
    # green tea 30 mg.
    def test_exactly_at_the_limit_is_not_above_it(self) -> None:
        assert level("high_caffeine", "us", caffeine_servings_per_day={"caffeine_tablet": 2}) == "possible"  # 400 mg
        assert level("high_caffeine", "jp", caffeine_servings_per_day={"caffeine_tablet": 4}) == "possible"  # 400 mg

    @pytest.mark.parametrize(
        ("mg_servings", "expected"),
        [
            ({"caffeine_tablet": 2.005}, "likely"),  # 401 mg: just above the limit
            ({"caffeine_tablet": 1.005}, "possible"),  # 201 mg: just above half the limit
            ({"caffeine_tablet": 1.0}, "none"),  # 200 mg: exactly half is not above it
            ({}, "none"),  # answered, no caffeine at all
            ({"coffee": 5}, "likely"),  # 480 mg
        ],
    )
    def test_levels_around_the_thresholds(self, mg_servings: dict[str, float], expected: str) -> None:
        assert level("high_caffeine", "us", caffeine_servings_per_day=mg_servings) == expected

    @pytest.mark.parametrize("status", ["pregnant", "breastfeeding"])
    def test_pregnancy_limit_is_200_and_worded_as_the_pregnancy_limit(self, status: str) -> None:
        at_limit = scored("us", caffeine_servings_per_day={"caffeine_tablet": 1.0}, pregnancy=status)
        assert at_limit.groups["high_caffeine"].level == "possible"  # exactly 200 mg is not above it
        above = scored("us", caffeine_servings_per_day={"caffeine_tablet": 1.005}, pregnancy=status)
        assert above.groups["high_caffeine"].level == "likely"
        assert above.groups["high_caffeine"].reasons[0].values["limit_basis"] == "pregnancy"
        assert above.figures.caffeine_limit_mg_per_day == 200
        half = {"caffeine_tablet": 0.5}
        assert level("high_caffeine", "us", caffeine_servings_per_day=half, pregnancy=status) == "none"

    def test_reason_carries_mg_from_the_regions_drink_table(self) -> None:
        result = scored(caffeine_servings_per_day={"coffee": 2, "green_tea": 1}, caffeine_after_2pm=True)
        reasons = result.groups["high_caffeine"].reasons
        assert reasons[0].values == {"mg": 2 * 90 + 30, "limit_mg": 400, "limit_basis": "adult"}
        assert [r.id for r in reasons[1:]] == ["caffeine_below_limit", "caffeine_late"]  # 210 mg: partly fits
        assert reasons[1].values == {"from_mg": 200}
        assert result.figures.caffeine_mg_per_day == 210
        us = scored("us", caffeine_servings_per_day={"coffee": 2, "green_tea": 1})
        assert us.figures.caffeine_mg_per_day == 2 * 96 + 29

    def test_skipped_is_unknown(self) -> None:
        result = scored()
        assert result.groups["high_caffeine"].level == "unknown"
        assert result.groups["high_caffeine"].reasons[0].values == {"field": "caffeine_servings_per_day"}
        assert result.figures.caffeine_mg_per_day is None


class TestLowDietaryIntake:
    # Age 40 female in Japan: reference 290 mg. A quarter is 72.5 mg/day, a half 145 mg/day.
    # Region jp servings: leafy greens 28, nuts 78, seeds 33, legumes 45, whole grains 54, avocado 24 mg.
    def test_reference_and_share_in_the_reason(self) -> None:
        result = scored(sex="female", servings_per_week={"nuts": 7})  # 78 mg a day
        reason = result.groups["low_dietary_intake"].reasons[0]
        assert reason.values == {"mg": 78, "reference_mg": 290, "percent": 27}
        assert result.figures.reference_intake_basis == "jp:30-49:female"

    @pytest.mark.parametrize(
        ("servings", "expected"),
        [
            ({}, "likely"),  # nothing from these foods
            ({"avocado": 21}, "likely"),  # 72.0 mg/day: just under a quarter
            ({"avocado": 22}, "possible"),  # 75.4 mg/day: over a quarter
            ({"legumes": 22}, "possible"),  # 141.4 mg/day: under half
            ({"legumes": 22, "avocado": 2}, "none"),  # 148.3 mg/day: over half
        ],
    )
    def test_levels_around_the_thresholds(self, servings: dict[str, int], expected: str) -> None:
        assert level("low_dietary_intake", sex="female", servings_per_week=servings) == expected

    def test_exactly_a_quarter_is_possible_not_likely(self) -> None:
        # US, 40-year-old man: 420 mg. A quarter is 105 mg/day = 735 mg/week = 7 * 105.
        servings = {"seeds": 5, "nuts": 1, "legumes": 2}  # 555 + 80 + 100 = 735 mg/week
        assert level("low_dietary_intake", region="us", sex="male", servings_per_week=servings) == "possible"

    def test_unspecified_sex_uses_the_higher_value_and_says_so(self) -> None:
        result = scored(sex="unspecified", servings_per_week={})
        assert result.figures.reference_intake_mg_per_day == 380
        assert [r.id for r in result.groups["low_dietary_intake"].reasons][-1] == "reference_sex_unspecified"

    def test_region_switches_the_reference(self) -> None:
        assert scored("us", sex="female", age_years=25, servings_per_week={}).figures.reference_intake_mg_per_day == 310
        assert scored("jp", sex="female", age_years=25, servings_per_week={}).figures.reference_intake_mg_per_day == 280

    def test_pregnancy_reference(self) -> None:
        assert (
            scored("jp", sex="female", pregnancy="pregnant", servings_per_week={}).figures.reference_intake_mg_per_day
            == 330
        )
        assert (
            scored("us", sex="female", pregnancy="pregnant", servings_per_week={}).figures.reference_intake_mg_per_day
            == 360
        )

    def test_a_baby_has_no_band_and_is_unknown_with_a_reason(self) -> None:
        for region in ("jp", "us"):
            result = scored(region, age_years=0, servings_per_week={})
            assert result.groups["low_dietary_intake"].level == "unknown"
            assert result.groups["low_dietary_intake"].reasons[0].id == "no_reference_for_age"

    @pytest.mark.parametrize(
        ("region", "age", "sex", "reference", "basis"),
        [
            ("jp", 1, "male", 70, "jp:1-2:male"),
            ("jp", 8, "female", 160, "jp:8-9:female"),
            ("jp", 10, "unspecified", 220, "jp:10-11:higher"),
            ("jp", 13, "male", 290, "jp:12-14:male"),
            ("jp", 16, "male", 360, "jp:15-17:male"),
            ("jp", 16, "female", 310, "jp:15-17:female"),
            ("us", 2, "female", 80, "us:1-3:female"),
            ("us", 8, "male", 130, "us:4-8:male"),
            ("us", 12, "female", 240, "us:9-13:female"),
            ("us", 16, "male", 410, "us:14-18:male"),
        ],
    )
    def test_children_are_judged_against_their_own_age_band(
        self, region: str, age: int, sex: str, reference: int, basis: str
    ) -> None:
        result = scored(region, age_years=age, sex=sex, servings_per_week={"nuts": 1})
        assert result.groups["low_dietary_intake"].level != "unknown"
        assert result.figures.reference_intake_mg_per_day == reference
        assert result.figures.reference_intake_basis == basis

    def test_what_is_not_counted_is_said_when_the_group_fits(self) -> None:
        low = scored(sex="female", servings_per_week={})
        assert "foods_not_counted" in [r.id for r in low.groups["low_dietary_intake"].reasons]
        plenty = scored(sex="female", servings_per_week={"nuts": 14})
        assert "foods_not_counted" not in [r.id for r in plenty.groups["low_dietary_intake"].reasons]

    def test_skipped_is_unknown(self) -> None:
        assert level("low_dietary_intake") == "unknown"


class TestOlderAdult:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [(50, "none"), (51, "possible"), (64, "possible"), (65, "likely"), (90, "likely"), (18, "none")],
    )
    def test_age_bands(self, age: int, expected: str) -> None:
        assert level("older_adult", age_years=age) == expected

    def test_reason_carries_the_age(self) -> None:
        reason = scored(age_years=70).groups["older_adult"].reasons[0]
        assert reason.values == {
            "age": 70,
            "from_age": T.older_adult.possible_from_age,
            "likely_from_age": T.older_adult.likely_from_age,
        }


class TestAthleteSweatLoss:
    @pytest.mark.parametrize(
        ("hours", "sweaty", "expected"),
        [
            (0, True, "none"),
            (2.4, True, "none"),
            (2.5, True, "possible"),
            (2.5, False, "none"),
            (4.9, False, "none"),
            (4.9, True, "possible"),
            (5, False, "possible"),
            (5, True, "likely"),
            (10, False, "possible"),  # brisk walking 10 h a week without heavy sweating: never likely
            (10, None, "possible"),
            (12, True, "likely"),
        ],
    )
    def test_hours_and_sweating(self, hours: float, sweaty: bool | None, expected: str) -> None:
        assert level("athlete_sweat_loss", exercise_hours_per_week=hours, heavy_sweating=sweaty) == expected

    def test_reasons_say_hours_and_sweating(self) -> None:
        reasons = scored(exercise_hours_per_week=6, heavy_sweating=True).groups["athlete_sweat_loss"].reasons
        assert [(r.id, r.values) for r in reasons] == [
            ("exercise_hours", {"hours": 6.0, "sweat_mg_per_hour": 4.0}),
            ("heavy_sweating", {}),
        ]
        calm = scored(exercise_hours_per_week=10, heavy_sweating=False).groups["athlete_sweat_loss"].reasons
        assert calm[-1].id == "sweating_not_heavy"
        unknown = scored(exercise_hours_per_week=10).groups["athlete_sweat_loss"].reasons
        assert unknown[-1].id == "sweating_unknown"

    def test_skipped_is_unknown(self) -> None:
        assert level("athlete_sweat_loss", heavy_sweating=True) == "unknown"


class TestChronicStress:
    @pytest.mark.parametrize(
        ("frequency", "months", "expected"),
        [
            (4, 3, "likely"),
            (3, 3, "likely"),
            (3, 2, "possible"),
            (3, 1, "possible"),
            (3, 0, "none"),  # less than a month is not chronic
            (4, 0, "none"),
            (3, None, "possible"),
            (2, 3, "possible"),
            (2, 2, "none"),
            (2, None, "none"),
            (1, 24, "none"),
            (0, 0, "none"),
        ],
    )
    def test_frequency_and_months(self, frequency: int, months: int | None, expected: str) -> None:
        assert level("chronic_stress", stress_frequency=frequency, stress_months=months) == expected

    def test_reasons_carry_frequency_and_months(self) -> None:
        reasons = scored(stress_frequency=4, stress_months=6).groups["chronic_stress"].reasons
        assert [(r.id, r.values) for r in reasons] == [
            ("stress_frequency", {"frequency": 4}),
            ("stress_months", {"months": 6}),
        ]

    def test_duration_is_only_a_reason_where_it_is_asked(self) -> None:
        assert scored(stress_frequency=3).groups["chronic_stress"].reasons[-1].id == "stress_months_unknown"
        assert [r.id for r in scored(stress_frequency=1, stress_months=5).groups["chronic_stress"].reasons] == [
            "stress_frequency"
        ]

    def test_skipped_is_unknown(self) -> None:
        assert level("chronic_stress", stress_months=5) == "unknown"


def test_evidence_strength_follows_content_table() -> None:
    groups = scored().groups
    assert groups["older_adult"].evidence.strength == "strong"
    assert groups["low_dietary_intake"].evidence.strength == "strong"
    assert groups["athlete_sweat_loss"].evidence.strength == "moderate"
    assert groups["chronic_stress"].evidence.basis == "hypothesis"
    assert groups["high_caffeine"].evidence.basis == "small_net_loss"


def test_groups_are_ordered_by_level_then_strongest_evidence() -> None:
    result = scored(
        age_years=70,
        stress_frequency=4,
        stress_months=12,
        caffeine_servings_per_day={"coffee": 6},
        servings_per_week={},
        exercise_hours_per_week=0,
    )
    # All but the athlete group are likely: strong evidence (food, age) before limited (stress, caffeine).
    assert result.ordered_groups() == [
        "low_dietary_intake",
        "older_adult",
        "chronic_stress",
        "high_caffeine",
        "athlete_sweat_loss",
    ]
    assert result.matched_groups() == result.ordered_groups()[:4]


def test_every_result_names_its_content_version() -> None:
    from screener.content import content_version

    assert scored().content_version == content_version()
