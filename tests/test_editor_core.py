"""The editor's core helpers: named changes, pasted rows, objectives, typed times."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.demo import demo_document
from app.edits import insert_rows, move_row, parse_moment, remove_rows, set_cell, set_field
from app.errors import ValidationError
from app.model import ImpactRow
from app.objectives import objective_met, parse_duration
from app.paste_rows import parse_pasted_rows
from app.vocabulary import Marker

PARIS_WINTER = timezone(timedelta(hours=1))
DAY = date(2026, 1, 15)


def test_changes_have_menu_names_and_undo_exactly() -> None:
    doc = demo_document()
    change = set_cell(doc, "actions", 2, "owner", "Léa")
    assert change.description == "Change owner of action 3"
    change.forward(doc)
    moved = move_row("actions", 2, 0)
    assert moved.description == "Move action 3 up"
    moved.forward(doc)
    change.backward(doc)  # finds the row by id although it moved
    assert doc.actions[0].owner == demo_document().actions[2].owner
    assert set_field("root_cause", "x").description == "Change root cause"
    removal = remove_rows("timeline", [3, 1])
    assert removal.description == "Delete 2 timeline entries"
    before = [e.event for e in doc.timeline]
    removal.forward(doc)
    assert len(doc.timeline) == len(before) - 2
    removal.backward(doc)
    assert [e.event for e in doc.timeline] == before
    assert insert_rows("lessons", 0, [object()]).description == "Add lesson 1"


def test_typed_times_use_the_document_zone_when_no_offset_is_given() -> None:
    assert parse_moment("2026-01-15 14:02", "Europe/Paris").utcoffset() == timedelta(hours=1)
    assert parse_moment("2026-07-15 14:02", "Europe/Paris").utcoffset() == timedelta(hours=2)
    assert parse_moment("2026-01-15T14:02Z", "Europe/Paris").utcoffset() == timedelta(0)
    assert parse_moment("2026-01-15 14:02", "+05:30").utcoffset() == timedelta(hours=5, minutes=30)
    with pytest.raises(ValidationError, match="is not a date and time"):
        parse_moment("tomorrow", "UTC")
    with pytest.raises(ValidationError, match="unknown"):
        parse_moment("2026-01-15 14:02", "Nowhere/Land")


def test_chat_log_lines_become_rows_and_loose_lines_become_notes() -> None:
    text = (
        "[14:00] CI: Déploiement v1.2.0 started\n"
        "  stack trace line\n"
        "2026-01-15 14:00:20+01:00 Prometheus: alert HighErrorRate fired\n"
        "(2:05 PM) Léa — rollback done\n"
        "random preface that has no time\n"
    )
    result = parse_pasted_rows("random preface\n" + text, DAY, PARIS_WINTER)
    assert result.skipped == ["random preface"]
    events = [
        (e.at.strftime("%H:%M:%S"), e.actor, e.event, suggestion)
        for e, suggestion in zip(result.entries, result.suggested, strict=True)
    ]
    assert all(e.marker is None for e in result.entries)  # suggested, never set
    assert result.used_day  # "[14:00]" took the day given
    assert events[0] == ("14:00:00", "CI", "Déploiement v1.2.0 started", Marker.STARTED)
    assert result.entries[0].notes == "stack trace line"
    assert events[1][:3] == ("14:00:20", "Prometheus", "alert HighErrorRate fired")
    assert events[1][3] == Marker.DETECTED
    assert events[2][0] == "14:05:00"
    assert "rollback done" in events[2][2]
    assert result.entries[2].notes == "random preface that has no time"


def test_slack_style_author_headers() -> None:
    text = "Léa Martin  2:03 PM\nRestarting the pods now\nsecond message\n"
    result = parse_pasted_rows(text, DAY, PARIS_WINTER)
    assert [(e.actor, e.event) for e in result.entries] == [
        ("Léa Martin", "Restarting the pods now"),
        ("Léa Martin", "second message"),
    ]
    assert result.entries[0].at == datetime(2026, 1, 15, 14, 3, tzinfo=PARIS_WINTER)


def test_markdown_table_with_markup_emoji_and_rtl() -> None:
    text = (
        "| Heure | Événement | Qui |\n"
        "|-------|-----------|-----|\n"
        "| 14:02 | **Alerte** <img src=x> 🚨 | سارة |\n"
        "| `2026-01-15T14:10:00+01:00` | Rollback ✅ | Léa |\n"
        "| not a time | ignored | x |\n"
    )
    result = parse_pasted_rows(text, DAY, PARIS_WINTER)
    assert [(e.event, e.actor) for e in result.entries] == [
        ("**Alerte** <img src=x> 🚨", "سارة"),
        ("Rollback ✅", "Léa"),
    ]
    assert result.columns == {"time": "Heure", "event": "Événement", "actor": "Qui"}
    assert result.suggested[1] == Marker.MITIGATED
    assert result.entries[1].marker is None
    assert len(result.skipped) == 1


def test_backticks_are_dropped_and_dated_lines_need_no_day() -> None:
    result = parse_pasted_rows(
        "2026-01-15 14:02 sre: `kubectl rollout undo` on `api`", DAY, PARIS_WINTER
    )
    assert result.entries[0].event == "kubectl rollout undo on api"
    assert result.suggested == [None]
    assert not result.used_day


def test_ten_thousand_lines_are_all_read() -> None:
    """(Their speed is measured by bench/paste.py.)"""
    text = "\n".join(f"[{i // 60 % 24:02d}:{i % 60:02d}] bot: event {i} 🔥" for i in range(10_000))
    result = parse_pasted_rows(text, DAY, PARIS_WINTER)
    assert len(result.entries) == 10_000
    assert result.entries[-1].event == "event 9999 🔥"


def test_objectives_met_or_missed() -> None:
    assert parse_duration("1 h 05 min") == timedelta(minutes=65)
    assert parse_duration("< 30 min") == timedelta(minutes=30)
    assert parse_duration("27 %") is None
    assert objective_met(ImpactRow("RTO", "12 min", "< 15 min")) is True
    assert objective_met(ImpactRow("RPO", "2 h", "30 min")) is False
    assert objective_met(ImpactRow("Requests failed", "27 %", "0 %")) is None
