"""The content version and the fingerprint of what it covers: questions, reference table, scoring and wording.

The fingerprint is a hash of the content itself, not of file dates: the reference table, the question definitions,
the scoring rules and every message of both catalogs. A test compares it with the one recorded beside the version,
so the content cannot change while the version stays the same.
"""

from __future__ import annotations

import ast
import hashlib
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from locales import DOMAIN, LOCALE_DIR
from screener.languages import CODES

_PACKAGE = Path(__file__).resolve().parent
# Source files whose text is content: the questions, the rules that turn answers into levels.
CONTENT_MODULES = ("questions.py", "question_labels.py", "scoring.py")


@cache
def _record() -> dict[str, str]:
    text = resources.files("screener").joinpath("data/content.toml").read_text(encoding="utf-8")
    return {key: str(value) for key, value in tomllib.loads(text).items()}


def content_version() -> str:
    return _record()["version"]


def recorded_fingerprint() -> str:
    return _record()["fingerprint"]


def _catalog_messages(language: str) -> list[str]:
    """Every msgid and msgstr of a catalog, in order, without the header (which carries dates)."""
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    lines = []
    for message in catalog:
        if message.id:
            lines.append(repr((message.context, message.id, message.string)))
    return sorted(lines)


def fingerprint() -> str:
    """A hash of the content the version covers (needs the .po files, so it runs from a checkout)."""
    digest = hashlib.sha256()
    digest.update((_PACKAGE / "data" / "reference.toml").read_bytes())
    for name in CONTENT_MODULES:
        # The syntax tree, not the text: reformatting or a comment is not a content change; a rule or number is.
        tree = ast.parse((_PACKAGE / name).read_text(encoding="utf-8"))
        digest.update(ast.dump(tree, include_attributes=False).encode("utf-8"))
    for language in CODES:
        for line in _catalog_messages(language):
            digest.update(line.encode("utf-8"))
    return digest.hexdigest()[:16]
