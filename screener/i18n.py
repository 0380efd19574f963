"""The one place text is translated: ``_``, ``ngettext`` and ``pgettext`` follow the current language.

Import them explicitly (``from screener.i18n import _``); nothing is installed into builtins. The current language
can change at any time (the wizard switches live); every call looks it up anew.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from locales import DOMAIN, LOCALE_DIR
from screener.ids import Region
from screener.languages import CODES, DEFAULT_LANGUAGE, LANGUAGE_TABLE
from screener.languages import language as language_row

if TYPE_CHECKING:
    from babel import Locale

# babel is imported where it is used: loading it costs start-up time the welcome page does not need.

LANGUAGES: tuple[str, ...] = CODES  # screener/languages.py holds what each one needs
# Babel locales used for number and date formats.
BABEL_LOCALES: dict[str, str] = {code: row.babel_locale for code, row in LANGUAGE_TABLE.items()}
__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "N_", "_", "current_language", "ngettext", "pgettext", "set_language"]


class MissingCatalogError(RuntimeError):
    """A compiled catalog is missing or incomplete: the package was built without running the catalog workflow,
    or a language was added to the table before its translation was finished."""


@cache
def _translations(language: str) -> gettext.GNUTranslations:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        raise MissingCatalogError(f"no compiled catalog for {language!r} at {path}; run: python tools/catalogs.py")
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    if language != DEFAULT_LANGUAGE:
        # A message the catalog lacks would show in English, silently: a language is complete or refused.
        wanted = _messages(_translations(DEFAULT_LANGUAGE))
        missing = wanted - _messages(translations)
        if missing:
            raise MissingCatalogError(
                f"the {language!r} catalog lacks {len(missing)} of {len(wanted)} messages "
                f"(e.g. {sorted(missing)[0]!r}); translate them in locales/{language}/LC_MESSAGES/"
                f"{DOMAIN}.po and run: python tools/catalogs.py"
            )
    return translations


def _messages(translations: gettext.GNUTranslations) -> set[str]:
    """The message ids a compiled catalog translates (a plural's forms are one message: Japanese has one form,
    English two)."""
    catalog: dict[object, object] = getattr(translations, "_catalog", {})
    return {str(key[0] if isinstance(key, tuple) else key) for key in catalog if key != ""}  # "" is the header


_current = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Switch every later ``_`` call to ``language`` (the UI's LanguageHub then retranslates the widgets)."""
    global _current
    language_row(language)  # a ValueError naming the known languages
    _translations(language)  # fail now, not halfway through a page
    _current = language


def current_language() -> str:
    return _current


def babel_locale() -> Locale:
    """The babel locale for formatting numbers and dates in the current language."""
    return _babel_locale(_current)


@cache
def _babel_locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[language])


def _(message: str) -> str:
    return _translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations(_current).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools know
    """Mark a string for extraction without translating it yet (translate where it is shown)."""
    return message


def system_preferences() -> list[str]:
    """The user's preferred locales from the environment, most preferred first."""
    found: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            found += [part.split(".")[0] for part in value.split(":") if part]
    if not found:
        import locale

        code = locale.getlocale()[0]
        if code:
            found.append(code)
    return [code for code in found if code not in ("C", "POSIX")]


def negotiate_region(preferred: Sequence[str] | None = None) -> Region:
    """Japan's reference intakes for a Japanese locale (ja or territory JP), the US ones for any other.

    The region is a setting of the place, never the display language: switching the screen to English in a
    Japanese clinic keeps Japan's numbers.
    """
    wanted = list(preferred) if preferred is not None else system_preferences()
    for code in wanted:
        language, _sep, territory = code.replace("-", "_").partition("_")
        if language.lower() == "ja" or territory.upper().startswith("JP"):
            return "jp"
        if language:
            return "us"
    return "us"


def language_from(given: str | None) -> str:
    """The language a command runs in: the one given (``--lang``), else the system locale's (babel's negotiation)."""
    return given if given else negotiate_language()


def negotiate_language(preferred: Sequence[str] | None = None) -> str:
    """Pick ja or en for the given (or the system's) preferences with babel's negotiation; English if neither."""
    from babel import negotiate_locale

    wanted = list(preferred) if preferred is not None else system_preferences()
    chosen = negotiate_locale(wanted, list(LANGUAGES), sep="_") or negotiate_locale(wanted, list(LANGUAGES), sep="-")
    return chosen or DEFAULT_LANGUAGE
