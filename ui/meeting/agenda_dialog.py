"""The agenda of a meeting about to start: a built-in or saved template, its steps (title and
minutes) adjustable for this meeting, savable as a template."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.meeting.agenda import Agenda, AgendaStep, all_templates, save_template
from app.meeting.timer import MINUTE
from app.store import Store
from ui.preferences import current_preferences


class AgendaDialog(QDialog):
    """Choose a template and adjust its steps (title and minutes) for this meeting."""

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.language = language
        self.setObjectName("agendaDialog")
        self.setWindowTitle(self.tr("Start the meeting"))
        self.resize(640, 420)
        self.templates = QComboBox()
        self.templates.setObjectName("agendaTemplates")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("agendaSteps")
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Minutes")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.error = QLabel()
        self.error.setObjectName("agendaError")
        self.error.setStyleSheet("color: #8e1f1a;")
        self.error.setWordWrap(True)
        add = QPushButton(self.tr("Add a step"))
        add.clicked.connect(lambda: self._add_row(AgendaStep(self.tr("New step"), 5 * MINUTE)))
        remove = QPushButton(self.tr("Remove the step"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        save = QPushButton(self.tr("Save as template…"))
        save.setObjectName("agendaSaveTemplate")
        save.clicked.connect(self._save_template)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (add, remove, save):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.templates)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.loaded: list[Agenda] = []
        self._reload_templates()
        self.templates.currentIndexChanged.connect(self._show_template)
        self.table.itemChanged.connect(self._update_total)
        preferred = self.templates.findText(current_preferences().agenda_template)
        self.templates.setCurrentIndex(max(0, preferred))
        self._show_template(self.templates.currentIndex())

    def _reload_templates(self) -> None:
        self.loaded = all_templates(self.store, self.language)
        self.templates.blockSignals(True)
        self.templates.clear()
        self.templates.addItems([agenda.name for agenda in self.loaded])
        self.templates.blockSignals(False)

    def _add_row(self, step: AgendaStep) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(step.title)
        item.setData(256, step)  # Qt.UserRole: keeps purpose, prompts and key
        self.table.setItem(row, 0, item)
        spin = QSpinBox()
        spin.setRange(0, 24 * 60)
        spin.setValue(round(step.duration_ms / MINUTE))
        spin.valueChanged.connect(self._update_total)
        self.table.setCellWidget(row, 1, spin)
        self._update_total()

    def _show_template(self, index: int) -> None:
        self.table.setRowCount(0)
        if 0 <= index < len(self.loaded):
            for step in self.loaded[index].steps:
                self._add_row(step)

    def _update_total(self, *_args: object) -> None:
        minutes = sum(step.duration_ms for step in self.agenda().steps) // MINUTE
        self.total.setText(self.tr("Total: {0} min").format(minutes))

    def agenda(self) -> Agenda:
        steps = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            spin = self.table.cellWidget(row, 1)
            original: AgendaStep | None = item.data(256) if item else None
            minutes = spin.value() if isinstance(spin, QSpinBox) else 0
            steps.append(
                AgendaStep(
                    title=item.text() if item else "",
                    duration_ms=minutes * MINUTE,
                    purpose=original.purpose if original else "",
                    prompts=list(original.prompts) if original else [],
                    key=original.key if original else "",
                )
            )
        return Agenda(self.templates.currentText(), steps)

    def _save_template(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"), self.tr("Name"))
        if not ok:
            return
        agenda = self.agenda()
        agenda.name = name
        try:
            save_template(self.store, agenda)
        except PostmortemError as error:
            self.error.setText(str(error))
            return
        self._reload_templates()
        self.templates.setCurrentText(name)

    def _accept(self) -> None:
        try:
            self.agenda().check()
        except PostmortemError as error:
            self.error.setText(str(error))
            return
        self.accept()
