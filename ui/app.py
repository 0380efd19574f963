"""Starts the app: Qt application, Japanese font, languages, crash guard, and the window (or the kiosk)."""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from screener.errors import InputError, shown_path
from screener.i18n import negotiate_language
from screener.ids import Region
from ui import accessibility
from ui.crash import install_crash_handler
from ui.fonts import application_font, choose_japanese_font
from ui.qt_i18n import LanguageHub
from ui.shell.window import ScreenerWindow, SessionDefaults
from ui.theme import Theme
from ui.widgets.focus import install_focus_mode

if TYPE_CHECKING:
    from ui.kiosk.session import KioskSession
    from ui.kiosk_config import KioskConfig

log = logging.getLogger(__name__)
WARM_UP_DELAY_MS = 400  # after the welcome screen is on screen
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("screener")
    install_focus_mode(app)
    return app


_hub: LanguageHub | None = None


def language_hub() -> LanguageHub:
    """One language hub per application: Qt's own translations are application-wide."""
    global _hub
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _hub is None or _hub.parent() is not app:
        _hub = LanguageHub(app)
    return _hub


def build_window(
    language: str | None = None, theme: Theme | None = None, region: Region | None = None
) -> tuple[ScreenerWindow, LanguageHub]:
    """The window with fonts and languages set up (the QApplication must exist)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_focus_mode(app)
    accessibility.install()  # before the first widget is asked for its accessible interface
    theme = theme or Theme()
    choice = choose_japanese_font()
    app.setFont(application_font(choice, theme.point_size()))
    hub = language_hub()
    language = language or negotiate_language()
    hub.set_language(language)  # before any widget: Qt's own strings too
    window = ScreenerWindow(hub, theme, region, SessionDefaults(language, theme))
    window.font_warning = choice.message  # type: ignore[attr-defined]
    QTimer.singleShot(WARM_UP_DELAY_MS, window.warm_up)
    return window, hub


def run_app(
    language: str | None = None, kiosk: bool = False, config_path: Path | None = None, region: Region | None = None
) -> int:
    """Start the window (or kiosk mode). Logs hold events, never answers."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    check_display()
    config = load_kiosk_config(config_path) if kiosk else None
    lock = one_kiosk_only() if config is not None else None  # held until the process ends
    if config is not None and config.log_file:
        handler = open_log_file(config.log_file)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logging.getLogger().addHandler(handler)
    if config is not None:
        keep_off_the_session_bus()
    app = create_app()
    if config is None:
        window, _hub = build_window(language, region=region)
        install_crash_handler(window)
        from ui.printing import SummaryPrinter

        window.printer = SummaryPrinter(window)  # type: ignore[attr-defined]
        window.fit_to_screen()
        window.show()
    else:
        session = start_kiosk(config, language)
        window = session.window
    warning = getattr(window, "font_warning", None)
    if warning:
        from ui.widgets.overlay import ask

        ask(window.host(), "Japanese font missing", warning, [("ok", "OK", True)])
    from ui.stopping import stop_on_signals

    stopper = stop_on_signals(app)  # kept for the loop's lifetime
    code = app.exec()
    del stopper, lock
    log.info("stopped")
    return code


def one_kiosk_only() -> socket.socket:
    """A second kiosk for the same user is refused at start (two shared one log and fought for the screen). The
    lock is an abstract Unix socket name: nothing on disk, and the kernel frees it when the process ends."""
    lock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        lock.bind(f"\0screener-kiosk-{os.getuid()}")
    except OSError:
        lock.close()
        raise InputError(["--kiosk: a kiosk is already running for this user; stop it first"]) from None
    return lock


def check_display() -> None:
    """On Linux, say plainly when there is no screen to show the window on (Qt would abort with a core dump)."""
    if not sys.platform.startswith("linux"):
        return
    if any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return
    raise InputError(
        [
            "no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set): start it in a desktop "
            "session; 'screener tour' saves pictures of every page without one"
        ]
    )


def keep_off_the_session_bus() -> None:
    """A kiosk has no desktop session: without a bus address, D-Bus would start one for it (and leave a daemon and
    ~/.dbus behind). Pointing at no bus keeps it from starting; a configured bus (for a screen reader) is kept."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"


def load_kiosk_config(config_path: Path | None) -> KioskConfig:
    from ui.kiosk_config import ConfigError, load_config

    if config_path is None:
        raise InputError(["kiosk mode needs --config FILE with a staff pin_hash (make one with: screener hash-pin)"])
    try:
        return load_config(config_path)
    except ConfigError as exc:
        problems = [*exc.problems, "kiosk mode not started: fix the config (screener check-config FILE)"]
        raise InputError(problems) from None


def open_log_file(path: str) -> logging.FileHandler:
    """The kiosk's log file; one it cannot open refuses the start with one line (check-config checks it first).
    One that fails later (a full disk) is said in the staff panel (``ui/kiosk/log_file.py``)."""
    from ui.kiosk.log_file import KioskLogFile

    try:
        return KioskLogFile(path)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a usable file name"
        raise InputError(
            [f"log_file: cannot write {shown_path(path)}: {reason}", "kiosk mode not started: fix the log_file setting"]
        ) from None


def start_kiosk(config: KioskConfig, language: str | None = None) -> KioskSession:
    """The wizard in kiosk mode, full screen (the QApplication must exist)."""
    from ui.kiosk.session import KioskSession

    session = KioskSession(config, language)
    session.start()
    log.info("kiosk mode started")
    return session
