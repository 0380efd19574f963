"""Sleep: nights with trouble sleeping, for how long, and loud snoring or gasping."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _, ngettext
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId, not_answered, yes_no
from ui.pages.stress import months_text
from ui.widgets import OptionGroup, Stepper


def nights_a_week(value: float) -> str:
    n = int(value)
    return ngettext("{count} night a week", "{count} nights a week", n).format(count=n)


class SleepPage(Page):
    page_id = PageId.SLEEP

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.nights_label = wrapped_label()
        self.nights = Stepper(0, 7, 1)
        self.nights.set_formatter(nights_a_week)
        self.add_question(self.nights_label, self.nights)
        self.months_label = wrapped_label()
        self.months = Stepper(0, 120, 1)
        self.months.set_formatter(months_text)
        self.months_block = self.add_question(self.months_label, self.months)
        self.snoring_label = wrapped_label()
        self.snoring = OptionGroup([True, False, "dont_know"], columns=3)
        self.add_question(self.snoring_label, self.snoring)
        self.finish_layout()
        self.nights.changed.connect(lambda _v: self.commit())
        self.months.changed.connect(lambda _v: self.commit())
        self.snoring.changed.connect(self._snoring_changed)

    def title(self) -> str:
        return _("Sleep")

    def skip_label(self) -> str:
        return _("Prefer not to answer")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.nights_label.setText(
            _("In a usual week, on how many nights do you have trouble falling or staying asleep?")
        )
        self.nights.set_formatter(nights_a_week)
        self.nights.set_accessible(self.nights_label.text(), _("Fewer"), _("More"))
        self.months_label.setText(_("For how many months has your sleep been like this?"))
        self.months.set_formatter(months_text)
        self.months.set_accessible(self.months_label.text(), _("Fewer"), _("More"))
        self.snoring_label.setText(
            _("Has anyone noticed that you snore loudly, gasp, or stop breathing for a moment while asleep?")
        )
        self.snoring.set_labels([yes_no(True), yes_no(False), _("Don't know")], self.snoring_label.text())

    def _snoring_changed(self, value: bool | str | None) -> None:
        self.draft.set("snoring_or_gasping", value if isinstance(value, bool) else None)
        self.draft.set_choice("snoring_or_gasping", value)

    def commit(self) -> None:
        nights = int(self.nights.value())
        self.draft.set("insomnia_nights_per_week", nights)
        self.months_block.setVisible(nights > 0)
        self.draft.set("sleep_problem_months", int(self.months.value()) if nights > 0 else None)

    def skip(self) -> None:
        for field in ("insomnia_nights_per_week", "sleep_problem_months", "snoring_or_gasping"):
            self.draft.set(field, None)
        self.draft.set_choice("snoring_or_gasping", None)

    def load(self) -> None:
        nights = self.draft.get("insomnia_nights_per_week")
        self.nights.set_value(nights or 0)
        self.months.set_value(self.draft.get("sleep_problem_months") or 0)
        self.months_block.setVisible(bool(nights))
        snoring = self.draft.get("snoring_or_gasping")
        self.snoring.set_value(snoring if snoring is not None else self.draft.choice("snoring_or_gasping"))

    def review_rows(self) -> list[tuple[str, str]]:
        nights = self.draft.get("insomnia_nights_per_week")
        rows = [(_("Nights with trouble sleeping"), not_answered() if nights is None else nights_a_week(nights))]
        if nights:
            months = self.draft.get("sleep_problem_months")
            rows.append((_("For how long"), not_answered() if months is None else months_text(months)))
        snoring = self.draft.get("snoring_or_gasping")
        if snoring is not None:
            snoring_text = yes_no(snoring)
        elif self.draft.choice("snoring_or_gasping") == "dont_know":
            snoring_text = _("Don't know")
        else:
            snoring_text = not_answered()
        rows.append((_("Loud snoring or gasping"), snoring_text))
        return rows
