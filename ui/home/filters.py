"""Filtering and sorting the postmortem list (pure Python over ``Store.summaries``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.store import Summary

SORT_KEYS = ("incident_date", "updated_at", "title", "severity", "status")
STATUS_ORDER = {"draft": 0, "in_review": 1, "approved": 2, "archived": 3}


@dataclass(frozen=True)
class Filters:
    status: str = ""
    severity: str = ""
    service: str = ""
    tag: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "incident_date"

    def active(self) -> bool:
        return any(
            (self.status, self.severity, self.service, self.tag, self.date_from, self.date_to)
        )


def _in_range(summary: Summary, filters: Filters) -> bool:
    if filters.date_from is None and filters.date_to is None:
        return True
    if not summary.incident_date:
        return False
    day = summary.incident_date[:10]
    if filters.date_from is not None and day < filters.date_from.isoformat():
        return False
    return not (filters.date_to is not None and day > filters.date_to.isoformat())


def apply_filters(summaries: list[Summary], filters: Filters) -> list[Summary]:
    kept = [
        s
        for s in summaries
        if (not filters.status or s.status == filters.status)
        and (not filters.severity or s.severity == filters.severity)
        and (not filters.service or filters.service in s.services)
        and (not filters.tag or filters.tag in s.tags)
        and _in_range(s, filters)
    ]
    if filters.sort == "title":
        kept.sort(key=lambda s: s.title.casefold())
    elif filters.sort == "severity":
        kept.sort(key=lambda s: (s.severity or "~", s.title.casefold()))
    elif filters.sort == "status":
        kept.sort(key=lambda s: (STATUS_ORDER.get(s.status, 9), s.title.casefold()))
    elif filters.sort == "updated_at":
        kept.sort(key=lambda s: s.updated_at, reverse=True)
    return kept  # "incident_date": the store's order (newest incident first)


def facets(summaries: list[Summary]) -> tuple[list[str], list[str], list[str]]:
    """The severities, services and tags present, for the filter menus."""
    severities = sorted({s.severity for s in summaries if s.severity})
    services = sorted({name for s in summaries for name in s.services}, key=str.casefold)
    tags = sorted({tag for s in summaries for tag in s.tags}, key=str.casefold)
    return severities, services, tags
