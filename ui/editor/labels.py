"""Words shown for the document's closed vocabularies, in the interface language.

Built on each call (not at import) so that switching the language shows the new words.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

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

translate = QCoreApplication.translate  # the name lupdate looks for


def status_labels() -> dict[str, str]:
    return {
        Status.DRAFT: translate("Labels", "Draft"),
        Status.IN_REVIEW: translate("Labels", "In review"),
        Status.APPROVED: translate("Labels", "Approved"),
        Status.ARCHIVED: translate("Labels", "Archived"),
    }


def marker_labels() -> dict[str, str]:
    return {
        Marker.STARTED: translate("Labels", "Started"),
        Marker.DETECTED: translate("Labels", "Detected"),
        Marker.ACKNOWLEDGED: translate("Labels", "Acknowledged"),
        Marker.ESCALATED: translate("Labels", "Escalated"),
        Marker.MITIGATED: translate("Labels", "Mitigated"),
        Marker.RESOLVED: translate("Labels", "Resolved"),
    }


def action_status_labels() -> dict[str, str]:
    return {
        ActionStatus.TODO: translate("Labels", "To do"),
        ActionStatus.IN_PROGRESS: translate("Labels", "In progress"),
        ActionStatus.DONE: translate("Labels", "Done"),
        ActionStatus.NOT_DOING: translate("Labels", "Not doing"),
    }


def kind_labels() -> dict[str, str]:
    return {
        ActionKind.MITIGATE: translate("Labels", "Mitigate"),
        ActionKind.PREVENT: translate("Labels", "Prevent"),
        ActionKind.PROCESS: translate("Labels", "Process"),
        ActionKind.DETECT: translate("Labels", "Detect"),
    }


def horizon_labels() -> dict[str, str]:
    return {
        Horizon.IMMEDIATE: translate("Labels", "Immediate"),
        Horizon.SHORT: translate("Labels", "Short term"),
        Horizon.MEDIUM: translate("Labels", "Medium term"),
        Horizon.LONG: translate("Labels", "Long term"),
    }


def priority_labels() -> dict[str, str]:
    return {p: p.value for p in Priority}


def attendance_labels() -> dict[str, str]:
    return {
        Attendance.UNKNOWN: translate("Labels", "Unknown"),
        Attendance.PRESENT: translate("Labels", "Present"),
        Attendance.ABSENT: translate("Labels", "Absent"),
        Attendance.EXCUSED: translate("Labels", "Excused"),
    }


def audience_labels() -> dict[str, str]:
    return {
        Audience.INTERNAL: translate("Labels", "Internal"),
        Audience.EXTERNAL: translate("Labels", "External"),
    }


def service_state_labels() -> dict[str, str]:
    return {
        ServiceState.DOWN: translate("Labels", "Down"),
        ServiceState.DEGRADED: translate("Labels", "Degraded"),
        ServiceState.OK: translate("Labels", "OK"),
    }


def annex_kind_labels() -> dict[str, str]:
    return {
        AnnexKind.LOG: translate("Labels", "Log"),
        AnnexKind.LINK: translate("Labels", "Link"),
        AnnexKind.TEXT: translate("Labels", "Text"),
    }


def lesson_audience_labels() -> dict[str, str]:
    return {
        "developers": translate("Labels", "Developers"),
        "platform_team": translate("Labels", "Platform team"),
        "organization": translate("Labels", "Organization"),
    }


def language_labels() -> dict[str, str]:
    return {"en": translate("Labels", "English"), "fr": translate("Labels", "French")}


def choices(labels: dict[str, str], *, optional: bool = False) -> list[tuple[str, object]]:
    """(label, value) pairs for a combo box; ``optional`` adds an empty first choice."""
    pairs: list[tuple[str, object]] = [
        (label, str(key.value) if isinstance(key, StrEnum) else key)
        for key, label in labels.items()
    ]
    if optional:
        pairs.insert(0, ("—", None))
    return pairs
