"""Bad Markdown input: none of it crashes, none of it loses text, each says what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.diagrams.graph import validate_tree
from app.errors import FormatError
from app.markdown.importer import import_bytes, import_text, read_markdown
from tests.foundation_helpers import run_cli
from tests.markdown_helpers import lost_words


def test_an_empty_file_gives_an_empty_postmortem_named_after_the_file() -> None:
    doc, report = import_bytes(b"", "notes-du-lundi.md")
    assert doc.title == "notes-du-lundi"
    assert doc.timeline == [] and doc.actions == []
    assert report.warnings == ["the file is empty: an empty postmortem was created."]


def test_a_binary_file_is_refused_by_the_cli_in_one_line(tmp_path: Path, db_path: Path) -> None:
    picture = tmp_path / "diagram.md"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = run_cli("--db", db_path, "import", picture)
    assert result.code == 2
    assert (
        result.err.strip()
        == "postmortem-studio: error: diagram.md is a binary file, not Markdown text."
    )
    assert run_cli("--db", db_path, "list", "--json").out.strip() == "[]"


def test_a_folder_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        read_markdown(tmp_path / "missing.md")
    folder = tmp_path / "notes.md"
    folder.mkdir()
    with pytest.raises(FormatError, match="is a folder"):
        read_markdown(folder)


def test_a_20_mb_file_is_imported_without_losing_its_log(tmp_path: Path) -> None:
    log = "\n".join(
        f"2026-01-15 14:{i % 60:02d}:00 payment-service [ERROR] timeout n°{i}"
        for i in range(345_000)
    )
    text = "# Panne\n\n**Date** : 2026-01-15\n\n## Chronologie\n\n- 14:00 UTC: déploiement\n\n"
    text += f"## Annexes\n\n### Logs\n\n```\n{log}\n```\n"
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 20 * 2**20
    doc, _ = read_markdown(path)  # its speed: bench/markdown_import.py
    assert len(doc.timeline) == 1
    assert doc.annexes[0].content == log


def test_a_file_bigger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(33 * 2**20)
    with pytest.raises(FormatError, match="larger than 32 MB"):
        read_markdown(path)


def test_a_file_without_headings_becomes_a_summary_and_a_timeline() -> None:
    text = (
        "Paiements en panne ce matin, vu par le support.\n"
        "Date: 2026-02-03\n\n"
        "- 09:12 UTC: premier ticket client\n"
        "- 09:30 UTC: rollback\n\n"
        "On refera un point demain.\n"
    )
    doc, report = import_text(text, "notes.md")
    assert doc.title == "notes"
    assert [e.event for e in doc.timeline] == ["premier ticket client", "rollback"]
    assert "Paiements en panne ce matin" in doc.summary
    assert "On refera un point demain." in doc.summary
    assert any("no section headings" in w for w in report.warnings)
    assert lost_words(text, doc, report) == {}


def test_html_is_kept_as_text_never_interpreted() -> None:
    text = (
        "# Incident\n\n## Summary\n\n<script>alert('x')</script> <b>bold</b> &amp;\n\n"
        "## Timeline\n\n| Time | Event |\n|---|---|\n"
        "| 2026-01-15 10:00 UTC | <img src=x onerror=alert(1)> deploy |\n"
    )
    doc, _ = import_text(text)
    assert doc.summary == "<script>alert('x')</script> <b>bold</b> &amp;"
    assert doc.timeline[0].event == "<img src=x onerror=alert(1)> deploy"


def test_a_five_whys_list_that_loops_back_is_a_chain_not_a_cycle() -> None:
    text = (
        "# Boucle\n\n## 5 Pourquoi\n\n"
        "1. **Pourquoi le service est-il tombé ?**\n   - Parce que la base était saturée.\n"
        "2. **Pourquoi la base était-elle saturée ?**\n   - Parce que le cache était vide.\n"
        "3. **Pourquoi le cache était-il vide ?**\n   - Parce que le service est tombé.\n"
        "4. **Pourquoi le service est-il tombé ?**\n   - Parce que la base était saturée.\n"
    )
    doc, report = import_text(text)
    validate_tree(doc.whys, "whys")
    assert doc.whys.number_of_nodes() == 5
    assert [doc.whys.out_degree(n) for n in ("p", "w1", "w2", "w3", "w4")] == [1, 1, 1, 1, 0]
    assert any("loop back at step 4 to step 1" in w for w in report.warnings)


def test_table_rows_with_missing_and_extra_cells_keep_every_cell() -> None:
    text = (
        "# Ragged\n\n**Date** : 2026-01-15\n\n## Timeline\n\n"
        "| Time | Event | Actor |\n|---|---|---|\n"
        "| 10:00 UTC | deploy |\n"
        "| 10:05 UTC | alert | Prometheus | paged twice | extra |\n"
        "| 10:09 UTC |\n\n"
        "## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n"
        "| Add probe |\n| Fix alert | sre | 2026-02-01 | Done | thanks to Ana |\n"
    )
    doc, report = import_text(text)
    assert [(e.event, e.actor, e.notes) for e in doc.timeline] == [
        ("deploy", "", ""),
        ("alert", "Prometheus", "paged twice ; extra"),
        ("", "", ""),
    ]
    assert [(a.action, a.owner, a.status, a.status_reason) for a in doc.actions] == [
        ("Add probe", "", "todo", ""),
        ("Fix alert", "sre", "done", "thanks to Ana"),
    ]
    assert sum("cells for" in w for w in report.warnings) >= 3
    assert lost_words(text, doc, report) == {}


def test_unknown_dates_are_kept_as_text_with_a_warning() -> None:
    text = (
        "# Dates\n\nIncident date: the Tuesday after the release\n\n## Timeline\n\n"
        "| When | What |\n|---|---|\n| around lunch | pager went off |\n\n"
        "## Follow-up\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Write runbook | ops | next sprint |\n"
    )
    doc, report = import_text(text)
    assert doc.incident_date is None and doc.timeline == []
    kept = report.notes
    assert "the Tuesday after the release" in kept and "around lunch | pager went off" in kept
    assert doc.annexes == []  # import notes stay in the import report
    assert doc.actions[0].due is None and "next sprint" in doc.actions[0].status_reason
    assert any("is not a date I can read" in w for w in report.warnings)
    assert any("unknown time format 'around lunch'" in w for w in report.warnings)
    assert any("unknown due date 'next sprint'" in w for w in report.warnings)
    assert lost_words(text, doc, report) == {}


def test_times_without_any_date_in_the_file_are_kept_aside_with_one_warning() -> None:
    text = "# Sans date\n\n## Chronologie\n\n" + "".join(
        f"- 10:{i:02d} UTC: étape {i}\n" for i in range(30)
    )
    doc, report = import_text(text)
    assert doc.timeline == []
    assert "10:29 UTC: étape 29" in report.notes
    assert [w for w in report.warnings if "no date" in w] == [
        "timeline: 30 rows give a time but no date, and the file has no incident date: they were "
        "kept as text. Add the incident date and import again."
    ]
