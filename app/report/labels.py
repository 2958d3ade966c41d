"""Words of the report in English and French: section titles, labels, vocabularies, dates.

The labels of header fields (author, tags…) are those of ``app.fields``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from app.fields import header_labels
from app.timeutil import format_duration
from app.vocabulary import LANGUAGES, Section, SignoffState, label, term

_EN: dict[str, str] = {
    "report": "Postmortem report",
    "untitled": "Untitled postmortem",
    "revision": "Revision",
    "digest": "Content digest (SHA-256)",
    "generated": "Generated",
    "metric": "Metric",
    "value": "Value",
    "target": "Target",
    "service": "Service",
    "state": "State",
    "duration": "Incident duration",
    "time_to_detect": "Time to detect",
    "time_to_acknowledge": "Time to acknowledge",
    "time_to_mitigate": "Time to mitigate",
    "time_to_resolve": "Time to resolve",
    "time": "Time",
    "event": "Event",
    "actor": "Actor",
    "notes": "Notes",
    "marker": "Marker",
    "action": "Action",
    "owner": "Owner",
    "due": "Due",
    "priority": "Priority",
    "kind": "Type",
    "horizon": "Horizon",
    "ticket": "Ticket",
    "audience": "Audience",
    "channel": "Channel",
    "message": "Message",
    "role": "Role",
    "name": "Name",
    "title": "Title",
    "signed_at": "Signed",
    "signoff_state": "State",
    "signoff_intro": (
        "Each sign-off approves the content identified by its digest. A sign-off whose digest "
        "differs from this document's digest was given for an earlier version."
    ),
    "draft": "DRAFT",
    "page": "page {page} of {pages}",
    "none": "None recorded.",
    "not_set": "—",
    "times_in": "Times shown with their UTC offset.",
    "outline": "The diagram is reduced to fit the page; its full text follows as an outline.",
    "glance": "At a glance",
    "window": "Incident window",
    "impact_line": "Impact",
    "root_cause_line": "Root cause",
    "actions_line": "Actions",
    "approval": "Approved",
    "approved_by_line": "Approved by {name}{title} on {when}",
    "approved_unsigned": "Approved; no approver sign-off recorded",
    "approval_revision": "Revision {revision} · content sha256:{digest}",
    "for_approval": "For approval",
    "for_approval_line": (
        "This copy becomes the approved report when every required role has signed it "
        "(Signatures page): {roles}."
    ),
    "not_covered": "Not covered",
    "inconsistent": "⚠ Inconsistent times: {problems}. The affected durations are not shown.",
    "before": "{later} is before {earlier}",
    "h_started": "start",
    "h_detected": "detection",
    "h_acknowledged": "acknowledgement",
    "h_mitigated": "mitigation",
    "h_resolved": "resolution",
    "outline_title": "Outline",
    "split_note": "The diagram is too large to print whole with readable text; "
    "the outline below gives its full text.",
    "elided_note": "Some boxes are shortened; the outline below gives their full text.",
    "outline_only": (
        "This diagram has {boxes} boxes, more than the {limit} a page can show legibly: "
        "it is printed as an outline."
    ),
    "annex_truncated": (
        "Annex truncated — {size} bytes, see the JSON export (the PDF prints the first {limit} "
        "bytes of each annex)."
    ),
    "why_n": "Why {n}",
    "continued": "continued",
    "part": "part {n} of {total}",
    "blameless_default": (
        "This postmortem is blameless. Its goal is to learn and improve our systems, "
        "not to point fingers at individuals."
    ),
}

_FR: dict[str, str] = {
    "report": "Rapport de postmortem",
    "untitled": "Postmortem sans titre",
    "revision": "Révision",
    "digest": "Empreinte du contenu (SHA-256)",
    "generated": "Généré le",
    "metric": "Indicateur",
    "value": "Valeur",
    "target": "Objectif",
    "service": "Service",
    "state": "État",
    "duration": "Durée de l'incident",
    "time_to_detect": "Délai de détection",
    "time_to_acknowledge": "Délai de prise en charge",
    "time_to_mitigate": "Délai d'atténuation",
    "time_to_resolve": "Délai de résolution",
    "time": "Heure",
    "event": "Événement",
    "actor": "Acteur",
    "notes": "Notes",
    "marker": "Repère",
    "action": "Action",
    "owner": "Responsable",
    "due": "Échéance",
    "priority": "Priorité",
    "kind": "Type",
    "horizon": "Horizon",
    "ticket": "Ticket",
    "audience": "Public",
    "channel": "Canal",
    "message": "Message",
    "role": "Rôle",
    "name": "Nom",
    "title": "Fonction",
    "signed_at": "Signé le",
    "signoff_state": "État",
    "signoff_intro": (
        "Chaque validation approuve le contenu identifié par son empreinte. Une validation dont "
        "l'empreinte diffère de celle de ce document a été donnée pour une version antérieure."
    ),
    "draft": "BROUILLON",
    "page": "page {page} sur {pages}",
    "none": "Rien de consigné.",
    "not_set": "—",
    "times_in": "Heures affichées avec leur décalage UTC.",
    "outline": "Le diagramme est réduit pour tenir sur la page ; son texte complet suit en plan.",
    "glance": "En bref",
    "window": "Fenêtre de l'incident",
    "impact_line": "Impact",
    "root_cause_line": "Cause racine",
    "actions_line": "Actions",
    "approval": "Approuvé",
    "approved_by_line": "Approuvé par {name}{title} le {when}",
    "approved_unsigned": "Approuvé ; aucune validation de l'approbateur consignée",
    "approval_revision": "Révision {revision} · empreinte sha256:{digest}",
    "for_approval": "Pour approbation",
    "for_approval_line": (
        "Cet exemplaire devient le rapport approuvé quand chaque rôle requis l'a signé "
        "(page des signatures) : {roles}."
    ),
    "not_covered": "Non traité",
    "inconsistent": (
        "⚠ Heures incohérentes : {problems}. Les durées concernées ne sont pas affichées."
    ),
    "before": "{later} avant {earlier}",
    "h_started": "début",
    "h_detected": "détection",
    "h_acknowledged": "prise en charge",
    "h_mitigated": "atténuation",
    "h_resolved": "résolution",
    "outline_title": "Plan",
    "split_note": "Le diagramme est trop grand pour être imprimé en entier de façon lisible ; "
    "le plan ci-dessous en donne le texte complet.",
    "elided_note": "Certaines cases sont abrégées ; le plan ci-dessous en donne le texte complet.",
    "outline_only": (
        "Ce diagramme a {boxes} cases, plus que les {limit} lisibles sur une page : "
        "il est imprimé en plan."
    ),
    "annex_truncated": (
        "Annexe tronquée — {size} octets, voir l'export JSON (le PDF imprime les {limit} "
        "premiers octets de chaque annexe)."
    ),
    "why_n": "Pourquoi {n}",
    "continued": "suite",
    "part": "partie {n} sur {total}",
    "blameless_default": (
        "Ce postmortem est sans reproche. Son but est d'apprendre et d'améliorer nos systèmes, "
        "pas de désigner des coupables."
    ),
}

_SECTIONS = frozenset(section.value for section in Section)

_MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_SHORT_MONTHS_FR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Labels:
    """The words of one report language (unknown languages fall back to English).

    Every instant is shown in ``zone`` (the document's time zone), one date style per language
    ("15 janvier 2026", "15 January 2026") and clock times as HH:MM; the zone is named once, in
    the column header or after the time.
    """

    def __init__(self, language: str, zone: tzinfo = UTC) -> None:
        self.language = language if language in LANGUAGES else "en"
        self.zone = zone
        french = self.language == "fr"
        self._words = {**header_labels(self.language), **(_FR if french else _EN)}

    def __getitem__(self, key: str) -> str:
        """A word of the report, a section's title ("summary") or a sign-off state ("stale")."""
        if key in self._words:
            return self._words[key]
        value = Section(key) if key in _SECTIONS else SignoffState(key)
        return label(value, self.language)

    def number(self, value: int) -> str:
        """12,345 in English, 12 345 (no-break space) in French."""
        grouped = f"{value:,}"
        return grouped.replace(",", "\u00a0") if self.language == "fr" else grouped

    def term(self, value: str) -> str:
        """A vocabulary word (status, marker, role, …) from ``app.vocabulary``; free text is
        shown as typed."""
        return term(str(value), self.language)

    def date(self, value: date | None) -> str:
        if value is None:
            return self["not_set"]
        if self.language == "fr":
            day = "1er" if value.day == 1 else str(value.day)
            return f"{day} {_MONTHS_FR[value.month - 1]} {value.year}"
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"

    def local(self, value: datetime) -> datetime:
        """``value`` in the document's zone (naive times are taken as already there)."""
        return value.astimezone(self.zone) if value.tzinfo is not None else value

    def clock(self, value: datetime) -> str:
        """HH:MM in the document's zone."""
        return self.local(value).strftime("%H:%M")

    def moment(self, value: datetime | None, *, zone: bool = False) -> str:
        """Date and HH:MM in the document's zone; ``zone`` appends the zone's name."""
        if value is None:
            return self["not_set"]
        local = self.local(value)
        text = f"{self.date(local.date())}, {local.strftime('%H:%M')}"
        return f"{text} ({self.zone_name(local)})" if zone else text

    def zone_name(self, at: datetime) -> str:
        """The zone at ``at`` for headers: "Europe/Paris, UTC+1", "UTC", "UTC+05:30"."""
        offset = _offset(self.local(at))
        key = str(getattr(self.zone, "key", ""))
        return f"{key}, {offset}" if key and key != "UTC" else offset

    def duration(self, delta: timedelta | None) -> str:
        return format_duration(delta, empty=self["not_set"], minus="−")


def _offset(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}" if mins else f"UTC{sign}{hours}"
