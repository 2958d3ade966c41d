"""The list of postmortems on the home screen: search (FTS5), filters and sort over the store."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.model import Postmortem
from app.store import Store, Summary
from ui.editor.labels import status_labels
from ui.home.filters import Filters, apply_filters


def _local_date(iso: str | None) -> str:
    """ "15 janv. 2026" / "15 Jan 2026": the list follows the interface language."""
    if not iso:
        return "—"
    day = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return QLocale().toString(day, "d MMM yyyy") if day.isValid() else iso


class PostmortemListModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.rows: list[Summary] = []
        self.all_rows: list[Summary] = []
        self.query = ""
        self.filters = Filters()

    def columns(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Incident date"), self.tr("Severity"), self.tr("Status"))

    def refresh(self, query: str | None = None, filters: Filters | None = None) -> None:
        if query is not None:
            self.query = query
        if filters is not None:
            self.filters = filters
        self.beginResetModel()
        self.all_rows = self.store.summaries(self.query)
        self.rows = apply_filters(self.all_rows, self.filters)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.title or self.tr("(untitled)"),
                _local_date(row.incident_date),
                row.severity or "—",
                status_labels().get(row.status, row.status),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return row.title
        if role == self.ID_ROLE:
            return row.id
        return None

    def update_document(self, doc: Postmortem) -> None:
        """Show an edited document's new title, date, severity and status (no query)."""
        row = self.row_of(doc.id)
        if row < 0:
            return
        fresh = replace(
            self.rows[row],
            title=doc.title,
            status=doc.status.value,
            severity=doc.severity,
            incident_date=doc.incident_date.isoformat() if doc.incident_date else None,
            services=[service.name for service in doc.services],
            tags=list(doc.tags),
        )
        self.rows[row] = fresh
        self.all_rows = [fresh if item.id == doc.id else item for item in self.all_rows]
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, postmortem_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == postmortem_id), -1)
