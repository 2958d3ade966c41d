"""Dates and times as people type them: "14:31", "14h31", "2:31 PM", "next friday", "+3d".

A time of day alone is resolved with the incident's date and time zone, so the document always
stores a full date-time with an offset (the report never guesses). A due date may be relative
("tomorrow", "+3d", "vendredi"): it is resolved against an injected ``today`` and stored as a
plain date. English and French words are understood whatever the interface language.

The time zone comes in as a ``tzinfo``, so any zone parser can feed it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from app.errors import ValidationError
from app.messages import Message
from app.model import Postmortem

_CLOCK = (
    r"(?P<hour>\d{1,2})\s*(?:(?P<sep>[:hH.])\s*(?P<minute>\d{2})?(?::(?P<second>\d{2}))?)?"
    r"\s*(?P<ampm>[aApP]\.?\s*[mM]\.?)?"
)
_CLOCK_ONLY = re.compile(r"^" + _CLOCK + r"$")
_DAY = r"(?P<day>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})"
_OFFSET = r"(?P<offset>Z|z|UTC|[+-]\d{1,2}(?::?\d{2})?)?"
_DAY_AND_CLOCK = re.compile(r"^" + _DAY + r"(?:[T\s,]+" + _CLOCK + r")?\s*" + _OFFSET + r"$")
_CLOCK_WITH_OFFSET = re.compile(r"^" + _CLOCK + r"\s*" + _OFFSET + r"$")

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "lundi": 0,
    "tuesday": 1,
    "tue": 1,
    "mardi": 1,
    "wednesday": 2,
    "wed": 2,
    "mercredi": 2,
    "thursday": 3,
    "thu": 3,
    "jeudi": 3,
    "friday": 4,
    "fri": 4,
    "vendredi": 4,
    "saturday": 5,
    "sat": 5,
    "samedi": 5,
    "sunday": 6,
    "sun": 6,
    "dimanche": 6,
}
_RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "aujourd'hui": 0,
    "aujourd’hui": 0,
    "tomorrow": 1,
    "demain": 1,
    "yesterday": -1,
    "hier": -1,
    "après-demain": 2,
    "apres-demain": 2,
}
_UNITS: dict[str, int] = {"d": 1, "j": 1, "w": 7, "s": 7}
_STEP = re.compile(
    r"^(?:in\s+|dans\s+)?\+?\s*(?P<count>\d{1,3})\s*"
    r"(?P<unit>d|j|w|s|m|days?|jours?|weeks?|semaines?|months?|mois)$"
)
_NEXT_WEEKDAY = re.compile(r"^(?:next\s+|this\s+|ce\s+)?(?P<name>[a-zé]+)(?:\s+prochain)?$")
_NEXT_WEEK = ("next week", "la semaine prochaine", "semaine prochaine")

TIME_EXAMPLES = "14:31 · 14h31 · 2:31 PM · 2026-01-15 14:31"
DUE_EXAMPLES = "2026-02-01 · tomorrow · +3d · next friday · vendredi"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def incident_day(doc: Postmortem | None) -> date | None:
    """The day a time typed alone ("14:31") belongs to: the incident date, else the start's."""
    if doc is None:
        return None
    if doc.incident_date is not None:
        return doc.incident_date
    start: datetime | None = doc.started_at
    return start.date() if start is not None else None


def parse_clock(text: str) -> time | None:
    """A time of day typed alone ("14:31", "14h31", "2:31 PM", "9 am"); None if it is not one."""
    match = _CLOCK_ONLY.match(text.strip())
    return _clock_of(match) if match else None


def _clock_of(match: re.Match[str]) -> time | None:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    second = int(match["second"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if not match["sep"] and not ampm:
        return None  # a bare number is not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _offset(text: str | None, zone: tzinfo) -> tzinfo:
    if not text:
        return zone
    if text.upper() in ("Z", "UTC"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _calendar_day(text: str) -> date:
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    """``day`` at ``clock`` in ``zone``, fixed to the offset in force then (stored as typed)."""
    moment = datetime.combine(day, clock, zone)
    offset = moment.utcoffset()
    return moment.replace(tzinfo=timezone(offset)) if offset is not None else moment


def parse_moment_as_typed(
    text: str, day: date | None, zone: tzinfo, field: str = "time"
) -> datetime:
    """A date-time as typed; a time alone takes ``day`` and every time lacking an offset ``zone``.

    Accepted: ISO 8601 ("2026-01-15T14:31:00+01:00"), a date and a time ("2026-01-15 14:31",
    "15/01/2026 2:31 PM", with an optional offset) or a time alone ("14:31", "14h31", "2:31 PM").
    """
    value = " ".join(text.strip().split())
    if not value:
        raise ValidationError(Message("error.moment_required", field=field))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        pass
    else:
        if parsed.tzinfo is not None:
            return parsed
        return _at(parsed.date(), parsed.time(), zone)
    full = _DAY_AND_CLOCK.match(value)
    if full:
        try:
            on = _calendar_day(full["day"])
        except ValueError:
            on = None
        clock = _clock_of(full) if full["hour"] else time(0, 0)
        if on is not None and clock is not None:
            return _resolve(on, clock, full["offset"], zone)
    alone = _CLOCK_WITH_OFFSET.match(value)
    clock = _clock_of(alone) if alone else None
    if alone and clock is not None:
        if day is None:
            raise ValidationError(
                Message("error.no_day", field=field, text=_clip(value), example="2026-01-15 14:31")
            )
        return _resolve(day, clock, alone["offset"], zone)
    raise ValidationError(
        Message("error.not_a_time", field=field, text=_clip(value), example=TIME_EXAMPLES)
    )


def _resolve(on: date, clock: time, offset: str | None, zone: tzinfo) -> datetime:
    if offset:
        return datetime.combine(on, clock, _offset(offset, zone))
    return _at(on, clock, zone)


def format_moment(value: datetime | None, reference: date | None = None) -> str:
    """Short form for tables: "14:31", or "2026-01-16 00:12" when the day is not ``reference``."""
    if value is None:
        return ""
    clock = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if reference is not None and value.date() == reference:
        return clock
    return f"{value.date().isoformat()} {clock}"


def format_moment_full(value: datetime | None) -> str:
    """The full value, as shown in a field and in tooltips: "2026-01-15 14:31 +01:00"."""
    if value is None:
        return ""
    clock = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    offset = value.strftime("%z")
    if offset:
        offset = "Z" if offset == "+0000" else f"{offset[:3]}:{offset[3:]}"
    return f"{value.date().isoformat()} {clock} {offset}".rstrip()


def _add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def parse_due_date(text: str, today: date, field: str = "due date") -> date:
    """A due date: ISO, dd/mm/yyyy, "today", "tomorrow", "+3d", "2w", "next friday", "vendredi"."""
    value = " ".join(text.strip().lower().split())
    if not value:
        raise ValidationError(Message("error.empty", field=field))
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value):
        try:
            return _calendar_day(value)
        except ValueError:
            pass
    if value in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[value])
    if value in _NEXT_WEEK:
        return today + timedelta(days=7 - today.weekday())
    step = _STEP.match(value)
    if step:
        count, unit = int(step["count"]), step["unit"]
        if unit == "m" or unit.startswith("mo"):
            return _add_months(today, count)
        return today + timedelta(days=count * _UNITS[unit[0]])
    named = _NEXT_WEEKDAY.match(value)
    if named and named["name"] in WEEKDAYS:
        ahead = (WEEKDAYS[named["name"]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    raise ValidationError(
        Message("error.not_a_date", field=field, text=_clip(text.strip()), example=DUE_EXAMPLES)
    )
