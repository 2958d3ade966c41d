"""A process that edits one postmortem while another process does too.

Usage: ``python -m tests.concurrent_edit_loop DB ID TAG COUNT GO_FILE``. It waits for GO_FILE
to exist (so both processes start together), then makes COUNT edits through
``DocumentSession.apply``, alternating a timeline row and a parking-lot item, each named with
TAG and its number; it prints ``ack TAG N`` only after ``apply`` returned.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.edits import insert_rows
from app.model import Postmortem, TimelineEntry
from app.session import DocumentSession, SnapshotChange
from app.store import Store


def _park(item: str) -> SnapshotChange:
    def add(doc: Postmortem) -> None:
        doc.parking_lot.append(item)

    return SnapshotChange(f"park {item}", add)


def main(db: str, postmortem_id: str, tag: str, count: str, go_file: str) -> None:
    while not Path(go_file).exists():
        time.sleep(0.005)
    start = datetime(2026, 1, 15, 14, tzinfo=UTC)
    with Store(Path(db)) as store:
        session = DocumentSession.open(store, postmortem_id)
        for number in range(int(count)):
            name = f"{tag}-{number}"
            if number % 2:
                session.apply(_park(name))
            else:
                row = TimelineEntry(at=start + timedelta(seconds=number), event=name, id=name)
                session.apply(insert_rows("timeline", len(session.doc.timeline), [row]))
            print(f"ack {name}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:6])
