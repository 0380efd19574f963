"""The speaker button's engine: speak a screen's text in the background, stop it at once, say when it is done.

One utterance at a time. :meth:`Speaker.speak` returns at once: a worker thread starts the player, synthesizes
the text piece by piece (the first sentence plays while the next is made) and writes each piece to the player.
:meth:`Speaker.stop` kills the player (the sound stops at once) and no further piece is synthesized.

Callbacks run on the worker thread. A Qt UI should forward them through a signal (a queued connection) and
compare the utterance id with the one it is showing, because a late "finished" can arrive after a new utterance
has started.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ui.speech import synth
from ui.speech.player import Player, PlayerError

log = logging.getLogger(__name__)

StartedCallback = Callable[[int], None]
FinishedCallback = Callable[[int, bool], None]


@dataclass
class _Utterance:
    id: int
    text: str
    language: str
    cancelled: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    player: Player | None = None
    thread: threading.Thread | None = None


class Speaker:
    """Reads text aloud, one utterance at a time, from memory.

    Args:
        on_started: Called with the utterance id when its first audio has been handed to the player.
        on_finished: Called exactly once per utterance, after its player is gone, with the id and True if it was
            read to the end, False if it was stopped or failed.
        device: ALSA device; None means ``SCREENER_AUDIO_DEVICE`` or ALSA's default.
    """

    def __init__(
        self,
        on_started: StartedCallback | None = None,
        on_finished: FinishedCallback | None = None,
        device: str | None = None,
    ) -> None:
        self.on_started = on_started
        self.on_finished = on_finished
        self.device = device
        self._lock = threading.Lock()
        self._current: _Utterance | None = None
        self._latest: _Utterance | None = None  # kept after stop(), so wait() can wait for its worker
        self._last_id = 0

    def speak(self, text: str, language: str) -> int:
        """Stop whatever is being read, then read ``text`` (screen text in ``language``, "ja" or "en").

        Returns:
            The utterance's id, as passed to the callbacks.
        """
        self.stop()
        with self._lock:
            self._last_id += 1
            utterance = _Utterance(self._last_id, text, language)
            self._current = self._latest = utterance
        utterance.thread = threading.Thread(target=self._run, args=(utterance,), name="speech", daemon=True)
        utterance.thread.start()
        return utterance.id

    def stop(self) -> None:
        """Stop reading now: the player is killed before this returns and no further piece is synthesized."""
        with self._lock:
            utterance, self._current = self._current, None
        if utterance is None:
            return
        with utterance.lock:
            utterance.cancelled.set()
            player = utterance.player
        if player is not None:
            player.kill()

    def is_speaking(self) -> bool:
        """Whether an utterance is under way (being synthesized or played)."""
        with self._lock:
            return self._current is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the latest utterance's worker has ended, stopped or not (for scripts and tests).

        Returns:
            True if it has ended (its ``on_finished`` has returned).
        """
        with self._lock:
            utterance = self._latest
        if utterance is None or utterance.thread is None:
            return True
        utterance.thread.join(timeout)
        return not utterance.thread.is_alive()

    def prepare(self, language: str) -> threading.Thread:
        """Load the engine for ``language`` in the background, so the first press is as quick as later ones."""

        def load() -> None:
            try:
                synth.prepare(language)
            except Exception as exc:  # a missing engine shows when speaking; here it is only logged
                log.warning("speech engine for %s could not be loaded: %s", language, exc)

        thread = threading.Thread(target=load, name="speech-prepare", daemon=True)
        thread.start()
        return thread

    def _run(self, utterance: _Utterance) -> None:
        completed = False
        try:
            completed = self._play(utterance)
        except (synth.SpeechUnavailableError, PlayerError) as exc:
            if not utterance.cancelled.is_set():
                log.warning("read-aloud failed: %s", exc)
        except Exception:  # the worker must always report its end, whatever went wrong
            log.exception("read-aloud failed")
        finally:
            with utterance.lock:
                player = utterance.player
            if player is not None:
                player.kill()
            with self._lock:
                if self._current is utterance:
                    self._current = None
            log.info("read-aloud %s", "finished" if completed else "stopped")
            if self.on_finished is not None:
                self.on_finished(utterance.id, completed)

    def _play(self, utterance: _Utterance) -> bool:
        with utterance.lock:
            if utterance.cancelled.is_set():
                return False
            # Started before the first piece is synthesized: opening the device overlaps with synthesis.
            player = utterance.player = Player(synth.sample_rate(utterance.language), self.device)
        started = False
        for audio in synth.stream(utterance.text, utterance.language, utterance.cancelled.is_set):
            if utterance.cancelled.is_set():
                return False
            player.write(audio.pcm)
            if not started:
                started = True
                if self.on_started is not None:
                    self.on_started(utterance.id)
        if utterance.cancelled.is_set():
            return False
        player.finish()
        return not utterance.cancelled.is_set()
