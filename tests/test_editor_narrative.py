"""Narrative sections in the editor, and the time zones an imported document carries."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store import Store
from tests.editor_helpers import (
    cell_text,
    edit_cell,
    fill_field,
    fill_text,
    make_window,
    use_temporary_settings,
)


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    win = make_window(qtbot, store, monkeypatch)
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    fill_field(qtbot, win.editor.header.fields["incident_date"], "2026-01-15")
    return win


def test_narrative_sections_are_an_editable_list_of_titled_texts(qtbot, window) -> None:
    group = window.editor.summary.narrative
    for _ in range(2):
        qtbot.mouseClick(group.rows.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, group.table, 0, 0, "Trigger")
    edit_cell(qtbot, group.table, 1, 0, "How we recovered")
    group.table.selectRow(0)
    group.text.setFocus()
    fill_text(qtbot, group.text, "A **config push** reached every router.")
    second = group.table.visualRect(group.table.model().index(1, 0)).center()
    qtbot.mouseClick(group.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert group.text_label.text() == "Text of “How we recovered”"
    assert group.text.toPlainText() == ""
    sections = [(n.title, n.text) for n in window.current.narrative]
    assert sections == [
        ("Trigger", "A **config push** reached every router."),
        ("How we recovered", ""),
    ]
    assert cell_text(group.table, 0, 0) == "Trigger"


def test_a_zone_written_utc_plus_1_is_accepted_for_typed_times(qtbot, window) -> None:
    fill_field(qtbot, window.editor.header.fields["timezone"], "UTC+1")
    assert window.current.timezone == "UTC+1"
    timeline = window.editor.timeline
    qtbot.mouseClick(timeline.rows.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, timeline.table, 0, 0, "2026-01-15 14:30")
    assert window.current.timeline[0].at == datetime(
        2026, 1, 15, 14, 30, tzinfo=timezone(timedelta(hours=1))
    )


def test_an_out_of_range_offset_is_refused_with_a_sentence(qtbot, window) -> None:
    field = window.editor.header.fields["timezone"]
    fill_field(qtbot, field, "+99:00")
    message = field.error.text()
    assert "out of range" in message and "ValueError" not in message
    assert window.current.timezone == "UTC"
