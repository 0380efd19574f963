"""Health and medicines: kidney function, regular medicines, alcohol."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screener.i18n import _, ngettext
from screener.ids import MEDICINES
from screener.wording import medicine_name, number
from ui.draft import AnswersDraft
from ui.labels import wrapped_label
from ui.pages.base import Page, PageId, not_answered, yes_no
from ui.widgets import OptionGroup, Stepper, ToggleGroup

NONE_OF_THESE = "none"


def drinks_a_week(value: float) -> str:
    n = int(value)
    return ngettext("{count} drink a week", "{count} drinks a week", n).format(count=number(n))


class HealthPage(Page):
    page_id = PageId.HEALTH

    def __init__(self, draft: AnswersDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.kidney_label = wrapped_label()
        self.kidney = OptionGroup([True, False, "not_sure"], columns=3)
        self.add_question(self.kidney_label, self.kidney)
        self.medicines_label = wrapped_label()
        self.medicines_hint = wrapped_label()
        self.medicines = ToggleGroup([*MEDICINES, NONE_OF_THESE], columns=2)
        self.add_question(self.medicines_label, self.medicines, self.medicines_hint)
        self.alcohol_label = wrapped_label()
        self.alcohol_hint = wrapped_label()
        self.alcohol = Stepper(0, 70, 1)
        self.alcohol.set_formatter(drinks_a_week)
        self.add_question(self.alcohol_label, self.alcohol, self.alcohol_hint)
        self.finish_layout()
        self.kidney.changed.connect(self._kidney_changed)
        self.medicines.changed.connect(self._medicines_changed)
        self.alcohol.changed.connect(lambda v: self.draft.set("alcohol_drinks_per_week", float(v)))

    def title(self) -> str:
        return _("Health and medicines")

    def skip_label(self) -> str:
        return _("Prefer not to answer")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.kidney_label.setText(_("Has a doctor told you that your kidneys work less well than they should?"))
        self.kidney.set_labels([yes_no(True), yes_no(False), _("Not sure")], self.kidney_label.text())
        self.medicines_label.setText(_("Do you regularly take any of these medicines?"))
        self.medicines_hint.setText(_("Choose all that apply. Your pharmacist can tell you if you are not sure."))
        self.medicines.set_labels([medicine_name(m).capitalize() for m in MEDICINES] + [_("None of these")])
        self.alcohol_label.setText(_("How many alcoholic drinks do you have in a usual week?"))
        self.alcohol_hint.setText(_("One drink: a can of beer (350 mL), a glass of wine, or a single shot of spirits."))
        self.alcohol.set_formatter(drinks_a_week)
        self.alcohol.set_accessible(self.alcohol_label.text(), _("Fewer"), _("More"))

    def _kidney_changed(self, value: bool | str | None) -> None:
        self.draft.set("kidney_disease", value if isinstance(value, bool) else None)
        self.draft.set_choice("kidney_disease", value)

    def _medicines_changed(self, chosen: list[str]) -> None:
        if NONE_OF_THESE in chosen and len(chosen) > 1:
            # "None of these" and a medicine exclude each other: keep the one just touched.
            previous = self.draft.get("medicines")
            keep = [NONE_OF_THESE] if previous else [m for m in chosen if m != NONE_OF_THESE]
            self.medicines.set_value(keep)
            chosen = keep
        if not chosen:
            self.draft.set("medicines", None)
        else:
            self.draft.set("medicines", [m for m in chosen if m != NONE_OF_THESE])

    def commit(self) -> None:
        self.draft.set("alcohol_drinks_per_week", float(self.alcohol.value()))

    def skip(self) -> None:
        for field in ("kidney_disease", "medicines", "alcohol_drinks_per_week"):
            self.draft.set(field, None)
        self.draft.set_choice("kidney_disease", None)

    def load(self) -> None:
        kidney = self.draft.get("kidney_disease")
        self.kidney.set_value(kidney if kidney is not None else self.draft.choice("kidney_disease"))
        medicines = self.draft.get("medicines")
        self.medicines.set_value([NONE_OF_THESE] if medicines == [] else (medicines or []))
        self.alcohol.set_value(self.draft.get("alcohol_drinks_per_week") or 0)

    def review_rows(self) -> list[tuple[str, str]]:
        kidney = self.draft.get("kidney_disease")
        medicines = self.draft.get("medicines")
        if medicines is None:
            medicine_text = not_answered()
        elif not medicines:
            medicine_text = _("None of these")
        else:
            medicine_text = ", ".join(medicine_name(m) for m in medicines)
        alcohol = self.draft.get("alcohol_drinks_per_week")
        return [
            (_("Reduced kidney function"), self._kidney_text(kidney)),
            (_("Regular medicines"), medicine_text),
            (_("Alcohol"), not_answered() if alcohol is None else drinks_a_week(alcohol)),
        ]

    def _kidney_text(self, kidney: bool | None) -> str:
        if kidney is not None:
            return yes_no(kidney)
        return _("Not sure") if self.draft.choice("kidney_disease") == "not_sure" else not_answered()
