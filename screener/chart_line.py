"""The one line a staff member's barcode scanner types into a chart note, and the QR code that carries it.

Plain text in the staff's (current) language, for example::

    Mg self-check 2026-11-24a 2026-11-24 | Stress: fits | Food: fits | Age: fits | Exercise: no fit |
    Caffeine: skipped | Flags: kidney, medicine, insomnia, apnoea

(one line). It holds the content version, the date, each group's level in a fixed order (so two visits read
alike) and the clinician flags: no name and no age. Short words keep the code small (QR version 10 or lower at
error correction M, ``MAX_VERSION``), so it scans from a printed page with any handheld scanner.

Encoding (ISO/IEC 18004 byte mode, error correction M): ASCII text as it is. Japanese text as Shift_JIS with an
ECI 20 designator that says so: two bytes a character instead of UTF-8's three keeps the longest Japanese line
within version 10 (UTF-8 needs 12), Japanese scanners read Shift_JIS by default, and zbar, ZXing and ECI-aware
imagers read the designator. A line that Shift_JIS cannot carry exactly (a character it lacks, or one that
Shift_JIS and Windows' cp932 decoders map differently, such as the wave dash) is UTF-8 with ECI 26 instead.
Without a designator, zbar reads a short UTF-8 line such as "ストレス: あり" as Shift_JIS (tested).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from screener.i18n import babel_locale, pgettext
from screener.ids import GROUP_IDS, FlagId, GroupId, Level

if TYPE_CHECKING:
    import segno

    from screener.result import Result

MAX_VERSION = 10  # 57 x 57 modules; at error correction M it holds 213 bytes
SEPARATOR = " | "


def group_names() -> dict[GroupId, str]:
    # Translators: short group names for the one-line chart note read by a barcode scanner: keep them short.
    return {
        "chronic_stress": pgettext("chart line", "Stress"),
        "low_dietary_intake": pgettext("chart line", "Food"),
        "older_adult": pgettext("chart line", "Age"),
        "athlete_sweat_loss": pgettext("chart line", "Exercise"),
        "high_caffeine": pgettext("chart line", "Caffeine"),
    }


def level_names() -> dict[Level, str]:
    # Translators: short levels for the one-line chart note: keep them short.
    return {
        "likely": pgettext("chart line", "fits"),
        "possible": pgettext("chart line", "partly"),
        "none": pgettext("chart line", "no fit"),
        "unknown": pgettext("chart line", "skipped"),
    }


def flag_names() -> dict[FlagId, str]:
    # Translators: short clinician flags for the one-line chart note: keep them short.
    return {
        "kidney_disease": pgettext("chart line", "kidney"),
        "pregnancy": pgettext("chart line", "pregnancy"),
        "interacting_medicine": pgettext("chart line", "medicine"),
        "magnesium_products": pgettext("chart line", "takes Mg"),
        "chronic_insomnia": pgettext("chart line", "insomnia"),
        "possible_sleep_apnoea": pgettext("chart line", "apnoea"),
        "minor": pgettext("chart line", "under 18"),
    }


def chart_line(result: Result, when: date) -> str:
    """The chart-note line for one result, in the current language."""
    from babel.lists import format_list

    groups, levels, flags = group_names(), level_names(), flag_names()
    parts = [
        pgettext("chart line", "Mg self-check {version} {date}").format(
            version=result.content_version, date=when.isoformat()
        )
    ]
    parts += [
        pgettext("chart line", "{group}: {level}").format(group=groups[g], level=levels[result.groups[g].level])
        for g in GROUP_IDS
    ]
    if result.clinician.flags:
        narrow: Any = "standard-narrow"  # "a, b, c" (no "and"); babel has it, its type hints do not list it
        names = format_list([flags[f] for f in result.clinician.flags], style=narrow, locale=babel_locale())
        parts.append(pgettext("chart line", "Flags: {flags}").format(flags=names))
    else:
        parts.append(pgettext("chart line", "Flags: none"))
    return SEPARATOR.join(parts)


def _exact_in_shift_jis(line: str) -> bool:
    """Whether Shift_JIS carries the line exactly, read by either family of Japanese decoders."""
    try:
        return line.encode("shift_jis").decode("cp932") == line
    except UnicodeError:
        return False


def chart_code(line: str) -> segno.QRCode:
    """The QR code of a chart line, at error correction M (segno raises it when that fits in the same size).

    Its version follows the length; tests keep the longest line within ``MAX_VERSION``, and a longer one still
    prints, only larger.
    """
    import segno

    if line.isascii():
        return segno.make_qr(line, error="m")
    if _exact_in_shift_jis(line):
        return segno.make_qr(line, error="m", encoding="shift_jis", eci=True)
    return segno.make_qr(line, error="m", encoding="utf-8", eci=True)
