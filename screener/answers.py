"""The answers a person gives: a public contract read by the CLI, filled by the wizard, written by other tools.

Field names and units are stable; new fields are added, never renamed. Every field but ``age_years`` may be
missing or null, meaning the person skipped the question. Unknown fields and out-of-range values are errors.

Types are strict (``"3"`` is not a number and ``1`` is not ``true``), with one friendly exception that JSON Schema
shares: a whole-number float such as ``30.0`` or ``1e1`` is accepted for a whole-number field.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.config import JsonDict

from screener.ids import (
    DRINKS,
    FOOD_GROUPS,
    MAGNESIUM_PRODUCTS,
    MEDICINES,
    STRESS_FREQUENCIES,
    MagnesiumProduct,
    Medicine,
    Pregnancy,
    Sex,
)

__all__ = [
    "DRINKS",
    "FOOD_GROUPS",
    "MAGNESIUM_PRODUCTS",
    "MEDICINES",
    "STRESS_FREQUENCIES",
    "Answers",
    "CaffeineServingsPerDay",
    "MagnesiumProduct",
    "Medicine",
    "Pregnancy",
    "ServingsPerWeek",
    "Sex",
]

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


def _whole_float_as_int(value: Any) -> Any:
    """30.0 and 1e1 are whole numbers, as JSON Schema's ``integer`` says; 30.5, "30" and true stay errors."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _no_repeats(values: list[str] | None) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        repeated = sorted(value for value, times in Counter(values).items() if times > 1)  # linear: lists can be long
        raise ValueError(f"each item may appear once; repeated: {', '.join(repeated)}")
    return values


WholeNumber = Annotated[int, BeforeValidator(_whole_float_as_int)]
# The validator wraps the whole "int | None": wrapping only the int makes pydantic publish ge/le as unknown keys
# ("ge": 0) instead of minimum/maximum, and the schema would then allow values the loader refuses.
OptionalWholeNumber = Annotated[int | None, BeforeValidator(_whole_float_as_int)]
_UNIQUE: JsonDict = {"uniqueItems": True}


class ServingsPerWeek(BaseModel):
    """Servings a week of each magnesium-rich food group; a food left out counts as none."""

    model_config = _STRICT

    leafy_greens: WholeNumber = Field(default=0, ge=0, le=100)
    nuts: WholeNumber = Field(default=0, ge=0, le=100)
    seeds: WholeNumber = Field(default=0, ge=0, le=100)
    legumes: WholeNumber = Field(default=0, ge=0, le=100)
    whole_grains: WholeNumber = Field(default=0, ge=0, le=100)
    avocado: WholeNumber = Field(default=0, ge=0, le=100)


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

    age_years: WholeNumber = Field(ge=0, le=120)
    sex: Sex | None = None
    pregnancy: Pregnancy | None = None
    stress_frequency: OptionalWholeNumber = Field(default=None, ge=0, le=4)
    stress_months: OptionalWholeNumber = Field(default=None, ge=0, le=1200)
    servings_per_week: ServingsPerWeek | None = None
    exercise_hours_per_week: float | None = Field(default=None, ge=0, le=168)
    heavy_sweating: bool | None = None
    caffeine_servings_per_day: CaffeineServingsPerDay | None = None
    caffeine_after_2pm: bool | None = None
    kidney_disease: bool | None = None
    medicines: Annotated[list[Medicine] | None, AfterValidator(_no_repeats)] = Field(
        default=None, json_schema_extra=_UNIQUE
    )
    magnesium_products: Annotated[list[MagnesiumProduct] | None, AfterValidator(_no_repeats)] = Field(
        default=None, json_schema_extra=_UNIQUE
    )
    alcohol_drinks_per_week: float | None = Field(default=None, ge=0, le=500)
    insomnia_nights_per_week: OptionalWholeNumber = Field(default=None, ge=0, le=7)
    sleep_problem_months: OptionalWholeNumber = Field(default=None, ge=0, le=1200)
    snoring_or_gasping: bool | None = None
