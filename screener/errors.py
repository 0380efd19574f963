"""InputError, and the helpers that keep every reported problem one short line.

Answers files and kiosk configs come from people and other tools. Whatever they hold, a problem is reported as one
line that names the field or key: values and keys are escaped (no raw newline can split a message, no lone surrogate
can break the terminal) and cut short (a 50 MB string is not echoed back).
"""

from __future__ import annotations

import datetime
import re

# A value or key in a message shows at most this many characters, then "…".
SHOWN_CHARS = 40
# A file name shows at most this many characters (its end: the file's own name matters most).
SHOWN_PATH_CHARS = 200
# The command line prints at most this many problems, then one line saying how many more there were.
MAX_PROBLEMS_SHOWN = 20

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class InputError(ValueError):
    """Input that cannot be used. ``problems`` holds one line per problem, each naming the field or key.

    The command line prints each problem on its own line and exits with status 2.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def escaped(text: str) -> str:
    """``text`` with every character that is not printable written as an escape (``\\n``, ``\\x85``, ``\\u2028``)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def shortened(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` escaped and cut to ``limit`` characters, with "…" when something was cut."""
    shown = escaped(text[: limit + 1])  # escaping only what can be shown keeps a huge value cheap
    return shown if len(shown) <= limit and len(text) <= limit else shown[:limit] + "…"


def shown_path(path: object) -> str:
    """A file name for a message: escaped, and only its last characters when it is very long."""
    text = escaped(str(path))
    return text if len(text) <= SHOWN_PATH_CHARS else "…" + text[-SHOWN_PATH_CHARS:]


def shown_key(key: str) -> str:
    """A key as people can find it: a plain name as it is, anything else quoted (``""``, ``"a\\nb"``)."""
    if _PLAIN_KEY.fullmatch(key):
        return key if len(key) <= SHOWN_CHARS else shortened(key)
    return '"' + shortened(key).replace('"', '\\"') + '"'


def shown_value(value: object, list_word: str = "a list", object_word: str = "an object") -> str:
    """A value for a message, short and on one line: strings quoted, lists and objects named by their kind."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        try:
            return shortened(str(value))
        except ValueError:  # more digits than Python will convert to text
            return "a number with thousands of digits"
    if isinstance(value, float):
        return shortened(repr(value))
    if isinstance(value, str):
        return '"' + shortened(value) + '"'
    if isinstance(value, datetime.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, datetime.time):
        return f"the time {value.isoformat()}"
    if isinstance(value, list | tuple):
        return list_word
    if isinstance(value, dict):
        return object_word
    return shortened(type(value).__name__)


def capped(problems: list[str], limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
    """The first ``limit`` problems, and a last line saying how many more there were."""
    if len(problems) <= limit:
        return problems
    return [*problems[:limit], f"… and {len(problems) - limit} more problems"]
