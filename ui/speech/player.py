"""Plays PCM from memory through ALSA's ``aplay``, fed on its standard input: no sound file is ever made.

Why aplay (alsa-utils): it is the one player that works both on a bare kiosk with no sound server (plain ALSA)
and on a desktop, where ALSA's ``default`` device goes through PipeWire or PulseAudio; ``pw-play`` and ``paplay``
need a running sound server, which a kiosk started by cage as its own user may not have. It reads raw PCM from
standard input, so audio goes from memory straight to the device, and killing it stops the sound at once.

The device comes from ``SCREENER_AUDIO_DEVICE`` (an ALSA PCM name such as ``hw:0``, ``plughw:1`` or ``null``);
unset means ALSA's ``default``. Tests use ``null``, which accepts samples and discards them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from functools import cache
from typing import IO

PLAYER = "aplay"
AUDIO_DEVICE_ENV = "SCREENER_AUDIO_DEVICE"
PROBE_TIMEOUT_S = 5


def audio_device() -> str | None:
    """The ALSA device chosen by ``SCREENER_AUDIO_DEVICE``, or None for ALSA's default."""
    return os.environ.get(AUDIO_DEVICE_ENV) or None


def player_command(rate: int, device: str | None) -> list[str]:
    """aplay reading 16-bit mono PCM at ``rate`` from standard input, quietly."""
    command = [PLAYER, "-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", str(rate)]
    if device:
        command += ["-D", device]
    return [*command, "-"]


def player_works(device: str | None = None) -> bool:
    """Whether aplay is installed and can open the device (checked once per device; never raises).

    A kiosk without a sound card fails here, so the UI hides the speaker button instead of showing a dead one.
    """
    return _player_works(device if device is not None else audio_device())


@cache
def _player_works(device: str | None) -> bool:
    if shutil.which(PLAYER) is None:
        return False
    try:
        done = subprocess.run(
            player_command(22050, device),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


class PlayerError(RuntimeError):
    """The player could not be started or stopped working; the message has its own words."""


class Player:
    """One aplay process for one utterance: write PCM as it is made, then :meth:`finish` or :meth:`kill`.

    Args:
        rate: Sampling rate of every piece written (one utterance is one language, so one rate).
        device: ALSA device; None means ``SCREENER_AUDIO_DEVICE`` or ALSA's default.
    """

    def __init__(self, rate: int, device: str | None = None) -> None:
        command = player_command(rate, device if device is not None else audio_device())
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        except OSError as exc:
            raise PlayerError(f"cannot start {PLAYER}: {exc.strerror or exc}") from None

    @property
    def pid(self) -> int:
        return self.process.pid

    def write(self, pcm: bytes) -> None:
        """Hand ``pcm`` to the player; blocks while the player's pipe is full (it plays in real time).

        Raises:
            PlayerError: The player has gone (killed by :meth:`kill`, or it failed).
        """
        try:
            self._stdin().write(pcm)
            self._stdin().flush()
        except (BrokenPipeError, ValueError, OSError):
            raise PlayerError(f"{PLAYER} stopped: {self._reason()}") from None

    def finish(self) -> None:
        """No more audio: let the player play what it holds and wait until it has.

        Raises:
            PlayerError: The player failed (e.g. the device is busy or missing).
        """
        with contextlib.suppress(OSError):  # the player may have gone already; wait() tells
            self._stdin().close()
        if self.process.wait() != 0:
            raise PlayerError(f"{PLAYER} failed: {self._reason()}")

    def kill(self) -> None:
        """Stop the sound now: the process is killed and reaped before this returns."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # a pipe whose reader is gone may fail to flush on close
                    stream.close()

    def _stdin(self) -> IO[bytes]:
        assert self.process.stdin is not None
        return self.process.stdin

    def _reason(self) -> str:
        self.process.poll()
        code = self.process.returncode
        if code is None:
            return "stopped reading"
        stderr = self.process.stderr
        lines = stderr.read().decode(errors="replace").strip().splitlines() if stderr and not stderr.closed else []
        return f"exit status {code}" + (f": {lines[-1]}" if lines else "")
