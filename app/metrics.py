"""Figures across all postmortems: are actions done, how fast we respond, what keeps coming back.

The playbook's tracking table asks for the actions completed rate, the recurrence rate and the
time to postmortem; the incident-response playbook sets the response targets (MTTD < 2 min,
MTTA < 5 min, MTTR < 30 min). Every figure is defined on an empty database, on postmortems
without dates and on actions without due dates: a figure that cannot be computed is ``None``
(shown as "—"), never a division by zero or a guess.
"""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from app.derived import DerivedTimes, instants, raw_spans
from app.diagrams.graph import children
from app.errors import FormatError, StoreError
from app.jsonio import document_from_dict
from app.model import Postmortem
from app.severity import scale_codes
from app.store import Store
from app.timeutil import format_duration
from app.tracker import TrackedAction, query_actions
from app.vocabulary import ActionStatus

UNDATED = "undated"
UNRATED = "unrated"

#: Root-cause texts whose significant words overlap this much (Jaccard index) are "similar".
SIMILAR_ROOT_CAUSE = 0.5


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
class RecurrenceLink:
    """Two postmortems that look like the same problem coming back, and why."""

    first_id: str
    first_title: str
    second_id: str
    second_title: str
    reasons: tuple[str, ...]


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

    @property
    def mean_days_to_postmortem(self) -> float | None:
        values = self.time_to_postmortem_days
        return statistics.fmean(values) if values else None

    @property
    def median_days_to_postmortem(self) -> float | None:
        values = self.time_to_postmortem_days
        return float(statistics.median(values)) if values else None

    @property
    def recurring_postmortems(self) -> int:
        ids = {link.first_id for link in self.recurrence}
        ids |= {link.second_id for link in self.recurrence}
        return len(ids)

    @property
    def recurrence_rate(self) -> float | None:
        """Share of postmortems that share a cause with another one."""
        return self.recurring_postmortems / self.postmortems if self.postmortems else None


#: Sections no figure reads: left out when decoding (actions come from the actions table),
#: which halves the time on a database of hundreds of postmortems.
UNUSED_SECTIONS = (
    "actions",
    "participants",
    "impact",
    "lessons",
    "communications",
    "annexes",
    "signoffs",
    "meeting_agenda",
)


def load_for_metrics(store: Store) -> list[Postmortem]:
    """The postmortems (deleted ones left out) with just the parts the figures need."""
    try:
        rows = store.db.execute(
            "SELECT id, doc FROM postmortems WHERE deleted_at IS NULL ORDER BY id"
        ).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"The postmortems of {store.path} cannot be read: {error}.") from None
    docs: list[Postmortem] = []
    for postmortem_id, text in rows:
        try:
            data = json.loads(text)
            for key in UNUSED_SECTIONS:
                data.pop(key, None)
            docs.append(document_from_dict(data))
        except (ValueError, RecursionError, FormatError) as error:
            raise StoreError(
                f"The postmortem '{postmortem_id}' is damaged in the database {store.path} "
                f"({error}); restore a backup or an earlier revision."
            ) from None
    return docs


def compute_metrics(store: Store, today: date) -> Metrics:
    """All figures of the dashboard for the postmortems in ``store`` (deleted ones left out)."""
    return metrics_for(load_for_metrics(store), query_actions(store, today=today), today)


def metrics_for(
    docs: Sequence[Postmortem], actions: Sequence[TrackedAction], today: date
) -> Metrics:
    return Metrics(
        today=today,
        postmortems=len(docs),
        actions=action_figures(actions, today),
        kpis=kpis(docs),
        time_to_postmortem_days=tuple(
            days for days in (days_to_postmortem(doc) for doc in docs) if days is not None
        ),
        by_severity=by_severity(docs),
        by_month=by_month(docs),
        recurrence=tuple(recurrence_links(docs)),
    )


def action_figures(actions: Iterable[TrackedAction], today: date) -> ActionFigures:
    counts: Counter[str] = Counter()
    for action in actions:
        counts["total"] += 1
        if action.due is None:
            counts["without_due"] += 1
        if action.is_open:
            counts["open"] += 1
            counts["overdue"] += action.is_overdue(today)
        elif action.status == ActionStatus.NOT_DOING:
            counts["not_doing"] += 1
        else:
            counts["done"] += 1
            if action.due is not None and action.completed_on is not None:
                counts["on_time" if action.completed_on <= action.due else "late"] += 1
    return ActionFigures(
        total=counts["total"],
        done=counts["done"],
        not_doing=counts["not_doing"],
        open=counts["open"],
        overdue=counts["overdue"],
        without_due=counts["without_due"],
        on_time=counts["on_time"],
        late=counts["late"],
    )


def kpis(docs: Sequence[Postmortem]) -> tuple[Kpi, ...]:
    """Means over the incidents that have both instants; negative spans (typos) are skipped."""
    times = [raw_spans(doc) for doc in docs]
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
    day = incident_day(doc)
    if day is None or doc.postmortem_date is None or doc.postmortem_date < day:
        return None
    return (doc.postmortem_date - day).days


def by_severity(docs: Iterable[Postmortem]) -> dict[str, int]:
    """Counts in scale order (P0 first); unknown codes after, then unrated."""
    counts = Counter(doc.severity.strip() or UNRATED for doc in docs)
    order = [code for code in scale_codes() if code in counts]
    order += sorted(code for code in counts if code not in order and code != UNRATED)
    if UNRATED in counts:
        order.append(UNRATED)
    return {code: counts[code] for code in order}


def by_month(docs: Iterable[Postmortem]) -> dict[str, int]:
    """Counts per ``YYYY-MM``, months without incidents between the first and last included."""
    counts: Counter[str] = Counter()
    for doc in docs:
        day = incident_day(doc)
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


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> frozenset[str]:
    """Significant words (four letters or more, accents ignored)."""
    return frozenset(word for word in re.findall(r"\w+", _fold(text)) if len(word) >= 4)


def ishikawa_categories_with_causes(doc: Postmortem) -> frozenset[str]:
    graph = doc.ishikawa
    found: set[str] = set()
    for node, attrs in graph.nodes(data=True):
        if attrs.get("role") != "category":
            continue
        has_cause = any(
            str(graph.nodes[child].get("text", "")).strip() for child in children(graph, node)
        )
        name = _fold(str(attrs.get("text", ""))).strip()
        if has_cause and name:
            found.add(name)
    return frozenset(found)


def root_cause_similarity(first: str, second: str) -> float:
    """Jaccard index of the significant words of two root-cause texts (0 when one is empty)."""
    return _jaccard(_words(first), _words(second))


def _fold_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(folded for folded in (_fold(v).strip() for v in values) if folded)


@dataclass(frozen=True)
class _Signature:
    """What a postmortem is compared on, folded once (pairs are compared many times)."""

    tags: frozenset[str]
    services: frozenset[str]
    categories: frozenset[str]
    root_cause_words: frozenset[str]


def _signature(doc: Postmortem) -> _Signature:
    return _Signature(
        tags=_fold_set(doc.tags),
        services=_fold_set(service.name for service in doc.services),
        categories=ishikawa_categories_with_causes(doc),
        root_cause_words=_words(doc.root_cause),
    )


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _reasons(first: _Signature, second: _Signature) -> tuple[str, ...]:
    reasons: list[str] = []
    for label, mine, theirs in (
        ("tags", first.tags, second.tags),
        ("services", first.services, second.services),
        ("Ishikawa causes", first.categories, second.categories),
    ):
        shared = sorted(mine & theirs)
        if shared:
            reasons.append(f"{label}: {', '.join(shared)}")
    if _jaccard(first.root_cause_words, second.root_cause_words) >= SIMILAR_ROOT_CAUSE:
        reasons.append("similar root cause")
    return tuple(reasons)


def recurrence_reasons(first: Postmortem, second: Postmortem) -> tuple[str, ...]:
    """Why two postmortems look like the same problem; empty when they do not."""
    return _reasons(_signature(first), _signature(second))


def recurrence_links(docs: Sequence[Postmortem]) -> list[RecurrenceLink]:
    """Every pair of postmortems that share a tag, a service, an Ishikawa category with causes
    or a similar root cause, oldest incident first in each pair."""
    ordered = sorted(docs, key=lambda doc: (incident_day(doc) or date.max, doc.id))
    signed = [(doc, _signature(doc)) for doc in ordered]
    links: list[RecurrenceLink] = []
    for (first, mine), (second, theirs) in combinations(signed, 2):
        reasons = _reasons(mine, theirs)
        if reasons:
            links.append(RecurrenceLink(first.id, first.title, second.id, second.title, reasons))
    return links


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
    for link in metrics.recurrence:
        lines.append(
            f"  {link.first_title or link.first_id} ↔ {link.second_title or link.second_id}: "
            + "; ".join(link.reasons)
        )
    return "\n".join(lines)
