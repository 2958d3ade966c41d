"""An organisation's archive: 2,000 and 10,000 postmortems, every figure against its floor.

    .venv/bin/python bench/scale.py [--quick]

The databases come from ``bench/scale_data.py`` (deterministic, built through the store API,
cached in the temporary folder). Each figure is printed as a ratio to a floor measured in the
same run, best of several runs for both (the machine is shared: the best run is the one least
disturbed). Start-up figures run fresh processes with ``PYTHONDONTWRITEBYTECODE`` removed and
``PYTHONPYCACHEPREFIX`` pointing to a cache folder of this bench (warmed once), so they measure
start-up rather than compiling the project's sources; the floors run in the same conditions.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_data import CACHE, database, working_copy  # noqa: E402

TODAY = date(2026, 1, 1)
SIZES = (2_000, 10_000)
RESULTS: list[tuple[str, float, float, str]] = []


def record(name: str, mine: float, floor: float, target: str = "") -> None:
    RESULTS.append((name, mine, floor, target))
    print(
        f"{name:<52} {mine * 1000:9.1f} ms  floor {floor * 1000:8.1f} ms  "
        f"×{mine / floor:6.2f}  {target}",
        flush=True,
    )


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


# -- processes ---------------------------------------------------------------------------------


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env["PYTHONPATH"] = str(ROOT)
    return env


def _app() -> list[str]:
    script = Path(sys.executable).with_name("postmortem-studio")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.launcher"]


def run_process(command: Sequence[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KB) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {error.strip()}")
    return elapsed, usage.ru_maxrss


PEAK = """
import runpy, sys
code = sys.argv.pop(1)
try:
    if code == "-app":
        from ui.launcher import main
        main(sys.argv[1:])
    else:
        exec(compile(code, "<floor>", "exec"), {"__name__": "__main__"})
finally:
    status = open("/proc/self/status").read()
    peak = [line for line in status.splitlines() if line.startswith("VmHWM:")][0]
    sys.stderr.write("\\n" + peak + "\\n")
"""


def peak_memory_mb(code_or_app: str, *args: str) -> float:
    """Peak resident memory of a fresh process (its own VmHWM: a forked child would otherwise
    report the memory of this benchmark process too)."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, code_or_app, *args],
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    line = done.stderr.strip().splitlines()[-1]
    return int(line.split()[1]) / 1024


def best_process(runs: int, command: Sequence[str]) -> tuple[float, int]:
    results = [run_process(command) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


FLOOR_METRICS = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
for (text,) in conn.execute("SELECT doc FROM postmortems WHERE deleted_at IS NULL"):
    json.loads(text)
conn.execute("SELECT status, count(*) FROM actions GROUP BY status").fetchall()
"""

FLOOR_SEARCH = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute(
    "SELECT id, title FROM postmortems WHERE rowid IN (SELECT rowid FROM postmortem_search "
    "WHERE postmortem_search MATCH ?)", (sys.argv[2],)).fetchall())
"""

FLOOR_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("floor"))
window.show()
app.processEvents()
"""


def startup(runs: int, folder: Path) -> None:
    demo = folder / "demo.sqlite3"
    subprocess.run(
        [*_app(), "--db", str(demo), "demo"], env=_environment(), check=True, capture_output=True
    )
    from app.store import Store

    with Store(demo) as store:
        demo_id = store.summaries()[0].id
    for command in ([*_app(), "--version"], python("pass")):  # warm the bytecode cache
        run_process(command)
    floor, _ = best_process(runs, python("pass"))
    for name, args in (
        ("CLI --version", ["--version"]),
        ("CLI list (demo)", ["--db", str(demo), "list"]),
        ("CLI show (demo)", ["--db", str(demo), "show", demo_id]),
    ):
        run_process([*_app(), *args])
        mine, _ = best_process(runs, [*_app(), *args])
        record(name, mine, floor, "target ≤ 3× python -c pass" if "version" in name else "")
    run_process(python(FLOOR_WINDOW))
    window, _ = best_process(runs, python(FLOOR_WINDOW))
    run_process([*_app(), "--smoke-test", "--db", str(demo)])
    mine, _ = best_process(runs, [*_app(), "--smoke-test", "--db", str(demo)])
    record("GUI launch → first paint, demo database", mine, window, "target ≤ 2.5× bare window")


def metrics_and_search(runs: int) -> None:
    for size in SIZES:
        path = str(database(size))
        floor, _ = best_process(runs, [*python(FLOOR_METRICS), path])
        mine, _ = best_process(runs, [*_app(), "--db", path, "metrics", "--json"])
        record(f"metrics --json, {size:,} postmortems", mine, floor, "target ≤ 2×")
        peak = peak_memory_mb("-app", "--db", path, "metrics", "--json")
        floor_peak = peak_memory_mb(FLOOR_METRICS, path)
        print(f"{'':<52} peak memory {peak:6.0f} MB (floor {floor_peak:.0f} MB, target < 500 MB)")
    path = str(database(10_000))
    query = "numero 4242"
    floor, _ = best_process(runs, [*python(FLOOR_SEARCH), path, '"numero"* "4242"*'])
    mine, _ = best_process(runs, [*_app(), "--db", path, "list", "--search", query])
    record("list --search, one hit in 10,000", mine, floor, "target ≤ 3× raw FTS process")


# -- in process ---------------------------------------------------------------------------------


def store_open(runs: int, folder: Path) -> None:
    import sqlite3

    from app.store import Store

    path = working_copy(10_000, folder)
    Store(path).close()  # the copy's first open (schema check, WAL) is not the figure

    def floor() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT 1 FROM postmortems LIMIT 1").fetchall()
        conn.close()

    mine = best(runs * 5, lambda: Store(path).close())
    record(
        "open the store, 10,000 postmortems",
        mine,
        best(runs * 5, floor),
        f"target ≤ 10 ms (is {mine * 1000:.1f} ms)",
    )


class _Host:
    """What the tracker needs of the main window."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.session = None

    def show_error(self, message: str) -> None:
        raise SystemExit(message)


def _settle(app: Any) -> None:
    for _ in range(3):
        app.processEvents()


def tracker_and_dashboard(runs: int, folder: Path) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    from app.queries import ACTION_COLUMNS
    from app.store import Store
    from ui.application import ensure_application
    from ui.dashboard import DashboardWidget
    from ui.tracker import TrackerWidget

    app = ensure_application()

    class Bare(QAbstractTableModel):
        def __init__(self, rows: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 7

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    for size in SIZES:
        path = working_copy(size, folder)
        with Store(path) as store:

            def floor() -> None:
                rows = store.query(
                    f"SELECT {ACTION_COLUMNS} FROM actions a JOIN postmortems p "
                    "ON p.id = a.postmortem_id WHERE p.deleted_at IS NULL"
                )
                view = QTableView()
                view.setModel(Bare(rows))
                view.resize(1180, 600)
                view.show()
                _settle(app)
                view.close()

            def tracker() -> None:
                widget = TrackerWidget(_Host(store), lambda: TODAY)  # type: ignore[arg-type]
                widget.resize(1180, 640)
                widget.show()
                _settle(app)
                widget.close()

            def dashboard() -> None:
                widget = DashboardWidget(store, lambda: TODAY)
                widget.resize(1100, 760)
                widget.show()
                _settle(app)
                while widget.loading:
                    app.processEvents()
                    time.sleep(0.002)
                _settle(app)
                widget.close()

            base = best(runs, floor)
            record(
                f"tracker window open, {size:,}",
                best(runs, tracker),
                base,
                "target ≤ 2× raw SELECT + bare QTableView",
            )
            record(
                f"dashboard open with its figures, {size:,}",
                best(runs, dashboard),
                base,
                "target ≤ 2× tracker floor",
            )

            if size == SIZES[-1]:
                edit_with_tracker(store)


def edit_with_tracker(store: Any) -> None:
    """The same edit without the tracker, with it open (following edits), without again."""
    from app.edits import set_field
    from app.session import DocumentSession
    from ui.application import ensure_application
    from ui.tracker import TrackerWidget

    app = ensure_application()
    target = "pm-04242"
    session = DocumentSession.open(store, target)
    count = [0]

    def edits(number: int) -> list[float]:
        times = []
        for _ in range(number):
            count[0] += 1
            change = set_field("summary", f"Résumé {count[0]:06d}")
            started = time.perf_counter()
            session.apply(change)
            _settle(app)
            times.append(time.perf_counter() - started)
        return times

    alone = edits(20)
    widget = TrackerWidget(_Host(store), lambda: TODAY)  # type: ignore[arg-type]
    widget.show()
    _settle(app)
    widget.model.watch(target)

    def follow(doc: Any, _description: str) -> None:
        widget.postmortem_changed(doc.id)

    session.subscribe(follow)
    shown = edits(40)
    session.listeners.remove(follow)
    alone += edits(20)
    record(
        "an edit with the tracker open, 10,000 (median)",
        statistics.median(shown),
        statistics.median(alone),
        "target ≤ 2× the same edit without it",
    )
    widget.close()


ALL_TABS = """
import sys
from app.store import Store
from pathlib import Path
from ui.application import ensure_application
from ui.main_window import MainWindow
app = ensure_application()
store = Store(Path(sys.argv[1]))
window = MainWindow(store)
window.show()
window.open_document(sys.argv[2])
for index in range(window.document_tabs.count()):
    window.document_tabs.setCurrentIndex(index)
    for _ in range(3):
        app.processEvents()
window.close()
store.close()
"""


def big_document_window(runs: int, folder: Path) -> None:
    """Edits with the Report tab showing, and the memory of a window that visited every tab."""
    from app.edits import set_field
    from app.store import Store
    from bench.commit import big_document
    from ui.application import ensure_application
    from ui.main_window import MainWindow

    app = ensure_application()
    path = folder / "big.sqlite3"
    with Store(path) as store:
        doc = big_document()
        store.save(doc)
    with Store(path) as store:
        window = MainWindow(store)
        window.show()
        window.open_document(doc.id)
        _settle(app)
        count = [0]

        def typing(tab: Any) -> float:
            """Ten keystrokes' edits, then what the window does once typing pauses."""
            window.document_tabs.setCurrentWidget(tab)
            _settle(app)
            started = time.perf_counter()
            for _ in range(10):
                count[0] += 1
                window.apply_change(set_field("summary", f"Résumé {count[0]:06d}"))
                app.processEvents()
            deadline = time.perf_counter() + 2
            while window.report_timer.isActive() and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.002)
            _settle(app)
            return (time.perf_counter() - started) / 10

        editor_tab = window.document_tabs.widget(0)
        hidden = min(typing(editor_tab) for _ in range(runs))
        shown = min(typing(window.document_view) for _ in range(runs))
        record(
            "an edit with the Report tab showing, big document",
            shown,
            hidden,
            "(per keystroke, report rendered once typing pauses)",
        )
        window.close()
    peak = peak_memory_mb(ALL_TABS, str(path), doc.id)
    floor_peak = peak_memory_mb(FLOOR_WINDOW)
    print(
        f"{'peak memory, big document open, every tab visited':<52} {peak:9.0f} MB  "
        f"floor {floor_peak:8.0f} MB  ×{peak / floor_peak:6.2f}  (bare Qt window)"
    )


def big_document_edit() -> None:
    from bench.commit import run

    figures = run(10_000)
    for key in ("p50", "p99"):
        print(
            f"{'':<52} big-document edit {key}: ×{figures['large'][key]:.2f} "
            "serialise + UPDATE (target ≤ 1.5×)"
        )


def main(argv: Sequence[str]) -> int:
    runs = 2 if "--quick" in argv else 5
    started = time.perf_counter()
    for size in SIZES:
        database(size)
    print(f"databases ready in {time.perf_counter() - started:.1f} s ({CACHE})")
    print(f"best of {runs} runs each; ratios are to the floor measured just before")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        startup(runs, folder)
        store_open(runs, folder)
        metrics_and_search(max(2, runs - 2))
        tracker_and_dashboard(max(2, runs - 2), folder)
        big_document_window(max(2, runs - 2), folder)
    big_document_edit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
