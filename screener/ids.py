"""The fixed vocabularies of the answers and the result: plain types and tuples, no pydantic.

Kept apart so the wizard can show its pages before the validation models are loaded.
"""

from __future__ import annotations

from typing import Literal

Sex = Literal["female", "male", "unspecified"]
Pregnancy = Literal["none", "pregnant", "breastfeeding"]
Medicine = Literal["diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate", "other_regular"]
MagnesiumProduct = Literal["supplement", "laxative", "antacid"]

FOOD_GROUPS: tuple[str, ...] = ("leafy_greens", "nuts", "seeds", "legumes", "whole_grains", "avocado")
DRINKS: tuple[str, ...] = ("coffee", "black_tea", "green_tea", "energy_drink", "cola", "caffeine_tablet")
MEDICINES: tuple[Medicine, ...] = ("diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate", "other_regular")
MAGNESIUM_PRODUCTS: tuple[MagnesiumProduct, ...] = ("supplement", "laxative", "antacid")
STRESS_FREQUENCIES: tuple[int, ...] = (0, 1, 2, 3, 4)  # never, rarely, sometimes, often, very often

GroupId = Literal["chronic_stress", "low_dietary_intake", "older_adult", "athlete_sweat_loss", "high_caffeine"]
GROUP_IDS: tuple[GroupId, ...] = (
    "chronic_stress",
    "low_dietary_intake",
    "older_adult",
    "athlete_sweat_loss",
    "high_caffeine",
)
Level = Literal["likely", "possible", "none", "unknown"]
LEVELS: tuple[Level, ...] = ("likely", "possible", "none", "unknown")
FlagId = Literal[
    "kidney_disease",
    "pregnancy",
    "interacting_medicine",
    "magnesium_products",
    "chronic_insomnia",
    "possible_sleep_apnoea",
    "minor",
]
FLAG_IDS: tuple[FlagId, ...] = (
    "kidney_disease",
    "pregnancy",
    "interacting_medicine",
    "magnesium_products",
    "chronic_insomnia",
    "possible_sleep_apnoea",
    "minor",
)
EvidenceStrength = Literal["strong", "moderate", "limited"]
Region = Literal["jp", "us"]
REGIONS: tuple[Region, ...] = ("jp", "us")
