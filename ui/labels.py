"""Labels for text a person reads: wrapped, plain text (never interpreted as markup), broken where a reader expects.

Qt breaks Japanese text between any two characters, so a line can end in the middle of a word (「くださ／い」,
「当てはまる可能／性が高い」). Here Japanese text is cut into phrases (文節) by BudouX's model, and the characters of
each phrase are joined by WORD JOINER (U+2060), which Qt's line breaker honours and draws as nothing: lines break
only between phrases. A number and its unit ("280 mg") are joined by a no-break space in both languages, and so is
the space after a " · " separator, so a line never ends with "·" or starts with "mg".

Only what is drawn changes: ``ReadingLabel.text()`` and the accessible name give the text as written, so screen
readers, read-aloud and tests see no joiners.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
# " · " between two parts: a line may break before the dot, never after it (no line ends with "·").
SEPARATOR = f" ·{NO_BREAK_SPACE}"
LONGEST_PHRASE = 14  # a longer phrase may be wider than a narrow screen's line: it may break inside
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")
_NUMBER_UNIT = re.compile(r"(\d) (mg|mL|g|kg|h|%)\b")


@cache
def _parser():  # type: ignore[no-untyped-def]  # budoux ships no type hints
    import budoux

    return budoux.load_default_japanese_parser()


def join_phrase(phrase: str) -> str:
    """The phrase drawn whole: no line break inside it."""
    return WORD_JOINER.join(phrase)


@lru_cache(maxsize=4096)
def for_display(text: str) -> str:
    """``text`` with its break opportunities limited to where a reader expects them."""
    text = _NUMBER_UNIT.sub(rf"\1{NO_BREAK_SPACE}\2", text).replace(" · ", SEPARATOR)
    if not _JAPANESE.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        phrases = _parser().parse(line) if _JAPANESE.search(line) else [line]
        lines.append("".join(join_phrase(p) if len(p) <= LONGEST_PHRASE else p for p in phrases))
    return "\n".join(lines)


def as_written(text: str) -> str:
    """Drawn text back to the text as written (for rich text read back from a label)."""
    return text.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")


class ReadingLabel(QLabel):
    """A wrapped plain-text label that draws ``for_display(text)`` and reports the text as written."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._written = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._written = text
        super().setText(for_display(text))
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._written

    def clear(self) -> None:
        self.setText("")


def wrapped_label(text: str = "", object_name: str | None = None) -> ReadingLabel:
    label = ReadingLabel(text)
    if object_name:
        label.setObjectName(object_name)
    return label
