"""``screener fhir questionnaire|response|answers``: the FHIR export and import on the command line, without Qt.

Each command prints JSON on standard output. Bad input gets one line per problem on standard error and exit
status 2, as every other command.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from screener.languages import CODES
from screener.result import REGIONS

SubParsers = Any  # argparse's _SubParsersAction is private


def _cmd_questionnaire(args: argparse.Namespace) -> int:
    from screener.fhir import questionnaire_json
    from screener.i18n import language_from

    print(questionnaire_json(language_from(getattr(args, "lang", None))))
    return 0


def _cmd_response(args: argparse.Namespace) -> int:
    from screener.fhir import response_json
    from screener.i18n import language_from, negotiate_region, set_language
    from screener.loading import load_answers
    from screener.scoring import score

    language = language_from(getattr(args, "lang", None))
    answers = load_answers(args.file)
    result = score(answers, region=getattr(args, "region", None) or negotiate_region())
    set_language(language)
    print(response_json(answers, result))
    return 0


def _cmd_answers(args: argparse.Namespace) -> int:
    import json

    from screener.errors import InputError, shown_path
    from screener.fhir_reading import MAX_BYTES, ResponseError, read_response
    from screener.loading import read_text

    text = read_text(args.file, MAX_BYTES, stdin_dash=True)  # bounded, never hangs, one line on a bad file
    try:
        answers, warnings = read_response(text, strict=args.strict)
    except ResponseError as exc:
        raise InputError([f"{shown_path(args.file)}: {problem}" for problem in exc.problems]) from None
    for warning in warnings:  # kept, and said: the clinic gets the response and knows what to check
        print(f"warning: {shown_path(args.file)}: {warning}", file=sys.stderr)
    print(json.dumps(answers.model_dump(exclude_none=True), ensure_ascii=False, indent=2))
    return 0


def register_fhir(sub: SubParsers) -> None:
    """Add ``fhir`` and its three commands to the ``screener`` parser."""
    fhir = sub.add_parser("fhir", help="the check as a FHIR Questionnaire; answers to and from a QuestionnaireResponse")
    commands = fhir.add_subparsers(dest="fhir_command", metavar="COMMAND", required=True)
    lang = {"choices": CODES, "default": argparse.SUPPRESS, "help": "language (default: from the system locale)"}

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
    answers.add_argument(
        "--strict", action="store_true", help="refuse a response with conflicting answers instead of warning"
    )
    answers.set_defaults(handler=_cmd_answers)
