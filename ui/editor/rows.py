"""Table sections (timeline, actions, participants, …): a model over one list of the document.

The model reads the rows straight from the open document and turns every cell edit into a
named change (``app.edits.set_cell``) sent to the window, so tables share undo, durability and
locking with every other field. Cells are typed by their column: text, closed choice, date
(with a calendar picker), date-time with offset, or a comma-separated list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.edits import set_cell
from app.errors import PostmortemError, ValidationError
from app.model import Postmortem
from app.natural_dates import format_moment, format_moment_full, incident_day
from app.timeutil import parse_date
from ui.design import screen_colour
from ui.editor.pickers import attach_picker

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 11
KIND_ROLE = Qt.ItemDataRole.UserRole + 12
MAX_FIT, MIN_FIT = 480, 140  # a column sized to content is never wider, a text never narrower
#: as a last resort in a narrow window: the narrowest a text column and any other column get
SQUEEZED_TEXT, SQUEEZED = 64, 40


def squeeze(wanted: list[int], floors: list[int], room: int) -> list[int]:
    """Widths as close to ``wanted`` as fit in ``room``: the widest are capped to one common
    width, none below its floor (when even the floors do not fit, the floors)."""
    if sum(wanted) <= room:
        return wanted

    def capped(cap: int) -> list[int]:
        return [min(want, max(floor, cap)) for want, floor in zip(wanted, floors, strict=True)]

    low, high = 0, max(wanted)
    while high - low > 1:  # ``low``: the widest common width that makes everything fit
        cap = (low + high) // 2
        low, high = (cap, high) if sum(capped(cap)) <= room else (low, cap)
    return capped(low)


@dataclass
class Column:
    """One column: attribute, heading, and how its cells are shown and typed."""

    attribute: str
    title: str
    kind: str = "text"  # text | choice | date | datetime | list | computed
    choices: list[tuple[str, Any]] = field(default_factory=list)
    #: reads a typed date-time; gets the cell's current value (its day anchors "14:31")
    parse_datetime: Callable[[str, datetime | None], datetime] | None = None
    #: reads a typed date ("next friday"); ISO only when not given
    parse_date: Callable[[str], date] | None = None
    compute: Callable[[Any], tuple[str, QColor | None, str]] | None = None
    width: int = 0
    convert: Callable[[Any], Any] | None = None  # e.g. a StrEnum: combo data → model value
    required: bool = False


def show_datetime(value: datetime | None) -> str:
    """The full value (date, time, offset), as in tooltips and cell editors."""
    return format_moment_full(value)


class RowsModel(QAbstractTableModel):
    """The rows of one section of the open document."""

    def __init__(
        self,
        section: str,
        columns: list[Column],
        apply: Callable[[Any], bool],
        report: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.section = section
        self.columns = columns
        self.apply = apply
        self.report = report
        self.doc: Postmortem | None = None
        self.row_hint: Callable[[Any], tuple[QColor | None, str]] | None = None
        self._count = 0
        #: view row → document row; sorting reorders the view, never the document
        self.order: list[int] = []
        self._position: list[int] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    # -- following the document ------------------------------------------------------------

    def rows(self) -> list[Any]:
        return [] if self.doc is None else list(getattr(self.doc, self.section))

    def load(self, doc: Postmortem | None) -> None:
        count = 0 if doc is None else len(getattr(doc, self.section))
        if doc is self.doc and count == self._count and count:
            previous = self.order
            self._compute_order()
            if self.order == previous:
                last = self.index(count - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
                return
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self.doc = doc
        self._count = count
        self._compute_order()
        self.endResetModel()

    def _sort_key(self, column: Column) -> Callable[[Any], Any]:
        if column.kind == "computed":
            assert column.compute is not None
            compute = column.compute
            return lambda row: compute(row)[0]

        def key(row: Any) -> Any:
            value = getattr(row, column.attribute)
            if isinstance(value, datetime):
                return (0, value.timestamp())
            if isinstance(value, date):
                return (0, value.toordinal())
            if value is None:
                return (1, 0)
            if isinstance(value, list):
                return (0, ", ".join(value).casefold())
            return (0, str(value).casefold())

        return key

    def _compute_order(self) -> None:
        rows = self.rows()
        order = list(range(len(rows)))
        if 0 <= self.sort_column < len(self.columns):
            key = self._sort_key(self.columns[self.sort_column])
            order.sort(
                key=lambda i: key(rows[i]),
                reverse=self.sort_order == Qt.SortOrder.DescendingOrder,
            )
        self.order = order
        self._position = [0] * len(order)
        for view_row, doc_row in enumerate(order):
            self._position[doc_row] = view_row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._compute_order()
        self.layoutChanged.emit()

    def doc_row(self, view_row: int) -> int:
        return self.order[view_row]

    def view_row(self, doc_row: int) -> int:
        return self._position[doc_row]

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind != "computed":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _row(self, index: Index) -> Any:
        return getattr(self.doc, self.section)[self.order[index.row()]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.doc is None or index.row() >= self._count:
            return None
        column = self.columns[index.column()]
        row = self._row(index)
        if column.kind == "computed":
            assert column.compute is not None
            text, colour, tip = column.compute(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
                return QBrush(colour)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip or None
            if role == SORT_ROLE:
                return text
            return None
        value = getattr(row, column.attribute)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(column, value, role)
        if role == SORT_ROLE:
            if isinstance(value, datetime):
                return value.timestamp()
            if isinstance(value, date):
                return value.toordinal()
            return self._display(column, value, Qt.ItemDataRole.DisplayRole)
        if role == CHOICES_ROLE:
            return column.choices
        if role == KIND_ROLE:
            return column.kind
        hinted = (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        )
        if role in hinted and self.row_hint:
            colour, tip = self.row_hint(row)
            # a pale hint with dark text; mirrored (deep hint, pale text) in the dark theme
            if role == Qt.ItemDataRole.BackgroundRole and colour is not None:
                return QBrush(QColor(screen_colour(colour.name())))
            if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
                return QBrush(QColor(screen_colour("#1a1a1a")))
            if role == Qt.ItemDataRole.ToolTipRole and tip:
                return tip
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            if column.kind == "datetime":
                return show_datetime(value)
            if column.kind == "date":
                return f"{value:%A} {value.isoformat()}"
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return value
        return None

    def _display(self, column: Column, value: Any, role: int) -> Any:
        if column.kind == "choice":
            if role == Qt.ItemDataRole.EditRole:
                return None if value is None else str(value)
            return next((label for label, v in column.choices if v == value), value or "")
        if column.kind == "datetime":
            if role == Qt.ItemDataRole.EditRole:
                return show_datetime(value)
            return format_moment(value, incident_day(self.doc))
        if column.kind == "date":
            return "" if value is None else value.isoformat()
        if column.kind == "list":
            return ", ".join(value)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            first = value.split("\n", 1)[0]
            return first if len(first) <= 200 else first[:199] + "…"
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.doc is None or not index.isValid():
            return False
        column = self.columns[index.column()]
        current = getattr(self._row(index), column.attribute)
        try:
            parsed = self.parse(column, value, current)
        except (PostmortemError, ValueError) as error:
            self.report(str(error))
            return False
        if parsed == current:
            return False
        row = self.order[index.row()]
        return self.apply(set_cell(self.doc, self.section, row, column.attribute, parsed))

    def parse(self, column: Column, value: Any, current: Any = None) -> Any:
        if column.kind == "choice":
            return column.convert(value) if column.convert and value is not None else value
        if column.kind == "list":
            return [part.strip() for part in str(value).split(",") if part.strip()]
        if column.kind == "date":
            if value is None or isinstance(value, date):
                return value
            text = str(value).strip()
            if not text:
                return None
            if column.parse_date is not None:
                return column.parse_date(text)
            return parse_date(text, column.title.lower())
        if column.kind == "datetime":
            assert column.parse_datetime is not None
            text = "" if value is None else str(value).strip()
            if not text and column.required:
                raise ValidationError(f"{column.title}: a date and time is required.")
            return column.parse_datetime(text, current) if text else None
        if column.kind == "text" and column.required and not str(value).strip():
            raise ValidationError(f"{column.title}: cannot be empty.")
        return value


class CellDelegate(QStyledItemDelegate):
    """Combo boxes for closed choices, a calendar for dates, a line for everything else."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = index.data(KIND_ROLE)
        if kind == "choice":
            box = QComboBox(parent)
            for label, value in index.data(CHOICES_ROLE) or []:
                box.addItem(label, value)
            return box
        editor = super().createEditor(parent, option, index)
        if kind in ("date", "datetime") and isinstance(editor, QLineEdit):
            line = editor

            def picked(day: date, clock: time | None) -> None:
                line.setText(f"{day.isoformat()} {clock:%H:%M}" if clock else day.isoformat())
                self.commitData.emit(line)
                self.closeEditor.emit(line)

            def current() -> Any:
                text = line.text().strip()
                try:
                    return datetime.fromisoformat(text[:16]) if text else None
                except ValueError:
                    return None

            attach_picker(line, current, picked, with_time=kind == "datetime")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
            return
        if isinstance(editor, QLineEdit) and index.data(KIND_ROLE) == "date":
            editor.setText("" if value is None else str(value))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
            return
        super().setModelData(editor, model, index)


class RowTable(QTableView):
    """A table over a ``RowsModel``; a sortable one sorts its view, not the document."""

    def __init__(self, model: RowsModel, *, sortable: bool = False, wrap: bool = False) -> None:
        """``wrap``: long texts wrap onto more lines instead of being cut (for short tables)."""
        super().__init__()
        self.rows_model = model
        self.setModel(model)
        if sortable:
            self.setSortingEnabled(True)
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(wrap)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(SQUEEZED)
        for number, column in enumerate(model.columns):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(number, column.width or 280)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen
        self.wrap = wrap
        self._fit_timer = QTimer(self)  # one fit per burst of resets, inserts and resizes,
        self._fit_timer.setSingleShot(True)  # once the rows are laid out (only those on
        self._fit_timer.setInterval(0)  # screen are measured)
        self._fit_timer.timeout.connect(self.fit_columns)
        model.modelReset.connect(self._fit_timer.start)
        model.rowsInserted.connect(self._fit_timer.start)
        if wrap:  # row heights follow the wrapped text, measured only while on screen
            model.dataChanged.connect(self._fit_rows)
            model.layoutChanged.connect(self._fit_rows)

    def _fit_rows(self, *_args: object) -> None:
        if self.wrap and self.isVisible():
            self.resizeRowsToContents()
            tallest = 3 * self.fontMetrics().lineSpacing() + 10  # three lines, then elided
            header = self.verticalHeader()
            for row in range(self.rows_model.rowCount()):
                if header.sectionSize(row) > tallest:
                    header.resizeSection(row, tallest)

    def fit_columns(self) -> None:
        """Columns as wide as their content; only when the table is too narrow for all of
        them are the widest text columns shortened (elided), never below a readable width."""
        model = self.rows_model
        count = len(model.columns)
        if not count or not self.isVisible():
            return  # measured when shown: a hidden table has no rows on screen to measure
        header = self.horizontalHeader()
        rows = self._rows_on_screen()
        wanted = [
            min(MAX_FIT, max(header.sectionSizeHint(c), self._content_width(c, rows)) + 8)
            for c in range(count)
        ]
        room = self.viewport().width() or sum(wanted)
        texts = {c for c in range(count) if model.columns[c].kind in ("text", "computed", "list")}
        # first the widest texts are brought down to one common width, never below a floor;
        # only when that is not enough is every column shortened (elided), texts the least
        wanted = squeeze(wanted, [MIN_FIT if c in texts else w for c, w in enumerate(wanted)], room)
        least = [min(w, SQUEEZED_TEXT if c in texts else SQUEEZED) for c, w in enumerate(wanted)]
        if sum(least) > room:  # many columns on a small screen: an equal share each, not a scroll
            share = max(SQUEEZED, room // count)
            least = [min(w, share) for w in wanted]
        wanted = squeeze(wanted, least, room)
        for c, width in enumerate(wanted):
            self.setColumnWidth(c, width)
        self._fit_rows()

    def _rows_on_screen(self) -> range:
        """The rows in view (at most a screenful), so fitting costs the same for 10 or 10,000."""
        total = self.rows_model.rowCount()
        first = max(0, self.rowAt(0))
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = min(total - 1, first + 60)
        return range(first, last + 1)

    def _content_width(self, column: int, rows: range) -> int:
        model = self.rows_model
        return max(
            (self.sizeHintForIndex(model.index(row, column)).width() for row in rows), default=0
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete empties an optional cell (a due date, a marker…) without opening an editor."""
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
        ):
            column = self.rows_model.columns[index.column()]
            if column.kind in ("date", "datetime", "choice") and not column.required:
                optional = column.kind != "choice" or any(v is None for _, v in column.choices)
                if optional:
                    self.rows_model.setData(index, None)
                    return
        super().keyPressEvent(event)

    def source_row(self, view_row: int) -> int:
        return self.rows_model.doc_row(view_row)

    def view_row(self, source_row: int) -> int:
        return self.rows_model.view_row(source_row)

    def selected_source_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(self.source_row(row) for row in rows)

    def cell(self, source_row: int, column: int) -> QModelIndex:
        """The view index of a document row's cell (for selecting and editing it)."""
        return self.rows_model.index(self.view_row(source_row), column)
