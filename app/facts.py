"""What the figures read of one postmortem, reduced to a few hundred bytes.

``Facts`` come from a document in memory (``facts_of``, on every save that changes them, into
the table ``postmortem_facts``) or from the parts of a stored document that SQLite extracts
(``facts_from_row``, for rows whose stored facts are missing or stale). The metrics of 10,000
postmortems then read 10,000 small rows, not 10,000 documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.derived import DerivedTimes, instants, raw_spans
from app.errors import PostmortemError, StoreError
from app.recurrence import Signature, categories_with_causes, fold_set, significant_words
from app.timeutil import parse_datetime, parse_optional_date, parse_optional_datetime
from app.vocabulary import ActionStatus, Marker

if TYPE_CHECKING:
    from app.model import Postmortem

#: The parts of a document the metrics read, extracted by SQLite in one pass over its JSON.
METRIC_PARTS = (
    "postmortem_date",
    "started_at",
    "detected_at",
    "mitigated_at",
    "resolved_at",
    "root_cause",
    "timeline",
    "ishikawa",
    "actions",
)


@dataclass(frozen=True)
class _Mark:
    at: datetime
    marker: Marker | None


@dataclass(frozen=True)
class _Times:
    started_at: datetime | None
    detected_at: datetime | None
    mitigated_at: datetime | None
    resolved_at: datetime | None
    timeline: tuple[_Mark, ...]


_OPEN = (ActionStatus.TODO.value, ActionStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class ActionTally:
    """The actions of one postmortem, counted; open ones keep their due day (ISO text, or
    None) so that "overdue" can be counted for any day."""

    total: int = 0
    without_due: int = 0
    not_doing: int = 0
    done: int = 0
    on_time: int = 0
    late: int = 0
    open_due: tuple[str | None, ...] = ()

    def overdue(self, today: str) -> int:
        return sum(1 for due in self.open_due if due is not None and due < today)


def tally(actions: Iterable[tuple[str, str | None, str | None]]) -> ActionTally:
    """From (status, due, completed_on) of each action, days as ISO text."""
    counts = [0] * 6
    open_due: list[str | None] = []
    for status, due, completed in actions:
        counts[0] += 1
        counts[1] += due is None
        if status in _OPEN:
            open_due.append(due)
        elif status == ActionStatus.NOT_DOING.value:
            counts[2] += 1
        else:
            counts[3] += 1
            if due is not None and completed is not None:
                counts[4 if completed <= due else 5] += 1
    total, without_due, not_doing, done, on_time, late = counts
    return ActionTally(total, without_due, not_doing, done, on_time, late, tuple(open_due))


@dataclass(frozen=True)
class Facts:
    """What the figures read of one postmortem."""

    id: str
    title: str
    severity: str
    day: date | None
    days_to_postmortem: int | None
    times: DerivedTimes
    root_cause: str
    signature: Signature
    actions: ActionTally


def span_days(day: date | None, postmortem_day: date | None) -> int | None:
    if day is None or postmortem_day is None or postmortem_day < day:
        return None
    return (postmortem_day - day).days


def facts_from_parts(row: tuple[Any, ...], parts: dict[str, Any]) -> Facts:
    """Facts from a ``metric_rows`` row (id, title, severity, incident date, services, tags)
    and its ``METRIC_PARTS`` in their JSON form."""
    postmortem_id, title, severity, incident_date, services, tags = row[:6]
    where = f"postmortem '{postmortem_id}'"
    started_at = parse_optional_datetime(parts["started_at"], f"{where}.started_at")
    entries = parts["timeline"] or ()
    marked = [entry for entry in entries if entry.get("marker")]
    if started_at is None and not any(e["marker"] == Marker.STARTED.value for e in marked):
        marked = list(entries)  # the start falls back to the earliest entry
    times = _Times(
        started_at=started_at,
        detected_at=parse_optional_datetime(parts["detected_at"], f"{where}.detected_at"),
        mitigated_at=parse_optional_datetime(parts["mitigated_at"], f"{where}.mitigated_at"),
        resolved_at=parse_optional_datetime(parts["resolved_at"], f"{where}.resolved_at"),
        timeline=tuple(
            _Mark(
                at=parse_datetime(str(entry["at"]), f"{where}.timeline.at"),
                marker=Marker(entry["marker"]) if entry.get("marker") else None,
            )
            for entry in marked
        ),
    )
    started = instants(times).started
    day = parse_optional_date(incident_date, f"{where}.incident_date") or (
        started.date() if started is not None else None
    )
    root_cause = str(parts["root_cause"] or "")
    return Facts(
        id=postmortem_id,
        title=title,
        severity=severity,
        day=day,
        days_to_postmortem=span_days(
            day, parse_optional_date(parts["postmortem_date"], f"{where}.postmortem_date")
        ),
        times=raw_spans(times),
        root_cause=root_cause,
        signature=Signature(
            tags=fold_set(tags),
            services=fold_set(services),
            categories=categories_with_causes(parts["ishikawa"] or {}),
            root_cause_words=significant_words(root_cause),
        ),
        actions=tally(
            (
                str(action.get("status") or ActionStatus.TODO.value),
                action.get("due") or None,
                action.get("completed_on") or None,
            )
            for action in parts["actions"] or ()
        ),
    )


def facts_from_row(row: tuple[Any, ...], path: object) -> Facts:
    """Facts of one ``metric_rows`` row; a row that does not decode is damage in the file."""
    try:
        if row[6] is None:
            raise ValueError("its JSON does not parse")
        values = json.loads(row[6])
        parts = dict(zip(METRIC_PARTS, values, strict=True))
        services, tags = json.loads(row[4]), json.loads(row[5])
        return facts_from_parts((*row[:4], services, tags), parts)
    except (ValueError, TypeError, KeyError, AttributeError, PostmortemError) as error:
        raise StoreError(
            f"The postmortem '{row[0]}' is damaged in the database {path} "
            f"({error}); restore a backup or an earlier revision."
        ) from None


def facts_of(doc: Postmortem) -> Facts:
    """Facts of a document in memory (read from its objects: cheap enough for every save)."""
    from app.diagrams.graph import graph_to_data

    started = instants(doc).started
    day = doc.incident_date or (started.date() if started is not None else None)
    return Facts(
        id=doc.id,
        title=doc.title,
        severity=doc.severity,
        day=day,
        days_to_postmortem=span_days(day, doc.postmortem_date),
        times=raw_spans(doc),
        root_cause=doc.root_cause,
        signature=Signature(
            tags=fold_set(doc.tags),
            services=fold_set(service.name for service in doc.services),
            categories=categories_with_causes(graph_to_data(doc.ishikawa)),
            root_cause_words=significant_words(doc.root_cause),
        ),
        actions=tally(
            (
                action.status.value,
                action.due.isoformat() if action.due else None,
                action.completed_on.isoformat() if action.completed_on else None,
            )
            for action in doc.actions
        ),
    )


# -- the stored form (table postmortem_facts, written on every save that changes them) --------

#: Bumped when ``Facts`` or their definition changes: rows of another version are recomputed.
FACTS_VERSION = 2
_TIME_NAMES = (
    "duration",
    "time_to_detect",
    "time_to_acknowledge",
    "time_to_mitigate",
    "time_to_resolve",
)


def _span(delta: timedelta | None) -> list[int] | None:
    return None if delta is None else [delta.days, delta.seconds, delta.microseconds]


def facts_to_json(facts: Facts) -> str:
    sign = facts.signature
    return json.dumps(
        {
            "v": FACTS_VERSION,
            "title": facts.title,
            "severity": facts.severity,
            "day": facts.day.isoformat() if facts.day else None,
            "days_to_postmortem": facts.days_to_postmortem,
            "times": [_span(getattr(facts.times, name)) for name in _TIME_NAMES],
            "root_cause": facts.root_cause,
            "tags": sorted(sign.tags),
            "services": sorted(sign.services),
            "categories": sorted(sign.categories),
            "words": sorted(sign.root_cause_words),
            "actions": [
                facts.actions.total,
                facts.actions.without_due,
                facts.actions.not_doing,
                facts.actions.done,
                facts.actions.on_time,
                facts.actions.late,
            ],
            "open_due": list(facts.actions.open_due),
        },
        ensure_ascii=False,
    )


def _tally_from(counts: list[int], open_due: list[str | None]) -> ActionTally:
    total, without_due, not_doing, done, on_time, late = (int(n) for n in counts)
    return ActionTally(total, without_due, not_doing, done, on_time, late, tuple(open_due))


def facts_from_json(postmortem_id: str, text: str) -> Facts | None:
    """The stored facts, or None when they are of another version (recompute them)."""
    data = json.loads(text)
    if data.get("v") != FACTS_VERSION:
        return None
    spans = [None if value is None else timedelta(*value) for value in data["times"]]
    return Facts(
        id=postmortem_id,
        title=data["title"],
        severity=data["severity"],
        day=date.fromisoformat(data["day"]) if data["day"] else None,
        days_to_postmortem=data["days_to_postmortem"],
        times=DerivedTimes(*spans),
        root_cause=data["root_cause"],
        signature=Signature(
            tags=frozenset(data["tags"]),
            services=frozenset(data["services"]),
            categories=frozenset(data["categories"]),
            root_cause_words=frozenset(data["words"]),
        ),
        actions=_tally_from(data["actions"], data["open_due"]),
    )
