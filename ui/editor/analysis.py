"""Root cause, contributing factors, and what went well / wrong / where we got lucky."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app.edits import set_field
from app.model import Postmortem
from ui.editor.row_section import EditorHost
from ui.editor.widgets import LinesEdit, TextEdit, titled

LIST_FIELDS = ("contributing_factors", "went_well", "went_wrong", "lucky")


class AnalysisPage(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.root_cause = TextEdit()
        self.root_cause.setObjectName("field_root_cause")
        self.root_cause.committed.connect(
            lambda text: host.apply_change(set_field("root_cause", text))
        )
        self.lists: dict[str, LinesEdit] = {}
        for name in LIST_FIELDS:
            edit = LinesEdit()
            edit.setObjectName(f"field_{name}")
            edit.committed_lines.connect(
                lambda lines, attribute=name: host.apply_change(set_field(attribute, lines))
            )
            self.lists[name] = edit
        hint = self.tr("One item per line.")
        grid = QGridLayout()
        grid.addWidget(
            titled(self.tr("Contributing factors"), self.lists["contributing_factors"], hint), 0, 0
        )
        grid.addWidget(titled(self.tr("What went well"), self.lists["went_well"], hint), 0, 1)
        grid.addWidget(titled(self.tr("What went wrong"), self.lists["went_wrong"], hint), 1, 0)
        grid.addWidget(titled(self.tr("Where we got lucky"), self.lists["lucky"], hint), 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            titled(
                self.tr("Root cause"),
                self.root_cause,
                self.tr("The systemic cause, not a person: what made the failure possible?"),
            )
        )
        layout.addLayout(grid, 1)

    def load(self, doc: Postmortem | None) -> None:
        if doc is None:
            return
        self.root_cause.load(doc.root_cause)
        for name, edit in self.lists.items():
            edit.load_lines(getattr(doc, name))
