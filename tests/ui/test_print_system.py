"""Printing through a real CUPS: each test talks to a private cupsd with a cups-pdf queue, started here with its own
configuration, spool and socket under /tmp (never the system's CUPS), and checks what the print back end reports and
what really happened to the job."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from screener.answers import Answers
from screener.scoring import score
from ui.print_system import PrintSystem, PrintSystemError, Purges, Status, cups_server, print_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CUPS_PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
GUARD = 30.0  # only against a hang: cupsd and Ghostscript usually take well under a second

# The privacy settings the kiosk deployment ships: no document is kept once its job is over, and the job's
# history (title, user, times; no content) only for a few minutes. The tests run with exactly these.
PRIVACY_LINES = "PreserveJobFiles No\nPreserveJobHistory 300\n"


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GUARD
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


@dataclass
class Cupsd:
    """A private CUPS scheduler and the client environment that reaches it (and only it)."""

    root: Path
    process: subprocess.Popen[bytes] | None = None
    instances: list[Path] = field(default_factory=list)

    @property
    def socket(self) -> str:
        return str(self.root / "cups.sock")

    @property
    def spool(self) -> Path:
        return self.root / "spool"

    @property
    def out(self) -> Path:
        return self.root / "out"

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.socket, "LC_ALL": "C", "LANG": "C"}

    def run(self, *command: str) -> str:
        done = subprocess.run(command, env=self.env(), capture_output=True, text=True, timeout=GUARD, check=False)
        assert done.returncode == 0, f"{' '.join(command)}: {done.stderr.strip()}"
        return done.stdout

    def error_log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no error_log)"

    def start(self) -> None:
        for folder in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        files = self.root / "cups-files.conf"
        files.write_text(
            f"ServerRoot {self.root}/etc\nRequestRoot {self.spool}\nTempDir {self.spool}/tmp\n"
            f"CacheDir {self.root}/cache\nStateDir {self.root}/state\nServerBin /usr/lib/cups\n"
            f"DataDir /usr/share/cups\nErrorLog {self.root}/log/error_log\nAccessLog {self.root}/log/access_log\n"
            f"PageLog {self.root}/log/page_log\nPrintcap {self.root}/printcap\nSystemGroup root\nUser lp\nGroup lp\n"
        )
        conf = self.root / "etc" / "cupsd.conf"
        conf.write_text(
            # DirtyCleanInterval 0: queues and jobs are written to disk at once, so a killed scheduler restarts
            # with them, as one that had run for a while would.
            f"Listen {self.socket}\nLogLevel info\n{PRIVACY_LINES}Browsing No\nBrowseLocalProtocols none\n"
            "DirtyCleanInterval 0\n"
            "WebInterface No\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        self.process = subprocess.Popen(
            ["cupsd", "-f", "-c", str(conf), "-s", str(files)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_until(self.answers, "cupsd to listen")

    def answers(self) -> bool:
        assert self.process is not None and self.process.poll() is None, "cupsd exited:\n" + self.error_log()
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(self.socket)
            except OSError:
                return False
        return True

    def add_cups_pdf_queue(self, name: str, out: Path) -> None:
        """A cups-pdf queue writing into ``out``. cups-pdf reads its settings only from /etc/cups, but a device URI
        ``cups-pdf:/INSTANCE`` makes it read cups-pdf-INSTANCE.conf there: a file of our own, removed in stop()."""
        instance = f"{self.root.name}-{name}"
        config = Path("/etc/cups") / f"cups-pdf-{instance}.conf"
        self.instances.append(config)
        config.write_text(
            f"Out {out}\nAnonDirName {out}\nSpool {self.root}/cups-pdf-spool\nGSTmp {self.spool}/tmp\n"
            f"Log {self.root}/log\nGrp root\n"
        )
        self.run("lpadmin", "-p", name, "-v", f"cups-pdf:/{instance}", "-E", "-P", CUPS_PDF_PPD)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=GUARD)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def remove(self) -> None:
        self.stop()
        for config in self.instances:
            config.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def job_ids(self, queue: str) -> set[int]:
        """Every job the scheduler knows on ``queue``, finished ones included."""
        listing = self.run("lpstat", "-W", "all", "-o", queue)
        return {int(m) for m in re.findall(rf"^{re.escape(queue)}-(\d+)\s", listing, re.M)}

    def documents(self) -> list[Path]:
        """The job files (the documents themselves) in the spool."""
        return sorted(self.spool.glob("d*-*"))


def new_cupsd() -> Cupsd:
    if os.geteuid() != 0:
        pytest.skip("starts its own cupsd and the cups-pdf backend, which need root (CI runs as root)")
    missing = [tool for tool in ("cupsd", "lpadmin", "lpstat", "pdfinfo") if shutil.which(tool) is None]
    assert not missing and Path(CUPS_PDF_PPD).exists(), (
        f"install tools/apt-test.txt (missing: {missing or CUPS_PDF_PPD})"
    )
    # Short and traversable by the lp user that runs the filters: the socket path must stay under ~100 bytes,
    # and pytest's tmp_path lives below a folder only root may enter.
    root = Path(tempfile.mkdtemp(prefix="scr-cups-", dir="/tmp"))
    root.chmod(0o755)
    return Cupsd(root)


@pytest.fixture(scope="module")
def cupsd() -> Iterator[Cupsd]:
    server = new_cupsd()
    try:
        server.start()
        server.add_cups_pdf_queue("PDF", server.out)
        yield server
    finally:
        server.remove()


@pytest.fixture
def queue(cupsd: Cupsd, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The PDF queue, enabled and accepting with nothing waiting; the client side reaches only this cupsd."""
    monkeypatch.setenv("CUPS_SERVER", cupsd.socket)
    for command in (["cupsenable", "PDF"], ["cupsaccept", "PDF"], ["cancel", "-a", "PDF"]):
        cupsd.run(*command)
    for old in cupsd.out.glob("*.pdf"):
        old.unlink()
    yield "PDF"
    cupsd.run("cancel", "-a", "PDF")


@pytest.fixture(scope="module")
def summary_pdf(qapp) -> bytes:  # type: ignore[no-untyped-def]
    from ui.summary import summary_pdf_bytes

    answers = Answers.model_validate(json.loads((EXAMPLES / "worst-case.json").read_text(encoding="utf-8")))
    return summary_pdf_bytes(score(answers), answers, "A4")


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=GUARD).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert match, info
    return int(match.group(1))


def test_an_accepted_summary_is_sent_and_exactly_one_page_arrives(cupsd: Cupsd, queue: str, summary_pdf: bytes) -> None:
    """The real summary, accepted by the queue: SENT with CUPS's job id, one one-page PDF out of cups-pdf, and
    (PreserveJobFiles No) no copy of the document left in the spool once the job is over."""
    assert summary_pdf.startswith(b"%PDF")
    outcome = print_pdf(summary_pdf, queue)
    assert outcome.status is Status.SENT, outcome.detail
    assert outcome.printer == queue and isinstance(outcome.job_id, int)
    assert outcome.job_id in cupsd.job_ids(queue)
    wait_until(lambda: len(list(cupsd.out.glob("*.pdf"))) >= 1, "cups-pdf's output")
    wait_until(lambda: f"{queue}-{outcome.job_id} " in cupsd.run("lpstat", "-W", "completed", "-o", queue), "done")
    arrived = list(cupsd.out.glob("*.pdf"))
    assert len(arrived) == 1, arrived
    assert pages(arrived[0]) == 1
    wait_until(lambda: cupsd.documents() == [], "the spool to drop the document")


def test_a_rejecting_queue_is_reported_and_nothing_is_queued(cupsd: Cupsd, queue: str, summary_pdf: bytes) -> None:
    """With cupsreject the outcome is REJECTED, no job id is claimed and the scheduler holds no new job."""
    cupsd.run("cupsreject", queue)
    before = cupsd.job_ids(queue)
    outcome = print_pdf(summary_pdf, queue)
    assert outcome.status is Status.REJECTED
    assert outcome.job_id is None and not outcome.sent
    assert outcome.detail == "printer PDF is not accepting jobs"
    assert cupsd.job_ids(queue) == before
    assert cupsd.documents() == []


def test_a_disabled_queue_holds_the_job_and_says_so(cupsd: Cupsd, queue: str, summary_pdf: bytes) -> None:
    """With cupsdisable the job is taken but waits: HELD (not SENT), the job pending in the queue, and the spooled
    document is the app's own one-page PDF byte for byte; cancelling it leaves no document behind."""
    cupsd.run("cupsdisable", queue)
    outcome = print_pdf(summary_pdf, queue)
    assert outcome.status is Status.HELD, outcome.detail
    assert not outcome.sent
    assert outcome.job_id is not None and f"printer {queue} is stopped" in outcome.detail
    assert f"{queue}-{outcome.job_id} " in cupsd.run("lpstat", "-o", queue)  # not completed: still waiting
    spooled = cupsd.spool / f"d{outcome.job_id:05d}-001"
    assert spooled.read_bytes() == summary_pdf
    assert pages(spooled) == 1
    cupsd.run("cancel", f"{queue}-{outcome.job_id}")
    wait_until(lambda: not spooled.exists(), "the cancelled job's document to go")


def test_cancel_purges_a_waiting_job_and_its_document(cupsd: Cupsd, queue: str, summary_pdf: bytes) -> None:
    """The reset's clean-up, against real CUPS: a summary waiting on a stopped queue is cancelled by the app itself
    (Cancel-Job with purge-job, as the job's owner) and its document leaves the spool; a second cancel of the same,
    ended job is refused quietly, and an unknown job is refused."""
    cupsd.run("cupsdisable", queue)
    outcome = print_pdf(summary_pdf, queue)
    assert outcome.status is Status.HELD and outcome.job_id is not None
    spooled = cupsd.spool / f"d{outcome.job_id:05d}-001"
    assert spooled.exists()
    system = PrintSystem()
    assert system.cancel(queue, outcome.job_id)
    wait_until(lambda: not spooled.exists(), "the purged job's document to go")
    assert f"{queue}-{outcome.job_id} " not in cupsd.run("lpstat", "-o", queue)
    assert not system.cancel(queue, 99999)


def test_a_job_whose_cancel_found_no_server_is_purged_once_the_server_is_back(
    cupsd: Cupsd, queue: str, summary_pdf: bytes
) -> None:
    """cupsd killed while a summary waits: the reset's cancel reaches nobody, and a restarted cupsd loads the job
    from its spool again. The purge keeps the job (in memory) and, tried again, leaves no document on disk."""
    cupsd.run("cupsdisable", queue)
    outcome = print_pdf(summary_pdf, queue)
    assert outcome.status is Status.HELD and outcome.job_id is not None
    spooled = cupsd.spool / f"d{outcome.job_id:05d}-001"
    assert spooled.exists()
    assert cupsd.process is not None
    cupsd.process.kill()
    cupsd.process.wait()
    purges = Purges()
    purges.add([(queue, outcome.job_id)])
    assert purges.run() == 1  # nobody to ask: kept
    assert spooled.exists()
    cupsd.start()
    assert outcome.job_id in cupsd.job_ids(queue) and spooled.exists()  # the restarted server has it again
    assert purges.run() == 0
    wait_until(lambda: not spooled.exists(), "the purged job's document to go")
    assert not cupsd.documents()
    assert purges.run() == 0 and not purges.waiting()


def test_a_configured_printer_that_does_not_exist_is_its_own_outcome(
    cupsd: Cupsd, queue: str, summary_pdf: bytes
) -> None:
    """A configured name the server does not know is UNKNOWN_PRINTER even with a default printer set, and nothing
    goes to the default; without a configured name the default is used."""
    cupsd.run("lpadmin", "-d", queue)
    before = cupsd.job_ids(queue)
    outcome = print_pdf(summary_pdf, "Reception")
    assert outcome.status is Status.UNKNOWN_PRINTER
    assert outcome.printer == "Reception" and outcome.job_id is None
    assert outcome.detail == "printer Reception does not exist on the print server"
    assert cupsd.job_ids(queue) == before
    by_default = print_pdf(summary_pdf)
    assert by_default.status is Status.SENT and by_default.printer == queue, by_default.detail


def test_a_job_the_printer_cancels_is_a_failure_not_sent(cupsd: Cupsd, queue: str, summary_pdf: bytes) -> None:
    """A queue whose backend gives up (cups-pdf cannot write its output) cancels the job: FAILED with the job id,
    never SENT. lpstat would list this job exactly like a printed one."""
    if "Broken" not in cupsd.run("lpstat", "-e").split():
        cupsd.add_cups_pdf_queue("Broken", Path("/proc/no-such-folder"))
    outcome = print_pdf(summary_pdf, "Broken", wait=GUARD)  # returns as soon as the job ends
    assert outcome.status is Status.FAILED, outcome.detail
    assert outcome.job_id is not None
    assert re.fullmatch(rf"job {outcome.job_id} on Broken was (canceled|aborted) by the print system.*", outcome.detail)


def test_no_print_server_or_no_printer_is_no_printer(monkeypatch: pytest.MonkeyPatch, summary_pdf: bytes) -> None:
    """A running cupsd without queues, then the same cupsd stopped: NO_PRINTER each time, with a detail that says
    which, and nothing claimed."""
    server = new_cupsd()
    try:
        server.start()
        monkeypatch.setenv("CUPS_SERVER", server.socket)
        empty = print_pdf(summary_pdf)
        assert empty.status is Status.NO_PRINTER and empty.job_id is None
        assert empty.detail == f"the print server at {server.socket} has no printers"
        assert PrintSystem().printers() == []
        server.stop()
        for name in (None, "PDF"):
            stopped = print_pdf(summary_pdf, name)
            assert stopped.status is Status.NO_PRINTER and stopped.job_id is None, stopped.detail
            assert stopped.detail.startswith(f"no print server answered at {server.socket}")
        with pytest.raises(PrintSystemError, match="no print server answered"):
            PrintSystem().printers()
    finally:
        server.remove()


def test_the_server_comes_from_cups_server_then_client_conf(monkeypatch: pytest.MonkeyPatch) -> None:
    """CUPS_SERVER wins; without it the user's ~/.cups/client.conf ServerName is used, as the CUPS library does."""
    monkeypatch.setenv("CUPS_SERVER", "/tmp/some.sock")
    assert cups_server() == "/tmp/some.sock"
    monkeypatch.delenv("CUPS_SERVER")
    conf = Path.home() / ".cups" / "client.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("# kiosk\nServerName printhost:6310\n")
    assert cups_server() == "printhost:6310"


def fake_server(path: str, reply: bytes | None) -> threading.Thread:
    """Answers one request on a Unix socket with ``reply`` (or never answers when None)."""
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(1)

    def serve() -> None:
        connection, _address = listener.accept()
        with connection, listener:
            request = b""
            while b"\r\n\r\n" not in request:
                request += connection.recv(65536)
            head, _sep, body = request.partition(b"\r\n\r\n")
            length = int(re.search(rb"Content-Length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
            while len(body) < length:
                body += connection.recv(65536)
            if reply is None:
                time.sleep(1.5)
            else:
                connection.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    ("reply", "detail"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\nContent-Length: 3\r\n\r\nabc", "short IPP answer"),
        (b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", "asks for a password"),
        (None, "did not answer in time"),
    ],
)
def test_a_broken_or_silent_server_is_a_failure_within_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reply: bytes | None, detail: str
) -> None:
    """A server that answers nonsense, wants a password or stays silent gives FAILED with a reason, not a hang."""
    path = str(tmp_path / "fake.sock")
    thread = fake_server(path, reply)
    outcome = print_pdf(b"%PDF-1.4\n", "PDF", server=path, timeout=0.5)
    thread.join(GUARD)
    assert outcome.status is Status.FAILED and outcome.job_id is None
    assert detail in outcome.detail


def test_the_print_back_end_loads_without_qt() -> None:
    """ui.print_system imports no Qt, so it runs on a worker thread or in a staff CLI without a QApplication."""
    probe = "import sys, ui.print_system; print([m for m in sys.modules if m.startswith('PySide6')])"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=GUARD, check=True, cwd=EXAMPLES.parent
    )
    assert done.stdout.strip() == "[]"


def test_a_job_queued_then_lost_is_said_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """With cupsd killed mid-print the kiosk said "could not be printed" while the backend kept printing: a job the
    print system took, whose state then cannot be read, is LOST, and the person is told it may still print."""
    from ui.printing import outcome_message

    def gone(self: PrintSystem, printer: str, job_id: int, final: bool) -> None:
        raise PrintSystemError("the print server at /run/cups/cups.sock broke off")

    monkeypatch.setattr(PrintSystem, "_job_state", gone)
    outcome = PrintSystem("/nonexistent.sock").job_outcome("PDF", 12, wait=0)
    assert outcome.status is Status.LOST and outcome.job_id == 12 and not outcome.sent
    said = outcome_message(outcome)
    assert "may still print" in said and "could not be printed" not in said
