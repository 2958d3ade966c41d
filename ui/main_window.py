"""The main window: the postmortems of the database and the selected one."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.demo import add_demo
from app.errors import PostmortemError
from app.jsonio import document_from_json
from app.model import Postmortem
from app.session import Change, DocumentSession
from app.store import Store
from ui.document_view import DocumentView
from ui.features import FEATURES
from ui.postmortem_list import PostmortemListModel
from ui.session_bridge import SessionBridge
from ui.undo import push_change


class WelcomePage(QWidget):
    """Shown when the database has no postmortem: offers the demo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Postmortem Studio"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Your database has no postmortem yet.\n"
                "Open the demo — a payment-service outage — to see every section filled in."
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Open the demo postmortem"))
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.setDefault(True)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    """The shell: postmortem list on the left, the open document's tabs on the right.

    Features (``ui.features.FEATURES``) add menus and document tabs; they follow the open
    document through ``document_opened`` (with its ``DocumentSession``) and ``document_closed``,
    and make edits with ``apply_change`` (one undoable step, saved before it is shown).
    """

    document_opened = Signal(object)
    document_closed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.current: Postmortem | None = None
        self.session: DocumentSession | None = None
        self.bridge: SessionBridge | None = None
        self.last_error = ""
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Postmortem Studio"))
        self.resize(1280, 800)

        self.list_model = PostmortemListModel(store)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all postmortems…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("searchField")
        self.table = QTableView()
        self.table.setObjectName("postmortemTable")
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)

        self.welcome = WelcomePage()
        self.document_view = DocumentView()
        self.document_tabs = QTabWidget()
        self.document_tabs.setObjectName("documentTabs")
        self.document_tabs.setDocumentMode(True)
        self.document_tabs.addTab(self.document_view, self.tr("Report"))
        self.empty_selection = QLabel(self.tr("Select a postmortem to read it."))
        self.empty_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (self.welcome, self.empty_selection, self.document_tabs):
            self.pages.addWidget(page)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 800])
        self.setCentralWidget(splitter)

        self._build_menus()
        self.welcome.demo_button.clicked.connect(self.open_demo)
        self.search.textChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for feature in FEATURES:
            importlib.import_module(feature).install(self)
        self.refresh()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        edit_menu = bar.addMenu(self.tr("&Edit"))
        view_menu = bar.addMenu(self.tr("&View"))
        document_menu = bar.addMenu(self.tr("&Postmortem"))
        meeting_menu = bar.addMenu(self.tr("&Meeting"))
        help_menu = bar.addMenu(self.tr("&Help"))
        self.menus = {
            "file": file_menu,
            "edit": edit_menu,
            "view": view_menu,
            "document": document_menu,
            "meeting": meeting_menu,
            "help": help_menu,
        }
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        self.demo_action = QAction(self.tr("Add the &demo postmortem"), self)
        self.demo_action.triggered.connect(self.open_demo)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        about = QAction(self.tr("&About Postmortem Studio"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    @Slot()
    def refresh(self) -> None:
        selected = self.current.id if self.current else None
        try:
            self.list_model.refresh(self.search.text())
        except PostmortemError as error:
            self.show_error(str(error))
            return
        empty_database = not self.list_model.rows and not self.search.text()
        if empty_database:
            self.pages.setCurrentWidget(self.welcome)
            return
        if selected and self.list_model.row_of(selected) >= 0:
            self.select(selected)
        else:
            self.pages.setCurrentWidget(self.empty_selection)

    def select(self, postmortem_id: str) -> None:
        row = self.list_model.row_of(postmortem_id)
        if row >= 0:
            self.table.selectRow(row)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.close_document()
            self.pages.setCurrentWidget(self.empty_selection)
            return
        postmortem_id = rows[0].data(PostmortemListModel.ID_ROLE)
        if self.session is not None and self.session.doc.id == postmortem_id:
            return
        self.open_document(postmortem_id)

    def open_document(self, postmortem_id: str) -> None:
        try:
            session = DocumentSession.open(self.store, postmortem_id)
        except PostmortemError as error:
            self.show_error(str(error))
            return
        self.close_document()
        self.session = session
        self.current = session.doc
        self.bridge = SessionBridge(session, self)
        self.bridge.changed.connect(self._document_changed)
        self.document_view.show_document(self.current)
        self.pages.setCurrentWidget(self.document_tabs)
        self.document_opened.emit(session)

    def close_document(self) -> None:
        if self.session is None:
            return
        self.undo_stack.clear()
        if self.bridge is not None:
            self.bridge.deleteLater()
        self.session = None
        self.bridge = None
        self.current = None
        self.document_closed.emit()

    def apply_change(self, change: Change) -> bool:
        """Run an edit of the open document as one undoable step (False if refused)."""
        if self.session is None:
            return False
        return push_change(self.undo_stack, self.session, change, self.show_error)

    @Slot(str)
    def _document_changed(self, _description: str) -> None:
        if self.current is not None:
            self.document_view.show_document(self.current)
        self.list_model.refresh()

    @Slot()
    def open_demo(self) -> None:
        try:
            doc = add_demo(self.store)
        except PostmortemError as error:
            self.show_error(str(error))
            return
        self.search.clear()
        self.refresh()
        self.select(doc.id)

    @Slot()
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a postmortem"), "", self.tr("Postmortem files (*.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        try:
            doc = document_from_json(path.read_text(encoding="utf-8-sig"))
            if self.store.exists(doc.id):
                from app.model import new_id

                doc.id = new_id()
            self.store.save(doc, f"imported from {path.name}")
        except (PostmortemError, OSError, UnicodeDecodeError) as error:
            self.show_error(self.tr("Cannot import {0}: {1}").format(path.name, error))
            return
        self.refresh()
        self.select(doc.id)

    def show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Postmortem Studio"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("errorBox")
        box.open()
        self.last_error = message

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Postmortem Studio"),
            self.tr("Postmortem Studio — blameless incident postmortems, offline."),
        )
