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
from PySide6.QtWidgets import QDialog, QDockWidget, QMessageBox

from app.errors import PostmortemError
from app.meeting.clock import SystemClock
from ui.meeting.window_link import MeetingStatus, QuitGuard

if TYPE_CHECKING:  # the meeting screens are imported when a meeting first opens
    from app.meeting.agenda import Agenda
    from app.meeting.meeting import Meeting
    from app.meeting.timer import Clock
    from ui.meeting.control_panel import ControlPanel
    from ui.meeting.presenter_view import PresenterView


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
        from app.meeting.meeting import Meeting
        from ui.meeting.agenda_dialog import AgendaDialog

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
        from app.meeting.meeting import Meeting

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
