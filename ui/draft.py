"""The answers being filled in: kept only in memory, cleared completely by start over."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screener.answers import Answers


class AnswersDraft:
    """A mutable set of answer fields that pages write as the person touches a control.

    A field missing from the draft was skipped. ``to_answers`` validates the whole set through the public contract.
    """

    def __init__(self) -> None:
        self._fields: dict[str, Any] = {}
        # Choices that are not part of the answers contract but must survive Back, e.g. "Not sure".
        self._choices: dict[str, Any] = {}

    def choice(self, key: str) -> Any:
        return self._choices.get(key)

    def set_choice(self, key: str, value: Any) -> None:
        if value is None:
            self._choices.pop(key, None)
        else:
            self._choices[key] = value

    def get(self, field: str, default: Any = None) -> Any:
        return self._fields.get(field, default)

    def set(self, field: str, value: Any) -> None:
        if value is None:
            self._fields.pop(field, None)
        else:
            self._fields[field] = value

    def clear(self) -> None:
        self._fields.clear()
        self._choices.clear()

    def is_empty(self) -> bool:
        return not self._fields and not self._choices

    def snapshot(self) -> dict[str, Any]:
        return {
            k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
            for k, v in self._fields.items()
        }

    def load(self, answers: Answers) -> None:
        """Fill from complete answers (used by the tour and tests)."""
        self.clear()
        self._fields = {k: v for k, v in answers.model_dump().items() if v is not None}

    def to_answers(self) -> Answers:
        from screener.answers import Answers  # loaded when first needed, not at start-up

        return Answers.model_validate(self.snapshot())
