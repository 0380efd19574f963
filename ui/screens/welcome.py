"""Welcome: what this check is and is not, how long it takes, and what happens to the answers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.content import content_version
from screener.i18n import _, ngettext
from screener.reading import answering_minutes
from screener.wording import sentences
from ui.labels import wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget


class WelcomeScreen(ScreenWidget):
    screen_id = "welcome"

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = wrapped_label(object_name="appTitle")
        self.intro = wrapped_label()
        self.privacy = wrapped_label()
        self.version = wrapped_label(object_name="hint")
        for label in (self.heading, self.intro, self.privacy, self.version):
            self.body_layout.addWidget(label)
        self.finish_layout()

    def title(self) -> str:
        return _("Welcome")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(_("Magnesium self-check"))
        self.privacy.setText(_("Nothing is saved unless you print or save it."))
        self.version.setText(_("Content version {version}").format(version=content_version()))
        about = _(
            "A few questions show whether you are in a group more likely to run short of magnesium. It is a "
            "learning aid, not a medical test."
        )

        def with_minutes(minutes: int) -> str:
            takes = ngettext("Answering takes about {count} minute.", "Answering takes about {count} minutes.", minutes)
            return sentences(about, takes.format(count=minutes))

        # The minutes come from the reading model (screener/reading.py): this screen, then a typical visit's
        # questions and taps.
        shown = [self.heading.text(), with_minutes(3), self.privacy.text(), self.version.text()]
        self.intro.setText(with_minutes(answering_minutes(shown, self.context.region)))

    def spoken_text(self) -> str:
        return "\n".join(label.text() for label in (self.heading, self.intro, self.privacy))
