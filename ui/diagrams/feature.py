"""The "5 Whys" and "Ishikawa" document tabs, and File ▸ Export diagram as PNG / SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from app.diagrams.graph import ISHIKAWA, WHYS
from app.errors import PostmortemError
from app.session import DocumentSession
from ui.diagrams.canvas import DiagramView

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
        self.view = DiagramView(kind, window=window)
        answer = self.tr("Shift+F2: answer · ") if kind == WHYS else ""
        hint = QLabel(QCoreApplication.translate("DiagramPage", HINT).format(answer=answer))
        hint.setWordWrap(True)
        hint.setObjectName("diagramHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)


def install(window: Any) -> None:
    pages = {WHYS: DiagramPage(WHYS, window), ISHIKAWA: DiagramPage(ISHIKAWA, window)}
    window.diagram_pages = pages
    window.document_tabs.addTab(pages[WHYS], window.tr("5 Whys"))
    window.document_tabs.addTab(pages[ISHIKAWA], window.tr("Ishikawa"))

    def opened(session: DocumentSession) -> None:
        for page in pages.values():
            page.view.set_session(session)

    def closed() -> None:
        for page in pages.values():
            page.view.set_session(None)

    window.document_opened.connect(opened)
    window.document_closed.connect(closed)

    def current_kind() -> str:
        widget = window.document_tabs.currentWidget()
        return ISHIKAWA if widget is pages[ISHIKAWA] else WHYS

    def export(fmt: str) -> None:
        if window.session is None:
            window.show_error(window.tr("Open a postmortem first, then export its diagram."))
            return
        kind = current_kind()
        suggested = f"{kind}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            window, window.tr("Export the diagram"), suggested, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            export_diagram(window, kind, fmt, Path(path))

    menu = window.menus["file"]
    anchor = _after_imports(menu.actions())
    for fmt in ("png", "svg"):
        action = QAction(window.tr("Export diagram as {0}…").format(fmt.upper()), window)
        action.setObjectName(f"exportDiagram{fmt.upper()}")
        action.triggered.connect(lambda _checked=False, f=fmt: export(f))
        if anchor is None:
            menu.addAction(action)
        else:
            menu.insertAction(anchor, action)


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
    from argparse import Namespace

    from app.diagrams.svg_export import export_svg
    from ui.diagrams.export import export_png

    exporter = export_png if fmt == "png" else export_svg
    try:
        exporter(window.session.doc, path, Namespace(diagram=kind))
    except PostmortemError as error:
        window.show_error(str(error))
        return False
    return True
