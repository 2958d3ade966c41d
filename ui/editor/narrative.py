"""The team's own account: titled narrative sections (trigger, detection, response, …).

A table of titles, in the order the report prints them, and the selected section's text
(Markdown as written) below it. Every edit is one named, undoable change.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.edits import set_cell
from app.model import NarrativeSection, Postmortem
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column
from ui.editor.widgets import TextEdit

KINDS = ("leadup", "trigger", "fault", "detection", "response", "recovery", "resolution",
         "impact", "assessment", "background", "investigation")  # fmt: skip


class NarrativeGroup(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.rows = RowSection(
            host,
            "narrative",
            [
                Column("title", self.tr("Title"), required=True),
                Column(
                    "kind",
                    self.tr("Part"),
                    "choice",
                    [("—", ""), *((self._kind_label(kind), kind) for kind in KINDS)],
                    convert=lambda value: value or "",
                    width=130,
                ),
            ],
            lambda _doc, _pos: NarrativeSection(title=self.tr("New section")),
            min_rows=3,
        )
        self.table = self.rows.table
        self.text = TextEdit()
        self.text.setObjectName("field_narrative_text")
        self.text.setEnabled(False)
        self.text.committed.connect(self._commit_text)
        self.text_label = QLabel(self.tr("Select a section to edit its text."))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text, 1)

    def _kind_label(self, kind: str) -> str:
        return {
            "leadup": self.tr("Lead-up"), "trigger": self.tr("Trigger"),
            "fault": self.tr("Fault"), "detection": self.tr("Detection"),
            "response": self.tr("Response"), "recovery": self.tr("Recovery"),
            "resolution": self.tr("Resolution"), "impact": self.tr("Impact"),
            "assessment": self.tr("Assessment"), "background": self.tr("Background"),
            "investigation": self.tr("Investigation"),
        }[kind]  # fmt: skip

    def _current(self) -> int | None:
        rows = self.table.selected_source_rows()
        if not rows or self.doc is None or rows[0] >= len(self.doc.narrative):
            return None
        return rows[0]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        row = self._current()
        if row is None or self.doc is None:
            self.text.setEnabled(False)
            self.text.load("")
            self.text_label.setText(self.tr("Select a section to edit its text."))
            return
        section = self.doc.narrative[row]
        self.text.setEnabled(True)
        self.text_label.setText(self.tr("Text of “{0}”").format(section.title))
        self.text.load(section.text)

    def _commit_text(self, text: str) -> None:
        row = self._current()
        if row is not None and self.doc is not None:
            self.host.apply_change(set_cell(self.doc, "narrative", row, "text", text))

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        self.rows.load(doc)
        if doc is None:
            return
        if self._current() is None and doc.narrative:
            self.table.selectRow(0)
        self._show_current()
