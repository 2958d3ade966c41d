"""One open postmortem and the single path every edit takes.

``DocumentSession.apply`` runs a ``Change`` on the document, saves the whole document in one
SQLite transaction and only then tells listeners: what the UI shows as done is on disk. If the
save fails, the change stays in memory and is kept in ``pending`` so the save can be retried
(e.g. once a read-only file is writable again); the error is raised with its message.
Undo is the same path backwards (``revert``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import LockedError, StoreError
from app.jsonio import document_from_dict, document_to_dict
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
    """Any edit at all: the document is captured before and after ``mutate`` runs."""

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
            _replace_content(doc, document_from_dict(self._after))

    def backward(self, doc: Postmortem) -> None:
        assert self._before is not None, "backward() before forward()"
        _replace_content(doc, document_from_dict(self._before))


def _replace_content(doc: Postmortem, source: Postmortem) -> None:
    doc.__dict__.update(source.__dict__)


Listener = Callable[[Postmortem, str], None]


class DocumentSession:
    """The open document: in memory, mirrored to the store after every change."""

    def __init__(self, store: Store, doc: Postmortem) -> None:
        self.store = store
        self.doc = doc
        self.listeners: list[Listener] = []
        self.pending: list[tuple[Change, bool]] = []
        self.edit_guards: list[Callable[[Postmortem], None]] = [_refuse_when_locked]
        self.after_edit: list[Callable[[Postmortem], None]] = []

    @classmethod
    def open(cls, store: Store, postmortem_id: str) -> DocumentSession:
        return cls(store, store.load(postmortem_id))

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def apply(self, change: Change) -> None:
        self._run(change, forward=True)

    def revert(self, change: Change) -> None:
        self._run(change, forward=False)

    def _run(self, change: Change, *, forward: bool) -> None:
        for guard in self.edit_guards:
            guard(self.doc)
        (change.forward if forward else change.backward)(self.doc)
        for hook in self.after_edit:
            hook(self.doc)
        try:
            self.store.save(self.doc)
        except StoreError:
            self.pending.append((change, forward))
            raise
        self.pending.clear()
        self._notify(change.description)

    def retry_pending(self) -> bool:
        """Save again after a failed write; True when the document is safely on disk."""
        if not self.pending:
            return True
        self.store.save(self.doc)
        descriptions = [change.description for change, _ in self.pending]
        self.pending.clear()
        for description in descriptions:
            self._notify(description)
        return True

    @property
    def saved(self) -> bool:
        return not self.pending

    def _notify(self, description: str) -> None:
        for listener in list(self.listeners):
            listener(self.doc, description)


def _refuse_when_locked(doc: Postmortem) -> None:
    if doc.status == Status.APPROVED:
        raise LockedError(
            "This report is approved and locked; reopen it to edit (a new revision is created)."
        )
