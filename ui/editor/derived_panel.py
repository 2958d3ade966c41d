"""Derived times, recomputed after every edit, and the time problems they reveal."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.derived import derived_times, inconsistencies
from app.model import Postmortem
from app.timeutil import format_duration
from ui.design import SPACE, palette
from ui.flow_layout import FlowLayout


class DerivedPanel(QWidget):
    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        """``horizontal``: one line of label–value pairs (above a wide table)."""
        super().__init__(parent)
        self.setObjectName("derivedPanel")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        strip = FlowLayout(spacing=SPACE[4])
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("duration", self.tr("Duration")),
            ("time_to_detect", self.tr("Time to detect")),
            ("time_to_acknowledge", self.tr("Time to acknowledge")),
            ("time_to_mitigate", self.tr("Time to mitigate")),
            ("time_to_resolve", self.tr("Time to resolve")),
        ):
            value = QLabel("—")
            value.setObjectName(f"derived_{key}")
            self.values[key] = value
            if horizontal:  # "Duration: 12 min", pairs kept together, wrapping when narrow
                pair = QWidget()
                row = QHBoxLayout(pair)
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(SPACE[0])
                row.addWidget(QLabel(label + ":"))
                value.setStyleSheet("font-weight: bold;")
                row.addWidget(value)
                strip.addWidget(pair)
            else:
                form.addRow(label, value)
        self.problems = QLabel()
        self.problems.setObjectName("timeProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {palette().warning};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if horizontal:
            layout.addLayout(strip)
        else:
            layout.addLayout(form)
        layout.addWidget(self.problems)

    def load(self, doc: Postmortem | None) -> None:
        if doc is None:
            return
        times = derived_times(doc)
        for key, label in self.values.items():
            label.setText(format_duration(getattr(times, key)))
        problems = inconsistencies(doc)
        shown = problems[:6]
        if len(problems) > len(shown):
            shown.append(self.tr("… and {0} more.").format(len(problems) - len(shown)))
        self.problems.setText("\n".join(f"⚠ {self._translated(p)}" for p in shown))
        self.problems.setVisible(bool(shown))

    def _translated(self, problem: str) -> str:
        known = {
            "The incident is detected before it started.": self.tr(
                "The incident is detected before it started."
            ),
            "The incident is mitigated before it started.": self.tr(
                "The incident is mitigated before it started."
            ),
            "The incident is resolved before it started.": self.tr(
                "The incident is resolved before it started."
            ),
            "The incident is resolved before it is mitigated.": self.tr(
                "The incident is resolved before it is mitigated."
            ),
        }
        if problem in known:
            return known[problem]
        prefix, suffix = "Timeline entry '", "' is outside the incident window."
        if problem.startswith(prefix) and problem.endswith(suffix):
            event = problem[len(prefix) : -len(suffix)]
            return self.tr("Timeline entry '{0}' is outside the incident window.").format(event)
        return problem
