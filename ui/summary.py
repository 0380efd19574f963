"""The one-page summary a person hands to staff: drawn on any paged device (a PDF writer or a printer).

Vector text in the bundled font (so Japanese extracts as the characters drawn), and always one page. The clinician's
half is set in body type, never under ``MIN_BODY_PT``; the small print below it (the legend, what the person was
shown, the studies and sources) is set smaller, and when the content is long it is the small print that shrinks
first, then gives up the studies and the guidance (both are on the result screen).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from screener.answers import Answers
from screener.chart_line import chart_line
from screener.i18n import _
from screener.result import Result
from ui.fonts import BUNDLED_FAMILY, load_bundled_fonts
from ui.qr import ChartCodeCorner
from ui.summary_html import age_band, bottom_html, top_html

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PagedDevice = QPdfWriter | QPrinter

Paper = Literal["A4", "Letter"]
PAPER_SIZES: dict[Paper, QPageSize.PageSizeId] = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 14
BODY_PT = (10.5, 10.0, 9.5, 9.0)  # the clinician's half
MIN_BODY_PT = BODY_PT[-1]
READABLE_SMALL_PT = (8.0, 7.5, 7.0)  # the small print, tried with each body size first
LAST_SMALL_PT = (6.5, 6.0, 5.5)  # then smaller, with the smallest body size: long answers fill the page
SIZES = [(body, small) for body in BODY_PT for small in READABLE_SMALL_PT] + [
    (MIN_BODY_PT, small) for small in LAST_SMALL_PT
]
__all__ = ["Paper", "SummaryError", "age_band", "default_paper", "render_summary", "summary_pdf_bytes", "write_pdf"]


class SummaryError(Exception):
    """The summary could not be written; the message names the path and the reason."""


def default_paper(language: str) -> Paper:
    """The language's own paper (screener/languages.py): A4 for Japanese, Letter for US English."""
    from screener.languages import language as language_row

    return language_row(language).paper


def _document(markup: str, width: float, point_size: float, device: PagedDevice) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont(BUNDLED_FAMILY)
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(markup)
    doc.setTextWidth(width)
    return doc


def render_summary(device: PagedDevice, result: Result, answers: Answers, when: date) -> tuple[float, float]:
    """Draw the summary on one page of ``device``; returns the point sizes that made it fit (body, small print)."""
    load_bundled_fonts()
    layout = device.pageLayout()
    page = QRectF(layout.paintRectPixels(device.resolution()))
    width, height = page.width(), page.height()
    corner = ChartCodeCorner(device, chart_line(result, when))
    # The last tries leave out the note on the sleep studies, then the guidance shown (both are on the result
    # screen, and the small print says so): the page never runs over.
    tries = [(body, small, 2) for body, small in SIZES] + [(*SIZES[-1], 1), (*SIZES[-1], 0)]
    for point_size, small_size, detail in tries:
        top = _document(top_html(result, answers, when, point_size), width, point_size, device)
        corner.reserve(top)
        bottom = _document(bottom_html(result, answers, small_size, detail), width, small_size, device)
        gap = point_size / 72 * device.resolution() * 1.45 * 0.6
        total = top.size().height() + gap + bottom.size().height()
        if total <= height:
            break

    painter = QPainter(device)
    try:
        top.drawContents(painter)
        corner.paint(painter, width)
        painter.translate(0, top.size().height() + gap)
        bottom.drawContents(painter)
    finally:
        painter.end()
    return point_size, small_size


def configure_page(device: PagedDevice, paper: Paper) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(PAPER_SIZES[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def write_pdf(path: Path, result: Result, answers: Answers, paper: Paper, when: date | None = None) -> Path:
    """Write the summary to ``path`` atomically (a temporary file beside it, then a rename)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SummaryError(_("Cannot save to {path}: the folder does not exist.").format(path=path))
    if not os.access(folder, os.W_OK):
        raise SummaryError(_("Cannot save to {path}: the folder cannot be written to.").format(path=path))
    handle, temporary = tempfile.mkstemp(prefix=".summary-", suffix=".pdf.part", dir=folder)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(300)
        writer.setTitle(_("Magnesium self-check: summary for staff"))
        writer.setCreator("screener")
        configure_page(writer, paper)
        render_summary(writer, result, answers, when or date.today())
        del writer  # closes the file
        if os.path.getsize(temporary) == 0:
            raise SummaryError(_("Cannot save to {path}: nothing was written.").format(path=path))
        os.replace(temporary, path)
    except OSError as exc:
        raise SummaryError(_("Cannot save to {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def summary_pdf_bytes(result: Result, answers: Answers, paper: Paper, when: date | None = None) -> bytes:
    """The same one-page summary as ``write_pdf``, rendered in memory: for sending to the print system.

    Nothing is written to disk, so a print leaves no copy of the answers behind on this machine.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(_("Magnesium self-check: summary for staff"))
    writer.setCreator("screener")
    configure_page(writer, paper)
    render_summary(writer, result, answers, when or date.today())
    del writer  # finishes the document in the buffer
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())
