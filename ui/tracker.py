"""The action tracker: every corrective action of every postmortem in one sortable table.

The model asks SQLite for one page of rows at a time, already filtered and sorted (a count
query gives the total), builds each row's record only when the view first shows it, and hands
rows to the view in batches (``fetchMore``): opening costs the same on 200 or 200,000 actions.
After an edit only the edited postmortem's rows are read again; the page is re-read only when
they changed.
A status changed in the table is an edit of its postmortem through a ``DocumentSession``: it is
saved (and undoable when that postmortem is the one open in the main window).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.queries import OPEN_STATUSES, ActionFilter, action_count, action_rows
from app.session import DocumentSession
from app.store import Store
from app.tracker import TrackedAction, actions_csv, query_actions, status_change, tracked
from app.vocabulary import ActionKind, ActionStatus, Priority
from ui.editor.labels import action_status_labels, kind_labels, word

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex

OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#a1130a")
DONE_TEXT = QColor("#5f6b66")
BATCH = 500


class TrackerModel(QAbstractTableModel):
    """Pages of ``app.queries.action_rows``; records and cells are made on demand."""

    COLUMNS = ("Due", "Priority", "Status", "Owner", "Action", "Postmortem", "Kind")
    SORT_KEYS = ("due", "priority", "status", "owner", "action", "postmortem", "kind")
    DUE, PRIORITY, STATUS, OWNER, ACTION, POSTMORTEM, KIND = range(7)
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    #: (row, new status) asked by the status editor; the widget saves it through a session.
    status_requested = Signal(object, object)

    def __init__(self, store: Store, today: Callable[[], date]) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.filter = ActionFilter()
        self.sort_key = "due"
        self.descending = False
        #: raw rows of the pages read so far, and the records built from them
        self.raw: list[tuple[Any, ...]] = []
        self._records: dict[int, TrackedAction] = {}
        self.total = 0
        self.overdue = 0
        self.loaded = 0
        self._today = today()
        self._queried = False
        #: rows of the postmortems being edited, as last read (see ``watch``)
        self._watched: dict[str, list[tuple[Any, ...]]] = {}

    # -- loading ---------------------------------------------------------------------------

    def _page(self, offset: int, limit: int) -> list[tuple[Any, ...]]:
        return action_rows(
            self.store,
            self.filter,
            today=self._today,
            sort=self.sort_key,
            descending=self.descending,
            limit=limit,
            offset=offset,
        )

    def refresh(self) -> None:
        """Query again with the current filter and sort (after any change)."""
        self.beginResetModel()
        if self._today != self.today():
            self._watched.clear()
        self._today = self.today()
        self._queried = True
        try:
            self.total, self.overdue = action_count(self.store, self.filter, today=self._today)
            self.raw = self._page(0, max(BATCH, self.loaded))
        finally:
            self._records = {}
            self.loaded = min(max(BATCH, self.loaded), len(self.raw))
            self.endResetModel()

    def set_filter(self, flt: ActionFilter) -> None:
        if flt == self.filter and self._queried:
            return
        self.filter = flt
        self.loaded = 0
        self._watched = {key: self._rows_of(key) for key in self._watched}
        self.refresh()

    def _rows_of(self, postmortem_id: str) -> list[tuple[Any, ...]]:
        flt = replace(self.filter, postmortem_id=postmortem_id)
        if self.filter.postmortem_id not in ("", postmortem_id):
            return []
        return action_rows(self.store, flt, today=self._today, sort=self.sort_key)

    def watch(self, postmortem_id: str) -> None:
        """Remember a postmortem's rows as they are (the one open in the editor), so that an
        edit leaving them as they were costs one small query."""
        self._watched[postmortem_id] = self._rows_of(postmortem_id)

    def postmortem_changed(self, postmortem_id: str) -> None:
        """One postmortem was saved: read its rows; re-read the page only if they changed."""
        if not self._queried:
            return
        before = self._watched.get(postmortem_id)
        fresh = self._rows_of(postmortem_id)
        self._watched[postmortem_id] = fresh
        if before != fresh:
            self.refresh()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.loaded < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.loaded >= self.total:
            return
        if len(self.raw) < self.loaded + BATCH:
            self.raw += self._page(len(self.raw), BATCH)
        extra = min(BATCH, len(self.raw) - self.loaded)
        if extra <= 0:
            self.total = self.loaded
            return
        self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + extra - 1)
        self.loaded += extra
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        key, descending = self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) or not self._queried:
            self.sort_key, self.descending = key, descending
            return  # the first query (set_filter) or nothing new
        self.sort_key, self.descending = key, descending
        self.loaded = 0
        self._watched = {key: self._rows_of(key) for key in self._watched}
        self.refresh()

    def all_rows(self) -> list[TrackedAction]:
        """Every matching action (for the CSV export), read in one query."""
        return query_actions(
            self.store,
            self.filter,
            today=self._today,
            sort=self.sort_key,
            descending=self.descending,
        )

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def overdue_count(self) -> int:
        return self.overdue

    def row_at(self, row: int) -> TrackedAction:
        record = self._records.get(row)
        if record is None:
            record = self._records[row] = tracked(self.raw[row])
        return record

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.loaded:
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == self.STATUS:
            return row.status.value
        if role == self.ROW_ROLE:
            return row
        late = row.days_overdue(self._today)
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if late and column in (self.DUE, self.ACTION):
                return QBrush(OVERDUE_TEXT)
            if not row.is_open:
                return QBrush(DONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and late and column == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.POSTMORTEM:
                return self.tr("Double-click to open this postmortem")
            if late:
                return self.tr("Overdue by %n day(s)", "", late)
            if column == self.ACTION:
                return row.action
        return None

    def _text(self, row: TrackedAction, column: int) -> str:
        if column == self.DUE:
            late = row.days_overdue(self._today)
            due = row.due.isoformat() if row.due else "—"
            return f"⚠ {due}" if late else due
        if column == self.PRIORITY:
            return row.priority.value if row.priority else "—"
        if column == self.STATUS:
            return word(row.status)
        if column == self.OWNER:
            return row.owner or "—"
        if column == self.ACTION:
            return row.action
        if column == self.POSTMORTEM:
            return row.postmortem_title or self.tr("(untitled)")
        return word(row.kind) if row.kind else "—"

    # -- editing ---------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.STATUS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.STATUS:
            return False
        try:
            status = ActionStatus(value)
        except ValueError:
            return False
        row = self.row_at(index.row())
        if status != row.status:
            self.status_requested.emit(row, status)
        return True


class StatusDelegate(QStyledItemDelegate):
    """A drop-down of the four statuses for the Status column."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("statusEditor")
        for status, words in action_status_labels().items():
            editor.addItem(words, str(status))
        editor.activated.connect(lambda _i: self._chosen(editor))
        return editor

    def _chosen(self, editor: QComboBox) -> None:
        """A status picked in the list is saved at once (no Enter needed)."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class TrackerWidget(QWidget):
    """Filters above the table; double-click a row to open its postmortem."""

    def __init__(
        self,
        window: MainWindow,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.window_ = window
        self.today = today
        self.setObjectName("actionTracker")
        self.model = TrackerModel(window.store, today)
        self.model.status_requested.connect(self.change_status)

        self.owner = QLineEdit()
        self.owner.setObjectName("ownerFilter")
        self.owner.setPlaceholderText(self.tr("Owner…"))
        self.owner.setClearButtonEnabled(True)
        self.text = QLineEdit()
        self.text.setObjectName("textFilter")
        self.text.setPlaceholderText(self.tr("Action or ticket…"))
        self.text.setClearButtonEnabled(True)
        self.status = _combo(
            "statusFilter",
            [(self.tr("All statuses"), ()), (self.tr("Open"), OPEN_STATUSES)]
            + [(text, (ActionStatus(status),)) for status, text in action_status_labels().items()],
        )
        self.status.setCurrentIndex(1)
        self.priority = _combo(
            "priorityFilter",
            [(self.tr("All priorities"), ())] + [(p.value, (p,)) for p in Priority],
        )
        self.kind = _combo(
            "kindFilter",
            [(self.tr("All kinds"), ())]
            + [(text, (ActionKind(kind),)) for kind, text in kind_labels().items()],
        )
        self.postmortem = _combo("postmortemFilter", [(self.tr("All postmortems"), "")])
        self.postmortem.setMinimumContentsLength(18)
        self.postmortem.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.overdue.setObjectName("overdueFilter")
        self.count = QLabel()
        self.count.setObjectName("trackerCount")
        self.open_button = QPushButton(self.tr("Open postmortem"))
        self.open_button.setObjectName("openPostmortemButton")
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportCsvButton")

        self.table = QTableView()
        self.table.setObjectName("trackerTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TrackerModel.STATUS, StatusDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TrackerModel.ACTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (TrackerModel.DUE, 110),
            (TrackerModel.PRIORITY, 64),
            (TrackerModel.STATUS, 110),
            (TrackerModel.OWNER, 130),
            (TrackerModel.POSTMORTEM, 260),
            (TrackerModel.KIND, 80),
        ):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        for widget in (self.owner, self.text, self.status, self.priority, self.kind):
            filters.addWidget(widget)
        filters.addWidget(self.postmortem, 1)
        filters.addWidget(self.overdue)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.open_button)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        for line in (self.owner, self.text):
            line.textChanged.connect(self.apply_filters)
        for combo in (self.status, self.priority, self.kind, self.postmortem):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.table.doubleClicked.connect(self._double_clicked)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.choose_export)
        self.reload()

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read postmortem names and actions (the database may have changed)."""
        current = self.postmortem.currentData()
        self.postmortem.blockSignals(True)
        self.postmortem.clear()
        self.postmortem.addItem(self.tr("All postmortems"), "")
        try:
            untitled = self.tr("(untitled)")
            for postmortem_id, title in self.window_.store.titles():
                self.postmortem.addItem(title or untitled, postmortem_id)
        except PostmortemError as error:
            self.window_.show_error(str(error))
        self.postmortem.setCurrentIndex(max(0, self.postmortem.findData(current)))
        self.postmortem.blockSignals(False)
        self.apply_filters()

    def current_filter(self) -> ActionFilter:
        return ActionFilter(
            owner=self.owner.text(),
            text=self.text.text(),
            statuses=tuple(self.status.currentData() or ()),
            priorities=tuple(self.priority.currentData() or ()),
            kinds=tuple(self.kind.currentData() or ()),
            postmortem_id=self.postmortem.currentData() or "",
            overdue_only=self.overdue.isChecked(),
        )

    @Slot()
    def apply_filters(self) -> None:
        try:
            self.model.set_filter(self.current_filter())
        except PostmortemError as error:
            self.window_.show_error(str(error))
        self._update_count()

    def postmortem_changed(self, postmortem_id: str) -> None:
        """A postmortem was edited elsewhere (the editor): show its rows as they are now."""
        try:
            self.model.postmortem_changed(postmortem_id)
        except PostmortemError as error:
            self.window_.show_error(str(error))
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        late = self.model.overdue_count()
        text = self.tr("%n action(s)", "", total)
        if late:
            text += " · " + self.tr("%n overdue", "", late)
        self.count.setText(text)

    # -- editing ---------------------------------------------------------------------------

    @Slot(object, object)
    def change_status(self, row: TrackedAction, status: ActionStatus) -> bool:
        """Save the new status in the action's postmortem (one undoable step if it is open)."""
        change = status_change(row.id, status, self.today())
        window = self.window_
        if window.session is not None and window.session.doc.id == row.postmortem_id:
            done = window.apply_change(change)
        else:
            try:
                DocumentSession.open(window.store, row.postmortem_id).apply(change)
                done = True
            except PostmortemError as error:
                window.show_error(str(error))
                done = False
        self.model.refresh()
        self._update_count()
        return done

    # -- navigation and export ---------------------------------------------------------------

    def selected_row(self) -> TrackedAction | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != TrackerModel.STATUS:
            self.jump_to(self.model.row_at(index.row()))

    @Slot()
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.jump_to(row)

    def jump_to(self, row: TrackedAction) -> None:
        window = self.window_
        window.open_document(row.postmortem_id)
        window.select(row.postmortem_id)
        window.raise_()
        window.activateWindow()

    @Slot()
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export actions"), "actions.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        from app.fileio import write_file

        try:
            rows = self.model.all_rows()
            write_file(path, actions_csv(rows, self.today()).encode("utf-8"))
        except (PostmortemError, OSError) as error:
            self.window_.show_error(self.tr("Cannot export to {0}: {1}").format(path, error))
            return False
        return True
