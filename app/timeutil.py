"""Parsing and formatting of the document's dates and times.

Times in a postmortem always carry a UTC offset: a time without one is ambiguous in a report
read across time zones, so it is refused with a message rather than guessed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from app.errors import ValidationError
from app.messages import Message


def parse_datetime(text: str, field: str = "time") -> datetime:
    """Parse an ISO 8601 date-time that has a UTC offset (``Z`` accepted)."""
    value = text.strip()
    if not value:
        raise ValidationError(Message("error.moment_required", field=field))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            Message(
                "error.not_a_moment",
                field=field,
                text=_clip(value),
                example="2026-01-15T14:00:00+01:00",
            )
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValidationError(Message("error.no_offset", field=field, text=_clip(value)))
    return parsed


def parse_optional_datetime(text: str | None, field: str) -> datetime | None:
    if text is None or not str(text).strip():
        return None
    return parse_datetime(str(text), field)


def parse_date(text: str, field: str = "date") -> date:
    value = text.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            Message("error.not_an_iso_date", field=field, text=_clip(value), example="2026-01-15")
        ) from None


def parse_optional_date(text: str | None, field: str) -> date | None:
    if text is None or not str(text).strip():
        return None
    return parse_date(str(text), field)


def format_datetime(value: datetime | None) -> str | None:
    """ISO 8601 keeping the original offset (never converted), seconds precision or finer."""
    if value is None:
        return None
    return value.isoformat()


def format_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def format_duration(delta: timedelta | None, *, empty: str = "—", minus: str = "-") -> str:
    """``1 h 05 min``, ``12 min 05 s``, ``45 s``; negative durations keep their sign."""
    if delta is None:
        return empty
    total = int(delta.total_seconds())
    sign = minus if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours} h {minutes:02d} min"
    if minutes:
        return f"{sign}{minutes} min" + (f" {seconds:02d} s" if seconds else "")
    return f"{sign}{seconds} s"


def offset_timezone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def _clip(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
