"""Bridges the gettext language to Qt: a ``language_changed`` signal, Qt's own translations, and QLocale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from screener import i18n
from screener.languages import language as language_row

log = logging.getLogger(__name__)


class LanguageHub(QObject):
    """Owns the current language for the UI. Every page connects ``language_changed`` to its ``retranslate_ui``."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt_translators: list[QTranslator] = []
        # Loaded once per language and kept: a kiosk switches language for every other person all day long.
        self._loaded: dict[str, list[QTranslator]] = {}

    def current(self) -> str:
        return i18n.current_language()

    def set_language(self, language: str) -> None:
        """Switch gettext, Qt's own strings and the locale, then tell every widget to retranslate."""
        i18n.set_language(language)
        self._install_qt_translations(language)
        QLocale.setDefault(QLocale(language_row(language).qt_locale))
        self.language_changed.emit(language)

    def _install_qt_translations(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        for translator in self._qt_translators:
            app.removeTranslator(translator)
        self._qt_translators.clear()
        if not language_row(language).qt_translations:
            return  # Qt's own strings are written in this language
        if language not in self._loaded:
            self._loaded[language] = self._load(language)
        for translator in self._loaded[language]:
            app.installTranslator(translator)
            self._qt_translators.append(translator)

    def _load(self, language: str) -> list[QTranslator]:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded = []
        for catalog in ("qtbase",):
            translator = QTranslator(self)
            if translator.load(QLocale(language_row(language).qt_locale), catalog, "_", folder):
                loaded.append(translator)
            else:
                log.warning("Qt's own %s translation for %s was not found in %s", catalog, language, folder)
        return loaded
