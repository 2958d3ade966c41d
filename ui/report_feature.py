"""File ▸ Export report as PDF / Collect signed PDF, Document ▸ Sign off / Reopen, and the
"Sign-off" document tab (``ui.signoff_page``, built with the window's document side).

Every opened session gets the sign-off workflow hook, so any edit marks sign-offs stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.model import Postmortem
    from app.session import DocumentSession
    from ui.main_window import MainWindow
    from ui.signoff_page import SignoffPage


class ReportFeature:
    """The PDF and sign-off actions at once; the Sign-off page with the document side."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._page: SignoffPage | None = None
        window.document_opened.connect(self._opened)
        window.document_closed.connect(self._closed)
        export = QAction(window.tr("Export report as PDF…"), window)
        export.setObjectName("exportReportPdf")
        export.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_P))
        export.triggered.connect(self._on_page(lambda page: page.choose_export()))
        window.menus["file"].addAction(export)
        gather = QAction(window.tr("Collect signed PDF…"), window)
        gather.setObjectName("collectSignedPdf")
        gather.triggered.connect(self._on_page(lambda page: page.choose_collect()))
        window.menus["file"].addAction(gather)
        sign = QAction(window.tr("Sign off…"), window)
        sign.setObjectName("signOffAction")
        sign.triggered.connect(self._on_page(lambda page: page.ask_signoff()))
        again = QAction(window.tr("Reopen approved report"), window)
        again.setObjectName("reopenAction")
        again.triggered.connect(self._on_page(lambda page: page.reopen()))
        window.menus["document"].addAction(sign)
        window.menus["document"].addAction(again)

    def _on_page(self, act: Callable[[SignoffPage], object]) -> Callable[[], None]:
        """A menu action's slot: the page is built (with the document side) on first use."""

        def slot() -> None:
            act(self.page)

        return slot

    @property
    def page(self) -> SignoffPage:
        self.window.document_side()  # the page is built with the document side
        page = self._page
        assert page is not None
        return page

    def add_pages(self) -> dict[str, QWidget]:
        from ui.signoff_page import SignoffPage

        page = self._page = SignoffPage(self.window)
        self.window.document_tabs.addTab(page, self.window.tr("Sign-off"))
        page.show_document(self.window.current)
        return {"signoff": page}

    def _opened(self, session: DocumentSession) -> None:
        from app.signoff import install_signoff_workflow

        install_signoff_workflow(session)
        session.subscribe(lambda doc, _description: self._show(doc))
        self._show(session.doc)

    def _closed(self) -> None:
        self._show(None)

    def _show(self, doc: Postmortem | None) -> None:
        if self._page is not None:
            self._page.show_document(doc)


FEATURE = ReportFeature
