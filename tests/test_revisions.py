"""History: snapshots on status change and on demand, a readable diff, restore (undoable)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.demo import add_demo, demo_document
from app.edits import set_cell, set_field
from app.revision_diff import readable_diff
from app.store import Store
from app.vocabulary import Status
from tests.editor_helpers import (
    choose,
    fill_field,
    make_window,
    use_temporary_settings,
)


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    doc = add_demo(store)
    win = make_window(qtbot, store, monkeypatch)
    win.select(doc.id)
    return win


def test_snapshot_diff_and_restore(qtbot, window) -> None:
    original_title = window.current.title
    dialog = window.show_history()
    first_count = dialog.list.count()
    qtbot.mouseClick(dialog.snapshot_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == first_count + 1
    assert "snapshot on demand" in dialog.list.item(first_count).text()

    fill_field(qtbot, window.editor.header.fields["title"], "Nouveau titre")
    window.apply_change(set_cell(window.current, "actions", 2, "owner", "Léa"))
    choose(qtbot, window.editor.header.status, "Draft")  # a status change snapshots
    dialog.reload()
    assert dialog.list.count() == first_count + 2
    assert "status: In review → Draft" in dialog.list.item(first_count + 1).text()

    dialog.list.setCurrentRow(first_count)  # compare the on-demand snapshot with now
    lines = dialog.diff_lines()
    assert f"title: {original_title} → Nouveau titre" in lines
    assert any("owner: Platform Team → Léa" in line for line in lines)
    assert "Nouveau titre" in dialog.diff.toPlainText()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.current.title == original_title
    assert window.current.status == Status.DRAFT  # workflow state is not rewound
    assert window.undo_action.text().startswith("&Undo Restore revision of")
    window.undo_action.trigger()
    assert window.current.title == "Nouveau titre"


def test_readable_diff_names_rows_and_fields() -> None:
    old, new = demo_document(), demo_document()
    new.title = "Autre"
    new.timeline.pop(0)
    new.actions[0].owner = "Quelqu'un"
    new.went_well.append("Nouvelle chose")
    lines = [line.text for line in readable_diff(old, new)]
    assert f"title: {old.title} → Autre" in lines
    assert any(line.startswith("timeline: removed 1 'Déploiement") for line in lines)
    assert any("owner: Team Payments → Quelqu'un" in line for line in lines)
    assert any("went well" in line and "Nouvelle chose" in line for line in lines)
    assert readable_diff(old, demo_document()) == []


def test_restoring_is_refused_on_an_approved_report(qtbot, window) -> None:
    dialog = window.show_history()
    window.apply_change(set_field("status", Status.APPROVED))
    dialog.reload()
    dialog.list.setCurrentRow(0)
    assert not dialog.restore_selected()
    assert "locked" in window.last_error
