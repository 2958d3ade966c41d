"""Words the export writes for the closed vocabularies, in English and French, both ways."""

from __future__ import annotations

from app.markdown.sections import fold
from app.vocabulary import ActionKind, Attendance, Horizon, Marker, ServiceState

KIND_LABELS = {
    "en": {
        ActionKind.MITIGATE: "Mitigate",
        ActionKind.PREVENT: "Prevent",
        ActionKind.PROCESS: "Process",
        ActionKind.DETECT: "Detect",
    },
    "fr": {
        ActionKind.MITIGATE: "Atténuer",
        ActionKind.PREVENT: "Prévenir",
        ActionKind.PROCESS: "Processus",
        ActionKind.DETECT: "Détecter",
    },
}
HORIZON_LABELS = {
    "en": {
        Horizon.IMMEDIATE: "Immediate",
        Horizon.SHORT: "Short term",
        Horizon.MEDIUM: "Medium term",
        Horizon.LONG: "Long term",
    },
    "fr": {
        Horizon.IMMEDIATE: "Immédiat",
        Horizon.SHORT: "Court terme",
        Horizon.MEDIUM: "Moyen terme",
        Horizon.LONG: "Long terme",
    },
}
MARKER_LABELS = {
    "en": {m: m.value.capitalize() for m in Marker},
    "fr": {
        Marker.STARTED: "Début",
        Marker.DETECTED: "Détection",
        Marker.ACKNOWLEDGED: "Prise en charge",
        Marker.ESCALATED: "Escalade",
        Marker.MITIGATED: "Atténuation",
        Marker.RESOLVED: "Résolution",
    },
}
ATTENDANCE_LABELS = {
    "en": {a: a.value.capitalize() for a in Attendance},
    "fr": {
        Attendance.UNKNOWN: "Inconnue",
        Attendance.PRESENT: "Présent",
        Attendance.ABSENT: "Absent",
        Attendance.EXCUSED: "Excusé",
    },
}
SERVICE_SYMBOLS = {ServiceState.DOWN: "❌", ServiceState.DEGRADED: "⚠️", ServiceState.OK: "✅"}
SERVICE_LABELS = {
    "en": {ServiceState.DOWN: "DOWN", ServiceState.DEGRADED: "Degraded", ServiceState.OK: "OK"},
    "fr": {ServiceState.DOWN: "DOWN", ServiceState.DEGRADED: "Dégradé", ServiceState.OK: "OK"},
}
AUDIENCE_LABELS = {
    "en": {
        "developers": "For developers",
        "platform_team": "For the platform team",
        "organization": "For the organization",
    },
    "fr": {
        "developers": "Pour les développeurs",
        "platform_team": "Pour la Platform Team",
        "organization": "Pour l'organisation",
    },
}


def lookup(table: dict[str, dict[object, str]], text: str) -> object | None:
    """The vocabulary value whose label (any language) or value is ``text``."""
    wanted = fold(text)
    if not wanted:
        return None
    for labels in table.values():
        for value, label in labels.items():
            if fold(label) == wanted or fold(str(value)) == wanted:
                return value
    return None


def lesson_audience(heading: str) -> str:
    """``Pour les Développeurs`` → ``developers``; another heading is kept as written."""
    found = lookup(AUDIENCE_LABELS, heading)  # type: ignore[arg-type]
    if found is not None:
        return str(found)
    folded = fold(heading)
    if "develop" in folded:
        return "developers"
    if "platform" in folded or "plateforme" in folded:
        return "platform_team"
    if "organi" in folded:
        return "organization"
    return heading


def service_state(text: str) -> ServiceState | None:
    folded = fold(text)
    if any(word in folded for word in ("down", "panne", "indisponible", "outage", "hs")):
        return ServiceState.DOWN
    if any(word in folded for word in ("degrad", "partial", "partiel", "slow", "lent")):
        return ServiceState.DEGRADED
    if any(word in folded for word in ("ok", "up", "operational", "nominal", "fine")):
        return ServiceState.OK
    return None
