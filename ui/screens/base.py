"""What every screen has: a touch-scrollable body, live retranslation, loading from the answer sheet, a check of
whether everything fits without scrolling, and the words read-aloud speaks for it."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QLayout, QVBoxLayout, QWidget

from screener.answer_sheet import AnswerSheet
from screener.i18n import _
from screener.ids import Region
from ui.widgets.buttons import BigButton
from ui.widgets.scroll import TouchScrollArea


class ScreenContext(NamedTuple):
    """What screens need from the app: the answers so far and the region (for serving sizes)."""

    sheet: AnswerSheet
    region: Region


class ScreenBody(QWidget):
    """The body of a screen. Its height is what its content needs at the width it gets (heightForWidth), never
    the sum of every label's narrowest-width height, so a screen scrolls only when its content really is taller."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 0)


class ScreenWidget(QWidget):
    """One screen of the wizard. ``changed`` fires after any answer on it changes."""

    changed = Signal()
    screen_id = ""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sheet = context.sheet
        self.place = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = TouchScrollArea()
        self.body = ScreenBody()
        self.body.setObjectName("screenBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.body_layout.setContentsMargins(4, 4, 12, 4)
        self.body_layout.setSpacing(14)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)

    def finish_layout(self) -> None:
        self.body_layout.addStretch(1)

    # --- to override --------------------------------------------------------------------------------------------

    def title(self) -> str:
        """The section name shown in the header beside the step."""
        return ""

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.title())
        self.scroll_area.set_names(
            _("Screen content: {title}").format(title=self.title() or _("Magnesium self-check")),
            _("Scroll bar"),
            _("More below"),
        )

    def set_place(self, place: str) -> None:
        """Where this screen is in the check, as a screen reader says it on arrival ("Stress, part 3 of 7")."""
        self.place = place

    def load(self) -> None:
        """Show what the sheet holds (whenever the screen is shown, and after a reset)."""

    def validate(self) -> str | None:
        """A message naming what must be fixed before going on, or None."""
        return None

    def has_answer(self) -> bool:
        """Whether anything on this screen was answered (Next reads "Skip" until then)."""
        return True

    def needs_answer(self) -> bool:
        """Whether the screen has a question that must be answered before going on (Next waits, greyed)."""
        return False

    def spoken_text(self) -> str:
        """What read-aloud says for this screen: the question and its choices, in the shown language."""
        return self.title()

    def focus_first(self) -> QWidget | None:
        """The control keyboard users start on."""
        for button in self.body.findChildren(QAbstractButton):
            if button.isVisibleTo(self) and button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return button
        return None

    # --- fit ----------------------------------------------------------------------------------------------------

    def fits(self) -> bool:
        """True when every control and every word of the screen is visible at once, without scrolling.

        Measured from the widgets as laid out: no scrolling needed, every visible label and button inside the
        visible area, no label taller than the room it got, no button whose words are cut.
        """
        if self.scroll_area.needs_scrolling():
            return False
        viewport = self.scroll_area.viewport()
        visible = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
        for widget in self.body.findChildren(QWidget):
            if not widget.isVisibleTo(self) or not isinstance(widget, QLabel | QAbstractButton):
                continue
            if isinstance(widget, QLabel) and not widget.text():
                continue
            where = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
            if not visible.contains(where):
                return False
            if (
                isinstance(widget, QLabel)
                and widget.wordWrap()
                and widget.heightForWidth(widget.width()) > widget.height() + 1
            ):
                return False
            if isinstance(widget, BigButton) and not widget.text_fits():
                return False
        return True
