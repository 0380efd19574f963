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
    "under-1": N_("Less than a month"),
    "1-2": N_("1 to 2 months"),
    "3-5": N_("3 to 5 months"),
    "6-11": N_("6 to 11 months"),
    "12-plus": N_("A year or more"),
}
EXERCISE_LABELS = {
    "none": N_("None"),
    "under-2.5": N_("Less than 2½ hours"),
    "2.5-5": N_("2½ to under 5 hours"),
    "5-10": N_("5 to under 10 hours"),
    "10-plus": N_("10 hours or more"),
}
ALCOHOL_LABELS = {
    "none": N_("None"),
    "1-7": N_("1 to 7 drinks"),
    "8-14": N_("8 to 14 drinks"),
    "15-21": N_("15 to 21 drinks"),
    "22-plus": N_("22 drinks or more"),
}
NIGHT_LABELS = {
    "0": N_("None"),
    "1": N_("1 night"),
    "2": N_("2 nights"),
    "3": N_("3 nights"),
    "4": N_("4 nights"),
    "5": N_("5 nights"),
    "6": N_("6 nights"),
    "7": N_("Every night"),
}
SERVING_LABELS = {
    "1": "1",
    "2": "2",
    "3": "3",
    "4": "4",
    "5": "5",
    "6": "6",
    "7": N_("Daily"),
    "14-plus": N_("2+ a day"),
}
CUP_LABELS = {"0.5": "½", "1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6-plus": N_("6+")}

STRESS_FREQUENCY = (
    N_("Hardly ever"),
    N_("Now and then"),
    N_("About half the days"),
    N_("Most days"),
    N_("Nearly every day"),
)

FOOD_ROWS = {
    "leafy_greens": (
        N_("Leafy greens"),
        {"us": N_("Spinach: ½ cup cooked, 90 g"), "jp": N_("Boiled spinach: 70 g dish")},
    ),
    "nuts": (N_("Nuts"), {"us": N_("Almonds: a handful, 28 g"), "jp": N_("Almonds: a handful, 25 g")}),
    "seeds": (N_("Seeds"), {"us": N_("Pumpkin, chia: 2 tbsp"), "jp": N_("Sesame: 1 tbsp, 9 g")}),
    "legumes": (
        N_("Beans and soy foods"),
        {"us": N_("Beans, edamame: ½ cup"), "jp": N_("Natto: 1 pack; tofu: ⅓ block")},
    ),
    "whole_grains": (
        N_("Whole grains"),
        {"us": N_("Brown rice: ½ cup cooked"), "jp": N_("Brown rice: 1 bowl; soba: 1 serving")},
    ),
    "avocado": (N_("Avocado"), {"us": N_("Half an avocado"), "jp": N_("Half an avocado")}),
}

DRINK_ROWS = {
    "coffee": (N_("Coffee"), {"us": N_("A mug, about 240 mL"), "jp": N_("A cup, about 150 mL")}),
    "black_tea": (N_("Black tea"), {"us": N_("A mug, about 240 mL"), "jp": N_("A cup, about 150 mL")}),
    "green_tea": (
        N_("Green tea"),
        {"us": N_("A mug, about 240 mL"), "jp": N_("A 150 mL teacup; a cup of gyokuro is 3")},
    ),
    "energy_drink": (
        N_("Energy drinks"),
        {
            "us": N_("One is 240 mL; a large can may count as two"),
            "jp": N_("A 250 mL can; a small wake-up shot is 2"),
        },
    ),
    "cola": (N_("Cola"), {"us": N_("A glass, about 240 mL"), "jp": N_("A can, 350 mL")}),
    "caffeine_tablet": (
        N_("Caffeine tablets"),
        {"us": N_("One tablet"), "jp": N_("One tablet; a dose is often 2")},
    ),
}

MEDICINE_LABELS = {
    "diuretic": N_("A water pill (diuretic), such as furosemide"),
    "proton_pump_inhibitor": N_("A stomach-acid medicine, such as omeprazole or vonoprazan"),
    "antibiotic": N_("An antibiotic"),
    "bisphosphonate": N_("A bone-strengthening medicine (bisphosphonate)"),
    "other_regular": N_("Another medicine I take every day"),
}

PRODUCT_LABELS = {
    "supplement": N_("A magnesium supplement"),
    "laxative": N_("A laxative with magnesium, such as magnesium oxide"),
    "antacid": N_("An antacid or stomach medicine with magnesium"),
}
