"""The printed summary: one page always, the core's levels and flags in its text, Japanese that extracts as the
characters drawn, fonts embedded, atomic writes, and a print with no printer that falls back to the PDF."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from screener.answers import Answers
from screener.i18n import set_language
from screener.result import GROUP_IDS
from screener.scoring import default_region_for_language, score
from screener.wording import clinician_reason_text, flag_title, level_label, reason_text
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_page, tap
from ui.printing import SummaryPrinter
from ui.summary import SummaryError, age_band, top_guidance, write_pdf
from ui.window import ScreenerWindow

KANGXI = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
WORST = Answers.model_validate(WORST_CASE)


def pdf_text(path: Path) -> str:
    # -raw: in the order drawn, so a table cell's lines stay together.
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def squeeze(text: str) -> str:
    """Line breaks and spaces only: wrapping splits words across lines. No Unicode normalisation."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def make_pdf(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(language: str, paper: str, answers: Answers = WORST) -> tuple[Path, object]:
        set_language(language)
        result = score(answers, region=default_region_for_language(language))
        path = write_pdf(
            tmp_path / f"summary-{language}-{paper}.pdf",
            result,
            answers,
            paper,  # type: ignore[arg-type]
            date(2026, 11, 24),
        )
        return path, result

    return make


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("paper", "size"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_worst_case_is_one_page_with_the_core_levels_and_flags(make_pdf, language: str, paper: str, size: str) -> None:  # type: ignore[no-untyped-def]
    path, result = make_pdf(language, paper)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert size in info
    text = squeeze(pdf_text(path))
    for group in GROUP_IDS:
        outcome = result.groups[group]
        assert squeeze(level_label(outcome.level)) in text
        assert squeeze(reason_text(outcome.reasons[0], outcome.level)) in text  # the main reason, exactly
    assert len(result.clinician.flags) == 4
    for flag in result.clinician.flags:
        assert squeeze(flag_title(flag)) in text
    for reason in result.clinician.reasons:
        assert squeeze(clinician_reason_text(reason)) in text
    assert not KANGXI.search(text)


def test_japanese_text_extracts_as_the_characters_drawn(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, _result = make_pdf("ja", "A4")
    text = pdf_text(path)
    assert not KANGXI.search(text), sorted(set(KANGXI.findall(text)))
    # Kanji that stock CJK fonts turn into radicals in Qt's PDFs, exactly as drawn.
    for word in ("日付", "2026年11月24日", "72歳", "1日約698 mg", "医師", "週に約12時間"):
        assert word in text, word


def test_every_font_is_embedded(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, _result = make_pdf("ja", "A4")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    assert all(row.startswith("ScreenerSansJP") for row in rows)


def test_a_calm_result_also_fits_and_says_no_flags(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, result = make_pdf("en", "Letter", Answers(age_years=30))
    assert result.clinician.flags == []
    assert "No safety flags were raised." in pdf_text(path)


def test_unwritable_folder_is_a_clear_error_and_leaves_nothing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = score(WORST)
    with pytest.raises(SummaryError, match="the folder does not exist"):
        write_pdf(tmp_path / "missing" / "x.pdf", result, WORST, "A4")
    (tmp_path / "a-folder.pdf").mkdir()  # the name is taken by a folder: the final rename fails
    with pytest.raises(SummaryError, match=r"Cannot save to .*a-folder\.pdf: Is a directory"):
        write_pdf(tmp_path / "a-folder.pdf", result, WORST, "A4")
    assert list(tmp_path.rglob("*.part")) == []


def test_write_is_atomic_and_replaces_an_old_file(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    write_pdf(target, score(WORST), WORST, "A4")
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_age_band_hides_the_exact_age() -> None:
    assert age_band(72) == "70 to 74"
    assert age_band(17) == "under 18"
    assert age_band(95) == "90 or over"


def test_summary_guidance_takes_a_point_from_each_matched_group() -> None:
    points = top_guidance(score(WORST))
    assert len(points) == 6
    assert any("caffeine" in p for p in points) and any("evening routine" in p for p in points)


def test_print_without_a_printer_offers_the_pdf(qtbot: QtBot, window: ScreenerWindow, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer_everything(qtbot, window, {"age_years": 70})
    next_page(qtbot, window)
    printer = SummaryPrinter(window)
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    target = tmp_path / "fallback.pdf"
    monkeypatch.setattr(printer, "ask_pdf_path", lambda: str(target))

    def choose_save(box: QMessageBox) -> int:
        save = next(b for b in box.buttons() if b.text() == "Save as PDF")
        save.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_save)
    tap(qtbot, window.print_button)
    assert printer.last_message is not None and printer.last_message.startswith("Saved:")
    assert target.read_bytes().startswith(b"%PDF")
    assert window.current_id().name == "RESULT"
    assert window.draft.get("age_years") == 70


def test_a_failed_save_names_the_path_and_keeps_the_result(
    qtbot: QtBot, window: ScreenerWindow, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    answer_everything(qtbot, window, {"age_years": 70})
    next_page(qtbot, window)
    printer = SummaryPrinter(window)
    bad = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(printer, "ask_pdf_path", lambda: str(bad))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    tap(qtbot, window.pdf_button)
    assert warnings and str(bad) in warnings[0]
    assert window.result is not None
