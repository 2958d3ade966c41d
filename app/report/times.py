"""Times in the report: the document's zone, the PDF's CreationDate, inconsistent instants."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from app.derived import instants
from app.errors import PostmortemError
from app.model import Postmortem
from app.report.labels import Labels


def document_zone(doc: Postmortem) -> tzinfo:
    """The document's time zone (UTC when its name is unknown)."""
    from app.edits import zone_of

    try:
        return zone_of(doc.timezone)
    except PostmortemError:
        return UTC


def first_time(doc: Postmortem) -> datetime | None:
    times = [entry.at for entry in doc.timeline] + [
        s.signed_at for s in doc.signoffs if s.signed_at
    ]
    return min(times) if times else None


def revision_time(doc: Postmortem) -> datetime | None:
    """When this revision was last given a fact: its latest sign-off, else the incident's end.

    Used as the PDF's CreationDate when the caller does not know the revision's saved time, so
    the same revision always gives the same bytes.
    """
    signed = [s.signed_at for s in doc.signoffs if s.signed_at is not None]
    if signed:
        return max(signed)
    marks = instants(doc)
    return marks.resolved or marks.mitigated or marks.started


def pdf_date(moment: datetime) -> str:
    """A PDF date string ("D:20260115141200+01'00'") for ``moment`` (UTC when naive)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    offset = aware.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{aware.strftime('%Y%m%d%H%M%S')}{sign}{hours:02d}'{mins:02d}'"


def time_problems(doc: Postmortem, words: Labels) -> list[str]:
    """Pairs of instants in the wrong order (their durations would be negative)."""
    marks = instants(doc)
    named = [
        ("h_started", marks.started),
        ("h_detected", marks.detected),
        ("h_acknowledged", marks.acknowledged),
        ("h_mitigated", marks.mitigated),
        ("h_resolved", marks.resolved),
    ]
    problems = []
    for index, (later_key, later) in enumerate(named):
        for earlier_key, earlier in named[:index]:
            if later is not None and earlier is not None and later < earlier:
                text = words["before"].format(later=words[later_key], earlier=words[earlier_key])
                problems.append(f"{text} ({words.clock(later)} < {words.clock(earlier)})")
    return problems
