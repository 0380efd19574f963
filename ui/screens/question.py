"""A question screen, built from the questionnaire definition: for each question its prompt, hint and control.

A follow-up question (how long, after 2 pm, drenched in sweat) sits below the question it follows and appears
only when it applies; the screens are laid out so that it is on screen when it appears.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screener.i18n import _, pgettext
from screener.questionnaire import MORE_LABEL, NONE_OF_THESE, Question, Screen
from screener.review import count_text
from screener.wording import join_list, labelled, sentences
from ui.accessibility import announce, set_role
from ui.labels import wrapped_label
from ui.screens.base import ScreenContext, ScreenWidget
from ui.widgets.buttons import BigButton
from ui.widgets.choices import ChoiceGroup, ChoiceToggles
from ui.widgets.counts import CountsBoard
from ui.widgets.number_pad import NumberEntry

Control = ChoiceGroup | ChoiceToggles | CountsBoard | NumberEntry


class QuestionBlock(QWidget):
    """One question: prompt, hint and control, shown or hidden as a whole. A question's details (examples, why
    it is asked) wait behind a "More" button beside the hint: there for whoever wants them, never read first."""

    def __init__(self, question: Question, control: Control) -> None:
        super().__init__()
        self.question = question
        self.control = control
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.prompt = wrapped_label(object_name="prompt")
        self.hint = wrapped_label(object_name="hint")
        self.prompt.setBuddy(control)
        # The hint is the group's description: as a label of the group it is not read a second time.
        self.hint.setBuddy(control)
        # The control is the question's group: named by the question, described by its hint and its place, and
        # where a screen arrives, so a screen reader says the question before its first choice.
        if not isinstance(control, ChoiceGroup | ChoiceToggles):  # a QGroupBox is a group already
            set_role(control, "group")
        if not isinstance(control, NumberEntry):  # the age box itself takes the focus: typing goes straight in
            control.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.more: BigButton | None = None
        self.details = wrapped_label(object_name="hint")
        self.details.hide()
        shows_hint = bool(question.hint) and question.kind != "counts"  # a board shows it beside "None of these"
        if question.details:
            self.more = BigButton(kind="secondary")
            self.more.single_line = True
            self.more.setObjectName("more")
            self.more.clicked.connect(lambda: self.show_details(not self.details.isVisibleTo(self)))
            # Beside the hint, or beside the question when there is no hint: it never takes a row of its own.
            if shows_hint:
                layout.addWidget(self.prompt)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(12)
            row.addWidget(self.hint if shows_hint else self.prompt, 1)
            row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            layout.addWidget(self.details)
        else:
            layout.addWidget(self.prompt)
            if shows_hint:
                layout.addWidget(self.hint)
        layout.addWidget(control)

    def show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)


class QuestionScreen(ScreenWidget):
    def __init__(self, definition: Screen, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.definition = definition
        self.screen_id = definition.id
        self.blocks: list[QuestionBlock] = []
        self.error: QLabel | None = None
        for question in definition.questions:
            block = QuestionBlock(question, self._control(question))
            self.blocks.append(block)
            self.body_layout.addWidget(block)
            if question.kind == "number":
                # Room for the message is kept from the start, so a message never moves a control.
                self.error = wrapped_label(object_name="error")
                self.error.setMinimumHeight(self.error.fontMetrics().height() * 2 + 8)
                self.body_layout.addWidget(self.error)
        # Tapping a chosen answer again keeps it (a double tap must not un-answer), so taking answers back is a
        # control of its own, shown only when there is something to take back. The age has its pad's Clear.
        self.clear_button: BigButton | None = None
        if any(question.kind != "number" for question in definition.questions):
            self.clear_button = BigButton(kind="secondary")
            self.clear_button.single_line = True
            self.clear_button.setObjectName("clear-answers")
            self.clear_button.clicked.connect(self.clear_answers)
            policy = self.clear_button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # its room is kept: choosing an answer moves nothing on screen
            self.clear_button.setSizePolicy(policy)
            board = self.blocks[0].control
            if isinstance(board, CountsBoard):
                board.add_action(self.clear_button)  # beside "None of these": the food and drink rows keep the room
            else:
                row = QHBoxLayout()
                row.setContentsMargins(0, 16, 0, 0)  # set apart from the answers: a finger aiming at one misses it
                row.addStretch(1)
                row.addWidget(self.clear_button)
                self.body_layout.addLayout(row)
        self.finish_layout()

    def _control(self, question: Question) -> Control:
        codes = [choice.code for choice in question.choices]
        if question.kind == "number":
            entry = NumberEntry(max_digits=3)
            entry.changed.connect(lambda text, q=question: self._typed(q, text))
            return entry
        if question.kind == "single":
            # A scale (hardly ever … nearly every day, none … 22 or more) keeps its order: one row or one column.
            ordered = len(question.choices) > 3
            group = ChoiceGroup(codes, min_cell=120 if ordered else 180, max_columns=8, ordered=ordered)
            group.changed.connect(lambda code, q=question: self._picked(q, code))
            return group
        if question.kind == "multi":
            toggles = ChoiceToggles(codes, min_cell=300, max_columns=2)
            toggles.toggled_code.connect(lambda code, q=question: self._toggled(q, code))
            return toggles
        board = CountsBoard([row.item for row in question.rows], [c for c in codes if c != NONE_OF_THESE])
        board.picked.connect(lambda item, code, q=question: self._counted(q, item, code))
        board.none_toggled.connect(lambda on, q=question: self._none(q, on))
        return board

    # --- words --------------------------------------------------------------------------------------------------

    def title(self) -> str:
        return _(self.definition.title)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        region = self.context.region
        for block in self.blocks:
            question, control = block.question, block.control
            prompt = _(question.prompt)
            block.prompt.setText(prompt)
            if self.clear_button is not None:
                self.clear_button.setText(_("Clear my answer"))
                self.clear_button.setAccessibleName(_("Clear my answer to this question"))
            block.hint.setText(_(question.hint) if question.hint else "")
            if block.more is not None and question.details:
                block.more.setText(_(MORE_LABEL))
                block.more.setAccessibleName(labelled(_(MORE_LABEL), prompt))
                block.details.setText(_(question.details))
            control.setAccessibleName(prompt)
            if isinstance(control, NumberEntry):
                control.set_labels(
                    _("Age in years"),
                    pgettext("age unit", "years old"),
                    _("Type {digit} in your age"),
                    _("Delete the last digit"),
                    _("Clear"),
                )
            elif isinstance(control, ChoiceGroup | ChoiceToggles):
                control.set_labels([_(c.label) for c in question.choices], prompt)
            else:
                control.hint.setText(_(question.hint) if question.hint else "")
                none = question.choice(NONE_OF_THESE)
                control.none_button.setText(_(none.label))
                control.none_button.setAccessibleName(_(none.label))
                counts = [c for c in question.choices if c.code != NONE_OF_THESE]
                for row in question.rows:
                    widget = control.rows[row.item]
                    name = _(row.label)
                    widget.name.setText(name)
                    widget.serving.setText(_(row.serving[region]))
                    spoken = [labelled(name, count_text(question, c.code, row.item)) for c in counts]
                    widget.choices.set_labels([_(c.label) for c in counts], f"{prompt} {name}", spoken)
        self._describe()
        self._show_age_state()

    def set_place(self, place: str) -> None:
        super().set_place(place)
        self._describe()
        self._show_age_state()

    def _describe(self) -> None:
        """Each question's group is described by its hint; the screen's first question also by the place."""
        for index, block in enumerate(self.blocks):
            question = block.question
            hint = _(question.hint) if question.hint else ""
            if not isinstance(block.control, NumberEntry):
                block.control.setAccessibleDescription(sentences(hint, self.place if index == 0 else ""))

    def spoken_text(self) -> str:
        parts: list[str] = []
        values = self.sheet.values()
        for block in self.blocks:
            question = block.question
            if not question.asked(values):
                continue
            parts.append(_(question.prompt))
            if question.hint:
                parts.append(_(question.hint))
            if question.details and block.details.isVisibleTo(self):
                parts.append(_(question.details))
            if question.kind == "counts":
                parts += [_(row.label) for row in question.rows]
            parts += [_(choice.label) for choice in question.choices if question.kind != "counts"]
        return "\n".join(parts)

    # --- answers ------------------------------------------------------------------------------------------------

    def _typed(self, question: Question, text: str) -> None:
        age = int(text) if text.isdigit() else None
        valid = age is not None and (question.minimum or 0) <= age <= (question.maximum or 120)
        self.sheet.set_age(age if valid else None)
        self._show_age_state()
        self._after_change()

    def _show_age_state(self) -> None:
        """Under the age box, in the room kept for it: why Next waits while the age is missing (a hint), or what
        is wrong with what was typed (an error); nothing once the age is good."""
        if self.error is None:
            return
        entry = next(block.control for block in self.blocks if isinstance(block.control, NumberEntry))
        if self.sheet.age() is not None:
            text, name = "", "hint"
        elif entry.text():
            text, name = self.validate() or "", "error"
        else:
            text, name = _("Enter your age to go on."), "hint"
        self.error.setText(text)
        # Heard as well as seen: a screen reader says it with the age box (and the greyed Next is skipped by Tab).
        # The place is said with the hint on arrival; once digits are typed the description changes, and a screen
        # reader would say the place again after every digit.
        entry.edit.setAccessibleDescription(sentences(text, self.place) if name == "hint" and text else text)
        if self.error.objectName() != name:
            self.error.setObjectName(name)
            self.error.style().unpolish(self.error)
            self.error.style().polish(self.error)

    def needs_answer(self) -> bool:
        values = self.sheet.values()
        return any(
            block.question.required and block.question.asked(values) and not self.sheet.is_answered(block.question)
            for block in self.blocks
        )

    def _picked(self, question: Question, code: str | None) -> None:
        self.sheet.pick(question.field, code)
        self._after_change()

    def _toggled(self, question: Question, code: str) -> None:
        before = self.sheet.chosen(question.field)
        codes = self.sheet.toggle(question.field, code)
        dropped = [c for c in before if c not in codes and c != code]
        if dropped:  # an exclusive choice ("None of these") took the others back: said, not only drawn
            labels = [_(question.choice(c).label) for c in dropped]
            announce(self, _("Cleared: {answers}").format(answers=join_list(labels)))
        control = self._block(question).control
        assert isinstance(control, ChoiceToggles)
        control.set_value(codes)
        self._after_change()

    def _counted(self, question: Question, item: str, code: str | None) -> None:
        self.sheet.pick_count(question.field, item, code)
        control = self._block(question).control
        assert isinstance(control, CountsBoard)
        control.set_value(self.sheet.counts(question.field))
        self._after_change()

    def _none(self, question: Question, on: bool) -> None:
        before = self.sheet.counts(question.field)
        self.sheet.pick_none(question.field, on)
        if on and isinstance(before, dict) and before:
            rows = [_(row.label) for row in question.rows if row.item in before]
            announce(self, _("Cleared: {answers}").format(answers=join_list(rows)))
        control = self._block(question).control
        assert isinstance(control, CountsBoard)
        control.set_value(self.sheet.counts(question.field))
        self._after_change()

    def clear_answers(self) -> None:
        """Take back every answer on this screen: the questions are unanswered again (and Next reads Skip)."""
        for block in self.blocks:
            self.sheet.forget(block.question)
        self.load()
        self.changed.emit()
        first = self.focus_first()
        if first is not None:  # the button goes away with the answers: the focus goes back to the question
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _block(self, question: Question) -> QuestionBlock:
        return next(block for block in self.blocks if block.question is question)

    def _after_change(self) -> None:
        self._show_what_applies(say=self.isVisible())
        self.changed.emit()

    def _show_what_applies(self, say: bool = False) -> None:
        values = self.sheet.values()
        for block in self.blocks:
            asked = block.question.asked(values)
            if say and asked and block.isHidden():
                announce(self, _("A question was added below: {question}").format(question=_(block.question.prompt)))
            block.setVisible(asked)
        if self.clear_button is not None:
            self.clear_button.setVisible(self.has_answer())

    def load(self) -> None:
        for block in self.blocks:
            question, control = block.question, block.control
            block.show_details(False)  # each visit starts with the details closed
            if isinstance(control, NumberEntry):
                age = self.sheet.age()
                control.blockSignals(True)
                control.set_text("" if age is None else str(age))
                control.blockSignals(False)
                self._show_age_state()
            elif isinstance(control, ChoiceGroup):
                control.set_value(self.sheet.picked(question.field))
            elif isinstance(control, ChoiceToggles):
                control.set_value(self.sheet.chosen(question.field))
            else:
                control.set_value(self.sheet.counts(question.field))
        self._show_what_applies()

    def validate(self) -> str | None:
        for block in self.blocks:
            question = block.question
            if question.kind == "number" and question.required and self.sheet.age() is None:
                entry = block.control
                assert isinstance(entry, NumberEntry)
                if entry.text():
                    message = _("Age: please enter a number from {low} to {high}.").format(
                        low=question.minimum, high=question.maximum
                    )
                else:
                    message = _("Age: please enter your age in years to go on.")
                return message
        return None

    def has_answer(self) -> bool:
        values = self.sheet.values()
        return any(self.sheet.is_answered(block.question) for block in self.blocks if block.question.asked(values))

    def focus_first(self) -> QWidget | None:
        """The first question's group (its question, hint and place are heard first; Tab goes on to its answers),
        or the age box itself, so typed digits go straight in."""
        first = self.blocks[0].control
        if isinstance(first, NumberEntry):
            return first.edit
        return first

    def prompt_labels(self) -> list[QLabel]:
        return [block.prompt for block in self.blocks]
