"""What the fuller import needs from the model: narrative sections, approximate times and
actions whose priority, kind and horizon were not stated — without changing the bytes of any
existing document."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.demo import DEMO_FILE
from app.errors import FormatError
from app.jsonio import content_digest, document_from_json, document_to_json
from app.markdown.exporter import export_markdown
from app.markdown.importer import import_text
from app.model import Action, NarrativeSection, Postmortem, TimelineEntry
from app.store import Store
from tests.foundation_helpers import run_cli

# The demo as it was before these fields existed (a frozen copy), and what it measured then:
# the same document must keep its bytes and its digest.
GOLDEN = Path(__file__).parent / "data" / "golden" / "payment-service-2026-11.json"
DEMO_DIGEST = "03abee13ce7d6804b933b90fc3d8d32ea4f8a356d6ffa3d845b03e2a42cc2d93"
DEMO_JSON_SHA256 = "d5e9e050e2a1f536eb90567a47100e51009ac594b3206e00bca694b34bda4f46"


def test_existing_documents_keep_their_bytes_and_digest() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    doc = document_from_json(text)
    written = document_to_json(doc)
    assert written == text
    assert hashlib.sha256(written.encode()).hexdigest() == DEMO_JSON_SHA256
    assert content_digest(doc) == DEMO_DIGEST
    assert "narrative" not in written and "approximate" not in written


def test_new_fields_round_trip_through_json() -> None:
    doc = Postmortem(title="t")
    doc.narrative = [NarrativeSection("Trigger", "A **push**.", "trigger")]
    rough = TimelineEntry(datetime(2026, 1, 15, 10, 15, tzinfo=UTC), "dispatch")
    rough.approximate, rough.as_written = True, "~10:15"
    doc.timeline = [rough]
    doc.actions = [Action("Fix it", priority=None, kind=None, horizon=None)]
    again = document_from_json(document_to_json(doc))
    assert again.narrative == doc.narrative
    assert (again.timeline[0].approximate, again.timeline[0].as_written) == (True, "~10:15")
    action = again.actions[0]
    assert (action.priority, action.kind, action.horizon) == (None, None, None)
    data = json.loads(document_to_json(doc))
    assert data["actions"][0]["priority"] is None


def test_an_old_file_without_priority_keeps_the_historical_default() -> None:
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    del data["actions"][0]["priority"]
    doc = document_from_json(json.dumps(data))
    assert doc.actions[0].priority == "P2"


def test_a_flag_that_is_not_true_or_false_is_refused_with_its_field() -> None:
    data = json.loads(document_to_json(Postmortem(title="t")))
    data["timeline"] = [{"at": "2026-01-15T10:00:00+00:00", "event": "x", "approximate": "yes"}]
    with pytest.raises(FormatError, match=r"timeline\[0\]\.approximate: expected true or false"):
        document_from_json(json.dumps(data))


def test_narrative_and_approximate_times_survive_markdown_export_and_import() -> None:
    source = (
        "# Outage\n\n**Date:** 2026-01-15\n\n## Trigger\n\nA *config* push with `a*b*c`.\n\n"
        "## Timeline\n\n- ~10:15 engineers dispatched\n- 10:20 rollback\n\n"
        "## Our own heading\n\nSomething the team wanted to say.\n"
    )
    doc, report = import_text(source)
    assert [(n.kind, n.title) for n in doc.narrative] == [
        ("trigger", "Trigger"),
        ("", "Our own heading"),
    ]
    again, _ = import_text(export_markdown(doc))
    assert again.narrative == doc.narrative
    assert [(e.approximate, e.as_written) for e in again.timeline] == [
        (True, "~10:15"),
        (False, ""),
    ]
    assert "Import notes" not in {a.title for a in doc.annexes}
    assert report.notes == ""


def test_the_command_line_prints_the_text_kept_aside_and_stores_none_of_it(
    tmp_path: Path,
) -> None:
    source = tmp_path / "notes.md"
    source.write_text(
        "# Outage\n\n**Date:** 2026-01-15\n**Mood:** tired\n**Time zone:** UTC+1\n\n"
        "## Timeline\n\n- 14:00 failover\n- later: everything back\n",
        encoding="utf-8",
    )
    db = tmp_path / "pm.db"
    result = run_cli("--db", db, "import", source)
    assert result.code == 0, result.err
    assert "text kept aside, as written:" in result.err and "later: everything back" in result.err
    with Store(db) as store:
        (summary,) = store.summaries("")
        doc = store.load(summary.id)
    assert doc.annexes == [] and doc.timezone == "+01:00"
    assert doc.timeline[0].at == datetime(2026, 1, 15, 14, tzinfo=timezone(timedelta(hours=1)))
