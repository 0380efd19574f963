"""Loads the one table of thresholds and reference values (``data/reference.toml``) into typed objects.

The table is validated when loaded, so a typo in a number or a missing source fails loudly and names the row.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from screener.ids import DRINKS, FOOD_GROUPS, REGIONS, Pregnancy, Region, Sex

_ROW = ConfigDict(extra="forbid", frozen=True)


class PerServing(BaseModel):
    model_config = _ROW

    mg_per_serving: float = Field(gt=0)
    stands_for: str
    table_item: str | None = None  # for a food-composition table: the item, its state and its value per 100 g
    source: str


class CaffeineThresholds(BaseModel):
    """Levels start above a limit: EFSA's limits are the intakes up to which it sees no safety concern."""

    model_config = _ROW

    limit_mg_per_day: int = Field(gt=0)
    limit_source: str
    pregnancy_limit_mg_per_day: int = Field(gt=0)
    pregnancy_limit_source: str
    child_limit_mg_per_kg: float = Field(gt=0)
    child_limit_source: str
    child_from_age: int
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


class AgeBand(BaseModel):
    """A row that holds for ages ``from_age`` to ``to_age``, both included."""

    model_config = _ROW

    from_age: int
    to_age: int

    def covers(self, age: int) -> bool:
        return self.from_age <= age <= self.to_age


Band = TypeVar("Band", bound=AgeBand)


def band_for(bands: tuple[Band, ...], age: int) -> Band | None:
    """The band that holds for an age, or None when the table has none for it."""
    return next((band for band in bands if band.covers(age)), None)


class AgeAmount(AgeBand):
    mg_per_day: int = Field(gt=0)


class UpperLimit(BaseModel):
    """Magnesium from supplements and medicines: adults, US children by band, Japan's children per kg."""

    model_config = _ROW

    mg_per_day: int
    adult_from_age: int
    source: str
    japan_source: str
    us_children: tuple[AgeAmount, ...]
    us_children_source: str
    japan_children_mg_per_kg: float = Field(gt=0)
    japan_children_from_age: int
    japan_children_source: str


class WeightBand(AgeBand):
    male: float = Field(gt=0)
    female: float = Field(gt=0)


class BodyWeights(BaseModel):
    model_config = _ROW

    source: str
    bands: tuple[WeightBand, ...]


class PersonLimit(NamedTuple):
    """A limit worked out for one person: the amount (None where no limit is set) and what it rests on."""

    mg_per_day: int | None
    basis: str  # "adult", "pregnancy", "child_us", "child_per_kg", "none_for_age"


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


class IntakeBand(AgeBand):
    male: int
    female: int
    pregnancy: int | None = None  # only where the table gives one; otherwise the female column is used
    lactation: int | None = None
    source: str | None = None  # a band's own source, where it differs from the region's
    note: str | None = None


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
    source: str  # the band's own source where it has one (Japan's children: the 2020 edition), else the region's


class ReferenceTable(BaseModel):
    model_config = _ROW

    foods: dict[Region, dict[str, PerServing]]
    drinks: dict[Region, dict[str, PerServing]]
    thresholds: Thresholds
    supplement_upper_limit: UpperLimit
    reference_body_weights: BodyWeights
    choices: dict[str, ChoiceTable]
    reference_intakes: dict[Region, RegionIntakes]
    sources: dict[str, str]
    source_names: dict[str, str]  # a short name for each source, for the printed summary

    @model_validator(mode="after")
    def _complete_and_sourced(self) -> ReferenceTable:
        if set(self.source_names) != set(self.sources):
            missing = sorted(set(self.sources) - set(self.source_names))
            extra = sorted(set(self.source_names) - set(self.sources))
            raise ValueError(f"source_names must name every source once: missing {missing}, not a source {extra}")
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
        refs += [
            (f"reference_intakes.{k}.{band.from_age}-{band.to_age}", band.source)
            for k, v in self.reference_intakes.items()
            for band in v.bands
            if band.source
        ]
        refs.append(("reference_body_weights", self.reference_body_weights.source))
        refs.append(("supplement_upper_limit.us_children_source", self.supplement_upper_limit.us_children_source))
        refs.append(("supplement_upper_limit.japan_children_source", self.supplement_upper_limit.japan_children_source))
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
        band = band_for(self.reference_intakes[region].bands, age)
        if band is None:
            return None
        if pregnancy == "pregnant" and band.pregnancy is not None:
            column, mg = "pregnancy", band.pregnancy
        elif pregnancy == "breastfeeding" and band.lactation is not None:
            column, mg = "lactation", band.lactation
        elif sex == "female" or pregnancy in ("pregnant", "breastfeeding"):
            column, mg = "female", band.female
        elif sex == "male":
            column, mg = "male", band.male
        else:
            column, mg = "higher", max(band.male, band.female)
        return ReferenceIntake(
            mg_per_day=mg,
            basis=f"{region}:{band.from_age}-{band.to_age}:{column}",
            sex_unspecified=column == "higher",
            source=band.source or self.reference_intakes[region].source,
        )

    def body_weight_kg(self, age: int, sex: Sex | None) -> float | None:
        """The typical weight for the age; the lower of the two when sex is not given (limits stay careful)."""
        band = band_for(self.reference_body_weights.bands, age)
        if band is None:
            return None
        if sex == "male":
            return band.male
        if sex == "female":
            return band.female
        return min(band.male, band.female)

    def caffeine_limit(self, age: int, sex: Sex | None, pregnancy: Pregnancy | None) -> PersonLimit:
        """EFSA's level of no concern for this person: adults, pregnancy and breastfeeding, or per kg under 18."""
        rows = self.thresholds.high_caffeine
        pregnant = pregnancy in ("pregnant", "breastfeeding")
        weight = self.body_weight_kg(age, sex) if age < rows.child_from_age else None
        if weight is not None:
            child = _per_kg(rows.child_limit_mg_per_kg, weight)
            if pregnant and rows.pregnancy_limit_mg_per_day < child:
                return PersonLimit(rows.pregnancy_limit_mg_per_day, "pregnancy")
            return PersonLimit(child, "child_per_kg")
        if pregnant:
            return PersonLimit(rows.pregnancy_limit_mg_per_day, "pregnancy")
        return PersonLimit(rows.limit_mg_per_day, "adult")

    def supplement_upper_limit_for(self, region: Region, age: int, sex: Sex | None) -> PersonLimit:
        """The upper limit for magnesium from supplements and medicines for this person, by region and age."""
        rows = self.supplement_upper_limit
        if age >= rows.adult_from_age:
            return PersonLimit(rows.mg_per_day, "adult")
        if region == "us":
            band = band_for(rows.us_children, age)
            return PersonLimit(None, "none_for_age") if band is None else PersonLimit(band.mg_per_day, "child_us")
        weight = self.body_weight_kg(age, sex)
        if age < rows.japan_children_from_age or weight is None:
            return PersonLimit(None, "none_for_age")
        return PersonLimit(_per_kg(rows.japan_children_mg_per_kg, weight), "child_per_kg")


def _per_kg(mg_per_kg: float, weight_kg: float) -> int:
    """A per-kg limit at a typical weight, rounded down to 5 mg: said as "about", never above the limit."""
    return int(mg_per_kg * weight_kg // 5 * 5)


@cache
def reference_table() -> ReferenceTable:
    """The packaged table, loaded and validated once."""
    text = resources.files("screener").joinpath("data/reference.toml").read_text(encoding="utf-8")
    return ReferenceTable.model_validate(tomllib.loads(text))
