"""The timeline: a table sortable by time, markers feeding the derived times, pasting rows.

Pasting (Ctrl+V in the table, or the button) reads chat-log lines or a Markdown table from the
clipboard and inserts every recognised row as one undoable step.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.edits import insert_rows, parse_moment, sort_timeline, zone_of
from app.errors import ValidationError
from app.model import Postmortem, TimelineEntry
from app.paste_rows import parse_pasted_rows
from app.vocabulary import Marker
from ui.editor.derived_panel import DerivedPanel
from ui.editor.labels import choices, marker_labels
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column


def _zone_name(doc: Postmortem | None) -> str:
    return doc.timezone if doc is not None else "UTC"


def next_entry_time(doc: Postmortem, position: int) -> datetime:
    """A new row goes one minute after the row above it (or at the incident start)."""
    if doc.timeline and position > 0:
        return doc.timeline[min(position, len(doc.timeline)) - 1].at + timedelta(minutes=1)
    if doc.started_at is not None:
        return doc.started_at
    zone = zone_of(doc.timezone) if doc.timezone else None
    if doc.incident_date is not None:
        return datetime.combine(doc.incident_date, datetime.min.time(), zone)
    return datetime.now(zone).replace(second=0, microsecond=0)


class TimelinePage(QWidget):
    def _rough(self, entry: TimelineEntry) -> tuple[str, None, str]:
        """``≈ ~10:15`` for a time the source gave approximately (never shown as exact)."""
        if not entry.approximate:
            return "", None, ""
        tip = self.tr("Approximate: the source wrote “{0}”.").format(entry.as_written)
        return f"≈ {entry.as_written}".strip(), None, tip

    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.rows = RowSection(
            host,
            "timeline",
            [
                Column(
                    "at",
                    self.tr("Time"),
                    "datetime",
                    parse_datetime=lambda text: parse_moment(
                        text, _zone_name(self.doc), self.tr("time")
                    ),
                    width=170,
                    required=True,
                ),
                Column("event", self.tr("Event"), required=True, width=250),
                Column("actor", self.tr("Actor"), width=130),
                Column(
                    "marker",
                    self.tr("Marker"),
                    "choice",
                    choices(marker_labels(), optional=True),
                    convert=Marker,
                    width=125,
                ),
                Column("notes", self.tr("Notes"), width=200),
                Column(
                    "as_written", self.tr("As written"), "computed", compute=self._rough, width=120
                ),
            ],
            lambda doc, position: TimelineEntry(
                at=next_entry_time(doc, position), event=self.tr("New event")
            ),
            sortable=True,
            min_rows=12,
        )
        self.table = self.rows.table
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.paste_button = QPushButton(self.tr("Paste rows"))
        self.paste_button.setObjectName("timeline_paste")
        self.paste_button.setToolTip(
            self.tr("Paste lines from a chat log or a Markdown table: each becomes a row.")
        )
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.sort_button = QPushButton(self.tr("Put in time order"))
        self.sort_button.setObjectName("timeline_sort")
        self.sort_button.clicked.connect(lambda: host.apply_change(sort_timeline()))
        self.rows.buttons.insertWidget(4, self.paste_button)
        self.rows.buttons.insertWidget(5, self.sort_button)
        self.table.installEventFilter(self)
        self.derived = DerivedPanel()
        derived_box = QGroupBox(self.tr("Derived times"))
        QVBoxLayout(derived_box).addWidget(self.derived)
        derived_box.setMaximumWidth(340)
        layout = QHBoxLayout(self)
        layout.addWidget(self.rows, 1)
        layout.addWidget(derived_box, 0, Qt.AlignmentFlag.AlignTop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            self.paste_clipboard()
            return True
        return super().eventFilter(watched, event)

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int:
        """Insert the rows read from ``text`` after the selection; returns how many."""
        doc = self.doc
        if doc is None or not text.strip():
            return 0
        try:
            zone = zone_of(doc.timezone)
        except ValidationError as error:
            self.host.show_error(str(error))
            return 0
        day = doc.incident_date or (doc.started_at.date() if doc.started_at else None)
        if day is None:
            day = datetime.now(zone).date()
        result = parse_pasted_rows(text, day, zone)
        if not result.entries:
            self.host.show_error(
                self.tr("No line of the pasted text starts with a time (e.g. 14:02 or [14:02]).")
            )
            return 0
        selected = self.rows.table.selected_source_rows()
        position = selected[-1] + 1 if selected else len(doc.timeline)
        count = len(result.entries)
        description = self.tr("Paste {0} timeline rows").format(count)
        if self.host.apply_change(insert_rows("timeline", position, result.entries, description)):
            return count
        return 0

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        self.rows.load(doc)
        self.derived.load(doc)
