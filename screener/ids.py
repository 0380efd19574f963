"""The fixed vocabularies of the answers and the result: plain types and tuples, no pydantic.

Kept apart so the wizard can show its pages before the validation models are loaded. Each tuple is read from its
type, so the two can never disagree.
"""

from __future__ import annotations

from typing import Literal, get_args

Sex = Literal["female", "male", "unspecified"]
Pregnancy = Literal["none", "pregnant", "breastfeeding"]
Medicine = Literal["diuretic", "proton_pump_inhibitor", "antibiotic", "bisphosphonate", "other_regular"]
MagnesiumProduct = Literal["supplement", "laxative", "antacid"]

FOOD_GROUPS: tuple[str, ...] = ("leafy_greens", "nuts", "seeds", "legumes", "whole_grains", "avocado")
DRINKS: tuple[str, ...] = ("coffee", "black_tea", "green_tea", "energy_drink", "cola", "caffeine_tablet")
MEDICINES: tuple[Medicine, ...] = get_args(Medicine)
MAGNESIUM_PRODUCTS: tuple[MagnesiumProduct, ...] = get_args(MagnesiumProduct)
STRESS_FREQUENCIES: tuple[int, ...] = (0, 1, 2, 3, 4)  # never, rarely, sometimes, often, very often

GroupId = Literal["chronic_stress", "low_dietary_intake", "older_adult", "athlete_sweat_loss", "high_caffeine"]
GROUP_IDS: tuple[GroupId, ...] = get_args(GroupId)
Level = Literal["likely", "possible", "none", "unknown"]
LEVELS: tuple[Level, ...] = get_args(Level)
FlagId = Literal[
    "kidney_disease",
    "pregnancy",
    "interacting_medicine",
    "magnesium_products",
    "chronic_insomnia",
    "possible_sleep_apnoea",
    "minor",
]
FLAG_IDS: tuple[FlagId, ...] = get_args(FlagId)
EvidenceStrength = Literal["strong", "moderate", "limited"]
Region = Literal["jp", "us"]
REGIONS: tuple[Region, ...] = get_args(Region)
