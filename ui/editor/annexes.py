"""Annexes (logs in a monospace block, links, text) and the acknowledgements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from app.edits import set_field
from app.model import Annex, Postmortem
from app.vocabulary import AnnexKind
from ui.editor.labels import annex_kind_labels, choices
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.row_text import RowsWithText
from ui.editor.rows import Column
from ui.editor.widgets import TextEdit, button_row, monospace_font, titled


class AnnexesPage(RowsWithText):
    def __init__(self, host: EditorHost) -> None:
        kinds = choices(annex_kind_labels())
        rows = RowSection(
            host,
            "annexes",
            [
                Column("title", self.tr("Title")),
                Column("kind", self.tr("Kind"), "choice", kinds, convert=AnnexKind, width=90),
            ],
            lambda _doc, _pos: Annex(title=self.tr("New annex"), kind=AnnexKind.LOG),
            min_rows=3,
        )
        super().__init__(
            host,
            rows,
            text_field="content",
            prompt=self.tr("Select an annex to edit its content."),
            caption=self.tr("Content of “{0}”"),
            monospace=True,
        )
        self.content = self.text
        self.content.setObjectName("field_annex_content")
        self.content_label = self.text_label
        self.open_link_button = QPushButton(self.tr("Open link"))
        self.open_link_button.setObjectName("annex_open_link")
        self.open_link_button.clicked.connect(self.open_link)
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

    def row_shown(self, item: Any) -> None:
        """Logs in a monospace font; "Open link" only for a link annex."""
        if item is not None:
            self.content.setFont(monospace_font() if item.kind == AnnexKind.LOG else self.font())
        self.open_link_button.setEnabled(item is not None and item.kind == AnnexKind.LINK)

    def open_link(self) -> bool:
        row = self.current()
        if row is None or self.doc is None:
            return False
        url = QUrl.fromUserInput(self.doc.annexes[row].content.strip().split("\n", 1)[0])
        if not url.isValid() or url.scheme() not in ("http", "https", "file"):
            self.host.show_error(self.tr("This annex does not hold a web address."))
            return False
        return QDesktopServices.openUrl(url)

    def load(self, doc: Postmortem | None) -> None:
        super().load(doc)
        if doc is not None:
            self.acknowledgements.load(doc.acknowledgements)
