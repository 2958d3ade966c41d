"""The team's own account: titled narrative sections (trigger, detection, response, …).

A table of titles, in the order the report prints them, and the selected section's text
(Markdown as written) below it. Every edit is one named, undoable change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.model import NarrativeSection
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.row_text import RowsWithText
from ui.editor.rows import Column

KINDS = ("leadup", "trigger", "fault", "detection", "response", "recovery", "resolution",
         "impact", "assessment", "background", "investigation")  # fmt: skip


class NarrativeGroup(RowsWithText):
    def __init__(self, host: EditorHost) -> None:
        kinds = [("—", ""), *((self._kind_label(kind), kind) for kind in KINDS)]
        rows = RowSection(
            host,
            "narrative",
            [
                Column("title", self.tr("Title"), required=True),
                Column("kind", self.tr("Part"), "choice", kinds, convert=_or_empty, width=130),
            ],
            lambda _doc, _pos: NarrativeSection(title=self.tr("New section")),
            min_rows=3,
        )
        super().__init__(
            host,
            rows,
            text_field="text",
            prompt=self.tr("Select a section to edit its text."),
            caption=self.tr("Text of “{0}”"),
        )
        self.text.setObjectName("field_narrative_text")
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


def _or_empty(value: str | None) -> str:
    return value or ""
