"""One open postmortem and the single path every edit takes.

``DocumentSession.apply`` runs a ``Change`` on the document, saves the whole document in one
SQLite transaction and only then tells listeners: what the UI shows as done is on disk.

The session owns the truth about the document:

- **Compare-and-swap.** A save names the version it was made from; when another program (a
  second window, the command line) saved in between, the session loads the newer version and
  carries its change over (``app.merge``), or — when both changed the same thing — refuses
  the change with a clear sentence and shows the newer version. Nothing is overwritten.
- **Saved means saved.** A save the store refuses for good (text SQLite cannot hold, a
  constraint) takes the change back and raises; a save that fails for the environment
  (read-only or deleted file, full disk, busy database) keeps the change in memory,
  ``pending`` and ``saved`` False, until ``retry_pending`` succeeds.

Undo is the same path backwards (``revert``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import (
    ConflictError,
    LockedError,
    NotFoundError,
    PostmortemError,
    StoreError,
    ValidationError,
)
from app.jsonio import document_from_dict, document_to_dict
from app.merge import MergeConflict, three_way
from app.messages import Message, Quoted
from app.model import Postmortem
from app.store import Store
from app.vocabulary import Status


class Change(Protocol):
    """A reversible edit of the document with a name for the Edit menu."""

    description: str

    def forward(self, doc: Postmortem) -> None: ...

    def backward(self, doc: Postmortem) -> None: ...


@dataclass
class FieldChange:
    """Set one attribute of one object of the document (the header, a row, …)."""

    description: str
    locate: Callable[[Postmortem], Any]
    attribute: str
    new: Any
    old: Any = None
    _captured: bool = field(default=False, repr=False)

    def forward(self, doc: Postmortem) -> None:
        target = self.locate(doc)
        if not self._captured:
            self.old = copy.deepcopy(getattr(target, self.attribute))
            self._captured = True
        setattr(target, self.attribute, copy.deepcopy(self.new))

    def backward(self, doc: Postmortem) -> None:
        setattr(self.locate(doc), self.attribute, copy.deepcopy(self.old))


@dataclass
class SnapshotChange:
    """Any edit at all: the document is captured before and after ``mutate`` runs.

    Redo and undo carry the difference over onto the document as it is then (which may hold
    edits made elsewhere since) and refuse when those edits touched the same values.
    """

    description: str
    mutate: Callable[[Postmortem], None]
    _before: dict[str, Any] | None = field(default=None, repr=False)
    _after: dict[str, Any] | None = field(default=None, repr=False)

    def forward(self, doc: Postmortem) -> None:
        if self._after is None:
            self._before = document_to_dict(doc)
            self.mutate(doc)
            self._after = document_to_dict(doc)
        else:
            assert self._before is not None
            _carry_over(doc, self._before, self._after, self.description)

    def backward(self, doc: Postmortem) -> None:
        assert self._before is not None and self._after is not None, "backward() before forward()"
        _carry_over(doc, self._after, self._before, self.description)


def _carry_over(doc: Postmortem, old: dict[str, Any], new: dict[str, Any], what: str) -> None:
    current = document_to_dict(doc)
    try:
        merged = three_way(old, new, current)
    except MergeConflict as conflict:
        raise ValidationError(
            Message("error.cannot_redo", edit=Quoted([what]), where=conflict.where)
        ) from None
    if merged != current:
        _replace_content(doc, document_from_dict(merged))


def _replace_content(doc: Postmortem, source: Postmortem) -> None:
    doc.__dict__.update(source.__dict__)


Listener = Callable[[Postmortem, str], None]


class DocumentSession:
    """The open document: in memory, mirrored to the store after every change.

    ``seq`` is the stored version this copy is based on (None: not stored yet — the first
    edit creates it).
    """

    def __init__(self, store: Store, doc: Postmortem, seq: int | None = None) -> None:
        self.store = store
        self.doc = doc
        self.seq = seq
        self.listeners: list[Listener] = []
        #: told (with a sentence) when a newer version saved elsewhere was taken in
        self.outside_listeners: list[Callable[[str], None]] = []
        #: descriptions of the changes made in memory but not on disk yet
        self.pending: list[str] = []
        self.edit_guards: list[Callable[[Postmortem], None]] = [_refuse_when_locked]
        self.after_edit: list[Callable[[Postmortem], None]] = []
        self._base = document_to_dict(doc)  # the content as last saved (or loaded)

    @classmethod
    def open(cls, store: Store, postmortem_id: str) -> DocumentSession:
        doc, seq = store.load_versioned(postmortem_id)
        return cls(store, doc, seq)

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def apply(self, change: Change) -> None:
        self._run(change, forward=True)

    def revert(self, change: Change) -> None:
        self._run(change, forward=False)

    @property
    def saved(self) -> bool:
        return not self.pending

    def _run(self, change: Change, *, forward: bool) -> None:
        for guard in self.edit_guards:
            guard(self.doc)
        before = self._base if not self.pending else document_to_dict(self.doc)
        try:
            (change.forward if forward else change.backward)(self.doc)
            for hook in self.after_edit:
                hook(self.doc)
        except BaseException:
            self._show(before)  # nothing half-applied
            raise
        self.pending.append(change.description)
        self._save(before)

    def retry_pending(self) -> bool:
        """Save again after a failed write; True when the document is safely on disk."""
        if not self.pending:
            return True
        self._save(self._base)
        return True

    def reload_if_stale(self) -> bool:
        """Take in a newer version saved elsewhere (nothing pending here); True if one was."""
        if self.pending or self.seq is None:
            return False
        try:
            if self.store.seq(self.doc.id) == self.seq:
                return False
            doc, seq = self.store.load_versioned(self.doc.id)
        except NotFoundError:
            return False
        self._adopt(document_to_dict(doc), seq)
        self._tell_outside("This postmortem was changed elsewhere; the latest version is shown.")
        return True

    # -- saving ----------------------------------------------------------------------------

    def _save(self, before: dict[str, Any]) -> None:
        data = document_to_dict(self.doc)
        carried: list[tuple[Postmortem, dict[str, Any]]] = []

        def rebase(fresh: Postmortem, _fresh_seq: int) -> tuple[Postmortem, dict[str, Any]]:
            carried.append(self._carry_over(fresh, data))
            return carried[-1]

        try:
            seq = self.store.save(self.doc, expected_seq=self.seq, data=data, rebase=rebase)
        except (ConflictError, LockedError):
            self._refused_by_newer_version()
            raise
        except StoreError:
            raise  # the environment: kept in memory, pending, retried
        except PostmortemError:
            self.pending.pop()
            self._show(before)
            raise
        if carried:
            merged, data = carried[-1]
            _replace_content(self.doc, merged)
        self.seq, self._base = seq, data
        self._done()
        if carried:
            self._tell_outside(
                "This postmortem was changed elsewhere: the latest version is shown, with "
                "your edit."
            )

    def _carry_over(
        self, fresh: Postmortem, mine: dict[str, Any]
    ) -> tuple[Postmortem, dict[str, Any]]:
        """This session's changes carried over the version saved elsewhere (runs inside the
        store's write transaction, so no third version can come in between)."""
        what = Quoted(self.pending)
        for guard in self.edit_guards:
            try:
                guard(fresh)
            except LockedError:
                raise LockedError(Message("error.locked_elsewhere", edits=what)) from None
        try:
            merged_data = three_way(self._base, mine, document_to_dict(fresh))
        except MergeConflict as conflict:
            raise ConflictError(
                Message("error.changed_elsewhere", where=conflict.where, edits=what)
            ) from None
        merged = document_from_dict(merged_data)
        for hook in self.after_edit:
            hook(merged)
        return merged, document_to_dict(merged)

    def _refused_by_newer_version(self) -> None:
        """The edit was refused over a newer version: show that version (if any is left)."""
        self.pending.clear()
        try:
            doc, seq = self.store.load_versioned(self.doc.id)
        except NotFoundError:
            return
        self._adopt(document_to_dict(doc), seq)

    def _done(self) -> None:
        descriptions, self.pending = self.pending, []
        for description in descriptions:
            self._notify(description)

    def _show(self, data: dict[str, Any]) -> None:
        """Make the in-memory document ``data`` again (after a refused change)."""
        if document_to_dict(self.doc) != data:
            _replace_content(self.doc, document_from_dict(data))

    def _adopt(self, data: dict[str, Any], seq: int) -> None:
        """Show the stored version ``data`` (``seq``) instead of this copy."""
        _replace_content(self.doc, document_from_dict(data))
        self.seq, self._base = seq, data
        self._notify("Reloaded")

    def _notify(self, description: str) -> None:
        for listener in list(self.listeners):
            listener(self.doc, description)

    def _tell_outside(self, message: str) -> None:
        for listener in list(self.outside_listeners):
            listener(message)


def _refuse_when_locked(doc: Postmortem) -> None:
    if doc.status == Status.APPROVED:
        raise LockedError(Message("error.locked"))
