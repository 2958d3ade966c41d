"""The document model: typed fields, validated values, times derived rather than typed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.demo import demo_document
from app.derived import derived_times, inconsistencies, instants
from app.diagrams.graph import new_ishikawa, new_whys, validate_tree
from app.errors import ValidationError
from app.model import DEFAULT_BLAMELESS_NOTE, Postmortem, TimelineEntry
from app.severity import DEFAULT_SCALE, find_level, scale_codes
from app.timeutil import format_duration, parse_date, parse_datetime
from app.vocabulary import Marker, Status

PARIS = timezone(timedelta(hours=1))


def _at(clock: str) -> datetime:
    return datetime.fromisoformat(f"2026-01-15T{clock}+01:00")


# -- derived times -------------------------------------------------------------------------


def test_the_demo_derives_its_times_from_the_timeline() -> None:
    times = derived_times(demo_document())
    assert times.duration == timedelta(minutes=12)
    assert times.time_to_detect == timedelta(seconds=20)
    assert times.time_to_mitigate == timedelta(minutes=10)
    assert times.time_to_resolve == timedelta(minutes=12)
    # acknowledged at 14:01:00, 40 s after detection; the page at 14:00:25 is not an ack
    assert times.time_to_acknowledge == timedelta(seconds=40)
    assert [format_duration(t) for t in (times.duration, times.time_to_detect)] == [
        "12 min",
        "20 s",
    ]
    assert inconsistencies(demo_document()) == []


def test_an_escalation_stands_in_for_a_missing_acknowledgement() -> None:
    doc = demo_document()
    for entry in doc.timeline:
        if entry.marker is not None and entry.marker.value == "acknowledged":
            entry.marker = None
    assert derived_times(doc).time_to_acknowledge == timedelta(seconds=5)


def test_markers_alone_give_the_times_when_the_header_is_empty() -> None:
    doc = demo_document()
    doc.started_at = doc.detected_at = doc.mitigated_at = doc.resolved_at = None
    times = derived_times(doc)
    assert (times.duration, times.time_to_detect, times.time_to_mitigate) == (
        timedelta(minutes=12),
        timedelta(seconds=20),
        timedelta(minutes=10),
    )


def test_header_times_win_over_timeline_markers() -> None:
    doc = demo_document()
    doc.resolved_at = _at("14:30:00")
    assert derived_times(doc).duration == timedelta(minutes=30)


def test_times_in_different_offsets_are_compared_as_instants() -> None:
    doc = Postmortem(
        started_at=datetime(2026, 1, 15, 13, 0, tzinfo=UTC),
        resolved_at=datetime(2026, 1, 15, 18, 45, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    )
    assert derived_times(doc).duration == timedelta(minutes=15)


def test_without_times_nothing_is_derived() -> None:
    times = derived_times(Postmortem())
    assert times.duration is None and times.time_to_detect is None
    assert format_duration(None) == "—"
    assert inconsistencies(Postmortem()) == []


def test_an_untagged_timeline_starts_at_its_first_entry() -> None:
    doc = Postmortem(
        timeline=[
            TimelineEntry(at=_at("14:05:00"), event="later"),
            TimelineEntry(at=_at("14:01:00"), event="first"),
            TimelineEntry(at=_at("14:09:00"), event="fixed", marker=Marker.RESOLVED),
        ]
    )
    assert instants(doc).started == _at("14:01:00")
    assert derived_times(doc).duration == timedelta(minutes=8)
    assert [e.event for e in doc.sorted_timeline()] == ["first", "later", "fixed"]


def test_resolved_before_started_is_flagged() -> None:
    doc = demo_document()
    doc.resolved_at = _at("13:50:00")
    problems = inconsistencies(doc)
    assert "The incident is resolved before it started." in problems
    assert "The incident is resolved before it is mitigated." in problems
    assert derived_times(doc).duration is None  # flagged above, never printed negative
    assert format_duration(derived_times(doc).duration) == "—"


def test_detected_before_started_and_entries_outside_the_window_are_flagged() -> None:
    doc = demo_document()
    doc.detected_at = _at("13:59:00")
    doc.timeline.append(TimelineEntry(at=_at("15:00:00"), event="Post-incident review"))
    problems = inconsistencies(doc)
    assert "The incident is detected before it started." in problems
    assert "Timeline entry 'Post-incident review' is outside the incident window." in problems


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min"), (605, "10 min 05 s"), (3900, "1 h 05 min")],
)
def test_durations_read_naturally(seconds: int, text: str) -> None:
    assert format_duration(timedelta(seconds=seconds)) == text


# -- validated values ----------------------------------------------------------------------


def test_times_need_an_offset() -> None:
    assert parse_datetime("2026-01-15T14:00:00+01:00") == _at("14:00:00")
    assert parse_datetime("2026-01-15T13:00:00Z").utcoffset() == timedelta(0)
    with pytest.raises(ValidationError, match="has no UTC offset"):
        parse_datetime("2026-01-15T14:00:00", "started_at")
    with pytest.raises(ValidationError, match="is not a date and time"):
        parse_datetime("quinze janvier", "started_at")
    with pytest.raises(ValidationError, match="required"):
        parse_datetime("  ")


def test_dates_are_iso() -> None:
    assert parse_date("2026-01-15") == date(2026, 1, 15)
    with pytest.raises(ValidationError, match="use YYYY-MM-DD"):
        parse_date("15/01/2026", "due")


def test_long_bad_values_are_clipped_in_messages() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_datetime("x" * 10_000)
    assert len(str(caught.value)) < 200


def test_the_default_severity_scale_is_p0_to_p3() -> None:
    assert scale_codes() == ["P0", "P1", "P2", "P3"]
    assert find_level("P1").name_fr == "Majeur"
    assert find_level("P0", DEFAULT_SCALE).response_time == "< 15 min"
    with pytest.raises(ValidationError, match="not on the scale"):
        find_level("SEV1")


def test_a_new_document_is_a_blameless_draft_with_both_diagrams() -> None:
    doc = Postmortem()
    assert doc.status == Status.DRAFT and doc.revision == 1
    assert doc.blameless_note == DEFAULT_BLAMELESS_NOTE
    validate_tree(doc.whys, "whys")
    validate_tree(doc.ishikawa, "ishikawa")
    assert Postmortem().id != doc.id


def test_a_diagram_with_a_cycle_is_invalid() -> None:
    whys = new_whys("problem")
    whys.add_node("w1", text="why", answer="", role="why", root_cause=False, order=0)
    whys.add_edge("p", "w1")
    whys.add_edge("w1", "p")
    with pytest.raises(ValidationError, match="cycle"):
        validate_tree(whys, "whys")
    fish = new_ishikawa("effect")
    fish.add_edge("c1", "c2")
    with pytest.raises(ValidationError, match="2 parents"):
        validate_tree(fish, "ishikawa")
