"""Derived times (never typed by hand): duration, time to detect / acknowledge / mitigate / resolve.

Each instant comes from the header field when set, else from the first timeline entry carrying
the matching marker. The seed playbook's KPIs (MTTD, MTTA, MTTR) average these across incidents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.model import Postmortem
from app.vocabulary import Marker


@dataclass(frozen=True)
class Instants:
    started: datetime | None
    detected: datetime | None
    acknowledged: datetime | None
    mitigated: datetime | None
    resolved: datetime | None


@dataclass(frozen=True)
class DerivedTimes:
    duration: timedelta | None
    time_to_detect: timedelta | None
    time_to_acknowledge: timedelta | None
    time_to_mitigate: timedelta | None
    time_to_resolve: timedelta | None


def first_marker(doc: Postmortem, *markers: Marker) -> datetime | None:
    times = [entry.at for entry in doc.timeline if entry.marker in markers]
    return min(times) if times else None


def instants(doc: Postmortem) -> Instants:
    started = doc.started_at or first_marker(doc, Marker.STARTED)
    if started is None and doc.timeline:
        started = min(entry.at for entry in doc.timeline)
    return Instants(
        started=started,
        detected=doc.detected_at or first_marker(doc, Marker.DETECTED),
        # A page (escalated) is not an acknowledgement; it stands in only when none is marked.
        acknowledged=first_marker(doc, Marker.ACKNOWLEDGED) or first_marker(doc, Marker.ESCALATED),
        mitigated=doc.mitigated_at or first_marker(doc, Marker.MITIGATED),
        resolved=doc.resolved_at or first_marker(doc, Marker.RESOLVED),
    )


def _between(start: datetime | None, end: datetime | None) -> timedelta | None:
    """The time from ``start`` to ``end``; None when unknown or when the times are out of order
    (``inconsistencies`` says why: a derived time is never shown negative)."""
    if start is None or end is None or end < start:
        return None
    return end - start


def derived_times(doc: Postmortem) -> DerivedTimes:
    marks = instants(doc)
    return DerivedTimes(
        duration=_between(marks.started, marks.resolved),
        time_to_detect=_between(marks.started, marks.detected),
        time_to_acknowledge=_between(marks.detected, marks.acknowledged),
        time_to_mitigate=_between(marks.started, marks.mitigated),
        time_to_resolve=_between(marks.started, marks.resolved),
    )


def inconsistencies(doc: Postmortem) -> list[str]:
    """Human-readable problems with the times (shown in the editor, never blocking)."""
    marks = instants(doc)
    problems: list[str] = []
    ordered = [
        ("detected", marks.detected),
        ("mitigated", marks.mitigated),
        ("resolved", marks.resolved),
    ]
    if marks.started is not None:
        for name, moment in ordered:
            if moment is not None and moment < marks.started:
                problems.append(f"The incident is {name} before it started.")
    if marks.mitigated and marks.resolved and marks.resolved < marks.mitigated:
        problems.append("The incident is resolved before it is mitigated.")
    if marks.started is not None and marks.resolved is not None:
        for entry in doc.timeline:
            if not marks.started <= entry.at <= marks.resolved:
                problems.append(
                    f"Timeline entry '{entry.event[:40]}' is outside the incident window."
                )
    return problems
