"""The speaker button reads the screen in the language shown, only when pressed, and stops on a second press, on
any move to another screen, on a language switch and on a reset (played into ALSA's null device here)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import answer_everything, next_screen, tap
from ui.shell.window import ScreenerWindow
from ui.speech import speech_available

pytestmark = pytest.mark.skipif(
    not (speech_available("en") and speech_available("ja")),
    reason="read-aloud needs pyopenjtalk-plus, espeak-ng and aplay (the README's test set-up installs them)",
)


def speaking(window: ScreenerWindow) -> bool:
    return window.read_aloud.speaking()


def start(qtbot: QtBot, window: ScreenerWindow) -> None:
    button = window.header.speak_button
    assert button.isVisible() and not button.isChecked()
    tap(qtbot, button)
    qtbot.waitUntil(lambda: speaking(window), timeout=3000)
    assert button.isChecked()


def test_pressing_reads_and_pressing_again_stops(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("stress")
    assert not speaking(window)  # nothing is said until the person asks
    start(qtbot, window)
    assert window.header.speak_button.text() == "Stop reading"
    text = window.navigator.current().spoken_text()
    assert "how often did you feel stressed" in text and "Most days" in text  # the question and its choices
    tap(qtbot, window.header.speak_button)
    assert not speaking(window) and not window.header.speak_button.isChecked()


def test_moving_to_another_screen_stops_it(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("kidney")
    start(qtbot, window)
    next_screen(qtbot, window)
    assert not speaking(window)


def test_switching_language_stops_it_and_reads_the_new_language_next(qtbot: QtBot, window: ScreenerWindow) -> None:
    start(qtbot, window)
    tap(qtbot, window.header.language_button)
    assert not speaking(window)
    start(qtbot, window)  # the Japanese screen is read in Japanese
    assert window.read_aloud.speaker is not None
    tap(qtbot, window.header.speak_button)


def test_a_reset_stops_it(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    next_screen(qtbot, window)
    start(qtbot, window)
    window.reset_session()
    assert not speaking(window)
    assert window.current_id() == "welcome"
