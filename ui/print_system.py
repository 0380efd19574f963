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
import os
import socket
import struct
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

DEFAULT_SOCKET = "/run/cups/cups.sock"
DEFAULT_PORT = 631
DEFAULT_TITLE = "Self-check summary"  # the job's name in queues and CUPS's page log: nothing about the person
REQUEST_TIMEOUT = 3.0
STATE_WAIT = 2.0
POLL_INTERVAL = 0.1

# IPP operation ids (RFC 8011 and CUPS).
_PRINT_JOB = 0x0002
_GET_JOB_ATTRIBUTES = 0x0009
_GET_PRINTER_ATTRIBUTES = 0x000B
_CUPS_GET_DEFAULT = 0x4001
_CUPS_GET_PRINTERS = 0x4002

# Delimiter and value tags.
_OPERATION_GROUP = 0x01
_JOB_GROUP = 0x02
_END = 0x03
_PRINTER_GROUP = 0x04
_INTEGER = 0x21
_BOOLEAN = 0x22
_ENUM = 0x23
_NAME = 0x42
_KEYWORD = 0x44
_URI = 0x45
_CHARSET = 0x47
_LANGUAGE = 0x48
_MIME = 0x49

# Status codes the outcome depends on.
_NOT_FOUND = 0x0406
_FORMAT_NOT_SUPPORTED = 0x040A
_NOT_ACCEPTING = 0x0506
_STATUS_NAMES = {
    0x0400: "client-error-bad-request",
    0x0401: "client-error-forbidden",
    0x0402: "client-error-not-authenticated",
    0x0403: "client-error-not-authorized",
    0x0406: "client-error-not-found",
    0x040A: "client-error-document-format-not-supported",
    0x0500: "server-error-internal-error",
    0x0503: "server-error-service-unavailable",
    0x0506: "server-error-not-accepting-jobs",
    0x0507: "server-error-busy",
}

_JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "canceled", 8: "aborted", 9: "completed"}
_PRINTER_STATES = {3: "idle", 4: "printing", 5: "stopped"}
_PRINTER_STOPPED = 5


class Status(StrEnum):
    """What became of a print, as the person needs to know it."""

    SENT = "sent"  # the print system took the job and is printing it, or has printed it
    HELD = "held"  # taken, but it waits (queue stopped, job held): staff must act before anything comes out
    REJECTED = "rejected"  # the queue is not accepting jobs: nothing was queued
    NO_PRINTER = "no_printer"  # no print server answered, or it has no printer to use
    UNKNOWN_PRINTER = "unknown_printer"  # the configured printer does not exist on the print server
    FAILED = "failed"  # anything else; the detail says what


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


@dataclass
class _Response:
    status: int
    groups: list[tuple[int, dict[str, list[object]]]]

    def group(self, tag: int) -> dict[str, list[object]]:
        return next((attrs for group_tag, attrs in self.groups if group_tag == tag), {})

    def first(self, tag: int, name: str) -> object:
        values = self.group(tag).get(name)
        return values[0] if values else None

    def message(self) -> str:
        text = self.first(_OPERATION_GROUP, "status-message")
        name = _STATUS_NAMES.get(self.status, f"0x{self.status:04x}")
        return f"{name} ({text})" if isinstance(text, str) and text else name


def cups_server() -> str:
    """The print server's address as the CUPS library would choose it: a socket path or ``host[:port]``."""
    server = os.environ.get("CUPS_SERVER", "").strip()
    if server:
        return server
    try:
        user_conf: Path | None = Path.home() / ".cups" / "client.conf"
    except RuntimeError:  # no home directory
        user_conf = None
    for conf in (user_conf, Path("/etc/cups/client.conf")):
        if conf is None:
            continue
        try:
            lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            key, _sep, value = line.strip().partition(" ")
            if key.lower() == "servername" and value.strip():
                return value.strip()
    return DEFAULT_SOCKET if os.path.exists(DEFAULT_SOCKET) else "localhost"


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def _connection(server: str, timeout: float) -> http.client.HTTPConnection:
    address = server.split("/version=", 1)[0]
    if address.startswith("/"):
        return _UnixHTTPConnection(address, timeout)
    host, port = address, DEFAULT_PORT
    if address.startswith("["):  # [v6 address]:port
        bracket = address.find("]")
        host, rest = address[1:bracket], address[bracket + 1 :]
        if rest.startswith(":") and rest[1:].isdigit():
            port = int(rest[1:])
    elif address.count(":") == 1:
        name, _sep, number = address.partition(":")
        if number.isdigit():
            host, port = name, int(number)
    return http.client.HTTPConnection(host, port, timeout=timeout)


def _attribute(tag: int, name: str, value: bytes) -> bytes:
    encoded = name.encode("utf-8")
    return struct.pack(">BH", tag, len(encoded)) + encoded + struct.pack(">H", len(value)) + value


def _keywords(name: str, values: list[str]) -> bytes:
    parts = [_attribute(_KEYWORD, name, values[0].encode())]
    parts += [_attribute(_KEYWORD, "", value.encode()) for value in values[1:]]  # further values have no name
    return b"".join(parts)


def _decode(tag: int, value: bytes) -> object:
    if tag in (_INTEGER, _ENUM) and len(value) == 4:
        return struct.unpack(">i", value)[0]
    if tag == _BOOLEAN and len(value) == 1:
        return value != b"\x00"
    if 0x41 <= tag <= 0x49:  # text, name, keyword, uri, charset, language, mime type
        return value.decode("utf-8", errors="replace")
    return value


def _parse(data: bytes) -> _Response:
    if len(data) < 9:
        raise PrintSystemError("the print server sent a short IPP answer")
    status = struct.unpack(">H", data[2:4])[0]
    groups: list[tuple[int, dict[str, list[object]]]] = []
    at, last = 8, ""
    try:
        while at < len(data):
            tag = data[at]
            at += 1
            if tag == _END:
                break
            if tag <= 0x0F:
                groups.append((tag, {}))
                continue
            (name_length,) = struct.unpack(">H", data[at : at + 2])
            name = data[at + 2 : at + 2 + name_length].decode("utf-8", errors="replace")
            at += 2 + name_length
            (value_length,) = struct.unpack(">H", data[at : at + 2])
            value = data[at + 2 : at + 2 + value_length]
            at += 2 + value_length
            if not groups:
                groups.append((_OPERATION_GROUP, {}))
            attrs = groups[-1][1]
            if name:
                last = name
                attrs[name] = []
            decoded = None if 0x10 <= tag <= 0x1F else _decode(tag, value)  # out-of-band values carry none
            if decoded is not None:
                attrs.setdefault(last, []).append(decoded)
    except struct.error:
        raise PrintSystemError("the print server sent a truncated IPP answer") from None
    return _Response(status, groups)


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

    def _request(self, operation: int, attributes: bytes, resource: str = "/", document: bytes = b"") -> _Response:
        self._request_id += 1
        body = (
            struct.pack(">BBHI", 1, 1, operation, self._request_id)
            + bytes([_OPERATION_GROUP])
            + _attribute(_CHARSET, "attributes-charset", b"utf-8")
            + _attribute(_LANGUAGE, "attributes-natural-language", b"en")
            + attributes
            + bytes([_END])
            + document
        )
        connection = _connection(self.server, self.timeout)
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
        return _parse(data)

    # Printers

    def printers(self) -> list[PrinterInfo]:
        """Every queue on the server (raises ``PrintSystemError`` when it cannot be asked)."""
        response = self._request(
            _CUPS_GET_PRINTERS,
            _keywords(
                "requested-attributes",
                ["printer-name", "printer-state", "printer-is-accepting-jobs", "printer-state-message"],
            ),
        )
        if response.status == _NOT_FOUND:  # CUPS's answer when there are none
            return []
        if response.status >= 0x0100:
            raise PrintSystemError(f"the print server would not list its printers: {response.message()}")
        return [_printer_info(attrs) for tag, attrs in response.groups if tag == _PRINTER_GROUP and attrs]

    def default_printer(self) -> str | None:
        """The server's default queue (``lpadmin -d NAME`` sets it), or None."""
        response = self._request(_CUPS_GET_DEFAULT, _keywords("requested-attributes", ["printer-name"]))
        if response.status >= 0x0100:
            return None
        name = response.first(_PRINTER_GROUP, "printer-name")
        return name if isinstance(name, str) and name else None

    def printer(self, name: str) -> PrinterInfo | None:
        """One queue's state, or None when it does not exist."""
        response = self._request(
            _GET_PRINTER_ATTRIBUTES,
            _attribute(_URI, "printer-uri", _printer_uri(name).encode())
            + _keywords(
                "requested-attributes",
                ["printer-name", "printer-state", "printer-is-accepting-jobs", "printer-state-message"],
            ),
        )
        if response.status >= 0x0100:
            return None
        return _printer_info(response.group(_PRINTER_GROUP))

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
                _PRINT_JOB,
                _attribute(_URI, "printer-uri", _printer_uri(printer).encode())
                + _attribute(_NAME, "requesting-user-name", _user_name().encode())
                + _attribute(_NAME, "job-name", title.encode())
                + _attribute(_MIME, "document-format", b"application/pdf"),
                resource="/printers/" + quote(printer, safe=""),
                document=pdf,
            )
        except _UnreachableError as exc:
            return PrintOutcome(Status.NO_PRINTER, printer, None, str(exc))
        except PrintSystemError as exc:
            return PrintOutcome(Status.FAILED, printer, None, str(exc))
        if response.status == _NOT_FOUND:
            return PrintOutcome(
                Status.UNKNOWN_PRINTER, printer, None, f"printer {printer} does not exist on the print server"
            )
        if response.status == _NOT_ACCEPTING:
            return PrintOutcome(Status.REJECTED, printer, None, f"printer {printer} is not accepting jobs")
        if response.status == _FORMAT_NOT_SUPPORTED:
            return PrintOutcome(Status.FAILED, printer, None, f"printer {printer} does not take PDF")
        job_id = response.first(_JOB_GROUP, "job-id")
        if response.status >= 0x0100 or not isinstance(job_id, int):
            return PrintOutcome(
                Status.FAILED, printer, None, f"printer {printer} refused the job: {response.message()}"
            )
        return PrintOutcome(Status.SENT, printer, job_id, f"job {job_id} accepted by {printer}")

    def job_outcome(self, printer: str, job_id: int, wait: float = STATE_WAIT) -> PrintOutcome:
        """Read the job's and the printer's state until the job completes, fails or waits, for at most ``wait``
        seconds (plus one request's ``timeout``); a job still pending or processing then counts as sent."""
        deadline = time.monotonic() + wait
        while True:
            final = time.monotonic() >= deadline
            try:
                outcome = self._job_state(printer, job_id, final)
            except PrintSystemError as exc:
                return PrintOutcome(Status.FAILED, printer, job_id, f"job {job_id} was queued, then {exc}")
            if outcome is not None:
                return outcome
            time.sleep(max(0.0, min(POLL_INTERVAL, deadline - time.monotonic())))

    def _job_state(self, printer: str, job_id: int, final: bool) -> PrintOutcome | None:
        response = self._request(
            _GET_JOB_ATTRIBUTES,
            _attribute(_URI, "printer-uri", _printer_uri(printer).encode())
            + _attribute(_INTEGER, "job-id", struct.pack(">i", job_id))
            + _keywords("requested-attributes", ["job-state", "job-state-reasons", "job-printer-state-message"]),
        )

        def outcome(status: Status, detail: str) -> PrintOutcome:
            return PrintOutcome(status, printer, job_id, f"job {job_id} on {printer} {detail}")

        if response.status == _NOT_FOUND:  # PreserveJobHistory No: a finished job is forgotten at once
            return outcome(Status.SENT, "has finished (the print system keeps no job history)")
        if response.status >= 0x0100:
            return outcome(Status.FAILED, f"could not be read: {response.message()}")
        job = response.group(_JOB_GROUP)
        state = _one(job, "job-state", None)
        reasons = ", ".join(str(r) for r in job.get("job-state-reasons", []) if r != "none")
        because = f" ({reasons})" if reasons else ""
        if state == 9:
            return outcome(Status.SENT, "has completed")
        if state in (7, 8):
            return outcome(Status.FAILED, f"was {_JOB_STATES[state]} by the print system{because}")
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
        state=_PRINTER_STATES.get(state, "unknown") if isinstance(state, int) else "unknown",
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


def print_in_background(
    pdf: bytes, printer_name: str | None = None, title: str = DEFAULT_TITLE, wait: float = STATE_WAIT
) -> Future[PrintOutcome]:
    """``print_pdf`` on a worker thread; prints run one at a time, in the order asked."""
    return _executor.submit(print_pdf, pdf, printer_name, title, wait)
