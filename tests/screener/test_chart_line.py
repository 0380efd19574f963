"""The chart-note line: the content version, date, each group's level and the flags, no age; its QR code stays at
version 10 or lower at error correction M in both languages, and zbar decodes ASCII, Shift_JIS and UTF-8 lines
exactly."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import segno

from screener.answers import Answers
from screener.chart_line import MAX_VERSION, chart_code, chart_line, level_names
from screener.i18n import set_language
from screener.ids import FLAG_IDS, GROUP_IDS
from screener.result import Result
from screener.scoring import score
from tests.screener.helpers import WORST_CASE

WHEN = date(2026, 11, 24)


def result_with(levels: dict[str, str], flags: list[str], age: int = 47) -> Result:
    """A scored result with the given levels and flags (the rest of it as scored)."""
    data: dict[str, Any] = score(Answers.model_validate({**WORST_CASE, "age_years": age})).model_dump()
    for group, level in levels.items():
        data["groups"][group]["level"] = level
    data["clinician"]["flags"] = flags
    return Result.model_validate(data)


def decode(code: segno.QRCode, tmp_path: Path) -> str:
    picture = tmp_path / "code.png"
    code.save(str(picture), scale=4)
    done = subprocess.run(["zbarimg", "--raw", "-q", str(picture)], capture_output=True, check=True)
    return done.stdout.decode("utf-8").removesuffix("\n")


def test_the_line_in_english() -> None:
    """Version and date first, then every group in the fixed order with its level, then the flags."""
    result = result_with(
        {"chronic_stress": "possible", "low_dietary_intake": "likely", "older_adult": "none",
         "athlete_sweat_loss": "unknown", "high_caffeine": "likely"},
        ["kidney_disease", "interacting_medicine"],
    )  # fmt: skip
    assert chart_line(result, WHEN) == (
        f"Mg self-check {result.content_version} 2026-11-24 | Stress: partly | Food: fits | Age: no fit | "
        "Exercise: skipped | Caffeine: fits | Flags: kidney, medicine"
    )
    no_flags = result_with({}, [])
    assert chart_line(no_flags, WHEN).endswith(" | Flags: none")


def test_no_age_and_no_name() -> None:
    """The only numbers are the content version and the date: the age (47) is not there."""
    result = result_with({}, ["kidney_disease"], age=47)
    line = chart_line(result, WHEN)
    rest = line.replace(result.content_version, "").replace("2026-11-24", "")
    assert not re.search(r"\d", rest), rest


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_longest_line_fits_version_10_at_m(language: str) -> None:
    """Every flag and, for each group, the longest level word still fits QR version 10 at error correction M."""
    set_language(language)
    words = level_names()
    longest = max(words, key=lambda level: len(words[level].encode("utf-8")))
    result = result_with(dict.fromkeys(GROUP_IDS, longest), list(FLAG_IDS))
    code = chart_code(chart_line(result, WHEN))
    assert int(code.version) <= MAX_VERSION
    assert code.error in ("M", "Q", "H")


def test_encodings(tmp_path: Path) -> None:
    """ASCII is plain; Japanese is Shift_JIS with ECI; a wave dash (read differently by cp932) falls back to UTF-8."""
    ascii_line = "Mg self-check 2026-11-24a 2026-11-24 | Flags: none"
    japanese = "Mgチェック 2026-11-24a 2026-11-24 | ストレス: 可能性あり | 要確認: 腎機能、不眠"
    wave = "ストレス〜あり"
    assert chart_code(ascii_line).matrix == segno.make_qr(ascii_line, error="m").matrix
    sjis = segno.make_qr(japanese, error="m", encoding="shift_jis", eci=True)
    assert chart_code(japanese).matrix == sjis.matrix
    utf8 = segno.make_qr(wave, error="m", encoding="utf-8", eci=True)
    assert chart_code(wave).matrix == utf8.matrix
    for line in (ascii_line, japanese, wave):
        assert decode(chart_code(line), tmp_path) == line


def test_without_eci_zbar_misreads_short_utf8(tmp_path: Path) -> None:
    """Why the designator: the same short Japanese line as UTF-8 without ECI is read as Shift_JIS by zbar."""
    line = "ストレス: あり"
    assert decode(segno.make_qr(line, error="m", encoding="utf-8"), tmp_path) != line
    assert decode(chart_code(line), tmp_path) == line
