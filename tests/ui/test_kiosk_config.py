"""The kiosk config: every problem named with its key and line, kiosk mode refused on a broken config, and
`screener hash-pin` making a salted hash that verifies (no Qt needed for any of it)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main
from ui.kiosk_config import MAX_CONFIG_BYTES, ConfigError, load_config, parse_config
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


# Bad input found with independent tools (issue 14): one line per problem naming the key and its line, the value
# cut short, never a traceback, never a hang.


def config_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'pin_hash = "{GOOD_HASH}"\n{body}\n', encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    """`screener check-config` in-process: the exit status and the lines it printed to stderr."""
    code = main(["check-config", str(path)])
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert all(line.startswith("screener: ") for line in lines) and "Traceback" not in err
    return code, lines


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1979-05-27", "the date 1979-05-27"),
        ("07:32:00", "the time 07:32:00"),
        ("1979-05-27T07:32:00Z", "the date-time 1979-05-27T07:32:00+00:00"),
        ("{ queue = 1 }", "a table"),
        ("[1, 2]", "an array"),
    ],
)
def test_toml_values_of_the_wrong_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, shown: str
) -> None:
    """TOML dates, times, tables and arrays where a string belongs: named, not a traceback from json.dumps."""
    code, lines = check(capsys, config_file(tmp_path, f"printer_name = {value}"))
    assert code == 2
    assert lines == [f"screener: {tmp_path / 'kiosk.toml'}: line 2: printer_name: must be a string, got {shown}"]


def test_a_dotted_key_is_named_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`printer_name.queue = ...` makes a table; the key and line are still found."""
    code, lines = check(capsys, config_file(tmp_path, '\nprinter_name.queue = "x"'))
    assert code == 2 and lines[0].endswith("line 3: printer_name: must be a string, got a table")


@pytest.mark.parametrize("depth", [11, 2000])
def test_deep_nesting_in_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int) -> None:
    """Nested arrays past the limit are refused before tomllib recurses (2,000 deep was a RecursionError)."""
    code, lines = check(capsys, config_file(tmp_path, "x = " + "[" * depth + "]" * depth))
    assert code == 2 and lines == [f"screener: {tmp_path / 'kiosk.toml'}: line 2: nested more than 10 levels deep"]


def test_brackets_in_strings_and_comments_are_not_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A printer name full of brackets and a bracketed comment are text: the config loads."""
    body = 'printer_name = "' + "[" * 50 + '"  # ' + "{" * 50 + "\nlog_file = ''  # ]]]]"
    code, lines = check(capsys, config_file(tmp_path, body))
    assert code == 0 and lines == []


def test_an_integer_of_thousands_of_digits_in_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tomllib raises a plain ValueError past 4,300 digits; it becomes one line with the line number."""
    code, lines = check(capsys, config_file(tmp_path, "idle_timeout_seconds = " + "9" * 5000))
    assert code == 2
    assert lines == [f"screener: {tmp_path / 'kiosk.toml'}: line 2: not valid TOML: a number has thousands of digits"]


def test_a_large_number_is_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A number under Python's limit but far out of range is shown by its first digits."""
    code, lines = check(capsys, config_file(tmp_path, "idle_timeout_seconds = " + "9" * 200))
    assert code == 2 and lines[0].endswith("idle_timeout_seconds: must be <= 3600, got " + "9" * 40 + "…")


@pytest.mark.parametrize(
    ("key", "length", "limit"), [("pdf_folder", 5000, 4096), ("log_file", 4097, 4096), ("printer_name", 128, 127)]
)
def test_string_settings_have_length_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, length: int, limit: int
) -> None:
    """A 5,000-character pdf_folder was an OSError traceback; every string setting now has a limit."""
    code, lines = check(capsys, config_file(tmp_path, f'{key} = "{"a" * length}"'))
    assert code == 2
    assert lines == [
        f"screener: {tmp_path / 'kiosk.toml'}: line 2: {key}: must be at most {limit} characters, got {length}"
    ]


def test_a_file_name_too_long_for_the_system(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path under 4,096 characters can still have a name the file system refuses: said, not raised."""
    code, lines = check(capsys, config_file(tmp_path, f'pdf_folder = "{tmp_path}/{"a" * 300}"'))
    assert code == 2 and len(lines) == 1
    assert "line 2: pdf_folder: cannot use" in lines[0] and lines[0].endswith(": File name too long")


def test_a_nul_in_a_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """TOML can spell a NUL character; no path can hold one."""
    code, lines = check(capsys, config_file(tmp_path, 'log_file = "a\\u0000b"'))
    assert code == 2 and lines[0].endswith("line 2: log_file: must not hold a NUL character")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("{tmp}/missing/kiosk.log", 'log_file: its folder does not exist: "'),
        ("{tmp}", "log_file: is a folder; give a file name in it"),
        ("{tmp}/", "log_file: is a folder name; give a file name"),
        ("/proc/version", 'log_file: must not be under /proc or /sys, got "/proc/version"'),
        ("/sys/kernel/notes", "log_file: must not be under /proc or /sys"),
        ("/dev/null", 'log_file: not a regular file (a device, pipe or socket): "/dev/null"'),
        ("{tmp}/fifo", "log_file: not a regular file (a device, pipe or socket)"),
    ],
)
def test_log_file_is_checked_at_check_config_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, expected: str
) -> None:
    """check-config once said OK and the kiosk then died on a missing folder, a folder or /proc/version."""
    os.mkfifo(tmp_path / "fifo")
    code, lines = check(capsys, config_file(tmp_path, f'log_file = "{setting.format(tmp=tmp_path)}"'))
    assert code == 2 and len(lines) == 1
    assert f"line 2: {expected}" in lines[0]


def test_a_new_log_file_in_a_writable_folder_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The usual case: the file does not exist yet, its folder does."""
    code, lines = check(capsys, config_file(tmp_path, f'log_file = "{tmp_path}/kiosk.log"'))
    assert code == 0 and lines == []
    assert not (tmp_path / "kiosk.log").exists()  # checking writes nothing


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("{tmp}/missing", "pdf_folder: no such folder"),
        ("{tmp}/kiosk.toml", "pdf_folder: not a folder"),
        ("/proc", "pdf_folder: must not be under /proc or /sys"),
    ],
)
def test_pdf_folder_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, expected: str) -> None:
    """The folder for saved summaries must exist and be a folder the kiosk can write in."""
    code, lines = check(capsys, config_file(tmp_path, f'pdf_folder = "{setting.format(tmp=tmp_path)}"'))
    assert code == 2 and len(lines) == 1 and f"line 2: {expected}" in lines[0]


@pytest.mark.parametrize(
    ("rounds", "shown"),
    [
        ("1000000000", "1000000000"),
        ("10000000000", "10000000000"),
        ("99999", "99999"),
        ("9" * 60, "a 60-digit number"),
    ],
)
def test_pin_hash_rounds_must_be_in_range(rounds: str, shown: str) -> None:
    """10**9 rounds froze the kiosk 207 s per try and 10**10 raised OverflowError even for the right PIN; such a
    hash is now refused when the config is read, before any PIN is checked."""
    _algorithm, _rounds, salt, digest = GOOD_HASH.split("$")
    found = problems(f'pin_hash = "pbkdf2_sha256${rounds}${salt}${digest}"\n')
    assert len(found) == 1
    assert found[0].startswith("kiosk.toml: line 1: pin_hash: the PIN hash's round count must be 100000 to 1000000")
    assert f"got {shown};" in found[0]
    with pytest.raises(PinError, match="round count"):
        verify_pin("2468", f"pbkdf2_sha256${rounds}${salt}${digest}")


def test_the_round_count_range_holds_for_new_hashes() -> None:
    """hash-pin itself cannot make a hash the kiosk would refuse."""
    with pytest.raises(PinError, match="round count"):
        hash_pin("2468", iterations=2_000_000)
    assert parse_hash(hash_pin("2468", iterations=1_000_000))[0] == 1_000_000


def test_countdown_gives_at_least_20_seconds() -> None:
    """ "Are you still there?" must leave a person time to answer: under 20 s is refused, with the reason."""
    found = problems(f'pin_hash = "{GOOD_HASH}"\ncountdown_seconds = 19\n')
    assert found == [
        "kiosk.toml: line 2: countdown_seconds: must be at least 20 seconds, so a person has time to answer "
        '"Are you still there?"; got 19'
    ]
    assert parse_config(f'pin_hash = "{GOOD_HASH}"\ncountdown_seconds = 20\n').countdown_seconds == 20


def test_odd_keys_in_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quoted key with a newline is escaped, quoted and found on its line."""
    code, lines = check(capsys, config_file(tmp_path, '"we\\nird" = 1\n"" = 2'))
    assert code == 2
    assert [line.split(": ", 2)[2] for line in lines] == [
        'line 2: "we\\nird": unknown field',
        'line 3: "": unknown field',
    ]


def test_config_file_bounds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A huge file, a file that is not UTF-8 and a folder are each one line naming the file."""
    huge = config_file(tmp_path, "# " + "x" * MAX_CONFIG_BYTES)
    assert check(capsys, huge) == (
        2,
        [f"screener: {huge}: larger than {MAX_CONFIG_BYTES} bytes; is this the right file?"],
    )
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'pin_hash = "\xff"\n')
    assert check(capsys, binary) == (2, [f"screener: {binary}: line 1: not UTF-8 text (byte 0xff)"])
    assert check(capsys, tmp_path) == (2, [f"screener: {tmp_path}: is a folder, not a file"])


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_devices_and_fifos_do_not_hang_check_config(tmp_path: Path, special: str) -> None:
    """/dev/zero never ends and a FIFO blocks until written: both refused at once (the timeout only guards)."""
    os.mkfifo(tmp_path / "fifo")
    path = special if special.startswith("/") else str(tmp_path / special)
    done = subprocess.run(
        [sys.executable, "-m", "screener", "check-config", path],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == f"screener: {path}: not a regular file (a device, pipe or socket); save the input to a file\n"


def test_kiosk_start_refuses_a_bad_log_file(tmp_path: Path) -> None:
    """The kiosk itself refuses a log_file that is a folder, the same way, instead of dying in logging."""
    path = config_file(tmp_path, f'log_file = "{tmp_path}"')
    done = subprocess.run(
        [sys.executable, "-m", "screener", "--kiosk", "--config", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "line 2: log_file: is a folder" in done.stderr and "kiosk mode not started" in done.stderr
    assert "Traceback" not in done.stderr


def test_hash_pin_reads_a_bounded_line() -> None:
    """hash-pin on a stream without newlines (/dev/zero) reads a bounded line and refuses it, instead of hanging."""
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "screener", "hash-pin"],
            stdin=zero,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr == "screener: the PIN must be 4 to 12 digits\n"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('printer_name = "../../admin"', "printer_name: must be a printer's queue name, not a path"),
        ('printer_name = "lab/printer"', "printer_name: must be a printer's queue name, not a path"),
        ('printer_name = "office\\u202Ertnirp"', "printer_name: must not hold control or text-direction characters"),
        ('printer_name = "office\\tprinter"', "printer_name: must not hold control or text-direction characters"),
        ('log_file = "/tmp/screener\\n.log"', "log_file: must not hold control or text-direction characters"),
    ],
)
def test_names_and_paths_that_would_mislead_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, problem: str
) -> None:
    """A queue name that is a path, or one with a bidi override that shows it backwards, and a log path with a
    newline (it would split log lines) are refused by check-config, each named with its line."""
    code, lines = check(capsys, config_file(tmp_path, body))
    assert code == 2
    assert len(lines) == 1 and problem in lines[0] and "line 2" in lines[0], lines


def test_an_ordinary_queue_name_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(capsys, config_file(tmp_path, 'printer_name = "Front_Desk-2"'))
    assert code == 0 and lines == []
