"""The list of postmortems on the home screen (a model over ``Store.list``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.store import Store, Summary

STATUS_LABELS = {
    "draft": "Draft",
    "in_review": "In review",
    "approved": "Approved",
    "archived": "Archived",
}


class PostmortemListModel(QAbstractTableModel):
    COLUMNS = ("Title", "Incident date", "Severity", "Status")
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.rows: list[Summary] = []
        self.query = ""

    def refresh(self, query: str | None = None) -> None:
        if query is not None:
            self.query = query
        self.beginResetModel()
        self.rows = self.store.summaries(self.query)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
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
                row.incident_date or "—",
                row.severity or "—",
                self.tr(STATUS_LABELS.get(row.status, row.status)),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return row.title
        if role == self.ID_ROLE:
            return row.id
        return None

    def row_of(self, postmortem_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == postmortem_id), -1)
