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
    assert table.drinks["us"]["coffee"].mg_per_serving == 96
    assert table.foods["us"]["nuts"].mg_per_serving == 80
    # Japan's food composition tables (CONTENT.md): komatsuna is not a rich source, so spinach stands for greens.
    assert table.foods["jp"]["leafy_greens"].mg_per_serving == round(69 * 0.7)
    assert table.foods["jp"]["seeds"].mg_per_serving == round(370 * 0.09)
    assert table.drinks["jp"]["coffee"].mg_per_serving == 90  # a 150 mL cup at 60 mg/100 mL
    assert table.drinks["jp"]["green_tea"].mg_per_serving == 30  # a teacup of sencha
    us = {(b.from_age, b.male, b.female) for b in table.reference_intakes["us"].bands}
    assert us == {(14, 410, 360), (19, 400, 310), (31, 420, 320)}
    jp = {(b.from_age, b.male, b.female) for b in table.reference_intakes["jp"].bands}
    assert jp == {(18, 340, 280), (30, 380, 290), (50, 370, 290), (65, 350, 280), (75, 330, 270)}


def test_a_source_not_listed_is_refused() -> None:
    from importlib import resources

    data = tomllib.loads(resources.files("screener").joinpath("data/reference.toml").read_text("utf-8"))
    data["foods"]["jp"]["nuts"]["source"] = "a blog"
    with pytest.raises(ValidationError, match=r"foods\.jp\.nuts: source 'a blog' is not listed"):
        ReferenceTable.model_validate(data)


def test_a_gap_in_the_age_bands_is_refused() -> None:
    from importlib import resources

    data = tomllib.loads(resources.files("screener").joinpath("data/reference.toml").read_text("utf-8"))
    data["reference_intakes"]["jp"]["bands"][1]["from_age"] = 31
    with pytest.raises(ValidationError, match="contiguous"):
        ReferenceTable.model_validate(data)


def test_the_supplement_limit_cites_the_us_and_japan() -> None:
    limit = reference_table().supplement_upper_limit
    assert (limit.source, limit.japan_source) == ("iom_1997", "mhlw_dri_2025")


def test_every_source_the_summary_must_print_is_listed() -> None:
    sources = " ".join(reference_table().sources.values())
    for name in (
        "Drake",
        "Kynast-Gales",
        "Aviat Space Environ Med",
        "Baker",
        "DSM-5",
        "Fan L",
        "Mayo Clinic",
        "Food Safety Commission of Japan",
        "correction 2025",
        "Massey",
        "Pickering",
        "PMDA",
    ):
        assert name in sources, name
