"""Named, reversible edits of a postmortem: what the editor pushes onto the undo stack.

Every factory returns a ``Change`` (see ``app.session``) whose description is what the Edit menu
shows ("Undo Change owner of action 3"): a ``Message`` the window shows in its own language.
Row edits locate their row by the row's id when it has one (timeline entries, actions), so an
undo still finds the row after the table was reordered.
Row insertions and removals are small list operations rather than whole-document snapshots, so
a 10,000-line paste stays one cheap, undoable step.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from app.errors import ValidationError
from app.messages import MESSAGES, Message, field_word
from app.model import Postmortem
from app.session import FieldChange, SnapshotChange
from app.timeutil import parse_datetime
from app.timezones import parse_zone


def _row(section: str) -> Message | str:
    """How one row of ``section`` is called in an edit's name ("action")."""
    key = f"row.{section}"
    return Message(key) if key in MESSAGES else section


def _rows_word(section: str) -> Message | str:
    key = f"rows.{section}"
    return Message(key) if key in MESSAGES else section


def set_field(attribute: str, value: Any) -> FieldChange:
    """Set a header-level field of the document ("Change title")."""
    return FieldChange(
        Message("edit.change", field=field_word(attribute)), lambda doc: doc, attribute, value
    )


def _rows(doc: Postmortem, section: str) -> list[Any]:
    rows: list[Any] = getattr(doc, section)
    return rows


def _locator(section: str, index: int, row_id: str | None) -> Callable[[Postmortem], Any]:
    if row_id is None:
        return lambda doc: _rows(doc, section)[index]

    def locate(doc: Postmortem) -> Any:
        for row in _rows(doc, section):
            if getattr(row, "id", None) == row_id:
                return row
        raise LookupError(Message("error.row_gone", row=_row(section), id=row_id))

    return locate


def set_row_field(
    section: str, index: int, attribute: str, value: Any, row_id: str | None = None
) -> FieldChange:
    """Set one cell of a table section ("Change owner of action 3"); ``index`` is 0-based.

    With ``row_id`` the row is found by id, so undo still reaches it after a reorder.
    """
    return FieldChange(
        Message(
            "edit.change_cell", field=field_word(attribute), row=_row(section), number=index + 1
        ),
        _locator(section, index, row_id),
        attribute,
        value,
    )


def set_cell(doc: Postmortem, section: str, index: int, attribute: str, value: Any) -> FieldChange:
    """``set_row_field`` bound to the row's id when the row has one."""
    row_id = getattr(_rows(doc, section)[index], "id", None)
    return set_row_field(section, index, attribute, value, row_id)


@dataclass
class InsertRows:
    """Insert rows at a position of a section (undo removes exactly them)."""

    description: str
    section: str
    position: int
    rows: Sequence[Any]

    def forward(self, doc: Postmortem) -> None:
        target = _rows(doc, self.section)
        target[self.position : self.position] = [copy.copy(row) for row in self.rows]

    def backward(self, doc: Postmortem) -> None:
        target = _rows(doc, self.section)
        ids = {getattr(row, "id", None) for row in self.rows} - {None}
        if ids:  # rows found by id: rows added elsewhere meanwhile stay
            target[:] = [row for row in target if getattr(row, "id", None) not in ids]
        else:
            del target[self.position : self.position + len(self.rows)]


def insert_rows(section: str, position: int, rows: Sequence[Any], what: str = "") -> InsertRows:
    description: str
    if what:
        description = what
    elif len(rows) == 1:
        description = Message("edit.add_row", row=_row(section), number=position + 1)
    else:
        description = Message("edit.add_rows", count=len(rows), rows=_rows_word(section))
    return InsertRows(description, section, position, list(rows))


@dataclass
class RemoveRows:
    """Remove rows (by index); undo puts each back where it was."""

    description: str
    section: str
    indexes: list[int]
    _removed: list[tuple[int, Any]] = field(default_factory=list, repr=False)

    def forward(self, doc: Postmortem) -> None:
        target = _rows(doc, self.section)
        self._removed = [(i, target[i]) for i in sorted(set(self.indexes))]
        for i, _ in reversed(self._removed):
            del target[i]

    def backward(self, doc: Postmortem) -> None:
        target = _rows(doc, self.section)
        for i, row in self._removed:
            target.insert(i, row)


def remove_rows(section: str, indexes: Sequence[int]) -> RemoveRows:
    chosen = sorted(set(indexes))
    if len(chosen) == 1:
        description = Message("edit.delete_row", row=_row(section), number=chosen[0] + 1)
    else:
        description = Message("edit.delete_rows", count=len(chosen), rows=_rows_word(section))
    return RemoveRows(description, section, chosen)


@dataclass
class MoveRow:
    """Move one row of a section to another position."""

    description: str
    section: str
    source: int
    target: int

    _row_id: str | None = field(default=None, repr=False)

    def forward(self, doc: Postmortem) -> None:
        rows = _rows(doc, self.section)
        moved = rows.pop(self._index(rows, self.source))
        self._row_id = getattr(moved, "id", None)
        rows.insert(self.target, moved)

    def backward(self, doc: Postmortem) -> None:
        rows = _rows(doc, self.section)
        rows.insert(self.source, rows.pop(self._index(rows, self.target)))

    def _index(self, rows: list[Any], fallback: int) -> int:
        """Where the moved row is now: found by id when rows have one (rows may have been
        added elsewhere in between), else by position."""
        if self._row_id is not None:
            for index, row in enumerate(rows):
                if getattr(row, "id", None) == self._row_id:
                    return index
            raise LookupError(Message("error.moved_row_gone", row=_row(self.section)))
        return fallback


def move_row(section: str, source: int, target: int) -> MoveRow:
    name = "edit.move_up" if target < source else "edit.move_down"
    return MoveRow(Message(name, row=_row(section), number=source + 1), section, source, target)


def sort_timeline() -> SnapshotChange:
    """Put the timeline in time order (the order the report prints)."""

    def mutate(doc: Postmortem) -> None:
        doc.timeline.sort(key=lambda entry: entry.at)

    return SnapshotChange(Message("edit.sort_timeline"), mutate)


def replace_content(source: Postmortem, description: str) -> SnapshotChange:
    """Make the document's content that of ``source`` (restore a revision).

    The identity and the workflow state (id, status, revision, sign-offs) stay as they are:
    restoring old wording must not silently re-approve or un-approve a report.
    """

    def mutate(doc: Postmortem) -> None:
        kept = {key: getattr(doc, key) for key in ("id", "status", "revision", "signoffs")}
        doc.__dict__.update(copy.deepcopy(source.__dict__))
        doc.__dict__.update(kept)

    return SnapshotChange(description, mutate)


def zone_of(name: str) -> tzinfo:
    """The document's time zone, read by the one parser of the app (``app.timezones``)."""
    return parse_zone(name)


def parse_moment(text: str, zone_name: str, field_name: str = "time") -> datetime:
    """A date-time as typed; without an offset, the document's time zone is assumed."""
    value = text.strip().replace("/", "-")
    try:
        return parse_datetime(value, field_name)
    except ValidationError as refused:
        try:
            naive = datetime.fromisoformat(value)
        except ValueError:
            raise refused from None
        if naive.tzinfo is not None:
            raise
        return naive.replace(tzinfo=zone_of(zone_name))
