"""The reference table is complete, sourced, and holds the figures of CONTENT.md."""

from __future__ import annotations

import tomllib

import pytest
from pydantic import ValidationError

from screener.reference import ReferenceTable, reference_table


def test_every_row_has_a_listed_source_or_says_it_is_a_judgement() -> None:
    table = reference_table()
    refs = table._source_refs()
    assert len(refs) > 20
    for name, source in refs:
        assert source.startswith("judgement:") or source in table.sources, name


def test_japan_pregnancy_is_female_plus_40_and_lactation_plus_0() -> None:
    for band in reference_table().reference_intakes["jp"].bands:
        assert band.pregnancy == band.female + 40
        assert band.lactation == band.female


def test_key_figures() -> None:
    table = reference_table()
    assert table.supplement_upper_limit.mg_per_day == 350
    assert table.thresholds.high_caffeine.limit_mg_per_day == 400
    assert table.thresholds.high_caffeine.pregnancy_limit_mg_per_day == 200
    assert table.drinks["coffee"].mg_per_serving == 96
    assert table.foods["nuts"].mg_per_serving == 80
    us = {(b.from_age, b.male, b.female) for b in table.reference_intakes["us"].bands}
    assert us == {(14, 410, 360), (19, 400, 310), (31, 420, 320)}
    jp = {(b.from_age, b.male, b.female) for b in table.reference_intakes["jp"].bands}
    assert jp == {(18, 340, 280), (30, 380, 290), (50, 370, 290), (65, 350, 280), (75, 330, 270)}


def test_a_source_not_listed_is_refused() -> None:
    from importlib import resources

    data = tomllib.loads(resources.files("screener").joinpath("data/reference.toml").read_text("utf-8"))
    data["foods"]["nuts"]["source"] = "a blog"
    with pytest.raises(ValidationError, match=r"foods\.nuts: source 'a blog' is not listed"):
        ReferenceTable.model_validate(data)


def test_a_gap_in_the_age_bands_is_refused() -> None:
    from importlib import resources

    data = tomllib.loads(resources.files("screener").joinpath("data/reference.toml").read_text("utf-8"))
    data["reference_intakes"]["jp"]["bands"][1]["from_age"] = 31
    with pytest.raises(ValidationError, match="contiguous"):
        ReferenceTable.model_validate(data)
