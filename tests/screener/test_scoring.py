"""Each group's level at and around every threshold, skipped inputs as unknown, and the reasons' numbers."""

from __future__ import annotations

import pytest

from screener.reference import reference_table
from tests.screener.helpers import level, scored

T = reference_table().thresholds


class TestHighCaffeine:
    def test_exactly_at_the_limit_is_likely(self) -> None:
        assert level("high_caffeine", caffeine_servings_per_day={"caffeine_tablet": 2}) == "likely"  # 400 mg

    @pytest.mark.parametrize(
        ("mg_servings", "expected"),
        [
            ({"caffeine_tablet": 1.995}, "possible"),  # 399 mg: just under the limit
            ({"caffeine_tablet": 1.0}, "possible"),  # 200 mg: half the limit
            ({"caffeine_tablet": 0.995}, "none"),  # 199 mg: just under half
            ({}, "none"),  # answered, no caffeine at all
            ({"coffee": 5}, "likely"),  # 480 mg
        ],
    )
    def test_levels_around_the_thresholds(self, mg_servings: dict[str, float], expected: str) -> None:
        assert level("high_caffeine", caffeine_servings_per_day=mg_servings) == expected

    def test_pregnancy_lowers_the_limit_to_200(self) -> None:
        drinks = {"caffeine_tablet": 1.0}  # 200 mg
        assert level("high_caffeine", caffeine_servings_per_day=drinks, pregnancy="pregnant") == "likely"
        assert level("high_caffeine", caffeine_servings_per_day=drinks, pregnancy="breastfeeding") == "likely"
        assert level("high_caffeine", caffeine_servings_per_day={"caffeine_tablet": 0.5}, pregnancy="pregnant") == (
            "possible"
        )
        result = scored(caffeine_servings_per_day=drinks, pregnancy="pregnant")
        assert [r.id for r in result.groups["high_caffeine"].reasons] == ["caffeine_mg", "pregnancy_caffeine_limit"]
        assert result.figures.caffeine_limit_mg_per_day == 200

    def test_reason_carries_mg_from_the_drink_table(self) -> None:
        result = scored(caffeine_servings_per_day={"coffee": 2, "green_tea": 1}, caffeine_after_2pm=True)
        reasons = result.groups["high_caffeine"].reasons
        assert reasons[0].values == {"mg": 2 * 96 + 29, "limit_mg": 400}
        assert reasons[1].id == "caffeine_late"
        assert result.figures.caffeine_mg_per_day == 221

    def test_skipped_is_unknown(self) -> None:
        result = scored()
        assert result.groups["high_caffeine"].level == "unknown"
        assert result.groups["high_caffeine"].reasons[0].values == {"field": "caffeine_servings_per_day"}
        assert result.figures.caffeine_mg_per_day is None


class TestLowDietaryIntake:
    # Age 40 female in Japan: reference 290 mg. A quarter is 72.5 mg/day, a half 145 mg/day.
    def test_reference_and_share_in_the_reason(self) -> None:
        result = scored(sex="female", servings_per_week={"nuts": 7})  # 80 mg a day
        reason = result.groups["low_dietary_intake"].reasons[0]
        assert reason.values == {"mg": 80, "reference_mg": 290, "percent": 28}
        assert result.figures.reference_intake_basis == "jp:30-49:female"

    @pytest.mark.parametrize(
        ("servings", "expected"),
        [
            ({}, "likely"),  # nothing from these foods
            ({"avocado": 23}, "likely"),  # 72.3 mg/day: just under a quarter
            ({"avocado": 23, "whole_grains": 1}, "possible"),  # 78.3 mg/day: over a quarter
            ({"leafy_greens": 13}, "possible"),  # 144.9 mg/day: just under half
            ({"leafy_greens": 13, "avocado": 1}, "none"),  # 148 mg/day: over half
        ],
    )
    def test_levels_around_the_thresholds(self, servings: dict[str, int], expected: str) -> None:
        assert level("low_dietary_intake", sex="female", servings_per_week=servings) == expected

    def test_exactly_a_quarter_is_possible_not_likely(self) -> None:
        # US, 40-year-old man: 420 mg. A quarter is 105 mg/day = 735 mg/week = 7 * 105.
        servings = {"seeds": 5, "legumes": 3}  # 555 + 180 = 735 mg/week
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

    def test_no_band_for_a_child_is_unknown_with_a_reason(self) -> None:
        result = scored("jp", age_years=12, servings_per_week={})
        assert result.groups["low_dietary_intake"].level == "unknown"
        assert result.groups["low_dietary_intake"].reasons[0].id == "no_reference_for_age"

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
        assert reason.values == {"age": 70, "from_age": T.older_adult.likely_from_age}


class TestAthleteSweatLoss:
    @pytest.mark.parametrize(
        ("hours", "sweaty", "expected"),
        [
            (0, True, "none"),
            (2.4, True, "none"),
            (2.5, True, "possible"),
            (2.5, False, "none"),
            (4.9, False, "none"),
            (5, False, "possible"),
            (5, True, "likely"),
            (9.9, False, "possible"),
            (10, False, "likely"),
            (10, None, "likely"),
        ],
    )
    def test_hours_and_sweating(self, hours: float, sweaty: bool | None, expected: str) -> None:
        assert level("athlete_sweat_loss", exercise_hours_per_week=hours, heavy_sweating=sweaty) == expected

    def test_reason_estimates_sweat_loss(self) -> None:
        result = scored(exercise_hours_per_week=6, heavy_sweating=True)
        reasons = result.groups["athlete_sweat_loss"].reasons
        assert reasons[0].values == {"hours": 6.0, "sweat_mg_per_week": 24}
        assert reasons[1].id == "heavy_sweating"

    def test_skipped_is_unknown(self) -> None:
        assert level("athlete_sweat_loss", heavy_sweating=True) == "unknown"


class TestChronicStress:
    @pytest.mark.parametrize(
        ("frequency", "months", "expected"),
        [
            (4, 3, "likely"),
            (3, 3, "likely"),
            (3, 2, "possible"),
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

    def test_unknown_duration_is_said(self) -> None:
        reasons = scored(stress_frequency=3).groups["chronic_stress"].reasons
        assert reasons[-1].id == "stress_months_unknown"

    def test_skipped_is_unknown(self) -> None:
        assert level("chronic_stress", stress_months=5) == "unknown"


def test_evidence_strength_follows_content_table() -> None:
    groups = scored().groups
    assert groups["older_adult"].evidence.strength == "strong"
    assert groups["low_dietary_intake"].evidence.strength == "strong"
    assert groups["athlete_sweat_loss"].evidence.strength == "moderate"
    assert groups["chronic_stress"].evidence.basis == "hypothesis"
    assert groups["high_caffeine"].evidence.basis == "small_net_loss"
