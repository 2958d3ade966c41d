"""Tables: timeline rows (insert, delete, reorder, sort, paste), markers feeding derived times,
links that open in the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from app.store import Store
from tests.editor_helpers import (
    cell_text,
    edit_cell,
    fill_field,
    fill_text,
    make_window,
    paste_and_add,
    use_temporary_settings,
)


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    win = make_window(qtbot, store, monkeypatch)
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    fill_field(qtbot, win.editor.header.fields["incident_date"], "2026-01-15")
    fill_field(qtbot, win.editor.header.fields["timezone"], "+01:00")
    return win


@pytest.fixture
def catcher():
    caught = UrlCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, caught, "open")
    yield caught
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_rows_insert_delete_reorder_and_sort(qtbot, window) -> None:
    timeline = window.editor.timeline
    table = timeline.table
    for _ in range(3):
        qtbot.mouseClick(timeline.rows.add_button, Qt.MouseButton.LeftButton)
    for row, (time, event) in enumerate((("14:30", "C"), ("14:10", "A"), ("14:20", "B"))):
        edit_cell(qtbot, table, row, 0, f"2026-01-15 {time}")
        edit_cell(qtbot, table, row, 1, event)
    assert [e.event for e in window.current.timeline] == ["C", "A", "B"]
    # the table shows time order whatever the document order
    assert [table.model().index(r, 1).data() for r in range(3)] == ["A", "B", "C"]
    qtbot.mouseClick(
        table.horizontalHeader().viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.horizontalHeader().viewport().rect().topLeft() + QPoint(20, 5),
    )
    assert [table.model().index(r, 1).data() for r in range(3)] == ["C", "B", "A"]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    table.selectRow(table.view_row(2))  # "B", third in the document
    qtbot.mouseClick(timeline.rows.up_button, Qt.MouseButton.LeftButton)
    assert [e.event for e in window.current.timeline] == ["C", "B", "A"]
    assert window.undo_stack.undoText() == "Move timeline entry 3 up"
    qtbot.mouseClick(timeline.sort_button, Qt.MouseButton.LeftButton)
    assert [e.event for e in window.current.timeline] == ["A", "B", "C"]
    table.selectRow(table.view_row(1))
    qtbot.mouseClick(timeline.rows.delete_button, Qt.MouseButton.LeftButton)
    assert [e.event for e in window.current.timeline] == ["A", "C"]
    window.undo_action.trigger()
    assert [e.event for e in window.current.timeline] == ["A", "B", "C"]


def test_markers_feed_the_derived_times_live(qtbot, window) -> None:
    timeline = window.editor.timeline
    assert (
        paste_and_add(
            qtbot,
            timeline,
            "[14:00] ci: deploy started\n[14:04] prometheus: alert fired\n"
            "[14:20] sre: rollback\n[14:30] sre: all good, resolved",
            use_suggestions=True,
        )
        == 4
    )
    values = timeline.derived.values
    assert values["time_to_detect"].text() == "4 min"
    assert values["time_to_mitigate"].text() == "20 min"
    assert values["duration"].text() == "30 min"
    edit_cell(qtbot, timeline.table, 1, 3, "—")  # the alert is not the detection after all
    assert values["time_to_detect"].text() == "—"
    edit_cell(qtbot, timeline.table, 0, 0, "2026-01-15 13:50")
    assert values["duration"].text() == "40 min"
    fill_field(qtbot, window.editor.header.fields["resolved_at"], "2026-01-15 14:25")
    assert "outside the incident window" in timeline.derived.problems.text()


def test_ctrl_v_in_the_timeline_pastes_rows(qtbot, window) -> None:
    QGuiApplication.clipboard().setText(
        "| Time | Event |\n|---|---|\n| 09:00 | Début 🚀 |\n| 09:05 | Fin |"
    )
    table = window.editor.timeline.table
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    preview = window.editor.timeline.preview
    assert preview.isVisible() and window.current.timeline == []  # nothing stored yet
    assert "Time ← “Time”, Event ← “Event”" in preview.summary.text()  # the columns read
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert [e.event for e in window.current.timeline] == ["Début 🚀", "Fin"]
    assert cell_text(table, 0, 0) == "09:00"  # the incident's day: the time alone
    assert table.cell(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "2026-01-15 09:00 +01:00"


def test_ticket_and_annex_links_open_in_the_browser(qtbot, window, catcher) -> None:
    actions = window.editor.actions
    qtbot.mouseClick(actions.rows.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, actions.table, 0, 7, "PAY-12")
    actions.table.selectRow(0)
    qtbot.mouseClick(actions.open_ticket_button, Qt.MouseButton.LeftButton)
    assert "not a web address" in window.last_error
    edit_cell(qtbot, actions.table, 0, 7, "https://tickets.example.com/PAY-12")
    actions.table.selectRow(0)
    qtbot.mouseClick(actions.open_ticket_button, Qt.MouseButton.LeftButton)
    assert catcher.urls == ["https://tickets.example.com/PAY-12"]

    annexes = window.editor.annexes
    qtbot.mouseClick(annexes.rows.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, annexes.table, 0, 1, "Link")
    annexes.table.selectRow(0)
    annexes.content.setFocus()
    fill_text(qtbot, annexes.content, "https://grafana.example.com/d/payments")
    qtbot.mouseClick(annexes.open_link_button, Qt.MouseButton.LeftButton)
    assert catcher.urls[-1] == "https://grafana.example.com/d/payments"
