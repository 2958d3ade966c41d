"""The "5 Whys" and "Ishikawa" document tabs, and File ▸ Export diagram as PNG / SVG.

The menu is there from the start; the canvas (and networkx, the layouts) load with the pages,
when the first document is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from app.diagrams.graph import ISHIKAWA, WHYS
from app.errors import PostmortemError
from app.session import DocumentSession

if TYPE_CHECKING:
    from ui.main_window import MainWindow

HINT = QT_TRANSLATE_NOOP(
    "DiagramPage",
    "Tab: add child · Enter: add sibling · F2: rename · {answer}R: root cause · Del: delete · "
    "arrows: nearest box · Alt+arrows: parent/child/sibling · drag a box onto another to move "
    "it · Ctrl+wheel / Ctrl+0: zoom / fit",
)


class DiagramPage(QWidget):
    """A diagram tab: a one-line key reminder above the canvas."""

    def __init__(self, kind: str, window: Any) -> None:
        super().__init__()
        from ui.diagrams.canvas import DiagramView

        self.view = DiagramView(kind, window=window)
        answer = self.tr("Shift+F2: answer · ") if kind == WHYS else ""
        hint = QLabel(QCoreApplication.translate("DiagramPage", HINT).format(answer=answer))
        hint.setWordWrap(True)
        hint.setObjectName("diagramHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)


class DiagramFeature:
    """The export actions at once; the two pages when the window builds its document side."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pages: dict[str, DiagramPage] = {}
        menu = window.menus["file"]
        anchor = _after_imports(menu.actions())
        for fmt in ("png", "svg"):
            action = QAction(window.tr("Export diagram as {0}…").format(fmt.upper()), window)
            action.setObjectName(f"exportDiagram{fmt.upper()}")
            action.triggered.connect(lambda _checked=False, f=fmt: self.export(f))
            if anchor is None:
                menu.addAction(action)
            else:
                menu.insertAction(anchor, action)

    def add_pages(self) -> dict[str, QWidget]:
        window = self.window
        self.pages = {WHYS: DiagramPage(WHYS, window), ISHIKAWA: DiagramPage(ISHIKAWA, window)}
        window.outline.add_page(self.pages[WHYS], lambda: window.tr("5 Whys"))
        window.outline.add_page(self.pages[ISHIKAWA], lambda: window.tr("Ishikawa"))
        window.document_opened.connect(self._opened)
        window.document_closed.connect(self._closed)
        if window.session is not None:
            self._opened(window.session)
        return dict(self.pages)

    def _opened(self, session: DocumentSession) -> None:
        for page in self.pages.values():
            page.view.set_session(session)

    def _closed(self) -> None:
        for page in self.pages.values():
            page.view.set_session(None)

    def current_kind(self) -> str:
        """The diagram shown, or the 5 Whys when neither is."""
        widget = self.window.document_tabs.currentWidget()
        return ISHIKAWA if widget is self.pages.get(ISHIKAWA) else WHYS

    def export(self, fmt: str) -> None:
        window = self.window
        if window.session is None:
            window.show_error(window.tr("Open a postmortem first, then export its diagram."))
            return
        kind = self.current_kind()
        suggested = f"{kind}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            window, window.tr("Export the diagram"), suggested, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            export_diagram(window, kind, fmt, Path(path))


FEATURE = DiagramFeature


def _after_imports(actions: list[Any]) -> Any:
    """The separator that closes the File menu's import group: exports go just before it."""
    seen_import = False
    for action in actions:
        if "import" in action.text().lower():
            seen_import = True
        elif seen_import and action.isSeparator():
            return action
    return None


def export_diagram(window: Any, kind: str, fmt: str, path: Path) -> bool:
    """Write the open document's ``kind`` diagram; errors are shown, never raised."""
    from app.formats import ExportOptions, export_format

    try:
        export_format(fmt).export(window.session.doc, path, ExportOptions(diagram=kind))
    except PostmortemError as error:
        window.show_error(str(error))
        return False
    return True
