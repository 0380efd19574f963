"""`screener tour` saves one PNG per page, numbered in order, the result last, without a visible window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QImage

from screener.cli import main
from tests.screener.helpers import WORST_CASE


def test_tour_saves_every_page_in_order(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({k: v for k, v in WORST_CASE.items() if k != "pregnancy"}), encoding="utf-8")
    out = tmp_path / "tour"
    assert main(["tour", "--answers", str(answers), "--lang", "ja", "--out", str(out), "--size", "1024x768"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "01-welcome.png" and names[-1] == "10-result.png" and len(names) == 10
    image = QImage(str(out / "10-result.png"))
    assert (image.width(), image.height()) == (1024, 768)
    assert capsys.readouterr().out.splitlines()[-1].endswith("10-result.png")
