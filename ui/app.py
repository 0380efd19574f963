"""Starts the app: Qt application, Japanese font, languages, crash guard, and the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from screener.errors import InputError, shown_path
from screener.i18n import negotiate_language
from screener.ids import Region
from ui.crash import install_crash_handler
from ui.fonts import application_font, choose_japanese_font
from ui.printing import SummaryPrinter
from ui.qt_i18n import LanguageHub
from ui.theme import Theme
from ui.window import ScreenerWindow

if TYPE_CHECKING:
    from ui.kiosk_config import KioskConfig

log = logging.getLogger(__name__)
WARM_UP_DELAY_MS = 400  # after the welcome page is on screen


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("screener")
    app.setApplicationDisplayName("Magnesium self-check")
    return app


def build_window(
    language: str | None = None, theme: Theme | None = None, region: Region | None = None
) -> tuple[ScreenerWindow, LanguageHub]:
    """The window with fonts and languages set up (the QApplication must exist)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = theme or Theme()
    choice = choose_japanese_font()
    app.setFont(application_font(choice, theme.point_size()))
    hub = LanguageHub(app)
    hub.set_language(language or negotiate_language())  # before any widget: Qt's own strings too
    window = ScreenerWindow(hub, theme, region)
    window.font_warning = choice.message  # type: ignore[attr-defined]
    QTimer.singleShot(WARM_UP_DELAY_MS, window.warm_up)
    return window, hub


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run_app(language: str | None = None, kiosk: bool = False, config_path: Path | None = None) -> int:
    """Start the window (or kiosk mode). Logs hold events, never answers."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    check_display()
    config = load_kiosk_config(config_path) if kiosk else None
    if config is not None and config.log_file:
        handler = open_log_file(config.log_file)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logging.getLogger().addHandler(handler)
    app = create_app()
    if config is None:
        window, _hub = build_window(language)
        install_crash_handler(window)
        window.printer = SummaryPrinter(window)  # type: ignore[attr-defined]
        window.resize(1280, 800)
        window.show()
    else:
        window = start_kiosk(config, language)
    if window.font_warning:  # type: ignore[attr-defined]
        QMessageBox.warning(window, "Japanese font missing", window.font_warning)  # type: ignore[attr-defined]
    return app.exec()


def check_display() -> None:
    """On Linux, say plainly when there is no screen to show the window on (Qt would abort with a core dump)."""
    import os

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
    """The kiosk's log file; one it cannot open refuses the start with one line (check-config checks it first)."""
    try:
        return logging.FileHandler(path, encoding="utf-8")
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a usable file name"
        raise InputError(
            [f"log_file: cannot write {shown_path(path)}: {reason}", "kiosk mode not started: fix the log_file setting"]
        ) from None


def start_kiosk(config: KioskConfig, language: str | None = None) -> ScreenerWindow:
    """The wizard in kiosk mode, full screen (the QApplication must exist)."""
    from ui.kiosk import KioskController

    theme = Theme(text_scale=config.text_scale, high_contrast=config.high_contrast)
    window, _hub = build_window(language or config.default_language, theme, config.region)
    controller = KioskController(window, config)
    crash = install_crash_handler(window)
    crash.auto_start_over = True
    crash.on_start_over = controller.reset_session
    window.kiosk = controller  # type: ignore[attr-defined]
    window.printer = SummaryPrinter(  # type: ignore[attr-defined]
        window,
        kiosk=True,
        printer_name=config.printer_name or None,
        paper=config.paper,
        pdf_folder=Path(config.pdf_folder) if config.pdf_folder else None,
    )
    window.showFullScreen()
    log.info("kiosk mode started")
    return window
