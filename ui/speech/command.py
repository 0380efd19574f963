"""``screener say TEXT --lang ja|en -o OUT.wav``: the WAV the speaker button would play, for staff and tests.
``screener say --reading TEXT --lang ja|en``: what the engine will say, as text: the katakana reading Open JTalk
gives Japanese, the words espeak-ng is given for English, so a new word is checked in one command."""

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
    out = say.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", type=Path, metavar="OUT.wav")
    out.add_argument("--reading", action="store_true", help="print what will be said (katakana for ja) instead")
    say.set_defaults(handler=_cmd_say)


def _cmd_say(args: argparse.Namespace) -> int:
    from screener.errors import InputError
    from screener.i18n import language_from

    language = language_from(getattr(args, "lang", None))
    if language not in LANGUAGES:
        raise InputError([f"--lang: no speech for {language!r}; choose ja or en"])
    from ui.speech.synth import SpeechUnavailableError, engine_installed, synthesize, wav_bytes

    if args.reading and language == "en":
        from ui.speech.text import spoken_text

        print(spoken_text(args.text, language))
        return 0
    if not engine_installed(language):
        need = "pip install '.[speech]'" if language == "ja" else "apt install espeak-ng"
        raise InputError([f"speech for {language} is not installed ({need})"])
    if args.reading:
        print(reading(args.text))
        return 0
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


def reading(text: str) -> str:
    """Open JTalk's katakana for Japanese ``text`` as read-aloud gives it (after the reading table)."""
    from ui.speech.synth import _pyopenjtalk
    from ui.speech.text import spoken_text

    said = spoken_text(text, "ja")
    return "\n".join(str(_pyopenjtalk().g2p(line, kana=True)) for line in said.splitlines() if line)
