"""The Meeting menu: start (or resume) the meeting of the open postmortem.

The meeting's windows belong to its document, not to what the main window shows: opening or
creating another postmortem leaves them running (``ui.meeting.window_link`` shows the meeting
in the main window's status bar, with a way back, and guards Quit).

"Start meeting…" asks for an agenda (a built-in or saved template, editable for this meeting,
savable as a template), then opens the presenter view — full screen on a second screen when
there is one — and the facilitator's control panel. A meeting saved for the document (the app
was closed or crashed mid-meeting) is offered for resuming, with its time still running.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.meeting.agenda import Agenda, AgendaStep, all_templates, save_template
from app.meeting.clock import SystemClock
from app.meeting.meeting import Meeting
from app.meeting.timer import MINUTE, Clock
from app.store import Store
from ui.meeting.window_link import MeetingStatus, QuitGuard
from ui.preferences import current_preferences

if TYPE_CHECKING:  # the meeting screens are imported when a meeting first opens
    from ui.meeting.control_panel import ControlPanel
    from ui.meeting.presenter_view import PresenterView


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


class MeetingFeature:
    """Opens the meeting windows for the main window's open document."""

    def __init__(self, window: Any, clock: Clock | None = None) -> None:
        self.window = window
        self.clock: Clock = clock or SystemClock()
        self.panel: ControlPanel | None = None
        self.presenter: PresenterView | None = None
        self.dock: QDockWidget | None = None
        self.action = QAction(window.tr("Start meeting…"), window)
        self.action.setObjectName("startMeeting")
        self.action.triggered.connect(self.start)
        self.action.setEnabled(window.session is not None)
        window.menus["meeting"].addAction(self.action)
        window.document_opened.connect(self._document_opened)
        window.document_closed.connect(self._document_closed)
        self.status = MeetingStatus(self.meeting, self.back_to_meeting, window)
        window.statusBar().addPermanentWidget(self.status)
        self.quit_guard = QuitGuard(window, self.meeting, self.close)

    def meeting(self) -> Meeting | None:
        """The meeting whose windows are open, whatever document the main window shows."""
        return self.panel.meeting if self.panel is not None else None

    def back_to_meeting(self) -> None:
        """Show the meeting's document in the main window and bring its windows forward."""
        meeting = self.meeting()
        if meeting is None:
            return
        if self.window.session is None or self.window.session.doc.id != meeting.doc.id:
            self.window.open_document(meeting.doc.id)
            self.window.select(meeting.doc.id)
        for widget in (self.presenter, self.panel if self.dock is None else None):
            if widget is not None:
                widget.show()
                widget.raise_()
        if self.panel is not None:
            self.panel.activateWindow()
            self.panel.setFocus()

    def start(self) -> None:
        session = self.window.session
        if session is None:
            return
        current = self.meeting()
        if current is not None and current.doc.id == session.doc.id:
            self.back_to_meeting()
            return
        if self._another_meeting_open():
            return
        try:
            saved = Meeting.restore(session, self.clock)
        except PostmortemError as error:
            self.window.show_error(str(error))
            saved = None
        if saved is not None and not saved.timer.finished and self._resume_wanted():
            self.open(saved)
            return
        dialog = AgendaDialog(session.store, session.doc.language, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_with(dialog.agenda())

    def _another_meeting_open(self) -> bool:
        """One meeting at a time: say so when another one is still open."""
        current = self.meeting()
        if current is None or current.timer.finished:
            return False
        self.window.show_error(
            self.window.tr(
                "A meeting of “{0}” is open; end it (or close its controls) before starting "
                "another."
            ).format(current.doc.title)
        )
        return True

    def _resume_wanted(self) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.window.tr("Meeting in progress"),
            self.window.tr("A meeting of this postmortem is in progress. Resume it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_with(self, agenda: Agenda) -> Meeting | None:
        session = self.window.session
        if session is None:
            return None
        if self._another_meeting_open():
            return None
        try:
            meeting = Meeting.plan(session, agenda, self.clock)
            meeting.save()
        except PostmortemError as error:
            self.window.show_error(str(error))
            return None
        self.open(meeting)
        return meeting

    def open(self, meeting: Meeting, docked: bool | None = None) -> None:
        """Show the presenter view and the controls.

        With a second screen, the presenter view goes full screen there and the controls dock
        into the main window (``docked`` forces either layout).
        """
        from ui.meeting.control_panel import ControlPanel
        from ui.meeting.presenter_view import PresenterView

        self.close()
        self.presenter = PresenterView(meeting)
        self.panel = ControlPanel(meeting, self.presenter, self.window)
        self.panel.closed.connect(self._panel_gone)
        screens = QGuiApplication.screens()
        if docked is None:
            docked = len(screens) > 1
        if len(screens) > 1:
            # The second screen is the one shared with the room.
            self.presenter.setGeometry(screens[1].geometry())
            self.presenter.showFullScreen()
        else:
            self.presenter.resize(1280, 720)
            self.presenter.show()
        if docked:
            self.dock = QDockWidget(self.window.tr("Meeting controls"), self.window)
            self.dock.setObjectName("meetingDock")
            self.dock.setWidget(self.panel)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.show()
            self.window.activateWindow()
        else:
            self.panel.show()
            self.panel.activateWindow()
        self.panel.setFocus()
        self._refresh_status()

    def _refresh_status(self) -> None:
        if shiboken6.isValid(self.status):
            self.status.refresh()

    def _panel_gone(self) -> None:
        """The facilitator closed the controls: the meeting stays saved, its windows go."""
        if self.dock is not None:
            self.window.removeDockWidget(self.dock)
            self.dock.deleteLater()
        self.panel = None
        self.presenter = None
        self.dock = None
        self._refresh_status()

    def close(self) -> None:
        """Close the meeting's windows (the meeting stays saved)."""
        panel = self.panel
        if panel is not None:
            panel.close()  # says so: _panel_gone
        if self.panel is panel:
            self._panel_gone()

    def _document_opened(self, session: Any) -> None:
        self.action.setEnabled(True)
        if self.panel is not None:
            self.panel.rebind(session)

    def _document_closed(self) -> None:
        """Another document replaces this one in the main window: the meeting goes on."""
        self.action.setEnabled(False)


FEATURE = MeetingFeature
