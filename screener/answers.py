"""The answers a person gives: a public contract read by the CLI, filled by the wizard, written by other tools.

Field names and units are stable. Every field but ``age_years`` may be missing or null, meaning the person
skipped the question. Unknown fields and out-of-range values are errors.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from screener.ids import DRINKS, FOOD_GROUPS, MEDICINES, STRESS_FREQUENCIES, Medicine, Pregnancy, Sex

__all__ = [
    "DRINKS",
    "FOOD_GROUPS",
    "MEDICINES",
    "STRESS_FREQUENCIES",
    "Answers",
    "CaffeineServingsPerDay",
    "Medicine",
    "Pregnancy",
    "ServingsPerWeek",
    "Sex",
]

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class ServingsPerWeek(BaseModel):
    """Servings a week of each magnesium-rich food group; a food left out counts as none."""

    model_config = _STRICT

    leafy_greens: int = Field(default=0, ge=0, le=100)
    nuts: int = Field(default=0, ge=0, le=100)
    seeds: int = Field(default=0, ge=0, le=100)
    legumes: int = Field(default=0, ge=0, le=100)
    whole_grains: int = Field(default=0, ge=0, le=100)
    avocado: int = Field(default=0, ge=0, le=100)


class CaffeineServingsPerDay(BaseModel):
    """Servings a day of each caffeinated drink; a drink left out counts as none."""

    model_config = _STRICT

    coffee: float = Field(default=0, ge=0, le=50)
    black_tea: float = Field(default=0, ge=0, le=50)
    green_tea: float = Field(default=0, ge=0, le=50)
    energy_drink: float = Field(default=0, ge=0, le=50)
    cola: float = Field(default=0, ge=0, le=50)
    caffeine_tablet: float = Field(default=0, ge=0, le=50)


class Answers(BaseModel):
    """One person's answers. ``None`` means the question was skipped."""

    model_config = _STRICT

    age_years: int = Field(ge=0, le=120)
    sex: Sex | None = None
    pregnancy: Pregnancy | None = None
    stress_frequency: int | None = Field(default=None, ge=0, le=4)
    stress_months: int | None = Field(default=None, ge=0, le=1200)
    servings_per_week: ServingsPerWeek | None = None
    exercise_hours_per_week: float | None = Field(default=None, ge=0, le=168)
    heavy_sweating: bool | None = None
    caffeine_servings_per_day: CaffeineServingsPerDay | None = None
    caffeine_after_2pm: bool | None = None
    kidney_disease: bool | None = None
    medicines: list[Medicine] | None = None
    alcohol_drinks_per_week: float | None = Field(default=None, ge=0, le=500)
    insomnia_nights_per_week: int | None = Field(default=None, ge=0, le=7)
    sleep_problem_months: int | None = Field(default=None, ge=0, le=1200)
    snoring_or_gasping: bool | None = None
