"""The parking lot: topics set aside during the meeting, to follow up after it.

The meeting's capture panel appends to the same list (``Postmortem.parking_lot``); here it is
listed and edited like any other section, one topic per line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.edits import set_field
from app.model import Postmortem
from ui.editor.row_section import EditorHost
from ui.editor.widgets import LinesEdit, titled


class ParkingLotPage(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.topics = LinesEdit()
        self.topics.setObjectName("field_parking_lot")
        self.topics.setPlaceholderText(
            self.tr("A question or topic to follow up after the meeting, one per line.")
        )
        self.topics.committed_lines.connect(
            lambda lines: host.apply_change(set_field("parking_lot", lines))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            titled(
                self.tr("Parking lot / follow-ups"),
                self.topics,
                self.tr(
                    "Topics parked during the meeting appear here; they are printed in the "
                    "report and exported with it. One topic per line."
                ),
            ),
            1,
        )

    def load(self, doc: Postmortem | None) -> None:
        if doc is None:
            return
        self.topics.load_lines(doc.parking_lot)
