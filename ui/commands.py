"""Registers the subcommands that need Qt (tour, summary, kiosk tools); Qt is imported only when one runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from screener.languages import CODES

SubParsers = Any  # argparse's _SubParsersAction is private
# SUPPRESS on a command's --lang keeps one given before the command ("screener --lang ja tour ...").
LANG_HELP = "language (default: from the system locale)"


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, got {text!r}") from None
    return width, height


def _cmd_tour(args: argparse.Namespace) -> int:
    from screener.i18n import language_from
    from screener.loading import load_answers
    from ui.tour import run_tour

    answers = load_answers(args.answers)
    language = language_from(getattr(args, "lang", None))
    written = run_tour(
        answers,
        language,
        args.out,
        _size(args.size),
        args.large_text,
        args.full_result,
        getattr(args, "region", None),
        args.high_contrast,
    )
    for path in written:
        print(path)
    return 0


def _register_tour(sub: SubParsers) -> None:
    tour = sub.add_parser(
        "tour", help="tap through the wizard with an answers file: a PNG of every screen and manifest.json"
    )
    tour.add_argument("--answers", required=True, metavar="FILE", help="answers JSON file")
    tour.add_argument(
        "--lang", choices=CODES, default=argparse.SUPPRESS, help="language (default: from the system locale)"
    )
    tour.add_argument("--out", required=True, type=Path, metavar="DIR")
    tour.add_argument("--size", default="1280x800", help="window size, e.g. 1024x768")
    tour.add_argument("--large-text", action="store_true", help="use the large-text mode")
    tour.add_argument("--high-contrast", action="store_true", help="use the high-contrast mode")
    tour.add_argument("--full-result", action="store_true", help="also save the whole result page, unscrolled")
    tour.add_argument(
        "--region", choices=("jp", "us"), default=argparse.SUPPRESS, help="reference intakes (default: system locale)"
    )
    tour.set_defaults(handler=_cmd_tour)


def _cmd_summary(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from screener.errors import InputError
    from screener.i18n import language_from, negotiate_region, set_language
    from screener.loading import load_answers
    from screener.scoring import score
    from ui.app import create_app
    from ui.summary import SummaryError, default_paper, write_pdf

    language = language_from(getattr(args, "lang", None))
    answers = load_answers(args.file)
    create_app()
    set_language(language)
    result = score(answers, region=getattr(args, "region", None) or negotiate_region())
    try:
        write_pdf(args.output, result, answers, args.paper or default_paper(language))
    except SummaryError as exc:
        raise InputError([str(exc)]) from None
    print(args.output)
    return 0


def _register_summary(sub: SubParsers) -> None:
    summary = sub.add_parser("summary", help="write the one-page summary for staff as a PDF, without a window")
    summary.add_argument("file", metavar="FILE|-", help="answers JSON file, or - for standard input")
    summary.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf")
    summary.add_argument(
        "--lang", choices=CODES, default=argparse.SUPPRESS, help="language (default: from the system locale)"
    )
    summary.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: A4 for ja, Letter for en)")
    summary.add_argument(
        "--region",
        choices=("jp", "us"),
        default=argparse.SUPPRESS,
        help="reference intakes (default: from the system locale; never from --lang)",
    )
    summary.set_defaults(handler=_cmd_summary)


def _cmd_check_config(args: argparse.Namespace) -> int:
    from screener.errors import shown_path
    from ui.kiosk_config import load_config

    config = load_config(args.file)  # a ConfigError is an InputError: one line per problem, exit status 2
    print(
        f"{shown_path(args.file)}: OK (language {config.default_language}, idle {config.idle_timeout_seconds} s, "
        f"result reset {config.result_reset_seconds} s)"
    )
    return 0


def _register_check_config(sub: SubParsers) -> None:
    check = sub.add_parser("check-config", help="check a kiosk config file and report every problem")
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(handler=_cmd_check_config)


def _cmd_hash_pin(_args: argparse.Namespace) -> int:
    import getpass
    import sys

    from screener.errors import InputError
    from ui.pin import PinError, hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("Staff PIN (4 to 12 digits): ")
        if getpass.getpass("Again: ") != pin:
            raise InputError(["the two PINs differ; nothing was made"])
    else:
        pin = sys.stdin.readline(100).strip()  # bounded: a stream without newlines (/dev/zero) cannot hang it
    try:
        print(f'pin_hash = "{hash_pin(pin)}"')
    except PinError as exc:
        raise InputError([str(exc)]) from None
    return 0


def _register_hash_pin(sub: SubParsers) -> None:
    pin = sub.add_parser("hash-pin", help="make the salted hash of a staff PIN for the kiosk config")
    pin.set_defaults(handler=_cmd_hash_pin)


def register_commands() -> list[Callable[[SubParsers], None]]:
    from ui.speech.command import register_say

    return [_register_tour, _register_summary, _register_check_config, _register_hash_pin, register_say]
