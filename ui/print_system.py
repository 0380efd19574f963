"""Send a PDF to the print system (CUPS) and find out, within a bounded time, what became of it.

This module talks IPP/1.1 to the CUPS scheduler itself, with the standard library only (no Qt, no subprocess, no
temporary file: the PDF goes from memory into the request). IPP rather than the ``lp``/``lpstat`` commands because
the answers are exact: Print-Job's status says whether the queue took the job (``server-error-not-accepting-jobs``,
``client-error-not-found``), and Get-Job-Attributes gives the job's state as a number. The commands cannot tell
these apart: ``lpstat`` lists a job the printer cancelled exactly like one that printed, and with the scheduler
stopped ``lp`` says "The printer or class does not exist".

The server is found as the CUPS library finds it: ``CUPS_SERVER``, then ``ServerName`` in ``~/.cups/client.conf``
and ``/etc/cups/client.conf``, then the local socket ``/run/cups/cups.sock``, then ``localhost:631``.

Every call blocks for a bounded time (``timeout`` per request, ``wait`` for the job's state), so the UI runs
``print_pdf`` off its main thread, e.g. through ``print_in_background``. Details are English one-liners for logs and
staff; they name printers and jobs, never the person's answers.
"""

from __future__ import annotations

import getpass
import http.client
import logging
import struct
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from ui import ipp
from ui.cups_server import connection_to, cups_server

log = logging.getLogger(__name__)

DEFAULT_TITLE = "Self-check summary"  # the job's name in queues and CUPS's page log: nothing about the person
REQUEST_TIMEOUT = 3.0
STATE_WAIT = 2.0
POLL_INTERVAL = 0.1


class Status(StrEnum):
    """What became of a print, as the person needs to know it."""

    SENT = "sent"  # the print system took the job and is printing it, or has printed it
    HELD = "held"  # taken, but it waits (queue stopped, job held): staff must act before anything comes out
    REJECTED = "rejected"  # the queue is not accepting jobs: nothing was queued
    NO_PRINTER = "no_printer"  # no print server answered, or it has no printer to use
    UNKNOWN_PRINTER = "unknown_printer"  # the configured printer does not exist on the print server
    LOST = "lost"  # the job was queued, then the print server stopped answering: it may print, or not
    FAILED = "failed"  # anything else; the detail says what


class Cancel(StrEnum):
    DONE = "cancelled and purged"
    REFUSED = "refused"  # no such job (it was purged already) or not this user's
    UNREACHABLE = "print server unreachable"


@dataclass(frozen=True)
class PrintOutcome:
    """The result of one print: ``detail`` is an English one-liner for logs and staff, never the answers."""

    status: Status
    printer: str | None
    job_id: int | None
    detail: str

    @property
    def sent(self) -> bool:
        """True only when the person may be told the summary went to the printer."""
        return self.status is Status.SENT


@dataclass(frozen=True)
class PrinterInfo:
    """One queue on the print server."""

    name: str
    state: str  # "idle", "printing" or "stopped"
    accepting: bool
    message: str


class PrintSystemError(Exception):
    """The print server could not be asked; the message is an English one-liner."""


class _UnreachableError(PrintSystemError):
    """No print server answered at the address."""


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "screener"


def _printer_uri(name: str) -> str:
    return "ipp://localhost/printers/" + quote(name, safe="")


def _valid_printer_name(name: str) -> bool:
    """CUPS queue names: 1-127 printable characters without space, tab, '/', '\\', '#', quotes."""
    return 0 < len(name) <= 127 and all(ch.isprintable() and ch not in " \t/\\#'\"" for ch in name)


class PrintSystem:
    """One print server; each method makes one or a few bounded IPP requests."""

    def __init__(self, server: str | None = None, timeout: float = REQUEST_TIMEOUT) -> None:
        self.server = server or cups_server()
        self.timeout = timeout
        self._request_id = 0

    # Requests

    def _request(self, operation: int, attributes: bytes, resource: str = "/", document: bytes = b"") -> ipp.Response:
        self._request_id += 1
        body = (
            struct.pack(">BBHI", 1, 1, operation, self._request_id)
            + bytes([ipp.OPERATION_GROUP])
            + ipp.attribute(ipp.CHARSET, "attributes-charset", b"utf-8")
            + ipp.attribute(ipp.LANGUAGE, "attributes-natural-language", b"en")
            + attributes
            + bytes([ipp.END])
            + document
        )
        connection = connection_to(self.server, self.timeout)
        try:
            try:
                connection.connect()
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                raise _UnreachableError(f"no print server answered at {self.server} ({reason})") from None
            try:
                connection.request("POST", resource, body=body, headers={"Content-Type": "application/ipp"})
                response = connection.getresponse()
                data = response.read()
            except TimeoutError:
                raise PrintSystemError(f"the print server at {self.server} did not answer in time") from None
            except (OSError, http.client.HTTPException) as exc:
                raise PrintSystemError(f"the print server at {self.server} broke off: {exc}") from None
        finally:
            connection.close()
        if response.status == 401:
            raise PrintSystemError(f"the print server at {self.server} asks for a password")
        if response.status == 426:
            raise PrintSystemError(f"the print server at {self.server} requires an encrypted connection")
        if response.status != 200:
            raise PrintSystemError(f"the print server at {self.server} answered HTTP {response.status}")
        try:
            return ipp.parse(data)
        except ipp.IppError as exc:
            raise PrintSystemError(str(exc)) from None

    # Printers

    def printers(self) -> list[PrinterInfo]:
        """Every queue on the server (raises ``PrintSystemError`` when it cannot be asked)."""
        response = self._request(
            ipp.CUPS_GET_PRINTERS,
            ipp.keywords(
                "requested-attributes",
                ["printer-name", "printer-state", "printer-is-accepting-jobs", "printer-state-message"],
            ),
        )
        if response.status == ipp.NOT_FOUND:  # CUPS's answer when there are none
            return []
        if response.status >= 0x0100:
            raise PrintSystemError(f"the print server would not list its printers: {response.message()}")
        return [_printer_info(attrs) for tag, attrs in response.groups if tag == ipp.PRINTER_GROUP and attrs]

    def default_printer(self) -> str | None:
        """The server's default queue (``lpadmin -d NAME`` sets it), or None."""
        response = self._request(ipp.CUPS_GET_DEFAULT, ipp.keywords("requested-attributes", ["printer-name"]))
        if response.status >= 0x0100:
            return None
        name = response.first(ipp.PRINTER_GROUP, "printer-name")
        return name if isinstance(name, str) and name else None

    def printer(self, name: str) -> PrinterInfo | None:
        """One queue's state, or None when it does not exist."""
        response = self._request(
            ipp.GET_PRINTER_ATTRIBUTES,
            ipp.attribute(ipp.URI, "printer-uri", _printer_uri(name).encode())
            + ipp.keywords(
                "requested-attributes",
                ["printer-name", "printer-state", "printer-is-accepting-jobs", "printer-state-message"],
            ),
        )
        if response.status >= 0x0100:
            return None
        return _printer_info(response.group(ipp.PRINTER_GROUP))

    def choose_printer(self, configured: str | None) -> str | PrintOutcome:
        """The configured queue, else the server's default, else the only queue; an outcome when there is none.

        A configured name is used as it is: one that does not exist is its own outcome, never the default.
        """
        if configured:
            return configured
        try:
            default = self.default_printer()
            if default:
                return default
            names = [p.name for p in self.printers()]
        except _UnreachableError as exc:
            return PrintOutcome(Status.NO_PRINTER, None, None, str(exc))
        except PrintSystemError as exc:
            return PrintOutcome(Status.FAILED, None, None, str(exc))
        if not names:
            return PrintOutcome(Status.NO_PRINTER, None, None, f"the print server at {self.server} has no printers")
        if len(names) > 1:
            return PrintOutcome(
                Status.NO_PRINTER,
                None,
                None,
                f"{len(names)} printers and no default printer: set one with lpadmin -d or configure printer_name",
            )
        return names[0]

    # Jobs

    def submit(self, pdf: bytes, printer: str, title: str = DEFAULT_TITLE) -> PrintOutcome:
        """Queue ``pdf`` on ``printer`` with Print-Job: SENT with the job id when the queue took it (state not yet
        read), else the reason nothing was queued."""
        if not _valid_printer_name(printer):
            return PrintOutcome(Status.UNKNOWN_PRINTER, printer, None, f"{printer!r} is not a valid printer name")
        try:
            response = self._request(
                ipp.PRINT_JOB,
                ipp.attribute(ipp.URI, "printer-uri", _printer_uri(printer).encode())
                + ipp.attribute(ipp.NAME, "requesting-user-name", _user_name().encode())
                + ipp.attribute(ipp.NAME, "job-name", title.encode())
                + ipp.attribute(ipp.MIME, "document-format", b"application/pdf"),
                resource="/printers/" + quote(printer, safe=""),
                document=pdf,
            )
        except _UnreachableError as exc:
            return PrintOutcome(Status.NO_PRINTER, printer, None, str(exc))
        except PrintSystemError as exc:
            return PrintOutcome(Status.FAILED, printer, None, str(exc))
        if response.status == ipp.NOT_FOUND:
            return PrintOutcome(
                Status.UNKNOWN_PRINTER, printer, None, f"printer {printer} does not exist on the print server"
            )
        if response.status == ipp.NOT_ACCEPTING:
            return PrintOutcome(Status.REJECTED, printer, None, f"printer {printer} is not accepting jobs")
        if response.status == ipp.FORMAT_NOT_SUPPORTED:
            return PrintOutcome(Status.FAILED, printer, None, f"printer {printer} does not take PDF")
        job_id = response.first(ipp.JOB_GROUP, "job-id")
        if response.status >= 0x0100 or not isinstance(job_id, int):
            return PrintOutcome(
                Status.FAILED, printer, None, f"printer {printer} refused the job: {response.message()}"
            )
        return PrintOutcome(Status.SENT, printer, job_id, f"job {job_id} accepted by {printer}")

    def cancel(self, printer: str, job_id: int) -> bool:
        """Cancel the job and purge its document from the spool (Cancel-Job with purge-job, as its owner); True
        when the print system took it. A job that has ended already is purged the same way."""
        return self.cancel_job(printer, job_id) is Cancel.DONE

    def cancel_job(self, printer: str, job_id: int) -> Cancel:
        """``cancel``, telling a refusal (no such job, or not ours) from a server that could not be asked."""
        try:
            response = self._request(
                ipp.CANCEL_JOB,
                ipp.attribute(ipp.URI, "printer-uri", _printer_uri(printer).encode())
                + ipp.attribute(ipp.INTEGER, "job-id", struct.pack(">i", job_id))
                + ipp.attribute(ipp.NAME, "requesting-user-name", _user_name().encode())
                + ipp.attribute(ipp.BOOLEAN, "purge-job", b"\x01"),
            )
        except PrintSystemError as exc:
            log.info("could not cancel job %d: %s", job_id, exc)
            return Cancel.UNREACHABLE
        if response.status >= 0x0100:
            log.info("job %d not cancelled: %s", job_id, response.message())
            return Cancel.REFUSED
        log.info("job %d cancelled and purged", job_id)
        return Cancel.DONE

    def job_outcome(self, printer: str, job_id: int, wait: float = STATE_WAIT) -> PrintOutcome:
        """Read the job's and the printer's state until the job completes, fails or waits, for at most ``wait``
        seconds (plus one request's ``timeout``); a job still pending or processing then counts as sent."""
        deadline = time.monotonic() + wait
        while True:
            final = time.monotonic() >= deadline
            try:
                outcome = self._job_state(printer, job_id, final)
            except PrintSystemError as exc:
                return PrintOutcome(Status.LOST, printer, job_id, f"job {job_id} was queued, then {exc}")
            if outcome is not None:
                return outcome
            time.sleep(max(0.0, min(POLL_INTERVAL, deadline - time.monotonic())))

    def _job_state(self, printer: str, job_id: int, final: bool) -> PrintOutcome | None:
        response = self._request(
            ipp.GET_JOB_ATTRIBUTES,
            ipp.attribute(ipp.URI, "printer-uri", _printer_uri(printer).encode())
            + ipp.attribute(ipp.INTEGER, "job-id", struct.pack(">i", job_id))
            + ipp.keywords("requested-attributes", ["job-state", "job-state-reasons", "job-printer-state-message"]),
        )

        def outcome(status: Status, detail: str) -> PrintOutcome:
            return PrintOutcome(status, printer, job_id, f"job {job_id} on {printer} {detail}")

        if response.status == ipp.NOT_FOUND:  # PreserveJobHistory No: a finished job is forgotten at once
            return outcome(Status.SENT, "has finished (the print system keeps no job history)")
        if response.status >= 0x0100:
            return outcome(Status.FAILED, f"could not be read: {response.message()}")
        job = response.group(ipp.JOB_GROUP)
        state = _one(job, "job-state", None)
        reasons = ", ".join(str(r) for r in job.get("job-state-reasons", []) if r != "none")
        because = f" ({reasons})" if reasons else ""
        if state == 9:
            return outcome(Status.SENT, "has completed")
        if state in (7, 8):
            return outcome(Status.FAILED, f"was {ipp.JOB_STATES[state]} by the print system{because}")
        if state == 4:
            return outcome(Status.HELD, f"is held{because}")
        if state == 6:
            return outcome(Status.HELD, f"has stopped{because}")
        if state not in (3, 5):
            return outcome(Status.FAILED, f"is in an unknown state {state!r}")
        queue = self.printer(printer)
        if queue is not None and queue.state == "stopped":
            why = f" ({queue.message})" if queue.message else ""
            return outcome(Status.HELD, f"is waiting: printer {printer} is stopped{why}")
        if not final:
            return None
        # A printer that is switched off or unplugged looks the same here (CUPS keeps trying and sets no reason
        # keyword), so its own message goes into the detail for staff.
        says = f" (printer says: {queue.message})" if queue is not None and queue.message else ""
        return outcome(Status.SENT, ("is printing" if state == 5 else "is queued") + says)


def _one(attrs: dict[str, list[object]], name: str, default: object) -> object:
    """An attribute's first value; ``default`` when it is missing or has none (an out-of-band value)."""
    values = attrs.get(name)
    return values[0] if values else default


def _printer_info(attrs: dict[str, list[object]]) -> PrinterInfo:
    name = _one(attrs, "printer-name", "")
    state = _one(attrs, "printer-state", 0)
    accepting = _one(attrs, "printer-is-accepting-jobs", False)
    message = _one(attrs, "printer-state-message", "")
    return PrinterInfo(
        name=str(name),
        state=ipp.PRINTER_STATES.get(state, "unknown") if isinstance(state, int) else "unknown",
        accepting=accepting is True,
        message=str(message),
    )


def print_pdf(
    pdf: bytes,
    printer_name: str | None = None,
    title: str = DEFAULT_TITLE,
    wait: float = STATE_WAIT,
    server: str | None = None,
    timeout: float = REQUEST_TIMEOUT,
) -> PrintOutcome:
    """Print ``pdf`` and say what became of it. Blocks for at most a few requests' ``timeout`` plus ``wait``:
    call it off the UI thread (``print_in_background``)."""
    system = PrintSystem(server, timeout)
    chosen = system.choose_printer(printer_name)
    if isinstance(chosen, PrintOutcome):
        result = chosen
    else:
        result = system.submit(pdf, chosen, title)
        if result.job_id is not None:
            result = system.job_outcome(chosen, result.job_id, wait)
    log.info("print outcome: %s (%s)", result.status.value, result.detail)
    return result


_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="print")


class Purges:
    """Jobs of people gone that are still to be cancelled and purged from the spool.

    A cancel that cannot reach the print server (stopped, or killed mid-print) is not the end of it: a restarted
    CUPS loads its spool again and would keep, or print, the last person's summary. So the job is kept here, in
    memory only, and tried again (at each reset and every ``RETRY_MS`` in kiosk mode) until the server takes the
    cancel or says the job is gone.
    """

    def __init__(self) -> None:
        self._waiting: set[tuple[str, int]] = set()
        self._lock = threading.Lock()

    def waiting(self) -> set[tuple[str, int]]:
        with self._lock:
            return set(self._waiting)

    def add(self, jobs: Iterable[tuple[str, int]]) -> None:
        with self._lock:
            self._waiting.update(jobs)

    def run(self, system: PrintSystem | None = None) -> int:
        """Try each waiting job once; the number still waiting (the server could not be asked about them)."""
        system = system or PrintSystem()
        for printer, job_id in sorted(self.waiting()):
            if system.cancel_job(printer, job_id) is not Cancel.UNREACHABLE:
                with self._lock:
                    self._waiting.discard((printer, job_id))
        return len(self.waiting())


purges = Purges()
RETRY_MS = 30_000


def purge_in_background(jobs: Iterable[tuple[str, int]] = ()) -> Future[int]:
    """Add ``jobs`` to the purges and try every waiting one on the print worker (after any print still running),
    never on the UI thread."""
    purges.add(jobs)
    return _executor.submit(purges.run)


def print_in_background(
    pdf: bytes, printer_name: str | None = None, title: str = DEFAULT_TITLE, wait: float = STATE_WAIT
) -> Future[PrintOutcome]:
    """``print_pdf`` on a worker thread; prints run one at a time, in the order asked."""
    return _executor.submit(print_pdf, pdf, printer_name, title, wait)
