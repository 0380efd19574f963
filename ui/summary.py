"""The one-page summary a person hands to staff: drawn on any paged device (a PDF writer or a printer).

Vector text in the bundled font (so Japanese extracts as the characters drawn), the same bar pictures as the
screen, and always one page: when the content is long, the type is scaled down until it fits.
"""

from __future__ import annotations

import html
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from babel.dates import format_date
from babel.lists import format_list
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from screener import guidance
from screener.answers import Answers
from screener.i18n import _, babel_locale
from screener.result import GROUP_IDS, Result
from screener.wording import (
    clinician_reason_text,
    flag_title,
    group_title,
    level_label,
    reason_text,
    strength_label,
)
from ui.charts import caffeine_spec, magnesium_spec, paint_amount_bar
from ui.fonts import BUNDLED_FAMILY, load_bundled_fonts
from ui.screens.result_summary import LEVEL_MARKS
from ui.theme import STANDARD

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PagedDevice = QPdfWriter | QPrinter

Paper = Literal["A4", "Letter"]
PAPER_SIZES: dict[Paper, QPageSize.PageSizeId] = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 14
BASE_PT = 10.5
MIN_SCALE = 0.55
MAX_GUIDANCE_POINTS = 6


class SummaryError(Exception):
    """The summary could not be written; the message names the path and the reason."""


def default_paper(language: str) -> Paper:
    """A4 for Japan; Letter for US English."""
    return "A4" if language == "ja" else "Letter"


def age_band(age: int) -> str:
    if age < 18:
        return _("under 18")
    if age >= 90:
        return _("90 or over")
    low = age - age % 5
    return _("{low} to {high}").format(low=low, high=low + 4)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _region_text(result: Result) -> str:
    return _("Japan (2025)") if result.figures.region == "jp" else _("United States (IOM 1997)")


def top_html(result: Result, answers: Answers, when: date, point_size: float = BASE_PT) -> str:
    p = STANDARD
    title = _("Magnesium needs self-check: summary for staff")
    parts = [
        f"<p style='font-size:{point_size * 1.5:.1f}pt; font-weight:bold; margin:0'>{_e(title)}</p>",
        "<p style='margin-top:4px'>"
        + _e(_("Date: {date}").format(date=format_date(when, "long", locale=babel_locale())))
        + " &nbsp;·&nbsp; "
        + _e(_("Age band: {band}").format(band=age_band(answers.age_years)))
        + " &nbsp;·&nbsp; "
        + _e(_("Reference intakes: {region}").format(region=_region_text(result)))
        + "</p>",
    ]
    box = [
        f"<p style='font-size:{point_size * 1.15:.1f}pt; font-weight:bold; margin:0'>"
        f"{'⚠ ' if result.clinician.flags else ''}{_e(guidance.clinician_heading(result))}</p>"
    ]
    if result.clinician.flags:
        names = format_list([flag_title(f) for f in result.clinician.flags], locale=babel_locale())
        box.append("<p style='margin:2px 0; font-weight:bold'>" + _e(_("Flags: {flags}").format(flags=names)) + "</p>")
    else:
        box.append("<p style='margin:2px 0'>" + _e(_("No safety flags were raised.")) + "</p>")
    box += [f"<p style='margin:1px 0'>• {_e(clinician_reason_text(r))}</p>" for r in result.clinician.reasons]
    parts.append(
        f"<table width='100%' cellpadding='6' cellspacing='0' border='1' "
        f"style='border-color:{p.warning_border}; border-style:solid; background-color:{p.warning_bg}'>"
        f"<tr><td>{''.join(box)}</td></tr></table>"
    )
    rows = [
        "<tr style='background-color:#e8efee'>"
        + "".join(
            f"<th align='left'>{_e(h)}</th>"
            for h in (_("Group"), _("Result"), _("Main reason, in the person's numbers"), _("Evidence"))
        )
        + "</tr>"
    ]
    for group in GROUP_IDS:
        outcome = result.groups[group]
        colour = getattr(p, outcome.level)
        main = reason_text(outcome.reasons[0], outcome.level) if outcome.reasons else ""
        level = f"{LEVEL_MARKS[outcome.level]} {_e(level_label(outcome.level))}"
        rows.append(
            "<tr>"
            f"<td width='22%'><b>{_e(group_title(group))}</b></td>"
            f"<td width='17%' style='color:{colour}'><b>{level}</b></td>"
            f"<td>{_e(main)}</td>"
            f"<td width='10%'>{_e(strength_label(outcome.evidence.strength))}</td>"
            "</tr>"
        )
    parts.append(
        "<p style='margin-top:8px; margin-bottom:2px; font-weight:bold'>"
        + _e(_("Five groups whose magnesium needs may be higher"))
        + "</p>"
    )
    parts.append(
        f"<table width='100%' cellpadding='4' cellspacing='0' border='1' style='border-color:{p.border}'>"
        + "".join(rows)
        + "</table>"
    )
    return "".join(parts)


def top_guidance(result: Result) -> list[str]:
    """The first point for each matched group, then the general habits, then the rest, at most a few."""
    points = guidance.guidance_points(result)
    first: list[str] = []
    seen: set[object] = set()
    for group, text in points:
        if group not in seen:
            first.append(text)
            seen.add(group)
    rest = [text for _group, text in points if text not in first]
    return (first + rest)[:MAX_GUIDANCE_POINTS]


def bottom_html(result: Result, point_size: float = BASE_PT) -> str:
    points = top_guidance(result)
    small = f"font-size:{point_size * 0.85:.1f}pt"
    parts = [
        "<p style='margin-bottom:2px; font-weight:bold'>" + _e(_("Main points for the person")) + "</p>",
        "".join(f"<p style='margin:1px 0'>• {_e(text)}</p>" for text in points),
        f"<p style='margin-top:6px'>{_e(guidance.upper_limit_text(result))}</p>",
        f"<p style='{small}; margin-top:4px'><b>{_e(_('Sources'))}:</b> " + _e(" ".join(guidance.SOURCES)) + "</p>",
        f"<p style='{small}; margin-top:4px'><i>{_e(guidance.disclaimer())}</i></p>",
    ]
    return "".join(parts)


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


def render_summary(device: PagedDevice, result: Result, answers: Answers, when: date) -> float:
    """Draw the summary on one page of ``device``; returns the type scale that made it fit."""
    load_bundled_fonts()
    layout = device.pageLayout()
    page = QRectF(layout.paintRectPixels(device.resolution()))
    width, height = page.width(), page.height()
    specs = [s for s in (magnesium_spec(result), caffeine_spec(result)) if s is not None]
    scale = 1.0
    while True:
        point_size = BASE_PT * scale
        top = _document(top_html(result, answers, when, point_size), width, point_size, device)
        bottom = _document(bottom_html(result, point_size), width, point_size, device)
        line = point_size / 72 * device.resolution() * 1.45
        chart_height = line * 4.2 if specs else 0.0
        gap = line * 0.8
        total = top.size().height() + gap + chart_height + gap + bottom.size().height()
        if total <= height or scale <= MIN_SCALE:
            break
        scale = round(scale - 0.05, 2)

    painter = QPainter(device)
    try:
        top.drawContents(painter)
        y = top.size().height() + gap
        if specs:
            chart_font = QFont(BUNDLED_FAMILY)
            chart_font.setPointSizeF(point_size)
            chart_width = (width - gap * 2) / len(specs)
            for index, spec in enumerate(specs):
                rect = QRectF(index * (chart_width + gap * 2), y, chart_width, chart_height)
                paint_amount_bar(painter, rect, spec, STANDARD, chart_font)
            y += chart_height + gap
        painter.translate(0, y)
        bottom.drawContents(painter)
    finally:
        painter.end()
    return scale


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
        writer.setTitle(_("Magnesium needs self-check: summary for staff"))
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
    writer.setTitle(_("Magnesium needs self-check: summary for staff"))
    writer.setCreator("screener")
    configure_page(writer, paper)
    render_summary(writer, result, answers, when or date.today())
    del writer  # finishes the document in the buffer
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())
