"""The JSON interchange format: lossless round trips and a clear refusal of every bad file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from app.demo import DEMO_FILE
from app.diagrams.graph import graph_to_data
from app.errors import FormatError
from app.jsonio import (
    FORMAT_VERSION,
    clone,
    content_digest,
    document_from_json,
    document_to_dict,
    document_to_json,
)
from app.model import Postmortem, TimelineEntry
from app.vocabulary import Status
from tests.foundation_helpers import EMOJI, MARKUP, ONE_MB, RTL, hostile_document
from tests.foundation_strategies import documents


def _envelope(**fields: Any) -> str:
    data: dict[str, Any] = {"format": "postmortem-studio", "format_version": FORMAT_VERSION}
    data.update(fields)
    return json.dumps(data)


# -- round trips ---------------------------------------------------------------------------


def test_the_demo_file_is_already_in_canonical_form() -> None:
    text = DEMO_FILE.read_text(encoding="utf-8")
    assert document_to_json(document_from_json(text)) == text


def test_hostile_document_round_trips_byte_identically() -> None:
    doc = hostile_document()
    first = document_to_json(doc)
    again = document_from_json(first)
    assert document_to_json(again) == first
    assert again.summary == ONE_MB
    assert again.title == f"{MARKUP} {EMOJI}"
    assert again.author == RTL
    assert again.detected_at is not None and again.detected_at.utcoffset() == timedelta(
        hours=5, minutes=30
    )
    assert graph_to_data(again.whys) == graph_to_data(doc.whys)
    assert graph_to_data(again.ishikawa) == graph_to_data(doc.ishikawa)


def test_text_is_written_as_real_characters_not_escapes() -> None:
    text = document_to_json(hostile_document(big_field=False))
    assert EMOJI in text and RTL in text and "<script>" in text
    assert "\\u" not in text  # no \uXXXX escapes: the file reads as the user wrote it


def test_times_keep_their_offset_and_microseconds() -> None:
    at = datetime(2026, 1, 15, 14, 0, 0, 1, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    doc = Postmortem(started_at=at, timeline=[TimelineEntry(at=at, event="x")])
    data = json.loads(document_to_json(doc))
    assert data["started_at"] == "2026-01-15T14:00:00.000001-03:30"
    back = document_from_json(document_to_json(doc))
    assert back.started_at == at and back.started_at is not None
    assert back.started_at.utcoffset() == at.utcoffset()


def test_export_is_deterministic_and_versioned() -> None:
    doc = hostile_document(big_field=False)
    assert document_to_json(doc) == document_to_json(clone(doc))
    data = json.loads(document_to_json(doc))
    assert data["format_version"] == FORMAT_VERSION
    assert list(data)[:2] == ["format", "format_version"]


def test_content_digest_ignores_signoffs_and_status_but_not_content() -> None:
    doc = hostile_document(big_field=False)
    digest = content_digest(doc)
    other = clone(doc)
    other.signoffs = []
    other.status = Status.APPROVED
    assert content_digest(other) == digest
    other.summary += "."
    assert content_digest(other) != digest


# -- bad files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ("{'single': 1}", "not valid JSON"),
        ("[1, 2]", "does not hold a postmortem"),
        ('"just text"', "does not hold a postmortem"),
        ('{"title": "x"}', "no 'format_version'"),
        ('{"format_version": 2}', "format_version 2 is not supported"),
        ('{"format_version": "1"}', "format_version '1' is not supported"),
        ('{"format_version": null}', "no 'format_version'"),
        ("[" * 100_000 + "]" * 100_000, "nested"),
        ('{"format_version": 1, "revision": 1' + "0" * 5000 + "}", "not valid JSON"),
        ('{"format_version": 1, "meeting_agenda": [{"title": "a", "spent_seconds": NaN}]}', "NaN"),
        ('{"format_version": 1, "title": "\\ud800 broken"}', "title"),
        (
            '{"format_version": 1, "meeting_agenda": [{"title": "a", "spent_seconds": 1e400}]}',
            "1e400",
        ),
    ],
)
def test_invalid_json_is_refused_with_a_message(text: str, fragment: str) -> None:
    with pytest.raises(FormatError) as caught:
        document_from_json(text)
    assert fragment.lower() in str(caught.value).lower()


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"status": "finished"}, "status: 'finished' is not one of draft"),
        ({"title": 12}, "title: expected text"),
        ({"tags": "a,b"}, "tags: expected a list of texts"),
        ({"timeline": [{"event": "no time"}]}, "timeline[0].at"),
        ({"timeline": [{"at": "2026-01-15T14:00:00", "event": "x"}]}, "no UTC offset"),
        ({"started_at": "yesterday"}, "started_at: 'yesterday' is not a date and time"),
        ({"incident_date": "15/01/2026"}, "incident_date"),
        ({"actions": [{"action": "x", "priority": "P9"}]}, "actions[0].priority"),
        ({"actions": ["x"]}, "actions[0]: expected an object"),
        ({"language": "de"}, "language"),
        ({"whys": []}, "must be an object with a 'nodes' list"),
        ({"whys": {"nodes": [{"id": "p", "role": "problem"}, {"id": "p"}]}}, "repeats"),
        (
            {"whys": {"nodes": [{"id": "p", "role": "problem"}], "edges": [{"source": "p"}]}},
            "unknown nodes",
        ),
    ],
)
def test_invalid_document_fields_are_named(fields: dict[str, Any], fragment: str) -> None:
    with pytest.raises(FormatError) as caught:
        document_from_json(_envelope(**fields))
    assert fragment.lower() in str(caught.value).lower()


def _nodes(*ids_roles: tuple[str, str]) -> list[dict[str, str]]:
    return [{"id": node, "role": role, "text": node} for node, role in ids_roles]


@pytest.mark.parametrize("kind", ["whys", "ishikawa"])
def test_a_graph_with_a_cycle_is_refused(kind: str) -> None:
    first, second = ("problem", "why") if kind == "whys" else ("effect", "category")
    graph = {
        "nodes": _nodes(("r", first), ("a", second), ("b", second), ("c", second)),
        "edges": [
            {"source": "r", "target": "a"},
            {"source": "a", "target": "b"},
            {"source": "b", "target": "c"},
            {"source": "c", "target": "a"},
        ],
    }
    with pytest.raises(FormatError) as caught:
        document_from_json(_envelope(**{kind: graph}))
    message = str(caught.value)
    assert "cycle" in message
    assert ("5 Whys" if kind == "whys" else "Ishikawa") in message


def test_a_graph_that_is_only_a_cycle_is_refused() -> None:
    graph = {
        "nodes": _nodes(("p", "problem"), ("w", "why")),
        "edges": [{"source": "p", "target": "w"}, {"source": "w", "target": "p"}],
    }
    with pytest.raises(FormatError, match="cycle"):
        document_from_json(_envelope(whys=graph))


def test_a_graph_node_with_two_parents_or_two_roots_is_refused() -> None:
    nodes = _nodes(("p", "problem"), ("a", "why"), ("b", "why"))
    diamond = {
        "nodes": nodes,
        "edges": [
            {"source": "p", "target": "a"},
            {"source": "p", "target": "b"},
            {"source": "a", "target": "b"},
        ],
    }
    with pytest.raises(FormatError, match="2 parents"):
        document_from_json(_envelope(whys=diamond))
    forest = {"nodes": nodes, "edges": [{"source": "p", "target": "a"}]}
    with pytest.raises(FormatError, match="exactly one root"):
        document_from_json(_envelope(whys=forest))


# -- property: any document survives the round trip -----------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_round_trips_through_json(doc: Postmortem) -> None:
    first = document_to_json(doc)
    back = document_from_json(first)
    assert document_to_json(back) == first
    assert document_to_dict(back) == document_to_dict(doc)
    for original, restored in zip(doc.timeline, back.timeline, strict=True):
        assert restored.at.utcoffset() == original.at.utcoffset()
