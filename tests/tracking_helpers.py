"""A crafted database whose tracker rows and metrics are known by hand.

Three postmortems (today is 2026-03-01):

* ``db`` — "Database failover", P1, incident 2026-01-10, postmortem 2026-01-14 (4 days);
  started 10:00, detected 10:01, acknowledged 10:04, resolved 10:20 (TTD 1 min, TTA 3 min,
  TTR 20 min). Tags kubernetes, database; service payments; Ishikawa "Tools" has a cause.
  Root cause "connection pool exhausted under peak load". Actions:
  a1 done on time (due 01-20, done 01-18), a2 done late (due 01-25, done 02-02),
  a3 to do, due 02-10 → overdue 19 days, owner Alice; a4 not doing.
* ``api`` — "API latency", P0, incident 2026-02-05, postmortem 2026-02-15 (10 days);
  started 09:00, detected 09:05, acknowledged 09:12, resolved 10:00 (TTD 5, TTA 7, TTR 60 min).
  Tags kubernetes; service checkout; Ishikawa "Tools" has a cause. Root cause "database
  connection pool exhausted under peak traffic". Actions: b1 in progress, due 03-15
  (not overdue), owner Bob; b2 done, no due date, completed 02-20; b3 to do, no due date.
* ``bare`` — "Undated note": no dates, no severity, no times, no actions, nothing shared.

Expected: 7 actions, done 3, not doing 1, open 3, overdue 1, without due 2, on time 1,
late 1 → completed rate 3/6, on-time rate 1/2. MTTD 3 min, MTTA 5 min, MTTR 40 min
(MTTD met, MTTA not met — equal is not under, MTTR not met). Days to postmortem 4 and 10
(mean 7). By severity P0 1, P1 1, unrated 1; by month 2026-01 1, 2026-02 1, undated 1.
Recurrence: db ↔ api (tags kubernetes, Ishikawa tools, similar root cause) → 2 of 3.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.model import Action, Postmortem, Service, TimelineEntry
from app.store import Store
from app.vocabulary import ActionKind, ActionStatus, Marker, Priority

TODAY = date(2026, 3, 1)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _with_cause(doc: Postmortem, category: str, cause: str) -> None:
    graph = doc.ishikawa
    node = next(n for n, a in graph.nodes(data=True) if a.get("text") == category)
    graph.add_node(f"{node}x", text=cause, answer="", role="cause", root_cause=False, order=0)
    graph.add_edge(node, f"{node}x")


def crafted_docs() -> dict[str, Postmortem]:
    day = date(2026, 1, 10)
    db = Postmortem(
        id="db",
        title="Database failover",
        severity="P1",
        incident_date=day,
        postmortem_date=date(2026, 1, 14),
        started_at=_at(day, 10, 0),
        detected_at=_at(day, 10, 1),
        resolved_at=_at(day, 10, 20),
        tags=["kubernetes", "database"],
        services=[Service("payments")],
        root_cause="connection pool exhausted under peak load",
    )
    db.timeline.append(
        TimelineEntry(at=_at(day, 10, 4), event="on-call acks", marker=Marker.ACKNOWLEDGED)
    )
    _with_cause(db, "Tools", "pool size hard-coded")
    db.actions = [
        Action(
            "Raise pool size",
            owner="Carol",
            due=date(2026, 1, 20),
            priority=Priority.P0,
            status=ActionStatus.DONE,
            completed_on=date(2026, 1, 18),
            kind=ActionKind.MITIGATE,
            id="a1",
        ),
        Action(
            "Alert on pool saturation",
            owner="Carol",
            due=date(2026, 1, 25),
            status=ActionStatus.DONE,
            completed_on=date(2026, 2, 2),
            kind=ActionKind.DETECT,
            id="a2",
        ),
        Action(
            "Load test the failover",
            owner="Alice Martin",
            due=date(2026, 2, 10),
            priority=Priority.P1,
            status=ActionStatus.TODO,
            id="a3",
        ),
        Action(
            "Rewrite the driver",
            owner="Dan",
            due=date(2026, 1, 30),
            priority=Priority.P3,
            status=ActionStatus.NOT_DOING,
            id="a4",
        ),
    ]
    api_day = date(2026, 2, 5)
    api = Postmortem(
        id="api",
        title="API latency",
        severity="P0",
        incident_date=api_day,
        postmortem_date=date(2026, 2, 15),
        started_at=_at(api_day, 9, 0),
        detected_at=_at(api_day, 9, 5),
        resolved_at=_at(api_day, 10, 0),
        tags=["Kubernetes"],
        services=[Service("checkout")],
        root_cause="Database connection pool exhausted under peak traffic",
    )
    api.timeline.append(
        TimelineEntry(at=_at(api_day, 9, 12), event="acknowledged", marker=Marker.ACKNOWLEDGED)
    )
    _with_cause(api, "Tools", "no autoscaling")
    api.actions = [
        Action(
            "Autoscale the API",
            owner="Bob",
            due=date(2026, 3, 15),
            priority=Priority.P1,
            status=ActionStatus.IN_PROGRESS,
            kind=ActionKind.PREVENT,
            id="b1",
        ),
        Action(
            "Write the runbook",
            owner="Bob",
            status=ActionStatus.DONE,
            completed_on=date(2026, 2, 20),
            kind=ActionKind.PROCESS,
            id="b2",
        ),
        Action("=HYPERLINK(evil)", owner="", status=ActionStatus.TODO, id="b3"),
    ]
    bare = Postmortem(id="bare", title="Undated note")
    return {"db": db, "api": api, "bare": bare}


def fill(store: Store) -> dict[str, Postmortem]:
    docs = crafted_docs()
    for doc in docs.values():
        store.save(doc)
    return docs
