"""The theme is readable by default: text sizes in pixels, and contrast ratios computed from the palettes —
text at least 4.5:1 (7:1 in high contrast), control borders and the focus mark at least 3:1."""

from __future__ import annotations

import pytest

from ui.theme import (
    BODY_PX,
    HELPER_PX,
    HIGH_CONTRAST,
    LARGE_TEXT_SCALE,
    STANDARD,
    Palette,
    Theme,
    contrast,
)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey


@pytest.mark.parametrize(("palette", "text_ratio"), [(STANDARD, 4.5), (HIGH_CONTRAST, 7.0)])
def test_text_colours_meet_their_ratio_on_every_background(palette: Palette, text_ratio: float) -> None:
    for background in (palette.window, palette.card):
        for colour in (palette.text, palette.muted, palette.likely, palette.possible, palette.none, palette.unknown):
            assert contrast(colour, background) >= text_ratio, (colour, background)
    assert contrast(palette.accent_text, palette.accent) >= text_ratio
    assert contrast(palette.text, palette.warning_bg) >= text_ratio


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST])
def test_borders_and_focus_mark_stand_out(palette: Palette) -> None:
    for background in (palette.window, palette.card):
        assert contrast(palette.border, background) >= 3.0
        assert contrast(palette.focus, background) >= 3.0
        assert contrast(palette.accent, background) >= 3.0  # a chosen answer's fill
    assert contrast(palette.warning_border, palette.warning_bg) >= 3.0
    assert palette.focus not in (palette.accent, palette.border)  # focus never looks like a choice


def test_text_sizes_are_large_by_default_and_larger_on_request() -> None:
    assert BODY_PX >= 24 and HELPER_PX >= 20
    large = Theme(text_scale=LARGE_TEXT_SCALE)
    assert large.px(BODY_PX) == round(BODY_PX * 1.4)
    sheet = Theme().style_sheet()
    assert f"font-size: {BODY_PX}px" in sheet and f"font-size: {HELPER_PX}px" in sheet
