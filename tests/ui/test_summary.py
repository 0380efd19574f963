"""The printed summary: one page always; every group with its level, evidence and every reason; the clinician
sections, the unanswered safety questions, a legend, the reference intake and why, the content version; Japanese
that extracts as the characters drawn; fonts embedded; atomic writes; and printing that tells the person only what
CUPS really did."""

from __future__ import annotations

import re
import subprocess
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from pytestqt.qtbot import QtBot

from screener import guidance
from screener.answers import Answers
from screener.content import content_version
from screener.i18n import _, set_language
from screener.result import GROUP_IDS
from screener.scoring import score
from screener.wording import flag_title, level_label
from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, next_screen, tap
from ui.print_system import PrintOutcome, Status
from ui.printing import SummaryPrinter
from ui.shell.window import ScreenerWindow
from ui.summary import SummaryError, age_band, write_pdf
from ui.summary_html import reference_text, top_guidance
from ui.widgets.overlay import open_dialogs

T = TypeVar("T")

KANGXI = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
WORST = Answers.model_validate(WORST_CASE)


def pdf_text(path: Path) -> str:
    # -raw: in the order drawn, so a table cell's lines stay together.
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def finished(value: T) -> Future[T]:
    """A print worker's answer that is already there."""
    future: Future[T] = Future()
    future.set_result(value)
    return future


def squeeze(text: str) -> str:
    """Line breaks and spaces only: wrapping splits words across lines. No Unicode normalisation."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def make_pdf(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(language: str, paper: str, answers: Answers = WORST) -> tuple[Path, object]:
        set_language(language)
        result = score(answers, region="jp" if language == "ja" else "us")
        path = write_pdf(
            tmp_path / f"summary-{language}-{paper}.pdf",
            result,
            answers,
            paper,  # type: ignore[arg-type]
            date(2026, 11, 24),
        )
        return path, result

    return make


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("paper", "size"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_worst_case_is_one_page_with_the_core_levels_and_flags(make_pdf, language: str, paper: str, size: str) -> None:  # type: ignore[no-untyped-def]
    path, result = make_pdf(language, paper)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert size in info
    text = squeeze(pdf_text(path))
    from ui.summary_html import STAFF_CONSIDER, group_numbers, strength_word

    for group in GROUP_IDS:  # each group with its level, its evidence and the person's numbers
        outcome = result.groups[group]
        assert squeeze(level_label(outcome.level)) in text
        assert squeeze(strength_word(outcome.evidence.strength)) in text
        assert squeeze(group_numbers(group, result, WORST)) in text
    assert len(result.clinician.flags) == 5
    for flag in result.clinician.flags:  # a line to tick for each flag, with what to consider
        assert squeeze(flag_title(flag)) in text and squeeze(_(STAFF_CONSIDER[flag])) in text
    also = next(s for s in guidance.clinician_sections(result) if s.kind == "also")
    for line in also.lines:  # and, in the small print, what else to weigh
        assert squeeze(line) in text
    assert squeeze(reference_text(result)) in text
    assert content_version() in text
    assert "●" in text and "◐" in text and "○" in text  # the legend explains every mark
    assert not KANGXI.search(text)


def test_japanese_text_extracts_as_the_characters_drawn(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, _result = make_pdf("ja", "A4")
    text = pdf_text(path)
    assert not KANGXI.search(text), sorted(set(KANGXI.findall(text)))
    # Kanji that stock CJK fonts turn into radicals in Qt's PDFs, exactly as drawn.
    for word in ("日付", "2026年11月24日", "70〜74歳", "約670 mg", "医師", "日本人の食事摂取基準2025年版"):
        assert word in text, word


def test_every_font_is_embedded(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, _result = make_pdf("ja", "A4")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    assert all(row.startswith("ScreenerSansJP") for row in rows)


def test_a_calm_result_also_fits_and_says_which_safety_questions_were_skipped(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path, result = make_pdf("en", "Letter", Answers(age_years=30, sex="male"))
    assert result.clinician.flags == []
    text = squeeze(pdf_text(path))
    assert squeeze("No safety flag in the answers given") in text
    assert squeeze("Safety questions not answered") in text
    assert squeeze("kidneys not working well") in text  # named as not answered, never as "no flags at all"


def test_the_pregnancy_limit_is_printed_as_the_pregnancy_limit(make_pdf) -> None:  # type: ignore[no-untyped-def]
    pregnant = Answers(age_years=32, sex="female", pregnancy="pregnant", caffeine_servings_per_day={"coffee": 3.0})
    path, _result = make_pdf("en", "Letter", pregnant)
    text = squeeze(pdf_text(path))
    assert squeeze("over the 200 mg safe level") in text  # the caffeine group's line, with pregnancy's limit
    assert squeeze("400 mg") not in text


def test_unwritable_folder_is_a_clear_error_and_leaves_nothing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = score(WORST)
    with pytest.raises(SummaryError, match="the folder does not exist"):
        write_pdf(tmp_path / "missing" / "x.pdf", result, WORST, "A4")
    (tmp_path / "a-folder.pdf").mkdir()  # the name is taken by a folder: the final rename fails
    with pytest.raises(SummaryError, match=r"Cannot save to .*a-folder\.pdf: Is a directory"):
        write_pdf(tmp_path / "a-folder.pdf", result, WORST, "A4")
    assert list(tmp_path.rglob("*.part")) == []


def test_write_is_atomic_and_replaces_an_old_file(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    write_pdf(target, score(WORST), WORST, "A4")
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_age_band_hides_the_exact_age_and_its_first_edge_is_the_adult_flags() -> None:
    assert age_band(72) == "70 to 74"
    assert age_band(17) == "under 18"
    assert age_band(18) == "18 to 19" and age_band(19) == "18 to 19"
    assert age_band(20) == "20 to 24"
    assert age_band(95) == "90 or over"


def test_summary_guidance_takes_a_point_from_each_matched_group_kidney_diet_first() -> None:
    from ui.summary_html import MAX_GUIDANCE_POINTS

    result = score(WORST)
    points = top_guidance(result, WORST)
    assert len(points) == MAX_GUIDANCE_POINTS
    assert "kidney diet" in points[0]  # the kidney flag: the diet the clinician gave comes first
    groups = {group for group, text in guidance.guidance_points(result, WORST) if text in points}
    assert len(groups) == len(points)  # each from a different group (or none)


@pytest.mark.parametrize(
    ("status", "told"),
    [
        (Status.SENT, "Sent to the printer"),
        (Status.HELD, "your summary is waiting"),
        (Status.REJECTED, "not taking print jobs"),
        (Status.NO_PRINTER, "No printer is available here"),
        (Status.UNKNOWN_PRINTER, "was not found"),
        (Status.FAILED, "could not be printed"),
    ],
)
def test_the_person_is_told_what_the_print_system_did(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: ScreenerWindow, monkeypatch, status: Status, told: str
) -> None:
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    printer = SummaryPrinter(window)
    sent: list[bytes] = []

    def fake(data: bytes, printer_name: str | None = None, title: str = "", wait: float = 2.0):  # type: ignore[no-untyped-def]
        sent.append(data)
        return finished(PrintOutcome(status, "PDF", 7 if status in (Status.SENT, Status.HELD) else None, "detail"))

    monkeypatch.setattr("ui.print_system.print_in_background", fake)
    tap(qtbot, window.footer.print_button)
    qtbot.waitUntil(lambda: printer.last_message is not None, timeout=3000)
    assert sent and sent[0].startswith(b"%PDF")
    assert told in (printer.last_message or "")
    message = open_dialogs(window.centralWidget())[-1]
    assert not message.isWindow()  # in the window, in the person's language
    assert ("Sent to the printer" in message.text.text()) is (status == Status.SENT)  # never claimed otherwise
    assert window.current_id() == "result" and window.sheet.age() == 70


def test_a_failed_save_names_the_path_and_keeps_the_result(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: ScreenerWindow, monkeypatch, tmp_path
) -> None:
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    printer = SummaryPrinter(window)
    bad = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(printer, "_ask_path", lambda *a: str(bad))
    tap(qtbot, window.footer.pdf_button)
    assert printer.last_message is not None and str(bad) in printer.last_message
    assert window.result is not None and window.current_id() == "result"


def test_a_childs_reference_names_the_edition_it_comes_from() -> None:
    from ui.summary_html import reference_text

    teen = score(Answers.model_validate({"age_years": 16, "sex": "female"}), region="jp")
    assert reference_text(teen) == "Reference intake: 310 mg a day (Japan 2020, age 15 to 17, female)"
    adult = score(Answers.model_validate({"age_years": 40, "sex": "female"}), region="jp")
    assert "Japan 2025" in reference_text(adult)


def test_with_reduced_kidney_function_the_summary_shows_the_kidney_diet_and_still_the_routine() -> None:
    points = top_guidance(score(WORST), WORST)
    assert points[0].startswith("If you have been given a kidney diet, it comes first")


def test_a_finished_save_is_said(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: ScreenerWindow, monkeypatch, tmp_path
) -> None:
    """A screen reader user hears where the summary went (the file dialog closing says nothing)."""
    from ui.accessibility import ANNOUNCE_DELAY_MS

    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    printer = SummaryPrinter(window)
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(printer, "_ask_path", lambda *a: str(target))
    tap(qtbot, window.footer.pdf_button)
    assert target.exists()
    qtbot.wait(ANNOUNCE_DELAY_MS + 50)
    assert window.announcer.said == f"Saved: {target}"


@pytest.mark.parametrize(
    ("language", "sex", "unanswered", "name_line"),
    [
        ("en", "Sex: Female", "Sex: Not answered", "Name or patient number:"),
        ("ja", "性別：女性", "性別：未回答", "氏名または患者番号："),
    ],
)
def test_the_header_shows_the_sex_plainly_and_a_place_to_write_the_name(  # type: ignore[no-untyped-def]
    make_pdf, language: str, sex: str, unanswered: str, name_line: str
) -> None:
    """Staff wrote the name on the margin: the page has a labelled line for it (the app never asks for a name),
    and the sex is said on its own, not only inside the reference-intake line."""
    path, _result = make_pdf(language, "A4")
    text = squeeze(pdf_text(path))
    assert squeeze(sex) in text
    assert squeeze(name_line) in text
    calm, _ = make_pdf(language, "A4", Answers.model_validate({"age_years": 40}))
    assert squeeze(unanswered) in squeeze(pdf_text(calm))


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_checklist_shows_the_answer_behind_each_flag_then_what_to_consider(make_pdf, language: str) -> None:  # type: ignore[no-untyped-def]
    """The clinician checks each flag against what the person answered: each flag's line holds the answers behind
    it as the review words them (a multi-line answer run on), then what to consider."""
    from screener.answer_sheet import AnswerSheet
    from screener.review import review_rows
    from screener.wording import labelled
    from ui.screens.review import one_line
    from ui.summary_html import FLAG_FIELDS, STAFF_CONSIDER

    path, result = make_pdf(language, "A4")
    text = squeeze(pdf_text(path))
    sheet = AnswerSheet()
    sheet.load(WORST)
    rows = {row.field: row for row in review_rows(sheet)}
    for flag in result.clinician.flags:
        title = text.index(squeeze(flag_title(flag)))
        answers = [text.index(squeeze(labelled(rows[f].label, one_line(rows[f].answer)))) for f in FLAG_FIELDS[flag]]
        consider = text.index(squeeze(_(STAFF_CONSIDER[flag])))
        assert title < min(answers) and max(answers) < consider, flag


def test_every_flag_has_its_questions_and_what_to_consider() -> None:
    from screener.ids import FLAG_IDS
    from screener.questions import question
    from ui.summary_html import FLAG_FIELDS, STAFF_CONSIDER

    assert set(FLAG_FIELDS) == set(STAFF_CONSIDER) == set(FLAG_IDS)
    for fields in FLAG_FIELDS.values():
        for field in fields:
            question(field)  # a question asks it


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_numbers_behind_the_levels_are_on_the_page(make_pdf, language: str) -> None:  # type: ignore[no-untyped-def]
    """Foods, drinks and exercise as the person counted them, in the groups' lines, so the clinician sees what a
    level rests on."""
    path, result = make_pdf(language, "A4")
    text = squeeze(pdf_text(path))
    from ui.summary_html import group_numbers

    for group in ("low_dietary_intake", "athlete_sweat_loss", "high_caffeine"):
        assert squeeze(group_numbers(group, result, WORST)) in text


@pytest.mark.parametrize(("status", "cancelled"), [(Status.HELD, [("PDF", 7)]), (Status.SENT, [])])
def test_a_summary_left_waiting_in_the_queue_is_cancelled_at_the_reset(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: ScreenerWindow, monkeypatch, status: Status, cancelled: list
) -> None:
    """With the queue stopped the whole summary stayed in the spool after the reset: a job this session left
    unprinted is cancelled and purged when the session ends (a printed one is left alone)."""
    answer_everything(qtbot, window, {"age_years": 70})
    next_screen(qtbot, window)
    window.printer = SummaryPrinter(window)  # type: ignore[attr-defined]
    asked: list[tuple[str, int]] = []

    def fake_print(data: bytes, printer_name: str | None = None, title: str = "", wait: float = 2.0):  # type: ignore[no-untyped-def]
        return finished(PrintOutcome(status, "PDF", 7, "detail"))

    def fake_purge(jobs: list[tuple[str, int]]) -> Future[int]:
        asked.extend(jobs)
        return finished(0)

    monkeypatch.setattr("ui.print_system.print_in_background", fake_print)
    monkeypatch.setattr("ui.print_system.purge_in_background", fake_purge)
    tap(qtbot, window.footer.print_button)
    qtbot.waitUntil(lambda: window.printer.last_message is not None, timeout=3000)  # type: ignore[attr-defined]
    assert asked == []  # not while the person is still there
    window.reset_session()
    assert asked == cancelled
    window.reset_session()
    assert asked == cancelled  # once


EVERYTHING = Answers.model_validate(
    {
        **WORST_CASE,
        "age_years": 17,
        "pregnancy": "pregnant",
        "caffeine_servings_per_day": {drink: 6.0 for drink in WORST_CASE["caffeine_servings_per_day"]},
        "magnesium_products": ["supplement", "laxative", "antacid"],
        "alcohol_drinks_per_week": 22.0,
        "insomnia_nights_per_week": 7,
        "sleep_problem_months": 12,
    }
)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("answers", [WORST, EVERYTHING], ids=["worst-case", "every-flag-at-17"])
def test_the_clinicians_half_is_body_type_and_the_page_never_runs_over(qapp, language: str, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    """At least 9 pt for the checklist and the groups, whatever was answered; the small print gives way first,
    and the page's last line (the disclaimer) is still on it."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter

    from ui.summary import MIN_BODY_PT, configure_page, render_summary
    from ui.summary_html import STAFF_DISCLAIMER

    set_language(language)
    result = score(answers, region="jp" if language == "ja" else "us")
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    configure_page(writer, "A4" if language == "ja" else "Letter")
    body, small = render_summary(writer, result, answers, date(2026, 11, 24))
    del writer
    assert body >= MIN_BODY_PT and small < body
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=bytes(buffer.data()), capture_output=True, check=True
    )
    text = squeeze(done.stdout.decode())
    assert squeeze(_(STAFF_DISCLAIMER)) in text  # the last paragraph was drawn on the page, not past its end
    if answers is EVERYTHING:
        assert len(result.clinician.flags) == 7
