"""Back and the review page's Change keep answers; conditional questions come and go; start over leaves no trace."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, choose, next_page, step_to, tap, type_age
from ui.pages.base import PageId
from ui.window import ScreenerWindow


def go_back_to(qtbot: QtBot, window: ScreenerWindow, page: PageId) -> None:
    while window.current_id() != page:
        tap(qtbot, window.back_button)


def test_back_keeps_every_answer(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {k: v for k, v in WORST_CASE.items() if k != "pregnancy"})
    before = window.draft.snapshot()
    go_back_to(qtbot, window, PageId.ABOUT_YOU)
    assert window.about_you.age.text() == "72"
    assert window.about_you.sex.value() == "female"
    for _ in range(7):
        next_page(qtbot, window)
    assert window.current_id() == PageId.REVIEW
    assert window.draft.snapshot() == before
    assert window.caffeine.steppers["coffee"].value() == 5
    assert window.health.medicines.value() == WORST_CASE["medicines"]


def test_review_change_returns_to_review_with_the_new_answer(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40, "caffeine_servings_per_day": {"coffee": 2.0}})
    assert "2 a day" in window.review.answer_texts()
    tap(qtbot, window.review.change_buttons[PageId.CAFFEINE])
    assert window.current_id() == PageId.CAFFEINE
    assert window.next_button.text() == "Back to review"
    step_to(qtbot, window.caffeine.steppers["coffee"], 4)
    next_page(qtbot, window)
    assert window.current_id() == PageId.REVIEW
    assert "4 a day" in window.review.answer_texts()
    assert window.draft.get("age_years") == 40


def test_review_lists_every_answer_in_plain_words(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40, "sex": "male", "stress_frequency": 3, "stress_months": 4})
    texts = window.review.answer_texts()
    assert "40 years" in texts and "Male" in texts and "Often" in texts and "4 months" in texts
    assert texts.count("Not answered") >= 3  # skipped diet, exercise, caffeine, sleep


def test_pregnancy_is_asked_only_where_it_can_apply(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_page(qtbot, window)
    page = window.about_you
    type_age(qtbot, window, 30)
    assert page.pregnancy_block.isVisible()
    choose(qtbot, page.pregnancy, "pregnant")
    choose(qtbot, page.sex, "male")
    assert not page.pregnancy_block.isVisible()
    assert window.draft.get("pregnancy") is None  # a hidden question keeps no answer
    choose(qtbot, page.sex, "female")
    type_age(qtbot, window, 70)
    assert not page.pregnancy_block.isVisible()


def test_follow_up_questions_appear_only_when_they_apply(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_page(PageId.EXERCISE)
    assert not window.exercise.sweat_block.isVisible()
    step_to(qtbot, window.exercise.hours, 1)
    assert window.exercise.sweat_block.isVisible()
    choose(qtbot, window.exercise.sweat, True)
    step_to(qtbot, window.exercise.hours, 0)
    assert not window.exercise.sweat_block.isVisible()
    assert window.draft.get("heavy_sweating") is None

    window.show_page(PageId.CAFFEINE)
    assert not window.caffeine.late_block.isVisible()
    step_to(qtbot, window.caffeine.steppers["cola"], 1)
    assert window.caffeine.late_block.isVisible()

    window.show_page(PageId.STRESS)
    choose(qtbot, window.stress.frequency, 1)
    assert not window.stress.months_block.isVisible()
    choose(qtbot, window.stress.frequency, 3)
    assert window.stress.months_block.isVisible()

    window.show_page(PageId.SLEEP)
    assert not window.sleep.months_block.isVisible()
    step_to(qtbot, window.sleep.nights, 2)
    assert window.sleep.months_block.isVisible()


def test_start_over_leaves_no_trace(qtbot: QtBot, window: ScreenerWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answer_everything(qtbot, window, {k: v for k, v in WORST_CASE.items() if k != "pregnancy"})
    next_page(qtbot, window)
    assert window.current_id() == PageId.RESULT
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.started_over):
        tap(qtbot, window.start_over_button)
    assert window.current_id() == PageId.WELCOME
    assert window.draft.is_empty()
    assert window.result is None
    assert not window.back_button.isVisible()
    assert all(not label.text() for label in window.result_page.body.findChildren(QLabel))
    # Walk forward: every page shows blank or zero, and nothing of the last person is on screen.
    next_page(qtbot, window)
    assert window.about_you.age.text() == ""
    assert window.about_you.sex.value() is None
    type_age(qtbot, window, 50)
    for page in (window.stress, window.diet, window.exercise, window.caffeine, window.health, window.sleep):
        next_page(qtbot, window)
        assert window.current_page() is page
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert "72" not in texts and "5.0 a day" not in texts
    assert window.caffeine.steppers["coffee"].value() == 0
    assert window.health.medicines.value() == []
    assert window.health.kidney.value() is None


def test_cancelled_start_over_keeps_the_result(qtbot: QtBot, window: ScreenerWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answer_everything(qtbot, window, {"age_years": 66})
    next_page(qtbot, window)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.No)
    tap(qtbot, window.start_over_button)
    assert window.current_id() == PageId.RESULT
    assert window.draft.get("age_years") == 66


def test_sensitive_pages_offer_prefer_not_to_answer(qtbot: QtBot, window: ScreenerWindow) -> None:
    labels = {}
    for page in (PageId.STRESS, PageId.DIET, PageId.HEALTH, PageId.SLEEP):
        window.show_page(page)
        labels[page] = window.skip_button.text()
    assert labels[PageId.STRESS] == labels[PageId.HEALTH] == labels[PageId.SLEEP] == "Prefer not to answer"
    assert labels[PageId.DIET] == "Skip"
    window.show_page(PageId.STRESS)
    tap(qtbot, window.skip_button)
    assert window.current_id() == PageId.DIET
    assert window.draft.get("stress_frequency") is None
