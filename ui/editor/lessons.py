"""Lessons learned by audience, and the communications sent during and after the incident."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.edits import zone_of
from app.model import Communication, Lesson, Postmortem
from app.natural_dates import incident_day, parse_moment_as_typed
from app.vocabulary import DEFAULT_LESSON_AUDIENCES, Audience
from ui.editor.labels import audience_labels, choices, lesson_audience_labels
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column
from ui.editor.widgets import titled


class LessonsPage(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.lessons = RowSection(
            host,
            "lessons",
            [
                Column(
                    "audience",
                    self.tr("Audience"),
                    "choice",
                    choices(lesson_audience_labels()),
                    width=170,
                ),
                Column("text", self.tr("Lesson")),
            ],
            lambda _doc, _pos: Lesson(audience=DEFAULT_LESSON_AUDIENCES[0], text=""),
            min_rows=5,
        )
        self.communications = RowSection(
            host,
            "communications",
            [
                Column(
                    "audience",
                    self.tr("Audience"),
                    "choice",
                    choices(audience_labels()),
                    convert=Audience,
                    width=110,
                ),
                Column("channel", self.tr("Channel"), width=150),
                Column(
                    "at",
                    self.tr("Sent at"),
                    "datetime",
                    parse_datetime=lambda text, current: parse_moment_as_typed(
                        text,
                        current.date() if current is not None else incident_day(self.doc),
                        zone_of(self.doc.timezone if self.doc else "UTC"),
                        self.tr("sent at"),
                    ),
                    width=205,
                ),
                Column("text", self.tr("Message")),
            ],
            lambda _doc, _pos: Communication(audience=Audience.INTERNAL, text=""),
            min_rows=4,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(titled(self.tr("Lessons learned"), self.lessons))
        layout.addWidget(titled(self.tr("Communications"), self.communications))

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        self.lessons.load(doc)
        self.communications.load(doc)
