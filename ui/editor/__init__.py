"""The document editor: one page per section group of the postmortem (see ``outline``).

Every page reads the open document in ``load(doc)`` (called on opening and after each change)
and writes through the host's ``apply_change``. The pages are imported when the editor is built
(the first document opened), so importing a light module of this package (``labels``) at
start-up does not load them all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

if TYPE_CHECKING:
    from app.model import Postmortem
    from ui.editor.row_section import EditorHost


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class DocumentEditor(QObject):
    """Creates the section pages as tabs of ``tabs`` and keeps them in step with the document."""

    def __init__(
        self, host: EditorHost, tabs: QTabWidget, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        from ui.editor.actions import ActionsPage
        from ui.editor.analysis import AnalysisPage
        from ui.editor.annexes import AnnexesPage
        from ui.editor.header import HeaderPage
        from ui.editor.lessons import LessonsPage
        from ui.editor.parking import ParkingLotPage
        from ui.editor.summary import SummaryPage
        from ui.editor.timeline import TimelinePage

        self.header = HeaderPage(host)
        self.summary = SummaryPage(host)
        self.timeline = TimelinePage(host)
        self.analysis = AnalysisPage(host)
        self.actions = ActionsPage(host, today)
        self.lessons = LessonsPage(host)
        self.annexes = AnnexesPage(host)
        self.parking = ParkingLotPage(host)
        self.pages: list[tuple[QWidget, str, str]] = [
            (self.header, "headerTab", self.tr("Header")),
            (self.summary, "summaryTab", self.tr("Summary and impact")),
            (self.timeline, "timelineTab", self.tr("Timeline")),
            (self.analysis, "analysisTab", self.tr("Analysis")),
            (self.actions, "actionsTab", self.tr("Actions")),
            (self.lessons, "lessonsTab", self.tr("Lessons")),
            (self.parking, "parkingTab", self.tr("Parking lot")),
            (self.annexes, "annexesTab", self.tr("Annexes")),
        ]
        #: section key (as in ``app.section_status``) → the page shown in ``tabs``
        self.containers: dict[str, QWidget] = {}
        for position, (page, name, title) in enumerate(self.pages):
            page.setObjectName(name)
            container = _scrolling(page)
            self.containers[name.removesuffix("Tab")] = container
            tabs.insertTab(position, container, title)

    def load(self, doc: Postmortem | None) -> None:
        for page, _name, _title in self.pages:
            page.load(doc)  # type: ignore[attr-defined]
