"""The kiosk config file (TOML), validated by pydantic; every problem is reported with its key and line.

No Qt here, so ``screener check-config`` is fast and can run on a machine without a display.

Every input is bounded, so a broken config is refused with one line per problem and never hangs or crashes the
kiosk: the file is read only if it is a regular file of at most ``MAX_CONFIG_BYTES``, nesting is limited, strings
have length limits, the PIN hash's round count has a range (ui.pin), and every path setting is checked here, at
``check-config`` time, rather than when the kiosk first writes to it.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from screener.errors import InputError, shortened, shown_path, shown_value
from screener.loading import problems_from as _problems_from
from screener.loading import read_text
from ui.pin import PinError, parse_hash

# A full config with comments is about 1 KB.
MAX_CONFIG_BYTES = 64 * 1024
# Settings are flat (key = value); a table header counts 1, an array of tables 2.
MAX_DEPTH = 10
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux
MAX_PRINTER_NAME_CHARS = 127  # CUPS refuses longer queue names
MAX_PIN_HASH_CHARS = 200  # a hash from 'screener hash-pin' is about 100
# "Are you still there?" must give a person time to read it and reach the screen (issue 13: at least 20 s).
MIN_COUNTDOWN_SECONDS = 20
# Writing logs or summaries there cannot work, and a path there can hide a mistake (/proc/version).
_SYSTEM_FOLDERS = ("/proc", "/sys")

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
read_aloud = true            # the "Read aloud" button (where speech is installed); false where sound would disturb
pin_hash = "pbkdf2_sha256$..."  # made by: screener hash-pin
log_file = ""                # empty: log to standard error only; events only, never answers
pdf_folder = ""              # empty: no "Save as PDF" in the kiosk; else summaries are saved here, no file dialog
"""


class ConfigError(InputError):
    """The config cannot be used. ``problems`` holds one line per problem, naming the key and its line."""


def _system_folder(value: str) -> bool:
    resolved = os.path.realpath(value)
    return any(resolved == top or resolved.startswith(top + "/") for top in _SYSTEM_FOLDERS)


def _writable_folder(value: str) -> str:
    """A folder the kiosk can save into; each way it cannot is a plain reason."""
    if not value:
        return value
    if _system_folder(value):
        raise ValueError(f"must not be under /proc or /sys, got {shown_value(value)}")
    try:
        info = os.stat(value)
    except FileNotFoundError:
        raise ValueError(f"no such folder: {shown_value(value)}") from None
    except OSError as exc:
        raise ValueError(f"cannot use {shown_value(value)}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise ValueError(f"not a folder: {shown_value(value)}")
    if not os.access(value, os.W_OK | os.X_OK):
        raise ValueError(f"this user cannot save files in {shown_value(value)}")
    return value


def _writable_log_file(value: str) -> str:
    """A log file the kiosk can append to: a regular file, or a new file in a folder it can write in."""
    if not value:
        return value
    if _system_folder(value):
        raise ValueError(f"must not be under /proc or /sys, got {shown_value(value)}")
    if value.endswith("/"):
        raise ValueError(f"is a folder name; give a file name, e.g. {shown_value(value + 'screener.log')}")
    try:
        info: os.stat_result | None = os.stat(value)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ValueError(f"cannot use {shown_value(value)}: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise ValueError(f"is a folder; give a file name in it, e.g. {shown_value(value + '/screener.log')}")
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"not a regular file (a device, pipe or socket): {shown_value(value)}")
        if not os.access(value, os.W_OK):
            raise ValueError(f"this user cannot write to {shown_value(value)}")
        return value
    folder = os.path.dirname(os.path.abspath(value))
    if not os.path.isdir(folder):
        raise ValueError(f"its folder does not exist: {shown_value(folder)}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"this user cannot create files in {shown_value(folder)}")
    return value


# Control characters (a newline splits a log line), bidi controls (U+202E shows a name backwards) and the like.
_UNSAFE = re.compile("[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plain_text(value: str) -> str:
    found = _UNSAFE.search(value)
    if found:
        raise ValueError(f"must not hold control or text-direction characters (found U+{ord(found.group()):04X})")
    return value


def _printer_name(value: str) -> str:
    """A CUPS queue name: no path (a slash or "..") and nothing a terminal or log would show otherwise."""
    _plain_text(value)
    if "/" in value or "\\" in value or ".." in value or value.startswith(("#", " ")):
        raise ValueError(f"must be a printer's queue name, not a path, got {shown_value(value)}")
    return value


def _no_nul(value: str) -> str:
    if "\0" in value:
        raise ValueError("must not hold a NUL character")
    return value


PathSetting = Annotated[str, Field(max_length=MAX_PATH_CHARS), AfterValidator(_no_nul)]


def _known_language(value: str) -> str:
    from screener.languages import CODES

    if value not in CODES:
        raise ValueError(f"must be one of {' or '.join(repr(code) for code in CODES)}, got {json.dumps(value)}")
    return value


class KioskConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    default_language: Annotated[str, AfterValidator(_known_language)] = "ja"
    idle_timeout_seconds: int = Field(default=90, ge=15, le=3600)
    countdown_seconds: int = Field(default=MIN_COUNTDOWN_SECONDS, le=120)
    result_reset_seconds: int = Field(default=120, ge=15, le=3600)
    printer_name: Annotated[str, Field(max_length=MAX_PRINTER_NAME_CHARS), AfterValidator(_printer_name)] = ""
    paper: Literal["A4", "Letter"] | None = None
    region: Literal["jp", "us"] | None = None
    text_scale: float = Field(default=1.0, ge=1.0, le=2.0)
    high_contrast: bool = False
    read_aloud: bool = True
    pin_hash: str = Field(max_length=MAX_PIN_HASH_CHARS)
    log_file: Annotated[PathSetting, AfterValidator(_plain_text), AfterValidator(_writable_log_file)] = ""
    pdf_folder: Annotated[PathSetting, AfterValidator(_writable_folder)] = ""

    @field_validator("countdown_seconds")
    @classmethod
    def _time_to_answer(cls, value: int) -> int:
        if value < MIN_COUNTDOWN_SECONDS:
            raise ValueError(
                f"must be at least {MIN_COUNTDOWN_SECONDS} seconds, so a person has time to answer "
                f'"Are you still there?"; got {value}'
            )
        return value

    @field_validator("pin_hash")
    @classmethod
    def _usable_hash(cls, value: str) -> str:
        try:
            parse_hash(value)
        except PinError as exc:
            raise ValueError(str(exc)) from None
        return value


_KEY_AT_LINE_START = re.compile(r"""\s*\[*\s*([A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')""")


def _key_lines(text: str) -> dict[str, int]:
    """The first line of each top-level key (``key = ...``, ``key.sub = ...``, ``[key]``)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):  # TOML ends lines at \n only
        match = _KEY_AT_LINE_START.match(line)
        if not match:
            continue
        key = match.group(1)
        if key[0] in "\"'":
            try:
                key = next(iter(tomllib.loads(f"{key} = 0")))
            except (ValueError, StopIteration):
                continue
        lines.setdefault(key, number)
    return lines


# Strings and comments (skipped) and brackets (counted), for the depth check before parsing.
_TOML_TOKEN = re.compile(
    r'''"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*|[\[\]{}]''',
    re.DOTALL,
)


def _check_depth(text: str, source: str) -> None:
    depth = 0
    for match in _TOML_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise ConfigError([f"{source}: line {line}: nested more than {MAX_DEPTH} levels deep"])
        elif token in "]}":
            depth -= 1


def _toml(text: str, source: str) -> dict[str, Any]:
    _check_depth(text, source)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{source}: not valid TOML: {shortened(str(exc), 200)}"]) from None
    except RecursionError:  # only if the depth check above were loosened
        raise ConfigError([f"{source}: nested too deeply"]) from None
    except ValueError:  # Python's 4,300-digit limit on integers
        match = re.search(r"[0-9_]{4300,}", text)
        where = f"line {text.count(chr(10), 0, match.start()) + 1}: " if match else ""
        raise ConfigError([f"{source}: {where}not valid TOML: a number has thousands of digits"]) from None


def parse_config(text: str, source: str = "config") -> KioskConfig:
    """The validated config; raises ConfigError with one line per problem, naming the key and its line."""
    source = shown_path(source)
    data = _toml(text, source)
    try:
        return KioskConfig.model_validate(data)
    except ValidationError as exc:
        lines = _key_lines(text)
        problems = []
        for line_text, error in zip(
            _problems_from(exc, whole="config", list_word="an array", object_word="a table"), exc.errors(), strict=True
        ):
            key = error["loc"][0] if error["loc"] else ""
            line = lines.get(key) if isinstance(key, str) else None
            where = f"line {line}: " if line else ""
            problems.append(f"{source}: {where}{line_text}")
        raise ConfigError(problems) from None


def load_config(path: Path) -> KioskConfig:
    """Read and validate the config file; raises ConfigError (an InputError) naming every problem."""
    try:
        text = read_text(path, MAX_CONFIG_BYTES)
    except InputError as exc:
        raise ConfigError(exc.problems) from None
    return parse_config(text, str(path))
