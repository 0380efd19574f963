"""The ``screener`` command: the app by default, and subcommands for scoring, the schema and tooling.

The entry point, and the one domain module allowed to reach ``ui``: it imports the Qt commands and the app only
inside functions, when one of them runs, so ``screener score`` starts fast and works without a display. Nothing in
``ui`` imports this module (import-linter contracts in pyproject.toml); what both need lives in the domain
(screener.loading, screener.errors, screener.i18n).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from screener.errors import InputError, capped
from screener.fhir_cli import register_fhir
from screener.languages import CODES
from screener.result import REGIONS

EXIT_OK, EXIT_USAGE = 0, 2


def _cmd_score(args: argparse.Namespace) -> int:
    from screener.i18n import language_from, negotiate_region, set_language
    from screener.loading import load_answers
    from screener.scoring import score

    language = language_from(getattr(args, "lang", None))
    answers = load_answers(args.file)
    result = score(answers, region=getattr(args, "region", None) or negotiate_region())
    if args.format == "json":
        print(result.model_dump_json(indent=2))
    else:
        from screener.text_report import render_text

        set_language(language)
        sys.stdout.write(render_text(result))
    return EXIT_OK


def _cmd_schema(_args: argparse.Namespace) -> int:
    from screener.answers import Answers

    print(json.dumps(Answers.model_json_schema(), indent=2))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screener",
        description="Magnesium self-check. Without a command, starts the questionnaire window.",
    )
    parser.add_argument("--lang", choices=CODES, help="language (default: from the system locale)")
    parser.add_argument("--kiosk", action="store_true", help="start in kiosk mode (full screen, unattended)")
    parser.add_argument("--config", type=Path, help="kiosk config file (TOML)")
    parser.add_argument(
        "--region", choices=REGIONS, help="reference intakes: jp or us (default: kiosk config, else the system locale)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    score = sub.add_parser("score", help="score an answers file and print the result")
    score.add_argument("file", metavar="FILE|-", help="answers JSON file, or - for standard input")
    score.add_argument("--format", choices=("json", "text"), default="json")
    score.add_argument(
        "--region",
        choices=REGIONS,
        default=argparse.SUPPRESS,
        help="reference intakes (default: from the system locale; never from --lang)",
    )
    # SUPPRESS: a --lang given before the command ("screener --lang ja score ...") is not reset by this one.
    score.add_argument("--lang", choices=CODES, default=argparse.SUPPRESS, help="language of --format text")
    score.set_defaults(handler=_cmd_score)

    schema = sub.add_parser("schema", help="print the JSON Schema of the answers")
    schema.set_defaults(handler=_cmd_schema)

    register_fhir(sub)

    for register in _optional_commands():
        register(sub)
    return parser


def _optional_commands() -> list[Callable[[Any], None]]:
    """Subcommands that live with the UI; they import Qt only when run."""
    from ui.commands import register_commands

    return list(register_commands())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from ui.app import run_app  # type: ignore[import-not-found,unused-ignore]

            return int(run_app(language=args.lang, kiosk=args.kiosk, config_path=args.config, region=args.region))
        return int(handler(args))
    except InputError as exc:
        for problem in capped(exc.problems):
            print(f"screener: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`screener fhir response a.json | head`): stop quietly, as other commands do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
