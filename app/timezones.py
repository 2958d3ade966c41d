"""Time zones as people write them, read by one parser for the whole app.

IANA names (``Europe/Paris``), ``UTC``/``GMT``/``Z``, offsets (``+01:00``, ``-0430``,
``UTC+1``, ``UTC−4`` with a Unicode minus, ``GMT+5:30``), the common abbreviations with their
offsets (``PST``, ``EDT``, ``CET``, ``BST``, ``IST``…), region words (``ET``, ``PT``) and the
French "heure de Paris". The Markdown import, the editor's time fields, pasted rows and the
CLI all use ``parse_zone``; an offset outside −12:00…+14:00 is refused with a sentence.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError
from app.messages import Message

MIN_OFFSET = timedelta(hours=-12)
MAX_OFFSET = timedelta(hours=14)

# Fixed-offset abbreviations (hours). Ambiguous ones take their most common reading:
# IST is India, BST British Summer Time, CST US Central.
ABBREVIATIONS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
    "BST": 1, "CET": 1, "WEST": 1, "MEZ": 1, "WAT": 1,
    "CEST": 2, "EET": 2, "MESZ": 2, "SAST": 2, "CAT": 2,
    "EEST": 3, "MSK": 3, "EAT": 3,
    "IST": 5.5, "PKT": 5,
    "ICT": 7, "WIB": 7,
    "SGT": 8, "HKT": 8, "AWST": 8, "CST-CN": 8,
    "JST": 9, "KST": 9,
    "ACST": 9.5, "ACDT": 10.5,
    "AEST": 10, "AEDT": 11,
    "NZST": 12, "NZDT": 13,
    "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
    "EST": -5, "EDT": -4,
    "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8,
    "HST": -10,
    "BRT": -3, "ART": -3,
}  # fmt: skip

# Words that name a region whose offset depends on the date: an IANA zone.
REGIONS: dict[str, str] = {
    "ET": "America/New_York", "EASTERN": "America/New_York", "EASTERN TIME": "America/New_York",
    "CT": "America/Chicago", "CENTRAL": "America/Chicago", "CENTRAL TIME": "America/Chicago",
    "MT": "America/Denver", "MOUNTAIN TIME": "America/Denver",
    "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles",
    "PACIFIC TIME": "America/Los_Angeles",
    "HEURE DE PARIS": "Europe/Paris", "PARIS TIME": "Europe/Paris", "PARIS": "Europe/Paris",
    "HEURE FRANCAISE": "Europe/Paris", "HEURE FRANÇAISE": "Europe/Paris",
    "HEURE DE FRANCE": "Europe/Paris", "HEURE LEGALE FRANCAISE": "Europe/Paris",
    "LONDON TIME": "Europe/London", "UK TIME": "Europe/London",
    "HEURE DE MONTREAL": "America/Toronto", "HEURE DU QUEBEC": "America/Toronto",
}  # fmt: skip

_MINUS = "\u2212\u2013\u2014\u2010\u2011\u2012"
_OFFSET = re.compile(
    r"^(?:(?:UTC|GMT|UT)\s*)?(?P<sign>[+-])\s*(?P<h>\d{1,2})(?:(?::|h|\s*)?(?P<m>\d{2}))?$"
)
# A zone named inside a sentence: "(UTC−4)", "Times in PST", "ET (UTC-4)", "heure de Paris".
_OFFSET_IN_TEXT = r"(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?<![\w:])[+-]\d{2}:\d{2}(?!\d)"
_NAME_IN_TEXT = r"\b[A-Z][a-z]+(?:/[A-Z][A-Za-z_-]+)+\b"


def _normalise(text: str) -> str:
    value = text.strip().strip("()[]").strip()
    for dash in _MINUS:
        value = value.replace(dash, "-")
    return value


def offset_zone(delta: timedelta, original: str = "") -> timezone:
    """A fixed offset, refused with a sentence when no place on Earth uses it."""
    if not MIN_OFFSET <= delta <= MAX_OFFSET:
        shown = original.strip() or _format_offset(delta)
        raise ValidationError(
            f"time zone: '{shown}' is out of range; offsets go from -12:00 to +14:00."
        )
    return UTC if not delta else timezone(delta)


def _format_offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def parse_zone(text: str) -> tzinfo:
    """The zone ``text`` names; ``ValidationError`` with a sentence when it names none.

    An empty text is UTC (a document without a stated zone).
    """
    value = _normalise(text)
    if not value:
        return UTC
    upper = value.upper()
    if upper in ABBREVIATIONS:
        return offset_zone(timedelta(hours=ABBREVIATIONS[upper]))
    region = REGIONS.get(" ".join(_fold_ascii(upper).split()))
    if region is not None:
        return ZoneInfo(region)
    match = _OFFSET.match(upper)
    if match:
        hours, minutes = int(match["h"]), int(match["m"] or 0)
        if minutes >= 60:
            raise ValidationError(Message("error.not_an_offset", text=text.strip()))
        delta = timedelta(hours=hours, minutes=minutes)
        return offset_zone(-delta if match["sign"] == "-" else delta, text)
    if re.match(r"^[+-]", value):
        raise ValidationError(Message("error.not_an_offset", text=text.strip()))
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(Message("error.unknown_zone", text=text.strip())) from None


def zone_or_none(text: str) -> tzinfo | None:
    """``parse_zone`` for readers that keep unknown text and report it themselves."""
    if not text.strip():
        return None
    try:
        return parse_zone(text)
    except ValidationError:
        return None


def find_zone(text: str) -> tuple[tzinfo, str] | None:
    """The first zone named inside a sentence or a heading, with the words that named it.

    An explicit offset wins over an abbreviation next to it: ``ET (UTC−4)`` is UTC−4.
    """
    value = _normalise(text)
    offset = re.search(_OFFSET_IN_TEXT, value)
    if offset is not None:
        zone = zone_or_none(offset.group(0))
        if zone is not None:
            return zone, offset.group(0)
    folded = _fold_ascii(value.upper())
    for words in sorted(REGIONS, key=len, reverse=True):
        if " " in words and words in folded:
            return ZoneInfo(REGIONS[words]), words.lower()
    for word in re.findall(r"\b[A-Z]{2,5}\b", value):
        if word in ABBREVIATIONS and word not in ("UT", "Z", "CST-CN"):
            return offset_zone(timedelta(hours=ABBREVIATIONS[word])), word
        if word in REGIONS:
            return ZoneInfo(REGIONS[word]), word
    name = re.search(_NAME_IN_TEXT, value)
    if name is not None:
        zone = zone_or_none(name.group(0))
        if zone is not None:
            return zone, name.group(0)
    return None


def zone_name(zone: tzinfo) -> str:
    """What the document stores: the IANA key, ``UTC``, or an offset such as ``-04:00``."""
    if isinstance(zone, ZoneInfo):
        return zone.key
    delta = zone.utcoffset(None) or timedelta(0)
    return "UTC" if not delta else _format_offset(delta)


def fixed_on(zone: tzinfo, moment: datetime) -> tzinfo:
    """The fixed offset ``zone`` has at ``moment`` (a naive local time), for storing times."""
    if isinstance(zone, ZoneInfo):
        offset = moment.replace(tzinfo=zone).utcoffset() or timedelta(0)
        return UTC if not offset else timezone(offset)
    return zone


def _fold_ascii(text: str) -> str:
    return text.replace("É", "E").replace("È", "E").replace("Ç", "C").replace("À", "A")
