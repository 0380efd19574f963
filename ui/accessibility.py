"""What a screen reader is told beyond what Qt's widgets say by themselves.

- **Roles Qt's widgets cannot state**: a label that is a heading, a question's control that is a group, the
  announcer that is a notification. A widget asks for one with ``set_role`` before it is first shown; the factory
  installed by ``install`` gives it an interface with that role, named by the text as written (no word joiners).
- **Text that Tab reaches** (``readable``): the result is read by moving from one paragraph to the next. Only the
  keyboard or the app itself puts the focus there; a tap never does.
- **Changes said aloud** (``Announcer``): a follow-up question that appears, answers cleared by "None of these".
  Orca speaks an object of the notification role when it starts showing, so each announcement shows the announcer
  again with the message as its name. It is drawn as nothing and takes no taps.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from ui.labels import as_written

Role = Literal["heading", "group", "notification"]
ROLE_PROPERTY = "screenerRole"
_ROLES: dict[str, QAccessible.Role] = {
    "heading": QAccessible.Role.Heading,
    "group": QAccessible.Role.Grouping,
    "notification": QAccessible.Role.Notification,
}
ANNOUNCE_DELAY_MS = 150  # after the change's own feedback ("selected"), not before it

_installed = False


class _RoleAccessible(QAccessibleWidget):
    """A widget with the role it asked for; its name is its accessible name as written."""

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name:
            return as_written(widget.accessibleName())
        if kind == QAccessible.Text.Description:
            return as_written(widget.accessibleDescription())
        return super().text(kind)


def _factory(_key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, QWidget):
        role = obj.property(ROLE_PROPERTY)
        if isinstance(role, str) and role in _ROLES:
            return _RoleAccessible(obj, _ROLES[role])
    return None


def install() -> None:
    """Once per application, before the first window is shown."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def set_role(widget: QWidget, role: Role) -> QWidget:
    widget.setProperty(ROLE_PROPERTY, role)
    return widget


def role_of(widget: QWidget) -> str | None:
    role = widget.property(ROLE_PROPERTY)
    return role if isinstance(role, str) else None


def readable(widget: QWidget) -> QWidget:
    """Reached by Tab (and by the app's own focus moves), never by a tap."""
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    widget.setProperty("readable", True)
    return widget


def is_readable(widget: QWidget) -> bool:
    return bool(widget.property("readable"))


class Announcer(QWidget):
    """Says a message through the screen reader without moving the focus. ``said`` keeps the last one (tests)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        set_role(self, "notification")
        self.setObjectName("announcer")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 1, 1)
        self.said = ""
        self._pending = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANNOUNCE_DELAY_MS)
        self._timer.timeout.connect(self._say)
        self.hide()

    def announce(self, message: str) -> None:
        """Said shortly after, once: a second message before then replaces the first."""
        self._pending = message
        self._timer.start()

    def _say(self) -> None:
        self.hide()
        self.setAccessibleName(self._pending)
        self.said = self._pending
        self.show()  # showing again is what the screen reader hears
        self.lower()


def announcer_of(widget: QWidget) -> Announcer | None:
    return widget.window().findChild(Announcer, "announcer")


def announce(widget: QWidget, message: str) -> None:
    """Say ``message`` through the announcer of ``widget``'s window, if it has one."""
    found = announcer_of(widget)
    if found is not None and message:
        found.announce(message)
