"""Stress: how often in the past month, and for how long."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _, ngettext
from screener.wording import stress_frequency_label
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId, not_answered
from ui.widgets import OptionGroup, Stepper

ASK_MONTHS_FROM_FREQUENCY = 2  # sometimes or more often


def months_text(months: float) -> str:
    n = int(months)
    if n == 0:
        return _("Less than a month")
    return ngettext("{count} month", "{count} months", n).format(count=n)


class StressPage(Page):
    page_id = PageId.STRESS

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.frequency_label = wrapped_label()
        self.frequency = OptionGroup([0, 1, 2, 3, 4], columns=1)
        self.add_question(self.frequency_label, self.frequency)
        self.months_label = wrapped_label()
        self.months = Stepper(0, 120, 1)
        self.months.set_formatter(months_text)
        self.months_block = self.add_question(self.months_label, self.months)
        self.finish_layout()
        self.frequency.changed.connect(self._frequency_changed)
        self.months.changed.connect(lambda v: self.draft.set("stress_months", int(v)))

    def title(self) -> str:
        return _("Stress")

    def skip_label(self) -> str:
        return _("Prefer not to answer")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.frequency_label.setText(_("In the past month, how often have you felt stressed or overwhelmed?"))
        labels = [stress_frequency_label(i).capitalize() for i in range(5)]
        self.frequency.set_labels(labels, self.frequency_label.text())
        self.months_label.setText(_("For how many months has it been like this?"))
        self.months.set_accessible(self.months_label.text(), _("Fewer"), _("More"))
        self.months.set_formatter(months_text)

    def _frequency_changed(self, value: int | None) -> None:
        self.draft.set("stress_frequency", value)
        self._update_months()

    def _update_months(self) -> None:
        frequency = self.draft.get("stress_frequency")
        applies = frequency is not None and frequency >= ASK_MONTHS_FROM_FREQUENCY
        self.months_block.setVisible(applies)
        if applies:
            self.draft.set("stress_months", int(self.months.value()))
        else:
            self.draft.set("stress_months", None)

    def load(self) -> None:
        self.frequency.set_value(self.draft.get("stress_frequency"))
        self.months.set_value(self.draft.get("stress_months", 0))
        self.months_block.setVisible((self.draft.get("stress_frequency") or 0) >= ASK_MONTHS_FROM_FREQUENCY)

    def review_rows(self) -> list[tuple[str, str]]:
        frequency = self.draft.get("stress_frequency")
        rows = [
            (
                _("Felt stressed in the past month"),
                not_answered() if frequency is None else stress_frequency_label(frequency).capitalize(),
            )
        ]
        if frequency is not None and frequency >= ASK_MONTHS_FROM_FREQUENCY:
            months = self.draft.get("stress_months")
            rows.append((_("For how long"), not_answered() if months is None else months_text(months)))
        return rows
