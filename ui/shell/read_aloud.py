"""The speaker button: reads the screen's question and choices (on the result, the short summary) in the language
shown, only when pressed; pressing again stops. Any move to another screen, a language switch or a reset stops it.
Without the speech engine, a player or a working audio device the button is not there at all."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from screener.i18n import _

if TYPE_CHECKING:
    from ui.shell.window import ScreenerWindow
    from ui.speech.speaker import Speaker

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    """Connects the header's speaker button to the speech engine. ``finished`` crosses from the speech thread."""

    _finished = Signal(int)

    def __init__(self, window: ScreenerWindow, allowed: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.allowed = allowed
        self.speaker: Speaker | None = None
        self.utterance = 0
        self.button = window.header.speak_button
        self.button.clicked.connect(self.toggle)
        self._finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        window.screen_changed.connect(lambda _screen: self.stop())
        window.started_over.connect(self.stop)
        window.hub.language_changed.connect(self._language_changed)
        self.button.setVisible(False)
        # Probing the engines and the audio device waits until the welcome screen has been painted.
        QTimer.singleShot(0, self._language_changed)

    def set_allowed(self, allowed: bool) -> None:
        """Staff can turn read-aloud off (kiosk config ``read_aloud = false``): the button goes, speech stops."""
        self.allowed = allowed
        self._language_changed()

    def available(self) -> bool:
        if not self.allowed:
            return False
        from ui.speech import speech_available

        return speech_available(self.window.hub.current())

    def _language_changed(self, _language: str | None = None) -> None:
        self.stop()
        self.button.setVisible(self.available())
        self._show(False)

    def speaking(self) -> bool:
        return self.speaker is not None and self.speaker.is_speaking()

    def toggle(self) -> None:
        if self.speaking():
            self.stop()
            return
        self.speak()

    def speak(self) -> None:
        if not self.available():
            self._show(False)
            return
        if self.speaker is None:
            from ui.speech.speaker import Speaker

            self.speaker = Speaker(on_finished=lambda uid, _completed: self._finished.emit(uid))
        text = self.window.navigator.current().spoken_text()
        self.utterance = self.speaker.speak(text, self.window.hub.current())
        self._show(True)
        log.info("read aloud started")

    def stop(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()
        self._show(False)

    def _done(self, utterance: int) -> None:
        if utterance == self.utterance:  # a late "finished" of an earlier utterance changes nothing
            self._show(False)

    def _show(self, speaking: bool) -> None:
        self.button.blockSignals(True)
        self.button.setChecked(speaking)
        self.button.blockSignals(False)
        text = _("Stop reading") if speaking else _("Read aloud")
        self.button.setText(text)
        self.button.setAccessibleName(text if speaking else _("Read this screen aloud"))
