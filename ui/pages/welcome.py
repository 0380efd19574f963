"""Welcome: what this check is and is not, and what happens to the answers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId


class WelcomePage(Page):
    page_id = PageId.WELCOME

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.intro = wrapped_label()
        self.is_not = wrapped_label()
        self.privacy = wrapped_label()
        self.how = wrapped_label(object_name="hint")
        for label in (self.intro, self.is_not, self.privacy, self.how):
            self.body_layout.addWidget(label)
        self.finish_layout()

    def title(self) -> str:
        return _("Magnesium needs self-check")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.intro.setText(
            _(
                "Some people may need more magnesium than others: people under long stress, people who eat few "
                "greens, nuts, seeds or beans, older adults, people who sweat a lot in exercise, and people who "
                "have a lot of caffeine. A few short questions show which of these may apply to you, and why."
            )
        )
        self.is_not.setText(
            _(
                "This is a learning aid, not a medical test. It cannot tell whether you lack magnesium, and it "
                "does not recommend any product. Your answers are a starting point for a talk with your clinician."
            )
        )
        self.privacy.setText(
            _(
                "Your answers stay on this screen only. Nothing is saved or sent, and everything is cleared when "
                "you start over."
            )
        )
        self.how.setText(_("It takes about three minutes. You can go back and change any answer, or skip a question."))
