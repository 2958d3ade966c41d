"""Meeting speed: one tick of the presenter view and one durable transition.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/meeting.py``. Prints milliseconds
(median of many runs) and ratios against floors measured in the same run: one label's
``setText`` + render for the tick (the presenter renders the full 1280x720 view), a whole-document
``Store.save`` for a transition (which writes the meeting state and the postmortem).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QLabel

from app.demo import add_demo
from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.meeting import Meeting
from app.session import DocumentSession
from app.store import Store
from ui.application import ensure_application
from ui.meeting.control_panel import ControlPanel
from ui.meeting.presenter_view import PresenterView


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = ensure_application()
    folder = Path(tempfile.mkdtemp())
    store = Store(folder / "bench.sqlite3")
    doc = add_demo(store)
    session = DocumentSession.open(store, doc.id)
    clock = FakeClock(datetime(2026, 1, 16, 14, 0, tzinfo=UTC))
    meeting = Meeting.plan(session, builtin_templates("en")[0], clock)
    presenter = PresenterView(meeting)
    panel = ControlPanel(meeting, presenter)
    panel.ticker.stop()
    presenter.resize(1280, 720)
    presenter.show()
    meeting.start()

    label = QLabel("00:00")
    label.show()

    def floor_tick() -> None:
        clock.advance(200)
        label.setText(str(clock.mono))
        label.grab()

    def tick() -> None:
        clock.advance(200)
        panel.refresh()
        presenter.grab()

    floor = median_ms(floor_tick, 200)
    tick_ms = median_ms(tick, 200)
    print(f"floor: label setText+render       {floor:8.3f} ms")
    print(f"presenter + panel tick (1280x720) {tick_ms:8.3f} ms  = {tick_ms / floor:6.1f}x floor")
    print(f"share of a 200 ms tick interval   {tick_ms / 200 * 100:8.2f} %")

    write_floor = median_ms(lambda: store.set_setting("bench", clock.mono), 50)
    save_floor = median_ms(lambda: store.save(session.doc), 50)

    def transition() -> None:
        clock.advance(1000)
        meeting.extend(1000)

    transition_ms = median_ms(transition, 50)

    print(f"floor: one settings write         {write_floor:8.3f} ms")
    print(f"floor: one whole-document save    {save_floor:8.3f} ms")
    print(
        f"durable transition (state + doc)  {transition_ms:8.3f} ms  "
        f"= {transition_ms / save_floor:6.2f}x document save"
    )
    panel.close()
    app.processEvents()
    store.close()


if __name__ == "__main__":
    main()
