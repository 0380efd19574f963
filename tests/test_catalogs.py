"""Both catalogs are complete, current, compile cleanly, and keep every placeholder of their msgid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalog(language: str):  # type: ignore[no-untyped-def]
    with (ROOT / "locales" / language / "LC_MESSAGES" / "screener.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_catalogs_are_current_complete_and_not_fuzzy() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "catalogs.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", ["ja", "en"])
def test_placeholders_match(language: str) -> None:
    count = 0
    for message in catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for string in strings:
            assert sorted(set(PLACEHOLDER.findall(string))) == wanted, message.id
        count += 1
    assert count > 50


@pytest.mark.parametrize("language", ["ja", "en"])
def test_msgfmt_check_is_clean(language: str) -> None:
    po = ROOT / "locales" / language / "LC_MESSAGES" / "screener.po"
    done = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "untranslated" not in done.stderr and "fuzzy" not in done.stderr


def test_japanese_is_not_a_copy_of_the_english() -> None:
    for message in catalog("ja"):
        if message.id:
            string = message.string[0] if isinstance(message.string, tuple) else message.string
            assert string != (message.id[0] if isinstance(message.id, tuple) else message.id) or len(string) < 4
