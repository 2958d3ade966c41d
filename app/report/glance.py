"""The facts of the cover's "at a glance" block, as plain strings in the report language.

Incident window (with its zone), duration, severity with its meaning, one line each for impact
and root cause, actions by status, services; and, once approved, who approved it, when, the
revision and its digest. Computed here, painted by the renderer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from app.derived import derived_times, instants
from app.errors import ValidationError
from app.model import Postmortem
from app.report.labels import Labels
from app.richtext import plain
from app.severity import find_level
from app.vocabulary import ActionStatus, Status

#: one-line summaries are cut after this many characters (at a word)
LINE_LIMIT = 200


@dataclass(frozen=True)
class Approval:
    """The block at the top of the cover: approved (who, when), or the copy for approval."""

    title: str
    line: str
    revision_line: str


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """The first sentence (or the start) of a Markdown field, on one line."""
    flat = plain(text)
    if not flat:
        return ""
    for end in (". ", "; ", " — "):
        cut = flat.find(end)
        if 20 <= cut < limit:
            return flat[: cut + (1 if end == ". " else 0)]
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit].rstrip(",;:") + " …"


def window(doc: Postmortem, words: Labels) -> str:
    marks = instants(doc)
    start, end = marks.started, marks.resolved or marks.mitigated
    if start is None:
        return ""
    first = words.local(start)
    if end is None or end < start:
        return words.moment(start, zone=True)
    last = words.local(end)
    if first.date() == last.date():
        clock = f"{words.clock(start)} – {words.clock(end)}"
        return f"{words.date(first.date())}, {clock} ({words.zone_name(start)})"
    return f"{words.moment(start)} – {words.moment(end)} ({words.zone_name(start)})"


def duration(doc: Postmortem, words: Labels) -> str:
    delta = derived_times(doc).duration
    if delta is None or delta.total_seconds() < 0:
        return ""
    return words.duration(delta)


def severity(doc: Postmortem, words: Labels) -> str:
    code = doc.severity.strip()
    if not code:
        return ""
    try:
        level = find_level(code)
    except ValidationError:
        return code
    french = words.language == "fr"
    name = level.name_fr if french else level.name_en
    meaning = level.description_fr if french else level.description_en
    return f"{code} — {name} : {meaning}" if french else f"{code} — {name}: {meaning}"


def impact(doc: Postmortem, words: Labels) -> str:
    colon = " : " if words.language == "fr" else ": "
    rows = [
        f"{plain(row.metric)}{colon}{plain(row.value)}" if row.value.strip() else plain(row.metric)
        for row in doc.impact
        if row.metric.strip() or row.value.strip()
    ]
    if rows:
        return one_line(" · ".join(rows[:3]))
    return one_line(doc.summary)


def actions(doc: Postmortem, words: Labels) -> str:
    counts = Counter(action.status for action in doc.actions)
    order = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.TODO, ActionStatus.NOT_DOING)
    return " · ".join(
        f"{counts[status]} {words.term(status.value).lower()}" for status in order if counts[status]
    )


def services(doc: Postmortem, words: Labels) -> str:
    return ", ".join(
        f"{service.name} ({words.term(service.state.value)})" for service in doc.services
    )


def approval(doc: Postmortem, words: Labels, digest: str) -> Approval | None:
    if doc.status != Status.APPROVED:
        return None
    approver = next((s for s in doc.signoffs if s.role == "approved_by"), None)
    revision = words["approval_revision"].format(revision=doc.revision, digest=digest)
    heading = f"✔ {words['approval'].upper()}"
    if approver is None:
        return Approval(heading, words["approved_unsigned"], revision)
    title = f" ({approver.title})" if approver.title else ""
    when = words.moment(approver.signed_at, zone=True)
    return Approval(
        heading,
        words["approved_by_line"].format(name=approver.name, title=title, when=when),
        revision,
    )


def for_approval(doc: Postmortem, words: Labels, digest: str, roles: tuple[str, ...]) -> Approval:
    """The copy that travels to be signed: which roles make it the approved report."""
    return Approval(
        words["for_approval"].upper(),
        words["for_approval_line"].format(roles=", ".join(words.term(role) for role in roles)),
        words["approval_revision"].format(revision=doc.revision, digest=digest),
    )


def reference_instant(doc: Postmortem) -> datetime | None:
    """An instant of the incident, to name the zone's offset (summer or winter time)."""
    marks = instants(doc)
    return marks.started or marks.resolved
