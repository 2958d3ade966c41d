"""Fill in a whole postmortem through the widgets, reopen the app, undo everything, redo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.jsonio import document_to_dict
from app.store import Store
from tests.editor_helpers import (
    cell_text,
    choose,
    edit_cell,
    fill_field,
    fill_text,
    make_window,
    paste_and_add,
    use_temporary_settings,
)

PASTED = "[14:20] Léa: rollback terminé ✅\n[14:25] سارة: <b>tout est vert</b>"


def fill_everything(qtbot, window) -> None:
    editor = window.editor
    header = editor.header
    fields = header.fields
    fill_field(qtbot, fields["title"], "Panne du paiement — déploiement v2")
    fill_field(qtbot, fields["incident_date"], "2026-03-02")
    fill_field(qtbot, fields["timezone"], "Europe/Paris")
    fill_field(qtbot, fields["started_at"], "2026-03-02 14:00")
    fill_field(qtbot, fields["detected_at"], "2026-03-02T14:05:00+01:00")
    fill_field(qtbot, fields["mitigated_at"], "2026-03-02 14:30+01:00")
    fill_field(qtbot, fields["resolved_at"], "2026-03-02 15:00+01:00")
    choose(qtbot, header.severity, "P1 — Severe degradation")
    choose(qtbot, header.status, "In review")
    fill_field(qtbot, fields["author"], "Camille Martin")
    fill_field(qtbot, fields["reviewers"], "Julien, Sofía")
    fill_field(qtbot, fields["postmortem_date"], "2026-03-04")
    fill_field(qtbot, fields["tags"], "paiement, déploiement")
    choose(qtbot, header.language, "French")

    qtbot.mouseClick(header.participants.add_button, Qt.MouseButton.LeftButton)
    table = header.participants.table
    edit_cell(qtbot, table, 0, 0, "Inès García")
    edit_cell(qtbot, table, 0, 1, "SRE d'astreinte")
    edit_cell(qtbot, table, 0, 2, "Present")
    qtbot.mouseClick(header.services.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, header.services.table, 0, 0, "payment-service")
    edit_cell(qtbot, header.services.table, 0, 1, "Down")

    summary = editor.summary
    fill_text(qtbot, summary.summary, "Les paiements ont échoué pendant une heure.")
    qtbot.mouseClick(summary.impact.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, summary.impact.table, 0, 0, "RTO")
    edit_cell(qtbot, summary.impact.table, 0, 1, "60 min")
    edit_cell(qtbot, summary.impact.table, 0, 2, "< 30 min")

    timeline = editor.timeline
    qtbot.mouseClick(timeline.rows.add_button, Qt.MouseButton.LeftButton)
    table = timeline.rows.table
    edit_cell(qtbot, table, 0, 0, "2026-03-02 14:00")
    edit_cell(qtbot, table, 0, 1, "Déploiement v2 lancé")
    edit_cell(qtbot, table, 0, 2, "CI")
    edit_cell(qtbot, table, 0, 3, "Started")
    edit_cell(qtbot, table, 0, 4, "pipeline #812")
    assert paste_and_add(qtbot, timeline, PASTED, use_suggestions=True) == 2

    analysis = editor.analysis
    fill_text(qtbot, analysis.root_cause, "Aucune readinessProbe sur les pods.")
    fill_text(qtbot, analysis.lists["contributing_factors"], "Pas de canary\nRevue rapide")
    fill_text(qtbot, analysis.lists["went_well"], "Rollback rapide")
    fill_text(qtbot, analysis.lists["went_wrong"], "Alerte tardive")
    fill_text(qtbot, analysis.lists["lucky"], "Heure creuse")

    actions = editor.actions
    qtbot.mouseClick(actions.rows.add_button, Qt.MouseButton.LeftButton)
    table = actions.table
    edit_cell(qtbot, table, 0, 0, "Ajouter une readinessProbe")
    edit_cell(qtbot, table, 0, 1, "Team Payments")
    edit_cell(qtbot, table, 0, 2, "2026-03-20")
    edit_cell(qtbot, table, 0, 3, "P0")
    edit_cell(qtbot, table, 0, 4, "In progress")
    edit_cell(qtbot, table, 0, 5, "Prevent")
    edit_cell(qtbot, table, 0, 6, "Immediate")
    edit_cell(qtbot, table, 0, 7, "https://tickets.example.com/PAY-1")

    lessons = editor.lessons
    qtbot.mouseClick(lessons.lessons.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, lessons.lessons.table, 0, 0, "For the platform team")
    edit_cell(qtbot, lessons.lessons.table, 0, 1, "Toujours une readinessProbe")
    qtbot.mouseClick(lessons.communications.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, lessons.communications.table, 0, 0, "External")
    edit_cell(qtbot, lessons.communications.table, 0, 1, "Statuspage")
    edit_cell(qtbot, lessons.communications.table, 0, 2, "2026-03-02 14:40")
    edit_cell(qtbot, lessons.communications.table, 0, 3, "Incident en cours de résolution")

    annexes = editor.annexes
    qtbot.mouseClick(annexes.rows.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, annexes.table, 0, 0, "Logs kubectl")
    annexes.table.selectRow(0)
    fill_text(qtbot, annexes.content, "pod/payment-7f9 0/1 Running\nerror: 502")
    fill_text(qtbot, annexes.acknowledgements, "Merci à l'équipe Payments 🙏")


def check_everything(doc) -> None:
    assert doc.title == "Panne du paiement — déploiement v2"
    assert doc.incident_date == date(2026, 3, 2)
    assert doc.timezone == "Europe/Paris"
    assert doc.started_at.isoformat() == "2026-03-02T14:00:00+01:00"
    assert doc.detected_at.isoformat() == "2026-03-02T14:05:00+01:00"
    assert doc.resolved_at.isoformat() == "2026-03-02T15:00:00+01:00"
    assert doc.severity == "P1"
    assert doc.status == "in_review"
    assert doc.author == "Camille Martin"
    assert doc.reviewers == ["Julien", "Sofía"]
    assert doc.postmortem_date == date(2026, 3, 4)
    assert doc.tags == ["paiement", "déploiement"]
    assert doc.language == "fr"
    assert (doc.participants[0].name, doc.participants[0].role) == (
        "Inès García",
        "SRE d'astreinte",
    )
    assert doc.participants[0].attendance == "present"
    assert (doc.services[0].name, doc.services[0].state) == ("payment-service", "down")
    assert doc.summary == "Les paiements ont échoué pendant une heure."
    assert (doc.impact[0].metric, doc.impact[0].value, doc.impact[0].target) == (
        "RTO",
        "60 min",
        "< 30 min",
    )
    events = [(e.at.strftime("%H:%M"), e.event, e.actor) for e in doc.sorted_timeline()]
    assert events == [
        ("14:00", "Déploiement v2 lancé", "CI"),
        ("14:20", "rollback terminé ✅", "Léa"),
        ("14:25", "<b>tout est vert</b>", "سارة"),
    ]
    assert doc.sorted_timeline()[0].marker == "started"
    assert doc.sorted_timeline()[0].notes == "pipeline #812"
    assert doc.root_cause == "Aucune readinessProbe sur les pods."
    assert doc.contributing_factors == ["Pas de canary", "Revue rapide"]
    assert (doc.went_well, doc.went_wrong, doc.lucky) == (
        ["Rollback rapide"],
        ["Alerte tardive"],
        ["Heure creuse"],
    )
    action = doc.actions[0]
    assert action.action == "Ajouter une readinessProbe"
    assert action.owner == "Team Payments"
    assert action.due == date(2026, 3, 20)
    assert (action.priority, action.status, action.kind, action.horizon) == (
        "P0",
        "in_progress",
        "prevent",
        "immediate",
    )
    assert action.ticket == "https://tickets.example.com/PAY-1"
    assert action.causes == []  # linked with the picker, to existing causes only
    assert (doc.lessons[0].audience, doc.lessons[0].text) == (
        "platform_team",
        "Toujours une readinessProbe",
    )
    comm = doc.communications[0]
    assert (comm.audience, comm.channel, comm.text) == (
        "external",
        "Statuspage",
        "Incident en cours de résolution",
    )
    assert comm.at.isoformat() == "2026-03-02T14:40:00+01:00"
    assert doc.annexes[0].title == "Logs kubectl"
    assert doc.annexes[0].content == "pod/payment-7f9 0/1 Running\nerror: 502"
    assert doc.acknowledgements == "Merci à l'équipe Payments 🙏"


def test_fill_undo_all_redo_all_then_reopen(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_temporary_settings(tmp_path, monkeypatch)
    store = Store(db_path)
    window = make_window(qtbot, store, monkeypatch, today=lambda: date(2026, 3, 10))
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    assert window.current is not None
    empty = _content(window.current)

    fill_everything(qtbot, window)
    assert window.last_error == ""
    check_everything(window.current)
    assert window.windowTitle().startswith("Panne du paiement — déploiement v2 — saved")
    names = [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    assert "Change owner of action 1" in names
    assert "Paste 2 timeline rows" in names
    derived = window.editor.header.derived.values
    assert derived["time_to_detect"].text() == "5 min"
    assert derived["duration"].text() == "1 h 00 min"
    assert cell_text(window.editor.summary.impact.table, 0, 3) == "✖ Missed"
    assert window.undo_action.text() == "&Undo Change acknowledgements"

    while window.undo_stack.canUndo():
        window.undo_action.trigger()
    assert _content(window.current) == empty
    assert _content(store.load(window.current.id)) == empty
    assert window.editor.header.fields["title"].text() == "Untitled postmortem"
    assert window.editor.timeline.rows.model.rowCount() == 0

    while window.undo_stack.canRedo():
        window.redo_action.trigger()
    check_everything(window.current)
    check_everything(store.load(window.current.id))
    filled_id = window.current.id
    window.close()
    store.close()

    # a new app on the same file finds every value, in the widgets too
    store = Store(db_path)
    window = make_window(qtbot, store, monkeypatch, today=lambda: date(2026, 3, 10))
    window.select(filled_id)
    assert window.current is not None
    check_everything(window.current)
    editor = window.editor
    assert editor.header.fields["title"].text() == "Panne du paiement — déploiement v2"
    assert editor.header.fields["started_at"].text() == "2026-03-02 14:00 +01:00"
    # the report is in French, the meaning is read by whoever edits: in the interface language
    assert editor.header.severity.currentText() == "P1 — Severe degradation"
    assert cell_text(editor.actions.table, 0, 1) == "Team Payments"
    assert cell_text(editor.actions.table, 0, 4) == "In progress"
    assert cell_text(editor.timeline.table, 2, 2) == "سارة"
    assert editor.analysis.lists["lucky"].toPlainText() == "Heure creuse"
    store.close()


def _content(doc) -> dict:
    data = document_to_dict(doc)
    data.pop("revision", None)
    return data
