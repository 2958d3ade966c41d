"""A table section with its buttons: add, delete, move up, move down."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.edits import insert_rows, move_row, remove_rows
from app.model import Postmortem
from app.session import Change
from ui.editor.rows import Column, RowsModel, RowTable
from ui.editor.widgets import button_row


class EditorHost(Protocol):
    """What the editor needs from the window."""

    def apply_change(self, change: Change) -> bool: ...

    def show_error(self, message: str) -> None: ...


class RowSection(QWidget):
    """One list of the document as an editable table."""

    def __init__(
        self,
        host: EditorHost,
        section: str,
        columns: list[Column],
        new_row: Callable[[Postmortem, int], Any],
        *,
        sortable: bool = False,
        min_rows: int = 4,
        wrap: bool = False,
    ) -> None:
        super().__init__()
        self.host = host
        self.section = section
        self.new_row = new_row
        self.model = RowsModel(section, columns, host.apply_change, host.show_error)
        self.table = RowTable(self.model, sortable=sortable, wrap=wrap)
        self.table.setObjectName(f"{section}Table")
        self.table.setMinimumHeight(26 * (min_rows + 1) + 4)
        self.add_button = QPushButton(self.tr("Add"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        for button, name in (
            (self.add_button, "add"),
            (self.delete_button, "delete"),
            (self.up_button, "up"),
            (self.down_button, "down"),
        ):
            button.setObjectName(f"{section}_{name}")
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_rows)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.buttons = button_row(
            self.add_button, self.delete_button, self.up_button, self.down_button
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)

    def load(self, doc: Postmortem | None) -> None:
        self.model.load(doc)

    def _rows(self) -> list[Any]:
        return self.model.rows()

    def add_row(self) -> None:
        doc = self.model.doc
        if doc is None:
            return
        selected = self.table.selected_source_rows()
        position = selected[-1] + 1 if selected else len(self._rows())
        row = self.new_row(doc, position)
        if self.host.apply_change(insert_rows(self.section, position, [row])):
            index = self.table.cell(position, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def delete_rows(self) -> None:
        rows = self.table.selected_source_rows()
        if rows:
            self.host.apply_change(remove_rows(self.section, rows))

    def move(self, step: int) -> None:
        rows = self.table.selected_source_rows()
        if len(rows) != 1:
            return
        source, target = rows[0], rows[0] + step
        if 0 <= target < len(self._rows()) and self.host.apply_change(
            move_row(self.section, source, target)
        ):
            self.table.selectRow(self.table.view_row(target))
