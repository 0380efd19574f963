"""Exercise and sweating: hours a week, and heavy sweating only for someone who exercises."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _, ngettext
from screener.wording import number
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId, not_answered, yes_no
from ui.widgets import OptionGroup, Stepper


def hours_a_week(value: float) -> str:
    return ngettext("{count} hour a week", "{count} hours a week", 1 if value == 1 else 2).format(
        count=number(value, 1)
    )


class ExercisePage(Page):
    page_id = PageId.EXERCISE

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.hours_label = wrapped_label()
        self.hours_hint = wrapped_label()
        self.hours = Stepper(0, 40, 0.5, 1)
        self.hours.set_formatter(hours_a_week)
        self.add_question(self.hours_label, self.hours, self.hours_hint)
        self.sweat_label = wrapped_label()
        self.sweat = OptionGroup([True, False], columns=2)
        self.sweat_block = self.add_question(self.sweat_label, self.sweat)
        self.finish_layout()
        self.hours.changed.connect(lambda _v: self.commit())
        self.sweat.changed.connect(lambda v: self.draft.set("heavy_sweating", v))

    def title(self) -> str:
        return _("Exercise and sweating")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.hours_label.setText(_("In a usual week, how many hours do you exercise or work hard enough to sweat?"))
        self.hours_hint.setText(_("Count sports, brisk walking, heavy work and physical jobs. Steps of half an hour."))
        self.hours.set_formatter(hours_a_week)
        self.hours.set_accessible(self.hours_label.text(), _("Fewer"), _("More"))
        self.sweat_label.setText(_("Do you usually get drenched in sweat (from exercise, heat or the sauna)?"))
        self.sweat.set_labels([yes_no(True), yes_no(False)], self.sweat_label.text())

    def commit(self) -> None:
        hours = self.hours.value()
        self.draft.set("exercise_hours_per_week", float(hours))
        self.sweat_block.setVisible(hours > 0)
        if hours == 0:
            self.draft.set("heavy_sweating", None)
            self.sweat.set_value(None)

    def skip(self) -> None:
        self.draft.set("exercise_hours_per_week", None)
        self.draft.set("heavy_sweating", None)

    def load(self) -> None:
        hours = self.draft.get("exercise_hours_per_week")
        self.hours.set_value(hours or 0)
        self.sweat.set_value(self.draft.get("heavy_sweating"))
        self.sweat_block.setVisible(bool(hours))

    def review_rows(self) -> list[tuple[str, str]]:
        hours = self.draft.get("exercise_hours_per_week")
        rows = [(_("Exercise that makes you sweat"), not_answered() if hours is None else hours_a_week(hours))]
        if hours:
            sweat = self.draft.get("heavy_sweating")
            rows.append((_("Drenched in sweat"), not_answered() if sweat is None else yes_no(sweat)))
        return rows
