"""A button's words are whole: lines break between words (English at spaces and hyphens, Japanese between
phrases), and the fit check counts a word cut in two ("Clea / r", "サプリメン / ト") as not fitting."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import settle
from ui.app import create_app
from ui.widgets.buttons import BigButton, chunks


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("マグネシウムのサプリメント", ["マグネシウムの", "サプリメント"]),
        ("骨粗しょう症の薬（ビスホスホネート）", ["骨粗しょう症の", "薬", "（ビスホスホネート）"]),
        ("A bone-strengthening medicine", ["A ", "bone-", "strengthening ", "medicine"]),
        ("眠気覚ましの薬", ["眠気覚ましの", "薬"]),
    ],
)
def test_lines_may_break_only_between_words_and_phrases(text: str, pieces: list[str]) -> None:
    assert chunks(text) == pieces


def test_a_word_cut_in_two_does_not_fit_and_a_wider_button_does(qtbot: QtBot) -> None:
    create_app()
    button = BigButton("Clear", kind="key")
    qtbot.addWidget(button)
    button.show()
    button.resize(60, 120)  # tall enough for "Clea" over "r": every letter drawn, the word not whole
    settle()
    assert not button.text_fits()
    button.resize(button.minimumSizeHint().width(), 120)
    settle()
    assert button.text_fits()
