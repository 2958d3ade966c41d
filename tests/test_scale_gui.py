"""Tools ▸ Check database, and the tracker and dashboard following edits, as a person sees them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from app.edits import set_field
from app.store import Store
from tests.tracking_helpers import TODAY, fill
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store: Store) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    fill(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.tracking.today = lambda: TODAY  # type: ignore[attr-defined]
    main.show()
    yield main
    main.close_document()


def _tools_action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    menu = window.menus["tools"]
    found = [a for a in menu.actions() if a.text().replace("&", "") == name]
    assert found, f"Tools menu has no {name!r}"
    return found[0]


def test_check_database_reports_a_sound_file(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _tools_action(window, "Check database…").trigger()
    check = window.database_check  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: check.report is not None and check.report.isVisible(), timeout=10_000)
    assert check.report.icon() == QMessageBox.Icon.Information
    assert "No damage found" in check.report.text()
    check.report.close()


def test_check_database_reports_damage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.store.flush_search()
    window.store._conn.execute("DELETE FROM postmortem_search")
    _tools_action(window, "Check database…").trigger()
    check = window.database_check  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: check.report is not None and check.report.isVisible(), timeout=10_000)
    assert check.report.icon() == QMessageBox.Icon.Warning
    assert "restore a backup" in check.report.text()
    assert "search" in check.report.detailedText()
    check.report.close()


def test_typing_in_the_editor_leaves_the_tracker_where_it_was(window: MainWindow) -> None:
    window.open_document("db")
    tracker = window.tracking.show_tracker()  # type: ignore[attr-defined]
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
