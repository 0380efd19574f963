"""The result of scoring: levels with reasons per group, clinician flags, and the computed figures.

Reasons are data (an id and values) so the wizard, the PDF and the text report can word them in any language.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from screener.ids import (
    FLAG_IDS,
    GROUP_IDS,
    LEVELS,
    REGIONS,
    EvidenceStrength,
    FlagId,
    GroupId,
    Level,
    Region,
)

__all__ = [
    "FLAG_IDS",
    "GROUP_IDS",
    "LEVELS",
    "LEVEL_ORDER",
    "REGIONS",
    "STRENGTH_ORDER",
    "ClinicianResult",
    "Evidence",
    "EvidenceStrength",
    "Figures",
    "FlagId",
    "GroupId",
    "GroupResult",
    "Level",
    "Reason",
    "Region",
    "Result",
]

_FROZEN = ConfigDict(extra="forbid", frozen=True)

ReasonValue = int | float | str | bool | list[str]


class Reason(BaseModel):
    """Why a level or flag was given: an id to word, and the person's own numbers."""

    model_config = _FROZEN

    id: str
    values: dict[str, ReasonValue] = Field(default_factory=dict)


class Evidence(BaseModel):
    """How strong the science is behind a group (CONTENT.md, evidence table)."""

    model_config = _FROZEN

    strength: EvidenceStrength
    basis: str  # an id the UI words: e.g. "nih_at_risk_group", "hypothesis"


class GroupResult(BaseModel):
    model_config = _FROZEN

    level: Level
    evidence: Evidence
    reasons: list[Reason]


class ClinicianResult(BaseModel):
    """Safety flags (each turns the note into "talk to a clinician first"), advisory reasons, and the safety
    questions that were asked but not answered (answers fields, in question order)."""

    model_config = _FROZEN

    flags: list[FlagId]
    reasons: list[Reason]
    unanswered: list[str] = Field(default_factory=list)


class Figures(BaseModel):
    """The numbers the result rests on, for pictures and the summary. ``None`` where the input was skipped."""

    model_config = _FROZEN

    region: Region
    caffeine_mg_per_day: float | None
    caffeine_limit_mg_per_day: int
    caffeine_limit_basis: str  # "adult", "pregnancy" or "child_per_kg"
    food_magnesium_mg_per_day: float | None
    reference_intake_mg_per_day: int | None
    reference_intake_basis: str | None  # e.g. "jp:30-49:female"
    reference_intake_source: str | None  # a [sources] key of the reference table, e.g. "mhlw_dri_2025"
    exercise_hours_per_week: float | None
    sweat_magnesium_mg_per_week: float | None
    supplement_upper_limit_mg_per_day: int | None  # None where no limit is set for the age (under 1 year)
    supplement_upper_limit_basis: str  # "adult", "child_us", "child_per_kg" or "none_for_age"


# Display order: levels that apply first, then not answered, then not indicated; within a level, the strongest
# evidence first, so a weak-evidence group never sits above a strong one that is as likely.
LEVEL_ORDER: tuple[Level, ...] = ("likely", "possible", "unknown", "none")
STRENGTH_ORDER: tuple[EvidenceStrength, ...] = ("strong", "moderate", "limited")


class Result(BaseModel):
    model_config = _FROZEN

    content_version: str  # the version of the questions, reference table and wording this result came from
    groups: dict[GroupId, GroupResult]
    clinician: ClinicianResult
    figures: Figures

    def ordered_groups(self) -> list[GroupId]:
        """Every group, by level, then by evidence strength, then in the fixed group order."""

        def rank(group: GroupId) -> tuple[int, int, int]:
            outcome = self.groups[group]
            return (
                LEVEL_ORDER.index(outcome.level),
                STRENGTH_ORDER.index(outcome.evidence.strength),
                GROUP_IDS.index(group),
            )

        return sorted(GROUP_IDS, key=rank)

    def matched_groups(self) -> list[GroupId]:
        """Groups whose level is likely or possible, in display order."""
        return [g for g in self.ordered_groups() if self.groups[g].level in ("likely", "possible")]
