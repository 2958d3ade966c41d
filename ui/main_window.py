"""The main window: the home list on the left, the open postmortem's editor tabs on the right.

Every edit goes through ``apply_change``: one undo step, saved to the database before it is
shown. If the database cannot be written (deleted, made read-only, disk full), the edit is kept
in memory, the title bar says "not saved, retrying" and the save is retried until it works.
Two windows on one database stay consistent: before an edit, a window whose copy of the
document is older than the database's reloads it first (and says so), then applies the edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError, StoreError
from app.store import Store
from ui.features import FEATURES, AddsPages, Features
from ui.help import show_help
from ui.home import HomePanel
from ui.i18n import install_language
from ui.postmortem_list import PostmortemListModel
from ui.preferences import PreferencesDialog, apply_theme, current_preferences
from ui.session_bridge import SessionBridge

if TYPE_CHECKING:
    from app.model import Postmortem
    from app.session import Change, DocumentSession
    from ui.document_area import DocumentArea
    from ui.document_view import DocumentView
    from ui.editor import DocumentEditor
    from ui.editor.outline import SectionOutline
    from ui.revisions import RevisionsDialog

#: pause in editing after which the Report tab (when shown) renders the document again
REPORT_DELAY_MS = 300

RETRY_MS = 3000

#: pause after an import or an edit after which the search rows that wait are written, so the
#: next search does not pay for them
SEARCH_INDEX_DELAY_MS = 1500


class WelcomePage(QWidget):
    """Shown when the database has no postmortem: offers the demo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Postmortem Studio"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = title.font()
        heading.setPointSizeF(heading.pointSizeF() * 2.0)
        heading.setBold(True)
        title.setFont(heading)
        text = QLabel(
            self.tr(
                "Your database has no postmortem yet.\n"
                "Open the demo — a payment-service outage — to see every section filled in."
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        body = text.font()
        body.setPointSizeF(body.pointSizeF() * 1.25)
        text.setFont(body)
        self.demo_button = QPushButton(self.tr("Open the demo postmortem"))
        self.demo_button.setFont(body)
        self.demo_button.setMinimumHeight(40)
        self.demo_button.setMinimumWidth(280)
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.setDefault(True)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(20)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class EditCommand(QUndoCommand):
    """One edit on the undo stack; a failed save keeps it (and the edit) for the retry."""

    def __init__(self, window: MainWindow, session: DocumentSession, change: Change) -> None:
        super().__init__(change.description)
        self.window = window
        self.session = session
        self.change = change
        self.failed = False
        self.first = True

    def redo(self) -> None:
        first, self.first = self.first, False
        try:
            self.session.apply(self.change)
        except StoreError as error:
            self.window.save_failed(str(error))
        except (PostmortemError, LookupError) as error:  # refused: the session took it back
            self._refused(first, str(error))

    def _refused(self, first: bool, message: str) -> None:
        if first:
            self.failed = True
            self.setObsolete(True)
        self.window.show_error(message)

    def undo(self) -> None:
        try:
            self.session.revert(self.change)
        except StoreError as error:
            self.window.save_failed(str(error))
        except (PostmortemError, LookupError) as error:
            self.window.show_error(str(error))


class MainWindow(QMainWindow):
    """The shell: home list on the left, the open document's tabs on the right.

    Features (``ui.features``) add menus and document tabs; they follow the open
    document through ``document_opened`` (with its ``DocumentSession``) and ``document_closed``,
    and make edits with ``apply_change`` (one undoable step, saved before it is shown). The
    document side (``ui.document_area``: editor pages, feature pages, the report) is built when
    a document is first opened: the first paint shows the list without paying for it.
    """

    _ready = False  # set once __init__ is done: language changes before that have nothing to do

    document_opened = Signal(object)
    document_closed = Signal()
    #: emitted after an edit (or undo/redo) is on disk, with its description
    document_changed = Signal(str)

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        preferences = current_preferences()
        install_language(preferences.ui_language)
        apply_theme(preferences.theme)
        self.store = store
        self.today = today
        self.current: Postmortem | None = None
        self.session: DocumentSession | None = None
        self.bridge: SessionBridge | None = None
        self.last_error = ""
        self.save_problem = ""
        self.undo_stack = QUndoStack(self)
        self.resize(1360, 860)

        self.list_model = PostmortemListModel(store)
        self.home = HomePanel(self, self.list_model)
        self.search = self.home.search
        self.table = self.home.table

        self.welcome = WelcomePage()
        self._area: DocumentArea | None = None
        self._report_stale = True
        # The report re-renders the whole document: once typing pauses, and only when shown.
        self.report_timer = QTimer(self)
        self.report_timer.setSingleShot(True)
        self.report_timer.setInterval(REPORT_DELAY_MS)
        self.report_timer.timeout.connect(lambda: self._tab_changed(0))
        self._reported_id: str | None = None
        self.save_banner = QLabel()
        self.save_banner.setObjectName("saveBanner")
        self.save_banner.setWordWrap(True)
        self.save_banner.setStyleSheet(
            "background: #fdebd0; color: #6e2c00; padding: 6px; border: 1px solid #e59866;"
        )
        self.save_banner.hide()
        self.empty_selection = QLabel()
        self.empty_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (self.welcome, self.empty_selection):
            self.pages.addWidget(page)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.save_banner)
        right_layout.addWidget(self.pages, 1)

        splitter = QSplitter()
        splitter.addWidget(self.home)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)  # a wider window gives its room to the document
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_INDEX_DELAY_MS)
        self.search_timer.timeout.connect(self._write_waiting_search_rows)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry_save)

        self._build_menus()
        self._retranslate()
        self.welcome.demo_button.clicked.connect(self.open_demo)
        self.search.textChanged.connect(self.refresh)
        self.home.filters_changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.features = Features(self)
        for module in FEATURES:
            self.features.load(module)
        self._group_file_menu()
        self._size_home()
        self.refresh()
        self.home.update_facets()
        self._ready = True

    # -- the document side, built on first use --------------------------------------------

    def document_side(self) -> DocumentArea:
        if self._area is None:
            from ui.document_area import DocumentArea

            area = self._area = DocumentArea(self, lambda: self.today())  # noqa: PLW0108
            area.outline.shortcut_actions(self)
            self.pages.addWidget(area.widget)
            area.tabs.currentChanged.connect(self._tab_changed)
            for feature in self.features.with_pages():
                area.feature_pages.update(feature.add_pages())
            self._retranslate_document_side()  # the report's name, before the outline lists it
            area.arrange()
        return self._area

    def has_document_side(self) -> bool:
        return self._area is not None

    def feature_pages_ready(self, feature: AddsPages) -> None:
        """A feature with document tabs was built: they join the document side if it exists
        (otherwise they are added when it is built)."""
        if self._area is not None:
            self._area.feature_pages.update(feature.add_pages())
            self._area.arrange()

    @property
    def document_area(self) -> QWidget:
        return self.document_side().widget

    @property
    def document_tabs(self) -> QTabWidget:
        return self.document_side().tabs

    @property
    def document_view(self) -> DocumentView:
        return self.document_side().view

    @property
    def editor(self) -> DocumentEditor:
        return self.document_side().editor

    @property
    def outline(self) -> SectionOutline:
        return self.document_side().outline

    # -- menus and texts -------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {
            key: bar.addMenu("") for key in ("file", "edit", "view", "document", "meeting", "help")
        }
        file_menu, edit_menu = self.menus["file"], self.menus["edit"]
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._update_undo_texts)
        self.undo_stack.cleanChanged.connect(self._update_undo_texts)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.home.new_postmortem)
        self.duplicate_action = QAction(self)
        self.duplicate_action.triggered.connect(self.home.duplicate_selected)
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self.home.ask_delete)
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(self.open_demo)
        self.deleted_action = QAction(self)
        self.deleted_action.triggered.connect(self.show_deleted)
        self.preferences_action = QAction(self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.triggered.connect(self.edit_preferences)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.new_action, self.duplicate_action, self.delete_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.import_action, self.demo_action, self.deleted_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.history_action = QAction(self)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.triggered.connect(self.show_history)
        self.snapshot_action = QAction(self)
        self.snapshot_action.triggered.connect(self.take_snapshot)
        self.menus["document"].addAction(self.history_action)
        self.menus["document"].addAction(self.snapshot_action)
        self.keys_action = QAction(self)
        self.keys_action.setObjectName("keyboardHelp")
        self.keys_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.keys_action.triggered.connect(lambda: show_help(self, "keys"))
        self.guide_action = QAction(self)
        self.guide_action.setObjectName("guideHelp")
        self.guide_action.triggered.connect(lambda: show_help(self, "guide"))
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.menus["help"].addAction(self.guide_action)
        self.menus["help"].addAction(self.keys_action)
        self.menus["help"].addSeparator()
        self.menus["help"].addAction(self.about_action)

    def _retranslate(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "document": self.tr("&Postmortem"),
            "meeting": self.tr("&Meeting"),
            "help": self.tr("&Help"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        self._update_undo_texts()
        self.new_action.setText(self.tr("&New postmortem"))
        self.duplicate_action.setText(self.tr("D&uplicate"))
        self.delete_action.setText(self.tr("&Delete…"))
        self.import_action.setText(self.tr("&Import…"))
        self.demo_action.setText(self.tr("Add the &demo postmortem"))
        self.deleted_action.setText(self.tr("Deleted &postmortems…"))
        self.preferences_action.setText(self.tr("Pre&ferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.history_action.setText(self.tr("&History…"))
        self.snapshot_action.setText(self.tr("Take a &snapshot"))
        self.about_action.setText(self.tr("&About Postmortem Studio"))
        self.keys_action.setText(self.tr("&Keyboard shortcuts"))
        self.guide_action.setText(self.tr("&Getting started"))
        self._retranslate_document_side()
        self.empty_selection.setText(self.tr("Select a postmortem to read it."))
        self._update_title()

    def _retranslate_document_side(self) -> None:
        if self._area is not None:
            self._area.tabs.setTabText(self._area.tabs.indexOf(self._area.view), self.tr("Report"))

    @Slot()
    def _update_undo_texts(self) -> None:
        """ "Undo Change owner of action 3", in the interface language."""
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo, redo = self._edit_name(stack.index() - 1), self._edit_name(stack.index())
        self.undo_action.setText(self.tr("&Undo {0}").format(undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {0}").format(redo) if redo else self.tr("&Redo"))

    def _edit_name(self, index: int) -> str:
        """The name of the edit at ``index`` of the undo stack, in the interface language."""
        if not 0 <= index < self.undo_stack.count():
            return ""
        from ui.editor.messages import localized

        command = self.undo_stack.command(index)
        change = getattr(command, "change", None)
        return localized(change.description) if change is not None else command.text()

    def _size_home(self) -> None:
        """The list wide enough for its fixed columns and a readable title, the rest to the
        document; View ▸ Postmortem list (F9) hides it for more room."""
        table = self.home.table
        fixed = sum(table.columnWidth(column) for column in range(1, 4))
        width = max(340, fixed + 190)
        self.splitter.setSizes([width, max(400, self.width() - width)])
        self.list_action = QAction(self.tr("Postmortem &list"), self)
        self.list_action.setObjectName("toggleList")
        self.list_action.setCheckable(True)
        self.list_action.setChecked(True)
        self.list_action.setShortcut(QKeySequence("F9"))
        self.list_action.toggled.connect(self.home.setVisible)
        self.menus["view"].insertAction(
            next(iter(self.menus["view"].actions()), None), self.list_action
        )

    def _group_file_menu(self) -> None:
        """File menu in groups: New/Open/Import · Export · Preferences · Quit last."""
        menu = self.menus["file"]
        actions = [a for a in menu.actions() if not a.isSeparator()]
        exports = [a for a in actions if a.objectName().lower().startswith("export")]
        last = [self.preferences_action, self.quit_action]
        first = [a for a in actions if a not in exports and a not in last]
        creating = [
            a for a in first if a in (self.new_action, self.duplicate_action, self.delete_action)
        ]
        rest = [a for a in first if a not in creating]
        for action in menu.actions():
            menu.removeAction(action)
        for group in (creating, rest, exports, [self.preferences_action], [self.quit_action]):
            if group:
                if menu.actions():
                    menu.addSeparator()
                menu.addActions(group)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self._retranslate()
            self.home.retranslate()
            self.list_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
            if self._area is not None:
                self._area.rebuild_editor(self.current)
        elif (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.session is not None
        ):
            self.reload_if_stale()
        super().changeEvent(event)

    def _update_title(self) -> None:
        if self.current is None:
            self.setWindowTitle(self.tr("Postmortem Studio"))
            return
        state = self.tr("not saved, retrying") if self.save_problem else self.tr("saved")
        title = self.current.title or self.tr("(untitled)")
        self.setWindowTitle(self.tr("{0} — {1} — Postmortem Studio").format(title, state))

    # -- the list --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        selected = self.current.id if self.current else None
        self.search_timer.start()  # an import (or a new postmortem) leaves its search row waiting
        try:
            self.list_model.refresh(self.search.text(), self.home.filters())
        except PostmortemError as error:
            self.show_error(str(error))
            return
        self.home.update_facets()
        empty_database = (
            not self.list_model.all_rows
            and not self.search.text()
            and not self.home.filters().active()
        )
        if empty_database:
            self.close_document()
            self.pages.setCurrentWidget(self.welcome)
            return
        if selected and self.list_model.row_of(selected) >= 0:
            self.select(selected)
        elif selected and not self.store.exists(selected):
            self.close_document()
            self.pages.setCurrentWidget(self.empty_selection)
        elif not selected:
            self.pages.setCurrentWidget(self.empty_selection)

    @Slot()
    def _write_waiting_search_rows(self) -> None:
        try:
            self.store.flush_search()
        except PostmortemError:
            pass  # they keep waiting: the next search writes them, or says what stops it

    def select(self, postmortem_id: str) -> None:
        row = self.list_model.row_of(postmortem_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.list_model.index(row, 0))

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        postmortem_id = rows[0].data(PostmortemListModel.ID_ROLE)
        if self.session is not None and self.session.doc.id == postmortem_id:
            return
        self.open_document(postmortem_id)

    # -- the open document -----------------------------------------------------------------

    def open_document(self, postmortem_id: str) -> None:
        if self.session is not None and self.session.pending:
            self.show_error(
                self.tr("The open postmortem has edits that are not saved yet; they are retried.")
            )
            return
        from app.session import DocumentSession

        try:
            session = DocumentSession.open(self.store, postmortem_id)
        except PostmortemError as error:
            self.show_error(str(error))
            return
        self.close_document()
        self.document_side()  # its pages follow the document from its first opening
        session.outside_listeners.append(self._changed_elsewhere)
        self.session = session
        self.current = session.doc
        self.bridge = SessionBridge(session, self)
        self.bridge.changed.connect(self._document_changed)
        self._show_document()
        self.pages.setCurrentWidget(self.document_area)
        self.document_opened.emit(session)

    def close_document(self) -> None:
        if self.session is None:
            return
        self.undo_stack.clear()
        self.retry_timer.stop()
        self.save_problem = ""
        self.save_banner.hide()
        if self.bridge is not None:
            self.bridge.close()
            self.bridge.deleteLater()
        self.session.outside_listeners.remove(self._changed_elsewhere)
        self.session = None
        self.bridge = None
        self.current = None
        self.home.discard_untouched()
        if self._area is not None:
            self._area.editor.load(None)
        self._update_title()
        self.document_closed.emit()

    def _show_document(self) -> None:
        if self._area is None:  # nothing was opened yet: no page to fill
            self._update_title()
            return
        self.editor.load(self.current)
        self.outline.load(self.current)
        self._report_stale = True
        if self.document_tabs.currentWidget() is self.document_view:
            if self._reported_id == (self.current.id if self.current else None):
                self.report_timer.start()  # the same document edited: once typing pauses
            else:
                self._render_report()  # another document: at once
        self._update_title()

    def _render_report(self) -> None:
        self.document_view.show_document(self.current)
        self._report_stale = False
        self._reported_id = self.current.id if self.current else None

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        if self.document_tabs.currentWidget() is self.document_view and self._report_stale:
            self._render_report()

    def apply_change(self, change: Change) -> bool:
        """Run an edit of the open document as one undoable step (False if refused)."""
        if self.session is None:
            return False
        self.reload_if_stale()
        command = EditCommand(self, self.session, change)
        self.undo_stack.push(command)
        return not command.failed

    @Slot(str)
    def _document_changed(self, description: str) -> None:
        if self.save_problem and self.session is not None and self.session.saved:
            self._save_recovered()
        self._show_document()
        self._refresh_list_row()
        self.search_timer.start()
        self.document_changed.emit(description)

    def _refresh_list_row(self) -> None:
        if self.current is not None:
            self.list_model.update_document(self.current)

    # -- durability ------------------------------------------------------------------------

    def save_failed(self, message: str) -> None:
        message = _localized(message)
        first = not self.save_problem
        self.save_problem = message
        self.save_banner.setText(
            "⚠ " + self.tr("Not saved: {0} Retrying every few seconds.").format(message)
        )
        self.save_banner.show()
        self.retry_timer.start()
        self._show_document()
        if first:
            self.show_error(message)

    @Slot()
    def retry_save(self) -> bool:
        """Try again to write the edits kept in memory; True once they are on disk."""
        if self.session is None:
            self.retry_timer.stop()
            return True
        try:
            self.session.retry_pending()  # listeners hear about the edits once they are on disk
        except PostmortemError as error:
            self.save_problem = _localized(str(error))
            return False
        self._save_recovered()
        return True

    def _save_recovered(self) -> None:
        self.save_problem = ""
        self.retry_timer.stop()
        self.save_banner.hide()
        self._update_title()

    def reload_if_stale(self) -> bool:
        """Take in what another window or program saved since; True when something was."""
        if self.session is None:
            return False
        try:
            return self.session.reload_if_stale()
        except PostmortemError as error:
            self.statusBar().showMessage(_localized(str(error)), 8000)
            return False

    def _changed_elsewhere(self, _message: str) -> None:
        self.statusBar().showMessage(self.tr("Changed elsewhere — reloaded."), 8000)

    def closeEvent(self, event: Any) -> None:
        focused = QApplication.focusWidget()
        if self._area is not None and _is_text_being_typed(focused):
            focused.commit()  # text being typed when the window closes is kept too
        if self.session is not None and self.session.pending and not self.retry_save():
            answer = QMessageBox.warning(
                self,
                self.tr("Postmortem Studio"),
                self.tr("Some edits could not be saved: {0}\nQuit anyway and lose them?").format(
                    self.save_problem
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.home.discard_untouched()  # a New left untouched leaves no empty postmortem
        super().closeEvent(event)

    # -- commands --------------------------------------------------------------------------

    @Slot()
    def open_demo(self) -> None:
        try:
            from app.demo import add_demo

            doc = add_demo(self.store)
        except PostmortemError as error:
            self.show_error(str(error))
            return
        self.search.clear()
        self.refresh()
        self.home.update_facets()
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
            from app.fileio import read_text
            from app.jsonio import document_from_json

            doc = document_from_json(read_text(path))
            from app.signoff import required_roles, settle_imported_approval

            for warning in settle_imported_approval(doc, required_roles(self.store)):
                self.statusBar().showMessage(warning, 10000)
            self.store.add(doc, f"imported from {path.name}")
        except (PostmortemError, OSError, UnicodeDecodeError) as error:
            self.show_error(self.tr("Cannot import {0}: {1}").format(path.name, error))
            return
        self.refresh()
        self.home.update_facets()
        self.select(doc.id)

    def show_history(self) -> RevisionsDialog | None:
        if self.current is None:
            return None
        from ui.revisions import RevisionsDialog

        dialog = RevisionsDialog(self, self)
        dialog.open()
        return dialog

    def take_snapshot(self) -> bool:
        if self.current is None:
            return False
        try:
            self.store.snapshot(self.current.id, "snapshot: on demand")
        except PostmortemError as error:
            self.show_error(str(error))
            return False
        self.statusBar().showMessage(self.tr("Snapshot recorded in the history."), 5000)
        return True

    def show_deleted(self) -> QMessageBox | None:
        from ui.home.deleted import DeletedDialog

        dialog = DeletedDialog(self, self)
        dialog.open()
        return dialog  # type: ignore[return-value]

    def edit_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(current_preferences(), self)
        dialog.changed.connect(self.preferences_changed)
        dialog.open()
        return dialog

    @Slot()
    def preferences_changed(self) -> None:
        prefs = current_preferences()
        apply_theme(prefs.theme)
        install_language(prefs.ui_language)
        self._show_document()

    def show_error(self, message: str) -> None:
        message = _localized(message)
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


def _localized(message: str) -> str:
    """A core message in the interface language (the editor's catalogue loads on first use)."""
    from ui.editor.messages import localized

    return localized(message)


def _is_text_being_typed(widget: QWidget | None) -> bool:
    from ui.editor.widgets import FieldEdit, TextEdit

    return isinstance(widget, TextEdit | FieldEdit)
