"""The versioned JSON interchange format and the document's canonical content digest.

``document_to_json`` is deterministic (same document, same bytes), so export → import → export
is byte-identical. ``document_from_json`` validates everything and raises ``FormatError`` with
a message that names the offending field.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from app.diagrams.graph import ISHIKAWA, WHYS, graph_from_data, graph_to_data
from app.document_ids import check_ids
from app.errors import FormatError, PostmortemError
from app.model import (
    Action,
    AgendaStepRecord,
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    NarrativeSection,
    Participant,
    Postmortem,
    Service,
    SignOff,
    TimelineEntry,
)
from app.timeutil import (
    format_date,
    format_datetime,
    parse_optional_date,
    parse_optional_datetime,
)
from app.vocabulary import (
    ActionKind,
    ActionStatus,
    AnnexKind,
    Attendance,
    Audience,
    Horizon,
    Marker,
    Priority,
    ServiceState,
    Status,
)

FORMAT_VERSION = 1
#: bounds of whole numbers read from a file (the database stores 64-bit integers at most;
#: a revision counts reopenings, a planned step is seconds): far beyond any real document
MAX_REVISION = 2**31 - 1
MAX_SECONDS = 2**31 - 1
MIN_YEAR, MAX_YEAR = 1900, 2999
FORMAT_NAME = "postmortem-studio"

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


def document_to_dict(doc: Postmortem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": doc.id,
        "revision": doc.revision,
        "title": doc.title,
        "incident_date": format_date(doc.incident_date),
        "started_at": format_datetime(doc.started_at),
        "detected_at": format_datetime(doc.detected_at),
        "mitigated_at": format_datetime(doc.mitigated_at),
        "resolved_at": format_datetime(doc.resolved_at),
        "severity": doc.severity,
        "status": doc.status.value,
        "author": doc.author,
        "reviewers": list(doc.reviewers),
        "participants": [
            {"name": p.name, "role": p.role, "attendance": p.attendance.value}
            for p in doc.participants
        ],
        "postmortem_date": format_date(doc.postmortem_date),
        "services": [{"name": s.name, "state": s.state.value} for s in doc.services],
        "tags": list(doc.tags),
        "timezone": doc.timezone,
        "language": doc.language,
        "summary": doc.summary,
        "impact": [{"metric": r.metric, "value": r.value, "target": r.target} for r in doc.impact],
        "timeline": [_timeline_dict(e) for e in doc.timeline],
        "whys": graph_to_data(doc.whys),
        "ishikawa": graph_to_data(doc.ishikawa),
        "root_cause": doc.root_cause,
        "contributing_factors": list(doc.contributing_factors),
        "went_well": list(doc.went_well),
        "went_wrong": list(doc.went_wrong),
        "lucky": list(doc.lucky),
        "actions": [
            {
                "id": a.id,
                "action": a.action,
                "owner": a.owner,
                "due": format_date(a.due),
                "priority": a.priority.value if a.priority else None,
                "status": a.status.value,
                "status_reason": a.status_reason,
                "kind": a.kind.value if a.kind else None,
                "horizon": a.horizon.value if a.horizon else None,
                "ticket": a.ticket,
                "causes": list(a.causes),
                "completed_on": format_date(a.completed_on),
            }
            for a in doc.actions
        ],
        "lessons": [{"audience": lesson.audience, "text": lesson.text} for lesson in doc.lessons],
        "communications": [
            {
                "audience": c.audience.value,
                "text": c.text,
                "channel": c.channel,
                "at": format_datetime(c.at),
            }
            for c in doc.communications
        ],
        "annexes": [
            {"title": a.title, "kind": a.kind.value, "content": a.content} for a in doc.annexes
        ],
        "acknowledgements": doc.acknowledgements,
        "blameless_note": doc.blameless_note,
        "signoffs": [_signoff_to_dict(s) for s in doc.signoffs],
        "meeting_agenda": [
            {
                "title": r.title,
                "planned_seconds": r.planned_seconds,
                "started_at": format_datetime(r.started_at),
                "ended_at": format_datetime(r.ended_at),
                "spent_seconds": r.spent_seconds,
            }
            for r in doc.meeting_agenda
        ],
        "parking_lot": list(doc.parking_lot),
    }
    if doc.narrative:  # written only when present: older documents keep their exact bytes
        data["narrative"] = [
            {"title": n.title, "kind": n.kind, "text": n.text} for n in doc.narrative
        ]
    return data


def _timeline_dict(e: TimelineEntry) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": e.id,
        "at": format_datetime(e.at),
        "event": e.event,
        "actor": e.actor,
        "notes": e.notes,
        "marker": e.marker.value if e.marker else None,
    }
    if e.approximate:
        row["approximate"] = True
    if e.as_written:
        row["as_written"] = e.as_written
    return row


#: sign-off fields written only when non-empty (older documents keep their exact bytes)
SIGNOFF_EVIDENCE_KEYS = ("certificate", "fingerprint", "signature", "evidence")


def _signoff_to_dict(s: SignOff) -> dict[str, Any]:
    row: dict[str, Any] = {
        "role": s.role,
        "name": s.name,
        "title": s.title,
        "signed_at": format_datetime(s.signed_at),
        "digest": s.digest,
    }
    row.update({key: getattr(s, key) for key in SIGNOFF_EVIDENCE_KEYS if getattr(s, key)})
    return row


def document_to_json(doc: Postmortem) -> str:
    envelope = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    envelope.update(document_to_dict(doc))
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


def document_from_json(text: str) -> Postmortem:
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"the file is not valid JSON (line {error.lineno}: {error.msg})."
        ) from None
    except RecursionError:
        raise FormatError("the JSON file is nested too deeply to be a postmortem.") from None
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise FormatError(f"the file is not valid JSON ({error}).") from None
    if not isinstance(data, dict):
        raise FormatError("the JSON file does not hold a postmortem object.")
    version = data.get("format_version")
    if version is None:
        raise FormatError(
            "the JSON file has no 'format_version': it is not a Postmortem Studio export."
        )
    if isinstance(version, bool) or version != FORMAT_VERSION:
        raise FormatError(
            f"format_version {version!r} is not supported (this version reads {FORMAT_VERSION}); "
            "update Postmortem Studio to import it."
        )
    _refuse_broken_text(data, "")
    doc = document_from_dict(data)
    check_ids(doc)
    _check_years(doc)
    return doc


def _check_years(doc: Postmortem) -> None:
    """Refuse dates outside years MIN_YEAR–MAX_YEAR: at the ends of Python's range (year 1,
    year 9999) a time cannot even be shown in another time zone."""
    moments: list[tuple[str, date | None]] = [
        ("incident_date", doc.incident_date),
        ("postmortem_date", doc.postmortem_date),
        ("started_at", doc.started_at),
        ("detected_at", doc.detected_at),
        ("mitigated_at", doc.mitigated_at),
        ("resolved_at", doc.resolved_at),
    ]
    moments += [(f"timeline[{i}].at", entry.at) for i, entry in enumerate(doc.timeline)]
    for i, action in enumerate(doc.actions):
        moments += [
            (f"actions[{i}].due", action.due),
            (f"actions[{i}].completed_on", action.completed_on),
        ]
    moments += [(f"communications[{i}].at", c.at) for i, c in enumerate(doc.communications)]
    moments += [(f"signoffs[{i}].signed_at", s.signed_at) for i, s in enumerate(doc.signoffs)]
    for i, step in enumerate(doc.meeting_agenda):
        where = f"meeting_agenda[{i}]"
        moments += [(f"{where}.started_at", step.started_at), (f"{where}.ended_at", step.ended_at)]
    for where, moment in moments:
        if moment is not None and not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise FormatError(
                f"{where}: the year {moment.year} is out of range ({MIN_YEAR} to {MAX_YEAR})."
            )


def _refuse_constant(name: str) -> Any:
    """JSON has no NaN or Infinity; Python's parser accepts them, the format does not."""
    raise FormatError(f"the file is not valid JSON ({name} is not a JSON number).")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise FormatError(f"the file is not valid JSON ({text} is too large a number).")
    return value


def _refuse_broken_text(value: Any, where: str) -> None:
    """Refuse text that cannot be written back as UTF-8 (a lone surrogate such as \\ud800).

    JSON escapes can spell such characters, but no file or database can store them, so they
    are refused on the way in rather than failing later on save or export. The walk is
    iterative: nesting depth in a file is the file author's choice, not ours.
    """
    pending: list[tuple[Any, str]] = [(value, where)]
    while pending:
        item, place = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as error:
                raise FormatError(
                    f"{place or 'the document'}: the text holds an invalid character "
                    f"(lone surrogate {item[error.start]!r}); fix the file's encoding."
                ) from None
        elif isinstance(item, dict):
            for key, inner in item.items():
                pending.append((key, place))
                pending.append((inner, f"{place}.{key}" if place else str(key)))
        elif isinstance(item, list):
            pending.extend((inner, f"{place}[{index}]") for index, inner in enumerate(item))


def document_from_dict(data: dict[str, Any]) -> Postmortem:
    """Build a document from its plain form; every problem is a ``FormatError`` naming the field."""
    try:
        return _build(data)
    except FormatError:
        raise
    except PostmortemError as error:
        raise FormatError(str(error)) from None
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as error:
        raise FormatError(f"the document is malformed ({error}).") from None


def _build(d: dict[str, Any]) -> Postmortem:
    doc = Postmortem()
    doc.id = _str(d, "id") or doc.id
    doc.revision = _whole(d, "revision", 1, MAX_REVISION)
    doc.title = _str(d, "title")
    doc.incident_date = parse_optional_date(d.get("incident_date"), "incident_date")
    for name in ("started_at", "detected_at", "mitigated_at", "resolved_at"):
        setattr(doc, name, parse_optional_datetime(d.get(name), name))
    doc.severity = _str(d, "severity")
    doc.status = _enum(Status, d.get("status", "draft"), "status")
    doc.author = _str(d, "author")
    doc.reviewers = _strings(d, "reviewers")
    doc.participants = _rows(
        d,
        "participants",
        lambda r, f: Participant(
            name=_str(r, "name"),
            role=_str(r, "role"),
            attendance=_enum(Attendance, r.get("attendance", "unknown"), f + ".attendance"),
        ),
    )
    doc.postmortem_date = parse_optional_date(d.get("postmortem_date"), "postmortem_date")
    doc.services = _rows(
        d,
        "services",
        lambda r, f: Service(
            name=_str(r, "name"), state=_enum(ServiceState, r.get("state", "ok"), f + ".state")
        ),
    )
    doc.tags = _strings(d, "tags")
    doc.timezone = _str(d, "timezone") or "UTC"
    doc.language = _str(d, "language") or "en"
    if doc.language not in ("en", "fr"):
        raise FormatError(f"language: '{doc.language}' is not supported (en or fr).")
    doc.summary = _str(d, "summary")
    doc.impact = _rows(
        d,
        "impact",
        lambda r, f: ImpactRow(
            metric=_str(r, "metric"), value=_str(r, "value"), target=_str(r, "target")
        ),
    )
    doc.timeline = _rows(d, "timeline", _timeline_entry)
    doc.whys = graph_from_data(d.get("whys", {"nodes": [{"id": "p", "role": "problem"}]}), WHYS)
    doc.ishikawa = graph_from_data(
        d.get("ishikawa", {"nodes": [{"id": "e", "role": "effect"}]}), ISHIKAWA
    )
    doc.root_cause = _str(d, "root_cause")
    doc.contributing_factors = _strings(d, "contributing_factors")
    doc.went_well = _strings(d, "went_well")
    doc.went_wrong = _strings(d, "went_wrong")
    doc.lucky = _strings(d, "lucky")
    doc.actions = _rows(d, "actions", _action)
    doc.lessons = _rows(
        d, "lessons", lambda r, f: Lesson(audience=_str(r, "audience"), text=_str(r, "text"))
    )
    doc.communications = _rows(
        d,
        "communications",
        lambda r, f: Communication(
            audience=_enum(Audience, r.get("audience", "internal"), f + ".audience"),
            text=_str(r, "text"),
            channel=_str(r, "channel"),
            at=parse_optional_datetime(r.get("at"), f + ".at"),
        ),
    )
    doc.annexes = _rows(
        d,
        "annexes",
        lambda r, f: Annex(
            title=_str(r, "title"),
            kind=_enum(AnnexKind, r.get("kind", "text"), f + ".kind"),
            content=_str(r, "content"),
        ),
    )
    doc.acknowledgements = _str(d, "acknowledgements")
    if "blameless_note" in d:
        doc.blameless_note = _str(d, "blameless_note")
    doc.signoffs = _rows(
        d,
        "signoffs",
        lambda r, f: SignOff(
            role=_str(r, "role"),
            name=_str(r, "name"),
            title=_str(r, "title"),
            signed_at=parse_optional_datetime(r.get("signed_at"), f + ".signed_at"),
            digest=_str(r, "digest"),
            **{key: _str(r, key) for key in SIGNOFF_EVIDENCE_KEYS},
        ),
    )
    doc.meeting_agenda = _rows(
        d,
        "meeting_agenda",
        lambda r, f: AgendaStepRecord(
            title=_str(r, "title"),
            planned_seconds=_whole(r, "planned_seconds", 0, MAX_SECONDS, f + ".planned_seconds"),
            started_at=parse_optional_datetime(r.get("started_at"), f + ".started_at"),
            ended_at=parse_optional_datetime(r.get("ended_at"), f + ".ended_at"),
            spent_seconds=float(r.get("spent_seconds", 0.0)),
        ),
    )
    doc.parking_lot = _strings(d, "parking_lot")
    doc.narrative = _rows(
        d,
        "narrative",
        lambda r, f: NarrativeSection(
            title=_str(r, "title"), text=_str(r, "text"), kind=_str(r, "kind")
        ),
    )
    return doc


def _timeline_entry(r: dict[str, Any], f: str) -> TimelineEntry:
    at = parse_optional_datetime(r.get("at"), f + ".at")
    if at is None:
        raise FormatError(f"{f}.at: every timeline entry needs a date and time.")
    marker = r.get("marker")
    entry = TimelineEntry(
        at=at,
        event=_str(r, "event"),
        actor=_str(r, "actor"),
        notes=_str(r, "notes"),
        marker=_enum(Marker, marker, f + ".marker") if marker else None,
        approximate=_flag(r, "approximate", f),
        as_written=_str(r, "as_written"),
    )
    entry.id = _str(r, "id") or entry.id
    return entry


def _action(r: dict[str, Any], f: str) -> Action:
    action = Action(
        action=_str(r, "action"),
        owner=_str(r, "owner"),
        due=parse_optional_date(r.get("due"), f + ".due"),
        priority=_optional_enum(Priority, r.get("priority", "P2"), f + ".priority"),
        status=_enum(ActionStatus, r.get("status", "todo"), f + ".status"),
        status_reason=_str(r, "status_reason"),
        kind=_optional_enum(ActionKind, r.get("kind", "prevent"), f + ".kind"),
        horizon=_optional_enum(Horizon, r.get("horizon", "short"), f + ".horizon"),
        ticket=_str(r, "ticket"),
        causes=_strings(r, "causes"),
        completed_on=parse_optional_date(r.get("completed_on"), f + ".completed_on"),
    )
    action.id = _str(r, "id") or action.id
    return action


def _whole(d: dict[str, Any], key: str, low: int, high: int, where: str = "") -> int:
    """A whole number within [low, high] (the database stores 64-bit integers at most)."""
    value = d.get(key, low)
    where = where or key
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"{where}: expected a whole number, found {type(value).__name__}.")
    if not low <= value <= high:
        raise FormatError(f"{where}: {value} is out of range ({low} to {high}).")
    return value


def _str(d: dict[str, Any], key: str) -> str:
    value = d.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(f"{key}: expected text, found {type(value).__name__}.")
    return value


def _strings(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FormatError(f"{key}: expected a list of texts.")
    return list(value)


def _rows(d: dict[str, Any], key: str, build: Callable[[dict[str, Any], str], T]) -> list[T]:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise FormatError(f"{key}: expected a list.")
    rows = []
    for index, raw in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(raw, dict):
            raise FormatError(f"{where}: expected an object.")
        rows.append(build(raw, where))
    return rows


def _enum(kind: type[E], value: Any, where: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise FormatError(f"{where}: {value!r} is not one of {allowed}.") from None


def _optional_enum(kind: type[E], value: Any, where: str) -> E | None:
    """``null`` is "not stated"; a missing key keeps the format's historical default."""
    return None if value is None else _enum(kind, value, where)


def _flag(d: dict[str, Any], key: str, where: str) -> bool:
    value = d.get(key, False)
    if not isinstance(value, bool):
        raise FormatError(f"{where}.{key}: expected true or false.")
    return value


CONTENT_EXCLUDED_KEYS = ("signoffs", "status", "revision")


def canonical_content(doc: Postmortem) -> bytes:
    """What a signer approves: the whole document except its sign-offs and workflow state."""
    data = document_to_dict(doc)
    for key in CONTENT_EXCLUDED_KEYS:
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def content_digest(doc: Postmortem) -> str:
    """SHA-256 (hex) of the canonical content."""
    return hashlib.sha256(canonical_content(doc)).hexdigest()


def clone(doc: Postmortem) -> Postmortem:
    return document_from_dict(document_to_dict(doc))


__all__ = [
    "FORMAT_VERSION",
    "canonical_content",
    "clone",
    "content_digest",
    "document_from_dict",
    "document_from_json",
    "document_to_dict",
    "document_to_json",
]
