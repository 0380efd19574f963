"""``screener tour``: answer the wizard from an answers file by tapping it as a person would, save a PNG of every
screen, and write ``manifest.json`` beside them: each screen's name, whether everything on it fitted without
scrolling (measured from the widgets as laid out), how many taps it took from the welcome screen to the result, and
how long each screen takes to read and tap by the reading model (screener/reading.py): a question screen's question,
hint, rows and distinct choices; on the welcome, the review and the result, what is shown before scrolling.

For documentation, translators and review. Runs without a visible window (Qt's offscreen platform).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.answers import Answers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QWidget

    from ui.shell.window import ScreenerWindow

SETTLE_ROUNDS = 8


class Tapper:
    """Taps buttons the way a finger does (a press, then a release 80 ms later, on the button) and counts the taps.

    The events carry their own times, a second apart, as a person who looks before tapping gives them, so the tap
    guard (ui/widgets/tap_guard.py) lets each through without the tour waiting a second of real time per tap.
    """

    GAP_MS = 1000  # from one tap to the next: longer than the guard's waits (0.45 s, 1 s on the result)
    HOLD_MS = 80

    def __init__(self) -> None:
        self.taps = 0
        self.clock = 1_000_000_000

    def tap(self, button: QAbstractButton) -> None:
        if not (button.isVisible() and button.isEnabled()):
            raise RuntimeError(f"cannot tap {button.accessibleName() or button.text()!r}: not on screen")
        self.clock += self.GAP_MS
        send_pointer(button, "press", self.clock)
        self.clock += self.HOLD_MS
        send_pointer(button, "release", self.clock)
        self.taps += 1
        settle()


def send_pointer(widget: QWidget, what: str, stamp: int) -> None:
    """A left-button ``"press"`` or ``"release"`` at the widget's centre, at ``stamp`` ms on the events' clock, sent
    as the window system's would be (the application's event filters, the tap guard among them, see it first)."""
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    centre = widget.rect().center()
    left = Qt.MouseButton.LeftButton
    kind, held = (
        (QEvent.Type.MouseButtonPress, left)
        if what == "press"
        else (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)
    )
    event = QMouseEvent(
        kind, QPointF(centre), QPointF(widget.mapToGlobal(QPoint(centre))), left, held, Qt.KeyboardModifier.NoModifier
    )
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)


def settle() -> None:
    """Let layouts finish (a wrapped label's height can take several passes) and closed dialogs be deleted, as
    the running event loop does between taps."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _round in range(SETTLE_ROUNDS):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def answer_screen(window: ScreenerWindow, wanted: Any, tapper: Tapper, then_next: bool = True) -> None:
    """Tap the answers this screen asks for (read from a sheet filled with the answers file), then Next."""
    from screener.questionnaire import NONE_OF_THESE
    from ui.screens.question import QuestionScreen
    from ui.widgets.choices import ChoiceGroup, ChoiceToggles
    from ui.widgets.counts import CountsBoard
    from ui.widgets.number_pad import NumberEntry

    screen = window.navigator.current()
    assert isinstance(screen, QuestionScreen)
    for block in screen.blocks:
        question, control = block.question, block.control
        if not block.isVisible():
            continue
        if isinstance(control, NumberEntry):
            age = wanted.age()
            for digit in "" if age is None else str(age):
                tapper.tap(control.keys[digit])
        elif isinstance(control, ChoiceGroup):
            code = wanted.picked(question.field)
            if code is not None:
                tapper.tap(control.buttons[code])
        elif isinstance(control, ChoiceToggles):
            for code in wanted.chosen(question.field):
                tapper.tap(control.buttons[code])
        elif isinstance(control, CountsBoard):
            counts = wanted.counts(question.field)
            if counts == NONE_OF_THESE:
                tapper.tap(control.none_button)
            elif isinstance(counts, dict):
                for item, code in counts.items():
                    tapper.tap(control.rows[item].choices.buttons[code])
    if then_next:
        tapper.tap(window.footer.next_button)


def run_tour(
    answers: Answers,
    language: str,
    out_dir: Path,
    size: tuple[int, int] = (1280, 800),
    large_text: bool = False,
    full_result: bool = False,
    region: str | None = None,
    high_contrast: bool = False,
) -> list[Path]:
    """Save one PNG per screen in the order a person meets them, and the manifest. Returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from screener.answer_sheet import AnswerSheet
    from screener.i18n import current_language, negotiate_region
    from screener.reading import ScreenEstimate, distinct_units, screen_texts
    from ui.app import build_window, create_app
    from ui.measure import clipped, min_gap_px, min_target_px, shown_texts
    from ui.screens.question import QuestionScreen
    from ui.theme import LARGE_TEXT_SCALE, Theme

    previous_language = current_language()
    create_app()
    theme = Theme(text_scale=LARGE_TEXT_SCALE if large_text else 1.0, high_contrast=high_contrast)
    region = region or negotiate_region()
    window, hub = build_window(language, theme, region)  # type: ignore[arg-type]
    window.resize(*size)
    window.show()
    window.warm_up()
    settle()
    wanted = AnswerSheet()
    wanted.load(answers)
    out_dir.mkdir(parents=True, exist_ok=True)
    tapper = Tapper()
    written: list[Path] = []
    screens: list[dict[str, Any]] = []
    read: list[tuple[str, int]] = []  # each screen's units, with the tap count when it was reached
    arrivals: list[int] = []

    def save(fits_before: bool = True, arrived: int = 0) -> None:
        settle()
        screen_id = window.current_id()
        name = f"{len(screens) + 1:02d}-{screen_id.replace('_', '-')}"
        path = out_dir / f"{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
        current = window.navigator.current()
        area = current.scroll_area
        if isinstance(current, QuestionScreen):
            units = distinct_units(screen_texts(current.definition, current.sheet, region))  # type: ignore[arg-type]
        else:
            units = distinct_units(shown_texts(current.body, area.viewport()))
        read.append((screen_id, units))
        arrivals.append(arrived)
        screens.append(
            {
                "name": name,
                "screen": screen_id,
                "file": path.name,
                # Measured before and after answering: a follow-up that appears must fit too.
                "fits": fits_before and current.fits(),
                "scrolls": area.needs_scrolling(),
                "more_below_cue": area.more.isVisible(),
                # The whole window as drawn: every label or button whose words do not fit (header and footer
                # too), the smallest tap target and the smallest gap between two.
                "clipped": clipped(window),
                "min_target_px": min_target_px(window),
                "min_gap_px": min_gap_px(window),
            }
        )

    save()
    tapper.tap(window.footer.next_button)  # Start
    while window.current_id() not in ("review", "result"):
        settle()
        arrived = tapper.taps
        fits_unanswered = window.navigator.current().fits()
        answer_screen(window, wanted, tapper, then_next=False)
        save(fits_unanswered, arrived)  # the picture shows the answers chosen and any follow-up they brought
        tapper.tap(window.footer.next_button)
    save(arrived=tapper.taps)
    tapper.tap(window.footer.next_button)  # See my result
    save(arrived=tapper.taps)
    arrivals.append(tapper.taps)  # the result is the end of the visit: no tap of its own is counted
    for index, (screen_id, units) in enumerate(read):
        taps = arrivals[index + 1] - arrivals[index]
        screens[index]["reading"] = ScreenEstimate(screen_id, units, taps, language).as_dict()
    estimate_s = sum(float(s["reading"]["seconds"]) for s in screens)
    if full_result:
        content = window.navigator.current().body
        width = window.navigator.current().scroll_area.viewport().width()
        content.resize(width, content.heightForWidth(width))  # the whole page, at this screen's width
        settle()
        path = out_dir / f"{len(screens) + 1:02d}-result-full.png"
        content.grab().save(str(path))
        written.append(path)
    manifest = {
        "language": language,
        "region": region,
        "size": f"{size[0]}x{size[1]}",
        "large_text": large_text,
        "high_contrast": high_contrast,
        "taps": tapper.taps,
        "question_screens": sum(1 for s in screens if s["screen"] not in ("welcome", "review", "result")),
        "estimate_s": round(estimate_s, 1),
        "screens": screens,
    }
    manifest_path = out_dir / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(manifest_path)
    window.close()
    hub.set_language(previous_language)  # leave the application as found (it matters when run in-process)
    return written
