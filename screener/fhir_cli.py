"""``screener fhir questionnaire|response|answers``: the FHIR export and import on the command line, without Qt.

Each command prints JSON on standard output. Bad input gets one line per problem on standard error and exit
status 2, as every other command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from screener.result import REGIONS

SubParsers = Any  # argparse's _SubParsersAction is private


def _cmd_questionnaire(args: argparse.Namespace) -> int:
    from screener.cli import language_from
    from screener.fhir import questionnaire_json

    print(questionnaire_json(language_from(args)))
    return 0


def _cmd_response(args: argparse.Namespace) -> int:
    from screener.cli import language_from, load_answers
    from screener.fhir import response_json
    from screener.i18n import negotiate_region, set_language
    from screener.scoring import score

    language = language_from(args)
    answers = load_answers(args.file)
    result = score(answers, region=args.region or negotiate_region())
    set_language(language)
    print(response_json(answers, result))
    return 0


def read_bounded(source: str, limit: int) -> str:
    """The text of a file or standard input, reading at most ``limit`` bytes and one more to tell it is too big."""
    from screener.cli import CliError

    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
        else:
            with Path(source).open("rb") as handle:
                raw = handle.read(limit + 1)
    except OSError as exc:
        raise CliError([f"{source}: cannot read: {exc.strerror or exc}"]) from None
    if len(raw) > limit:
        raise CliError([f"{source}: larger than {limit:,} bytes; this is not a response of this check"])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError([f"{source}: not UTF-8 text (byte {exc.start})"]) from None


def _cmd_answers(args: argparse.Namespace) -> int:
    import json

    from screener.cli import CliError
    from screener.fhir_reading import MAX_BYTES, ResponseError, read_response

    text = read_bounded(args.file, MAX_BYTES)
    try:
        answers = read_response(text)
    except ResponseError as exc:
        raise CliError([f"{args.file}: {problem}" for problem in exc.problems]) from None
    print(json.dumps(answers.model_dump(exclude_none=True), ensure_ascii=False, indent=2))
    return 0


def register_fhir(sub: SubParsers) -> None:
    """Add ``fhir`` and its three commands to the ``screener`` parser."""
    fhir = sub.add_parser("fhir", help="the check as a FHIR Questionnaire; answers to and from a QuestionnaireResponse")
    commands = fhir.add_subparsers(dest="fhir_command", metavar="COMMAND", required=True)
    lang = {"choices": ("ja", "en"), "default": argparse.SUPPRESS, "help": "language (default: from the system locale)"}

    questionnaire = commands.add_parser("questionnaire", help="print the FHIR R4 Questionnaire of this check")
    questionnaire.add_argument("--lang", **lang)
    questionnaire.set_defaults(handler=_cmd_questionnaire)

    response = commands.add_parser(
        "response", help="print the QuestionnaireResponse of an answers file, with its result"
    )
    response.add_argument("file", metavar="FILE|-", help="answers JSON file, or - for standard input")
    response.add_argument("--lang", **lang)
    response.add_argument(
        "--region", choices=REGIONS, help="reference intakes (default: from the system locale; never from --lang)"
    )
    response.set_defaults(handler=_cmd_response)

    answers = commands.add_parser("answers", help="read a QuestionnaireResponse back into answers JSON")
    answers.add_argument("file", metavar="FILE|-", help="QuestionnaireResponse JSON file, or - for standard input")
    answers.set_defaults(handler=_cmd_answers)
