"""Every corrective action across all postmortems: the query behind the action tracker.

Postmortems fail when their actions are forgotten, so the tracker reads the store's ``actions``
table (mirrored on every save) joined with its postmortem, filtered and sorted in SQL
(``app.queries``), and exports it as CSV. "Today" is always passed in, so overdue is testable
and never depends on the clock of the machine running a test.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import ValidationError
from app.model import Postmortem
from app.queries import OPEN_STATUSES, SORT_KEYS, ActionFilter, action_rows
from app.session import SnapshotChange
from app.store import Store
from app.visible_text import visible
from app.vocabulary import ActionKind, ActionStatus, Priority

CSV_COLUMNS: tuple[str, ...] = (
    "postmortem_id",
    "postmortem",
    "incident_date",
    "action_id",
    "action",
    "owner",
    "due",
    "priority",
    "status",
    "kind",
    "horizon",
    "ticket",
    "completed_on",
    "days_overdue",
)


@dataclass(frozen=True)
class TrackedAction:
    """One action as the tracker shows it, with the postmortem it belongs to."""

    postmortem_id: str
    postmortem_title: str
    incident_date: str | None
    id: str
    position: int
    action: str
    owner: str
    due: date | None
    priority: Priority | None  # None: not stated (imported)
    status: ActionStatus
    kind: ActionKind | None
    horizon: str
    ticket: str
    completed_on: date | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def days_overdue(self, today: date) -> int:
        """Days past the due date for an open action; 0 when on time, done or undated."""
        if not self.is_open or self.due is None or self.due >= today:
            return 0
        return (today - self.due).days

    def is_overdue(self, today: date) -> bool:
        return self.days_overdue(today) > 0


def parse_status_filter(text: str) -> tuple[ActionStatus, ...]:
    """``open`` (to do + in progress) or comma-separated statuses, as typed on the command line."""
    words = [word.strip().lower().replace("-", "_").replace(" ", "_") for word in text.split(",")]
    statuses: list[ActionStatus] = []
    for word in words:
        if not word:
            continue
        if word == "open":
            statuses += OPEN_STATUSES
            continue
        try:
            statuses.append(ActionStatus(word))
        except ValueError:
            allowed = ", ".join(["open", *(s.value for s in ActionStatus)])
            raise ValidationError(
                f"status: '{word}' is not a status; use one of {allowed}."
            ) from None
    return tuple(dict.fromkeys(statuses))


def query_actions(
    store: Store,
    flt: ActionFilter | None = None,
    *,
    today: date,
    sort: str = "due",
    descending: bool = False,
) -> list[TrackedAction]:
    """The actions matching ``flt``, sorted by ``sort`` (a key of ``SORT_KEYS``)."""
    check_sort(sort)
    rows = action_rows(store, flt or ActionFilter(), today=today, sort=sort, descending=descending)
    return [tracked(row) for row in rows]


def check_sort(sort: str) -> None:
    if sort not in SORT_KEYS:
        raise ValidationError(f"sort: '{sort}' is not a column; use one of {', '.join(SORT_KEYS)}.")


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# Plain dict look-ups: calling the enums is the slowest part of reading 10,000 rows.
_PRIORITIES = {member.value: member for member in Priority}
_STATUSES = {member.value: member for member in ActionStatus}
_KINDS = {member.value: member for member in ActionKind}


def tracked(row: tuple[Any, ...]) -> TrackedAction:
    """A row of ``app.queries.action_rows`` as the tracker shows it."""
    return TrackedAction(
        postmortem_id=row[0],
        postmortem_title=row[1],
        incident_date=row[2],
        id=row[3],
        position=int(row[4]),
        action=row[5],
        owner=row[6],
        due=_day(row[7]),
        priority=_PRIORITIES.get(row[8]),
        status=_STATUSES[row[9]],
        kind=_KINDS.get(row[10]),
        horizon=row[11],
        ticket=row[12],
        completed_on=_day(row[13]),
    )


def open_actions(store: Store, exclude_postmortem_id: str | None = None) -> list[TrackedAction]:
    """Actions still to do or in progress, earliest due first: the meeting reviews them first.

    ``exclude_postmortem_id`` leaves out the postmortem being discussed (its own actions are
    reviewed later in the agenda).
    """
    flt = ActionFilter(statuses=OPEN_STATUSES)
    rows = query_actions(store, flt, today=date.min, sort="due")
    if exclude_postmortem_id is None:
        return rows
    return [row for row in rows if row.postmortem_id != exclude_postmortem_id]


def actions_csv(rows: Sequence[TrackedAction], today: date) -> str:
    """CSV (RFC 4180, header row) of the tracker's rows; cells never start a spreadsheet formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        values = [
            row.postmortem_id,
            row.postmortem_title,
            row.incident_date or "",
            row.id,
            row.action,
            row.owner,
            row.due.isoformat() if row.due else "",
            row.priority.value if row.priority else "",
            row.status.value,
            row.kind.value if row.kind else "",
            row.horizon,
            row.ticket,
            row.completed_on.isoformat() if row.completed_on else "",
            row.days_overdue(today) or "",
        ]
        writer.writerow([_cell(str(value)) for value in values])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Any cell: control characters made visible, and a leading ``'`` before text a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return). Every column goes
    through here, ids included: an imported file may hold anything."""
    text = visible(text)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def status_change(action_id: str, status: ActionStatus, today: date) -> SnapshotChange:
    """The edit that sets an action's status; marking it done records the day it was done.

    Leaving "done" clears ``completed_on`` so the on-time rate never counts a reopened action.
    """

    def mutate(doc: Postmortem) -> None:
        action = doc.action(action_id)
        if action is None:
            raise ValidationError("This action no longer exists in its postmortem; refresh.")
        action.status = status
        if status == ActionStatus.DONE:
            action.completed_on = action.completed_on or today
        else:
            action.completed_on = None

    return SnapshotChange(f"Set action status to {status.value.replace('_', ' ')}", mutate)
