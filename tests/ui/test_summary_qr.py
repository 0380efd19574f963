"""The chart-note QR code on the printed summary: rendered to an image with pdftoppm and read with a real decoder
(zbarimg), it gives exactly the chart line in both languages; Japanese decodes exactly; no text runs under it; the
summary stays one page; and both zbar and ZXing read it from a low-resolution, blurred JPEG of the corner."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from PySide6.QtGui import QPainter, QPdfWriter

from screener.answers import Answers
from screener.chart_line import chart_line
from screener.i18n import current_language, set_language
from screener.scoring import score
from tests.screener.helpers import WORST_CASE
from ui.qr import ChartCodeCorner, caption
from ui.summary import MARGIN_MM, configure_page, default_paper, write_pdf

WHEN = date(2026, 11, 24)
WORDS = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    """Leave the language as found (the root conftest does this too, once tests/ui/conftest.py loads again)."""
    before = current_language()
    yield
    set_language(before)


def decode_pdf(pdf: Path, folder: Path) -> list[str]:
    """Every QR code zbarimg finds on the PDF's first page rendered at 200 dpi (what a scanner sees on paper)."""
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(pdf), str(folder / "page")], check=True)
    done = subprocess.run(["zbarimg", "--raw", "-q", str(folder / "page-1.png")], capture_output=True, check=False)
    assert done.returncode == 0, f"zbarimg found no code (exit {done.returncode})"
    return done.stdout.decode("utf-8").splitlines()


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_summarys_code_decodes_to_the_chart_line(language: str, qapp: object, tmp_path: Path) -> None:
    """zbarimg reads exactly one code off the printed page, and it is exactly this result's chart line."""
    set_language(language)
    answers = Answers.model_validate(WORST_CASE)
    result = score(answers, region="jp" if language == "ja" else "us")
    pdf = write_pdf(tmp_path / "summary.pdf", result, answers, default_paper(language), WHEN)
    assert pages(pdf) == 1
    assert decode_pdf(pdf, tmp_path) == [chart_line(result, WHEN)]


JAPANESE = "Mgチェック 2026-11-24a 2026-11-24 | ストレス: 可能性あり | 食事: 可能性高 | 要確認: 腎機能、併用薬、不眠"


@pytest.mark.parametrize("line", [JAPANESE, "ストレス〜あり"], ids=["shift_jis", "utf-8"])
def test_japanese_drawn_on_a_page_decodes_exactly(line: str, qapp: object, tmp_path: Path) -> None:
    """The painted vector squares of a Japanese line (Shift_JIS, or UTF-8 where Shift_JIS is not exact) decode to
    the same characters: the catalogs' Japanese chart words are not written yet, so this draws one directly."""
    pdf = tmp_path / "code.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setResolution(300)
    configure_page(writer, "A4")
    corner = ChartCodeCorner(writer, line)
    painter = QPainter(writer)
    corner.paint(painter, writer.pageLayout().paintRectPixels(300).width())
    painter.end()
    del writer
    assert decode_pdf(pdf, tmp_path) == [line]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_text_runs_under_the_code(language: str, qapp: object, tmp_path: Path) -> None:
    """No word of the page but the caption lies within the code and its quiet zone (pdftotext's word boxes)."""
    set_language(language)
    answers = Answers.model_validate(WORST_CASE)
    result = score(answers)
    paper = default_paper(language)
    pdf = write_pdf(tmp_path / "summary.pdf", result, answers, paper, WHEN)
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    configure_page(writer, paper)
    corner = ChartCodeCorner(writer, chart_line(result, WHEN))
    to_pt = 72 / 300
    margin = MARGIN_MM / 25.4 * 72
    page_width = writer.pageLayout().fullRectPoints().width()
    right = page_width - margin - (corner.column - corner.side) / 2 * to_pt
    box = (right - (corner.side + corner.quiet) * to_pt, margin, right, margin + (corner.side + corner.quiet) * to_pt)
    del writer
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in WORDS.findall(layout)]
    assert len(words) > 100
    edge = 0.5  # points: a word's box starts at its font's ascent, which may touch the quiet zone's edge
    inside = [w[4] for w in words if w[0] < box[2] and w[2] > box[0] and w[1] < box[3] - edge and w[3] > box[1]]
    assert inside == []
    caption_bottom = box[3] + corner.caption_height * to_pt
    column_left = page_width - margin - corner.column * to_pt
    below = [w[4] for w in words if box[3] - edge <= w[1] < caption_bottom and w[0] >= column_left - edge]
    assert "".join(below).replace(" ", "") == caption().replace(" ", "")


# --- a phone photo or a fax: low resolution, blur, JPEG -----------------------------------------------------------

PHOTO_DPI = (100, 150)
BLUR_PX = 1.0  # Gaussian sigma, in pixels of the rendered page
JPEG_QUALITY = 40


def corner(pdf: Path, folder: Path, dpi: int) -> Image.Image:
    """The page's top-right corner (where the code is, what a phone photo of it frames) rendered at ``dpi``."""
    stem = folder / f"page-{dpi}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True
    )
    page = Image.open(f"{stem}.png").convert("L")
    return page.crop((page.width // 2, 0, page.width, page.height // 3))


def damaged(image: Image.Image) -> Image.Image:
    blurred = image.filter(ImageFilter.GaussianBlur(BLUR_PX))
    out = io.BytesIO()
    blurred.save(out, "JPEG", quality=JPEG_QUALITY)
    out.seek(0)
    return Image.open(out).convert("L")


def zbar(image: Image.Image, folder: Path) -> str:
    path = folder / "decode.png"
    image.save(path)
    done = subprocess.run(["zbarimg", "--raw", "-q", str(path)], capture_output=True, check=False)
    return done.stdout.decode("utf-8", errors="replace").strip()


def zxing(image: Image.Image) -> str:
    import zxingcpp

    found = zxingcpp.read_barcodes(image)
    return found[0].text if found else ""


@pytest.mark.parametrize("example", ["typical", "worst-case"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_code_reads_from_a_blurred_low_resolution_photo(
    example: str, language: str, qapp: object, tmp_path: Path
) -> None:
    """Both zbar and ZXing read exactly the chart line at 100 and 150 dpi, as rendered and after a blur (sigma 1 px)
    and JPEG quality 40: what a phone photo or a fax of the page gives. At 0.45 mm a module zbar read none at
    100 dpi."""
    import json

    from tests.screener.helpers import EXAMPLES

    set_language(language)
    answers = Answers.model_validate(json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8")))
    result = score(answers, region="us")
    pdf = write_pdf(tmp_path / "summary.pdf", result, answers, default_paper(language), WHEN)
    want = chart_line(result, WHEN)
    failed = []
    for dpi in PHOTO_DPI:
        clean = corner(pdf, tmp_path, dpi)
        for name, image in (("as rendered", clean), ("blurred, JPEG 40", damaged(clean))):
            for decoder, text in (("zbar", zbar(image, tmp_path)), ("ZXing", zxing(image))):
                if text != want:
                    failed.append(f"{decoder} at {dpi} dpi, {name}: read {text[:40]!r}")
    assert not failed, "\n".join(failed)
