"""The action tracker, the metrics dashboard, the database check and the report tab, driven like
a person would."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QMessageBox

from app.edits import set_field
from app.model import Action, Postmortem
from app.store import Store
from app.vocabulary import ActionStatus, Status
from tests.tracking_helpers import TODAY, fill
from ui.main_window import MainWindow
from ui.maintenance_feature import DatabaseCheck
from ui.tracker import OVERDUE_BACKGROUND, TrackerModel, TrackerWidget
from ui.tracking_feature import TrackingFeature


@pytest.fixture
def window(qtbot, store: Store) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    fill(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.features.get(TrackingFeature).today = lambda: TODAY
    main.show()
    yield main
    main.close_document()


def view_action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    found = [a for a in window.menus["view"].actions() if a.text().replace("&", "") == name]
    assert found, f"View menu has no {name!r}"
    return found[0]


def open_tracker(window: MainWindow) -> TrackerWidget:
    view_action(window, "Action tracker").trigger()
    tracker = window.features.get(TrackingFeature).tracker
    assert tracker is not None and tracker.isVisible()
    return tracker


def shown_actions(tracker: TrackerWidget) -> list[str]:
    model = tracker.table.model()
    return [model.index(row, TrackerModel.ACTION).data() for row in range(model.rowCount())]


def row_of(tracker: TrackerWidget, text: str) -> int:
    return shown_actions(tracker).index(text)


def test_tracker_opens_on_open_actions_with_overdue_standing_out(window: MainWindow) -> None:
    tracker = open_tracker(window)
    assert shown_actions(tracker) == [
        "Load test the failover",
        "Autoscale the API",
        "=HYPERLINK(evil)",
    ]
    assert tracker.count.text() == "3 action(s) · 1 overdue"
    model = tracker.table.model()
    late = model.index(0, TrackerModel.DUE)
    assert late.data() == "⚠ 2026-02-10"
    assert late.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Overdue by 19 day(s)"
    assert model.index(1, TrackerModel.DUE).data(Qt.ItemDataRole.BackgroundRole) is None


def test_filters_owner_overdue_status_postmortem(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tracker = open_tracker(window)
    tracker.status.setCurrentIndex(tracker.status.findText("All statuses"))
    assert len(shown_actions(tracker)) == 7
    qtbot.keyClicks(tracker.owner, "bob")
    assert shown_actions(tracker) == ["Autoscale the API", "Write the runbook"]
    tracker.owner.clear()
    qtbot.mouseClick(tracker.overdue, Qt.MouseButton.LeftButton)
    assert shown_actions(tracker) == ["Load test the failover"]
    qtbot.mouseClick(tracker.overdue, Qt.MouseButton.LeftButton)
    tracker.postmortem.setCurrentIndex(tracker.postmortem.findText("API latency"))
    assert len(shown_actions(tracker)) == 3
    tracker.priority.setCurrentIndex(tracker.priority.findText("P1"))
    assert shown_actions(tracker) == ["Autoscale the API"]
    tracker.kind.setCurrentIndex(tracker.kind.findText("Detect"))
    assert shown_actions(tracker) == []
    assert tracker.count.text() == "0 action(s)"


def test_clicking_a_header_sorts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tracker = open_tracker(window)
    tracker.status.setCurrentIndex(tracker.status.findText("All statuses"))
    header = tracker.table.horizontalHeader()
    x = header.sectionViewportPosition(TrackerModel.OWNER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    owners = [tracker.table.model().index(r, TrackerModel.OWNER).data() for r in range(7)]
    assert owners == ["Alice Martin", "Bob", "Bob", "Carol", "Carol", "Dan", "—"]


def choose_status(qtbot, tracker: TrackerWidget, row: int, letter: str) -> None:  # type: ignore[no-untyped-def]
    """Select the Status cell, press F2, type the first letter of the new status."""
    table = tracker.table
    table.setCurrentIndex(table.model().index(row, TrackerModel.STATUS))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QComboBox, "statusEditor")
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, letter)
    assert table.findChild(QComboBox, "statusEditor") is None or not editor.isVisible()


def test_inline_status_change_is_saved_in_the_postmortem(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    tracker = open_tracker(window)
    row = row_of(tracker, "Load test the failover")
    choose_status(qtbot, tracker, row, "D")
    action = Store(store.path).load("db").action("a3")
    assert action is not None
    assert (action.status, action.completed_on) == (ActionStatus.DONE, TODAY)
    assert "Load test the failover" not in shown_actions(tracker)  # no longer open
    assert tracker.count.text() == "2 action(s)"


def test_status_change_of_the_open_document_is_one_undo_step(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window.open_document("api")
    tracker = open_tracker(window)
    choose_status(qtbot, tracker, row_of(tracker, "Autoscale the API"), "D")
    assert window.session is not None
    assert window.session.doc.action("b1").status == ActionStatus.DONE  # type: ignore[union-attr]
    assert store.load("api").action("b1").status == ActionStatus.DONE  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert store.load("api").action("b1").status == ActionStatus.IN_PROGRESS  # type: ignore[union-attr]


def test_approved_postmortem_refuses_the_change_with_a_message(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    doc = store.load("api")
    doc.status = Status.APPROVED
    store.save(doc, expected_seq=store.seq("api"))
    tracker = open_tracker(window)
    choose_status(qtbot, tracker, row_of(tracker, "Autoscale the API"), "D")
    assert "approved and locked" in window.last_error
    assert store.load("api").action("b1").status == ActionStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert "Autoscale the API" in shown_actions(tracker)


def test_double_click_jumps_to_the_postmortem(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tracker = open_tracker(window)
    table = tracker.table
    index = table.model().index(row_of(tracker, "Autoscale the API"), TrackerModel.POSTMORTEM)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session is not None and window.session.doc.id == "api"
    assert window.table.selectionModel().selectedRows()[0].data() == "API latency"


def test_open_button_jumps_to_the_selected_action(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tracker = open_tracker(window)
    tracker.table.selectRow(row_of(tracker, "Load test the failover"))
    qtbot.mouseClick(tracker.open_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.doc.id == "db"


def test_export_csv_writes_the_filtered_rows(window: MainWindow, tmp_path: Path) -> None:
    tracker = open_tracker(window)
    target = tmp_path / "actions.csv"
    assert tracker.export_csv(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 3 and lines[0].startswith("postmortem_id,")
    assert not tracker.export_csv(tmp_path / "missing" / "a.csv")
    assert "does not exist" in window.last_error
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert not tracker.export_csv(pipe)
    assert "is a named pipe (FIFO), not a file" in window.last_error
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_many_actions_load_in_batches(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    doc = Postmortem(id="big", title="Big one")
    doc.actions = [Action(f"Action {i:04d}", due=date(2026, 1, 1 + i % 28)) for i in range(1200)]
    store.save(doc)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.features.get(TrackingFeature).today = lambda: TODAY
    tracker = main.features.get(TrackingFeature).show_tracker()
    model = tracker.table.model()
    assert model.rowCount() == 500 and model.canFetchMore()
    assert tracker.count.text() == "1200 action(s) · 1200 overdue"
    tracker.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 500)
    assert tracker.table.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed


def test_dashboard_shows_the_figures(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view_action(window, "Metrics dashboard").trigger()
    dashboard = window.features.get(TrackingFeature).dashboard
    assert dashboard.isVisible()
    qtbot.waitUntil(lambda: not dashboard.loading)
    assert dashboard.summary.text() == "3 postmortems · 7 actions · figures on 2026-03-01"
    assert dashboard.completed.rate == pytest.approx(0.5)
    assert dashboard.on_time.rate == pytest.approx(0.5)
    assert dashboard.overdue.text() == "1"
    assert [gauge.kpi.met for gauge in dashboard.gauges] == [False, False, False]
    assert "Mean time to recovery: 40 min (target < 30 min)" in dashboard.gauges[2].toolTip()
    assert dashboard.to_postmortem.text() == "7.0 d"
    assert [(label, value) for label, value, _ in dashboard.severity_chart.bars] == [
        ("P0", 1),
        ("P1", 1),
        ("unrated", 1),
    ]
    assert [bar[0] for bar in dashboard.month_chart.bars] == ["2026-01", "2026-02", "undated"]
    assert dashboard.recurrence_rate.text() == "67 %"
    assert dashboard.recurrence_list.count() == 1
    assert not dashboard.grab().isNull()


def test_dashboard_of_an_empty_database_then_refresh(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dashboard import DashboardWidget

    with Store(tmp_path / "empty.sqlite3") as empty:
        dashboard = DashboardWidget(empty, lambda: TODAY)
        qtbot.addWidget(dashboard)
        dashboard.show()
        qtbot.waitUntil(lambda: not dashboard.loading)
        assert dashboard.completed.rate is None
        assert dashboard.to_postmortem.text() == "—"
        assert dashboard.recurrence_rate.text() == "—"
        assert dashboard.severity_chart.bars == []
        assert not dashboard.grab().isNull()
        fill(empty)
        qtbot.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dashboard.overdue.text() == "1")


def test_edits_made_in_the_editor_show_in_the_open_tracker(window: MainWindow) -> None:
    from app.tracker import status_change

    window.open_document("db")
    tracker = open_tracker(window)
    assert "Load test the failover" in shown_actions(tracker)
    assert window.apply_change(status_change("a3", ActionStatus.NOT_DOING, TODAY))
    assert "Load test the failover" not in shown_actions(tracker)
    assert tracker.count.text() == "2 action(s)"


def test_the_open_dashboard_follows_edits(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.tracker import status_change

    window.open_document("db")
    view_action(window, "Metrics dashboard").trigger()
    dashboard = window.features.get(TrackingFeature).dashboard
    qtbot.waitUntil(lambda: dashboard.overdue.text() == "1")
    assert window.apply_change(status_change("a3", ActionStatus.DONE, TODAY))
    qtbot.waitUntil(lambda: dashboard.overdue.text() == "0", timeout=10_000)
    assert dashboard.completed.rate == pytest.approx(4 / 6)


def test_closing_the_main_window_closes_the_tracker_and_dashboard(window: MainWindow) -> None:
    open_tracker(window)
    view_action(window, "Metrics dashboard").trigger()
    feature = window.features.get(TrackingFeature)
    assert feature.tracker_window.isVisible() and feature.dashboard_window.isVisible()
    window.close()
    assert not feature.tracker_window.isVisible()
    assert not feature.dashboard_window.isVisible()


# -- the database check and the report tab, in the same window ----------------------------------


def _tools_action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    menu = window.menus["tools"]
    found = [a for a in menu.actions() if a.text().replace("&", "") == name]
    assert found, f"Tools menu has no {name!r}"
    return found[0]


def test_check_database_reports_a_sound_file(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _tools_action(window, "Check database…").trigger()
    check = window.features.get(DatabaseCheck)
    qtbot.waitUntil(lambda: check.report is not None and check.report.isVisible(), timeout=10_000)
    assert check.report.icon() == QMessageBox.Icon.Information
    assert "No damage found" in check.report.text()
    check.report.close()


def test_check_database_reports_damage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.store.flush_search()
    window.store._conn.execute("DELETE FROM postmortem_search")
    _tools_action(window, "Check database…").trigger()
    check = window.features.get(DatabaseCheck)
    qtbot.waitUntil(lambda: check.report is not None and check.report.isVisible(), timeout=10_000)
    assert check.report.icon() == QMessageBox.Icon.Warning
    assert "restore a backup" in check.report.text()
    assert "search" in check.report.detailedText()
    check.report.close()


def test_typing_in_the_editor_leaves_the_tracker_where_it_was(window: MainWindow) -> None:
    window.open_document("db")
    tracker = window.features.get(TrackingFeature).show_tracker()
    tracker.table.selectRow(1)
    selected = tracker.selected_row()
    assert selected is not None
    assert window.apply_change(set_field("summary", "Failover took too long"))
    assert tracker.selected_row() == selected, "an edit that changes no action keeps the view"
    assert window.apply_change(set_field("title", "Database failover (renamed)"))
    titles = {tracker.model.row_at(row).postmortem_title for row in range(tracker.model.rowCount())}
    assert "Database failover (renamed)" in titles


def test_the_report_tab_renders_once_typing_pauses(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_document("db")
    window.document_tabs.setCurrentWidget(window.document_view)
    assert "Database failover" in window.document_view.toPlainText()
    for text in ("Fail", "Failover too slow", "Failover too slow for the pool"):
        assert window.apply_change(set_field("summary", text))
    assert "Failover too slow" not in window.document_view.toPlainText(), "not on each key"
    qtbot.waitUntil(lambda: "Failover too slow for the pool" in window.document_view.toPlainText())


def test_the_hidden_report_renders_when_shown(window: MainWindow) -> None:
    window.open_document("db")
    window.document_tabs.setCurrentIndex(0)
    assert window.document_tabs.currentWidget() is not window.document_view
    assert window.apply_change(set_field("summary", "Written while the report was hidden"))
    window.document_tabs.setCurrentWidget(window.document_view)
    assert "Written while the report was hidden" in window.document_view.toPlainText()


def test_the_report_tab_shows_another_document_at_once(window: MainWindow) -> None:
    window.open_document("db")
    window.document_tabs.setCurrentWidget(window.document_view)
    assert "Database failover" in window.document_view.toPlainText()
    window.open_document("api")
    assert "API latency" in window.document_view.toPlainText()
    assert "Database failover" not in window.document_view.toPlainText()


def test_an_edit_made_while_the_figures_are_computed_is_not_lost(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from app.metrics import MetricsIndex
    from app.tracker import status_change

    window.open_document("db")
    view_action(window, "Metrics dashboard").trigger()
    dashboard = window.features.get(TrackingFeature).dashboard
    qtbot.waitUntil(lambda: not dashboard.loading)
    assert dashboard.overdue.text() == "1"
    gate = threading.Event()
    original = MetricsIndex.load

    def read_then_wait(store: Store, today: date) -> MetricsIndex:
        index = original(store, today)  # the figures as they were…
        gate.wait(10)
        return index

    monkeypatch.setattr(MetricsIndex, "load", staticmethod(read_then_wait))
    dashboard.refresh()
    assert window.apply_change(status_change("a3", ActionStatus.DONE, TODAY))  # …then an edit
    dashboard.postmortem_changed(window.current)
    gate.set()
    qtbot.waitUntil(lambda: not dashboard.loading)
    assert dashboard.overdue.text() == "0"
