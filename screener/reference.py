"""Loads the one table of thresholds and reference values (``data/reference.toml``) into typed objects.

The table is validated when loaded, so a typo in a number or a missing source fails loudly and names the row.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from screener.ids import DRINKS, FOOD_GROUPS, REGIONS, Pregnancy, Region, Sex

_ROW = ConfigDict(extra="forbid", frozen=True)


class PerServing(BaseModel):
    model_config = _ROW

    mg_per_serving: float = Field(gt=0)
    stands_for: str
    source: str


class CaffeineThresholds(BaseModel):
    """Levels start above a limit: EFSA's limits are the intakes up to which it sees no safety concern."""

    model_config = _ROW

    limit_mg_per_day: int = Field(gt=0)
    limit_source: str
    pregnancy_limit_mg_per_day: int = Field(gt=0)
    pregnancy_limit_source: str
    possible_fraction_of_limit: float = Field(gt=0, lt=1)
    possible_source: str


class LowIntakeThresholds(BaseModel):
    model_config = _ROW

    likely_below_fraction: float = Field(gt=0, lt=1)
    possible_below_fraction: float = Field(gt=0, le=1)
    source: str


class OlderAdultThresholds(BaseModel):
    model_config = _ROW

    likely_from_age: int
    possible_from_age: int
    source: str


class AthleteThresholds(BaseModel):
    """Likely only with heavy sweating: the group is about hard, sweaty exercise."""

    model_config = _ROW

    likely_with_heavy_sweating_from_hours: float
    possible_from_hours: float
    possible_with_heavy_sweating_from_hours: float
    sweat_mg_per_hour: float = Field(gt=0)
    sweat_source: str
    source: str


class StressThresholds(BaseModel):
    model_config = _ROW

    often_from_frequency: int = Field(ge=0, le=4)
    sometimes_frequency: int = Field(ge=0, le=4)
    possible_from_months: int = Field(ge=0)
    chronic_from_months: int = Field(ge=0)
    source: str


class ClinicianThresholds(BaseModel):
    model_config = _ROW

    adult_from_age: int
    adult_source: str
    insomnia_from_nights_per_week: int = Field(ge=0, le=7)
    insomnia_from_months: int = Field(ge=0)
    insomnia_source: str
    heavy_alcohol_from_drinks_per_week_male: float
    heavy_alcohol_from_drinks_per_week_other: float  # women, and anyone who did not give their sex
    heavy_alcohol_source: str
    interacting_medicines: tuple[str, ...]
    interacting_source: str
    magnesium_products_stronger_from_age: int
    magnesium_products_source: str


class Thresholds(BaseModel):
    model_config = _ROW

    high_caffeine: CaffeineThresholds
    low_dietary_intake: LowIntakeThresholds
    older_adult: OlderAdultThresholds
    athlete_sweat_loss: AthleteThresholds
    chronic_stress: StressThresholds
    clinician: ClinicianThresholds


class UpperLimit(BaseModel):
    model_config = _ROW

    mg_per_day: int
    source: str
    japan_source: str


class ChoiceBin(BaseModel):
    """One one-tap answer: the numbers it stands for (``from`` up to, not including, ``to``; ``from == to``:
    exactly that number; no ``to``: and above) and the number the wizard records for it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    code: str
    low: float = Field(alias="from")
    high: float | None = Field(default=None, alias="to")
    value: float

    @model_validator(mode="after")
    def _value_inside(self) -> ChoiceBin:
        if not self.covers(self.value):
            raise ValueError(f"choice {self.code!r}: its value {self.value} is outside the numbers it stands for")
        return self

    @property
    def exact(self) -> bool:
        return self.high is not None and self.high == self.low

    def covers(self, number: float) -> bool:
        if self.exact:
            return number == self.low
        return number >= self.low and (self.high is None or number < self.high)


class ChoiceTable(BaseModel):
    model_config = _ROW

    source: str
    bins: tuple[ChoiceBin, ...]

    def bin_for(self, number: float) -> ChoiceBin | None:
        """The choice a number falls in (an exact choice wins over a range that also covers it)."""
        exact = [b for b in self.bins if b.exact and b.covers(number)]
        ranged = [b for b in self.bins if not b.exact and b.covers(number)]
        found = exact or ranged
        return found[0] if found else None


class IntakeBand(BaseModel):
    model_config = _ROW

    from_age: int
    to_age: int
    male: int
    female: int
    pregnancy: int
    lactation: int


class RegionIntakes(BaseModel):
    model_config = _ROW

    source: str
    unspecified_sex_rule: str
    bands: tuple[IntakeBand, ...]

    @model_validator(mode="after")
    def _bands_are_contiguous(self) -> RegionIntakes:
        for before, after in zip(self.bands, self.bands[1:], strict=False):
            if after.from_age != before.to_age + 1:
                raise ValueError(f"age bands must be contiguous: {before.to_age} is followed by {after.from_age}")
        return self


class ReferenceIntake(NamedTuple):
    """The reference intake that applies to one person, and which row it came from."""

    mg_per_day: int
    basis: str  # "region:from-to:column", e.g. "jp:30-49:female"
    sex_unspecified: bool


class ReferenceTable(BaseModel):
    model_config = _ROW

    foods: dict[Region, dict[str, PerServing]]
    drinks: dict[Region, dict[str, PerServing]]
    thresholds: Thresholds
    supplement_upper_limit: UpperLimit
    choices: dict[str, ChoiceTable]
    reference_intakes: dict[Region, RegionIntakes]
    sources: dict[str, str]

    @model_validator(mode="after")
    def _complete_and_sourced(self) -> ReferenceTable:
        for region in REGIONS:
            foods, drinks = self.foods.get(region, {}), self.drinks.get(region, {})
            if set(foods) != set(FOOD_GROUPS):
                raise ValueError(f"foods.{region} must be exactly {FOOD_GROUPS}, got {sorted(foods)}")
            if set(drinks) != set(DRINKS):
                raise ValueError(f"drinks.{region} must be exactly {DRINKS}, got {sorted(drinks)}")
        for name, source in self._source_refs():
            if not source.startswith("judgement:") and source not in self.sources:
                raise ValueError(f"{name}: source {source!r} is not listed in [sources]")
        return self

    def _source_refs(self) -> list[tuple[str, str]]:
        refs = [(f"foods.{r}.{k}", v.source) for r, rows in self.foods.items() for k, v in rows.items()]
        refs += [(f"drinks.{r}.{k}", v.source) for r, rows in self.drinks.items() for k, v in rows.items()]
        refs += [(f"reference_intakes.{k}", v.source) for k, v in self.reference_intakes.items()]
        refs += [(f"choices.{k}", v.source) for k, v in self.choices.items()]
        refs.append(("supplement_upper_limit", self.supplement_upper_limit.source))
        refs.append(("supplement_upper_limit.japan_source", self.supplement_upper_limit.japan_source))
        for group, row in self.thresholds:
            for key, value in row:
                if key.endswith("source"):
                    refs.append((f"thresholds.{group}.{key}", value))
        return refs

    def reference_intake(
        self, region: Region, age: int, sex: Sex | None, pregnancy: Pregnancy | None
    ) -> ReferenceIntake | None:
        """The recommended amount for this person, or None when the table has no band for the age.

        An unspecified or skipped sex takes the higher of the two values, so a need is never under-stated.
        """
        for band in self.reference_intakes[region].bands:
            if band.from_age <= age <= band.to_age:
                break
        else:
            return None
        if pregnancy == "pregnant":
            column, mg = "pregnancy", band.pregnancy
        elif pregnancy == "breastfeeding":
            column, mg = "lactation", band.lactation
        elif sex == "female":
            column, mg = "female", band.female
        elif sex == "male":
            column, mg = "male", band.male
        else:
            column, mg = "higher", max(band.male, band.female)
        return ReferenceIntake(
            mg_per_day=mg,
            basis=f"{region}:{band.from_age}-{band.to_age}:{column}",
            sex_unspecified=column == "higher",
        )


@cache
def reference_table() -> ReferenceTable:
    """The packaged table, loaded and validated once."""
    text = resources.files("screener").joinpath("data/reference.toml").read_text(encoding="utf-8")
    return ReferenceTable.model_validate(tomllib.loads(text))
