"""Print the summary or save it as PDF from the result page.

Printing goes through ``render_summary`` on a QPrinter. No printer, a cancelled dialog or a failed print each give a
clear message and offer the PDF; the result page stays as it was.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from screener.i18n import _, current_language
from ui.window import ScreenerWindow

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinterInfo

    from screener.answers import Answers
    from screener.result import Result
    from ui.summary import Paper

# QtPrintSupport and the summary's modules load on the first print or save, not at start-up.

log = logging.getLogger(__name__)


class SummaryPrinter:
    """Connects the result page's Print and Save as PDF buttons to the summary."""

    def __init__(
        self,
        window: ScreenerWindow,
        kiosk: bool = False,
        printer_name: str | None = None,
        paper: Paper | None = None,
        pdf_folder: Path | None = None,
    ) -> None:
        self.window = window
        self.kiosk = kiosk
        self.printer_name = printer_name
        self.paper = paper
        # In kiosk mode no file dialog opens (it could browse, rename or delete files): a PDF goes to the folder
        # staff configured, or, with none, the PDF is not offered at all.
        self.pdf_folder = pdf_folder
        self.last_message: str | None = None
        window.print_requested.connect(self.print_summary)
        window.save_pdf_requested.connect(self.save_pdf)
        window.set_pdf_allowed(self.can_save_pdf())

    def can_save_pdf(self) -> bool:
        return not self.kiosk or self.pdf_folder is not None

    def _paper(self) -> Paper:
        from ui.summary import default_paper

        return self.paper or default_paper(current_language())

    def _printer_info(self) -> QPrinterInfo | None:
        from PySide6.QtPrintSupport import QPrinterInfo

        printers = QPrinterInfo.availablePrinters()
        if not printers:
            return None
        if self.printer_name:
            named = QPrinterInfo.printerInfo(self.printer_name)
            if not named.isNull():
                return named
            log.warning("configured printer not found; using the default printer")
        default = QPrinterInfo.defaultPrinter()
        return default if not default.isNull() else printers[0]

    def print_summary(self) -> bool:
        """Print the person's summary; True when it was sent to a printer."""
        if self.window.result is None:
            return False
        return self.print_result(self.window.result, self.window.draft.to_answers())

    def print_result(self, result: Result, answers: Answers) -> bool:
        """Print one page for this result; True when it was sent to a printer."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.summary import configure_page, render_summary

        window = self.window
        info = self._printer_info()
        if info is None:
            self.offer_pdf(_("No printer is available here."))
            return False
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        configure_page(printer, self._paper())
        if not self.kiosk:
            dialog = QPrintDialog(printer, window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.offer_pdf(_("Printing was cancelled."))
                return False
        try:
            render_summary(printer, result, answers, date.today())
        except Exception:  # a driver or spooler failure must not take the result page with it
            log.exception("printing failed")
            self.offer_pdf(_("The summary could not be printed."))
            return False
        if printer.printerState() == QPrinter.PrinterState.Error:
            self.offer_pdf(_("The printer reported an error."))
            return False
        log.info("summary printed")
        return True

    def offer_pdf(self, reason: str) -> None:
        """Say what went wrong and offer the PDF instead; the result page stays."""
        self.last_message = reason
        if not self.can_save_pdf():
            QMessageBox.information(self.window, _("Print"), reason + "\n" + _("Please show this screen to staff."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Print"),
            reason + "\n" + _("You can save the summary as a PDF instead, or show this screen to staff."),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        save = box.addButton(_("Save as PDF"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is save:
            self.save_pdf()

    def ask_pdf_path(self) -> str:
        if self.kiosk:
            if self.pdf_folder is None:
                return ""
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # no name, no answer in the file name
            return str(self.pdf_folder / f"summary-{stamp}.pdf")
        suggested = str(Path.home() / _("magnesium-self-check.pdf"))
        path, _filter = QFileDialog.getSaveFileName(self.window, _("Save as PDF"), suggested, "PDF (*.pdf)")
        return path

    def save_pdf(self) -> Path | None:
        from ui.summary import SummaryError, write_pdf

        window = self.window
        if window.result is None:
            return None
        path = self.ask_pdf_path()
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            written = write_pdf(Path(path), window.result, window.draft.to_answers(), self._paper())
        except SummaryError as exc:
            self.last_message = str(exc)
            QMessageBox.warning(window, _("Save as PDF"), str(exc))
            return None
        self.last_message = _("Saved: {path}").format(path=written)
        log.info("summary saved as PDF")
        if self.kiosk:
            QMessageBox.information(window, _("Save as PDF"), _("The summary was saved for the staff."))
        return written
