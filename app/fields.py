"""Each field of the document described once: JSON name, codec, label, Markdown header keys.

``DOCUMENT_FIELDS`` lists the fields of ``Postmortem`` in the order of the JSON format; each
row section (actions, timeline…) lists its own fields the same way inside its ``Rows`` codec.
From this one description:

- ``app.jsonio`` writes and reads the JSON format (and so the content digest);
- the Markdown importer recognises header lines (``keys``: folded English and French
  synonyms, see ``app.markdown.fields``) and the exporter writes them (``label``);
- anything showing a header field to a person names it by ``label_id`` / ``label(lang)``.

To add a field: add it to the model, then one ``Field`` line here (written only when not
empty, so that existing documents keep their bytes and digests). A header field whose value is
not plain text, a date, a time or a list of names also needs its reader in
``app.markdown.header_reader``; one the PDF shows needs its line in the report's header.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.diagrams.graph import ISHIKAWA, WHYS
from app.field_codecs import (
    Choice,
    Codec,
    Day,
    Diagram,
    Flag,
    Moment,
    Number,
    OptionalChoice,
    Rows,
    Text,
    Texts,
    Whole,
)
from app.model import (
    DEFAULT_BLAMELESS_NOTE,
    Action,
    AgendaStepRecord,
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    NarrativeSection,
    Participant,
    Service,
    SignOff,
    TimelineEntry,
    new_id,
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

#: bounds of whole numbers read from a file (the database stores 64-bit integers at most;
#: a revision counts reopenings, a planned step is seconds): far beyond any real document
MAX_REVISION = 2**31 - 1
MAX_SECONDS = 2**31 - 1
LANGUAGES = ("en", "fr")
TEXT = Codec()  # plain text, the most common field


@dataclass(frozen=True)
class Field:
    """One field: the model's attribute (also its JSON key) and everything said about it."""

    name: str
    codec: Codec = TEXT
    #: the field as a person reads it, in English and in French ("" when it has no label)
    label_en: str = ""
    label_fr: str = ""
    #: Markdown header keys that name it, folded (lower case, no accents, single spaces)
    keys: tuple[str, ...] = ()
    #: written only when it holds something, so that older documents keep their exact bytes
    omit_empty: bool = False
    #: written as a ``**Label** : value`` line at the top of a Markdown export
    header_line: bool = False

    @property
    def label_id(self) -> str:
        """The message id of the label, for catalogues."""
        return f"field.{self.name}"

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


def _id() -> Field:
    return Field("id", Text(fallback=new_id))


PARTICIPANT_FIELDS = (
    Field("name"),
    Field("role"),
    Field("attendance", Choice(Attendance, "unknown")),
)
SERVICE_FIELDS = (Field("name"), Field("state", Choice(ServiceState, "ok")))
IMPACT_FIELDS = (Field("metric"), Field("value"), Field("target"))
TIMELINE_FIELDS = (
    _id(),
    Field("at", Moment(required="every timeline entry needs a date and time.")),
    Field("event"),
    Field("actor"),
    Field("notes"),
    Field("marker", OptionalChoice(Marker)),
    Field("approximate", Flag(), omit_empty=True),
    Field("as_written", omit_empty=True),
)
ACTION_FIELDS = (
    _id(),
    Field("action"),
    Field("owner"),
    Field("due", Day()),
    Field("priority", OptionalChoice(Priority, "P2")),
    Field("status", Choice(ActionStatus, "todo")),
    Field("status_reason"),
    Field("kind", OptionalChoice(ActionKind, "prevent")),
    Field("horizon", OptionalChoice(Horizon, "short")),
    Field("ticket"),
    Field("causes", Texts()),
    Field("completed_on", Day()),
)
LESSON_FIELDS = (Field("audience"), Field("text"))
COMMUNICATION_FIELDS = (
    Field("audience", Choice(Audience, "internal")),
    Field("text"),
    Field("channel"),
    Field("at", Moment()),
)
ANNEX_FIELDS = (Field("title"), Field("kind", Choice(AnnexKind, "text")), Field("content"))
SIGNOFF_FIELDS = (
    Field("role"),
    Field("name"),
    Field("title"),
    Field("signed_at", Moment()),
    Field("digest"),
    # the signer's evidence: absent from sign-offs recorded before it existed
    Field("certificate", omit_empty=True),
    Field("fingerprint", omit_empty=True),
    Field("signature", omit_empty=True),
    Field("evidence", omit_empty=True),
)
AGENDA_FIELDS = (
    Field("title"),
    Field("planned_seconds", Whole(0, MAX_SECONDS)),
    Field("started_at", Moment()),
    Field("ended_at", Moment()),
    Field("spent_seconds", Number()),
)
NARRATIVE_FIELDS = (Field("title"), Field("kind"), Field("text"))

DOCUMENT_FIELDS: tuple[Field, ...] = (
    _id(),
    Field("revision", Whole(1, MAX_REVISION)),
    Field("title", TEXT, "Title", "Titre",
          ("titre", "title", "incident", "nom de l incident", "incident title")),
    Field("incident_date", Day(), "Incident date", "Date de l'incident",
          ("date de l incident", "incident date", "date", "date de l evenement"),
          header_line=True),
    Field("started_at", Moment(), "Started", "Début",
          ("date heure debut", "debut", "start", "started", "start time", "incident start",
           "heure de debut", "started at", "impact start", "impact started", "impact started at",
           "impact start time", "began", "debut de l incident", "debut de l impact",
           "outage start", "start of impact"),
          header_line=True),
    Field("detected_at", Moment(), "Detected", "Détection",
          ("detection", "detected", "detected at", "heure de detection", "reported at",
           "reported", "declared at", "identified at", "date heure de detection"),
          header_line=True),
    Field("mitigated_at", Moment(), "Mitigated", "Atténuation",
          ("attenuation", "mitigated", "mitigated at", "mitigation", "mitigated on"),
          header_line=True),
    Field("resolved_at", Moment(), "Resolved", "Résolution",
          ("date heure fin", "fin", "end", "ended", "end time", "resolved", "resolution",
           "resolved at", "heure de fin", "impact end", "impact ended", "impact ended at",
           "fin de l incident", "fin de l impact", "outage end", "end of impact", "closed at",
           "heure de resolution", "retablissement"),
          header_line=True),
    Field("severity", TEXT, "Severity", "Sévérité",
          ("severite", "severity", "sev", "gravite", "niveau", "priority", "priorite"),
          header_line=True),
    Field("status", Choice(Status, "draft"), "Status", "Statut",
          ("statut", "status", "etat", "state"),
          header_line=True),
    Field("author", TEXT, "Author", "Auteur",
          ("auteur", "author", "authors", "auteurs", "auteur du rapport", "redige par",
           "written by", "owner", "incident owner", "redacteur", "prepared by"),
          header_line=True),
    Field("reviewers", Texts(), "Reviewers", "Relecteurs",
          ("reviseurs", "relecteurs", "reviewers", "reviewed by", "revu par"),
          header_line=True),
    Field("participants", Rows(Participant, PARTICIPANT_FIELDS), "Participants", "Participants",
          ("participants", "attendees", "people", "personnes presentes")),
    Field("postmortem_date", Day(), "Postmortem date", "Date du post-mortem",
          ("date du post mortem", "date du postmortem", "date du rapport", "postmortem date",
           "post mortem date", "report date", "date de la revue", "review date",
           "meeting date"),
          header_line=True),
    Field("services", Rows(Service, SERVICE_FIELDS), "Affected services", "Services affectés",
          ("services", "services affectes", "affected services", "systems affected",
           "services impactes", "composants affectes")),
    Field("tags", Texts(), "Tags", "Étiquettes",
          ("tags", "etiquettes", "labels", "mots cles", "keywords"),
          header_line=True),
    Field("timezone", Text(fallback=lambda: "UTC"), "Time zone", "Fuseau horaire",
          ("fuseau horaire", "timezone", "time zone", "fuseau"),
          header_line=True),
    Field("language", Text(fallback=lambda: "en", allowed=LANGUAGES), "Language", "Langue",
          ("langue", "language", "lang"),
          header_line=True),
    Field("summary", TEXT, "Executive summary", "Résumé exécutif",
          ("impact", "resume", "summary", "executive summary", "resume executif")),
    Field("impact", Rows(ImpactRow, IMPACT_FIELDS)),
    Field("timeline", Rows(TimelineEntry, TIMELINE_FIELDS)),
    Field("whys", Diagram(WHYS, {"nodes": [{"id": "p", "role": "problem"}]})),
    Field("ishikawa", Diagram(ISHIKAWA, {"nodes": [{"id": "e", "role": "effect"}]})),
    Field("root_cause"),
    Field("contributing_factors", Texts()),
    Field("went_well", Texts()),
    Field("went_wrong", Texts()),
    Field("lucky", Texts()),
    Field("actions", Rows(Action, ACTION_FIELDS)),
    Field("lessons", Rows(Lesson, LESSON_FIELDS)),
    Field("communications", Rows(Communication, COMMUNICATION_FIELDS)),
    Field("annexes", Rows(Annex, ANNEX_FIELDS)),
    Field("acknowledgements"),
    Field("blameless_note", Text(missing=DEFAULT_BLAMELESS_NOTE)),
    Field("signoffs", Rows(SignOff, SIGNOFF_FIELDS)),
    Field("meeting_agenda", Rows(AgendaStepRecord, AGENDA_FIELDS)),
    Field("parking_lot", Texts()),
    Field("narrative", Rows(NarrativeSection, NARRATIVE_FIELDS), omit_empty=True),
)  # fmt: skip

BY_NAME: dict[str, Field] = {field.name: field for field in DOCUMENT_FIELDS}
#: the fields a header line or the header block names (they have a label)
HEADER_FIELDS: tuple[Field, ...] = tuple(field for field in DOCUMENT_FIELDS if field.label_en)
#: the fields written as header lines of a Markdown export, in this order
HEADER_LINES: tuple[Field, ...] = tuple(field for field in DOCUMENT_FIELDS if field.header_line)


def header_label(name: str, language: str) -> str:
    """The label of a header field (``incident_date`` → "Date de l'incident" in French)."""
    return BY_NAME[name].label(language)


def header_labels(language: str) -> dict[str, str]:
    """Header field name → its label in ``language``."""
    return {field.name: field.label(language) for field in HEADER_FIELDS}


def dated_values(
    item: Any, fields: Sequence[Field] = DOCUMENT_FIELDS, where: str = ""
) -> Iterator[tuple[str, date]]:
    """Every date and date-time of ``item`` with where it is (``actions[2].due``)."""
    prefix = f"{where}." if where else ""
    for field in fields:
        value = getattr(item, field.name)
        if field.codec.dated and value is not None:
            yield prefix + field.name, value
        elif isinstance(field.codec, Rows):
            for index, row in enumerate(value):
                yield from dated_values(row, field.codec.fields, f"{prefix}{field.name}[{index}]")
