"""Every corrective action across all postmortems: the query behind the action tracker.

Postmortems fail when their actions are forgotten, so the tracker reads the store's ``actions``
table (mirrored on every save) joined with its postmortem, filters and sorts it in SQL, and
exports it as CSV. "Today" is always passed in, so overdue is testable and never depends on the
clock of the machine running a test.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.errors import StoreError, ValidationError
from app.model import Postmortem
from app.session import SnapshotChange
from app.store import Store
from app.visible_text import visible
from app.vocabulary import ActionKind, ActionStatus, Priority

OPEN_STATUSES: tuple[ActionStatus, ...] = (ActionStatus.TODO, ActionStatus.IN_PROGRESS)

#: Sort key name → (SQL "is missing" test, SQL value); missing values sort last either way.
SORT_KEYS: dict[str, tuple[str, str]] = {
    "due": ("a.due IS NULL", "a.due"),
    "priority": ("", "a.priority"),
    "status": (
        "",
        "CASE a.status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2 ELSE 3 END",
    ),
    "owner": ("a.owner = ''", "a.owner COLLATE NOCASE"),
    "postmortem": ("p.title = ''", "p.title COLLATE NOCASE"),
    "action": ("", "a.action COLLATE NOCASE"),
    "kind": ("", "a.kind"),
    "incident_date": ("p.incident_date IS NULL", "p.incident_date"),
    "completed_on": ("a.completed_on IS NULL", "a.completed_on"),
}

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


@dataclass(frozen=True)
class ActionFilter:
    """What the tracker shows; empty fields do not filter."""

    owner: str = ""
    statuses: tuple[ActionStatus, ...] = ()
    priorities: tuple[Priority, ...] = ()
    kinds: tuple[ActionKind, ...] = ()
    postmortem_id: str = ""
    overdue_only: bool = False
    text: str = ""


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


def _where(flt: ActionFilter, today: date) -> tuple[str, list[Any]]:
    clauses = ["p.deleted_at IS NULL"]
    params: list[Any] = []
    if flt.owner.strip():
        clauses.append("a.owner LIKE ? ESCAPE '\\'")
        params.append(f"%{_like(flt.owner.strip())}%")
    if flt.text.strip():
        clauses.append("(a.action LIKE ? ESCAPE '\\' OR a.ticket LIKE ? ESCAPE '\\')")
        pattern = f"%{_like(flt.text.strip())}%"
        params += [pattern, pattern]
    for column, values in (
        ("a.status", flt.statuses),
        ("a.priority", flt.priorities),
        ("a.kind", flt.kinds),
    ):
        if values:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            params += [value.value for value in values]
    if flt.postmortem_id:
        clauses.append("a.postmortem_id = ?")
        params.append(flt.postmortem_id)
    if flt.overdue_only:
        clauses.append("a.status IN ('todo', 'in_progress') AND a.due IS NOT NULL AND a.due < ?")
        params.append(today.isoformat())
    return " AND ".join(clauses), params


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_SELECT = (
    "SELECT a.postmortem_id, p.title, p.incident_date, a.id, a.position, a.action, a.owner, "
    "a.due, a.priority, a.status, a.kind, a.horizon, a.ticket, a.completed_on "
    "FROM actions a JOIN postmortems p ON p.id = a.postmortem_id"
)


def query_actions(
    store: Store,
    flt: ActionFilter | None = None,
    *,
    today: date,
    sort: str = "due",
    descending: bool = False,
) -> list[TrackedAction]:
    """The actions matching ``flt``, sorted by ``sort`` (a key of ``SORT_KEYS``)."""
    if sort not in SORT_KEYS:
        raise ValidationError(f"sort: '{sort}' is not a column; use one of {', '.join(SORT_KEYS)}.")
    where, params = _where(flt or ActionFilter(), today)
    missing, value = SORT_KEYS[sort]
    order = f"{missing + ', ' if missing else ''}{value}{' DESC' if descending else ''}"
    sql = (
        f"{_SELECT} WHERE {where} ORDER BY {order}, p.incident_date DESC, a.postmortem_id, "
        "a.position"
    )
    return [_tracked(row) for row in _rows(store, sql, params)]


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    try:
        return [tuple(row) for row in store.db.execute(sql, list(params)).fetchall()]
    except sqlite3.Error as error:
        raise StoreError(f"The actions of {store.path} cannot be read: {error}.") from None


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


def _tracked(row: tuple[Any, ...]) -> TrackedAction:
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
