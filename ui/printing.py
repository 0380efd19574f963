"""Print the summary, save it as PDF, or save it for the clinic record, from the result screen.

Printing sends the summary from memory to CUPS and waits (off the main thread, a couple of seconds at most) for
CUPS to say what became of the job. The person hears "sent to the printer" only when CUPS took it; otherwise an
in-window message says what happened and the result stays on screen. No file dialog ever opens in kiosk mode: a PDF
goes to the folder staff configured, or is not offered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from screener.i18n import _, current_language
from ui.accessibility import announce
from ui.widgets.overlay import OverlayDialog, ask

if TYPE_CHECKING:
    from ui.print_system import PrintOutcome
    from ui.shell.window import ScreenerWindow
    from ui.summary import Paper

log = logging.getLogger(__name__)
POLL_MS = 50


def outcome_message(outcome: PrintOutcome) -> str:
    """What the person is told, in their language, for each thing CUPS can say."""
    return {
        "sent": _("Sent to the printer. Please collect the page and hand it to the staff."),
        "held": _("The printer is not printing right now, so your summary is waiting. Please ask the staff."),
        "rejected": _("The printer is not taking print jobs right now. Nothing was printed."),
        "no_printer": _("No printer is available here."),
        "unknown_printer": _("The printer set up here was not found. Nothing was printed."),
        # Never "could not be printed" when it may: the job was queued before the print server stopped answering.
        "lost": _("The printer may still print your summary, or it may not. Please ask the staff."),
    }.get(str(outcome.status), _("The summary could not be printed."))


class SummaryPrinter(QObject):
    """Connects the result screen's Print, Save as PDF and Save for the clinic record to the summary."""

    def __init__(
        self,
        window: ScreenerWindow,
        kiosk: bool = False,
        printer_name: str | None = None,
        paper: Paper | None = None,
        pdf_folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.kiosk = kiosk
        self.printer_name = printer_name
        self.paper = paper
        self.pdf_folder = pdf_folder
        self.last_message: str | None = None
        self.last_outcome: PrintOutcome | None = None
        self.pending: Future[PrintOutcome] | None = None
        self.unfinished: list[tuple[str, int]] = []  # (printer, job id) of this session's jobs that did not print
        self.sending: OverlayDialog | None = None
        window.print_requested.connect(self.print_summary)
        window.save_pdf_requested.connect(self.save_pdf)
        window.save_record_requested.connect(self.save_record)
        window.set_pdf_allowed(self.can_save_pdf())
        window.set_record_allowed(not kiosk)

    def can_save_pdf(self) -> bool:
        return not self.kiosk or self.pdf_folder is not None

    def _paper(self) -> Paper:
        from ui.summary import default_paper

        return self.paper or default_paper(current_language())

    def _host(self) -> QWidget:
        return self.window.host()

    # --- printing -----------------------------------------------------------------------------------------------

    def print_summary(self) -> None:
        """Send the person's summary to the printer; the answer comes back in a message when CUPS has spoken."""
        window = self.window
        if window.result is None or window.answers is None or self.pending is not None:
            return
        from ui.print_system import print_in_background
        from ui.summary import summary_pdf_bytes

        data = summary_pdf_bytes(window.result, window.answers, self._paper(), date.today())
        self.sending = OverlayDialog(self._host(), _("Printing"), _("Sending to the printer…"), cancel_code=None)
        self.sending.open_over()
        self.pending = print_in_background(data, self.printer_name)
        self._poll()

    def _poll(self) -> None:
        pending = self.pending
        if pending is None:
            return
        if not pending.done():
            QTimer.singleShot(POLL_MS, self._poll)
            return
        self.pending = None
        if self.sending is not None:
            self.sending.dismiss()
            self.sending = None
        try:
            outcome = pending.result()
        except Exception:
            log.exception("printing failed")
            self._tell(_("The summary could not be printed."), sent=False)
            return
        self.last_outcome = outcome
        log.info("print outcome: %s (%s)", outcome.status, outcome.detail)
        if outcome.job_id is not None and outcome.printer is not None and not outcome.sent:
            self.unfinished.append((outcome.printer, outcome.job_id))  # cancelled when this person's session ends
        self._tell(outcome_message(outcome), sent=outcome.sent)

    def forget_jobs(self) -> None:
        """At a reset: a summary that waits in the queue (printer stopped) or failed there is the last person's;
        it is cancelled and its document purged from the spool, so nothing of them stays on disk (tried again
        later if the print server cannot be reached now: ``ui.print_system.Purges``)."""
        from ui.print_system import purge_in_background, purges

        if self.unfinished or purges.waiting():
            purge_in_background(self.unfinished)
        self.unfinished.clear()

    def _tell(self, message: str, sent: bool) -> None:
        self.last_message = message
        if sent:
            ask(self._host(), _("Print"), message, [("ok", _("OK"), True)])
            return
        text = message + "\n" + _("Please show this screen to the staff.")
        buttons = [("ok", _("OK"), True)]
        if self.can_save_pdf():
            buttons.insert(0, ("pdf", _("Save as PDF instead"), False))
        ask(self._host(), _("Print"), text, buttons, on_answer=self._after_failed_print)

    def _after_failed_print(self, code: str) -> None:
        if code == "pdf":
            self.save_pdf()

    def print_test_page(self, done: Callable[[str], None]) -> None:
        """For staff: print example answers (no person's data) on the print worker; ``done`` gets what really
        happened, in a line, back on the UI thread."""
        from screener.answers import Answers
        from screener.scoring import score
        from ui.print_system import print_in_background
        from ui.summary import summary_pdf_bytes

        example = Answers(age_years=70, caffeine_servings_per_day={"coffee": 4}, snoring_or_gasping=True)
        data = summary_pdf_bytes(score(example, region=self.window.region), example, self._paper(), date.today())
        future = print_in_background(data, self.printer_name, title="Test page")

        def check() -> None:
            if not future.done():
                QTimer.singleShot(POLL_MS, check)
                return
            try:
                outcome = future.result()
            except Exception:
                log.exception("test page failed")
                done(_("The summary could not be printed."))
                return
            self.last_outcome = outcome
            log.info("test page: %s (%s)", outcome.status, outcome.detail)
            done(_("Test page: {outcome} ({detail})").format(outcome=outcome_message(outcome), detail=outcome.detail))

        check()

    # --- saving -------------------------------------------------------------------------------------------------

    def _ask_path(self, suggested: str, file_filter: str, title: str) -> str:
        if self.kiosk:
            if self.pdf_folder is None:
                return ""
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # no name, no answer in the file name
            return str(self.pdf_folder / f"summary-{stamp}.pdf")
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getSaveFileName(self.window, title, str(Path.home() / suggested), file_filter)
        return path

    def save_pdf(self) -> Path | None:
        from ui.summary import SummaryError, write_pdf

        window = self.window
        if window.result is None or window.answers is None:
            return None
        path = self._ask_path(_("magnesium-self-check.pdf"), "PDF (*.pdf)", _("Save as PDF"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            written = write_pdf(Path(path), window.result, window.answers, self._paper())
        except SummaryError as exc:
            self.last_message = str(exc)
            ask(self._host(), _("Save as PDF"), str(exc), [("ok", _("OK"), True)])
            return None
        self.last_message = _("Saved: {path}").format(path=written)
        announce(self._host(), self.last_message)  # heard, not only seen in the file dialog that closed
        log.info("summary saved as PDF")
        if self.kiosk:
            ask(self._host(), _("Save as PDF"), _("The summary was saved for the staff."), [("ok", _("OK"), True)])
        return written

    def save_record(self) -> Path | None:
        """Outside kiosk mode: the FHIR QuestionnaireResponse of these answers, for the clinic's record."""
        window = self.window
        if self.kiosk or window.result is None or window.answers is None:
            return None
        from screener.fhir import response_json

        path = self._ask_path(_("magnesium-self-check.json"), "FHIR JSON (*.json)", _("Save for the clinic record"))
        if not path:
            return None
        try:
            write_text_atomically(Path(path), response_json(window.answers, window.result))
        except OSError as exc:
            message = _("Cannot save to {path}: {reason}").format(path=path, reason=exc.strerror or exc)
            self.last_message = message
            ask(self._host(), _("Save for the clinic record"), message, [("ok", _("OK"), True)])
            return None
        self.last_message = _("Saved: {path}").format(path=path)
        announce(self._host(), self.last_message)
        log.info("record saved")
        return Path(path)


def write_text_atomically(path: Path, text: str) -> None:
    """A temporary file beside the target, then a rename: never half a file."""
    import os
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=".record-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
