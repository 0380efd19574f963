"""`pip install .` into a fresh venv, run outside the checkout, gives a working `screener score` in both languages."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_command_scores_outside_the_checkout(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    answers = tmp_path / "answers.json"
    answers.write_text('{"age_years": 70, "caffeine_servings_per_day": {"coffee": 5}}', encoding="utf-8")
    screener = env_dir / "bin" / "screener"
    done = subprocess.run([str(screener), "score", str(answers)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["groups"]["older_adult"]["level"] == "likely"
    assert result["groups"]["high_caffeine"]["level"] == "likely"
    for lang, expected in (("ja", "カフェインのとりすぎ"), ("en", "A lot of caffeine")):
        text = subprocess.run(
            [str(screener), "score", str(answers), "--format", "text", "--lang", lang],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert text.returncode == 0, text.stderr
        assert expected in text.stdout
    # The installed package is used, not the checkout.
    where = subprocess.run(
        [str(python), "-c", "import screener; print(screener.__file__)"], capture_output=True, text=True, cwd=tmp_path
    )
    assert str(env_dir) in where.stdout
    assert sys.prefix != str(env_dir)
