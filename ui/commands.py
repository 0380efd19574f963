"""Registers the subcommands that need Qt (tour, summary, kiosk tools); Qt is imported only when one runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

SubParsers = Any  # argparse's _SubParsersAction is private


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, got {text!r}") from None
    return width, height


def _cmd_tour(args: argparse.Namespace) -> int:
    from screener.cli import load_answers
    from ui.tour import run_tour

    answers = load_answers(args.answers)
    written = run_tour(answers, args.lang or "en", args.out, _size(args.size), args.large_text, args.full_result)
    for path in written:
        print(path)
    return 0


def _register_tour(sub: SubParsers) -> None:
    tour = sub.add_parser("tour", help="save a PNG of every wizard page filled with an answers file")
    tour.add_argument("--answers", required=True, metavar="FILE", help="answers JSON file")
    tour.add_argument("--lang", choices=("ja", "en"), default="en")
    tour.add_argument("--out", required=True, type=Path, metavar="DIR")
    tour.add_argument("--size", default="1280x800", help="window size, e.g. 1024x768")
    tour.add_argument("--large-text", action="store_true", help="use the large-text mode")
    tour.add_argument("--full-result", action="store_true", help="also save the whole result page, unscrolled")
    tour.set_defaults(handler=_cmd_tour)


def _cmd_summary(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from screener.cli import CliError, load_answers
    from screener.i18n import set_language
    from screener.scoring import default_region_for_language, score
    from ui.app import create_app
    from ui.summary import SummaryError, default_paper, write_pdf

    language = args.lang or "en"
    answers = load_answers(args.file)
    create_app()
    set_language(language)
    result = score(answers, region=args.region or default_region_for_language(language))
    try:
        write_pdf(args.output, result, answers, args.paper or default_paper(language))
    except SummaryError as exc:
        raise CliError([str(exc)]) from None
    print(args.output)
    return 0


def _register_summary(sub: SubParsers) -> None:
    summary = sub.add_parser("summary", help="write the one-page summary for staff as a PDF, without a window")
    summary.add_argument("file", metavar="FILE|-", help="answers JSON file, or - for standard input")
    summary.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf")
    summary.add_argument("--lang", choices=("ja", "en"), default=None, help="language (default: en)")
    summary.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: A4 for ja, Letter for en)")
    summary.add_argument("--region", choices=("jp", "us"), help="reference intakes (default: from the language)")
    summary.set_defaults(handler=_cmd_summary)


def register_commands() -> list[Callable[[SubParsers], None]]:
    return [_register_tour, _register_summary]
