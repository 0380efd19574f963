"""The footer: Back and Next, with where the person is between them ("Part 3 of 7 · Stress"); Next reads "Skip this
question" (and is drawn as a plain button, not the main one) until a question on the screen is answered, and on a
question that must be answered it waits, greyed, with a line saying why. On the result, Back returns to the review
from the same place as everywhere else, printing for staff is the main action, and Start over sits with the result's
actions, away from Back, so a finger that reaches for Back never clears the answers. Every button keeps its words
on one line; on a narrow screen the result's buttons wrap onto a second row and the step text wraps, never a
button's words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from screener.i18n import _, pgettext
from ui.flow_layout import FlowLayout
from ui.labels import wrapped_label
from ui.widgets.buttons import BigButton, Kind

BUTTON_MIN_WIDTH = 150


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
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.step_label, 1)
        actions = self.actions_area = QWidget()
        self.actions_layout = FlowLayout(actions, spacing=12, align_right=True)
        right = (self.start_over_button, self.pdf_button, self.record_button, self.next_button, self.print_button)
        for button in right:
            self.actions_layout.addWidget(button)
            button.single_line = True
        self.back_button.single_line = True
        layout.addWidget(actions, 2)
        self.row = layout
        for button in (self.back_button, self.next_button, self.print_button, self.start_over_button):
            button.least_width = BUTTON_MIN_WIDTH

    def retranslate_ui(self) -> None:
        self.back_button.setText(_("Back"))  # on the result too: back to the review, answers kept
        self.start_over_button.setText(pgettext("button", "Start over"))
        self.pdf_button.setText(pgettext("button", "Save PDF"))
        self.record_button.setText(pgettext("button", "Save record"))
        self.print_button.setText(pgettext("button", "Print for staff"))
        self.start_over_button.setAccessibleName(_("Start over for the next person"))
        self.back_button.setAccessibleName(self.back_button.text())
        self.pdf_button.setAccessibleName(_("Save the summary as a PDF file"))
        self.record_button.setAccessibleName(_("Save the answers as a file for the clinic's records (FHIR)"))
        self.print_button.setAccessibleName(_("Print the summary to hand to the staff"))

    def set_step(self, text: str) -> None:
        """Where the person is: "Part 3 of 7 · Stress"."""
        self.step_label.setText(text)
        self.step_label.setAccessibleName(text)

    def show_for(self, screen_id: str, next_text: str, answered: bool, pdf_allowed: bool, record_allowed: bool) -> None:
        """Which buttons a screen has: the result its actions, every other screen Back (but welcome) and Next."""
        on_result = screen_id == "result"
        self.back_button.setVisible(screen_id != "welcome")
        self.step_label.setVisible(not on_result)
        self.next_button.setVisible(not on_result)
        self.next_button.setText(next_text)
        self.next_button.setAccessibleName(next_text)
        # Skipping is allowed, never invited: until something is answered Next is a plain button.
        kind: Kind = "primary" if answered else "secondary"
        if self.next_button.kind != kind:
            self.next_button.kind = kind
            self.next_button.updateGeometry()  # the main action's words are bold: they need more room
            self.next_button.update()
        self.start_over_button.setVisible(on_result)
        # On a question only Next sits on the right, so the step text gets the room; the result's actions take it.
        self.row.setStretchFactor(self.actions_area, 2 if on_result else 0)
        self.print_button.setVisible(on_result)
        self.pdf_button.setVisible(on_result and pdf_allowed)
        self.record_button.setVisible(on_result and record_allowed)


def next_label(screen_id: str, returning_to_review: bool, answered: bool) -> str:
    """What the main button says: Start, See my result, Back to review, Next, or Skip when nothing is answered."""
    if screen_id == "welcome":
        return _("Start")
    if screen_id == "review":
        return _("See my result")
    if returning_to_review:
        return _("Back to review")
    return _("Next") if answered else _("Skip this question")
