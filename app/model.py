"""The postmortem document: every section of the seed templates, typed.

Field names are the domain language and are used unchanged in SQLite and in the JSON format.
Derived times are never stored: see ``app.derived``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.diagrams.graph import new_ishikawa, new_whys
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

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_BLAMELESS_NOTE = (
    "This postmortem is blameless. Its goal is to learn and improve our systems, "
    "not to point fingers at individuals."
)


def new_id() -> str:
    """Short random id for rows (timeline entries, actions, …) that stays stable across edits."""
    return uuid.uuid4().hex[:10]


@dataclass
class Participant:
    name: str
    role: str = ""
    attendance: Attendance = Attendance.UNKNOWN


@dataclass
class Service:
    name: str
    state: ServiceState = ServiceState.OK


@dataclass
class ImpactRow:
    metric: str
    value: str = ""
    target: str = ""


@dataclass
class TimelineEntry:
    at: datetime
    event: str
    actor: str = ""
    notes: str = ""
    marker: Marker | None = None
    id: str = field(default_factory=new_id)
    approximate: bool = False  # "~10:15", "vers 10 h", a range or a date alone: not exact
    as_written: str = ""  # the time as the source wrote it, kept when it is approximate


@dataclass
class Action:
    action: str
    owner: str = ""
    due: date | None = None
    priority: Priority | None = Priority.P2  # None: not stated (an imported action)
    status: ActionStatus = ActionStatus.TODO
    status_reason: str = ""
    kind: ActionKind | None = ActionKind.PREVENT
    horizon: Horizon | None = Horizon.SHORT
    ticket: str = ""
    causes: list[str] = field(default_factory=list)
    completed_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Lesson:
    audience: str
    text: str


@dataclass
class Communication:
    audience: Audience
    text: str
    channel: str = ""
    at: datetime | None = None


@dataclass
class NarrativeSection:
    """A titled account written by the team (trigger, detection, response, recovery…).

    ``text`` is Markdown as written (bold, italics, code, links, lists); ``kind`` is the
    recognised part (``trigger``, ``detection``…) or empty for a section of the team's own.
    """

    title: str
    text: str = ""
    kind: str = ""


@dataclass
class Annex:
    title: str
    kind: AnnexKind = AnnexKind.TEXT
    content: str = ""


@dataclass
class SignOff:
    role: str
    name: str
    title: str = ""
    signed_at: datetime | None = None
    digest: str = ""
    #: the signer's certificate (base64 DER) and its SHA-256 fingerprint (hex)
    certificate: str = ""
    fingerprint: str = ""
    #: base64 detached signature over (digest, role, revision); empty when ``evidence`` is "pdf"
    signature: str = ""
    #: "key" (signed by this app) or "pdf" (collected from a PDF signature field)
    evidence: str = ""


@dataclass
class AgendaStepRecord:
    """What the meeting really did for one agenda step (the report shows the real agenda)."""

    title: str
    planned_seconds: int
    started_at: datetime | None = None
    ended_at: datetime | None = None
    spent_seconds: float = 0.0


@dataclass
class Postmortem:
    title: str = ""
    incident_date: date | None = None
    started_at: datetime | None = None
    detected_at: datetime | None = None
    mitigated_at: datetime | None = None
    resolved_at: datetime | None = None
    severity: str = ""
    status: Status = Status.DRAFT
    author: str = ""
    reviewers: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    postmortem_date: date | None = None
    services: list[Service] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    timezone: str = "UTC"
    language: str = "en"
    summary: str = ""
    impact: list[ImpactRow] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    whys: nx.DiGraph = field(default_factory=new_whys)
    ishikawa: nx.DiGraph = field(default_factory=new_ishikawa)
    root_cause: str = ""
    contributing_factors: list[str] = field(default_factory=list)
    went_well: list[str] = field(default_factory=list)
    went_wrong: list[str] = field(default_factory=list)
    lucky: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    communications: list[Communication] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    acknowledgements: str = ""
    blameless_note: str = DEFAULT_BLAMELESS_NOTE
    signoffs: list[SignOff] = field(default_factory=list)
    meeting_agenda: list[AgendaStepRecord] = field(default_factory=list)
    parking_lot: list[str] = field(default_factory=list)
    narrative: list[NarrativeSection] = field(default_factory=list)
    revision: int = 1
    id: str = field(default_factory=new_id)

    def sorted_timeline(self) -> list[TimelineEntry]:
        return sorted(self.timeline, key=lambda entry: entry.at)

    def action(self, action_id: str) -> Action | None:
        return next((item for item in self.actions if item.id == action_id), None)
