"""The open document's side of the main window: the section outline beside the tabs (the editor's
pages, the features' pages, the report).

The main window builds it when a document is first opened (or first asked for), not at start-up:
the editor's pages and the features' pages cost more than the rest of the window together, and
nobody sees them before a document is open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QWidget

from ui.document_view import DocumentView
from ui.editor import DocumentEditor
from ui.editor.outline import SectionOutline

if TYPE_CHECKING:
    from app.model import Postmortem
    from ui.editor.row_section import EditorHost

#: the outline in document order: editor pages, diagrams, sign-off, then the report
SECTION_ORDER = (
    "header",
    "summary",
    "timeline",
    "analysis",
    "whys",
    "ishikawa",
    "actions",
    "lessons",
    "parking",
    "annexes",
    "signoff",
    "report",
)


class DocumentArea:
    """The outline and the tabs; ``widget`` is what the window shows."""

    def __init__(self, host: EditorHost, today: Callable[[], date]) -> None:
        self.host = host
        self.today = today
        self.view = DocumentView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("documentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, "")
        self.editor = DocumentEditor(host, self.tabs, today)
        self.outline = SectionOutline(self.tabs)
        self.widget = QWidget()
        self.widget.setObjectName("documentArea")
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.outline)
        layout.addWidget(self.tabs, 1)
        self.tabs.setCurrentIndex(0)
        #: pages the features added, by outline key
        self.feature_pages: dict[str, QWidget] = {}

    def arrange(self) -> None:
        pages: dict[str, QWidget | None] = {
            **self.editor.containers,
            **self.feature_pages,
            "report": self.view,
        }
        self.outline.arrange([(key, pages.get(key)) for key in SECTION_ORDER])

    def rebuild_editor(self, doc: Postmortem | None) -> None:
        """Editor pages are built in the interface language: rebuild them after a switch."""
        current = self.tabs.currentIndex()
        for page, _name, _title in self.editor.pages:
            index = self.tabs.indexOf(page.parentWidget().parentWidget())
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            widget.deleteLater()
        self.editor = DocumentEditor(self.host, self.tabs, self.today)
        self.editor.load(doc)
        self.arrange()
        self.tabs.setCurrentIndex(max(0, current))
