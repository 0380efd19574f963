"""The header: where the person is ("Question 3 of 14 · Stress"), and the controls that change how the app looks
or sounds: read aloud, larger text, high contrast and the other language. Kiosk mode adds its own two buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from screener.i18n import _
from ui.flow_layout import FlowLayout
from ui.labels import wrapped_label
from ui.widgets.buttons import BigButton

OTHER_LANGUAGE = {"ja": ("en", "English"), "en": ("ja", "日本語")}


class HeaderBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.step_label = wrapped_label(object_name="stepLabel")
        row.addWidget(self.step_label, 1, Qt.AlignmentFlag.AlignVCenter)
        buttons = QWidget()
        self.buttons_layout = FlowLayout(buttons, align_right=True)
        self.speak_button = BigButton()
        self.speak_button.setCheckable(True)
        self.text_size_button = BigButton()
        self.text_size_button.setCheckable(True)
        self.contrast_button = BigButton()
        self.contrast_button.setCheckable(True)
        self.language_button = BigButton()
        for button in (self.speak_button, self.text_size_button, self.contrast_button, self.language_button):
            self.buttons_layout.addWidget(button)
        self.speak_button.hide()  # shown only when read-aloud is installed and allowed
        row.addWidget(buttons, 2)

    def retranslate_ui(self, language: str) -> None:
        other = OTHER_LANGUAGE[language][1]
        self.language_button.setText(other)
        self.language_button.setAccessibleName(_("Change language to {language}").format(language=other))
        self.text_size_button.setText(_("Larger text"))
        self.text_size_button.setAccessibleName(_("Larger text"))
        self.contrast_button.setText(_("High contrast"))
        self.contrast_button.setAccessibleName(_("High contrast"))

    def set_step(self, text: str) -> None:
        self.step_label.setText(text)
        self.step_label.setAccessibleName(text)

    def add_button(self, button: BigButton, first: bool = False) -> None:
        if first:
            self.buttons_layout.insertWidget(0, button)
        else:
            self.buttons_layout.addWidget(button)
