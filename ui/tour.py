"""``screener tour``: fill the wizard from an answers file, visit every page in order, save a PNG of each.

For documentation, translators and review. Runs without a visible window (Qt's offscreen platform).
"""

from __future__ import annotations

import os
from pathlib import Path

from screener.answers import Answers


def page_file_names() -> list[str]:
    from ui.pages.base import PageId

    return [f"{int(pid) + 1:02d}-{pid.name.lower().replace('_', '-')}.png" for pid in PageId]


def run_tour(
    answers: Answers,
    language: str,
    out_dir: Path,
    size: tuple[int, int] = (1280, 800),
    large_text: bool = False,
    full_result: bool = False,
) -> list[Path]:
    """Save one PNG per page, numbered in order, the result last. Returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from screener.i18n import current_language
    from ui.app import build_window, create_app
    from ui.pages.base import PageId
    from ui.theme import LARGE_TEXT_SCALE, Theme

    previous_language = current_language()
    create_app()
    window, hub = build_window(language, Theme(text_scale=LARGE_TEXT_SCALE if large_text else 1.0))
    window.resize(*size)
    window.show()
    window.draft.load(answers)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    names = page_file_names()
    for pid in PageId:
        if pid == PageId.RESULT:
            window.go_next()  # from review: the core scores the answers and the result page opens
        else:
            window.show_page(pid)
        QApplication.processEvents()
        path = out_dir / names[pid]
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    if full_result:
        content = window.result_page.body
        content.adjustSize()
        path = out_dir / f"{len(names):02d}-result-full.png"
        content.grab().save(str(path))
        written.append(path)
    window.close()
    hub.set_language(previous_language)  # leave the application as found (it matters when run in-process)
    return written
