"""Summary and impact: what happened in a paragraph, and what it cost (met/missed objectives)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.edits import set_field
from app.model import ImpactRow, Postmortem
from app.objectives import objective_met
from ui.editor.narrative import NarrativeGroup
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column
from ui.editor.widgets import TextEdit, titled


class SummaryPage(QWidget):
    def __init__(self, host: EditorHost) -> None:
        super().__init__()
        self.host = host
        self.summary = TextEdit()
        self.summary.setObjectName("field_summary")
        self.summary.setPlaceholderText(
            self.tr("What happened, who was affected, how it was resolved (3–5 sentences).")
        )
        self.summary.committed.connect(lambda text: host.apply_change(set_field("summary", text)))
        self.impact = RowSection(
            host,
            "impact",
            [
                Column("metric", self.tr("Metric")),
                Column("value", self.tr("Value"), width=160),
                Column("target", self.tr("Target"), width=160),
                Column(
                    "objective", self.tr("Objective"), "computed", compute=self._verdict, width=110
                ),
            ],
            lambda _doc, _pos: ImpactRow(metric=self.tr("New metric")),
            min_rows=5,
        )
        self.narrative = NarrativeGroup(host)
        layout = QVBoxLayout(self)
        layout.addWidget(titled(self.tr("Summary"), self.summary))
        layout.addWidget(
            titled(
                self.tr("Narrative"),
                self.narrative,
                self.tr("The account in the team's words: trigger, detection, response…"),
            ),
            1,
        )
        layout.addWidget(
            titled(
                self.tr("Impact"),
                self.impact,
                self.tr("Durations such as RTO or RPO show whether the target was met."),
            )
        )

    def _verdict(self, row: Any) -> tuple[str, QColor | None, str]:
        met = objective_met(row)
        if met is None:
            return "", None, ""
        if met:
            return (
                "✔ " + self.tr("Met"),
                QColor("#1e8449"),
                self.tr("The value is within the target."),
            )
        return "✖ " + self.tr("Missed"), QColor("#c0392b"), self.tr("The value exceeds the target.")

    def load(self, doc: Postmortem | None) -> None:
        if doc is None:
            return
        self.summary.load(doc.summary)
        self.narrative.load(doc)
        self.impact.load(doc)
