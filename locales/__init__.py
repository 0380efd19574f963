"""Gettext catalogs (``<lang>/LC_MESSAGES/screener.po`` and the compiled ``.mo``), shipped with the package."""

from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "screener"
