"""The preview of pasted timeline rows: check and fix them before anything is stored.

What was read is shown as an editable table (time, event, actor, marker, notes). Markers are
only *suggested* from the words of each line ("rollback" → Mitigated?) and applied when the
person asks. When the times have no date and the document has no incident date, the day is
asked for first. Adding the rows is one undoable step; Cancel stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.model import TimelineEntry
from app.natural_dates import format_moment, format_moment_full, parse_moment_as_typed
from app.paste_rows import PasteResult, parse_pasted_rows
from app.timeutil import parse_date
from app.vocabulary import Marker
from ui.design import show_message
from ui.dialog_buttons import ok_cancel
from ui.editor.labels import choices, marker_labels
from ui.editor.pickers import attach_picker
from ui.editor.rows import CHOICES_ROLE, KIND_ROLE, CellDelegate
from ui.editor.widgets import FieldEdit

Index = QModelIndex | QPersistentModelIndex
TIME, EVENT, ACTOR, MARKER, SUGGESTED, NOTES = range(6)


class PreviewModel(QAbstractTableModel):
    """The rows read from the clipboard, editable; nothing here touches the document."""

    def __init__(self, zone: tzinfo, report: Callable[[str], None]) -> None:
        super().__init__()
        self.zone = zone
        self.report = report
        self.entries: list[TimelineEntry] = []
        self.suggested: list[Marker | None] = []
        self.day: date | None = None
        self.titles = [
            self.tr("Time"),
            self.tr("Event"),
            self.tr("Actor"),
            self.tr("Marker"),
            self.tr("Suggested marker"),
            self.tr("Notes"),
        ]

    def show(self, result: PasteResult, day: date | None) -> None:
        self.beginResetModel()
        self.entries, self.suggested, self.day = result.entries, result.suggested, day
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == SUGGESTED else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        labels = marker_labels()
        if role == KIND_ROLE:
            return {TIME: "datetime", MARKER: "choice"}.get(column, "text")
        if role == CHOICES_ROLE and column == MARKER:
            return choices(labels, optional=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == TIME:
            return format_moment_full(entry.at)
        if role == Qt.ItemDataRole.FontRole and column == SUGGESTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == TIME:
            if role == Qt.ItemDataRole.EditRole:
                return format_moment_full(entry.at)
            return format_moment(entry.at, self.day)
        if column == MARKER:
            if role == Qt.ItemDataRole.EditRole:
                return None if entry.marker is None else str(entry.marker)
            return labels[entry.marker] if entry.marker else "—"
        if column == SUGGESTED:
            suggestion = self.suggested[index.row()]
            return f"{labels[suggestion]}?" if suggestion else ""
        return {EVENT: entry.event, ACTOR: entry.actor, NOTES: entry.notes}[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        entry = self.entries[index.row()]
        column = index.column()
        try:
            if column == TIME:
                entry.at = parse_moment_as_typed(
                    str(value), entry.at.date(), self.zone, self.tr("time")
                )
            elif column == MARKER:
                entry.marker = Marker(value) if value else None
            elif column == EVENT:
                if not str(value).strip():
                    self.report(self.tr("An event cannot be empty."))
                    return False
                entry.event = str(value)
            elif column == ACTOR:
                entry.actor = str(value)
            elif column == NOTES:
                entry.notes = str(value)
        except (PostmortemError, ValueError) as error:
            self.report(str(error))
            return False
        self.dataChanged.emit(index, index)
        return True

    def use_suggestions(self) -> None:
        for entry, suggestion in zip(self.entries, self.suggested, strict=True):
            if suggestion is not None:
                entry.marker = suggestion
        if self.entries:
            self.dataChanged.emit(self.index(0, MARKER), self.index(len(self.entries) - 1, MARKER))


class PastePreview(QDialog):
    """Shows what a paste would add; ``confirmed`` carries the rows when the person adds them."""

    confirmed = Signal(list)

    def __init__(
        self,
        text: str,
        zone: tzinfo,
        day: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pastePreview")
        self.setWindowTitle(self.tr("Paste timeline rows"))
        self.text = text
        self.zone = zone
        self.known_day = day
        self.model = PreviewModel(zone, self._problem)
        self.table = QTableView()
        self.table.setObjectName("pastePreviewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("pasteSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("pasteMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.day_field = FieldEdit(
            self._parse_day, lambda value: value.isoformat() if value else ""
        )
        self.day_field.setObjectName("pasteDay")
        self.day_field.setPlaceholderText("2026-01-15")
        self.day_field.committed.connect(self._day_chosen)
        attach_picker(
            self.day_field,
            lambda: self.model.day,
            lambda chosen, _clock: (
                self.day_field.setText(chosen.isoformat()),
                self.day_field.commit(),
            ),
            with_time=False,
        )
        self.suggest_button = QPushButton(self.tr("Use suggested markers"))
        self.suggest_button.setObjectName("useSuggestedMarkers")
        self.suggest_button.clicked.connect(self.model.use_suggestions)
        self.buttons = ok_cancel(self, self._accept)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.day_form = QWidget()
        form = QFormLayout(self.day_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Day of these times"), self.day_field)
        form.addRow("", self.day_field.error)
        layout.addWidget(self.day_form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        row = QVBoxLayout()
        row.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(980, 480)
        self.result_: PasteResult = PasteResult()
        self._read(day)

    # -- reading -----------------------------------------------------------------------------

    def _parse_day(self, text: str) -> date | None:
        return parse_date(text, self.tr("day")) if text.strip() else None

    def _read(self, day: date | None) -> None:
        placeholder = day or date(2000, 1, 1)
        result = parse_pasted_rows(self.text, placeholder, self.zone)
        self.result_ = result
        self.model.show(result, day)
        asked = result.used_day and self.known_day is None
        self.day_form.setVisible(asked)
        waiting = asked and day is None
        self.table.setEnabled(not waiting)
        self.ok_button.setEnabled(not waiting and bool(result.entries))
        self.ok_button.setText(self.tr("Add {0} rows").format(len(result.entries)))
        self.suggest_button.setEnabled(any(s is not None for s in result.suggested))
        parts = [self.tr("Rows read from the pasted text: {0}.").format(len(result.entries))]
        if result.columns:
            names = {"time": self.tr("Time"), "event": self.tr("Event"), "actor": self.tr("Actor")}
            used = ", ".join(
                f"{names[field]} ← “{heading}”" for field, heading in result.columns.items()
            )
            parts.append(self.tr("Table columns used: {0}.").format(used))
        if result.notes_attached:
            parts.append(
                self.tr("Lines without a time, added as notes of the row above: {0}.").format(
                    result.notes_attached
                )
            )
        if result.skipped:
            parts.append(self.tr("Lines that could not be read: {0}.").format(len(result.skipped)))
        parts.append(self.tr("Check and correct them, then add them."))
        self.summary.setText(" ".join(parts))
        if waiting:
            show_message(
                self.message,
                "warning",
                self.tr(
                    "These times have no date and the postmortem has no incident date: "
                    "type the day they happened."
                ),
            )
        else:
            show_message(self.message, "warning", "")
        for column, width in ((0, 110), (1, 300), (2, 110), (3, 120), (4, 140)):
            self.table.setColumnWidth(column, width)

    def _day_chosen(self, day: date | None) -> None:
        self._read(day)

    def _problem(self, message: str) -> None:
        show_message(self.message, "error", message)

    # -- adding ------------------------------------------------------------------------------

    def rows(self) -> list[TimelineEntry]:
        return list(self.model.entries)

    def _accept(self) -> None:
        entries = self.rows()
        if not entries:
            return
        self.accept()
        self.confirmed.emit(entries)
