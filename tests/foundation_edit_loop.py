"""A process that edits one postmortem in a loop, for the durability test to kill.

Usage: ``python -m tests.foundation_edit_loop DB ID START``. Each edit goes through
``DocumentSession.apply``; only after ``apply`` returns does it print ``ack N``, so every
printed line is a promise that edit N is on disk.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.model import Postmortem
from app.session import DocumentSession, FieldChange, SnapshotChange
from app.store import Store


def _edits(number: int) -> list[FieldChange | SnapshotChange]:
    def add_item(doc: Postmortem) -> None:
        doc.parking_lot.append(f"item {number}")

    return [
        SnapshotChange(f"park item {number}", add_item),
        FieldChange(f"title {number}", lambda doc: doc, "title", f"edit {number}"),
    ]


def main(db: str, postmortem_id: str, start: str) -> None:
    with Store(Path(db)) as store:
        session = DocumentSession.open(store, postmortem_id)
        number = int(start)
        while True:
            for change in _edits(number):
                session.apply(change)
            print(f"ack {number}", flush=True)
            number += 1


if __name__ == "__main__":
    main(*sys.argv[1:4])
