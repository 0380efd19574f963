"""The kiosk config file (TOML), validated by pydantic; every problem is reported with its key and line.

No Qt here, so ``screener check-config`` is fast and can run on a machine without a display.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from screener.loading import problems_from
from ui.pin import PinError, parse_hash

EXAMPLE = """\
# Kiosk settings for the magnesium self-check. Check with: screener check-config kiosk.toml
default_language = "ja"      # ja or en: the language each new person starts in
idle_timeout_seconds = 90    # no touch for this long: "Are you still there?", then everything is cleared
countdown_seconds = 20       # how long "Are you still there?" waits for a touch
result_reset_seconds = 120   # on the result page: start over for the next person after this long untouched
printer_name = ""            # empty: the system's default printer
paper = "A4"                 # A4 or Letter
region = "jp"                # reference intakes: jp (Japan 2025) or us (US RDA)
text_scale = 1.0             # 1.0 normal, up to 2.0
high_contrast = false
pin_hash = "pbkdf2_sha256$..."  # made by: screener hash-pin
log_file = ""                # empty: log to standard error only; events only, never answers
pdf_folder = ""              # empty: no "Save as PDF" in the kiosk; else summaries are saved here, no file dialog
"""


class ConfigError(ValueError):
    """The config cannot be used. ``problems`` holds one line per problem, naming the key and its line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class KioskConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    default_language: Literal["ja", "en"] = "ja"
    idle_timeout_seconds: int = Field(default=90, ge=15, le=3600)
    countdown_seconds: int = Field(default=20, ge=5, le=120)
    result_reset_seconds: int = Field(default=120, ge=15, le=3600)
    printer_name: str = ""
    paper: Literal["A4", "Letter"] | None = None
    region: Literal["jp", "us"] | None = None
    text_scale: float = Field(default=1.0, ge=1.0, le=2.0)
    high_contrast: bool = False
    pin_hash: str
    log_file: str = ""
    pdf_folder: str = ""

    @field_validator("pdf_folder")
    @classmethod
    def _existing_folder(cls, value: str) -> str:
        if value and not Path(value).is_dir():
            raise ValueError(f"no such folder: {value}")
        return value

    @field_validator("pin_hash")
    @classmethod
    def _usable_hash(cls, value: str) -> str:
        try:
            parse_hash(value)
        except PinError as exc:
            raise ValueError(str(exc)) from None
        return value


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def parse_config(text: str, source: str = "config") -> KioskConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{source}: not valid TOML: {exc}"]) from None
    try:
        return KioskConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for line_text, error in zip(problems_from(exc), exc.errors(), strict=True):
            key = str(error["loc"][0]) if error["loc"] else ""
            line = _line_of(text, key)
            where = f"line {line}: " if line else ""
            problems.append(f"{source}: {where}{line_text}")
        raise ConfigError(problems) from None


def load_config(path: Path) -> KioskConfig:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError([f"{path}: cannot read: {reason}"]) from None
    return parse_config(text, str(path))
