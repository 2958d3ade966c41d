"""How the main window keeps sight of a running meeting, and how it quits with one.

The meeting's windows stay bound to their document whatever the main window opens next (New,
Open, another postmortem in the list). While they are open, the main window's status bar says
"Meeting running — step 3 of 5, 12:40 left" with a button back to it. Quit (the menu, or
closing the main window) asks first when a meeting is running, then closes every window and
ends the process; the meeting stays saved and Start meeting resumes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from app.meeting.timer import Phase, format_clock
from ui.meeting.feedback import ask

if TYPE_CHECKING:
    from app.meeting.meeting import Meeting

REFRESH_MS = 1000


def running(meeting: Meeting | None) -> bool:
    return meeting is not None and meeting.timer.started and not meeting.timer.finished


class MeetingStatus(QWidget):
    """A permanent status-bar item of the main window while the meeting's windows are open."""

    def __init__(
        self, current: Callable[[], Meeting | None], back: Callable[[], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingStatusLink")
        self.current = current
        self.text = QLabel()
        self.text.setObjectName("meetingStatusText")
        self.back = QPushButton(self.tr("Back to the meeting"))
        self.back.setObjectName("meetingBack")
        self.back.clicked.connect(back)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.back)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        meeting = self.current()
        self.setVisible(meeting is not None)
        if meeting is None:
            return
        timer = meeting.timer
        phase = timer.phase()
        step, steps = timer.current + 1, len(timer.steps)
        remaining = timer.remaining_ms()
        left = (
            self.tr("{0} left").format(timer.countdown())
            if remaining >= 0
            else self.tr("{0} over").format(format_clock(-remaining))
        )
        if phase == Phase.FINISHED:
            text = self.tr("Meeting ended — {0}").format(meeting.doc.title)
        elif phase == Phase.NOT_STARTED:
            text = self.tr("Meeting ready — {0}").format(meeting.doc.title)
        elif phase == Phase.PAUSED:
            text = self.tr("Meeting paused — step {0} of {1}, {2}").format(step, steps, left)
        else:
            text = self.tr("Meeting running — step {0} of {1}, {2}").format(step, steps, left)
        self.text.setText(text)


class QuitGuard(QObject):
    """Quit with a meeting open: ask when it runs, then close every window and end the app."""

    def __init__(
        self, window: Any, current: Callable[[], Meeting | None], close_meeting: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.current = current
        self.close_meeting = close_meeting
        self.quitting = False
        self.handle: QObject | None = None
        action = window.quit_action
        try:
            action.triggered.disconnect(window.close)
        except (RuntimeError, TypeError):
            action.triggered.disconnect()
        action.triggered.connect(self.quit)
        window.installEventFilter(self)
        if window.isVisible():
            self.eventFilter(window, QEvent(QEvent.Type.Show))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the main window by its title bar with a meeting open is a Quit.

        The title bar's close reaches the window's ``QWindow`` first (``QWidget.close`` from
        code does not), so the guard watches that handle once the window is shown.
        """
        if watched is self.window and event.type() == QEvent.Type.Show:
            handle = self.window.windowHandle()
            if handle is not None and handle is not self.handle:
                self.handle = handle
                handle.installEventFilter(self)
        elif (
            watched is self.handle
            and event.type() == QEvent.Type.Close
            and not self.quitting
            and self.current() is not None
        ):
            event.ignore()
            QTimer.singleShot(0, self.quit)
            return True
        return False

    def quit(self) -> None:
        meeting = self.current()
        if not running(meeting):
            self.quit_now()
            return
        assert meeting is not None
        ask(
            self.window,
            self.tr("Quit Postmortem Studio"),
            self.tr(
                "A meeting is running (step {0} of {1}). Quit anyway?\n"
                "The meeting stays saved: Meeting ▸ Start meeting resumes it on this postmortem."
            ).format(meeting.timer.current + 1, len(meeting.timer.steps)),
            self.tr("Quit"),
            self.quit_now,
            name="quitQuestion",
        )

    def quit_now(self) -> None:
        self.quitting = True
        if not self.window.close():  # the main window may keep unsaved edits: it asks
            self.quitting = False
            return
        self.close_meeting()
        QApplication.closeAllWindows()
        QApplication.quit()
