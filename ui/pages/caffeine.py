"""Caffeine: drinks a day, and whether any come after 2 pm."""

from __future__ import annotations

from collections.abc import Callable

from screener.i18n import _
from screener.ids import DRINKS
from screener.wording import number
from ui.labels import wrapped_label
from ui.pages.base import PageId, not_answered, yes_no
from ui.pages.counts import CountsPage
from ui.widgets import OptionGroup


def servings_a_day(value: float) -> str:
    return _("{count} a day").format(count=number(value, 1))


def tablets_a_day(value: float) -> str:
    return _("{count} tablets a day").format(count=number(value, 1))


def count_text_for(item: str) -> Callable[[float], str]:
    return tablets_a_day if item == "caffeine_tablet" else servings_a_day


class CaffeinePage(CountsPage):
    page_id = PageId.CAFFEINE
    field = "caffeine_servings_per_day"
    items = DRINKS
    step = 0.5
    decimals = 1
    maximum = 20

    def extra_layout_hook(self) -> None:
        self.late_label = wrapped_label()
        self.late = OptionGroup([True, False], columns=2)
        self.late.changed.connect(lambda v: self.draft.set("caffeine_after_2pm", v))
        self.late_block = self.add_question(self.late_label, self.late)

    def title(self) -> str:
        return _("Caffeine")

    def intro_text(self) -> str:
        return _("On a usual day, how many of these do you have? Half cups count too.")

    def count_text(self, item: str) -> Callable[[float], str]:
        return count_text_for(item)

    def item_text(self, item: str) -> tuple[str, str]:
        return {
            "coffee": (_("Coffee"), _("One: a mug of brewed coffee, about 240 mL")),
            "black_tea": (_("Black tea"), _("One: a mug, about 240 mL")),
            "green_tea": (_("Green tea"), _("One: a mug, about 240 mL")),
            "energy_drink": (_("Energy drinks"), _("One: about 240 mL; some cans hold much more caffeine")),
            "cola": (_("Cola"), _("One: about 240 mL")),
            "caffeine_tablet": (_("Caffeine tablets"), _("One: one tablet")),
        }[item]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.late_label.setText(_("Do you have any of these after 2 pm?"))
        self.late.set_labels([yes_no(True), yes_no(False)], self.late_label.text())

    def on_counts_changed(self) -> None:
        has_caffeine = self.total() > 0
        self.late_block.setVisible(has_caffeine)
        if not has_caffeine:
            self.draft.set("caffeine_after_2pm", None)
            self.late.set_value(None)

    def skip(self) -> None:
        super().skip()
        self.draft.set("caffeine_after_2pm", None)

    def load(self) -> None:
        super().load()
        self.late.set_value(self.draft.get("caffeine_after_2pm"))

    def review_rows(self) -> list[tuple[str, str]]:
        counts = self.draft.get(self.field)
        if counts is None:
            return [(_("Caffeine"), not_answered())]
        rows = [
            (self.item_text(item)[0], count_text_for(item)(counts.get(item, 0)))
            for item in self.items
            if counts.get(item, 0)
        ]
        if not rows:
            rows = [(_("Caffeine"), _("None"))]
        if any(counts.values()):
            late = self.draft.get("caffeine_after_2pm")
            rows.append((_("After 2 pm"), not_answered() if late is None else yes_no(late)))
        return rows
