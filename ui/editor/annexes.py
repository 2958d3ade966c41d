"""Annexes (logs in a monospace block, links, text) and the acknowledgements."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.edits import set_cell, set_field
from app.model import Annex, Postmortem
from app.vocabulary import AnnexKind
from ui.editor.labels import annex_kind_labels, choices
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column
from ui.editor.widgets import TextEdit, button_row, monospace_font, titled


class AnnexesPage(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.doc: Postmortem | None = None
        self.rows = RowSection(
            host,
            "annexes",
            [
                Column("title", self.tr("Title")),
                Column(
                    "kind",
                    self.tr("Kind"),
                    "choice",
                    choices(annex_kind_labels()),
                    convert=AnnexKind,
                    width=90,
                ),
            ],
            lambda _doc, _pos: Annex(title=self.tr("New annex"), kind=AnnexKind.LOG),
            min_rows=3,
        )
        self.table = self.rows.table
        self.content = TextEdit(monospace=True)
        self.content.setObjectName("field_annex_content")
        self.content.setEnabled(False)
        self.content.committed.connect(self._commit_content)
        self.content_label = QLabel(self.tr("Select an annex to edit its content."))
        self.open_link_button = QPushButton(self.tr("Open link"))
        self.open_link_button.setObjectName("annex_open_link")
        self.open_link_button.clicked.connect(self.open_link)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.acknowledgements = TextEdit()
        self.acknowledgements.setObjectName("field_acknowledgements")
        self.acknowledgements.setMaximumHeight(90)
        self.acknowledgements.committed.connect(
            lambda text: host.apply_change(set_field("acknowledgements", text))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(titled(self.tr("Annexes"), self.rows))
        layout.addWidget(self.content_label)
        layout.addWidget(self.content, 1)
        layout.addLayout(button_row(self.open_link_button))
        layout.addWidget(titled(self.tr("Acknowledgements"), self.acknowledgements))

    def _current(self) -> int | None:
        rows = self.table.selected_source_rows()
        if not rows or self.doc is None or rows[0] >= len(self.doc.annexes):
            return None
        return rows[0]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        row = self._current()
        if row is None or self.doc is None:
            self.content.setEnabled(False)
            self.content.load("")
            self.open_link_button.setEnabled(False)
            return
        annex = self.doc.annexes[row]
        self.content.setEnabled(True)
        self.content.setFont(monospace_font() if annex.kind == AnnexKind.LOG else self.font())
        self.content_label.setText(self.tr("Content of “{0}”").format(annex.title))
        self.content.load(annex.content)
        self.open_link_button.setEnabled(annex.kind == AnnexKind.LINK)

    def _commit_content(self, text: str) -> None:
        row = self._current()
        if row is not None and self.doc is not None:
            self.host.apply_change(set_cell(self.doc, "annexes", row, "content", text))

    def open_link(self) -> bool:
        row = self._current()
        if row is None or self.doc is None:
            return False
        url = QUrl.fromUserInput(self.doc.annexes[row].content.strip().split("\n", 1)[0])
        if not url.isValid() or url.scheme() not in ("http", "https", "file"):
            self.host.show_error(self.tr("This annex does not hold a web address."))
            return False
        return QDesktopServices.openUrl(url)

    def load(self, doc: Postmortem | None) -> None:
        self.doc = doc
        self.rows.load(doc)
        if doc is None:
            return
        self.acknowledgements.load(doc.acknowledgements)
        if self._current() is None and doc.annexes:
            self.table.selectRow(0)  # show the first annex's content rather than an empty box
        self._show_current()
