"""The README's two set-up commands are what a newcomer can type: CI runs the test command exactly as written (this
run came from it), and the app command is the same recipe with the app's package list, the app's extra and the app
itself, each of which exists; every other command the README shows names a program the set-up provides."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
RECIPE = re.compile(
    r"apt-get update && DEBIAN_FRONTEND=noninteractive xargs -a (?P<packages>tools/apt-[a-z]+\.txt) apt-get install -y"
    r" --no-install-recommends && python3 -m venv \.venv && \.venv/bin/pip install --require-hashes -r"
    r" (?P<lock>requirements/[a-z]+\.txt) && \.venv/bin/pip install --no-deps --no-build-isolation \. && (?P<run>.+)"
)


def command(marker: str) -> str:
    block = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)\n```\n<!-- /{marker} -->", README, re.DOTALL)
    assert block, f"no {marker} block in README.md"
    lines = block.group(1).splitlines()
    assert len(lines) == 1, f"{marker} must be one command on one line"
    return lines[0]


def packages(list_file: str) -> set[str]:
    text = (ROOT / list_file).read_text(encoding="utf-8")
    return {line.split("#")[0].strip() for line in text.splitlines()} - {""}


def test_there_are_exactly_two_set_up_commands_and_ci_runs_the_second() -> None:
    assert README.count("<!-- app-command -->") == 1 and README.count("<!-- test-command -->") == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and "app-command" not in ci
    test = RECIPE.fullmatch(command("test-command"))
    assert test, command("test-command")
    assert test["packages"] == "tools/apt-test.txt" and test["lock"] == "requirements/test.txt"
    assert test["run"] == ".venv/bin/python -m pytest"


def test_the_app_command_is_the_same_recipe_for_the_app() -> None:
    app = RECIPE.fullmatch(command("app-command"))
    assert app, command("app-command")
    assert app["packages"] == "tools/apt-app.txt" and app["run"] == ".venv/bin/screener"
    assert app["lock"] == "requirements/app.txt"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "screener" in project["scripts"]
    # The test set-up installs every package the app needs, so CI proves the app's list installs on Debian 12.
    assert packages("tools/apt-app.txt") <= packages("tools/apt-test.txt")
    # And every pin of the app's lock is in the test lock at the same version (tests/test_lock.py checks the
    # versions), so CI installs and tests what the app runs on.
    assert pins("requirements/app.txt") <= pins("requirements/test.txt")


def pins(lock: str) -> set[str]:
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line[:1].isalnum()}


def test_the_kiosk_installs_the_app_lock_with_hashes() -> None:
    """deploy/install-kiosk.sh installs requirements/app.txt with --require-hashes, and the wheelhouse maker
    downloads the same lock."""
    script = (ROOT / "deploy" / "install-kiosk.sh").read_text(encoding="utf-8")
    assert "LOCK=requirements/app.txt" in script and '--require-hashes -r "$lock"' in script
    maker = (ROOT / "deploy" / "make-wheelhouse.sh").read_text(encoding="utf-8")
    assert '--require-hashes -r "$REPO/requirements/app.txt"' in maker


def test_the_installed_program_answers_as_the_readme_says() -> None:
    """`.venv/bin/screener` (what the app command ends with) runs; `score` gives what the README's example shows."""
    screener = ROOT / ".venv" / "bin" / "screener"
    assert screener.exists(), "run the README's test command: it makes .venv"
    done = subprocess.run([screener, "--help"], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0 and "score" in done.stdout, done.stderr
    shown = re.search(r"\$ (echo .*? \| \.venv/bin/screener score -)\n((?:screener: .*\n)+)", README)
    assert shown, "the README's bad-input example is missing"
    run = subprocess.run(
        ["bash", "-c", shown.group(1)], cwd=ROOT, capture_output=True, text=True, check=False, timeout=60
    )
    assert run.returncode == 2
    assert run.stderr == shown.group(2), run.stderr


def test_the_bad_config_example_prints_what_it_shows(tmp_path: Path) -> None:
    """The README's check-config example, typed in a checkout, gives exactly the lines it shows."""
    shown = re.search(
        r"\$ (sed .*? > kiosk\.toml)\n\$ (\.venv/bin/screener check-config kiosk\.toml)\n((?:screener: .*\n)+)", README
    )
    assert shown, "the README's bad-config example is missing"
    for name in ("deploy", ".venv"):  # a checkout of our own, so kiosk.toml is not written into the real one
        (tmp_path / name).symlink_to(ROOT / name)
    run = subprocess.run(
        ["bash", "-c", f"{shown.group(1)} && {shown.group(2)}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr == shown.group(3), run.stderr


def test_commands_in_the_readme_name_programs_the_set_up_provides() -> None:
    """No bare `screener` or `python` where the venv's are meant (Debian has no `python` command)."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    for block in blocks:
        for line in block.splitlines():
            words = line.split("#")[0].split()
            if not words:
                continue
            first = words[0]
            if first in ("python", "screener"):
                assert "activate" in README, line  # allowed only because the README says to activate the venv
            assert first != "pip", line
