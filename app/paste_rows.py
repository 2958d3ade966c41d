"""Turn pasted text (a chat log or a Markdown table) into timeline entries.

People paste what they have: lines copied from Slack/Teams/IRC ("[14:02] alice: rollback"),
a log with full ISO times, or a Markdown table from a wiki. Each recognised line becomes one
``TimelineEntry``; lines without a time are attached to the previous entry as notes, so nothing
pasted is lost. Times without a date take the incident date; times without an offset take the
document's offset. Text is kept as typed (markup, emoji, right-to-left scripts): it is data, and
the report escapes it when rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from app.errors import ValidationError
from app.model import TimelineEntry
from app.timezones import parse_zone
from app.vocabulary import Marker

_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)"
_DATE = r"(?P<date>\d{4}-\d{2}-\d{2})"
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})?"
_CHAT_LINE = re.compile(
    r"^\s*[\[(]?\s*(?:" + _DATE + r"[T ,]\s*)?" + _TIME + r"\s*" + _OFFSET + r"\s*[\])]?"
    r"\s*[-–—|:]?\s*(?:(?P<actor>[^:]{1,40}?)\s*:\s+)?(?P<event>.*\S)\s*$"
)
_SLACK_HEADER = re.compile(r"^\s*(?P<actor>[^\d\[\]:][^\[\]:]{0,40}?)\s+" + _TIME + r"\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")

_MARKER_WORDS: dict[Marker, re.Pattern[str]] = {
    Marker.STARTED: re.compile(r"\b(started|début|debut|commenc)"),
    Marker.DETECTED: re.compile(r"\b(detect|détect|alert|alerte)"),
    Marker.ACKNOWLEDGED: re.compile(r"\b(acknowledged|ack|pris en charge)\b"),
    Marker.ESCALATED: re.compile(r"\b(escalat|escalad)"),
    Marker.MITIGATED: re.compile(r"\b(mitigat|rollback|roll back|atténu|attenu)"),
    Marker.RESOLVED: re.compile(r"\b(resolved|résolu|resolu|fixed)"),
}


@dataclass
class PasteResult:
    entries: list[TimelineEntry] = field(default_factory=list)
    notes_attached: int = 0
    skipped: list[str] = field(default_factory=list)


def _clock(text: str) -> time:
    value = text.strip().lower().replace(" ", "")
    suffix = value[-2:] if value[-2:] in ("am", "pm") else ""
    parts = [int(p) for p in value.removesuffix(suffix).split(":")]
    hour = parts[0]
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if not 0 <= hour < 24 or not 0 <= parts[1] < 60:
        raise ValueError(text)
    return time(hour, parts[1], parts[2] if len(parts) > 2 else 0)


def _zone(offset: str | None, default: tzinfo) -> tzinfo:
    return parse_zone(offset) if offset else default


def guess_marker(event: str) -> Marker | None:
    lowered = event.lower()
    for marker, pattern in _MARKER_WORDS.items():
        if pattern.search(lowered):
            return marker
    return None


def _moment(
    day_text: str | None, clock: str, offset: str | None, day: date, zone: tzinfo
) -> datetime:
    on = date.fromisoformat(day_text) if day_text else day
    return datetime.combine(on, _clock(clock), _zone(offset, zone))


def _table_cells(line: str) -> list[str]:
    body = line.strip().strip("|")
    return [cell.strip() for cell in body.split("|")]


def _parse_table(lines: list[str], day: date, zone: tzinfo, result: PasteResult) -> None:
    header = [cell.lower() for cell in _table_cells(lines[0])]

    def column(*names: str) -> int | None:
        for i, name in enumerate(header):
            if any(n in name for n in names):
                return i
        return None

    at_col = column("time", "heure", "when", "date", "quand")
    event_col = column("event", "événement", "evenement", "what", "action", "description")
    actor_col = column("actor", "who", "acteur", "qui", "owner")
    at_col = 0 if at_col is None else at_col
    if event_col is None:
        event_col = 1 if at_col == 0 else 0
    for line in lines[1:]:
        if _TABLE_RULE.match(line) or not line.strip():
            continue
        cells = _table_cells(line)
        try:
            moment = _parse_when(cells[at_col], day, zone)
            event = cells[event_col]
        except (IndexError, ValueError, ValidationError):
            result.skipped.append(line)
            continue
        actor = cells[actor_col] if actor_col is not None and actor_col < len(cells) else ""
        result.entries.append(
            TimelineEntry(at=moment, event=event, actor=actor, marker=guess_marker(event))
        )


def _parse_when(text: str, day: date, zone: tzinfo) -> datetime:
    value = text.strip().strip("`*_")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        match = re.fullmatch(r"(?:" + _DATE + r"[T ]\s*)?" + _TIME + r"\s*" + _OFFSET, value)
        if not match:
            raise ValueError(text) from None
        return _moment(match["date"], match["time"], match["offset"], day, zone)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def parse_pasted_rows(text: str, day: date, zone: tzinfo) -> PasteResult:
    """Read every line of ``text``; see the module docstring for what is recognised."""
    result = PasteResult()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table = [line for line in lines if line.strip()]
    if len(table) >= 2 and table[0].lstrip().startswith("|") and _TABLE_RULE.match(table[1]):
        _parse_table(table, day, zone, result)
        return result
    slack_actor = ""
    slack_time = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        header = _SLACK_HEADER.match(line)
        if header and not _CHAT_LINE.match(line):
            slack_actor, slack_time = header["actor"].strip(), header["time"]
            continue
        match = _CHAT_LINE.match(line)
        if match:
            try:
                moment = _moment(match["date"], match["time"], match["offset"], day, zone)
            except (ValueError, ValidationError):
                match = None
        if match:
            event = match["event"]
            result.entries.append(
                TimelineEntry(
                    at=moment,
                    event=event,
                    actor=(match["actor"] or "").strip(),
                    marker=guess_marker(event),
                )
            )
            slack_actor = ""
        elif slack_actor:
            moment = _moment(None, slack_time, None, day, zone)
            result.entries.append(
                TimelineEntry(at=moment, event=line, actor=slack_actor, marker=guess_marker(line))
            )
        elif result.entries:
            previous = result.entries[-1]
            previous.notes = f"{previous.notes}\n{line}" if previous.notes else line
            result.notes_attached += 1
        else:
            result.skipped.append(line)
    return result
