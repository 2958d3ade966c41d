"""One committed edit on a big document (500 timeline rows, 100 actions), p50 and p99.

    .venv/bin/python bench/commit.py

Measured alone in a fresh database and inside the 10,000-postmortem database of
``bench/scale_data.py``. The floor, measured in the same run and interleaved with the edits, is
what any save must do: serialise the document to JSON and UPDATE its row in one durable
transaction (same connection, same ``synchronous = FULL``). Target: ≤ 1.5× the floor.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import demo_document
from app.edits import set_field
from app.jsonio import document_to_dict
from app.model import Action, Postmortem, TimelineEntry, new_id
from app.session import DocumentSession
from app.store import Store
from bench.scale_data import working_copy

EDITS = 200


def big_document(words: Sequence[str] = ("déploiement",)) -> Postmortem:
    """The demo with 500 timeline entries and 100 actions (also used by ``bench/editor.py``)."""
    doc = demo_document()
    doc.id = new_id()
    start = datetime(2026, 1, 15, 13, 0, tzinfo=UTC)
    doc.timeline = [
        TimelineEntry(
            at=start + timedelta(seconds=20 * i), event=f"Event {i} {words[i % len(words)]}"
        )
        for i in range(500)
    ]
    doc.actions = [Action(action=f"Action {i}", owner=f"Team {i % 7}") for i in range(100)]
    return doc


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def floor_write(store: Store, doc: Postmortem, number: int) -> float:
    """Seconds to serialise a changed ``doc`` and UPDATE its row durably: the floor of a save."""
    doc.summary = f"Floor {number} : rollback du déploiement"  # a changed document
    conn = store._conn
    started = time.perf_counter()
    text = json.dumps(document_to_dict(doc), ensure_ascii=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE postmortems SET doc = ? WHERE id = ?", (text, doc.id))
    conn.execute("COMMIT")
    return time.perf_counter() - started


def measure(store: Store) -> dict[str, list[float]]:
    """Interleaved: one floor write, one edit through the session, EDITS times each."""
    doc = big_document()
    store.save(doc)
    session = DocumentSession.open(store, doc.id)
    floor: list[float] = []
    edits: list[float] = []
    for number in range(EDITS):
        floor.append(floor_write(store, session.doc, number))
        change = set_field("summary", f"Summary {number} : rollback du déploiement")
        started = time.perf_counter()
        session.apply(change)
        edits.append(time.perf_counter() - started)
    return {"floor": floor, "edit": edits}


def report(name: str, figures: dict[str, list[float]]) -> dict[str, float]:
    floor, edits = figures["floor"], figures["edit"]
    result = {}
    for label, fraction in (("p50", 0.5), ("p99", 0.99)):
        mine, base = percentile(edits, fraction), percentile(floor, fraction)
        result[label] = mine / base
        print(
            f"{name:<34} {label}: edit {mine * 1000:6.2f} ms  floor {base * 1000:6.2f} ms  "
            f"= {mine / base:4.2f}× floor (target ≤ 1.5×)"
        )
    return result


def run(size: int = 10_000) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        alone = Path(folder) / "alone.sqlite3"
        with Store(alone) as store:
            small = report("big document, alone", measure(store))
        with Store(working_copy(size, Path(folder))) as store:
            large = report(f"big document, {size:,} database", measure(store))
    return {"alone": small, "large": large}


def main() -> int:
    print(f"serialise + UPDATE floor; {EDITS} edits, interleaved; median of the run shown too")
    figures = run()
    print(f"median ratio: {statistics.median(v for f in figures.values() for v in f.values()):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
