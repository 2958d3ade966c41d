"""Action tracker with 10,000 actions: model load, filter and sort, against a floor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/tracker.py

The floor is a bare ``SELECT`` of the same rows measured in the same run: the tracker's cost
over it is the price of joining, typing and presenting them. The view must stay responsive, so
the absolute figures matter too (under ~100 ms per operation feels immediate).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.model import Action, Postmortem
from app.store import Store
from app.tracker import OPEN_STATUSES, ActionFilter
from app.vocabulary import ActionKind, ActionStatus, Priority

ACTIONS = 10_000
PER_POSTMORTEM = 20
TODAY = date(2026, 6, 1)


def build(store: Store) -> None:
    rnd = random.Random(10)
    owners = ["Alice", "Bob", "Carol", "Dan", "SRE Team", "Platform Team", ""]
    for number in range(ACTIONS // PER_POSTMORTEM):
        doc = Postmortem(
            title=f"Incident {number}",
            incident_date=date(2025, 1, 1) + timedelta(days=number % 500),
        )
        doc.actions = [
            Action(
                f"Action {number}-{index} " + rnd.choice(["alert", "runbook", "test", "limit"]),
                owner=rnd.choice(owners),
                due=None if rnd.random() < 0.1 else TODAY + timedelta(days=rnd.randint(-200, 200)),
                priority=rnd.choice(list(Priority)),
                status=rnd.choice(list(ActionStatus)),
                kind=rnd.choice(list(ActionKind)),
            )
            for index in range(PER_POSTMORTEM)
        ]
        store.save(doc)


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.tracker import TrackerModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite3")
        start = time.perf_counter()
        build(store)
        print(f"built {ACTIONS} actions in {time.perf_counter() - start:.2f} s")

        floor = best_of(5, lambda: store.db.execute("SELECT * FROM actions").fetchall())
        model = TrackerModel(store, lambda: TODAY)

        def load() -> None:
            model.refresh()
            for row in range(model.rowCount()):  # what a visible page asks for, and more
                for column in range(model.columnCount()):
                    model.index(row, column).data()

        def alternate(*steps: Callable[[], object]) -> Callable[[], object]:
            """Each run does the next step: the model skips a filter or sort it already has."""
            turn = [0]

            def run() -> object:
                turn[0] += 1
                return steps[(turn[0] - 1) % len(steps)]()

            return run

        everything = ActionFilter()
        figures = {
            "load (10,000 rows, first batch formatted)": best_of(5, load),
            "filter open + overdue": best_of(
                6,
                alternate(
                    lambda: model.set_filter(
                        ActionFilter(statuses=OPEN_STATUSES, overdue_only=True)
                    ),
                    lambda: model.set_filter(everything),
                ),
            ),
            "filter owner text": best_of(
                6,
                alternate(
                    lambda: model.set_filter(ActionFilter(owner="sre")),
                    lambda: model.set_filter(everything),
                ),
            ),
        }
        model.set_filter(everything)
        figures["sort by owner (all rows)"] = best_of(
            6,
            alternate(
                lambda: model.sort(TrackerModel.OWNER),
                lambda: model.sort(TrackerModel.OWNER, Qt.SortOrder.DescendingOrder),
            ),
        )
        figures["sort by due, descending"] = best_of(
            6,
            alternate(
                lambda: model.sort(TrackerModel.DUE, Qt.SortOrder.DescendingOrder),
                lambda: model.sort(TrackerModel.DUE),
            ),
        )
        from app.metrics import compute_metrics

        figures["metrics (500 postmortems, all figures)"] = best_of(
            3, lambda: compute_metrics(store, TODAY)
        )
        print(f"floor: bare SELECT of {ACTIONS} rows  {floor * 1000:7.1f} ms")
        for name, seconds in figures.items():
            print(f"{name:<42} {seconds * 1000:7.1f} ms   ×{seconds / floor:5.1f} floor")
        store.close()
        tracker_worst = max(v for k, v in figures.items() if not k.startswith("metrics"))
        verdict = "OK" if tracker_worst < 0.25 else "SLOW"
        print(f"tracker: worst operation {tracker_worst * 1000:.1f} ms ({verdict}: budget 250 ms)")
        metrics_time = figures["metrics (500 postmortems, all figures)"]
        verdict = "OK" if metrics_time < 1.5 else "SLOW"
        print(f"dashboard: all metrics {metrics_time * 1000:.0f} ms ({verdict}: budget 1.5 s)")
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
