"""View ▸ Action tracker and View ▸ Metrics dashboard: windows over all postmortems."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from app.model import Postmortem
from app.session import DocumentSession

if TYPE_CHECKING:
    from ui.dashboard import DashboardWidget
    from ui.main_window import MainWindow
    from ui.tracker import TrackerWidget


class TrackingFeature:
    """Owns the two windows; each is created (and its module imported) on first use, and
    refreshed when shown again."""

    def __init__(self, window: MainWindow, today: Callable[[], date] = date.today) -> None:
        self.window = window
        self.today = today
        self.tracker_window: QMainWindow | None = None
        self.dashboard_window: QMainWindow | None = None
        self.tracker: TrackerWidget | None = None
        self.dashboard: DashboardWidget | None = None
        view = window.menus["view"]
        self.tracker_action = QAction(window.tr("Action &tracker"), window)
        self.tracker_action.setObjectName("actionTrackerAction")
        self.tracker_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.tracker_action.triggered.connect(self.show_tracker)
        self.dashboard_action = QAction(window.tr("Metrics &dashboard"), window)
        self.dashboard_action.setObjectName("metricsDashboardAction")
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.dashboard_action.triggered.connect(self.show_dashboard)
        view.addAction(self.tracker_action)
        view.addAction(self.dashboard_action)
        window.document_opened.connect(self._follow)
        self.closer = _CloseWith(self)
        window.installEventFilter(self.closer)
        window.destroyed.connect(self.close_windows)
        # The dashboard follows edits once typing pauses rather than after every keystroke;
        # only the edited postmortem is read again.
        self.dashboard_timer = QTimer(window)
        self.dashboard_timer.setSingleShot(True)
        self.dashboard_timer.setInterval(600)
        self.dashboard_timer.timeout.connect(self._update_dashboard)
        self._edited: dict[str, Postmortem] = {}

    def _follow(self, session: DocumentSession) -> None:
        """Edits made in the editor show in the open tracker at once, in the dashboard shortly."""
        if self.tracker is not None:
            self.tracker.model.watch(session.doc.id)
        session.subscribe(lambda doc, _description: self._document_changed(doc))

    def _document_changed(self, doc: Postmortem) -> None:
        tracker, dashboard = self.tracker, self.dashboard
        if tracker is not None and self.tracker_window and self.tracker_window.isVisible():
            tracker.postmortem_changed(doc.id)
        if dashboard is not None and self.dashboard_window and self.dashboard_window.isVisible():
            self._edited[doc.id] = doc
            self.dashboard_timer.start()

    def _update_dashboard(self) -> None:
        edited, self._edited = self._edited, {}
        if self.dashboard is not None:
            for doc in edited.values():
                self.dashboard.postmortem_changed(doc)

    def close_windows(self) -> None:
        for frame in (self.tracker_window, self.dashboard_window):
            if frame is not None:
                frame.close()
                frame.deleteLater()
        self.tracker_window = self.dashboard_window = None
        self.tracker = None
        self.dashboard = None

    def _frame(self, title: str, body: QWidget, size: tuple[int, int]) -> QMainWindow:
        """A window of its own (not kept above the main window, so "open postmortem" can bring
        the main window to the front); it closes with the main window."""
        frame = QMainWindow()
        frame.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        frame.setWindowTitle(title)
        frame.setCentralWidget(body)
        frame.resize(*size)
        return frame

    def show_tracker(self) -> TrackerWidget:
        if self.tracker is None or self.tracker_window is None:
            from ui.tracker import TrackerWidget

            self.tracker = TrackerWidget(self.window, self.today)
            if self.window.session is not None:
                self.tracker.model.watch(self.window.session.doc.id)
            self.tracker_window = self._frame(
                self.window.tr("Action tracker — Postmortem Studio"), self.tracker, (1180, 640)
            )
        else:
            self.tracker.reload()
        self.tracker_window.show()
        self.tracker_window.raise_()
        return self.tracker

    def show_dashboard(self) -> DashboardWidget:
        if self.dashboard is None or self.dashboard_window is None:
            from ui.dashboard import DashboardWidget

            self.dashboard = DashboardWidget(self.window.store, self.today, self.window.show_error)
            self.dashboard_window = self._frame(
                self.window.tr("Metrics dashboard — Postmortem Studio"),
                self.dashboard,
                (1100, 760),
            )
        else:
            self.dashboard.refresh()
        self.dashboard_window.show()
        self.dashboard_window.raise_()
        return self.dashboard


class _CloseWith(QObject):
    """Closes the tracker and dashboard when the main window closes."""

    def __init__(self, feature: TrackingFeature) -> None:
        super().__init__(feature.window)
        self.feature = feature

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            for frame in (self.feature.tracker_window, self.feature.dashboard_window):
                if frame is not None:
                    frame.close()
        return False


FEATURE = TrackingFeature
