"""The summary rendered in memory for the print system is the same one-page summary as the saved PDF, and rendering
it writes no file anywhere."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from screener.answers import Answers
from screener.scoring import score
from tests.screener.helpers import WORST_CASE
from ui.summary import summary_pdf_bytes, write_pdf

WORST = Answers.model_validate(WORST_CASE)


def text_of(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")


def test_memory_summary_matches_the_saved_pdf_and_leaves_no_file(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same pages, size and text as write_pdf for the same answers and date; no file appears in the working folder,
    the home folder or the temporary folder while it renders."""
    result = score(WORST)
    saved = write_pdf(tmp_path / "saved.pdf", result, WORST, "A4", date(2026, 11, 24))
    watched = [tmp_path / "cwd", tmp_path / "tmp", Path.home()]
    for folder in watched:
        folder.mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    before = {folder: set(folder.iterdir()) for folder in watched}
    pdf = summary_pdf_bytes(result, WORST, "A4", date(2026, 11, 24))
    assert {folder: set(folder.iterdir()) for folder in watched} == before
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()
    assert "Pages:           1" in info and "595 x 842" in info
    assert text_of(pdf) == text_of(saved.read_bytes())
    assert "□ ⚠ Reduced kidney function" in text_of(pdf)  # the clinician's checklist
