"""Speech synthesis to 16-bit mono PCM in memory: Japanese with Open JTalk (pyopenjtalk-plus), English with
Debian's espeak-ng. Nothing is written to disk; ``screener say`` is the only caller that saves a WAV, on request.

Open JTalk reads kanji by its dictionary (「腎臓の働きが低下している」 is ジンゾーノハタラキガテーカシテイル);
espeak-ng's own Japanese cannot read kanji, which is why the two engines are used.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import threading
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from types import ModuleType

from ui.speech.text import pieces, spoken_text

ESPEAK = "espeak-ng"
ENGLISH_VOICE = "en-us"  # the English screens use US wording and units
ENGLISH_WORDS_PER_MINUTE = 150  # espeak-ng's 175 is brisk for older listeners
ENGLISH_RATE = 22050  # espeak-ng's voices all speak at this rate
JAPANESE_RATE = 48000  # the mei voice bundled with pyopenjtalk-plus
JAPANESE_SPEED = 1.0
# Open JTalk's samples go past 16 bits (peaks near ±49,000 on the catalogs): halve them, clip what is left.
JAPANESE_GAIN = 0.5
# Engines pad each piece with silence (Open JTalk ~360 ms before). Trimmed so speech starts at once, then a
# pause of our own: longer after a sentence than after a comma where a long first sentence was cut.
SILENCE_LEVEL = 300  # of 32,767: below this a sample counts as silence
LEAD_MS = 20
SENTENCE_PAUSE_MS = 300
CLAUSE_PAUSE_MS = 120
LANGUAGES = ("ja", "en")
ESPEAK_TIMEOUT_S = 30


class SpeechUnavailableError(RuntimeError):
    """The engine for a language is not installed, or the language is not one this app speaks."""


@dataclass(frozen=True)
class Audio:
    """16-bit little-endian mono PCM and its sampling rate."""

    pcm: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


def engine_installed(language: str) -> bool:
    """Whether the engine for ``language`` is installed (cheap: nothing is imported or started)."""
    try:
        if language == "ja":
            return find_spec("pyopenjtalk") is not None and find_spec("numpy") is not None
        if language == "en":
            return shutil.which(ESPEAK) is not None
    except (ImportError, ValueError):  # a package that is present but broken
        return False
    return False


def sample_rate(language: str) -> int:
    _check_language(language)
    return JAPANESE_RATE if language == "ja" else ENGLISH_RATE


def prepare(language: str) -> None:
    """Load the engine now (Open JTalk: ~0.15 s import), so the first press of the button is as fast as the rest."""
    synthesize_piece("あ" if language == "ja" else "a", language)


def synthesize_piece(piece: str, language: str) -> Audio:
    """One piece of spoken text (from :func:`ui.speech.text.pieces`) as PCM, engine padding left as it is.

    Raises:
        SpeechUnavailableError: The engine is missing or the language unknown.
    """
    _check_language(language)
    if language == "ja":
        return _japanese(piece)
    return _english(piece)


def stream(text: str, language: str, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Audio]:
    """Audio for ``text`` as shown on screen, one piece at a time, ready to be played back to back.

    Args:
        text: The screen text (marks and units are put into words here).
        language: "ja" or "en".
        cancelled: Asked before each piece; when it turns True no further piece is synthesized.

    Yields:
        Trimmed audio for each piece, with the pause that should follow it included.
    """
    _check_language(language)
    found = pieces(spoken_text(text, language), language)
    for index, piece in enumerate(found):
        if cancelled():
            return
        audio = synthesize_piece(piece, language)
        last = index == len(found) - 1
        pause = 0 if last else CLAUSE_PAUSE_MS if piece.endswith(("、", ",")) else SENTENCE_PAUSE_MS
        yield trimmed(audio, pause)


def synthesize(text: str, language: str) -> Audio:
    """All of ``text`` as one piece of audio: exactly what the speaker plays for it."""
    parts = list(stream(text, language))
    return Audio(b"".join(a.pcm for a in parts), sample_rate(language))


def trimmed(audio: Audio, pause_ms: int) -> Audio:
    """``audio`` with its silence cut to ``LEAD_MS`` before and ``pause_ms`` after the speech."""
    samples = memoryview(audio.pcm).cast("h")
    first = next(_scan(samples, range(len(samples))), None)
    if first is None:
        return Audio(b"", audio.rate)
    last = next(_scan(samples, range(len(samples) - 1, -1, -1)))
    start = max(0, first - audio.rate * LEAD_MS // 1000)
    pad = bytes(2 * (audio.rate * pause_ms // 1000))
    return Audio(audio.pcm[2 * start : 2 * (last + 1)] + pad, audio.rate)


def wav_bytes(audio: Audio) -> bytes:
    """``audio`` as a WAV file's bytes (for ``screener say``; the speaker plays raw PCM)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(audio.rate)
        out.writeframes(audio.pcm)
    return buffer.getvalue()


def _scan(samples: memoryview, order: range) -> Iterator[int]:
    for i in order:
        if abs(samples[i]) > SILENCE_LEVEL:
            yield i
            return


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise SpeechUnavailableError(f"no speech for language {language!r}; choose one of {', '.join(LANGUAGES)}")


_import_lock = threading.Lock()
_openjtalk: ModuleType | None = None


def _pyopenjtalk() -> ModuleType:
    """pyopenjtalk, imported once. Its import prints a note about an optional model to standard output, which
    would spoil ``screener say``'s output and the app's; it is swallowed."""
    global _openjtalk
    with _import_lock:
        if _openjtalk is None:
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    import pyopenjtalk
            except ImportError as exc:
                raise SpeechUnavailableError(
                    f"Japanese speech is not installed (pip install '.[speech]'): {exc}"
                ) from None
            _openjtalk = pyopenjtalk
        return _openjtalk


def _japanese(piece: str) -> Audio:
    import numpy as np

    samples, rate = _pyopenjtalk().tts(piece, speed=JAPANESE_SPEED)
    if rate != JAPANESE_RATE:
        raise SpeechUnavailableError(f"Open JTalk's voice speaks at {rate} Hz, not {JAPANESE_RATE} Hz")
    pcm = np.clip(samples * JAPANESE_GAIN, -32768, 32767).astype("<i2").tobytes()
    return Audio(pcm, rate)


def _english(piece: str) -> Audio:
    command = [ESPEAK, "-v", ENGLISH_VOICE, "-s", str(ENGLISH_WORDS_PER_MINUTE), "--stdout", "--", piece]
    try:
        done = subprocess.run(command, capture_output=True, timeout=ESPEAK_TIMEOUT_S, check=False)
    except FileNotFoundError:
        raise SpeechUnavailableError("English speech needs espeak-ng (apt install espeak-ng)") from None
    if done.returncode != 0:
        problem = done.stderr.decode(errors="replace").strip().splitlines()
        raise SpeechUnavailableError(f"espeak-ng failed ({done.returncode}): {problem[-1] if problem else ''}")
    audio = _pcm_of_wav_stream(done.stdout)
    if audio.rate != ENGLISH_RATE:
        raise SpeechUnavailableError(f"espeak-ng speaks at {audio.rate} Hz, not {ENGLISH_RATE} Hz")
    return audio


def _pcm_of_wav_stream(data: bytes) -> Audio:
    """espeak-ng's --stdout WAV: written as a stream, its sizes are placeholders, so the chunks are walked by hand."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechUnavailableError("espeak-ng did not write WAV")
    offset, rate = 12, 0
    while offset + 8 <= len(data):
        name, size = data[offset : offset + 4], int.from_bytes(data[offset + 4 : offset + 8], "little")
        body = offset + 8
        if name == b"fmt ":
            channels = int.from_bytes(data[body + 2 : body + 4], "little")
            rate = int.from_bytes(data[body + 4 : body + 8], "little")
            bits = int.from_bytes(data[body + 14 : body + 16], "little")
            if (channels, bits) != (1, 16):
                raise SpeechUnavailableError(f"espeak-ng wrote {channels} channels of {bits} bits; expected mono 16")
        elif name == b"data":
            pcm = data[body:]
            return Audio(pcm[: len(pcm) // 2 * 2], rate)
        offset = body + size + (size & 1)
    raise SpeechUnavailableError("espeak-ng wrote no audio")
