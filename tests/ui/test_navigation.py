"""Back and the review's Change keep answers; follow-up questions appear only where they apply and on screen;
choosing moves nothing; Start over asks inside the window and leaves no trace."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.screener.helpers import WORST_CASE
from tests.ui.driver import answer_everything, choose, control, count, next_screen, settle, tap, type_age
from ui.screens.question import QuestionScreen
from ui.shell.window import ScreenerWindow
from ui.widgets.overlay import OverlayDialog, open_dialogs


def go_back_to(qtbot: QtBot, window: ScreenerWindow, screen_id: str) -> None:
    while window.current_id() != screen_id:
        tap(qtbot, window.footer.back_button)


def test_back_keeps_every_answer(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, WORST_CASE)
    before = window.sheet.values()
    go_back_to(qtbot, window, "age")
    assert control(window, "age_years").text() == "72"  # type: ignore[attr-defined]
    while window.current_id() != "review":
        next_screen(qtbot, window)
    assert window.sheet.values() == before


def test_review_change_returns_to_review_with_the_new_answer(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40, "caffeine_servings_per_day": {"coffee": 2.0}})
    review = window.screen_widget("review")
    assert "Coffee: 2 servings a day" in review.answer_texts()  # type: ignore[attr-defined]
    line = next(line for line in review.lines if line.screen_id == "caffeine")  # type: ignore[attr-defined]
    tap(qtbot, line.change)
    assert window.current_id() == "caffeine"
    assert window.footer.next_button.text() == "Back to review"
    count(qtbot, window, "caffeine_servings_per_day", "coffee", "4")
    next_screen(qtbot, window)
    assert window.current_id() == "review"
    assert "Coffee: 4 servings a day" in review.answer_texts()  # type: ignore[attr-defined]


def test_pregnancy_is_asked_only_where_it_can_apply(qtbot: QtBot, window: ScreenerWindow) -> None:
    for age, sex, asked in (
        (30, "female", True),
        (30, "unspecified", True),
        (30, "male", False),
        (70, "female", False),
        (11, "female", False),
        (60, "female", True),
    ):
        window.reset_session()
        next_screen(qtbot, window)
        type_age(qtbot, window, age)
        next_screen(qtbot, window)
        choose(qtbot, window, "sex", sex)
        next_screen(qtbot, window)
        assert (window.current_id() == "pregnancy") is asked, (age, sex)


def test_follow_ups_appear_only_when_they_apply_and_fit_on_screen(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    cases = (
        ("stress", "stress_frequency", "3", "stress_months"),
        ("exercise", "exercise_hours_per_week", "under-2.5", "heavy_sweating"),
        ("sleep", "insomnia_nights_per_week", "2", "sleep_problem_months"),
    )
    for screen_id, field, code, follow_up in cases:
        window.show_screen(screen_id)
        settle()
        screen = window.navigator.current()
        block = next(b for b in screen.blocks if b.question.field == follow_up)  # type: ignore[attr-defined]
        assert block.isHidden(), follow_up
        choose(qtbot, window, field, code)
        assert block.isVisible(), follow_up
        assert screen.fits(), f"{follow_up} appeared off screen"
    window.show_screen("caffeine")
    assert "caffeine_late" not in window.navigator.order()
    count(qtbot, window, "caffeine_servings_per_day", "green_tea", "1")
    assert "caffeine_late" in window.navigator.order()


def test_an_answer_that_stops_applying_is_dropped(qtbot: QtBot, window: ScreenerWindow) -> None:
    next_screen(qtbot, window)
    type_age(qtbot, window, 30)
    next_screen(qtbot, window)
    choose(qtbot, window, "sex", "female")
    next_screen(qtbot, window)
    choose(qtbot, window, "pregnancy", "pregnant")
    assert window.sheet.values()["pregnancy"] == "pregnant"
    go_back_to(qtbot, window, "sex")
    choose(qtbot, window, "sex", "male")
    assert "pregnancy" not in window.sheet.values()


def test_choosing_moves_nothing_on_screen(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    for screen_id, field, code in (
        ("diet", "servings_per_week", None),
        ("medicines", "medicines", "diuretic"),
        ("stress", "stress_frequency", "0"),
    ):
        window.show_screen(screen_id)
        settle()
        screen = window.navigator.current()
        before = {b: b.geometry() for b in screen.body.findChildren(type(window.footer.next_button)) if b.isVisible()}
        if code is None:
            count(qtbot, window, field, "nuts", "2")
        else:
            choose(qtbot, window, field, code)
        after = {b: b.geometry() for b in before}
        assert after == before, screen_id


def test_a_second_tap_keeps_the_answer_and_clear_takes_it_back(qtbot: QtBot, window: ScreenerWindow) -> None:
    """A double tap never un-answers (a radio group keeps its choice); "Clear my answer" is the way back."""
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("kidney")
    screen = window.navigator.current()
    assert isinstance(screen, QuestionScreen) and screen.clear_button is not None
    assert not screen.clear_button.isVisible()  # nothing to clear yet
    choose(qtbot, window, "kidney_disease", "yes")
    choose(qtbot, window, "kidney_disease", "yes")
    assert window.sheet.values()["kidney_disease"] is True
    assert window.footer.next_button.text() == "Next"
    window.show_screen("diet")
    count(qtbot, window, "servings_per_week", "nuts", "2")
    count(qtbot, window, "servings_per_week", "nuts", "2")
    assert window.sheet.values()["servings_per_week"]["nuts"] == 2
    window.show_screen("kidney")
    tap(qtbot, screen.clear_button)
    assert "kidney_disease" not in window.sheet.values()
    assert window.footer.next_button.text() == "Skip this question"
    assert not screen.clear_button.isVisible()


def test_none_of_these_excludes_the_rest(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    window.show_screen("medicines")
    choose(qtbot, window, "medicines", "diuretic")
    choose(qtbot, window, "medicines", "none")
    assert window.sheet.values()["medicines"] == []
    choose(qtbot, window, "medicines", "antibiotic")
    assert window.sheet.values()["medicines"] == ["antibiotic"]
    window.show_screen("diet")
    count(qtbot, window, "servings_per_week", "nuts", "2")
    tap(qtbot, control(window, "servings_per_week").none_button)  # type: ignore[attr-defined]
    assert window.sheet.values()["servings_per_week"] == dict.fromkeys(
        ("leafy_greens", "nuts", "seeds", "legumes", "whole_grains", "avocado"), 0
    )


def test_start_over_asks_in_the_window_and_leaves_no_trace(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, WORST_CASE)
    next_screen(qtbot, window)
    tap(qtbot, window.header.contrast_button)
    tap(qtbot, window.header.language_button)  # the person switched to Japanese and high contrast
    tap(qtbot, window.footer.start_over_button)
    dialogs = open_dialogs(window.centralWidget())
    assert len(dialogs) == 1 and not dialogs[0].isWindow()  # inside the window, never a desktop message box
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    tap(qtbot, dialogs[0].buttons["clear"])
    settle()
    assert window.current_id() == "welcome"
    assert window.sheet.is_empty() and window.result is None
    assert window.hub.current() == "en" and not window.theme.high_contrast  # back to how the app started
    for screen in window.navigator.built():
        screen.load()
    window.show_screen("kidney")
    assert window.sheet.values() == {}
    qtbot.waitUntil(lambda: not window.centralWidget().findChildren(OverlayDialog), timeout=2000)  # destroyed


def test_keeping_the_answers_keeps_the_result(qtbot: QtBot, window: ScreenerWindow) -> None:
    answer_everything(qtbot, window, {"age_years": 40})
    next_screen(qtbot, window)
    result = window.result
    tap(qtbot, window.footer.start_over_button)
    tap(qtbot, open_dialogs(window.centralWidget())[0].buttons["keep"])
    assert window.current_id() == "result" and window.result is result


def test_the_window_fits_the_screen_it_is_on(qtbot: QtBot, window: ScreenerWindow) -> None:
    screen = QApplication.primaryScreen()
    assert screen is not None
    window.fit_to_screen()
    area = screen.availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.frameGeometry().topLeft())
