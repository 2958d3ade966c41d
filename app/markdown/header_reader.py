"""Header lines (``**Date de l'incident** : 15/01/2026``) → the document's header fields.

Which field a key names comes from ``app.fields`` (see ``app.markdown.fields.key_value``); how
its value is read follows the field's codec — a date, a time, a list of names, plain text —
except for the few fields whose words need reading (severity, status, time zone, language…).
A new plain-text, date, time or list-of-names header field is therefore read with no change
here. Values that cannot be read are kept aside with a warning, never lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.field_codecs import Codec, Day, Moment, Texts
from app.fields import BY_NAME
from app.markdown.cells import LEADING_SYMBOLS, person_names
from app.markdown.dates import parse_day, parse_duration, parse_when, zone_named
from app.markdown.fields import document_status, is_placeholder, strip_inline
from app.markdown.sections import fold
from app.markdown.state import ImportState
from app.markdown.vocab_labels import service_state
from app.model import ImpactRow, Participant, Service
from app.severity import severity_code
from app.timezones import find_zone
from app.vocabulary import ServiceState

_UNKNOWN_DATE = ("", "unknown", "inconnue", "n a")
#: fields that report their own mapping (with the value as understood)
_SELF_REPORTING = ("status", "timezone")


class HeaderReader(ImportState):
    """Reads one header line into the field its key names."""

    def _field(self, name: str, key: str, value: str, line: str, where: str) -> None:
        if name == "incident_date" and fold(value) in _UNKNOWN_DATE:
            self.date_unknown = True
            self.report.mapped.append(f"{key}: {value} → no incident date")
            return
        if is_placeholder(value):
            self.keep(where, line, "template placeholder")
            return
        if name not in _SELF_REPORTING:
            self.report.mapped.append(f"{key}: {value} → {name.replace('_', ' ')}")
        read = self._reader(name)
        if read is None:
            self.keep(where, line)
        else:
            read(name, key, value, line, where)

    def _reader(self, name: str) -> Callable[[str, str, str, str, str], None] | None:
        special: dict[str, Callable[[str, str, str, str, str], None]] = {
            "title": self._title,
            "severity": self._severity,
            "status": self._status,
            "timezone": self._timezone,
            "language": self._language,
            "participants": self._participants_line,
            "services": self._services_line,
            "tags": self._tags,
            "summary": self._summary_line,
            "commander": self._commander,
            "duration": self._duration,
        }
        if name in special:
            return special[name]
        field = BY_NAME.get(name)
        codec = field.codec if field else None
        if isinstance(codec, Day):
            return self._day
        if isinstance(codec, Moment):
            return self._moment
        if isinstance(codec, Texts):
            return self._names
        if codec is not None and type(codec) is Codec:
            return self._text
        return None

    # -- by kind of value ------------------------------------------------------------------

    def _text(self, name: str, key: str, value: str, line: str, where: str) -> None:
        setattr(self.doc, name, value)

    def _names(self, name: str, key: str, value: str, line: str, where: str) -> None:
        setattr(self.doc, name, person_names(value))

    def _day(self, name: str, key: str, value: str, line: str, where: str) -> None:
        day = parse_day(value, self.context)
        if day is None:
            self.report.warnings.append(f"{key}: '{value}' is not a date I can read; kept as text.")
            self.keep(where, line, "unknown date format")
            return
        setattr(self.doc, name, day)
        if name == "incident_date":
            self.context.incident_date = day
            moment, _ = parse_when(value, self.context)
            if moment and not self.doc.started_at and re.search(r"\d[:h]\d\d", value):
                self.doc.started_at = moment
                self.header_times = True

    def _moment(self, name: str, key: str, value: str, line: str, where: str) -> None:
        doc = self.doc
        moment, assumed = parse_when(value, self.context)
        if moment is None:
            self.report.warnings.append(f"{key}: '{value}' is not a time I can read; kept as text.")
            self.keep(where, line, "unknown date format")
            return
        if assumed:
            self.report.warnings.append(f"{key}: no time zone given; {moment.tzname()} assumed.")
        setattr(doc, name, moment)
        named = find_zone(value)
        if named is not None and self.context.zone is None:
            self._set_zone(named[0])
        self.header_times = True
        if self.context.incident_date is None:
            self.context.incident_date = moment.date()
            if doc.incident_date is None and not self.date_unknown:
                doc.incident_date = moment.date()

    # -- fields whose words need reading ---------------------------------------------------

    def _title(self, name: str, key: str, value: str, line: str, where: str) -> None:
        if self.doc.title and self.doc.title != value:
            self.keep(where, line, "second title")
        else:
            self.doc.title = value

    def _severity(self, name: str, key: str, value: str, line: str, where: str) -> None:
        self.doc.severity = severity_code(value, self.options.severity_scale)

    def _status(self, name: str, key: str, value: str, line: str, where: str) -> None:
        status = document_status(value)
        if status is None:
            self.keep(where, line, "unknown status")
        else:
            self.doc.status = status
            self.report.mapped.append(f"{key}: {value} → status {status.value}")

    def _timezone(self, name: str, key: str, value: str, line: str, where: str) -> None:
        zone = zone_named(value)
        if zone is None:
            self.report.warnings.append(f"{key}: unknown time zone '{value}'; UTC assumed.")
            self.keep(where, line, "unknown time zone")
        else:
            self._set_zone(zone)
            self.report.mapped.append(f"{key}: {value} → time zone {self.doc.timezone}")

    def _language(self, name: str, key: str, value: str, line: str, where: str) -> None:
        self.doc.language = "fr" if fold(value) in ("fr", "francais", "french") else "en"

    def _participants_line(self, name: str, key: str, value: str, line: str, where: str) -> None:
        self.doc.participants = [Participant(person) for person in person_names(value)]

    def _services_line(self, name: str, key: str, value: str, line: str, where: str) -> None:
        for part in person_names(value):
            self.doc.services.append(self._service(part))

    def _tags(self, name: str, key: str, value: str, line: str, where: str) -> None:
        self.doc.tags = [tag.strip().lstrip("#") for tag in value.split(",") if tag.strip()]

    def _summary_line(self, name: str, key: str, value: str, line: str, where: str) -> None:
        summary = self.doc.summary
        self.doc.summary = f"{summary}\n\n{key} : {value}".strip() if summary else value

    def _commander(self, name: str, key: str, value: str, line: str, where: str) -> None:
        role = "Incident lead" if "lead" in fold(key) else "Incident commander"
        if fold(self.doc.language) == "fr":
            role = "Responsable de l'incident"
        for person in person_names(value):
            self.doc.participants.append(Participant(person, role))

    def _duration(self, name: str, key: str, value: str, line: str, where: str) -> None:
        self.doc.impact.append(ImpactRow(key, value))
        self.stated_duration = parse_duration(value)

    def _service(self, text: str) -> Service:
        state_word = re.search(r"\(([^)]*)\)\s*$", text)
        symbol_state = {"❌": ServiceState.DOWN, "⚠": ServiceState.DEGRADED,
                        "✅": ServiceState.OK}.get(text.strip()[:1])  # fmt: skip
        name = LEADING_SYMBOLS.sub("", text).strip()
        state = symbol_state
        if state_word:
            self.status_words.add(state_word.group(1).strip())
            state = service_state(state_word.group(1)) or state
            if service_state(state_word.group(1)):
                name = name[: name.rfind("(")].strip()
        return Service(strip_inline(name), state or ServiceState.OK)
