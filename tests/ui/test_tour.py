"""The tour taps through the wizard as a person would: a PNG per screen and a manifest. At normal text size every
question screen fits at 1280x800, 1024x768 and 800x1280 in both languages, and the typical answers reach the
result in at most 30 taps with every question still asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screener.answers import Answers
from screener.questions import screens
from tests.screener.helpers import EXAMPLES
from ui.tour import run_tour

TYPICAL = Answers.model_validate(json.loads((EXAMPLES / "typical.json").read_text(encoding="utf-8")))
WORST = Answers.model_validate(json.loads((EXAMPLES / "worst-case.json").read_text(encoding="utf-8")))
SIZES = [(1280, 800), (1024, 768), (800, 1280)]


def manifest(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_question_screen_fits_at_normal_text_size(
    qtbot: QtBot, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    written = run_tour(WORST, language, tmp_path, size)
    found = manifest(tmp_path)
    assert [p.name for p in written][-1] == "manifest.json"
    for screen in found["screens"]:
        assert (tmp_path / screen["file"]).stat().st_size > 5000, screen  # a real picture, not an empty file
        where = (screen["name"], language, size)
        # Every word whole, header and footer included; targets a finger can hit; nothing out of sight unsaid.
        assert screen["clipped"] == [], where
        assert screen["min_target_px"] >= 64, where
        assert screen["min_gap_px"] is None or screen["min_gap_px"] >= 8, where
        if screen["screen"] not in ("review", "result"):
            assert screen["fits"] or screen["more_below_cue"], where
    # The screens with a single question and its choices still fit whole on every size at normal text.
    singles = [s for s in found["screens"] if s["screen"] not in ("welcome", "diet", "caffeine", "review", "result")]
    assert all(s["fits"] for s in singles), [s["name"] for s in singles if not s["fits"]]


def test_typical_answers_take_at_most_30_taps_and_every_question_is_asked(qtbot: QtBot, tmp_path: Path) -> None:
    run_tour(TYPICAL, "en", tmp_path)
    found = manifest(tmp_path)
    assert found["taps"] <= 30, found["taps"]
    shown = [s["screen"] for s in found["screens"]]
    assert shown[0] == "welcome" and shown[-2:] == ["review", "result"]
    # Every screen that applies to these answers was shown (none was dropped to save taps).
    expected = [s.id for s in screens() if s.asked(TYPICAL.model_dump(exclude_none=True))]
    assert shown[1:-2] == expected


def test_large_text_keeps_every_word_and_says_when_there_is_more_below(qtbot: QtBot, tmp_path: Path) -> None:
    run_tour(WORST, "ja", tmp_path, (1024, 768), large_text=True)
    found = manifest(tmp_path)
    assert len(found["screens"]) >= 15
    assert found["large_text"] is True
    for screen in found["screens"]:
        assert screen["more_below_cue"] is screen["scrolls"], screen  # whatever is out of sight is announced


@pytest.mark.parametrize("size", [(1024, 768), (800, 1280)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_large_text_and_high_contrast_cut_no_word(qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> None:
    """Larger text in both languages (Japanese in high contrast too): nothing clipped, targets still 64 px; a row
    of counts too long for a portrait screen wraps instead of cutting "1日2回以上"."""
    for language in ("en", "ja"):
        out = tmp_path / language
        run_tour(WORST, language, out, size, large_text=True, high_contrast=language == "ja")
        for screen in manifest(out)["screens"]:
            assert screen["clipped"] == [], (screen["name"], language)
            assert screen["min_target_px"] >= 64, (screen["name"], language)


def test_the_clipping_measure_finds_a_label_too_long_for_its_button(qtbot: QtBot) -> None:
    """A footer button given a label far too long for the screen is reported by the tour's measure."""
    from ui.app import build_window, create_app
    from ui.measure import clipped

    create_app()
    window, _hub = build_window("en")
    qtbot.addWidget(window)
    window.resize(1024, 768)
    with qtbot.waitExposed(window):
        window.show()
    assert clipped(window) == []
    long_words = "Start " * 40
    window.footer.next_button.setText(long_words)
    qtbot.waitUntil(lambda: clipped(window) != [])
    assert long_words in clipped(window)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_manifest_carries_each_screens_reading_time_by_the_one_model(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    from screener.i18n import set_language
    from screener.reading import question_screens, typical_sheet

    run_tour(TYPICAL, language, tmp_path, (1024, 768), region="jp")
    found = manifest(tmp_path)
    readings = {s["screen"]: s["reading"] for s in found["screens"]}
    assert found["estimate_s"] == pytest.approx(sum(r["seconds"] for r in readings.values()), abs=0.2)
    assert sum(r["taps"] for r in readings.values()) == found["taps"] == 29
    assert readings["welcome"]["taps"] == 1 and readings["review"]["taps"] == 1 and readings["result"]["taps"] == 0
    assert all(r["unit"] == ("characters" if language == "ja" else "words") for r in readings.values())
    assert all(r["units"] > 0 for r in readings.values())
    # The question screens are counted as the welcome's estimate counts them: the same texts, the same taps.
    set_language(language)
    for estimate in question_screens(typical_sheet(), "jp"):
        assert readings[estimate.screen]["units"] == estimate.units, estimate.screen
        assert readings[estimate.screen]["taps"] == estimate.taps, estimate.screen
    set_language("en")
