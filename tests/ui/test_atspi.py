"""The app as a Linux screen reader meets it: a real window under Xvfb (with a window manager, so it has the
focus), a session bus, the AT-SPI accessibility bus, and the tree walked from outside with pyatspi, in both
languages. The walker (atspi_walk.py, run by Debian's python3) drives the app through AT-SPI actions alone, visits
every screen with every follow-up question shown, opens and closes a dialog and switches language; these tests
read its report. Needs the Debian packages in tools/apt-test.txt (xvfb, openbox, wmctrl, dbus-x11, at-spi2-core,
python3-pyatspi)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from screener.answer_sheet import AnswerSheet
from screener.i18n import _, current_language, set_language
from screener.questionnaire import NONE_OF_THESE, Question
from screener.questions import screens
from screener.review import count_text, review_rows
from screener.wording import labelled
from tests.xserver import start_display
from ui.screens.review import one_line

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walk.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-pyatspi; the venv's interpreter has no pyatspi
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
WAIT_S = 30.0  # guards against a hang only
WALK_TIMEOUT_S = 300
OTHER_LANGUAGE = {"ja": "en", "en": "ja"}
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
ASCII_WORDS_OK_IN_JAPANESE = {"English", "PDF", "FHIR"}  # "English" on the language button on purpose; names of formats

# What the walk leaves chosen: every follow-up question appears (pregnancy: female aged 30; how long: most days;
# sweating: some exercise; after 2 pm: a coffee; sleep duration: some nights). The pad keys: 1, clear, 3, 9,
# delete, 0 -> 30, so every kind of key is pressed.
CHOSEN: dict[str, Any] = {
    "age_years": ["1", "clear", "3", "9", "delete", "0"],
    "sex": "female",
    "pregnancy": "none",
    "stress_frequency": "3",
    "stress_months": "12-plus",
    "servings_per_week": {"nuts": "2", "legumes": "7"},
    "exercise_hours_per_week": "2.5-5",
    "heavy_sweating": "yes",
    "caffeine_servings_per_day": {"coffee": "2"},
    "caffeine_after_2pm": "yes",
    "kidney_disease": "no",
    "medicines": ["diuretic", "antibiotic"],
    "magnesium_products": ["supplement"],
    "alcohol_drinks_per_week": "1-7",
    "insomnia_nights_per_week": "3",
    "sleep_problem_months": "3-5",
    "snoring_or_gasping": "no",
}
TYPED_AGE = 30


# --- the plan: every name the walker needs, in the language of the walk ------------------------------------------


@contextmanager
def language(lang: str) -> Iterator[None]:
    before = current_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def chosen_sheet() -> AnswerSheet:
    sheet = AnswerSheet()
    sheet.set_age(TYPED_AGE)
    for question in sheet.questions():
        value = CHOSEN[question.field]
        if question.kind == "single":
            sheet.pick(question.field, value)
        elif question.kind == "multi":
            for code in value:
                sheet.toggle(question.field, code)
        elif question.kind == "counts":
            for item, code in value.items():
                sheet.pick_count(question.field, item, code)
    return sheet


def question_plan(question: Question) -> dict[str, Any]:
    entry: dict[str, Any] = {"field": question.field, "kind": question.kind, "prompt": _(question.prompt)}
    codes = [c.code for c in question.choices]
    wanted = CHOSEN[question.field]
    if question.kind == "number":
        entry.update(keys=wanted, delete=_("Delete the last digit"), clear=_("Clear"))
    elif question.kind == "single":
        entry.update(options=[_(c.label) for c in question.choices], choose=codes.index(wanted))
    elif question.kind == "multi":
        entry.update(options=[_(c.label) for c in question.choices], choose=[codes.index(c) for c in wanted])
    else:
        counts = [c.code for c in question.choices if c.code != NONE_OF_THESE]
        items = [row.item for row in question.rows]
        entry.update(
            none=_(question.choice(NONE_OF_THESE).label),
            rows=[{"item": row.item, "label": _(row.label)} for row in question.rows],
            counts=[count_text(question, code) for code in counts],
            choose={str(items.index(item)): counts.index(code) for item, code in wanted.items()},
        )
    return entry


def make_plan(lang: str) -> dict[str, Any]:
    with language(OTHER_LANGUAGE[lang]):
        other_title = _("Magnesium self-check")
    with language(lang):
        sheet = chosen_sheet()
        values = sheet.values()
        entries: list[dict[str, Any]] = [{"id": "welcome", "title": _("Welcome")}]
        sections = list(dict.fromkeys(s.section for s in screens()))
        for screen in screens():
            asked = [q for q in screen.questions if q.asked(values)]
            if not asked:
                continue
            entries.append(
                {
                    "id": screen.id,
                    "title": _(screen.title),
                    "marker": _(asked[0].prompt),
                    "place": _("{section}, part {step} of {total}").format(
                        section=_(screen.title), step=sections.index(screen.section) + 1, total=len(sections)
                    ),
                    "questions": [question_plan(q) for q in asked],
                    "try_back": screen.id == "sex",
                }
            )
        titles = {"welcome": _("Welcome"), "review": _("Check your answers"), "result": _("Your result")}
        result_heading = _("Your result (not a diagnosis)")
        entries += [{"id": "review", "title": titles["review"]}, {"id": "result", "title": titles["result"]}]
        return {
            "lang": lang,
            "app_name": "screener",
            "title": _("Magnesium self-check"),
            "other_title": other_title,
            "titles": titles,
            "result_heading": result_heading,
            "screens": entries,
            "footer": {
                "start": _("Start"),
                "next": _("Next"),
                "skip": _("Skip this question"),
                "see_result": _("See my result"),
                "back": _("Back"),
                "start_over": _("Start over for the next person"),
                "back_to_review": _("Back to review"),
            },
            "dialog": {"title": _("Start over?"), "keep": _("Keep my answers"), "clear": _("Clear and start over")},
            "header_toggles": [_("Larger text"), _("High contrast")],
            "language_button": _("Change language to {language}").format(language=LANGUAGE_NAMES[OTHER_LANGUAGE[lang]]),
            "ascii_ok": sorted(ASCII_WORDS_OK_IN_JAPANESE),
            # Each answer on one line, as the review shows it ("Age: 30 years").
            "review_rows": [labelled(row.label, one_line(row.answer)) for row in review_rows(sheet)],
        }


# --- the desktop: Xvfb, a window manager, a session bus and the accessibility bus ----------------------------------


def _needs() -> list[str]:
    missing = [tool for tool in ("Xvfb", "openbox", "wmctrl", "dbus-launch") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(BUS_LAUNCHER + " (at-spi2-core)")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        missing.append("python3-pyatspi for " + SYSTEM_PYTHON)
    return missing


def _wait(what: str, check: Callable[[], bool], process: subprocess.Popen[bytes] | None = None) -> bool:
    end = time.monotonic() + WAIT_S
    while not check():
        if process is not None and process.poll() is not None:
            return False
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End a process we started, and the children it started in its own session."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


class Desktop:
    """One X display with its buses, for every walk of the module."""

    def __init__(self, home: Path, size: tuple[int, int] = (1280, 800)) -> None:
        self.home = home
        self.size = size
        self.processes: list[subprocess.Popen[bytes]] = []
        self.bus_pid: int | None = None
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "DBUS_", "AT_SPI", "WAYLAND", "XDG_"))
        }
        self.env.update(
            HOME=str(home),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_CONFIG_HOME=str(home / ".config"),
        )

    def start(self) -> None:
        server, manager, self.env = start_display(*self.size, self.home, self.env)
        self.processes += [server, manager]
        out = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True, check=True, timeout=WAIT_S
        ).stdout
        found = dict(
            line.split("=", 1)
            for line in (part.strip() for part in out.replace("export ", "").split(";"))
            if "=" in line
        )
        self.env["DBUS_SESSION_BUS_ADDRESS"] = found["DBUS_SESSION_BUS_ADDRESS"].strip("'")
        self.bus_pid = int(found["DBUS_SESSION_BUS_PID"])
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], "at-spi-bus-launcher.log")
        _wait("the accessibility bus", self._a11y_bus_up)

    def _a11y_bus_up(self) -> bool:
        probe = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus.GetAddress",
            ],
            env=self.env,
            capture_output=True,
            check=False,
        )
        return probe.returncode == 0 and b"unix:" in probe.stdout

    def _spawn(self, command: list[str], log: str, **kwargs: Any) -> subprocess.Popen[bytes]:
        with (self.home / log).open("wb") as out:
            process = subprocess.Popen(
                command,
                env=kwargs.pop("env", self.env),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **kwargs,
            )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
        if self.bus_pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self.bus_pid, signal.SIGTERM)

    def walk(self, lang: str) -> dict[str, Any]:
        """Start the app in ``lang``, walk it, stop it; the walker's report."""
        plan = make_plan(lang)
        plan_path = self.home / f"plan-{lang}.json"
        plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        app_env = dict(
            self.env,
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
        )
        app = self._spawn([sys.executable, "-m", "screener", "--lang", lang], f"app-{lang}.log", env=app_env, cwd=ROOT)
        try:
            walked = subprocess.run(
                [SYSTEM_PYTHON, str(WALKER), str(plan_path)],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=WALK_TIMEOUT_S,
                check=False,
            )
        finally:
            _stop(app)
            self.processes.remove(app)
        app_log = (self.home / f"app-{lang}.log").read_text(encoding="utf-8", errors="replace")
        if walked.returncode != 0 or not walked.stdout.strip():
            raise AssertionError(f"the walker failed ({walked.returncode}):\n{walked.stderr}\napp log:\n{app_log}")
        report: dict[str, Any] = json.loads(walked.stdout)
        report["plan"] = plan
        report["app_log"] = app_log[-4000:]
        return report


class Walks:
    """One walk per language, made when a test first asks for it."""

    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop
        self.reports: dict[str, dict[str, Any]] = {}
        self.failures: dict[str, str] = {}

    def __call__(self, lang: str) -> dict[str, Any]:
        if lang in self.failures:  # one cause, one wait: the other tests of that language fail at once with it
            raise AssertionError(f"the {lang} walk failed earlier in this module:\n{self.failures[lang]}")
        if lang not in self.reports:
            try:
                self.reports[lang] = self.desktop.walk(lang)
            except (AssertionError, subprocess.TimeoutExpired) as failure:
                self.failures[lang] = str(failure)
                raise
            if os.environ.get("ATSPI_REPORT_DIR"):
                out = Path(os.environ["ATSPI_REPORT_DIR"]) / f"atspi-{lang}.json"
                out.write_text(json.dumps(self.reports[lang], ensure_ascii=False, indent=1), encoding="utf-8")
        return self.reports[lang]


@pytest.fixture(scope="module")
def walks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walks]:
    missing = _needs()
    assert not missing, "the AT-SPI test needs (see tools/apt-test.txt): " + ", ".join(missing)
    desktop = Desktop(tmp_path_factory.mktemp("atspi-desktop"))
    try:
        desktop.start()
        yield Walks(desktop)
    finally:
        desktop.stop()


def listed(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


LANGS = pytest.mark.parametrize("lang", ["ja", "en"])


# --- the tests ------------------------------------------------------------------------------------------------------


@LANGS
def test_the_walk_reaches_every_screen_through_atspi_alone(walks: Walks, lang: str) -> None:
    """Start, every question screen (every follow-up shown), review, result and the dialog, by AT-SPI actions."""
    report = walks(lang)
    assert report["error"] is None, report["error"] + "\n" + report["app_log"]
    visited = [shot["id"] for shot in report["screens"]]
    assert visited == [s["id"] for s in report["plan"]["screens"]] + ["result+dialog"]


@LANGS
def test_no_actionable_node_is_without_a_name(walks: Walks, lang: str) -> None:
    """No push button, radio, check box, text box, scroll bar or other node with an action or focus lacks a name."""
    report = walks(lang)
    assert not report["violations"]["unnamed"], listed(report["violations"]["unnamed"])


@LANGS
def test_single_choices_are_radio_buttons_in_a_group_named_by_the_question(walks: Walks, lang: str) -> None:
    """Each single-choice option is a radio button in a named panel holding exactly the question's options, named
    as the question words them; count buttons name their row; multi-choice options are check boxes."""
    report = walks(lang)
    problems = list(report["violations"]["radio"])
    plan_questions = {q["field"]: q for s in report["plan"]["screens"] for q in s.get("questions", [])}
    for shot in report["screens"]:
        for group in shot.get("groups", []):
            field, _, item = group["field"].partition(".")
            question = plan_questions[field]
            role = "check box" if question["kind"] == "multi" else "radio button"
            if group["group_children_roles"] != [role] * len(group["options"]):
                problems.append(
                    f"{group['field']}: the group holds {group['group_children_roles']}, not only the "
                    f"options (so a screen reader's 'n of m' would be wrong)"
                )
            if question["kind"] in ("single", "multi"):
                if group["group_name"] != question["prompt"]:
                    problems.append(f"{field}: group named {group['group_name']!r}, not by the question")
                if group["options"] != question["options"]:
                    problems.append(f"{field}: options named {group['options']}, expected {question['options']}")
            else:
                row = next(r["label"] for r in question["rows"] if r["item"] == item)
                if row not in group["group_name"]:
                    problems.append(f"{group['field']}: group named {group['group_name']!r} lacks the row {row!r}")
                unnamed = [o for o in group["options"] if row not in o]
                if unnamed:
                    problems.append(f"{group['field']}: count buttons {unnamed} lack the row name {row!r}")
    fields = {g["field"].partition(".")[0] for shot in report["screens"] for g in shot.get("groups", [])}
    expected = {f for f, q in plan_questions.items() if q["kind"] in ("single", "counts")}
    assert expected <= fields, f"groups never met: {sorted(expected - fields)}"
    assert not problems, listed(problems)


@LANGS
def test_every_offered_action_does_what_it_says(walks: Walks, lang: str) -> None:
    """Toggle on each radio makes it the one checked option; Toggle and Press on check boxes flip them; pad keys
    type; SetFocus focuses; and the review shows exactly the answers chosen through AT-SPI."""
    report = walks(lang)
    problems = list(report["violations"]["action"])
    review = next((shot for shot in report["screens"] if shot["id"] == "review"), None)
    assert review is not None, report["error"]
    cards = review.get("cards", [])
    for line in report["plan"]["review_rows"]:
        if not any(line in card for card in cards):
            problems.append(f"review lacks {line!r} (cards: {cards})")
    assert report.get("age_box", {}).get("text") == str(TYPED_AGE), report.get("age_box")
    assert not problems, listed(problems)


@LANGS
def test_values_are_exposed_and_changes_announced(walks: Walks, lang: str) -> None:
    """Every choice fires state-changed:checked; the age box exposes its text and fires text-changed."""
    report = walks(lang)
    problems = report["violations"]["event"] + report["violations"]["value"]
    assert not problems, listed(problems)


@LANGS
def test_the_window_is_a_frame_named_in_the_shown_language(walks: Walks, lang: str) -> None:
    """Role 'frame' with the translated title, and the other title after the language button."""
    report = walks(lang)
    problems = list(report["violations"]["frame"])
    if report.get("frame_after_switch") is None:
        problems.append(f"the walk never reached the language switch: {report['error']}")
    assert not problems, listed(problems)


@LANGS
def test_nothing_hidden_is_reported_as_showing(walks: Walks, lang: str) -> None:
    """One screen showing at a time, no showing node under a hidden one, and a closed dialog leaves the tree."""
    report = walks(lang)
    problems = list(report["violations"]["hidden"])
    if report.get("dialog_closed") is None:
        problems.append(f"the walk never closed the dialog: {report['error']}")
    assert not problems, listed(problems)


@LANGS
def test_focus_lands_on_the_first_control_and_stays_in_an_open_dialog(walks: Walks, lang: str) -> None:
    """Each question screen puts the focus on its first control; an open dialog on its safe choice."""
    report = walks(lang)
    problems = list(report["violations"]["focus"])
    for shot in report["screens"]:
        if shot["id"] in ("welcome", "review", "result", "result+dialog"):
            continue
        if shot["focused_in_page"] != [True]:
            problems.append(f"{shot['id']}: focused {shot['focused']} (in the screen: {shot['focused_in_page']})")
    assert not problems, listed(problems)


@LANGS
def test_no_name_or_description_carries_layout_characters(walks: Walks, lang: str) -> None:
    """The word joiners that keep Japanese phrases whole on a line are drawn only: a name with them is spelled
    letter by letter ("L-i-k-e-l-y") by a screen reader."""
    report = walks(lang)
    problems = report["violations"]["layout"]
    assert not problems, listed(problems)


@LANGS
def test_each_question_screen_starts_on_its_question_named_and_placed(walks: Walks, lang: str) -> None:
    """The focus a screen gives is its first question's group, named by the question and described by its place
    ("Stress, part 2 of 7"), so that is heard first; the age box is the age question's own control."""
    report = walks(lang)
    plan = {entry["id"]: entry for entry in report["plan"]["screens"]}
    problems = []
    for shot in report["screens"]:
        entry = plan.get(shot["id"], {})
        if "marker" not in entry:
            continue
        focused = shot["focused_nodes"]
        if len(focused) != 1:
            problems.append(f"{shot['id']}: focused {focused}")
            continue
        node = focused[0]
        if node["role"] == "text":  # the age: the box is focused inside its question's group
            pass
        elif node["role"] != "panel" or node["name"] != entry["marker"]:
            problems.append(f"{shot['id']}: focus on {node['role']} {node['name']!r}, not the question's group")
        if entry["place"] not in node["description"]:
            problems.append(f"{shot['id']}: described {node['description']!r}, without {entry['place']!r}")
    assert not problems, listed(problems)


@LANGS
def test_the_result_body_is_reached_by_the_keyboard(walks: Walks, lang: str) -> None:
    """On the result the focus is in its body (the safety box), and Tab reaches its heading and its paragraphs:
    the result is not only buttons and a scroll bar."""
    report = walks(lang)
    shot = next(s for s in report["screens"] if s["id"] == "result")
    focused = shot["focused_nodes"]
    assert shot["focused_in_page"] == [True] and focused[0]["role"] == "label", f"focus on the result: {focused}"
    readable = shot["readable"]
    headings = [r["name"] for r in readable if r["role"] == "heading"]
    assert report["plan"]["result_heading"] in headings, f"headings reached: {headings}"
    labels = [r["name"] for r in readable if r["role"] == "label"]
    assert len(labels) >= 3, f"paragraphs reached by Tab: {labels}"


@LANGS
def test_the_locale_told_follows_a_live_language_switch(walks: Walks, lang: str) -> None:
    """After the language button, the window and the screen's text report the new language's locale (a screen
    reader picks its voice by it): Japanese read with an English voice is noise."""
    report = walks(lang)
    after = report.get("locale_after_switch")
    assert after is not None, f"the walk never reached the language switch: {report['error']}"
    other = OTHER_LANGUAGE[lang]
    assert all(value.startswith(other) for value in after.values()), f"after switching to {other}: {after}"


def test_japanese_names_do_not_mix_ascii_and_full_width_colons(walks: Walks) -> None:
    """Every separator colon in a Japanese name is full width; no English word is left in a Japanese name."""
    report = walks("ja")
    problems = report["violations"]["colon"] + report["violations"]["name"]
    assert not problems, listed(problems) + "\nnames with colons:\n" + "\n".join(report["colon_names"])


def test_english_names_say_what_they_are(walks: Walks) -> None:
    """In English too: pad keys say what they type, the dialog has its two named buttons."""
    report = walks("en")
    assert not report["violations"]["name"], listed(report["violations"]["name"])


@LANGS
def test_radio_buttons_tell_their_position_in_the_group(walks: Walks, lang: str) -> None:
    """Every radio button carries its place in its group ("2 of 5"): Qt 6's AT-SPI bridge has no MEMBER_OF relation
    and no posinset/setsize attributes, so the app says it in the description, which screen readers speak."""
    position = walks(lang)["radio_position"]
    assert position["radios"] > 0
    assert position["radios"] in (position["member_of"], position["posinset"], position["described"]), position
