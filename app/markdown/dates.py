"""Dates and times as people write them in postmortems, resolved against the incident date.

``14:32 UTC``, ``14:00:00``, ``2026-01-15 14:00 +01:00``, ``31/01 09:15`` (day first, the
French way), ``Oct 29, 2025``, ``15 janvier 2026``. A time without a date takes the incident
date; a time without an offset takes the document's time zone. What cannot be read returns
``None`` and the caller keeps the text and warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from app.timezones import ABBREVIATIONS, find_zone, fixed_on, zone_or_none

MONTHS = {
    "jan": 1, "janv": 1, "janvier": 1, "january": 1,
    "feb": 2, "fev": 2, "fevr": 2, "février": 2, "fevrier": 2, "february": 2, "févr": 2, "fév": 2,
    "mar": 3, "mars": 3, "march": 3,
    "apr": 4, "avr": 4, "avril": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "juin": 6, "june": 6,
    "jul": 7, "juil": 7, "juillet": 7, "july": 7,
    "aug": 8, "aou": 8, "août": 8, "aout": 8, "august": 8,
    "sep": 9, "sept": 9, "septembre": 9, "september": 9,
    "oct": 10, "octobre": 10, "october": 10,
    "nov": 11, "novembre": 11, "november": 11,
    "dec": 12, "déc": 12, "décembre": 12, "decembre": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month_name>[A-Za-zéûÉÛ]{3,9})\.?"
_ISO_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_SLASH_DAY = re.compile(
    r"(?<![\d/])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>\d{2,4}))?(?![\d/])"
)
_NAMED_DAY = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:er)?\s+{_MONTH}\s+(?P<y1>\d{{4}}))"
    rf"|(?:(?P<m2>[A-Za-zéûÉÛ]{{3,9}})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
)
_ZONE_WORDS = "|".join(
    sorted((w for w in [*ABBREVIATIONS, "ET", "PT", "CT", "MT"] if w.isalpha() and len(w) > 1),
           key=len, reverse=True)
)  # fmt: skip
_ZONE = (
    rf"Z\b|(?:UTC|GMT)\s*[+\-−]\s*\d{{1,2}}(?::?\d{{2}})?|[+\-−]\d{{2}}:?\d{{2}}\b"
    rf"|\(?(?:{_ZONE_WORDS})\b\)?"
)
_AMPM = r"[AaPp]\.?\s?[Mm]\.?(?![A-Za-z])"
_NAMED_DAY_NO_YEAR = re.compile(
    r"(?<![\d/])(?:(?P<d1>\d{1,2})(?:er)?\s+(?P<m1>[A-Za-zéûÉÛ]{3,9})\b\.?"
    r"|(?P<m2>[A-Za-zéûÉÛ]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)(?![:h]\d)"
)
_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])(?:[:h](?P<mi>[0-5]\d)|\s?h(?![\w])|(?=\s?" + _AMPM + r"))"
    r"(?::(?P<s>[0-5]\d))?(?P<frac>\.\d+)?"
    r"(?:\s*(?P<ampm>" + _AMPM + r"))?"
    r"(?:\s*(?P<zone>" + _ZONE + r"))?"
)
# "~10:15", "vers 10 h", "around 9:30 AM", "09:30–10:15": approximate, kept as written.
_APPROX = re.compile(
    r"^\s*(?:~|≈|±|\bca\.?|\bcirca\b|\baround\b|\babout\b|\bapprox\.?|\bapproximately\b"
    r"|\benviron\b|\bvers\b|\baux alentours de\b|\bautour de\b)\s*",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:–|—|\bto\b|\bà\b)\s*|\s+-\s+|-)\d{1,2}[:h]\d"
)
_RANGE_TAIL = re.compile(
    r"^(?:\s*(?:–|—|\bto\b|\bà\b)\s*|\s+-\s+|-)\d{1,2}[:h]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?"
)
_APPROX_SUFFIX = re.compile(r"\s*(?:\(?(?:approx\.?|approximately|environ|about)\)?)\s*$", re.I)


@dataclass
class DateContext:
    """What a bare time is resolved against."""

    incident_date: date | None = None
    zone: tzinfo | None = None

    def default_zone(self, day: date) -> tzinfo:
        if self.zone is None:
            return UTC
        if isinstance(self.zone, ZoneInfo):
            offset = datetime(day.year, day.month, day.day, 12, tzinfo=self.zone).utcoffset()
            return timezone(offset or timedelta(0))
        return self.zone


def zone_named(name: str) -> tzinfo | None:
    return zone_or_none(name)


def parse_offset(text: str) -> tzinfo | None:
    return zone_or_none(text)


def parse_day(text: str, context: DateContext | None = None) -> date | None:
    """The first date in ``text`` (ISO, day-first numeric, or with a month name)."""
    found = find_day(text, context)
    return found[0] if found else None


def find_day(text: str, context: DateContext | None = None) -> tuple[date, int, int] | None:
    """(date, start, end) of the first date written in ``text``."""
    context = context or DateContext()
    candidates: list[tuple[int, int, date]] = []
    for match in _ISO_DAY.finditer(text):
        day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            candidates.append((match.start(), match.end(), day))
            break
    for match in _NAMED_DAY.finditer(text):
        name = (match["month_name"] or match["m2"] or "").casefold().rstrip(".")
        month = MONTHS.get(name)
        if month is None:
            continue
        day_number = int(match["d1"] or match["d2"])
        day = _safe_date(int(match["y1"] or match["y2"]), month, day_number)
        if day:
            candidates.append((match.start(), match.end(), day))
            break
    for match in _SLASH_DAY.finditer(text):
        day = _numeric_day(match, context)
        if day:
            candidates.append((match.start(), match.end(), day))
            break
    if not candidates and context.incident_date is not None:
        for match in _NAMED_DAY_NO_YEAR.finditer(text):
            month = MONTHS.get((match["m1"] or match["m2"] or "").casefold().rstrip("."))
            if month:
                day = _safe_date(context.incident_date.year, month, int(match["d1"] or match["d2"]))
                if day:
                    candidates.append((match.start(), match.end(), day))
                    break
    if not candidates:
        return None
    start, end, day = min(candidates, key=lambda candidate: candidate[0])
    return day, start, end


def _numeric_day(match: re.Match[str], context: DateContext) -> date | None:
    first, second = int(match["a"]), int(match["b"])
    year_text = match["y"]
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    elif context.incident_date:
        year = context.incident_date.year
    else:
        return None
    if first > 12 or second <= 12:
        return _safe_date(year, second, first)  # day first, the French way
    return _safe_date(year, first, second)  # 01/20: month first (US notation)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def all_days(text: str, context: DateContext | None = None) -> list[date]:
    """Every full date (with its year) written in ``text``, in order of appearance."""
    found: list[tuple[int, date]] = []
    for match in _ISO_DAY.finditer(text):
        day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            found.append((match.start(), day))
    for match in _NAMED_DAY.finditer(text):
        month = MONTHS.get((match["month_name"] or match["m2"] or "").casefold().rstrip("."))
        if month:
            day = _safe_date(
                int(match["y1"] or match["y2"]), month, int(match["d1"] or match["d2"])
            )
            if day:
                found.append((match.start(), day))
    return [day for _, day in sorted(found, key=lambda pair: pair[0])]


def find_time(text: str) -> re.Match[str] | None:
    return _TIME.search(text)


def approximate(text: str) -> bool:
    """Whether a written time is approximate: ``~10:15``, ``vers 10 h``, ``09:30–10:15``."""
    return bool(_APPROX.match(text) or _RANGE.search(text) or _APPROX_SUFFIX.search(text))


def clock_of(text: str) -> re.Match[str] | None:
    """The first clock time in ``text`` (``14:32``, ``9:37 AM``, ``10 h``, with its zone)."""
    for match in _TIME.finditer(text):
        if match["mi"] or match["ampm"] or re.match(r"\d{1,2}\s?h", match.group(0)):
            return match
    return None


def parse_when(
    text: str, context: DateContext, zone_hint: tzinfo | None = None
) -> tuple[datetime | None, bool]:
    """A date-time from ``text``; the flag says whether a zone had to be assumed.

    The zone is the one written next to the time, else one named elsewhere in ``text``
    ("(heure de Paris)"), else ``zone_hint`` (a column or section), else the document's.
    """
    value = _APPROX.sub("", text.strip())
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if "T" not in value else value)
        if parsed.tzinfo is not None:
            return parsed, False
    except ValueError:
        pass
    clock = clock_of(value)
    if clock is None:
        return None, False
    after = _RANGE_TAIL.sub("", value[clock.end() :], count=1)
    before = value[: clock.start()] + " " + after
    found = find_day(before, context)
    day = found[0] if found else context.incident_date
    if day is None:
        return None, False
    hour = int(clock["h"])
    if clock["ampm"]:
        afternoon = clock["ampm"][0] in "Pp"
        hour = hour % 12 + (12 if afternoon else 0)
    micro = round(float(clock["frac"]) * 1_000_000) if clock["frac"] else 0
    naive = datetime(day.year, day.month, day.day, hour, int(clock["mi"] or 0),
                     int(clock["s"] or 0), micro)  # fmt: skip
    zone: tzinfo | None = zone_or_none(clock["zone"]) if clock["zone"] else None
    if zone is None:
        named = find_zone(after) or find_zone(value[: clock.start()])
        zone = named[0] if named else zone_hint
    assumed = zone is None
    if zone is None:
        zone = context.zone or UTC
    return naive.replace(tzinfo=fixed_on(zone, naive)), assumed


def parse_duration(text: str) -> timedelta | None:
    """``2h 48m``, ``8 h``, ``12 days 18 hours``, ``about 75 hours``, ``27 minutes``."""
    units = {"d": 86400, "j": 86400, "h": 3600, "m": 60, "s": 1}
    total = 0.0
    found = False
    french = re.search(r"(\d+)\s*h\s*(\d{1,2})\b(?!\s*[a-z])", text.casefold())
    if french:  # "1 h 30", "1h30": hours and minutes
        total = int(french[1]) * 3600 + int(french[2]) * 60
        text, found = text[: french.start()] + text[french.end() :], True
    for number, unit in re.findall(
        r"(\d+(?:[.,]\d+)?)\s*(days?|jours?|j\b|d\b|h(?:ours?|eures?|rs?)?\b|min(?:utes?)?\b"
        r"|m\b|s(?:ec(?:onds?|ondes?)?)?\b)",
        text.casefold(),
    ):
        total += float(number.replace(",", ".")) * units[unit[0]]
        found = True
    return timedelta(seconds=total) if found and total > 0 else None


def starts_with_time(text: str) -> re.Match[str] | None:
    """A leading ``14:32 UTC`` / ``2026-01-15 14:32`` / ``31/01 14:32`` and the rest after it."""
    return _LEADING.match(text)


_CLOCK = (
    r"(?:[01]?\d|2[0-3])(?:[:h][0-5]\d(?::[0-5]\d)?(?:\.\d+)?|(?=\s?" + _AMPM + "))"
    r"(?:\s*" + _AMPM + ")?"
)
_LEADING = re.compile(
    r"^\s*(?P<when>(?:(?:~|≈|ca\.?|circa|around|about|vers|environ)\s*"
    r"(?:(?:[01]?\d|2[0-3])\s?h(?!\w))?)?"
    r"(?:\d{4}-\d{2}-\d{2}[ T]|\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+)?"
    r"(?:(?<=h)|" + _CLOCK + r")(?:\s*(?:" + _ZONE + r"))?"
    r"(?:\s*(?:–|—|-|to|à)\s*" + _CLOCK + r"(?:\s*(?:" + _ZONE + r"))?)?)"
    r"\s*(?:[:\-–—|]\s*)?(?P<rest>.*)$",
    re.DOTALL,
)
