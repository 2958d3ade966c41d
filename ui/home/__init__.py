"""The home screen's left side: search, filters, sort, the list, new / duplicate / delete.

Deleting asks first; a deleted postmortem is only hidden (soft delete): the banner's Undo,
Edit ▸ Undo, or File ▸ Deleted postmortems bring it back.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.graph import new_ishikawa
from app.errors import PostmortemError
from app.jsonio import clone
from app.model import Postmortem, new_id
from app.store import Store
from app.vocabulary import Status
from ui.editor.labels import status_labels
from ui.home.filters import Filters, facets
from ui.postmortem_list import PostmortemListModel
from ui.preferences import current_preferences

NO_DATE = QDate(2000, 1, 1)


class HomeHost(Protocol):
    store: Store
    undo_stack: QUndoStack

    def refresh(self) -> None: ...

    def select(self, postmortem_id: str) -> None: ...

    def show_error(self, message: str) -> None: ...


class RestoreDeleted(QUndoCommand):
    """Deleting is undoable: undo restores the postmortem, redo deletes it again."""

    def __init__(self, host: HomeHost, postmortem_id: str, title: str, text: str) -> None:
        super().__init__(text)
        self.host = host
        self.postmortem_id = postmortem_id
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False  # already deleted when pushed
            return
        try:
            self.host.store.delete(self.postmortem_id)
        except PostmortemError as error:
            self.host.show_error(str(error))
        self.host.refresh()

    def undo(self) -> None:
        try:
            self.host.store.undelete(self.postmortem_id)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return
        self.host.refresh()
        # selecting opens the document, which resets this very stack: do it once undo returns
        QTimer.singleShot(0, lambda: self.host.select(self.postmortem_id))


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


class HomePanel(QWidget):
    filters_changed = Signal()

    def __init__(self, host: HomeHost, model: PostmortemListModel) -> None:
        super().__init__()
        self.host = host
        self.model = model
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("searchField")
        self.status = QComboBox()
        self.status.setObjectName("filterStatus")
        self.status.addItem("", "")
        for value in status_labels():
            self.status.addItem("", str(value))
        self.severity = QComboBox()
        self.severity.setObjectName("filterSeverity")
        self.service = QComboBox()
        self.service.setObjectName("filterService")
        self.tag = QComboBox()
        self.tag.setObjectName("filterTag")
        self.date_from = _date_edit()
        self.date_from.setObjectName("filterFrom")
        self.date_to = _date_edit()
        self.date_to.setObjectName("filterTo")
        self.sort = QComboBox()
        self.sort.setObjectName("sortBy")
        for key in ("incident_date", "updated_at", "title", "severity", "status"):
            self.sort.addItem("", key)
        self._fill_facets([], [], [])

        self.table = QTableView()
        self.table.setObjectName("postmortemTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 96), (2, 64), (3, 86)):  # not sized to contents: 5,000 rows
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.new_button = QPushButton()
        self.new_button.setObjectName("newButton")
        self.duplicate_button = QPushButton()
        self.duplicate_button.setObjectName("duplicateButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteButton")
        self.notice = QLabel()
        self.notice.setObjectName("homeNotice")
        self.undo_delete_button = QPushButton()
        self.undo_delete_button.setObjectName("undoDeleteButton")
        self.undo_delete_button.clicked.connect(self.undo_delete)
        self.notice_row = QWidget()
        notice_layout = QHBoxLayout(self.notice_row)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.undo_delete_button)
        self.notice_row.hide()
        self.last_deleted = ""
        self.delete_box: QMessageBox | None = None

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.severity, 0, 1)
        grid.addWidget(self.service, 1, 0)
        grid.addWidget(self.tag, 1, 1)
        dates = QHBoxLayout()
        self.from_label, self.to_label, self.sort_label = QLabel(), QLabel(), QLabel()
        dates.addWidget(self.from_label)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to, 1)
        grid.addLayout(dates, 2, 0, 1, 2)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.sort_label)
        sort_row.addWidget(self.sort, 1)
        grid.addLayout(sort_row, 3, 0, 1, 2)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.notice_row)
        layout.addWidget(self.table, 1)

        for combo in (self.status, self.severity, self.service, self.tag, self.sort):
            combo.currentIndexChanged.connect(self.filters_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.filters_changed)
        self.new_button.clicked.connect(self.new_postmortem)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the panel, in the interface language (also after switching it)."""
        self.search.setPlaceholderText(self.tr("Search all postmortems…"))
        self.status.setItemText(0, self.tr("Any status"))
        for row, label in enumerate(status_labels().values(), start=1):
            self.status.setItemText(row, label)
        for row, label in enumerate(
            (
                self.tr("Newest incident first"),
                self.tr("Last edited first"),
                self.tr("Title"),
                self.tr("Severity"),
                self.tr("Status"),
            )
        ):
            self.sort.setItemText(row, label)
        self.severity.setItemText(0, self.tr("Any severity"))
        self.service.setItemText(0, self.tr("Any service"))
        self.tag.setItemText(0, self.tr("Any tag"))
        self.new_button.setText(self.tr("New"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete…"))
        self.undo_delete_button.setText(self.tr("Undo"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.sort_label.setText(self.tr("Sort by"))
        metrics = self.table.horizontalHeader().fontMetrics()
        for column, least in ((1, 90), (2, 60), (3, 90)):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(least, metrics.horizontalAdvance(heading) + 24))

    # -- filters ---------------------------------------------------------------------------

    def _fill_facets(self, severities: list[str], services: list[str], tags: list[str]) -> None:
        for combo, anything, values in (
            (self.severity, self.tr("Any severity"), severities),
            (self.service, self.tr("Any service"), services),
            (self.tag, self.tr("Any tag"), tags),
        ):
            current = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def update_facets(self) -> None:
        if not self.search.text().strip():
            self._fill_facets(*facets(self.model.all_rows))

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        chosen = edit.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def filters(self) -> Filters:
        return Filters(
            status=self.status.currentData() or "",
            severity=self.severity.currentData() or "",
            service=self.service.currentData() or "",
            tag=self.tag.currentData() or "",
            date_from=self._day(self.date_from),
            date_to=self._day(self.date_to),
            sort=self.sort.currentData() or "incident_date",
        )

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PostmortemListModel.ID_ROLE) if rows else None

    # -- new / duplicate / delete ----------------------------------------------------------

    def new_postmortem(self) -> Postmortem | None:
        prefs = current_preferences()
        doc = Postmortem(
            title=self.tr("Untitled postmortem"),
            author=prefs.author_name,
            language=prefs.report_language,
            ishikawa=new_ishikawa(categories=tuple(prefs.categories)),
        )
        return self._add(doc, "created")

    def duplicate_selected(self) -> Postmortem | None:
        selected = self.selected_id()
        if selected is None:
            return None
        try:
            doc = clone(self.host.store.load(selected))
        except PostmortemError as error:
            self.host.show_error(str(error))
            return None
        doc.id = new_id()
        doc.title = self.tr("Copy of {0}").format(doc.title)
        doc.status = Status.DRAFT
        doc.signoffs = []
        doc.revision = 1
        return self._add(doc, "duplicated")

    def _add(self, doc: Postmortem, reason: str) -> Postmortem | None:
        try:
            self.host.store.add(doc, reason)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return None
        self.search.clear()
        self.host.refresh()
        self.host.select(doc.id)
        return doc

    def ask_delete(self) -> QMessageBox | None:
        selected = self.selected_id()
        if selected is None:
            return None
        title = self.model.rows[self.model.row_of(selected)].title
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete postmortem"),
            self.tr("Delete “{0}”? You can undo this or restore it later.").format(title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDelete")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda result: (
                self.delete(selected, title) if result == QMessageBox.StandardButton.Yes else None
            )
        )
        self.delete_box = box
        box.open()
        return box

    def delete(self, postmortem_id: str, title: str) -> None:
        try:
            self.host.store.delete(postmortem_id)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return
        self.host.refresh()
        self.last_deleted = postmortem_id
        self.notice.setText(self.tr("Deleted “{0}”.").format(title))
        self.notice_row.show()
        self.host.undo_stack.push(
            RestoreDeleted(
                self.host, postmortem_id, title, self.tr("Delete postmortem “{0}”").format(title)
            )
        )

    def undo_delete(self) -> None:
        if not self.last_deleted:
            return
        restored = self.last_deleted
        self.last_deleted = ""
        self.notice_row.hide()
        try:
            self.host.store.undelete(restored)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return
        self.host.undo_stack.clear()
        self.host.refresh()
        self.host.select(restored)
