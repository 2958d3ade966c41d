"""Editor performance: open a big postmortem, commit one edit, search 5,000 postmortems.

Targets: < 200 ms from "open" to a usable editor (500 timeline entries, 100 actions), < 5 ms
per edit committed to SQLite, < 50 ms per full-text search over 5,000 postmortems. Each figure
is printed next to the floor measured in the same run: a bare Qt window shown, and for the
commits what any save must do — serialise the document and UPDATE its row durably
(``bench/commit.py``).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/editor.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app.demo import demo_document
from app.edits import set_cell, set_field
from app.model import Postmortem, TimelineEntry
from app.session import DocumentSession
from app.store import Store
from bench.commit import big_document, floor_write
from ui.application import ensure_application

WORDS = [
    "déploiement",
    "rollback",
    "readinessProbe",
    "latence",
    "base",
    "cache",
    "paiement",
    "alerte",
    "pod",
    "réseau",
]


def floor_ms(app: QApplication) -> float:
    started = time.perf_counter()
    window = QMainWindow()
    window.setCentralWidget(QLabel("floor"))
    window.show()
    app.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    window.close()
    return elapsed


def main() -> None:
    app = ensure_application()
    import ui.main_window as main_window

    main_window.FEATURES = ()  # the editor alone; feature modules have their own benchmarks
    folder = Path(tempfile.mkdtemp(prefix="pm-bench-"))
    store = Store(folder / "bench.sqlite3")
    doc = big_document(WORDS)
    store.save(doc)
    window = main_window.MainWindow(store)
    window.show()
    app.processEvents()
    floors = [floor_ms(app) for _ in range(5)]
    floor = statistics.median(floors)

    opens = []
    for _ in range(5):
        window.close_document()
        app.processEvents()
        started = time.perf_counter()
        window.open_document(doc.id)
        app.processEvents()
        opens.append((time.perf_counter() - started) * 1000)
    assert window.current is not None and len(window.current.timeline) == 500

    session = DocumentSession.open(store, doc.id)
    commits = []
    commit_floor = []
    for i in range(60):
        commit_floor.append(floor_write(store, session.doc, i) * 1000)
        change = set_cell(session.doc, "actions", i % 100, "owner", f"Owner {i}")
        started = time.perf_counter()
        session.apply(change)
        commits.append((time.perf_counter() - started) * 1000)
    demo = demo_document()
    store.save(demo)
    demo_session = DocumentSession.open(store, demo.id)
    demo_commits = []
    demo_floor = []
    for i in range(60):
        demo_floor.append(floor_write(store, demo_session.doc, i) * 1000)
        change = set_cell(demo_session.doc, "actions", i % 7, "owner", f"Owner {i}")
        started = time.perf_counter()
        demo_session.apply(change)
        demo_commits.append((time.perf_counter() - started) * 1000)
    window_edits = []
    for i in range(20):
        started = time.perf_counter()
        window.apply_change(set_field("summary", f"Summary {i}"))
        app.processEvents()
        window_edits.append((time.perf_counter() - started) * 1000)

    store.db.execute("PRAGMA synchronous = OFF")  # setup only: 5,000 documents quickly
    for i in range(5000):
        other = Postmortem(
            title=f"Incident {i} {WORDS[i % 10]} {WORDS[(i * 7) % 10]}",
            summary=f"{WORDS[(i * 3) % 10]} numéro {i}",
            severity=f"P{i % 4}",
        )
        other.timeline = [
            TimelineEntry(at=datetime(2026, 1, 1, tzinfo=UTC), event=f"{WORDS[i % 10]} step {k}")
            for k in range(10)
        ]
        store.save(other)
    store.db.execute("PRAGMA synchronous = FULL")
    searches = []
    # each word is in about a fifth of the documents; "numero 4999" in one
    for query in ("deploiement", "rollback", "latence paiement", "numero 4999", "readiness"):
        started = time.perf_counter()
        found = store.summaries(query)
        searches.append((time.perf_counter() - started) * 1000)
        assert found or query == "numero 4999"
    listing = []
    for _ in range(3):
        started = time.perf_counter()
        store.summaries("")
        listing.append((time.perf_counter() - started) * 1000)
    list_refresh = []
    for query in ("deploiement", "alerte"):
        started = time.perf_counter()
        window.search.setText(query)
        app.processEvents()
        list_refresh.append((time.perf_counter() - started) * 1000)

    def line(name: str, values: list[float], target: float, base: float | None = None) -> None:
        median = statistics.median(values)
        worst = max(values)
        verdict = "ok" if median < target else "SLOW"
        against = floor if base is None else base
        label = "floor" if base is None else "serialise+UPDATE"
        print(
            f"{name:<44} median {median:7.2f} ms  max {worst:7.2f} ms  "
            f"target < {target:g} ms  {median / against:5.1f}× {label}  {verdict}"
        )

    print(f"floor: bare Qt window shown                  median {floor:7.2f} ms")
    line("open 500 timeline + 100 actions (editor)", opens, 200)
    line("commit one edit, 500/100 document", commits, 5, statistics.median(commit_floor))
    line("commit one edit, demo-sized document", demo_commits, 5, statistics.median(demo_floor))
    line("one edit through the window (incl. refresh)", window_edits, 50)
    line("FTS search over 5,000 postmortems (store)", searches, 50)
    line("list all 5,000 postmortems (no query)", listing, 100)
    line("search typed in the home list (5,000)", list_refresh, 100)
    window.close()
    store.close()


if __name__ == "__main__":
    main()
