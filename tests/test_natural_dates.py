"""Times and due dates as people type them (core, no Qt)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.errors import ValidationError
from app.natural_dates import (
    format_moment,
    format_moment_full,
    parse_clock,
    parse_due_date,
    parse_moment_as_typed,
)

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 1, 15)
WEDNESDAY = date(2026, 1, 14)


@pytest.mark.parametrize("typed", ["14:31", "14h31", "2:31 PM", "2:31pm", "14 h 31", "14.31"])
def test_a_time_alone_takes_the_incident_date_and_zone(typed: str) -> None:
    moment = parse_moment_as_typed(typed, DAY, PARIS)
    assert moment == datetime(2026, 1, 15, 14, 31, tzinfo=timezone(timedelta(hours=1)))
    assert moment.utcoffset() == timedelta(hours=1)


def test_summer_time_gives_the_summer_offset() -> None:
    moment = parse_moment_as_typed("09:05", date(2026, 7, 1), PARIS)
    assert moment.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-01-16 00:12", datetime(2026, 1, 16, 0, 12, tzinfo=timezone(timedelta(hours=1)))),
        ("2026-01-15T14:31:00+00:00", datetime(2026, 1, 15, 14, 31, tzinfo=UTC)),
        ("2026-01-15 14:31 +01:00", datetime(2026, 1, 15, 14, 31, tzinfo=PARIS)),
        ("16/01/2026 2:05 am", datetime(2026, 1, 16, 2, 5, tzinfo=timezone(timedelta(hours=1)))),
        ("14:31Z", datetime(2026, 1, 15, 14, 31, tzinfo=UTC)),
    ],
)
def test_dates_and_offsets_typed_win(typed: str, expected: datetime) -> None:
    assert parse_moment_as_typed(typed, DAY, PARIS) == expected


def test_a_time_without_any_date_asks_for_one() -> None:
    with pytest.raises(ValidationError, match="has no date; set the incident date first"):
        parse_moment_as_typed("14:31", None, PARIS, "start time")


@pytest.mark.parametrize("typed", ["25:00", "14:75", "13 PM", "soon", "1431", "2026-02-30 10:00"])
def test_nonsense_is_refused_with_examples(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"is not a time; type e\.g\. 14:31"):
        parse_moment_as_typed(typed, DAY, PARIS)


def test_parse_clock_only_reads_times() -> None:
    assert parse_clock("9 am").hour == 9  # type: ignore[union-attr]
    assert parse_clock("12:00 AM").hour == 0  # type: ignore[union-attr]
    assert parse_clock("42") is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-02-01", date(2026, 2, 1)),
        ("01/02/2026", date(2026, 2, 1)),
        ("today", WEDNESDAY),
        ("tomorrow", date(2026, 1, 15)),
        ("Demain", date(2026, 1, 15)),
        ("+3d", date(2026, 1, 17)),
        ("3 days", date(2026, 1, 17)),
        ("in 2 weeks", date(2026, 1, 28)),
        ("+1m", date(2026, 2, 14)),
        ("next friday", date(2026, 1, 16)),
        ("friday", date(2026, 1, 16)),
        ("vendredi", date(2026, 1, 16)),
        ("vendredi prochain", date(2026, 1, 16)),
        ("wednesday", date(2026, 1, 21)),
        ("next week", date(2026, 1, 19)),
    ],
)
def test_due_dates_as_people_say_them(typed: str, expected: date) -> None:
    assert parse_due_date(typed, WEDNESDAY) == expected


def test_a_month_later_keeps_to_the_end_of_a_short_month() -> None:
    assert parse_due_date("+1m", date(2026, 1, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize("typed", ["someday", "2026-13-01", "+d", "next moonday"])
def test_unreadable_due_dates_are_refused_with_examples(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"is not a date; type e\.g\. 2026-02-01 · tomorrow"):
        parse_due_date(typed, WEDNESDAY)


def test_table_form_is_short_and_full_form_keeps_the_offset() -> None:
    moment = datetime(2026, 1, 15, 14, 31, tzinfo=timezone(timedelta(hours=1)))
    assert format_moment(moment, DAY) == "14:31"
    assert format_moment(moment, date(2026, 1, 14)) == "2026-01-15 14:31"
    assert format_moment_full(moment) == "2026-01-15 14:31 +01:00"
    assert format_moment_full(moment.astimezone(UTC)) == "2026-01-15 13:31 Z"
    assert parse_moment_as_typed(format_moment_full(moment), None, PARIS) == moment
