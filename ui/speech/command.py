"""``screener say TEXT --lang ja|en -o OUT.wav``: the WAV the speaker button would play, for staff and tests."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

LANGUAGES = ("ja", "en")


def register_say(sub: Any) -> None:
    """Add ``say`` to the ``screener`` command's subparsers (argparse's private _SubParsersAction)."""
    say = sub.add_parser("say", help="write what read-aloud would speak for TEXT as a WAV file")
    say.add_argument("text", metavar="TEXT", help="text as shown on screen")
    # Not argparse choices: an unknown language is one line and exit status 2, like every other CLI problem.
    say.add_argument("--lang", default=argparse.SUPPRESS, help="ja or en (default: from the system locale)")
    say.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.wav")
    say.set_defaults(handler=_cmd_say)


def _cmd_say(args: argparse.Namespace) -> int:
    from screener.errors import InputError
    from screener.i18n import language_from

    language = language_from(getattr(args, "lang", None))
    if language not in LANGUAGES:
        raise InputError([f"--lang: no speech for {language!r}; choose ja or en"])
    from ui.speech.synth import SpeechUnavailableError, engine_installed, synthesize, wav_bytes

    if not engine_installed(language):
        need = "pip install '.[speech]'" if language == "ja" else "apt install espeak-ng"
        raise InputError([f"speech for {language} is not installed ({need})"])
    try:
        audio = synthesize(args.text, language)
    except SpeechUnavailableError as exc:
        raise InputError([str(exc)]) from None
    if not audio.pcm:
        raise InputError(["TEXT has nothing to say"])
    try:
        args.output.write_bytes(wav_bytes(audio))
    except OSError as exc:
        raise InputError([f"{args.output}: cannot write: {exc.strerror or exc}"]) from None
    print(f"{args.output} ({audio.seconds:.1f} s)")
    return 0
