"""Read-aloud: every catalog string is spoken audibly and at a plausible length, the speaker plays what
``screener say`` writes, stop() silences at once and cancels the rest, nothing is written to disk, and missing
speech shows as "not available" (exit status 2 for ``screener say``), never as a crash.

Audio goes to ALSA's ``null`` device (SCREENER_AUDIO_DEVICE), which takes samples as fast as they come.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from babel.messages.pofile import read_po

from locales import DOMAIN, LOCALE_DIR
from screener.cli import main
from tests.ui.test_kiosk_privacy import snapshot
from tests.without_qt import run_without
from ui.speech import speech_available, synth
from ui.speech.player import AUDIO_DEVICE_ENV, Player
from ui.speech.speaker import Speaker
from ui.speech.text import spoken_text

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 60  # only guards against a hang; no test measures time
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
# Audible: RMS of 16-bit samples above about -36 dBFS. The catalogs' quietest string measures ~1,450 (ja) and
# ~2,200 (en); silence or a click measures near 0.
RMS_FLOOR = 500
# Plausible length, calibrated on both catalogs (2026-11): per character said (letters, kana, kanji, digits)
# Japanese takes 84-440 ms and English 62-260 ms, the high end from short strings, digits ("1997") and latin
# letters read one by one, plus a pause at each punctuation mark. The bounds leave room for another engine
# build, and still catch a string that is cut short, read as symbols or swallowed.
MIN_MS_PER_CHAR = {"ja": 50, "en": 35}
MAX_MS = {"ja": (600, 300, 500), "en": (600, 200, 500)}  # fixed + per character + per pause
PAUSE = re.compile(r"[、。，,.;:：？?！!（）()「」・\n]")


@pytest.fixture(autouse=True)
def _null_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(AUDIO_DEVICE_ENV, "null")


def catalog_strings(language: str) -> list[str]:
    """Every translated string of a catalog (each plural form), placeholders filled as the UI would."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle)
    found: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [PLACEHOLDER.sub("12", form) for form in forms if form]
    return found


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def plausible(text: str, audio: synth.Audio, language: str) -> str | None:
    """None if ``audio`` is audible and of a plausible length for ``text``, else what is wrong."""
    said = spoken_text(text, language)
    chars = sum(1 for ch in said if ch.isalnum())
    fixed, per_char, per_pause = MAX_MS[language]
    low = MIN_MS_PER_CHAR[language] * chars
    high = fixed + per_char * chars + per_pause * len(PAUSE.findall(said))
    ms = audio.seconds * 1000
    loudness = rms(audio.pcm)
    if loudness < RMS_FLOOR:
        return f"{text!r}: too quiet (RMS {loudness:.0f})"
    if not low <= ms <= high:
        return f"{text!r}: {ms:.0f} ms for {chars} characters (expected {low}-{high} ms)"
    return None


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_catalog_string_is_spoken_audibly_at_a_plausible_length(language: str) -> None:
    """Each msgstr of the catalog (questions, choices, results, messages) gives audible speech whose length
    fits its number of characters; all problems are listed at once."""
    texts = catalog_strings(language)
    assert len(texts) > 200
    problems = [problem for text in texts if (problem := plausible(text, synth.synthesize(text, language), language))]
    assert problems == []


def test_plausibility_check_catches_silence_and_cut_speech() -> None:
    """The check used above fails on silence and on speech cut to a fraction of its text."""
    text = "ふだんの1週間に、お酒を何杯飲みますか？"
    audio = synth.synthesize(text, "ja")
    assert plausible(text, audio, "ja") is None
    assert "too quiet" in str(plausible(text, synth.Audio(bytes(len(audio.pcm)), audio.rate), "ja"))
    cut = synth.Audio(audio.pcm[: len(audio.pcm) // 4 // 2 * 2], audio.rate)
    assert "expected" in str(plausible(text, cut, "ja"))


def test_screener_say_writes_a_wav_of_what_the_speaker_plays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`screener say` writes a valid mono 16-bit WAV whose samples are exactly those the speaker hands the player."""
    text = "ふだんの1週間に、お酒を何杯飲みますか？1杯の目安：缶ビール1本（350 mL）。"
    out = tmp_path / "q.wav"
    assert main(["say", text, "--lang", "ja", "-o", str(out)]) == 0
    with wave.open(str(out), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, synth.JAPANESE_RATE)
        frames = wav.readframes(wav.getnframes())
    assert rms(frames) > RMS_FLOOR

    played = bytearray()
    original = Player.write

    def recording_write(self: Player, pcm: bytes) -> None:
        played.extend(pcm)
        original(self, pcm)

    monkeypatch.setattr(Player, "write", recording_write)
    finished: list[tuple[int, bool]] = []
    speaker = Speaker(on_finished=lambda uid, done: finished.append((uid, done)))
    uid = speaker.speak(text, "ja")
    assert speaker.wait(HANG_GUARD_S)
    assert finished == [(uid, True)]
    assert bytes(played) == frames


def test_screener_say_refuses_an_unknown_language_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown --lang is exit status 2 with one line naming it, and no file."""
    out = tmp_path / "x.wav"
    assert main(["say", "bonjour", "--lang", "fr", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'fr'" in err[0]
    assert not out.exists()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_screener_say_without_speech_installed_is_one_line_and_status_2(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without pyopenjtalk (ja) or espeak-ng (en), `screener say` says what to install, in one line, status 2."""
    monkeypatch.setattr(synth, "find_spec", lambda name: None)
    monkeypatch.setattr(synth.shutil, "which", lambda name: None)
    out = tmp_path / "x.wav"
    assert main(["say", "hello", "--lang", language, "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not installed" in err[0]
    assert not out.exists()


def test_speech_is_available_here_and_not_when_a_part_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """speech_available is True with everything installed, and False (never raising) when the engine, the
    player or the audio device is missing, or the language is unknown."""
    assert speech_available("ja") and speech_available("en")
    assert not speech_available("fr")
    monkeypatch.setenv(AUDIO_DEVICE_ENV, "no-such-device")
    assert not speech_available("en")
    monkeypatch.setenv(AUDIO_DEVICE_ENV, "null")

    def broken(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(synth, "find_spec", broken)
    assert not speech_available("ja")
    monkeypatch.setattr(synth.shutil, "which", lambda name: None)
    assert not speech_available("en")


def player_children() -> list[int]:
    """Process ids of aplay processes started by this test process (running or not yet reaped)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        if name == "aplay" and int(rest[1]) == os.getpid():
            found.append(int(entry.name))
    return found


@pytest.fixture
def counted_pieces(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The pieces synthesized so far, in order."""
    made: list[str] = []
    original = synth.synthesize_piece

    def counting(piece: str, language: str) -> synth.Audio:
        made.append(piece)
        return original(piece, language)

    monkeypatch.setattr(synth, "synthesize_piece", counting)
    yield made


LONG_TEXT = "。".join(f"これは{n}番目の文で、読み上げを止めるための長い文章です" for n in range(40)) + "。"


def test_stop_kills_the_player_at_once_and_cancels_the_rest(counted_pieces: list[str]) -> None:
    """stop() during a long utterance: the player process is gone when stop() returns, no further piece is
    synthesized, and the utterance reports that it did not finish."""
    started, finished = threading.Event(), threading.Event()
    results: list[tuple[int, bool]] = []

    def on_finished(uid: int, completed: bool) -> None:
        results.append((uid, completed))
        finished.set()

    speaker = Speaker(on_started=lambda uid: started.set(), on_finished=on_finished)
    uid = speaker.speak(LONG_TEXT, "ja")
    assert started.wait(HANG_GUARD_S)
    assert len(player_children()) == 1 and speaker.is_speaking()
    speaker.stop()
    assert player_children() == []
    assert not speaker.is_speaking()
    assert finished.wait(HANG_GUARD_S)
    assert results == [(uid, False)]
    made = len(counted_pieces)
    assert made < 10  # of 41 pieces
    assert speaker.wait(HANG_GUARD_S)
    assert len(counted_pieces) == made


def test_speaking_again_stops_the_first_utterance(counted_pieces: list[str]) -> None:
    """A new speak() (next screen, other language) stops the one under way: only one player at a time, and the
    first reports that it did not finish while the second does."""
    results: list[tuple[int, bool]] = []
    done = threading.Event()

    def on_finished(uid: int, completed: bool) -> None:
        results.append((uid, completed))
        if len(results) == 2:
            done.set()

    started = threading.Event()
    speaker = Speaker(on_started=lambda uid: started.set(), on_finished=on_finished)
    first = speaker.speak(LONG_TEXT, "ja")
    assert started.wait(HANG_GUARD_S)
    second = speaker.speak("How old are you?", "en")
    assert len(player_children()) <= 1
    assert done.wait(HANG_GUARD_S)
    assert sorted(results) == [(first, False), (second, True)]
    assert counted_pieces[-1] == "How old are you?"
    assert player_children() == []


def test_stop_when_nothing_is_spoken_does_nothing() -> None:
    """stop() with nothing under way (a reset before any press) is harmless and reports nothing."""
    results: list[tuple[int, bool]] = []
    speaker = Speaker(on_finished=lambda uid, completed: results.append((uid, completed)))
    speaker.stop()
    assert not speaker.is_speaking() and results == []


def test_a_player_that_fails_ends_the_utterance_without_raising(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the device cannot be opened (busy, unplugged), the utterance ends as not finished; nothing raises."""
    monkeypatch.setenv(AUDIO_DEVICE_ENV, "no-such-device")
    results: list[tuple[int, bool]] = []
    speaker = Speaker(on_finished=lambda uid, completed: results.append((uid, completed)))
    uid = speaker.speak("How old are you?", "en")
    assert speaker.wait(HANG_GUARD_S)
    assert results == [(uid, False)]
    assert player_children() == []


NO_FILES_SCRIPT = """
import sys, threading
from ui.speech.speaker import Speaker
done = threading.Event()
results = []
speaker = Speaker(on_finished=lambda uid, completed: (results.append(completed), done.set()))
speaker.prepare("ja").join()
for text, language in [(sys.argv[1], "ja"), (sys.argv[2], "en")]:
    done.clear()
    speaker.speak(text, language)
    assert done.wait(60)
assert results == [True, True], results
print("spoken")
"""


def test_speaking_writes_no_file_in_home_temp_or_working_folder(tmp_path: Path) -> None:
    """A fresh process that loads both engines and speaks in both languages leaves the home, temp and working
    folders exactly as they were (audio goes from memory to the player)."""
    home, temp, work = tmp_path / "home", tmp_path / "temp", tmp_path / "work"
    for folder in (home, temp, work):
        folder.mkdir()
    (home / "existing.txt").write_text("left alone", encoding="utf-8")
    before = snapshot(home, temp, work)
    env = {
        **os.environ,
        "HOME": str(home),
        "TMPDIR": str(temp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        AUDIO_DEVICE_ENV: "null",
    }
    done = subprocess.run(
        [sys.executable, "-c", NO_FILES_SCRIPT, "腎臓の働きが低下していると言われたことがありますか？", "Yes. No."],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "spoken"
    assert snapshot(home, temp, work) == before


def test_speech_modules_import_without_qt() -> None:
    """The speech package never imports Qt (it runs in `screener say` and under any UI): every module imports
    with PySide6 blocked."""
    done = run_without(
        "import ui.speech, ui.speech.command, ui.speech.player, ui.speech.speaker, ui.speech.synth, ui.speech.text\n"
        "ui.speech.synth.synthesize('はい', 'ja')\n"
    )
    assert done.returncode == 0, done.stderr
