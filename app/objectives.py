"""Met / missed for impact rows that state an objective (RPO, RTO, SLO-like durations).

An impact row such as "RTO — 47 min — < 30 min" is read as a measured duration against a
target; when both sides parse as durations the row is met or missed. Anything else (a count,
a percentage, free text) has no verdict.
"""

from __future__ import annotations

import re
from datetime import timedelta

from app.model import ImpactRow

_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "seconde": 1, "secondes": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "heure": 3600, "heures": 3600,
    "d": 86400, "day": 86400, "days": 86400, "j": 86400, "jour": 86400, "jours": 86400,
}  # fmt: skip
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-zA-Z]+)")


def parse_duration(text: str) -> timedelta | None:
    """ "1 h 05 min", "47min", "< 30 min", "2h" → a duration; None when it is not one."""
    cleaned = text.strip().lstrip("<≤>=~ ").strip()
    if not cleaned:
        return None
    parts = _PART.findall(cleaned)
    if not parts or _PART.sub("", cleaned).strip(" ,") != "":
        return None
    seconds = 0.0
    for number, unit in parts:
        factor = _UNITS.get(unit.lower())
        if factor is None:
            return None
        seconds += float(number.replace(",", ".")) * factor
    return timedelta(seconds=seconds)


def objective_met(row: ImpactRow) -> bool | None:
    """True (met), False (missed) or None (not an objective row)."""
    value, target = parse_duration(row.value), parse_duration(row.target)
    if value is None or target is None:
        return None
    return value <= target
