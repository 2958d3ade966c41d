"""The header: title, dates (with time zone), severity, status, people and affected services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from app.edits import set_field, zone_of
from app.fields import header_label
from app.model import Participant, Postmortem, Service
from app.natural_dates import format_moment_full, incident_day, parse_moment_as_typed
from app.timeutil import parse_date
from app.vocabulary import Attendance, ServiceState, Status
from ui.editor.derived_panel import DerivedPanel
from ui.editor.labels import (
    attendance_labels,
    choices,
    language_labels,
    service_state_labels,
    status_labels,
)
from ui.editor.pickers import attach_picker
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column
from ui.editor.widgets import ChoiceBox, FieldEdit, titled
from ui.i18n import current_language
from ui.preferences import current_preferences

MOMENTS = ("started_at", "detected_at", "mitigated_at", "resolved_at")


def _show_moment(value: datetime | None) -> str:
    return format_moment_full(value)


def _show_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _show_list(values: list[str]) -> str:
    return ", ".join(values)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class HeaderPage(QWidget):
    """Header fields; every field commits one named change when the person leaves it."""

    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.fields: dict[str, Any] = {}

        def zone() -> str:
            return self.doc.timezone if self.doc is not None else "UTC"

        def optional_date(label: str) -> Any:
            return lambda text: parse_date(text, label) if text.strip() else None

        def optional_moment(label: str) -> Any:
            def parse(text: str) -> datetime | None:
                if not text.strip():
                    return None
                return parse_moment_as_typed(text, incident_day(self.doc), zone_of(zone()), label)

            return parse

        def check_zone(text: str) -> str:
            zone_of(text)
            return text.strip() or "UTC"

        self.fields["title"] = FieldEdit(str.strip)
        self.fields["incident_date"] = FieldEdit(
            optional_date(self.tr("incident date")), _show_date
        )
        self.fields["timezone"] = FieldEdit(check_zone)
        labels = {
            "started_at": self.tr("start time"),
            "detected_at": self.tr("detection time"),
            "mitigated_at": self.tr("mitigation time"),
            "resolved_at": self.tr("resolution time"),
        }
        for name in MOMENTS:
            self.fields[name] = FieldEdit(optional_moment(labels[name]), _show_moment)
            self.fields[name].setPlaceholderText(self.tr("14:31, 2:31 PM or 2026-01-15 14:31"))
            self._picker(name, with_time=True)
        self.fields["incident_date"].setPlaceholderText("2026-01-15")
        self._picker("incident_date", with_time=False)
        self.fields["timezone"].setPlaceholderText("Europe/Paris, UTC, +01:00")
        self.fields["author"] = FieldEdit(str.strip)
        self.fields["reviewers"] = FieldEdit(_split, _show_list)
        self.fields["postmortem_date"] = FieldEdit(
            optional_date(self.tr("postmortem date")), _show_date
        )
        self.fields["postmortem_date"].setPlaceholderText("2026-01-16")
        self._picker("postmortem_date", with_time=False)
        self.fields["tags"] = FieldEdit(_split, _show_list)
        self.fields["reviewers"].setPlaceholderText(self.tr("Names, separated by commas"))
        self.fields["tags"].setPlaceholderText(self.tr("Tags, separated by commas"))
        self.severity = ChoiceBox([])
        self.status = ChoiceBox(choices(status_labels()))
        self.language = ChoiceBox(choices(language_labels()))
        for name, widget in self.fields.items():
            widget.setObjectName(f"field_{name}")
            widget.committed.connect(lambda value, attribute=name: self._commit(attribute, value))
        self.severity.setObjectName("field_severity")
        self.status.setObjectName("field_status")
        self.language.setObjectName("field_language")
        self.severity.committed.connect(lambda value: self._commit("severity", value))
        self.status.committed.connect(lambda value: self._commit("status", Status(value)))
        self.language.committed.connect(lambda value: self._commit("language", value))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def row(label: str, name: str) -> None:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self.fields[name])
            box.addWidget(self.fields[name].error)
            form.addRow(label, box)

        # each field's label is the one of its description (app.fields), in the interface language
        def label(name: str) -> str:
            return header_label(name, current_language())

        times = ("started_at", "detected_at", "mitigated_at", "resolved_at")
        for name in ("title", "incident_date", "timezone", *times):
            row(label(name), name)
        form.addRow(label("severity"), self.severity)
        form.addRow(label("status"), self.status)
        for name in ("author", "reviewers", "postmortem_date", "tags"):
            row(label(name), name)
        form.addRow(self.tr("Report language"), self.language)

        self.participants = RowSection(
            host,
            "participants",
            [
                Column("name", self.tr("Name")),
                Column("role", self.tr("Role")),
                Column(
                    "attendance",
                    self.tr("Attendance"),
                    "choice",
                    choices(attendance_labels()),
                    convert=Attendance,
                    width=130,
                ),
            ],
            lambda _doc, _pos: Participant(name=self.tr("New participant")),
            min_rows=3,
        )
        self.services = RowSection(
            host,
            "services",
            [
                Column("name", self.tr("Service")),
                Column(
                    "state",
                    self.tr("State"),
                    "choice",
                    choices(service_state_labels()),
                    convert=ServiceState,
                    width=130,
                ),
            ],
            lambda _doc, _pos: Service(name=self.tr("new-service"), state=ServiceState.DEGRADED),
            min_rows=2,
        )
        self.derived = DerivedPanel(horizontal=True)
        derived_box = QGroupBox(self.tr("Derived times"))
        QVBoxLayout(derived_box).addWidget(self.derived)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(derived_box)
        layout.addWidget(titled(self.tr("People"), self.participants))
        layout.addWidget(titled(self.tr("Affected services"), self.services))
        layout.addStretch(1)

    def _picker(self, name: str, *, with_time: bool) -> None:
        field = self.fields[name]

        def picked(day: date, clock: Any) -> None:
            field.setText(f"{day.isoformat()} {clock:%H:%M}" if clock is not None else str(day))
            field.commit()

        def current() -> Any:
            value = getattr(self.doc, name, None) if self.doc is not None else None
            return value if value is not None else incident_day(self.doc)

        attach_picker(field, current, picked, with_time=with_time)

    def _commit(self, attribute: str, value: Any) -> None:
        self.host.apply_change(set_field(attribute, value))

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        if doc is None:
            return
        for name, widget in self.fields.items():
            widget.load(getattr(doc, name))
        # the meaning is read by the person editing: the interface language, not the report's
        scale = current_preferences().severity_scale(current_language())
        self.severity.set_choices(
            [
                (
                    f"{level.code} — {level.description}" if level.description else level.code,
                    level.code,
                )
                for level in scale
            ]
        )
        self.severity.load(doc.severity)
        # Approved is derived from the sign-offs, never chosen: it is offered only to show it.
        labels = status_labels()
        offered = {k: v for k, v in labels.items() if k != Status.APPROVED or k == doc.status}
        self.status.clear()
        self.status.set_choices(choices(offered))
        self.status.load(doc.status.value)
        self.language.load(doc.language)
        self.participants.load(doc)
        self.services.load(doc)
        self.derived.load(doc)
