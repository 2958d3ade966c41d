"""One time-zone parser for import, editor, pasted rows and the CLI."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.edits import parse_moment, zone_of
from app.errors import ValidationError
from app.markdown.importer import import_text
from app.paste_rows import parse_pasted_rows
from app.timezones import find_zone, parse_zone, zone_name


def hours(value: float) -> timezone:
    return timezone(timedelta(hours=value))


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("UTC", 0), ("Z", 0), ("GMT", 0), ("+01:00", 1), ("-0430", -4.5), ("UTC+1", 1),
        ("UTC−4", -4), ("UTC-4", -4), ("GMT+5:30", 5.5), ("utc +2", 2), ("PST", -8),
        ("PDT", -7), ("EST", -5), ("EDT", -4), ("CET", 1), ("CEST", 2), ("BST", 1),
        ("IST", 5.5), ("JST", 9), ("(UTC+02:00)", 2),
    ],
)  # fmt: skip
def test_offsets_and_abbreviations(text: str, offset: float) -> None:
    moment = datetime(2026, 1, 15, 12)
    assert parse_zone(text).utcoffset(moment) == timedelta(hours=offset)


def test_names_and_regions_follow_daylight_saving() -> None:
    assert parse_zone("Europe/Paris") == ZoneInfo("Europe/Paris")
    assert parse_zone("heure de Paris") == ZoneInfo("Europe/Paris")
    eastern = parse_zone("ET")
    assert datetime(2026, 7, 1, 12, tzinfo=eastern).utcoffset() == timedelta(hours=-4)
    assert datetime(2026, 1, 1, 12, tzinfo=eastern).utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize("text", ["+99:00", "UTC+15", "-13:00", "+05:75"])
def test_out_of_range_offsets_are_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_zone(text)
    message = str(refused.value)
    assert message.startswith("time zone: ") and message.endswith(".")
    assert text in message
    with pytest.raises(ValidationError):
        zone_of(text)


def test_unknown_names_are_refused_with_a_sentence() -> None:
    with pytest.raises(ValidationError, match="is unknown; use a name such as Europe/Paris"):
        parse_zone("Mars/Olympus")


def test_zones_found_inside_sentences() -> None:
    found = find_zone("All times ET (UTC−4)")
    assert found is not None and found[0] == hours(-4)
    found = find_zone("Timeline (times in PST)")
    assert found is not None and found[0] == hours(-8)
    found = find_zone("Chronologie (heure de Paris)")
    assert found is not None and found[0] == ZoneInfo("Europe/Paris")
    assert find_zone("Timeline of the outage") is None
    assert find_zone("Was it a TODO or DONE?") is None


def test_stored_names() -> None:
    assert zone_name(parse_zone("UTC+1")) == "+01:00"
    assert zone_name(parse_zone("UTC−4")) == "-04:00"
    assert zone_name(parse_zone("Europe/Paris")) == "Europe/Paris"
    assert zone_name(parse_zone("Z")) == "UTC"


def test_a_document_imported_with_utc_plus_1_accepts_typed_times_and_pastes() -> None:
    doc, _ = import_text(
        "# Outage\n\n**Date:** 2026-01-15\n**Time zone:** UTC+1\n\n## Timeline\n\n"
        "- 14:00 database fails over\n"
    )
    assert doc.timeline[0].at == datetime(2026, 1, 15, 14, tzinfo=hours(1))
    typed = parse_moment("2026-01-15 15:30", doc.timezone)
    assert typed == datetime(2026, 1, 15, 15, 30, tzinfo=hours(1))
    pasted = parse_pasted_rows("[16:05] alice: rollback done", date(2026, 1, 15),
                               zone_of(doc.timezone))  # fmt: skip
    assert pasted.entries[0].at == datetime(2026, 1, 15, 16, 5, tzinfo=hours(1))


def test_pasted_rows_with_an_out_of_range_offset_are_skipped_not_crashing() -> None:
    pasted = parse_pasted_rows("14:00+99:00 alice: x\n14:05 bob: y", date(2026, 1, 15), UTC)
    assert [entry.event for entry in pasted.entries][-1] == "y"
