"""The words of the questionnaire's choices and rows: food and drink rows with their serving sizes per region,
medicines and magnesium products, and the labels of the one-tap choices (their numbers come from the reference
table). Every label is marked for translation here and translated where it is shown."""

from __future__ import annotations

from screener.i18n import N_
from screener.questionnaire import Choice

MIN_AGE, MAX_AGE = 0, 120
PREGNANCY_AGES = (12, 60)  # asked of anyone who did not say male, within these ages

YES_NO = (Choice("yes", N_("Yes"), True), Choice("no", N_("No"), False))

# Labels of the one-tap choices whose numbers live in the reference table, by the table's codes.
MONTH_LABELS = {
    "under-1": N_("Under a month"),
    "1-2": N_("1–2 months"),
    "3-5": N_("3–5 months"),
    "6-11": N_("6–11 months"),
    "12-plus": N_("A year or more"),
}
EXERCISE_LABELS = {
    "none": N_("None"),
    "under-2.5": N_("Under 2½ hours"),
    "2.5-5": N_("2½ to under 5 hours"),
    "5-10": N_("5 to under 10 hours"),
    "10-plus": N_("10 hours or more"),
}
ALCOHOL_LABELS = {
    "none": N_("None"),
    "1-7": N_("1–7 drinks"),
    "8-14": N_("8–14 drinks"),
    "15-21": N_("15–21 drinks"),
    "22-plus": N_("22 drinks or more"),
}
ONE_TO_SIX = {str(n): str(n) for n in range(1, 7)}  # counts read as bare numbers: the question names the unit
NIGHT_LABELS = {"0": N_("None"), **ONE_TO_SIX, "7": N_("Every night")}
SERVING_LABELS = {
    **ONE_TO_SIX,
    "7": N_("Daily"),
    "14-plus": N_("2+ a day"),
}
CUP_LABELS = {"0.5": "½", "1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6-plus": N_("6+")}

STRESS_FREQUENCY = (
    N_("Hardly ever"),
    N_("Sometimes"),
    N_("About half the days"),
    N_("Most days"),
    N_("Nearly every day"),
)

FOOD_ROWS = {
    "leafy_greens": (
        N_("Leafy greens"),
        {"us": N_("Spinach, ½ cup cooked"), "jp": N_("Boiled spinach, 70 g")},
    ),
    "nuts": (N_("Nuts"), {"us": N_("Almonds, a handful"), "jp": N_("Almonds, a handful")}),
    "seeds": (N_("Seeds"), {"us": N_("Pumpkin or chia, 2 tbsp"), "jp": N_("Sesame, 1 tablespoon")}),
    "legumes": (
        N_("Beans and soy foods"),
        {"us": N_("Beans or edamame, ½ cup"), "jp": N_("Natto 1 pack, or tofu ⅓ block")},
    ),
    "whole_grains": (
        N_("Whole grains"),
        {"us": N_("Brown rice, ½ cup cooked"), "jp": N_("Brown rice 1 bowl, or soba 1 serving")},
    ),
    "avocado": (N_("Avocado"), {"us": N_("Half an avocado"), "jp": N_("Half an avocado")}),
}

DRINK_ROWS = {
    "coffee": (N_("Coffee"), {"us": N_("A mug, 240 mL"), "jp": N_("A cup, 150 mL")}),
    "black_tea": (N_("Black tea"), {"us": N_("A mug, 240 mL"), "jp": N_("A cup, 150 mL")}),
    "green_tea": (
        N_("Green tea"),
        {"us": N_("A mug, 240 mL"), "jp": N_("A teacup, 150 mL; gyokuro counts 3")},
    ),
    "energy_drink": (
        N_("Energy drinks"),
        {
            "us": N_("240 mL; a big can counts 2"),
            "jp": N_("A 250 mL can; a small shot counts 2"),
        },
    ),
    "cola": (N_("Cola"), {"us": N_("A glass, 240 mL"), "jp": N_("A can, 350 mL")}),
    "caffeine_tablet": (
        N_("Caffeine tablets"),
        {"us": N_("One tablet"), "jp": N_("One tablet; a dose is often 2")},
    ),
}

MEDICINE_LABELS = {
    "diuretic": N_("A water pill (diuretic), also in some blood-pressure pills"),
    "proton_pump_inhibitor": N_("A stomach-acid medicine"),
    "antibiotic": N_("An antibiotic"),
    "bisphosphonate": N_("A bone medicine (bisphosphonate)"),
    "other_regular": N_("Another daily medicine"),
}

PRODUCT_LABELS = {
    "supplement": N_("A magnesium supplement"),
    "laxative": N_("A magnesium laxative, such as magnesium oxide"),
    "antacid": N_("An antacid with magnesium"),
}
