"""The closed vocabularies of the document and their one table of labels, English and French.

Each vocabulary is a ``StrEnum`` whose value is the word stored in SQLite and in the JSON
format; each value has a message id (``status.in_review``) and one label per language in
``LABELS``. Every reader of a label — the PDF, the Markdown export and import, the editor, the
presenter view, the command line — goes through ``label``/``labels``/``term``, so a word is
changed in one place and the PDF and the Markdown cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
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


class SignoffRole(StrEnum):
    """The default roles of the sign-off table (a team may add its own, shown as typed)."""

    PREPARED_BY = "prepared_by"
    REVIEWED_BY = "reviewed_by"
    APPROVED_BY = "approved_by"
    FILED_BY = "filed_by"


class SignoffState(StrEnum):
    """Where one sign-off role stands against the document's current content."""

    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"
    UNVERIFIED = "unverified"


class LessonAudience(StrEnum):
    DEVELOPERS = "developers"
    PLATFORM_TEAM = "platform_team"
    ORGANIZATION = "organization"


class Section(StrEnum):
    """The parts of a postmortem as the report, the Markdown export and the app title them."""

    SUMMARY = "summary"
    IMPACT = "impact"
    PARTICIPANTS = "participants"
    TIMELINE = "timeline"
    ANALYSIS = "analysis"
    WHYS = "whys"
    ISHIKAWA = "ishikawa"
    ROOT_CAUSE = "root_cause"
    CONTRIBUTING = "contributing"
    WENT_WELL = "went_well"
    WENT_WRONG = "went_wrong"
    LUCKY = "lucky"
    ACTIONS = "actions"
    LESSONS = "lessons"
    PARKING_LOT = "parking_lot"
    COMMUNICATIONS = "communications"
    ANNEXES = "annexes"
    ACKNOWLEDGEMENTS = "acknowledgements"
    BLAMELESS = "blameless"
    SIGNOFF = "signoff"
    #: the team's own account (free sections of an imported document), each part titled by it
    NARRATIVE = "narrative"
    SERVICES = "services"
    DERIVED = "derived"


DEFAULT_SIGNOFF_ROLES: tuple[str, ...] = tuple(role.value for role in SignoffRole)

DEFAULT_LESSON_AUDIENCES: tuple[str, ...] = tuple(audience.value for audience in LessonAudience)

#: Every closed vocabulary, with the prefix of its message ids ("status.in_review").
VOCABULARIES: dict[type[StrEnum], str] = {
    Status: "status",
    ServiceState: "service_state",
    Marker: "marker",
    ActionStatus: "action_status",
    ActionKind: "kind",
    Horizon: "horizon",
    Priority: "priority",
    Attendance: "attendance",
    Audience: "audience",
    AnnexKind: "annex_kind",
    SignoffRole: "role",
    SignoffState: "signoff_state",
    LessonAudience: "lesson_audience",
    Section: "section",
}

LANGUAGES = ("en", "fr")

# fmt: off
#: The one table of labels: message id → (English, French). The PDF, the Markdown export, the
#: app, the presenter view and the command line all read their words for these values here.
LABELS: dict[str, tuple[str, str]] = {
    "status.draft": ("Draft", "Brouillon"),
    "status.in_review": ("In review", "En relecture"),
    "status.approved": ("Approved", "Approuvé"),
    "status.archived": ("Archived", "Archivé"),
    "service_state.down": ("Down", "En panne"),
    "service_state.degraded": ("Degraded", "Dégradé"),
    "service_state.ok": ("OK", "OK"),
    "marker.started": ("Started", "Début"),
    "marker.detected": ("Detected", "Détection"),
    "marker.acknowledged": ("Acknowledged", "Prise en charge"),
    "marker.escalated": ("Escalated", "Escalade"),
    "marker.mitigated": ("Mitigated", "Atténuation"),
    "marker.resolved": ("Resolved", "Résolution"),
    "action_status.todo": ("To do", "À faire"),
    "action_status.in_progress": ("In progress", "En cours"),
    "action_status.done": ("Done", "Fait"),
    "action_status.not_doing": ("Not doing", "Abandonnée"),
    "kind.mitigate": ("Mitigate", "Atténuer"),
    "kind.prevent": ("Prevent", "Prévenir"),
    "kind.process": ("Process", "Processus"),
    "kind.detect": ("Detect", "Détecter"),
    "horizon.immediate": ("Immediate", "Immédiat"),
    "horizon.short": ("Short term", "Court terme"),
    "horizon.medium": ("Medium term", "Moyen terme"),
    "horizon.long": ("Long term", "Long terme"),
    "priority.P0": ("P0", "P0"),
    "priority.P1": ("P1", "P1"),
    "priority.P2": ("P2", "P2"),
    "priority.P3": ("P3", "P3"),
    "attendance.unknown": ("Unknown", "Inconnue"),
    "attendance.present": ("Present", "Présent"),
    "attendance.absent": ("Absent", "Absent"),
    "attendance.excused": ("Excused", "Excusé"),
    "audience.internal": ("Internal", "Interne"),
    "audience.external": ("External", "Externe"),
    "annex_kind.log": ("Log", "Journal"),
    "annex_kind.link": ("Link", "Lien"),
    "annex_kind.text": ("Text", "Texte"),
    "role.prepared_by": ("Prepared by", "Préparé par"),
    "role.reviewed_by": ("Reviewed by", "Relu par"),
    "role.approved_by": ("Approved by", "Approuvé par"),
    "role.filed_by": ("Filed by", "Archivé par"),
    "signoff_state.current": ("signed", "signée"),
    "signoff_state.stale": (
        "STALE — content changed after signing", "PÉRIMÉE — le contenu a changé après la signature"
    ),
    "signoff_state.missing": ("awaiting signature", "en attente de signature"),
    "signoff_state.unverified": (
        "NOT VERIFIED — no valid signature", "NON VÉRIFIÉE — aucune signature valide"
    ),
    "lesson_audience.developers": ("For developers", "Pour les développeurs"),
    "lesson_audience.platform_team": ("For the platform team", "Pour l'équipe plateforme"),
    "lesson_audience.organization": ("For the organization", "Pour l'organisation"),
    "section.summary": ("Executive summary", "Résumé exécutif"),
    "section.impact": ("Impact", "Impact"),
    "section.participants": ("Participants", "Participants"),
    "section.timeline": ("Timeline", "Chronologie"),
    "section.analysis": ("Root cause analysis", "Analyse des causes"),
    "section.whys": ("5 Whys", "5 Pourquoi"),
    "section.ishikawa": (
        "Ishikawa (cause and effect) diagram", "Diagramme d'Ishikawa (causes et effet)"
    ),
    "section.root_cause": ("Root cause", "Cause racine"),
    "section.contributing": ("Contributing factors", "Facteurs contributifs"),
    "section.went_well": ("What went well", "Ce qui a bien fonctionné"),
    "section.went_wrong": ("What went wrong", "Ce qui a mal fonctionné"),
    "section.lucky": ("Where we got lucky", "Là où nous avons eu de la chance"),
    "section.actions": ("Corrective actions", "Actions correctives"),
    "section.lessons": ("Lessons learned", "Leçons apprises"),
    "section.parking_lot": ("Parking lot", "Points en suspens"),
    "section.communications": ("Communications", "Communications"),
    "section.annexes": ("Annexes", "Annexes"),
    "section.acknowledgements": ("Acknowledgements", "Remerciements"),
    "section.blameless": ("Blameless note", "Note sans reproche"),
    "section.signoff": ("Sign-off", "Validation"),
    "section.narrative": ("Narrative", "Récit"),
    "section.services": ("Affected services", "Services affectés"),
    "section.derived": ("Key times", "Temps clés"),
}
# fmt: on


def label_id(value: StrEnum) -> str:
    """The message id of one vocabulary value: ``Status.IN_REVIEW`` → ``status.in_review``."""
    return f"{VOCABULARIES[type(value)]}.{value.value}"


def label(value: StrEnum, language: str) -> str:
    """The word for ``value`` in ``language`` (English for a language we do not have)."""
    english, french = LABELS[label_id(value)]
    return french if language == "fr" else english


def labels(vocabulary: type[StrEnum], language: str) -> dict[StrEnum, str]:
    """Every value of ``vocabulary`` with its word in ``language``, in the vocabulary's order."""
    return {value: label(value, language) for value in vocabulary}


def term(word: str, language: str) -> str:
    """The label of a stored word of any vocabulary ("in_review" → "En relecture"); a word of
    no vocabulary (a role or audience a team typed) is shown as typed, underscores as spaces."""
    value = _BY_WORD.get(word)
    return label(value, language) if value is not None else word.replace("_", " ")


def lookup(vocabulary: type[StrEnum], text: str, fold: Callable[[str], str]) -> StrEnum | None:
    """The value of ``vocabulary`` whose label in any language, or stored word, is ``text``
    (compared after ``fold``) — how an importer reads a label back."""
    wanted = fold(text)
    if not wanted:
        return None
    for value in vocabulary:
        english, french = LABELS[label_id(value)]
        if wanted in (fold(english), fold(french), fold(value.value)):
            return value
    return None


_BY_WORD: dict[str, StrEnum] = {
    value.value: value for vocabulary in VOCABULARIES for value in vocabulary
}
