"""Every language the person can answer in, and what each needs: one table, read by everything that used to test
for "ja" or "en" (the catalogs, number and date formats, Qt's locale, the default paper and region, how text is
joined and counted, and the language control's label).

To add a language: add a row here, run ``python tools/catalogs.py`` (it makes the catalog from this table) and
translate it completely; a language whose catalog is incomplete or missing is refused by ``screener.i18n`` with a
message, never shown half in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from screener.ids import Region

Paper = Literal["A4", "Letter"]


@dataclass(frozen=True)
class Language:
    code: str  # the catalog's name (locales/CODE/LC_MESSAGES) and the --lang value
    own_name: str  # in its own script, for the language control: "日本語", "English"
    babel_locale: str  # numbers and dates
    qt_locale: str  # Qt's own strings and QLocale
    paper: Paper  # the summary's default paper
    region: Region  # the reference intakes, foods and drinks when nothing else says
    counted_in: Literal["characters", "words"]  # the reading model's unit (screener/reading.py)
    sentence_gap: str  # between two sentences: "" in Japanese, " " in English
    full_stop: str  # a sentence's end
    list_gap: str  # between the parts of a run-on answer ("Leafy greens: 2 times a week; Nuts: …")
    qt_translations: bool  # whether Qt's own strings (qtbase) need a translation; English is Qt's source


LANGUAGE_TABLE: dict[str, Language] = {
    "ja": Language(
        code="ja",
        own_name="日本語",
        babel_locale="ja_JP",
        qt_locale="ja_JP",
        paper="A4",
        region="jp",
        counted_in="characters",
        sentence_gap="",
        full_stop="。",
        list_gap="、",
        qt_translations=True,
    ),
    "en": Language(
        code="en",
        own_name="English",
        babel_locale="en_US",
        qt_locale="en_US",
        paper="Letter",
        region="us",
        counted_in="words",
        sentence_gap=" ",
        full_stop=".",
        list_gap="; ",
        qt_translations=False,
    ),
}
CODES: tuple[str, ...] = tuple(LANGUAGE_TABLE)
DEFAULT_LANGUAGE = "en"


def language(code: str) -> Language:
    """The row of ``code``; an unknown code is a ValueError that lists the known ones."""
    try:
        return LANGUAGE_TABLE[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(CODES)}") from None
