"""Deleted postmortems: the list of soft-deleted ones, each can be restored."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.store import Store


class DeletedHost(Protocol):
    store: Store

    def refresh(self) -> None: ...

    def select(self, postmortem_id: str) -> None: ...

    def show_error(self, message: str) -> None: ...


class DeletedDialog(QDialog):
    def __init__(self, host: DeletedHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("deletedDialog")
        self.setWindowTitle(self.tr("Deleted postmortems"))
        self.list = QListWidget()
        self.empty = QLabel(self.tr("No deleted postmortem."))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreDeletedButton")
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(520, 380)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for summary in self.host.store.deleted():
            item = QListWidgetItem(summary.title or self.tr("(untitled)"))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self.restore_button.setEnabled(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(0)

    def restore_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        postmortem_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.host.store.undelete(postmortem_id)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return False
        self.host.refresh()
        self.host.select(postmortem_id)
        self.reload()
        return True
