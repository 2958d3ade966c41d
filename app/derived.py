"""Derived times (never typed by hand): duration, time to detect / acknowledge / mitigate / resolve.

Each instant comes from the header field when set, else from the first timeline entry carrying
the matching marker. The seed playbook's KPIs (MTTD, MTTA, MTTR) average these across incidents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from app.vocabulary import Marker

if TYPE_CHECKING:
    from app.model import Postmortem


class Marked(Protocol):
    """A timeline entry as the derived times read it."""

    @property
    def at(self) -> datetime: ...

    @property
    def marker(self) -> Marker | None: ...


class Timed(Protocol):
    """What the derived times read of a postmortem (a whole ``Postmortem`` or just these)."""

    @property
    def started_at(self) -> datetime | None: ...

    @property
    def detected_at(self) -> datetime | None: ...

    @property
    def mitigated_at(self) -> datetime | None: ...

    @property
    def resolved_at(self) -> datetime | None: ...

    @property
    def timeline(self) -> Sequence[Marked]: ...


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


def first_marker(doc: Timed, *markers: Marker) -> datetime | None:
    times = [entry.at for entry in doc.timeline if entry.marker in markers]
    return min(times) if times else None


def instants(doc: Timed) -> Instants:
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
    if start is None or end is None:
        return None
    return end - start


def raw_spans(doc: Timed) -> DerivedTimes:
    """The spans as the instants give them, negative when the times are out of order
    (the metrics count those as typos)."""
    marks = instants(doc)
    return DerivedTimes(
        duration=_between(marks.started, marks.resolved),
        time_to_detect=_between(marks.started, marks.detected),
        time_to_acknowledge=_between(marks.detected, marks.acknowledged),
        time_to_mitigate=_between(marks.started, marks.mitigated),
        time_to_resolve=_between(marks.started, marks.resolved),
    )


def derived_times(doc: Timed) -> DerivedTimes:
    """The spans a person reads: never negative — times out of order leave the span empty and
    ``inconsistencies`` says why."""
    raw = raw_spans(doc)

    def shown(value: timedelta | None) -> timedelta | None:
        return None if value is None or value < timedelta(0) else value

    return DerivedTimes(
        duration=shown(raw.duration),
        time_to_detect=shown(raw.time_to_detect),
        time_to_acknowledge=shown(raw.time_to_acknowledge),
        time_to_mitigate=shown(raw.time_to_mitigate),
        time_to_resolve=shown(raw.time_to_resolve),
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
