"""The closed vocabularies of the document: statuses, markers, action fields.

Each is a ``StrEnum`` whose value is the word stored in SQLite and in the JSON format.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    ARCHIVED = "archived"


class ServiceState(StrEnum):
    DOWN = "down"
    DEGRADED = "degraded"
    OK = "ok"


class Marker(StrEnum):
    """Timeline markers; they feed the derived times (MTTD, MTTA, MTTR)."""

    STARTED = "started"
    DETECTED = "detected"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"


class ActionStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DOING = "not_doing"


class ActionKind(StrEnum):
    MITIGATE = "mitigate"
    PREVENT = "prevent"
    PROCESS = "process"
    DETECT = "detect"


class Horizon(StrEnum):
    IMMEDIATE = "immediate"
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Priority(StrEnum):
    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class Attendance(StrEnum):
    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class Audience(StrEnum):
    """Communications go inside the company or outside it."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class AnnexKind(StrEnum):
    LOG = "log"
    LINK = "link"
    TEXT = "text"


DEFAULT_SIGNOFF_ROLES: tuple[str, ...] = ("prepared_by", "reviewed_by", "approved_by", "filed_by")

DEFAULT_LESSON_AUDIENCES: tuple[str, ...] = ("developers", "platform_team", "organization")
