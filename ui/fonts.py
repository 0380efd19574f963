"""Finds a font that covers Japanese and makes it the application font; says so clearly when there is none."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parent / "fonts"
BUNDLED_FAMILY = "Screener Sans JP"  # made by tools/build_font.py; its character map has no radical entries
# Preferred families, best first: the bundled one, then what the README's set-up installs on Debian.
PREFERRED_FAMILIES = (
    BUNDLED_FAMILY,
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "Source Han Sans JP",
)
PROBE_TEXT = "日本語のあアカ"  # characters the bundled subset always has
MISSING_FONT_MESSAGE = (
    "No Japanese font is installed, so Japanese text would show as empty boxes. "
    "Staff: install one (Debian: apt-get install fonts-noto-cjk) and restart the app."
)


class FontChoice(NamedTuple):
    family: str | None  # None: no font covers Japanese
    message: str | None  # for staff, in English, when something is wrong


def covers(font: QFont, text: str) -> bool:
    """True when the font itself (not a fallback) has a glyph for every character."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text if not ch.isspace())


@cache
def load_bundled_fonts() -> tuple[str, ...]:
    """Register the bundled font files with Qt (once); returns the families they brought."""
    families: list[str] = []
    for path in sorted(BUNDLED_DIR.glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the bundled font %s", path.name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(dict.fromkeys(families))


def choose_japanese_font() -> FontChoice:
    japanese = [*load_bundled_fonts(), *QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)]
    candidates = [f for f in PREFERRED_FAMILIES if f in japanese] + [f for f in japanese if f not in PREFERRED_FAMILIES]
    for family in candidates:
        if covers(QFont(family), PROBE_TEXT):
            return FontChoice(family=family, message=None)
    log.error(MISSING_FONT_MESSAGE)
    return FontChoice(family=None, message=MISSING_FONT_MESSAGE)


def application_font(choice: FontChoice, point_size: float) -> QFont:
    font = QFont(choice.family) if choice.family else QFont()
    font.setPointSizeF(point_size)
    return font
