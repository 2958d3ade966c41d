"""A table of titled rows with, below it, the long text of the selected row in an editor.

Narrative sections and annexes both work this way: the table holds the short fields (title,
kind), the editor the row's text. Selecting a row shows its text; committing the editor is one
undoable change of that row's text field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.edits import set_cell
from app.model import Postmortem
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.widgets import TextEdit


class RowsWithText(QWidget):
    """``rows`` (a ``RowSection``) and ``text`` (the selected row's ``text_field``), captioned.

    ``prompt`` is the caption while no row is selected; ``caption`` is formatted with the row's
    title while one is. Subclasses lay the widgets out and may react in ``row_shown``.
    """

    def __init__(
        self,
        host: EditorHost,
        rows: RowSection,
        *,
        text_field: str,
        prompt: str,
        caption: str,
        monospace: bool = False,
    ) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.section = rows.section
        self.text_field = text_field
        self.prompt = prompt
        self.caption = caption
        self.rows = rows
        self.table = self.rows.table
        self.text = TextEdit(monospace=monospace)
        self.text.setEnabled(False)
        self.text.committed.connect(self._commit_text)
        self.text_label = QLabel(prompt)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_current())

    def _items(self) -> list[Any]:
        return list(getattr(self.doc, self.section)) if self.doc is not None else []

    def current(self) -> int | None:
        """The document row selected in the table, if any."""
        rows = self.table.selected_source_rows()
        if not rows or rows[0] >= len(self._items()):
            return None
        return rows[0]

    def show_current(self) -> None:
        row = self.current()
        if row is None:
            self.text.setEnabled(False)
            self.text.load("")
            self.text_label.setText(self.prompt)
            self.row_shown(None)
            return
        item = self._items()[row]
        self.text.setEnabled(True)
        self.text_label.setText(self.caption.format(item.title))
        self.text.load(getattr(item, self.text_field))
        self.row_shown(item)

    def row_shown(self, item: Any) -> None:
        """Called with the row whose text is now shown (``None`` when none is)."""

    def _commit_text(self, text: str) -> None:
        row = self.current()
        if row is not None and self.doc is not None:
            self.host.apply_change(set_cell(self.doc, self.section, row, self.text_field, text))

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        self.rows.load(doc)
        if doc is None:
            return
        if self.current() is None and self._items():
            self.table.selectRow(0)  # show the first row's text rather than an empty box
        self.show_current()
