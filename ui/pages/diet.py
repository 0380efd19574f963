"""Diet: how often a week the person eats each magnesium-rich food group, with what a serving means."""

from __future__ import annotations

from collections.abc import Callable

from screener.i18n import _, ngettext
from screener.ids import FOOD_GROUPS
from screener.wording import number
from ui.pages.base import PageId, not_answered
from ui.pages.counts import CountsPage


def servings_a_week(value: float) -> str:
    n = int(value)
    return ngettext("{count} time a week", "{count} times a week", n).format(count=number(n))


class DietPage(CountsPage):
    page_id = PageId.DIET
    field = "servings_per_week"
    items = FOOD_GROUPS
    maximum = 50

    def title(self) -> str:
        return _("What you eat")

    def intro_text(self) -> str:
        return _("In a usual week, how many servings do you eat of each of these? Count one serving as shown.")

    def count_text(self, item: str) -> Callable[[float], str]:
        return servings_a_week

    def item_text(self, item: str) -> tuple[str, str]:
        return {
            "leafy_greens": (
                _("Leafy greens (spinach, kale, chard)"),
                _("One serving: a small bowl of cooked greens, about 90 g"),
            ),
            "nuts": (_("Nuts (almonds, cashews, peanuts)"), _("One serving: a handful of nuts, about 28 g")),
            "seeds": (_("Seeds (pumpkin, chia, sesame)"), _("One serving: about 2 tablespoons, 28 g")),
            "legumes": (
                _("Beans and lentils (black beans, chickpeas, soy foods)"),
                _("One serving: half a cup of cooked beans"),
            ),
            "whole_grains": (
                _("Whole grains (brown rice, oats, whole-wheat bread)"),
                _("One serving: half a cup of cooked brown rice or oatmeal, or a slice of whole-wheat bread"),
            ),
            "avocado": (_("Avocado"), _("One serving: half a cup, about a third of an avocado")),
        }[item]

    def review_rows(self) -> list[tuple[str, str]]:
        counts = self.draft.get(self.field)
        if counts is None:
            return [(_("Magnesium-rich foods"), not_answered())]
        return [(self.item_text(item)[0], servings_a_week(counts.get(item, 0))) for item in self.items]
