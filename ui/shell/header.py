"""The header: the controls that change how the app looks or sounds — read aloud, larger text, high contrast and
the other language. Kiosk mode adds its own two buttons. (Where the person is, "Question 3 of 14 · Stress", sits in
the footer between Back and Next, so one row of header buttons fits even a 1024-pixel-wide screen.)"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from screener.i18n import _
from screener.languages import CODES
from screener.languages import language as language_row
from ui.flow_layout import FlowLayout
from ui.widgets.buttons import BigButton


def next_language(language: str) -> str:
    """The language the language button switches to: the next in the table (with two, the other one)."""
    codes = list(CODES)
    return codes[(codes.index(language) + 1) % len(codes)]


class HeaderBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        buttons = QWidget()
        self.buttons_layout = FlowLayout(buttons, align_right=True)
        self.speak_button = BigButton(kind="tool")
        self.speak_button.setCheckable(True)
        self.text_size_button = BigButton(kind="tool")
        self.text_size_button.setCheckable(True)
        self.contrast_button = BigButton(kind="tool")
        self.contrast_button.setCheckable(True)
        self.language_button = BigButton(kind="tool")
        for button in (self.speak_button, self.text_size_button, self.contrast_button, self.language_button):
            self.buttons_layout.addWidget(button)
        self.speak_button.hide()  # shown only when read-aloud is installed and allowed
        row.addWidget(buttons, 1)

    def retranslate_ui(self, language: str) -> None:
        other = language_row(next_language(language)).own_name
        self.language_button.setText(other)
        self.language_button.setAccessibleName(_("Change language to {language}").format(language=other))
        self.text_size_button.setText(_("Larger text"))
        self.text_size_button.setAccessibleName(_("Larger text"))
        self.contrast_button.setText(_("High contrast"))
        self.contrast_button.setAccessibleName(_("High contrast"))

    def add_button(self, button: BigButton, first: bool = False) -> None:
        if first:
            self.buttons_layout.insertWidget(0, button)
        else:
            self.buttons_layout.addWidget(button)
