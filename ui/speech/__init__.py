"""Read-aloud (issue 17): the questions and choices spoken in the language shown, offline, from memory.

No Qt here. The modules, imported where they are used so that ``screener`` commands start no slower:

- :mod:`ui.speech.speaker`: ``Speaker`` for the wizard's speaker button (speak, stop, callbacks).
- :mod:`ui.speech.synth`: synthesis to PCM in memory (Open JTalk for Japanese, espeak-ng for English).
- :mod:`ui.speech.player`: playback from memory through ALSA's ``aplay``.
- :mod:`ui.speech.text`: what is said for what is shown (marks dropped, units in words).
- :mod:`ui.speech.command`: ``screener say``.

Speech is an optional extra (``pip install '.[speech]'`` plus Debian's ``espeak-ng`` and ``alsa-utils``);
:func:`speech_available` tells the UI whether to show the button at all.
"""

from __future__ import annotations


def speech_available(language: str) -> bool:
    """Whether text in ``language`` can be read aloud here: its engine and the player are installed and the
    audio device opens. Never raises; cheap after the first call (no engine is loaded, the device probe is
    cached), so the UI can ask on every language switch.
    """
    try:
        from ui.speech.player import player_works
        from ui.speech.synth import engine_installed

        return engine_installed(language) and player_works()
    except Exception:  # a broken install must hide the button, never break the screen
        return False
