"""About you: age (required), sex, and pregnancy only where it can apply."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _, pgettext
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId, not_answered
from ui.widgets import NumberEntry, OptionGroup

MIN_AGE, MAX_AGE = 0, 120
# Pregnancy is asked only of people who did not say they are male, within these ages.
PREGNANCY_AGES = range(12, 61)


class AboutYouPage(Page):
    page_id = PageId.ABOUT_YOU

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.age_label = wrapped_label()
        self.age = NumberEntry()
        self.age_error = wrapped_label(object_name="error")
        self.age_error.hide()
        self.add_question(self.age_label, self.age)
        self.body_layout.addWidget(self.age_error)

        self.sex_label = wrapped_label()
        self.sex = OptionGroup(["female", "male", "unspecified"], columns=3)
        self.add_question(self.sex_label, self.sex)

        self.pregnancy_label = wrapped_label()
        self.pregnancy = OptionGroup(["none", "pregnant", "breastfeeding"], columns=3)
        self.pregnancy_block = self.add_question(self.pregnancy_label, self.pregnancy)
        self.finish_layout()

        self.age.changed.connect(self._age_changed)
        self.sex.changed.connect(self._sex_changed)
        self.pregnancy.changed.connect(lambda v: self.draft.set("pregnancy", v))

    def title(self) -> str:
        return _("About you")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.age_label.setText(_("How old are you?"))
        self.age.set_accessible(_("Age in years"), _("Delete the last digit"))
        self.sex_label.setText(_("Your sex (used to choose the recommended amount of magnesium)"))
        self.sex.set_labels([_("Female"), _("Male"), _("Prefer not to say")], self.sex_label.text())
        self.pregnancy_label.setText(_("Are you pregnant or breastfeeding?"))
        self.pregnancy.set_labels(
            [pgettext("pregnancy", "No"), _("Pregnant"), _("Breastfeeding")], self.pregnancy_label.text()
        )
        if self.age_error.isVisible():
            self.age_error.setText(self.validate() or "")

    def _parsed_age(self) -> int | None:
        text = self.age.text().strip()
        return int(text) if text.isdigit() else None

    def _age_changed(self, _text: str) -> None:
        age = self._parsed_age()
        self.draft.set("age_years", age if age is not None and MIN_AGE <= age <= MAX_AGE else None)
        if self.age_error.isVisible() and self.validate() is None:
            self.age_error.hide()
        self._update_pregnancy()

    def _sex_changed(self, value: str | None) -> None:
        self.draft.set("sex", value)
        self._update_pregnancy()

    def pregnancy_applies(self) -> bool:
        age = self.draft.get("age_years")
        return self.draft.get("sex") != "male" and age is not None and age in PREGNANCY_AGES

    def _update_pregnancy(self) -> None:
        applies = self.pregnancy_applies()
        self.pregnancy_block.setVisible(applies)
        if not applies:
            self.draft.set("pregnancy", None)
            self.pregnancy.set_value(None)

    def load(self) -> None:
        age = self.draft.get("age_years")
        self.age.blockSignals(True)
        self.age.set_text("" if age is None else str(age))
        self.age.blockSignals(False)
        self.age_error.hide()
        self.sex.set_value(self.draft.get("sex"))
        self.pregnancy.set_value(self.draft.get("pregnancy"))
        self.pregnancy_block.setVisible(self.pregnancy_applies())

    def validate(self) -> str | None:
        age = self._parsed_age()
        if age is None:
            message = _("Age: please enter your age in years to go on.")
        elif not MIN_AGE <= age <= MAX_AGE:
            message = _("Age: please enter a number from {low} to {high}.").format(low=MIN_AGE, high=MAX_AGE)
        else:
            return None
        self.age_error.setText(message)
        self.age_error.show()
        return message

    def review_rows(self) -> list[tuple[str, str]]:
        age = self.draft.get("age_years")
        sex = {"female": _("Female"), "male": _("Male"), "unspecified": _("Prefer not to say")}
        rows = [
            (_("Age"), not_answered() if age is None else _("{age} years").format(age=age)),
            (_("Sex"), sex.get(self.draft.get("sex"), not_answered())),
        ]
        if self.pregnancy_applies():
            pregnancy = {
                "none": pgettext("pregnancy", "No"),
                "pregnant": _("Pregnant"),
                "breastfeeding": _("Breastfeeding"),
            }
            rows.append((_("Pregnancy"), pregnancy.get(self.draft.get("pregnancy"), not_answered())))
        return rows
