"""Bad input in the editor: unparsable or out-of-order dates, hostile pastes, past due dates,
a database that disappears or turns read-only while open, two windows on one database."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.demo import add_demo
from app.edits import set_field
from app.store import Store
from app.vocabulary import Status
from tests.editor_helpers import (
    cell_text,
    edit_cell,
    fill_field,
    make_window,
    paste_and_add,
    use_temporary_settings,
)


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    doc = add_demo(store)
    win = make_window(qtbot, store, monkeypatch, today=lambda: date(2026, 1, 20))
    win.select(doc.id)
    assert win.current is not None
    return win


def test_a_date_that_does_not_parse_is_explained_and_kept_for_fixing(qtbot, window) -> None:
    field = window.editor.header.fields["started_at"]
    before = window.current.started_at
    fill_field(qtbot, field, "yesterday afternoon")
    assert window.current.started_at == before
    assert field.text() == "yesterday afternoon"
    assert "is not a time; type e.g. 14:31" in field.error.text()
    assert not field.error.isHidden()
    assert window.undo_stack.count() == 0
    fill_field(qtbot, field, "2026-01-15 13:58")  # no offset: the document's zone is used
    assert window.current.started_at.isoformat() == "2026-01-15T13:58:00+01:00"
    assert field.error.isHidden()


def test_an_unknown_time_zone_and_a_bad_day_are_refused(qtbot, window) -> None:
    fill_field(qtbot, window.editor.header.fields["timezone"], "Mars/Olympus")
    assert "unknown" in window.editor.header.fields["timezone"].error.text()
    fill_field(qtbot, window.editor.header.fields["incident_date"], "2026-02-30")
    assert "is not a date" in window.editor.header.fields["incident_date"].error.text()
    assert window.current.timezone == "Europe/Paris"


def test_dates_in_the_wrong_order_are_flagged_not_blocked(qtbot, window) -> None:
    fill_field(qtbot, window.editor.header.fields["resolved_at"], "2026-01-15 13:00+01:00")
    assert window.current.resolved_at.hour == 13
    problems = window.editor.header.derived.problems.text()
    assert "resolved before it started" in problems
    assert "resolved before it is mitigated" in problems
    assert window.editor.header.derived.values["duration"].text() == "—"  # never negative


def test_a_timeline_time_that_does_not_parse_changes_nothing(qtbot, window) -> None:
    table = window.editor.timeline.table
    before = cell_text(table, 0, 0)
    edit_cell(qtbot, table, 0, 0, "25:99")
    assert "is not a time; type e.g." in window.last_error
    assert cell_text(table, 0, 0) == before
    edit_cell(qtbot, table, 0, 1, "   ")
    assert "cannot be empty" in window.last_error


def test_pasting_markup_emoji_rtl_and_ten_thousand_lines_is_one_undo_step(qtbot, window) -> None:
    timeline = window.editor.timeline
    before = len(window.current.timeline)
    lines = [
        f"[14:{i % 60:02d}] bot: ligne {i} <script>alert(1)</script> 🔥 مرحبا"
        for i in range(10_000)
    ]
    assert paste_and_add(qtbot, timeline, "\n".join(lines)) == 10_000
    assert len(window.current.timeline) == before + 10_000
    assert window.undo_stack.undoText() == "Paste 10000 timeline rows"
    texts = {entry.event for entry in window.current.timeline}
    assert "ligne 9999 <script>alert(1)</script> 🔥 مرحبا" in texts
    window.undo_action.trigger()
    assert len(window.current.timeline) == before
    assert len(window.store.load(window.current.id).timeline) == before


def test_pasting_text_without_times_says_so(qtbot, window) -> None:
    assert window.editor.timeline.paste_text("just some words\nand more") is None
    assert "starts with a time" in window.last_error


def test_a_due_date_in_the_past_is_allowed_and_flagged(qtbot, window) -> None:
    actions = window.editor.actions
    qtbot.mouseClick(actions.rows.add_button, Qt.MouseButton.LeftButton)
    row = len(window.current.actions) - 1
    edit_cell(qtbot, actions.table, row, 2, "2025-12-01")
    assert window.current.actions[row].due == date(2025, 12, 1)
    assert "past their due date" in actions.overdue.text()
    tip = actions.table.cell(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Overdue: the due date has passed."
    edit_cell(qtbot, actions.table, row, 4, "Done")
    assert actions.table.cell(row, 0).data(Qt.ItemDataRole.ToolTipRole) != tip
    actions.table.setCurrentIndex(actions.table.cell(row, 2))
    qtbot.keyClick(actions.table, Qt.Key.Key_Delete)  # a due date can be removed again
    assert window.current.actions[row].due is None
    assert window.undo_stack.undoText() == f"Change due date of action {row + 1}"


def test_a_read_only_database_keeps_edits_in_memory_and_retries(qtbot, window, db_path) -> None:
    os.chmod(db_path, 0o444)
    try:
        fill_field(qtbot, window.editor.header.fields["title"], "Titre modifié hors ligne")
        assert window.current.title == "Titre modifié hors ligne"
        assert "read-only" in window.last_error
        assert "not saved, retrying" in window.windowTitle()
        assert not window.save_banner.isHidden()
        assert window.retry_timer.isActive()
        window.retry_timer.timeout.emit()  # still read-only: still waiting
        assert "not saved" in window.windowTitle()
    finally:
        os.chmod(db_path, 0o644)
    window.retry_timer.timeout.emit()
    assert window.windowTitle().startswith("Titre modifié hors ligne — saved")
    assert window.save_banner.isHidden()
    with Store(db_path) as other:
        assert other.load(window.current.id).title == "Titre modifié hors ligne"


def test_a_deleted_database_is_reported_and_nothing_is_lost(qtbot, window, db_path) -> None:
    moved = db_path.with_name("moved.sqlite3")
    os.rename(db_path, moved)
    fill_field(qtbot, window.editor.header.fields["author"], "Camille M.")
    assert "deleted or moved" in window.last_error
    assert window.current.author == "Camille M."
    assert "not saved" in window.windowTitle()
    os.rename(moved, db_path)
    assert window.retry_save()
    with Store(db_path) as other:
        assert other.load(window.current.id).author == "Camille M."


def test_two_windows_on_one_database_stay_consistent(
    qtbot, window, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second_store = Store(db_path)
    second = make_window(qtbot, second_store, monkeypatch)
    second.select(window.current.id)
    fill_field(qtbot, window.editor.header.fields["title"], "Changed in the first window")
    # coming back to the second window (activation) shows the other window's edit
    assert second.reload_if_stale()
    assert second.editor.header.fields["title"].text() == "Changed in the first window"
    assert "changed elsewhere" in second.statusBar().currentMessage().lower()
    assert not second.reload_if_stale()  # nothing new since
    second.statusBar().clearMessage()
    fill_field(qtbot, window.editor.header.fields["title"], "Changed again in the first window")
    # an edit made while the second window is still behind: it catches up first
    fill_field(qtbot, second.editor.header.fields["author"], "Second author")
    assert second.current.title == "Changed again in the first window"
    assert "changed elsewhere" in second.statusBar().currentMessage().lower()
    assert window.session.reload_if_stale()  # and the first window sees the second's edit
    assert window.current.author == "Second author"
    assert second.editor.header.fields["title"].text() == "Changed again in the first window"
    final = window.store.load(window.current.id)
    assert (final.title, final.author) == ("Changed again in the first window", "Second author")
    # and the first window catches up before its own next edit
    fill_field(qtbot, window.editor.header.fields["tags"], "a, b")
    final = second_store.load(window.current.id)
    assert (final.title, final.author, final.tags) == (
        "Changed again in the first window",
        "Second author",
        ["a", "b"],
    )
    second_store.close()


def test_an_approved_report_refuses_edits_with_a_reason(qtbot, window) -> None:
    window.apply_change(set_field("status", Status.APPROVED))
    assert window.current.status == Status.APPROVED
    fill_field(qtbot, window.editor.header.fields["title"], "Sneaky edit")
    assert "approved and locked" in window.last_error
    assert window.store.load(window.current.id).title != "Sneaky edit"


def test_an_edit_made_over_a_newer_version_is_carried_or_refused_in_the_window(
    qtbot, window, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.session import DocumentSession, FieldChange
    from ui.i18n import install_language

    elsewhere = DocumentSession.open(Store(db_path), window.current.id)
    # another program's save lands between the window's look at the file and its own save
    monkeypatch.setattr(window, "reload_if_stale", lambda: False)
    elsewhere.apply(FieldChange("Change author", lambda d: d, "author", "Sofia Benali"))
    # its edit is carried over the newer version
    fill_field(qtbot, window.editor.header.fields["title"], "Titre de la fenêtre")
    assert window.editor.header.fields["author"].text() == "Sofia Benali"
    assert "changed elsewhere" in window.statusBar().currentMessage().lower()
    assert window.undo_stack.undoText() == "Change title"

    elsewhere.reload_if_stale()
    elsewhere.apply(FieldChange("Change title", lambda d: d, "title", "Titre d'ailleurs"))
    install_language("fr")
    try:
        fill_field(qtbot, window.editor.header.fields["title"], "Encore la fenêtre")
        assert "modifié ailleurs" in window.last_error and "title" in window.last_error
    finally:
        install_language("en")
    assert window.editor.header.fields["title"].text() == "Titre d'ailleurs"
    assert window.undo_stack.undoText() == "Change title"  # the refused edit is not stacked
    with Store(db_path) as other:
        assert other.load(window.current.id).title == "Titre d'ailleurs"
