"""Quick capture during the meeting: what is said becomes an undoable document change.

Each function checks its input first and returns a ``Change`` for ``DocumentSession.apply``
(or the window's undo stack), so a capture is on disk as soon as it is accepted and can be
undone like any other edit.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import networkx as nx

from app.diagrams import ops
from app.diagrams.changes import DiagramChange
from app.diagrams.graph import ISHIKAWA, WHYS, children, root_of
from app.errors import ValidationError
from app.model import Action, Postmortem, TimelineEntry
from app.timeutil import parse_date, parse_datetime
from app.vocabulary import Priority


@dataclass
class AppendChange:
    """Append one item to a list of the document; undo removes that same item."""

    description: str
    attribute: str
    item: Any

    def forward(self, doc: Postmortem) -> None:
        getattr(doc, self.attribute).append(copy.deepcopy(self.item))

    def backward(self, doc: Postmortem) -> None:
        items: list[Any] = getattr(doc, self.attribute)
        for index in range(len(items) - 1, -1, -1):
            if items[index] == self.item:
                del items[index]
                return


def _required(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(f"{what} is required.")
    return text


def parse_capture_time(doc: Postmortem, text: str) -> datetime:
    """A full ISO date-time, or just ``HH:MM`` on the incident's day and offset."""
    value = text.strip()
    if len(value) <= 5 and ":" in value:
        try:
            clock = time.fromisoformat(value.zfill(5))
        except ValueError:
            raise ValidationError(
                f"time: '{value}' is not a time; type HH:MM (e.g. 10:15)."
            ) from None
        reference = doc.started_at or doc.detected_at
        day = doc.incident_date or (reference.date() if reference else date.today())
        zone = reference.tzinfo if reference and reference.tzinfo else UTC
        return datetime.combine(day, clock, tzinfo=zone)
    return parse_datetime(value, "time")


def timeline_entry(doc: Postmortem, when: str, event: str, actor: str = "") -> AppendChange:
    entry = TimelineEntry(
        at=parse_capture_time(doc, when),
        event=_required(event, "the event"),
        actor=actor.strip(),
    )
    return AppendChange("Add a timeline entry", "timeline", entry)


def last_why(graph: nx.DiGraph) -> str:
    """The end of the main chain: follow the last child from the problem down."""
    node = root_of(graph)
    while kids := children(graph, node):
        node = kids[-1]
    return node


def why(question: str, answer: str = "", under: str | None = None) -> DiagramChange:
    """Add a why (and its answer) at the end of the chain, or under the given node."""
    text = _required(question, "the why")

    def edit(graph: nx.DiGraph, _actions: list[Action]) -> str:
        node = ops.add_child(graph, under or last_why(graph), text)
        if answer.strip():
            ops.set_answer(graph, node, answer.strip())
        return node

    return DiagramChange("Add a why", WHYS, edit)


def ishikawa_categories(doc: Postmortem) -> list[tuple[str, str]]:
    """(node id, label) of the Ishikawa categories, in order."""
    graph = doc.ishikawa
    return [(node, str(graph.nodes[node]["text"])) for node in children(graph, root_of(graph))]


def cause(category: str, text: str) -> DiagramChange:
    """Add a cause under an Ishikawa category (by node id)."""
    label = _required(text, "the cause")
    if not category:
        raise ValidationError("choose the category the cause belongs to.")

    def edit(graph: nx.DiGraph, _actions: list[Action]) -> str:
        if graph.nodes.get(category, {}).get("role") != "category":
            raise ValidationError("choose one of the diagram's categories for the cause.")
        return ops.add_child(graph, category, label)

    return DiagramChange("Add a cause", ISHIKAWA, edit)


def action(text: str, owner: str, due: str, priority: Priority | str = Priority.P2) -> AppendChange:
    """A corrective action leaves the meeting with an owner and a due date, or not at all."""
    if str(priority) not in {item.value for item in Priority}:
        raise ValidationError(f"priority '{priority}' is not one of P0, P1, P2, P3.")
    item = Action(
        action=_required(text, "the action"),
        owner=_required(owner, "an owner for the action"),
        due=parse_date(_required(due, "a due date for the action"), "due date"),
        priority=Priority(str(priority)),
    )
    return AppendChange("Add an action", "actions", item)


def parking_lot(text: str) -> AppendChange:
    return AppendChange("Park a topic", "parking_lot", _required(text, "the topic"))


@dataclass
class RemoveChange:
    """Take one appended item out of a list again; undo puts it back where it was."""

    description: str
    attribute: str
    item: Any
    _index: int = -1

    def forward(self, doc: Postmortem) -> None:
        items: list[Any] = getattr(doc, self.attribute)
        for index in range(len(items) - 1, -1, -1):
            if items[index] == self.item:
                del items[index]
                self._index = index
                return
        raise ValidationError("this capture is no longer in the document.")

    def backward(self, doc: Postmortem) -> None:
        items: list[Any] = getattr(doc, self.attribute)
        items.insert(self._index if 0 <= self._index <= len(items) else len(items), self.item)


def withdraw(change: AppendChange | DiagramChange) -> RemoveChange | DiagramChange:
    """The edit that takes back one capture, even after later edits (they stay)."""
    if isinstance(change, AppendChange):
        return RemoveChange(
            "Take back: " + change.description.lower(),
            change.attribute,
            copy.deepcopy(change.item),
        )
    created = change.created
    if not created:
        raise ValidationError("this capture added nothing to take back.")

    def edit(graph: nx.DiGraph, actions: list[Action]) -> None:
        if created not in graph:
            raise ValidationError("this capture is no longer in the diagram.")
        ops.delete_subtree(graph, created, actions)

    return DiagramChange("Take back: " + change.description.lower(), change.kind, edit)
