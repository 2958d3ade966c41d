"""The SQL read by the tracker and the metrics: filtered, sorted and paged in SQLite.

Every statement here reads through ``Store.query`` / ``Store.stream``; writes stay in
``app.store``. Filters reach SQL as parameters, never as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.facts import METRIC_PARTS
from app.store import Store
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


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_OPEN = "a.status IN ('todo', 'in_progress')"
_OVERDUE = f"{_OPEN} AND a.due IS NOT NULL AND a.due < ?"


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
        clauses.append(_OVERDUE)
        params.append(today.isoformat())
    return " AND ".join(clauses), params


_FROM = "FROM actions a JOIN postmortems p ON p.id = a.postmortem_id"
ACTION_COLUMNS = (
    "a.postmortem_id, p.title, p.incident_date, a.id, a.position, a.action, a.owner, "
    "a.due, a.priority, a.status, a.kind, a.horizon, a.ticket, a.completed_on"
)


def order_by(sort: str, descending: bool) -> str:
    missing, value = SORT_KEYS[sort]
    order = f"{missing + ', ' if missing else ''}{value}{' DESC' if descending else ''}"
    return f"{order}, p.incident_date DESC, a.postmortem_id, a.position"


def action_rows(
    store: Store,
    flt: ActionFilter,
    *,
    today: date,
    sort: str,
    descending: bool = False,
    limit: int = -1,
    offset: int = 0,
) -> list[tuple[Any, ...]]:
    """Rows (``ACTION_COLUMNS``) matching ``flt``, sorted, from ``offset`` (``limit`` < 0:
    all of them)."""
    where, params = _where(flt, today)
    sql = (
        f"SELECT {ACTION_COLUMNS} {_FROM} WHERE {where} ORDER BY {order_by(sort, descending)} "
        "LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def action_count(store: Store, flt: ActionFilter, *, today: date) -> tuple[int, int]:
    """How many actions match ``flt``, and how many of them are overdue on ``today``."""
    where, params = _where(flt, today)
    sql = f"SELECT count(*), coalesce(sum({_OVERDUE}), 0) {_FROM} WHERE {where}"
    total, overdue = store.query(sql, [today.isoformat(), *params])[0]
    return int(total), int(overdue)


METRIC_ROW_SQL = (
    "SELECT id, title, severity, incident_date, services, tags, "
    "CASE WHEN json_valid(doc) THEN json_extract(doc, {paths}) END FROM postmortems"
).format(paths=", ".join(f"'$.{name}'" for name in METRIC_PARTS))


def stored_facts(store: Store) -> Iterator[tuple[str, str | None]]:
    """(id, stored facts JSON or None when missing or older than the document), one postmortem
    at a time (deleted ones left out)."""
    return store.stream(
        "SELECT p.id, CASE WHEN f.seq = p.seq THEN f.facts END FROM postmortems p "
        "LEFT JOIN postmortem_facts f ON f.postmortem_id = p.id "
        "WHERE p.deleted_at IS NULL ORDER BY p.id"
    )


def metric_rows(store: Store, postmortem_ids: list[str]) -> Iterator[tuple[Any, ...]]:
    """id, title, severity, incident_date, services (JSON), tags (JSON) and the JSON array of
    ``METRIC_PARTS`` of these postmortems, one at a time."""
    for start in range(0, len(postmortem_ids), 500):
        chunk = postmortem_ids[start : start + 500]
        sql = f"{METRIC_ROW_SQL} WHERE id IN ({','.join('?' * len(chunk))})"
        yield from store.stream(sql, chunk)
