"""Meeting speed: the presenter view at 1280x720 and one durable transition.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/meeting.py``. Prints milliseconds
(median of many runs) and ratios against floors measured in the same run:

- the floor of a view is the same 1280x720 screen without the app's logic: a plain widget
  tree holding the same labels (same texts, fonts, styles and places) as the presenter shows
  at that step, copied from it. A tick sets the countdown text and renders; a step change sets
  every text and renders;
- a durable transition (state + document) is compared with a whole-document ``Store.save``.

The presenter is measured with a 40-cause Ishikawa and a 7-why chain, on every view of the
agenda.
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

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.demo import add_demo
from app.diagrams.graph import ISHIKAWA, WHYS
from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.meeting import Meeting
from app.session import DocumentSession
from app.store import Store
from tests.meeting_helpers import grow_diagrams
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


def plain_copy(view: QWidget) -> tuple[QWidget, list[QLabel], QLabel]:
    """The labels the view shows, as a plain tree: same texts, fonts, styles, places."""
    copy = QWidget()
    copy.setStyleSheet("background: #ffffff;")
    copy.resize(view.size())
    labels: list[QLabel] = []
    countdown = None
    for label in view.findChildren(QLabel):
        if not label.isVisibleTo(view) or not label.text():
            continue
        twin = QLabel(label.text(), copy)
        twin.setFont(label.font())
        twin.setTextFormat(label.textFormat())
        twin.setWordWrap(label.wordWrap())
        twin.setAlignment(label.alignment())
        twin.setStyleSheet(label.styleSheet())
        twin.setGeometry(label.geometry().translated(label.parentWidget().mapTo(view, QPoint())))
        labels.append(twin)
        if label.objectName() == "presenterCountdown":
            countdown = twin
    assert countdown is not None
    copy.show()
    return copy, labels, countdown


def main() -> None:
    app = ensure_application()
    folder = Path(tempfile.mkdtemp())
    store = Store(folder / "bench.sqlite3")
    doc = add_demo(store)
    session = DocumentSession.open(store, doc.id)
    grow_diagrams(session, causes=40, whys=7)
    clock = FakeClock(datetime(2026, 1, 16, 14, 0, tzinfo=UTC))
    meeting = Meeting.plan(session, builtin_templates("fr")[0], clock)
    presenter = PresenterView(meeting)
    panel = ControlPanel(meeting, presenter)
    panel.ticker.stop()
    presenter.resize(1280, 720)
    presenter.show()
    meeting.start()

    views: list[tuple[str, Callable[[], None]]] = []
    for index, step in enumerate(meeting.agenda.steps):
        if step.key == "analysis":
            for kind in (WHYS, ISHIKAWA):
                views.append((f"{step.key}/{kind}", lambda i=index, k=kind: show(i, k)))
        else:
            views.append((step.key, lambda i=index: show(i, None)))

    def show(index: int, kind: str | None) -> None:
        meeting.jump(index)
        if kind is not None:
            presenter.show_diagram(kind)
        panel.refresh()

    heading = ("view", "tick", "floor", "ratio", "change", "floor", "ratio")
    print("{:22} {:>8} {:>8} {:>6}   {:>8} {:>8} {:>6}".format(*heading))
    for name, enter in views:
        enter()
        QApplication.processEvents()
        copy, labels, countdown = plain_copy(presenter)
        texts = [label.text() for label in labels]

        def floor_tick(countdown: QLabel = countdown, copy: QWidget = copy) -> None:
            clock.advance(200)
            countdown.setText(str(clock.mono))
            copy.grab()

        def tick() -> None:
            clock.advance(200)
            panel.refresh()
            presenter.grab()

        def floor_change(
            labels: list[QLabel] = labels, texts: list[str] = texts, copy: QWidget = copy
        ) -> None:
            for label, text in zip(labels, texts, strict=True):
                label.setText(text + " ")
                label.setText(text)
            QApplication.processEvents()
            copy.grab()

        def change() -> None:
            presenter.reload()  # what a step change or an edit rebuilds (the save is apart)
            QApplication.processEvents()
            presenter.grab()

        tick_floor = median_ms(floor_tick, 60)
        tick_ms = median_ms(tick, 60)
        change_floor = median_ms(floor_change, 20)
        change_ms = median_ms(change, 20)
        print(
            f"{name:22} {tick_ms:8.2f} {tick_floor:8.2f} {tick_ms / tick_floor:6.2f}x"
            f"  {change_ms:8.2f} {change_floor:8.2f} {change_ms / change_floor:6.2f}x"
        )
        copy.close()
    print("(ms, median; tick = panel + presenter redraw and render;")
    print(" change = rebuild the step's content and render, the save apart)")
    tick_ms = median_ms(lambda: (clock.advance(200), panel.refresh(), presenter.grab()), 60)
    print(f"share of a 200 ms tick interval: {tick_ms / 200 * 100:.2f} %")

    def transition() -> None:
        clock.advance(1000)
        meeting.extend(1000)

    transition_ms = median_ms(transition, 50)
    version = {"seq": store.seq(doc.id)}

    def save() -> None:
        version["seq"] = store.save(session.doc, expected_seq=version["seq"])

    save_floor = median_ms(save, 50)
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
