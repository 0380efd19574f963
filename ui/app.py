"""Starts the app: Qt application, Japanese font, languages, crash guard, and the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from screener.i18n import negotiate_language
from ui.crash import install_crash_handler
from ui.fonts import application_font, choose_japanese_font
from ui.printing import SummaryPrinter
from ui.qt_i18n import LanguageHub
from ui.theme import Theme
from ui.window import ScreenerWindow

log = logging.getLogger(__name__)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("screener")
    app.setApplicationDisplayName("Magnesium self-check")
    return app


def build_window(language: str | None = None, theme: Theme | None = None) -> tuple[ScreenerWindow, LanguageHub]:
    """The window with fonts and languages set up (the QApplication must exist)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = theme or Theme()
    choice = choose_japanese_font()
    app.setFont(application_font(choice, theme.point_size()))
    hub = LanguageHub(app)
    hub.set_language(language or negotiate_language())  # before any widget: Qt's own strings too
    window = ScreenerWindow(hub, theme)
    window.font_warning = choice.message  # type: ignore[attr-defined]
    return window, hub


def run_app(language: str | None = None, kiosk: bool = False, config_path: Path | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app()
    window, _hub = build_window(language)
    install_crash_handler(window)
    window.printer = SummaryPrinter(window)  # type: ignore[attr-defined]
    if window.font_warning:  # type: ignore[attr-defined]
        QMessageBox.warning(window, "Japanese font missing", window.font_warning)  # type: ignore[attr-defined]
    window.resize(1280, 800)
    window.show()
    return app.exec()
