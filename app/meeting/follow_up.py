"""Actions still open in earlier postmortems: what the follow-up step reviews first."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import PostmortemError
from app.store import Store
from app.vocabulary import ActionStatus

OPEN = (ActionStatus.TODO, ActionStatus.IN_PROGRESS)


@dataclass
class OpenAction:
    postmortem: str
    action: str
    owner: str
    due: str


def open_actions_elsewhere(store: Store, exclude_id: str, limit: int = 50) -> list[OpenAction]:
    """Open actions of the other postmortems, oldest due date first (undated last)."""
    found: list[OpenAction] = []
    for summary in store.summaries():
        if summary.id == exclude_id:
            continue
        try:
            doc = store.load(summary.id)
        except PostmortemError:
            continue
        for item in doc.actions:
            if item.status in OPEN:
                due = item.due.isoformat() if item.due else ""
                found.append(OpenAction(doc.title, item.action, item.owner, due))
    found.sort(key=lambda item: (item.due == "", item.due))
    return found[:limit]
