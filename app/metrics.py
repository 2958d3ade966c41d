"""Figures across all postmortems: are actions done, how fast we respond, what keeps coming back.

The playbook's tracking table asks for the actions completed rate, the recurrence rate and the
time to postmortem; the incident-response playbook sets the response targets (MTTD < 2 min,
MTTA < 5 min, MTTR < 30 min). Every figure is defined on an empty database, on postmortems
without dates and on actions without due dates: a figure that cannot be computed is ``None``
(shown as "—"), never a division by zero or a guess.

Scale: each postmortem is read once, as the few parts the figures need (extracted by SQLite),
and reduced to small ``Facts``; actions are counted by one SQL aggregate. ``MetricsIndex``
keeps the facts, so after an edit only that postmortem is read again.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.derived import DerivedTimes, instants
from app.facts import ActionTally, Facts, facts_from_json, facts_from_row, facts_of, span_days
from app.queries import metric_rows, stored_facts
from app.recurrence import (
    SIMILAR_ROOT_CAUSE,
    RecurrenceGroup,
    RecurrenceIndex,
    RecurrenceLink,
    categories_with_causes,
    jaccard,
    reasons,
    significant_words,
)
from app.severity import scale_codes
from app.store import Store
from app.timeutil import format_duration

if TYPE_CHECKING:
    from app.model import Postmortem

__all__ = ["SIMILAR_ROOT_CAUSE", "RecurrenceGroup", "RecurrenceLink"]

UNDATED = "undated"
UNRATED = "unrated"


@dataclass(frozen=True)
class Kpi:
    """A mean response time compared with its target (lower is better)."""

    code: str
    name: str
    target: timedelta
    mean: timedelta | None
    incidents: int
    skipped: int = 0

    @property
    def met(self) -> bool | None:
        return None if self.mean is None else self.mean < self.target


KPI_TARGETS: tuple[tuple[str, str, timedelta, Callable[[DerivedTimes], timedelta | None]], ...] = (
    ("MTTD", "Mean time to detect", timedelta(minutes=2), lambda t: t.time_to_detect),
    ("MTTA", "Mean time to acknowledge", timedelta(minutes=5), lambda t: t.time_to_acknowledge),
    ("MTTR", "Mean time to recovery", timedelta(minutes=30), lambda t: t.time_to_resolve),
)


@dataclass(frozen=True)
class ActionFigures:
    total: int
    done: int
    not_doing: int
    open: int
    overdue: int
    without_due: int
    on_time: int
    late: int

    @property
    def completed_rate(self) -> float | None:
        """Done among committed actions (``not_doing`` is a decision, not a miss)."""
        committed = self.total - self.not_doing
        return self.done / committed if committed else None

    @property
    def on_time_rate(self) -> float | None:
        """Done by their due date, among done actions that had one and a completion day."""
        judged = self.on_time + self.late
        return self.on_time / judged if judged else None


@dataclass(frozen=True)
class Metrics:
    today: date
    postmortems: int
    actions: ActionFigures
    kpis: tuple[Kpi, ...]
    time_to_postmortem_days: tuple[int, ...]
    by_severity: dict[str, int]
    by_month: dict[str, int]
    recurrence: tuple[RecurrenceLink, ...] = field(default=())
    #: postmortems that share a cause with another one (counted on all, not on the links)
    recurring_postmortems: int = 0
    recurrence_groups: tuple[RecurrenceGroup, ...] = field(default=())
    #: False when there are more links than ``recurrence`` lists
    links_complete: bool = True

    @property
    def mean_days_to_postmortem(self) -> float | None:
        values = self.time_to_postmortem_days
        return statistics.fmean(values) if values else None

    @property
    def median_days_to_postmortem(self) -> float | None:
        values = self.time_to_postmortem_days
        return float(statistics.median(values)) if values else None

    @property
    def recurrence_rate(self) -> float | None:
        """Share of postmortems that share a cause with another one."""
        return self.recurring_postmortems / self.postmortems if self.postmortems else None


class MetricsIndex:
    """Facts and action counts per postmortem, and the recurrence index over them."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.facts: dict[str, Facts] = {}
        self.recurrence = RecurrenceIndex()

    @classmethod
    def load(cls, store: Store, today: date) -> MetricsIndex:
        """The stored facts of every postmortem; those missing or out of date (written by
        another version) are read from their documents."""
        index = cls(today)
        stale: list[str] = []
        for postmortem_id, text in stored_facts(store):
            facts = None
            if text is not None:
                try:
                    facts = facts_from_json(postmortem_id, text)
                except (ValueError, TypeError, KeyError):
                    facts = None
            if facts is None:
                stale.append(postmortem_id)
            else:
                index._put(facts)
        for row in metric_rows(store, stale):
            index._put(facts_from_row(row, store.path))
        return index

    def _put(self, facts: Facts) -> None:
        self.facts[facts.id] = facts
        self.recurrence.put(facts.id, facts.title, facts.day, facts.root_cause, facts.signature)

    def update(self, doc: Postmortem) -> None:
        """After an edit of ``doc``: its facts, nothing else (read from the document)."""
        self._put(facts_of(doc))

    def metrics(self) -> Metrics:
        facts = [self.facts[key] for key in sorted(self.facts)]
        links, complete = self.recurrence.links()
        return Metrics(
            today=self.today,
            postmortems=len(facts),
            actions=_action_figures((f.actions for f in facts), self.today),
            kpis=kpis([f.times for f in facts]),
            time_to_postmortem_days=tuple(
                f.days_to_postmortem for f in facts if f.days_to_postmortem is not None
            ),
            by_severity=_severity_counts(f.severity for f in facts),
            by_month=_month_counts(f.day for f in facts),
            recurrence=tuple(links),
            recurring_postmortems=len(self.recurrence.recurring_ids()),
            recurrence_groups=tuple(self.recurrence.groups()),
            links_complete=complete,
        )


def compute_metrics(store: Store, today: date) -> Metrics:
    """All figures of the dashboard for the postmortems in ``store`` (deleted ones left out)."""
    return MetricsIndex.load(store, today).metrics()


def _action_figures(tallies: Iterable[ActionTally], today: date) -> ActionFigures:
    day = today.isoformat()
    totals = Counter[str]()
    for tally in tallies:
        totals["total"] += tally.total
        totals["without_due"] += tally.without_due
        totals["not_doing"] += tally.not_doing
        totals["done"] += tally.done
        totals["on_time"] += tally.on_time
        totals["late"] += tally.late
        totals["open"] += len(tally.open_due)
        totals["overdue"] += tally.overdue(day)
    return ActionFigures(**{name: totals[name] for name in ActionFigures.__dataclass_fields__})


def kpis(times: Sequence[DerivedTimes]) -> tuple[Kpi, ...]:
    """Means over the incidents that have both instants; negative spans (typos) are skipped."""
    result: list[Kpi] = []
    for code, name, target, pick in KPI_TARGETS:
        values = [value for value in (pick(t) for t in times) if value is not None]
        usable = [value for value in values if value >= timedelta(0)]
        mean = sum(usable, timedelta(0)) / len(usable) if usable else None
        result.append(
            Kpi(code, name, target, mean, incidents=len(usable), skipped=len(values) - len(usable))
        )
    return tuple(result)


def incident_day(doc: Postmortem) -> date | None:
    """The incident date, else the day the incident started (as written, in its own offset)."""
    if doc.incident_date is not None:
        return doc.incident_date
    started = instants(doc).started
    return started.date() if started is not None else None


def days_to_postmortem(doc: Postmortem) -> int | None:
    return span_days(incident_day(doc), doc.postmortem_date)


def by_severity(docs: Iterable[Postmortem]) -> dict[str, int]:
    return _severity_counts(doc.severity for doc in docs)


def _severity_counts(severities: Iterable[str]) -> dict[str, int]:
    """Counts in scale order (P0 first); unknown codes after, then unrated."""
    counts = Counter(severity.strip() or UNRATED for severity in severities)
    order = [code for code in scale_codes() if code in counts]
    order += sorted(code for code in counts if code not in order and code != UNRATED)
    if UNRATED in counts:
        order.append(UNRATED)
    return {code: counts[code] for code in order}


def by_month(docs: Iterable[Postmortem]) -> dict[str, int]:
    return _month_counts(incident_day(doc) for doc in docs)


def _month_counts(days: Iterable[date | None]) -> dict[str, int]:
    """Counts per ``YYYY-MM``, months without incidents between the first and last included."""
    counts: Counter[str] = Counter()
    for day in days:
        counts[day.strftime("%Y-%m") if day else UNDATED] += 1
    months = sorted(key for key in counts if key != UNDATED)
    result: dict[str, int] = {}
    if months:
        year, month = (int(part) for part in months[0].split("-"))
        while f"{year:04d}-{month:02d}" <= months[-1]:
            key = f"{year:04d}-{month:02d}"
            result[key] = counts.get(key, 0)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if UNDATED in counts:
        result[UNDATED] = counts[UNDATED]
    return result


# -- recurrence --------------------------------------------------------------------------------


def ishikawa_categories_with_causes(doc: Postmortem) -> frozenset[str]:
    from app.diagrams.graph import graph_to_data

    return categories_with_causes(graph_to_data(doc.ishikawa))


def root_cause_similarity(first: str, second: str) -> float:
    """Jaccard index of the significant words of two root-cause texts (0 when one is empty)."""
    return jaccard(significant_words(first), significant_words(second))


def recurrence_reasons(first: Postmortem, second: Postmortem) -> tuple[str, ...]:
    """Why two postmortems look like the same problem; empty when they do not."""
    return reasons(facts_of(first).signature, facts_of(second).signature)


# -- output ------------------------------------------------------------------------------------


def _seconds(delta: timedelta | None) -> float | None:
    return None if delta is None else delta.total_seconds()


def metrics_to_dict(metrics: Metrics) -> dict[str, Any]:
    """The JSON form (``postmortem-studio metrics --json``): plain numbers, seconds for times."""
    figures = metrics.actions
    return {
        "today": metrics.today.isoformat(),
        "postmortems": metrics.postmortems,
        "actions": {
            "total": figures.total,
            "done": figures.done,
            "not_doing": figures.not_doing,
            "open": figures.open,
            "overdue": figures.overdue,
            "without_due": figures.without_due,
            "on_time": figures.on_time,
            "late": figures.late,
            "completed_rate": figures.completed_rate,
            "on_time_rate": figures.on_time_rate,
        },
        "kpis": [
            {
                "code": kpi.code,
                "name": kpi.name,
                "mean_seconds": _seconds(kpi.mean),
                "target_seconds": kpi.target.total_seconds(),
                "met": kpi.met,
                "incidents": kpi.incidents,
                "skipped": kpi.skipped,
            }
            for kpi in metrics.kpis
        ],
        "time_to_postmortem": {
            "postmortems": len(metrics.time_to_postmortem_days),
            "mean_days": metrics.mean_days_to_postmortem,
            "median_days": metrics.median_days_to_postmortem,
        },
        "by_severity": metrics.by_severity,
        "by_month": metrics.by_month,
        "recurrence": {
            "rate": metrics.recurrence_rate,
            "postmortems": metrics.recurring_postmortems,
            "groups": [
                {
                    "reason": group.reason,
                    "key": group.key,
                    "postmortems": list(group.postmortem_ids),
                }
                for group in metrics.recurrence_groups
            ],
            "links_complete": metrics.links_complete,
            "links": [
                {
                    "first": link.first_id,
                    "second": link.second_id,
                    "reasons": list(link.reasons),
                }
                for link in metrics.recurrence
            ],
        },
    }


#: Recurrence groups listed in the text report (the JSON has all of them).
TEXT_GROUPS = 20


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def kpi_verdict(kpi: Kpi) -> str:
    if kpi.met is None:
        return "no data"
    return "on target" if kpi.met else "above target"


def metrics_text(metrics: Metrics) -> str:
    """The plain-text report of ``postmortem-studio metrics``."""
    figures = metrics.actions
    days = metrics.mean_days_to_postmortem
    lines = [
        f"Postmortems: {metrics.postmortems}",
        "",
        "Actions",
        f"  total {figures.total}, done {figures.done}, open {figures.open}, "
        f"not doing {figures.not_doing}, without due date {figures.without_due}",
        f"  completed rate : {percent(figures.completed_rate)}",
        f"  on-time rate   : {percent(figures.on_time_rate)} "
        f"({figures.on_time} on time, {figures.late} late)",
        f"  overdue        : {figures.overdue} (on {metrics.today.isoformat()})",
        "",
        "Response times (incident-response targets)",
    ]
    for kpi in metrics.kpis:
        lines.append(
            f"  {kpi.code}: {format_duration(kpi.mean):>12}  target < "
            f"{format_duration(kpi.target):<7} {kpi_verdict(kpi)} "
            f"({kpi.incidents} incident{'s' if kpi.incidents != 1 else ''})"
        )
    lines += [
        "",
        "Time from incident to postmortem: "
        + ("—" if days is None else f"{days:.1f} days on average")
        + f" ({len(metrics.time_to_postmortem_days)} postmortems with both dates)",
        "",
        "Incidents by severity: "
        + (", ".join(f"{code} {count}" for code, count in metrics.by_severity.items()) or "—"),
        "Incidents by month: "
        + (", ".join(f"{month} {count}" for month, count in metrics.by_month.items()) or "—"),
        "",
        f"Recurrence rate: {percent(metrics.recurrence_rate)} "
        f"({metrics.recurring_postmortems} of {metrics.postmortems} postmortems)",
    ]
    groups = metrics.recurrence_groups
    if len(groups) > TEXT_GROUPS:
        lines.append(f"  largest {TEXT_GROUPS} of {len(groups)} groups:")
    for group in groups[:TEXT_GROUPS]:
        lines.append(f"  {group.reason}: {group.key} — {len(group.postmortem_ids)} postmortems")
    if not metrics.links_complete:
        lines.append(f"  first {len(metrics.recurrence)} links (most specific causes first):")
    for link in metrics.recurrence:
        lines.append(
            f"  {link.first_title or link.first_id} ↔ {link.second_title or link.second_id}: "
            + "; ".join(link.reasons)
        )
    return "\n".join(lines)
