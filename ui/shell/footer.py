"""The footer: Back and Next (which reads "Skip" until a question on the screen is answered) on question screens;
on the result, printing for staff is the main action and Start over a quiet one on the other side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from screener.i18n import _
from ui.labels import wrapped_label
from ui.widgets.buttons import BigButton

BUTTON_MIN_WIDTH = 180


class FooterBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.back_button = BigButton()
        self.start_over_button = BigButton()
        self.next_button = BigButton(kind="primary")
        self.pdf_button = BigButton()
        self.record_button = BigButton()
        self.print_button = BigButton(kind="primary")
        self.step_label = wrapped_label(object_name="stepLabel")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.back_button)
        layout.addWidget(self.start_over_button)
        layout.addWidget(self.step_label, 1)
        for button in (self.pdf_button, self.record_button, self.next_button, self.print_button):
            layout.addWidget(button)
        for button in (self.back_button, self.next_button, self.print_button, self.start_over_button):
            button.setMinimumWidth(BUTTON_MIN_WIDTH)

    def retranslate_ui(self) -> None:
        self.back_button.setText(_("Back"))
        self.start_over_button.setText(_("Start over"))
        self.pdf_button.setText(_("Save as PDF"))
        self.record_button.setText(_("Save for the clinic record"))
        self.print_button.setText(_("Print for staff"))
        for button in (
            self.back_button,
            self.start_over_button,
            self.pdf_button,
            self.record_button,
            self.print_button,
        ):
            button.setAccessibleName(button.text())

    def set_step(self, text: str) -> None:
        """Where the person is: "Question 3 of 14 · Stress"."""
        self.step_label.setText(text)
        self.step_label.setAccessibleName(text)

    def show_for(self, screen_id: str, next_text: str, pdf_allowed: bool, record_allowed: bool) -> None:
        """Which buttons a screen has: the result its actions, every other screen Back (but welcome) and Next."""
        on_result = screen_id == "result"
        self.back_button.setVisible(screen_id not in ("welcome", "result"))
        self.next_button.setVisible(not on_result)
        self.next_button.setText(next_text)
        self.next_button.setAccessibleName(next_text)
        self.start_over_button.setVisible(on_result)
        self.print_button.setVisible(on_result)
        self.pdf_button.setVisible(on_result and pdf_allowed)
        self.record_button.setVisible(on_result and record_allowed)
