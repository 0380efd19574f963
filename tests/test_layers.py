"""The layers hold: `lint-imports` checks the import-linter contracts in pyproject.toml (the domain imports neither
ui nor Qt, only the CLI entry point reaches ui, nothing in ui imports the CLI) and every one is kept."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The venv's own script, next to its python (not resolved: that would leave the venv).
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_lint_imports_keeps_every_contract() -> None:
    """Runs the real tool; a forbidden import anywhere, even inside a function, makes it exit 1."""
    assert LINT_IMPORTS.exists(), "install the test extra: pip install -e '.[test]' (it brings import-linter)"
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    count = len(contracts["contracts"])
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {count} kept, 0 broken." in done.stdout
    assert count >= 3
