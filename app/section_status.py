"""What each section of a postmortem needs: empty, filled, or something to look at.

The editor's outline shows it beside each section name, so a facilitator sees at a glance what
is left to do (a root cause without a corrective action, an action without an owner…). The
notes are plain English sentences; the interface translates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.diagrams.graph import ISHIKAWA, WHYS, root_of
from app.model import Postmortem
from app.vocabulary import ActionStatus, Status


class State(StrEnum):
    EMPTY = "empty"
    FILLED = "filled"
    ATTENTION = "attention"


@dataclass
class SectionState:
    state: State
    notes: list[str] = field(default_factory=list)


def _state(filled: bool, notes: list[str]) -> SectionState:
    if notes:
        return SectionState(State.ATTENTION, notes)
    return SectionState(State.FILLED if filled else State.EMPTY)


def unlinked_root_causes(doc: Postmortem, kind: str) -> list[str]:
    """Texts of the diagram's root causes that no corrective action is linked to."""
    graph = getattr(doc, kind)
    linked = {ref for action in doc.actions for ref in action.causes}
    return [
        str(data.get("text", ""))
        for node, data in graph.nodes(data=True)
        if data.get("root_cause") and f"{kind}:{node}" not in linked
    ]


def _diagram(doc: Postmortem, kind: str) -> SectionState:
    graph = getattr(doc, kind)
    root = root_of(graph)
    drawn = any(node != root and data.get("text") for node, data in graph.nodes(data=True))
    notes = [
        f"Root cause without a corrective action: {text or '(no text)'}"
        for text in unlinked_root_causes(doc, kind)
    ]
    return _state(drawn, notes)


def _header(doc: Postmortem) -> SectionState:
    notes = []
    if not doc.title.strip():
        notes.append("No title yet.")
    if doc.incident_date is None and doc.started_at is None:
        notes.append("No incident date: times typed alone (14:31) need it.")
    if not doc.severity:
        notes.append("No severity.")
    return _state(True, notes)


def _actions(doc: Postmortem) -> SectionState:
    notes = []
    open_actions = [
        a for a in doc.actions if a.status not in (ActionStatus.DONE, ActionStatus.NOT_DOING)
    ]
    missing_owner = sum(1 for a in open_actions if not a.owner.strip())
    missing_due = sum(1 for a in open_actions if a.due is None)
    if missing_owner:
        notes.append(f"{missing_owner} action(s) without an owner.")
    if missing_due:
        notes.append(f"{missing_due} action(s) without a due date.")
    return _state(bool(doc.actions), notes)


def _timeline(doc: Postmortem) -> SectionState:
    notes = []
    if doc.timeline and not any(e.marker is not None for e in doc.timeline):
        notes.append("No event is marked (started, detected, resolved…): derived times are empty.")
    return _state(bool(doc.timeline), notes)


def section_states(doc: Postmortem) -> dict[str, SectionState]:
    """Section key → its state; keys match the editor's outline."""
    return {
        "header": _header(doc),
        "summary": _state(bool(doc.summary.strip() or doc.impact), []),
        "timeline": _timeline(doc),
        "analysis": _state(
            bool(doc.root_cause.strip() or doc.contributing_factors or doc.went_wrong), []
        ),
        WHYS: _diagram(doc, WHYS),
        ISHIKAWA: _diagram(doc, ISHIKAWA),
        "actions": _actions(doc),
        "lessons": _state(bool(doc.lessons or doc.communications), []),
        "parking": _state(bool(doc.parking_lot), []),
        "annexes": _state(bool(doc.annexes), []),
        "signoff": _state(bool(doc.signoffs) or doc.status == Status.APPROVED, []),
    }
