"""Magnesium self-check: the domain (answers, scoring, guidance). Never imports Qt."""

__version__ = "0.1.0"
