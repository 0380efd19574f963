"""Welcome: what this check is and is not, what happens to the answers, and how to answer."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.content import content_version
from screener.i18n import _
from ui.labels import wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget


class WelcomeScreen(ScreenWidget):
    screen_id = "welcome"

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = wrapped_label(object_name="appTitle")
        self.intro = wrapped_label()
        self.is_not = wrapped_label()
        self.privacy = wrapped_label()
        self.how = wrapped_label(object_name="hint")
        self.version = wrapped_label(object_name="hint")
        for label in (self.heading, self.intro, self.is_not, self.privacy, self.how, self.version):
            self.body_layout.addWidget(label)
        self.finish_layout()

    def title(self) -> str:
        return _("Welcome")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(_("Magnesium self-check"))
        self.intro.setText(
            _(
                "Some people are more likely than others to run short of magnesium. Older adults and people who "
                "eat few greens, nuts, seeds or beans are more likely to get too little; hard exercise with heavy "
                "sweating, long stress and a lot of caffeine may add small losses. A few short questions show which "
                "of these may apply to you, and why."
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
                "Your answers stay on this screen. Nothing is saved or sent unless you print the summary or save "
                "it, and everything is cleared when you start over."
            )
        )
        self.how.setText(
            _(
                "One question at a time: tap an answer, then Next. You can go back and change any answer, or go on "
                "without answering. It takes about three minutes."
            )
        )
        self.version.setText(_("Content version {version}").format(version=content_version()))

    def spoken_text(self) -> str:
        return "\n".join(label.text() for label in (self.heading, self.intro, self.is_not, self.privacy, self.how))
