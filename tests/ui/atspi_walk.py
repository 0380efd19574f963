"""Walks the running app's accessibility tree the way a Linux screen reader meets it (AT-SPI), and drives the app
through AT-SPI actions alone: every screen, every option of every single-choice group, the number pad, an in-window
dialog and the language switch. Prints one JSON report on stdout; test_atspi.py reads it and asserts.

Runs under Debian's own python3 (python3-pyatspi), never the project's venv, and imports nothing of the project:
every name it needs arrives in the plan (JSON, made by test_atspi.py from the questionnaire and the catalogs).

    /usr/bin/python3 tests/ui/atspi_walk.py PLAN.json > REPORT.json

The app must already run on the same X display and accessibility bus (DISPLAY and DBUS_SESSION_BUS_ADDRESS).
Every wait polls the tree with a timeout; a step that cannot be done ends the walk with a message naming it, and
the report says how far it got.
"""

from __future__ import annotations

import json
import re
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]

WAIT_S = 10.0  # only guards against a hang: every wait ends as soon as what it waits for is there
POLL_S = 0.05
ACTIONABLE_ROLES = {
    "push button",
    "toggle button",
    "radio button",
    "check box",
    "text",
    "entry",
    "password text",
    "scroll bar",
    "slider",
    "spin button",
    "combo box",
    "link",
    "menu item",
    "list item",
    "page tab",
    "check menu item",
    "radio menu item",
}
GROUP_ROLES = {"panel", "grouping"}
TIME_COLON = re.compile(r"\d:\d")  # 14:00 is a time, not a separator
# An ASCII colon with Japanese on either side ("年齢: 30", "変更:年齢"); one inside an English title is left alone.
JAPANESE_ASCII_COLON = re.compile(r"[^\x00-\x7f]\s*:|:\s*[^\x00-\x7f]")
# Names the app gives (not label text, which may quote an English source): the English-word check reads these.
NAMED_ROLES = {"frame", "dialog", "panel", "grouping", "filler", "layered pane", "scroll pane", "alert"}


class WalkError(Exception):
    """A step could not be done: the walk stops and the report says where."""


# --- events -------------------------------------------------------------------------------------------------------


class Events:
    """What the app announced: state changes (checked, focused, showing) and text changes."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str, int]] = []
        self._listener = Atspi.EventListener.new(self._on_event)
        for kind in (
            "object:state-changed",
            "object:text-changed",
            "object:children-changed",
            "object:property-change:accessible-name",
        ):
            self._listener.register(kind)

    def _on_event(self, event: Any) -> None:
        try:
            source = event.source
            self.seen.append((event.type, source.get_role_name(), source.get_name() or "", int(event.detail1)))
        except Exception:  # a node gone before its event is read is no error of the walk
            pass

    @staticmethod
    def pump() -> None:
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def mark(self) -> int:
        self.pump()
        return len(self.seen)

    def since(self, mark: int) -> list[tuple[str, str, str, int]]:
        self.pump()
        return self.seen[mark:]


# --- nodes --------------------------------------------------------------------------------------------------------


LAYOUT_CHARACTERS = re.compile("[\u2060\u200b\u00ad\ufeff]")  # drawn line breaking, never to be heard


def states_of(node: Any) -> set[str]:
    try:
        return {pyatspi.stateToString(s) for s in node.getState().getStates()}
    except Exception:  # a node that went away has no states
        return {"defunct"}


def actions_of(node: Any) -> list[str]:
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def attributes_of(node: Any) -> dict[str, str]:
    try:
        pairs = node.getAttributes() or []
    except Exception:
        return {}
    return dict(pair.split(":", 1) for pair in pairs if ":" in pair)


def relations_of(node: Any) -> list[dict[str, Any]]:
    found = []
    for relation in node.getRelationSet():
        kind = str(relation.getRelationType()).split("ATSPI_RELATION_")[-1].split(" ")[0]
        targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
        found.append({"type": kind, "targets": [f"{t.getRoleName()} {t.name!r}" for t in targets if t is not None]})
    return found


def children(node: Any) -> list[Any]:
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


class Node:
    """One node as read at one moment, with the live accessible for actions."""

    def __init__(self, acc: Any, path: str, parents: list[Node]) -> None:
        self.acc = acc
        self.path = path
        self.parents = parents
        self.role = acc.getRoleName()
        self.name = acc.name or ""
        self.states = states_of(acc)
        self.actions = actions_of(acc)

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    @property
    def visible(self) -> bool:
        return "visible" in self.states or "showing" in self.states

    def actionable(self) -> bool:
        return self.role in ACTIONABLE_ROLES or bool(self.actions) or "focusable" in self.states

    def describe(self) -> str:
        chain = " > ".join(f"{p.role} {p.name[:40]!r}" for p in self.parents[-3:])
        return (
            f"[{self.path}] {self.role} {self.name!r} states={sorted(self.states)} actions={self.actions}"
            f" (under: {chain})"
        )

    def line(self, depth: int) -> str:
        quiet = {"enabled", "sensitive", "visible", "showing", "opaque"}
        shown = sorted(s for s in self.states if s not in quiet)
        return (
            f"{'  ' * depth}{self.role} {self.name!r}"
            + (f" {shown}" if shown else "")
            + (f" {self.actions}" if self.actions else "")
        )


def walk(acc: Any, path: str = "0", parents: list[Node] | None = None, showing_only: bool = False) -> list[Node]:
    """Every node under ``acc`` (or only the showing ones and their direct children), in tree order."""
    parents = parents or []
    try:
        node = Node(acc, path, parents)
    except Exception:  # a node deleted while the tree is read (a closing dialog) is skipped
        return []
    found = [node]
    if showing_only and not node.showing and parents:
        return found
    for index, child in enumerate(children(acc)):
        found += walk(child, f"{path}.{index}", [*parents, node], showing_only)
    return found


def do_action(node: Node, name: str) -> None:
    action = node.acc.queryAction()
    for index in range(action.nActions):
        if action.getName(index) == name:
            if not action.doAction(index):
                raise WalkError(f"{name} refused by {node.describe()}")
            return
    raise WalkError(f"no {name} action on {node.describe()}")


def wait_for(what: str, check: Any, timeout: float = WAIT_S) -> Any:
    """Poll ``check()`` until it returns something true; WalkError naming ``what`` after the timeout."""
    end = time.monotonic() + timeout
    last_error = ""
    while True:
        Events.pump()
        try:
            value = check()
        except WalkError as exc:
            value, last_error = None, str(exc)
        if value:
            return value
        if time.monotonic() > end:
            raise WalkError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))
        time.sleep(POLL_S)


# --- the walk -----------------------------------------------------------------------------------------------------


class Walker:
    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.lang = plan["lang"]
        self.events = Events()
        self.report: dict[str, Any] = {
            "lang": self.lang,
            "screens": [],
            "violations": {
                key: []
                for key in (
                    "unnamed",
                    "radio",
                    "action",
                    "frame",
                    "hidden",
                    "colon",
                    "focus",
                    "event",
                    "value",
                    "name",
                    "layout",
                )
            },
            "radio_position": {"member_of": 0, "posinset": 0, "described": 0, "radios": 0},
            "colon_names": [],
            "error": None,
        }
        self.app: Any = None
        self.frame: Any = None

    def violation(self, kind: str, message: str) -> None:
        self.report["violations"][kind].append(f"[{self.lang}] {self.screen_id}: {message}")

    screen_id = "start"

    # --- finding --------------------------------------------------------------------------------------------------

    def find_app(self) -> None:
        def app() -> Any:
            desktop = pyatspi.Registry.getDesktop(0)
            for candidate in children(desktop):
                frames = [c for c in children(candidate) if c.getRoleName() in ("frame", "window", "filler")]
                if candidate.name == self.plan["app_name"] and frames:
                    return candidate
            return None

        self.app = wait_for(f"the application {self.plan['app_name']!r} on the accessibility bus", app, 120)
        windows = children(self.app)
        self.report["app"] = {"name": self.app.name, "windows": [f"{w.getRoleName()} {w.name!r}" for w in windows]}
        self.frame = windows[0]

    def stack(self) -> Node:
        for node in walk(self.frame, showing_only=True):
            if node.role == "layered pane":
                return node
        raise WalkError("no layered pane (the stack of screens) in the window")

    def page(self) -> Node:
        """The screen that is shown: the one showing child of the stack."""
        stack = self.stack()
        shown = [Node(c, f"{stack.path}.{i}", [stack]) for i, c in enumerate(children(stack.acc))]
        shown = [n for n in shown if n.showing]
        if len(shown) != 1:
            raise WalkError(f"{len(shown)} screens showing at once: {[n.name for n in shown]}")
        return shown[0]

    def page_nodes(self) -> list[Node]:
        page = self.page()
        return walk(page.acc, page.path, page.parents, showing_only=True)

    def button(self, names: list[str], where: str = "window") -> Node:
        """A showing push button (or check box) with one of ``names``."""
        root = self.frame if where == "window" else self.page().acc
        for node in walk(root, showing_only=True):
            if node.showing and node.role in ("push button", "check box") and node.name in names:
                return node
        raise WalkError(f"no showing button named {names}")

    def groups(self, child_role: str) -> list[tuple[Node, list[Node]]]:
        """Showing groups on the page with their showing children of ``child_role``, in reading order."""
        nodes = self.page_nodes()
        found: list[tuple[Node, list[Node]]] = []
        for node in nodes:
            kids = [n for n in nodes if n.parents and n.parents[-1] is node and n.role == child_role and n.showing]
            if kids and node.showing:
                found.append((node, kids))
        return found

    # --- checks on whatever is on screen ----------------------------------------------------------------------

    def check_screen(self, label: str, title: str) -> dict[str, Any]:
        """The checks every screen gets; returns what the report keeps of it."""
        self.screen_id = label
        nodes = walk(self.frame)
        for node in nodes:
            if node.visible and node.actionable() and not node.name.strip():
                self.violation("unnamed", f"actionable node without a name: {node.describe()}")
            if node.showing and any(not p.showing for p in node.parents[1:]):
                hidden = next(p for p in node.parents[1:] if not p.showing)
                self.violation(
                    "hidden",
                    f"showing inside a node that is not: {node.describe()}; "
                    f"hidden ancestor {hidden.role} {hidden.name!r}",
                )
            if node.role == "text" and node.visible:
                self.check_text_value(node)
            description = node.acc.description or ""
            if LAYOUT_CHARACTERS.search(node.name + description):
                self.violation("layout", f"layout characters in a name or description: {node.describe()}")
            if node.showing and (":" in node.name or "：" in node.name):
                self.report["colon_names"].append(f"[{self.lang}] {node.role} {node.name!r}")
                if self.lang == "ja" and JAPANESE_ASCII_COLON.search(TIME_COLON.sub("", node.name)):
                    self.violation("colon", f"ASCII ':' beside Japanese words: {node.role} {node.name!r}")
            if node.showing and self.lang == "ja" and (node.actionable() or node.role in NAMED_ROLES):
                english = [w for w in re.findall(r"[A-Za-z]{3,}", node.name) if w not in self.plan["ascii_ok"]]
                if english:
                    self.violation("name", f"English words {english} in a Japanese name: {node.describe()}")
        page = self.page()
        if page.name != title:
            self.violation("hidden", f"the screen showing is {page.name!r}, expected {title!r}")
        if self.frame.getRoleName() != "frame":
            self.violation("frame", f"the window's role is {self.frame.getRoleName()!r}, not 'frame'")
        if (self.frame.name or "") != self.plan["title"]:
            self.violation("frame", f"the window's name is {self.frame.name!r}, expected {self.plan['title']!r}")
        focused = [n for n in nodes if "focused" in n.states]
        page_nodes = walk(page.acc, page.path, page.parents, showing_only=True)
        excerpt = [n.line(len(n.parents) - len(page.parents)) for n in page_nodes if n.showing]
        chrome = [
            n.line(1)
            for n in nodes
            if n.showing and n.role in ACTIONABLE_ROLES and not n.path.startswith(page.path + ".")
        ]
        return {
            "id": label,
            "page": page.name,
            "focused": [f"{n.role} {n.name!r}" for n in focused],
            "focused_nodes": [
                {"role": n.role, "name": n.name, "description": n.acc.description or ""} for n in focused
            ],
            # What Tab reaches inside the screen besides buttons: the result's paragraphs and headings.
            "readable": [
                {"role": n.role, "name": n.name}
                for n in page_nodes
                if n.showing and "focusable" in n.states and n.role in ("label", "heading", "panel")
            ],
            "focused_in_page": [n.path.startswith(page.path + ".") for n in focused],
            "tree": [f"frame {self.frame.name!r}", *chrome, *excerpt],
        }

    def check_text_value(self, node: Node) -> None:
        try:
            node.acc.queryText()
        except NotImplementedError:
            self.violation(
                "value", f"a text node without the Text interface (its value cannot be read): {node.describe()}"
            )

    def check_set_focus(self) -> None:
        """SetFocus, where offered, puts the focus there (the window has the focus under a window manager)."""
        for node in walk(self.frame, showing_only=True):
            if not node.showing or "SetFocus" not in node.actions:
                continue
            do_action(node, "SetFocus")
            try:
                wait_for(f"focus on {node.name!r}", lambda node=node: "focused" in states_of(node.acc), 3)
            except WalkError:
                self.violation("action", f"SetFocus did not focus {node.describe()}")

    def check_scroll_bars(self) -> None:
        """A showing scroll bar exposes its value, and Increase/Decrease (where offered) move it."""
        for node in walk(self.frame, showing_only=True):
            if not node.showing or node.role != "scroll bar":
                continue
            try:
                value = node.acc.queryValue()
            except NotImplementedError:
                self.violation("value", f"a scroll bar without the Value interface: {node.describe()}")
                continue
            start = value.currentValue
            for action, moved in (("Increase", lambda v, s=start: v > s), ("Decrease", lambda v, s=start: v <= s)):
                if action not in node.actions:
                    continue
                do_action(node, action)
                try:
                    wait_for(
                        f"{action} to move the scroll bar",
                        lambda moved=moved, value=value: moved(value.currentValue),
                        3,
                    )
                except WalkError:
                    self.violation(
                        "action",
                        f"{action} did not move the scroll bar from {start} "
                        f"(now {value.currentValue}): {node.describe()}",
                    )

    def check_change_button(self) -> None:
        """The review's first Change button goes to its question; Next there comes back to the review."""
        changes = [n for n in self.page_nodes() if n.role == "push button" and n.showing]
        if not changes:
            self.violation("action", "the review has no Change buttons")
            return
        do_action(changes[0], "Press")
        first = next(e for e in self.plan["screens"] if e.get("questions"))
        self.wait_screen(first)
        do_action(self.button([self.plan["footer"]["back_to_review"]]), "Press")
        self.wait_screen(next(e for e in self.plan["screens"] if e["id"] == "review"))

    # --- answering ------------------------------------------------------------------------------------------------

    def checked(self, node: Node) -> bool:
        return "checked" in states_of(node.acc)

    def toggle_radio(self, group: Node, radios: list[Node], index: int, action: str = "Toggle") -> None:
        target = radios[index]
        was_checked = self.checked(target)
        mark = self.events.mark()
        if action not in target.actions:
            self.violation("action", f"radio button offers no {action}: {target.describe()}")
            action = target.actions[0]
        do_action(target, action)

        def only_it() -> bool:
            return all(self.checked(r) == (i == index) for i, r in enumerate(radios))

        try:
            wait_for(f"{target.name!r} alone checked", only_it, 5)
        except WalkError:
            states = {r.name: self.checked(r) for r in radios}
            self.violation(
                "action",
                f"{action} on radio {target.name!r} in {group.name!r} did not make it the one checked option: {states}",
            )
            return
        announced = [
            e
            for e in self.events.since(mark)
            if e[0] == "object:state-changed:checked" and e[2] == target.name and e[3] == 1
        ]
        if not announced and not was_checked:
            self.violation("event", f"no state-changed:checked event for {target.name!r}")

    def check_radio_group(self, group: Node, radios: list[Node], question: dict[str, Any]) -> dict[str, Any]:
        ancestors = radios[0].parents[-2:]
        named = [p for p in ancestors if p.role in GROUP_ROLES and p.name.strip()]
        if not named:
            self.violation(
                "radio",
                f"radio buttons of {question['field']} have no named panel/grouping within "
                f"two levels: {radios[0].describe()}",
            )
        for index, radio in enumerate(radios, start=1):
            if radio.role != "radio button":
                self.violation("radio", f"single-choice option is a {radio.role}: {radio.describe()}")
            relations = relations_of(radio.acc)
            attrs = attributes_of(radio.acc)
            position = self.report["radio_position"]
            position["radios"] += 1
            position["member_of"] += any(r["type"] == "MEMBER_OF" for r in relations)
            position["posinset"] += "posinset" in attrs and "setsize" in attrs
            # Qt has no MEMBER_OF relation: the app puts "2 of 5" in the description, which screen readers speak.
            description = radio.acc.description or ""
            numbers = [int(n) for n in re.findall(r"\d+", description)]
            position["described"] += sorted(numbers) == sorted([index, len(radios)])
            position.setdefault(
                "example",
                {"radio": radio.name, "relations": relations, "attributes": attrs, "description": description},
            )
        return {
            "field": question["field"],
            "group_role": group.role,
            "group_name": group.name,
            "options": [r.name for r in radios],
            "group_children_roles": [pyatspi_role(c) for c in children(group.acc)],
        }

    def answer_single(self, question: dict[str, Any], group: Node, radios: list[Node]) -> dict[str, Any]:
        info = self.check_radio_group(group, radios, question)
        for index in range(len(radios)):
            self.toggle_radio(group, radios, index)
        self.toggle_radio(group, radios, question["choose"])
        # Toggle on the chosen option again: it must not leave the question with two or no answers.
        do_action(radios[question["choose"]], "Toggle")
        time.sleep(0.2)
        Events.pump()
        if [self.checked(r) for r in radios].count(True) > 1:
            self.violation("action", f"Toggle on the chosen {radios[question['choose']].name!r} left two checked")
        if not self.checked(radios[question["choose"]]):
            # taking an answer back with Toggle is fine, but then choose it again for the review
            self.toggle_radio(group, radios, question["choose"])
        return info

    def answer_multi(self, question: dict[str, Any], group: Node, boxes: list[Node]) -> dict[str, Any]:
        for box in boxes:
            if box.role != "check box":
                self.violation("radio", f"multi-choice option is a {box.role}: {box.describe()}")
        for box in boxes:
            for action in box.actions:
                if action == "SetFocus":
                    continue
                for expected in (True, False):
                    mark = self.events.mark()
                    do_action(box, action)
                    try:
                        wait_for(
                            f"{box.name!r} checked={expected} after {action}",
                            lambda box=box, expected=expected: self.checked(box) == expected,
                            3,
                        )
                    except WalkError as exc:
                        self.violation("action", f"{action} on check box: {exc}")
                        continue
                    if not any(
                        e[0] == "object:state-changed:checked" and e[2] == box.name for e in self.events.since(mark)
                    ):
                        self.violation("event", f"no state-changed:checked event for {box.name!r} after {action}")
        for index, choose in enumerate(question["choose"]):
            box = boxes[choose]
            do_action(box, "Toggle" if index == 0 else "Press")
            wait_for(f"{box.name!r} chosen", lambda box=box: self.checked(box))
        return {
            "field": question["field"],
            "group_role": group.role,
            "group_name": group.name,
            "options": [b.name for b in boxes],
            "group_children_roles": [pyatspi_role(c) for c in children(group.acc)],
        }

    def answer_counts(self, question: dict[str, Any], rows: list[tuple[Node, list[Node]]]) -> list[dict[str, Any]]:
        infos = []
        for (group, radios), row in zip(rows, question["rows"], strict=False):
            info = self.check_radio_group(group, radios, {"field": f"{question['field']}.{row['item']}"})
            infos.append(info)
            for index in range(len(radios)):
                self.toggle_radio(group, radios, index)
        none = self.button([question["none"]], where="page")
        for expected in (True, False):
            do_action(none, "Toggle")
            wait_for(f"{none.name!r} checked={expected}", lambda expected=expected: self.checked(none) == expected)
        cleared = all(not self.checked(r) for _g, radios in rows for r in radios)
        if not cleared:
            self.violation("action", f"Toggle on {none.name!r} left counts chosen")
        for row_index, option in question["choose"].items():
            group, radios = rows[int(row_index)]
            self.toggle_radio(group, radios, option)
        return infos

    def answer_number(self, question: dict[str, Any]) -> None:
        nodes = self.page_nodes()
        boxes = [n for n in nodes if n.role == "text" and n.showing]
        if len(boxes) != 1:
            raise WalkError(f"expected one text box for {question['field']}, found {len(boxes)}")
        box = boxes[0]
        keys = [n for n in nodes if n.role == "push button" and n.showing]
        for key in keys:
            if key.name.strip().isdigit():
                self.violation("name", f"a pad key named only by its digit: {key.describe()}")

        def text() -> str:
            iface = box.acc.queryText()
            return str(iface.getText(0, -1))

        def press(name_part: str) -> None:
            matches = (
                [k for k in keys if name_part in k.name]
                if len(name_part) == 1
                else [k for k in keys if k.name == name_part]
            )
            if len(matches) != 1:
                raise WalkError(f"pad keys for {name_part!r}: {[k.name for k in matches]}")
            do_action(matches[0], "Press")

        typed = ""
        mark = self.events.mark()
        for step in question["keys"]:
            if step == "delete":
                press(question["delete"])
                typed = typed[:-1]
            elif step == "clear":
                press(question["clear"])
                typed = ""
            else:
                press(step)
                typed += step
            try:
                wait_for(f"the box to read {typed!r}", lambda typed=typed: text() == typed, 5)
            except WalkError:
                self.violation("action", f"pad key {step!r}: the box reads {text()!r}, expected {typed!r}")
        if not any(e[0].startswith("object:text-changed") for e in self.events.since(mark)):
            self.violation("event", "typing on the pad fired no text-changed event for the age box")
        self.report["age_box"] = {"name": box.name, "text": text(), "keys": [k.name for k in keys]}

    # --- moving ---------------------------------------------------------------------------------------------------

    def press_next(self) -> None:
        footer = self.plan["footer"]
        button = self.button([footer["next"], footer["skip"], footer["start"], footer["see_result"]])
        do_action(button, "Press")

    def wait_screen(self, entry: dict[str, Any]) -> None:
        first = entry.get("marker")

        def there() -> bool:
            page = self.page()
            if page.name != entry["title"]:
                return False
            return not first or any(n.name == first and n.showing for n in self.page_nodes())

        wait_for(f"screen {entry['id']} ({entry['title']!r})", there)

    # --- the whole walk -------------------------------------------------------------------------------------------

    def run(self) -> None:
        self.find_app()
        plan = self.plan
        for entry in plan["screens"]:
            self.screen_id = entry["id"]
            self.wait_screen(entry)
            time.sleep(0.3)  # let the focus land where the app puts it
            Events.pump()
            shot = self.check_screen(entry["id"], entry["title"])
            self.report["screens"].append(shot)
            if entry["id"] == "welcome":
                self.check_header_toggles()
            self.check_set_focus()
            shot["groups"] = self.answer_screen(entry)
            if entry.get("try_back"):
                do_action(self.button([plan["footer"]["back"]]), "Press")
                previous = plan["screens"][plan["screens"].index(entry) - 1]
                self.wait_screen(previous)
                self.press_next()
                self.wait_screen(entry)
            self.check_scroll_bars()
            if entry["id"] == "review":
                shot["cards"] = self.review_cards()
                self.check_change_button()
            if entry["id"] == "result":
                self.check_dialog()
                self.check_language_switch()
                break
            self.press_next()

    def answer_screen(self, entry: dict[str, Any]) -> list[dict[str, Any]]:
        infos: list[dict[str, Any]] = []
        used = 0  # groups taken by earlier questions of the screen
        for question in entry.get("questions", []):
            kind = question["kind"]
            if kind == "number":
                self.answer_number(question)
                continue
            child_role = "check box" if kind == "multi" else "radio button"
            needed = used + (len(question["rows"]) if kind == "counts" else 1)

            def enough(child_role: str = child_role, needed: int = needed) -> list[tuple[Node, list[Node]]]:
                found = self.groups(child_role)
                return found if len(found) >= needed else []

            groups = wait_for(f"question {question['field']} on screen", enough)
            if kind == "single":
                infos.append(self.answer_single(question, *groups[used]))
            elif kind == "multi":
                infos.append(self.answer_multi(question, *groups[used]))
            else:
                infos += self.answer_counts(question, groups[used:needed])
            used = needed
        return infos

    def check_header_toggles(self) -> None:
        for name in self.plan["header_toggles"]:
            toggle = self.button([name])
            for action in [a for a in toggle.actions if a != "SetFocus"]:
                for expected in (True, False):
                    do_action(toggle, action)
                    try:
                        wait_for(
                            f"{name!r} checked={expected} after {action}",
                            lambda toggle=toggle, expected=expected: self.checked(toggle) == expected,
                            3,
                        )
                    except WalkError as exc:
                        self.violation("action", str(exc))

    def review_cards(self) -> list[list[str]]:
        nodes = self.page_nodes()
        cards = []
        for node in nodes:
            labels = [n.name for n in nodes if n.parents and n.parents[-1] is node and n.role == "label" and n.showing]
            if labels:
                cards.append(labels)
        return cards

    def dialog_nodes(self) -> list[Node]:
        title = self.plan["dialog"]["title"]
        return [
            n
            for n in walk(self.frame)
            if n.name == title and n.role in ("dialog", "panel", "filler", "window", "alert")
        ]

    def check_dialog(self) -> None:
        plan = self.plan
        do_action(self.button([plan["footer"]["start_over"]]), "Press")
        dialog = wait_for("the Start over dialog", lambda: [n for n in self.dialog_nodes() if n.showing])[0]
        self.screen_id = "result+dialog"
        shot = self.check_screen("result+dialog", plan["titles"]["result"])
        shot["dialog"] = {"role": dialog.role, "name": dialog.name}
        inside = walk(dialog.acc, dialog.path, dialog.parents, showing_only=True)
        shot["dialog_tree"] = [n.line(len(n.parents) - len(dialog.parents)) for n in inside if n.showing]
        buttons = [n.name for n in inside if n.role == "push button" and n.showing]
        if sorted(buttons) != sorted([plan["dialog"]["keep"], plan["dialog"]["clear"]]):
            self.violation("name", f"dialog buttons are {buttons}")
        focused = [n.name for n in inside if "focused" in n.states]
        if focused != [plan["dialog"]["keep"]]:
            self.violation(
                "focus",
                f"focus in the open dialog is on {focused}, expected the safe choice {plan['dialog']['keep']!r}",
            )
        self.report["screens"].append(shot)
        do_action(self.button([plan["dialog"]["keep"]]), "Press")
        try:
            wait_for("the closed dialog to leave the tree", lambda: not self.dialog_nodes(), 5)
            left = {"left_tree": True}
        except WalkError:
            stale = self.dialog_nodes()
            left = {"left_tree": False, "stale": [n.describe() for n in stale]}
            self.violation("hidden", f"the closed dialog stays in the tree: {[n.describe() for n in stale]}")
            for node in stale:
                if node.showing:
                    self.violation("hidden", f"the closed dialog is still SHOWING: {node.describe()}")
        self.report["dialog_closed"] = left
        self.screen_id = "result"
        if self.page().name != plan["titles"]["result"]:
            self.violation("action", f"after 'keep' the screen is {self.page().name!r}, not the result")

    def locales(self) -> dict[str, str]:
        """The locale the window and the screen's first named label report (a screen reader picks its voice by it)."""

        def locale(acc: Any) -> str:
            try:
                return str(acc.get_object_locale())
            except Exception as exc:  # an old AT-SPI without it
                return f"unreadable: {exc}"

        label = next((n for n in self.page_nodes() if n.role in ("label", "heading") and n.name), None)
        return {"frame": locale(self.frame), "label": locale(label.acc) if label else ""}

    def check_language_switch(self) -> None:
        plan = self.plan
        do_action(self.button([plan["language_button"]]), "Press")
        self.screen_id = "result (other language)"
        try:
            wait_for("the window name in the other language", lambda: self.frame.name == plan["other_title"], 5)
        except WalkError:
            self.violation(
                "frame",
                f"after switching language the window is named {self.frame.name!r}, expected {plan['other_title']!r}",
            )
        self.report["frame_after_switch"] = {"role": self.frame.getRoleName(), "name": self.frame.name}
        time.sleep(0.3)
        self.report["locale_after_switch"] = self.locales()


def pyatspi_role(acc: Any) -> str:
    try:
        return str(acc.getRoleName())
    except Exception:
        return "?"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: atspi_walk.py PLAN.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        plan = json.load(handle)
    walker = Walker(plan)
    started = time.monotonic()
    try:
        walker.run()
    except WalkError as exc:
        walker.report["error"] = f"[{walker.lang}] walk stopped at {walker.screen_id}: {exc}"
    except Exception as exc:  # the report must still come out, with what went wrong
        walker.report["error"] = f"[{walker.lang}] walk crashed at {walker.screen_id}: {type(exc).__name__}: {exc}"
    walker.report["seconds"] = round(time.monotonic() - started, 1)
    walker.report["frame"] = {"role": pyatspi_role(walker.frame), "name": getattr(walker.frame, "name", None)}
    json.dump(walker.report, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
