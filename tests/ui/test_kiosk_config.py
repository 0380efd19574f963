"""The kiosk config: every problem named with its key and line, kiosk mode refused on a broken config, and
`screener hash-pin` making a salted hash that verifies (no Qt needed for any of it)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from ui.kiosk_config import ConfigError, load_config, parse_config
from ui.pin import PinError, hash_pin, parse_hash, verify_pin

GOOD_HASH = hash_pin("2468")


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "kiosk.toml")
    return caught.value.problems


def test_a_good_config_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'default_language = "en"\npin_hash = "{GOOD_HASH}"\n', encoding="utf-8")
    config = load_config(path)
    assert config.default_language == "en"
    assert config.idle_timeout_seconds == 90 and config.result_reset_seconds == 120
    assert config.paper is None and config.region is None


def test_every_problem_is_named_with_its_key_and_line() -> None:
    text = (
        'default_language = "fr"\n'
        "idle_timeout_seconds = 5\n"
        'paper = "B5"\n'
        "text_scale = 3\n"
        f'pin_hash = "{GOOD_HASH}"\n'
        "printer = 'x'\n"
    )
    found = problems(text)
    assert found == [
        "kiosk.toml: line 1: default_language: must be one of 'ja' or 'en', got \"fr\"",
        "kiosk.toml: line 2: idle_timeout_seconds: must be >= 15, got 5",
        "kiosk.toml: line 3: paper: must be one of 'A4' or 'Letter', got \"B5\"",
        "kiosk.toml: line 4: text_scale: must be <= 2.0, got 3",
        "kiosk.toml: line 6: printer: unknown field",
    ]


def test_missing_pin_hash_and_a_damaged_one() -> None:
    assert problems('default_language = "ja"\n') == ["kiosk.toml: pin_hash: is required"]
    damaged = problems('pin_hash = "pbkdf2_sha256$1000$abc$def"\n')
    assert len(damaged) == 1 and damaged[0].startswith("kiosk.toml: line 1: pin_hash:")
    assert "PIN hash" in damaged[0]


def test_a_pdf_folder_must_exist(tmp_path: Path) -> None:
    found = problems(f'pin_hash = "{GOOD_HASH}"\npdf_folder = "{tmp_path / "nope"}"\n')
    assert found[0].startswith("kiosk.toml: line 2: pdf_folder:") and "no such folder" in found[0]


def test_bad_toml_names_the_place() -> None:
    found = problems("idle_timeout_seconds = \n")
    assert found[0].startswith("kiosk.toml: not valid TOML:") and "line 1" in found[0]


def test_check_config_and_kiosk_start_refuse_a_broken_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text("idle_timeout_seconds = 5\n", encoding="utf-8")
    assert main(["check-config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 1: idle_timeout_seconds: must be >= 15" in err and "pin_hash: is required" in err
    done = subprocess.run(
        [sys.executable, "-m", "screener", "--kiosk", "--config", str(bad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "kiosk mode not started" in done.stderr and "idle_timeout_seconds" in done.stderr
    assert "Traceback" not in done.stderr


def test_kiosk_without_a_config_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kiosk"]) == 2
    assert "kiosk mode needs --config FILE" in capsys.readouterr().err


def test_hash_pin_makes_a_salted_hash_that_verifies(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("135790\n"))
    assert main(["hash-pin"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('pin_hash = "pbkdf2_sha256$')
    stored = line.split('"')[1]
    assert verify_pin("135790", stored) and not verify_pin("135791", stored)
    assert "135790" not in stored
    iterations, salt, _digest = parse_hash(stored)
    assert iterations >= 100_000 and len(salt) == 16
    assert hash_pin("135790") != stored  # a fresh salt every time


@pytest.mark.parametrize("pin", ["123", "12ab", "1234567890123", ""])
def test_a_pin_must_be_4_to_12_digits(pin: str) -> None:
    with pytest.raises(PinError, match="4 to 12 digits"):
        hash_pin(pin)
