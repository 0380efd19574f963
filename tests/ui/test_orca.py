"""Heard with Orca: the screen reader a blind person uses on Linux (Debian's ``orca`` through speech-dispatcher),
running against the real window under Xvfb with the AT-SPI bus, the app driven by keyboard alone (xdotool keys).
What Orca says is read from its debug log ("SPEECH OUTPUT"), so the Japanese is judged by Orca's text, not by its
weak Japanese voice.

The walk: Start, type the age 70, skip to the stress question (an arrow goes into its answers), skip on to the
kidney question and choose Yes there, skip the rest, and See my result; then Tab once on the result. It asserts that
a question is heard first, then its place, then its first choice; that a follow-up appearing is said; and that on
arrival at the result Orca says the clinician box's first reason, and after one Tab the first group's level and
reason, in the person's own words. Needs the Debian packages in tools/apt-test.txt (orca, speech-dispatcher,
xdotool and what the AT-SPI test needs)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from screener.answer_sheet import AnswerSheet
from screener.i18n import _
from screener.questions import screen
from screener.scoring import score
from screener.why import clinician_lines, why_lines
from screener.wording import full_stop, group_title, labelled, level_label
from tests.ui.test_atspi import ROOT, Desktop, _needs, _stop, language

ORCA_START_S = 6.0  # Orca registers its listeners a few seconds after it starts
APP_START_S = 8.0  # the window shown and its tree read by Orca
KEY_GAP_S = 1.2  # between keys: Orca speaks what each key did before the next one
LAST_WORDS_S = 3.0  # after the last key, before Orca is asked to quit
FLUSH_KEYS = 8
AGE = "70"

# (keys, what the step is called in a failure message); "type:…" types the digits.
WALK: list[tuple[str, str]] = [
    ("Return", "start"),
    ("type:" + AGE, "age"),
    ("alt+Right", "to sex"),
    ("alt+Right", "to stress"),
    ("Down", "into the stress answers"),
    ("Right", "to Sometimes"),
    ("Right", "to About half the days"),
    ("space", "choose it: the follow-up appears"),
    ("alt+Right", "to food"),
    ("alt+Right", "to exercise"),
    ("alt+Right", "to caffeine"),
    ("alt+Right", "to kidney"),
    ("Down", "into the kidney answers"),
    ("space", "choose Yes"),
    ("alt+Right", "to medicines"),
    ("alt+Right", "to magnesium"),
    ("alt+Right", "to alcohol"),
    ("alt+Right", "to sleep"),
    ("alt+Right", "to snoring"),
    ("alt+Right", "to review"),
    ("alt+Right", "to the result"),
]


def expected(lang: str) -> dict[str, str]:
    """What Orca must say, in the app's own words for these answers."""
    with language(lang):
        stress = screen("stress")
        question = stress.questions[0]
        follow_up = stress.questions[1]
        sheet = AnswerSheet()
        sheet.set_age(int(AGE))
        sheet.pick("stress_frequency", question.choices[2].code)
        sheet.pick("kidney_disease", "yes")
        answers = sheet.to_answers()
        result = score(answers, region="us")
        group = result.matched_groups()[0]
        return {
            "prompt": _(question.prompt),
            "place": _("{section}, part {step} of {total}").format(section=_(stress.title), step=2, total=7),
            "first_choice": _(question.choices[0].label),
            "follow_up": _("A question was added below: {question}").format(question=_(follow_up.prompt)),
            "clinician_reason": clinician_lines(result)[0],
            "group_level": full_stop(labelled(group_title(group), level_label(result.groups[group].level))),
            "group_reason": why_lines(result, answers)[0].text,
        }


def time_of_day() -> float:
    now = datetime.now()
    return now.hour * 3600 + now.minute * 60 + now.second + now.microsecond / 1e6


def spoken(text: str) -> str:
    return " ".join(text.split())


class Listener:
    """Orca with its debug log, and the app, on one desktop."""

    def __init__(self, desktop: Desktop, lang: str) -> None:
        self.desktop = desktop
        self.lang = lang
        self.debug = desktop.home / f"orca-{lang}.txt"

    def said(self) -> list[tuple[float, str]]:
        """Every utterance with its time of day (seconds), from Orca's debug log."""
        text = self.debug.read_text(encoding="utf-8", errors="replace") if self.debug.exists() else ""
        found = re.findall(r"(\d\d):(\d\d):(\d\d\.\d+) - SPEECH OUTPUT: '(.*?)' ?\{", text, flags=re.DOTALL)
        return [(int(h) * 3600 + int(m) * 60 + float(sec), spoken(words)) for h, m, sec, words in found]

    def run(self) -> list[tuple[str, list[str]]]:
        """Each step with what Orca said from its key until the next one. Orca writes its log in blocks, so the
        log is read once Orca has quit, and each utterance goes to the step whose key came before it."""
        d = self.desktop
        env = dict(d.env, QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        orca = d._spawn(["orca", "--replace", "--debug-file", str(self.debug)], f"orca-{self.lang}.log", env=env)
        time.sleep(ORCA_START_S)  # its listeners are registered a few seconds after it starts
        app_env = dict(env, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        app = d._spawn(
            [sys.executable, "-m", "screener", "--lang", self.lang], f"app-orca-{self.lang}.log", env=app_env, cwd=ROOT
        )
        marks: list[tuple[str, float]] = []
        try:
            time.sleep(APP_START_S)
            for keys, what in [*WALK, ("Tab", "Tab on the result")]:
                if what == "Tab on the result":
                    time.sleep(KEY_GAP_S * 2)  # the result is the heaviest screen to lay out
                marks.append((what, time_of_day()))
                if keys.startswith("type:"):
                    subprocess.run(["xdotool", "type", "--delay", "250", keys[5:]], env=d.env, check=True)
                else:
                    subprocess.run(["xdotool", "key", keys], env=d.env, check=True)
                time.sleep(KEY_GAP_S)
            time.sleep(LAST_WORDS_S)
            # Orca writes its log in blocks and loses the last one when it quits: a few more keys (each one pages of
            # log) push what it said to the last step onto the disk.
            for _key in range(FLUSH_KEYS):
                subprocess.run(["xdotool", "key", "shift"], env=d.env, check=True)
                time.sleep(0.3)
        finally:
            subprocess.run(["orca", "--quit"], env=env, capture_output=True, check=False, timeout=30)
            for process in (app, orca):
                d.processes.remove(process)
                _stop(process)
        said = self.said()
        steps = []
        for index, (what, start) in enumerate(marks):
            end = marks[index + 1][1] if index + 1 < len(marks) else float("inf")
            steps.append((what, [words for when, words in said if start <= when < end]))
        if not said:
            log = (d.home / f"orca-{self.lang}.log").read_text(errors="replace")[-1500:]
            raise AssertionError(f"Orca said nothing at all; its log: {log}")
        return steps


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[tuple[str, list[str]]]]]:
    missing = _needs() + [tool for tool in ("orca", "xdotool") if shutil.which(tool) is None]
    assert not missing, "the Orca test needs (see tools/apt-test.txt): " + ", ".join(missing)
    desktop = Desktop(tmp_path_factory.mktemp("orca-desktop"))
    walks: dict[str, list[tuple[str, list[str]]]] = {}
    try:
        desktop.start()

        class Walks(dict[str, list[tuple[str, list[str]]]]):
            def __missing__(self, lang: str) -> list[tuple[str, list[str]]]:
                self[lang] = Listener(desktop, lang).run()
                return self[lang]

        walks = Walks()
        yield walks
    finally:
        desktop.stop()


def flat(steps: list[tuple[str, list[str]]], start: str, end: str | None = None) -> list[str]:
    """What was said from step ``start`` up to (not including) step ``end``."""
    names = [name for name, _said in steps]
    stop = names.index(end) if end else len(steps)
    return [s for _name, said in steps[names.index(start) : stop] for s in said]


def position(said: list[str], text: str, what: str, steps: list[tuple[str, list[str]]]) -> int:
    for index, utterance in enumerate(said):
        if spoken(text) in utterance:
            return index
    shown = "\n".join(f"  [{name}] {' | '.join(s)}" for name, s in steps)
    raise AssertionError(f"Orca never said {what} ({text!r}); it said:\n{shown}")


LANGS = pytest.mark.parametrize("lang", ["en", "ja"])


@LANGS
def test_a_question_is_heard_first_then_its_place_then_its_first_choice(heard: dict, lang: str) -> None:
    steps = heard[lang]
    want = expected(lang)
    said = flat(steps, "to stress", "to Sometimes")
    prompt = position(said, want["prompt"], "the question", steps)
    place = position(said, want["place"], "where it is in the check", steps)
    choice = position(said, want["first_choice"], "the first choice", steps)
    assert prompt <= place < choice, f"heard in the order {said}"


@LANGS
def test_a_follow_up_that_appears_is_said(heard: dict, lang: str) -> None:
    steps = heard[lang]
    position(
        flat(steps, "choose it: the follow-up appears", "to exercise"),
        expected(lang)["follow_up"],
        "the follow-up",
        steps,
    )


@LANGS
def test_the_result_is_heard_the_safety_reason_then_the_first_group(heard: dict, lang: str) -> None:
    """On arrival the clinician box with its first reason in the person's terms; one Tab on, the first group's
    level and its reason in the person's own numbers."""
    steps = heard[lang]
    want = expected(lang)
    position(flat(steps, "to the result", "Tab on the result"), want["clinician_reason"], "the clinician reason", steps)
    after_tab = flat(steps, "Tab on the result")
    position(after_tab, want["group_level"], "the first group's level", steps)
    position(after_tab, want["group_reason"], "the first group's reason", steps)


@LANGS
def test_nothing_heard_carries_layout_characters(heard: dict, lang: str) -> None:
    """Word joiners and the like are for drawing: a screen reader spelling "L-i-k-e-l-y" is what they do when heard."""
    said = [s for _name, part in heard[lang] for s in part]
    bad = [s for s in said if re.search("[\u2060\u200b\u00ad\ufeff]", s)]
    assert not bad, f"layout characters reached the speech: {bad[:5]}"
