"""Timeline sections: tables and timed lists → rows on the incident date, markers guessed.

A row's day is its own date, else the date column, date heading or date line above it, else
the incident date; a time earlier than the previous row's by more than six hours has crossed
midnight. A row's zone is the one written next to its time, else the one named in its column
header or section heading, else the document's. Approximate times (``~10:15``, ``vers 17 h``,
``09:30–10:15``) and rows with a date but no time are kept, flagged, with the words as written.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from app.markdown.cells import (
    LEADING_SYMBOLS,
    column_indexes,
)
from app.markdown.dates import (
    DateContext,
    approximate,
    clock_of,
    find_day,
    parse_when,
    starts_with_time,
)
from app.markdown.fields import strip_inline
from app.markdown.parse import Block, ListBlock, Paragraph, Rule, Table
from app.markdown.sections import fold
from app.markdown.state import ImportState, PendingTime, Section
from app.markdown.vocab_labels import lookup
from app.model import TimelineEntry
from app.timezones import find_zone, fixed_on
from app.vocabulary import Marker

_MARKER_GUESSES = (
    (
        Marker.STARTED,
        re.compile(r"outage begins|incident begins|impact starts|debut de l incident"),
    ),
    (Marker.DETECTED, re.compile(r"alert|detect|declench|fired|triggered|pager|pages ")),
    (Marker.ESCALATED, re.compile(r"notifi|paged|escalad|escalat|informed|informe")),
    (Marker.ACKNOWLEDGED, re.compile(r"acknowledg|\back\b|investigation|pris en charge")),
    (Marker.MITIGATED, re.compile(r"revient|revenu|back to normal|restored|retabli|mitig|recover")),
    (Marker.RESOLVED, re.compile(r"resolu|resolved|closed|\bclos\b|incident ferme|outage ends")),
)
_BULLET = re.compile(r"^\s*[-*+•]\s+")
_BOLD_LEAD = re.compile(r"^\s*(\*\*|__|`)(?P<inner>[^*_`]{1,40}?)\1")
_LEADING_DAY = re.compile(
    r"^\s*(?P<day>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|(?:(?:lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:er)?\s+[A-Za-zéûÉÛ]{3,9}\.?(?:\s+\d{4})?"
    r"|[A-Za-zéûÉÛ]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?))"
    r"\s*(?:[:\-–—|]\s*)?(?P<rest>.*)$",
    re.DOTALL,
)
_MIDNIGHT = timedelta(hours=6)
_EXPORTED_APPROX = re.compile(r"^≈\s*(?P<when>[^()]+?)\s*(?:\((?P<written>[^()]*)\))?\s*$")


def _unwrap(line: str) -> str:
    """``- **13:42** — …`` → ``13:42 — …``: bullets, leading symbols and bold around a time."""
    value = LEADING_SYMBOLS.sub("", _BULLET.sub("", line))
    bold = _BOLD_LEAD.match(value)
    if bold and re.match(r"[~≈\d]", bold["inner"].strip()):
        value = bold["inner"] + value[bold.end() :]
    return value


class TimelineReader(ImportState):
    # timeline

    def _timeline(self, section: Section) -> None:
        where = self._label(section)
        zone_hint = " ".join([section.title, section.sub])
        named = find_zone(zone_hint)
        if named is not None and self.context.zone is None:
            self._set_zone(named[0])
        day_text = section.sub if self._is_day(section.sub) else ""
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                self._timeline_table(block, where, zone_hint, day_text)
                continue
            for line in self._timeline_lines(block):
                value = _unwrap(line)
                lead = starts_with_time(value)
                timed = bool(lead and lead["rest"].strip())
                if not timed and self._is_day(value):
                    day_text = value
                    self._zone_statement(value)
                    self.report.mapped.append(f"{where}: '{strip_inline(value)}' → day of the rows")
                    continue
                dated = None if timed else _LEADING_DAY.match(value)
                if dated is not None and not (dated["rest"].strip() and self._is_day(dated["day"])):
                    dated = None
                found = lead if timed else dated
                if found is not None:
                    when = found["when"] if found is lead else found["day"]
                    self.pending.append(PendingTime(when, strip_inline(found["rest"]), "", "",
                                                    None, line, zone_hint, day_text))  # fmt: skip
                    continue
                if isinstance(block, Paragraph) and self._zone_statement(line):
                    continue
                self.keep(where, line, "not a timed event")

    def _is_day(self, text: str) -> bool:
        """A line that is only a date (``Monday, January 4, 2021``, ``**Oct 29**``, ``31/01``)."""
        value = strip_inline(text).strip(" :#*_")
        if not value or len(value) > 40 or clock_of(value):
            return False
        context = DateContext(self.context.incident_date or date(2000, 1, 1))
        found = find_day(value, context)
        if found is None:
            return False
        rest = re.sub(r"\([^)]*\)", "", value[: found[1]] + value[found[2] :]).strip(" ,.-–")
        return len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)) <= 1

    def _timeline_lines(self, block: Block) -> list[str]:
        if isinstance(block, ListBlock):
            return [item.text.replace("\n", " ") for item in block.items]
        return self._lines_of(block)

    def _timeline_table(self, table: Table, where: str, zone_hint: str, day_text: str) -> None:
        columns = column_indexes(
            table.header,
            {
                "at": ("heure", "time", "horodatage", "when", "timestamp", "quand", "hour",
                       "time utc", "heure utc"),
                "day": ("date", "jour", "day"),
                "event": ("evenement", "event", "description", "what", "quoi", "action",
                          "what happened", "details"),
                "actor": ("acteur", "actor", "owner", "who", "qui", "systeme", "by", "par",
                          "author", "auteur"),
                "notes": ("notes", "note", "commentaire", "comment"),
                "marker": ("repere", "marker", "milestone", "jalon"),
            },
            ("at", "event", "actor", "notes"),
        )  # fmt: skip
        if "at" not in columns and "day" in columns:
            columns["at"] = columns.pop("day")
        self._note_header(where, table.header)
        if "marker" in columns:
            self.explicit_markers = True
        hint = zone_hint
        if "at" in columns and columns["at"] < len(table.header):
            hint = f"{table.header[columns['at']]} {zone_hint}"
        for row in table.rows:
            cells = {
                name: row[index] if index < len(row) else "" for name, index in columns.items()
            }
            leftovers = [cell for index, cell in enumerate(row)
                         if index not in columns.values() and cell.strip()]  # fmt: skip
            if len(row) < len(table.header):
                self.report.warnings.append(
                    f"{where}: a row has {len(row)} cells for {len(table.header)} columns; "
                    "missing cells left empty."
                )
            notes = " ; ".join(part for part in [strip_inline(cells.get("notes", ""))]
                               + [strip_inline(c) for c in leftovers] if part)  # fmt: skip
            marker_text = cells.get("marker", "").strip()
            marker = lookup(Marker, marker_text) if marker_text else None
            if marker_text and marker is None:
                notes = f"{notes} ; {marker_text}".strip(" ;")
            if cells.get("day", "").strip():
                day_text = strip_inline(cells["day"])
            self.pending.append(
                PendingTime(
                    strip_inline(cells.get("at", "")).strip("`"),
                    strip_inline(cells.get("event", "")),
                    strip_inline(cells.get("actor", "")),
                    notes,
                    marker if isinstance(marker, Marker) else None,
                    " | ".join(row),
                    hint,
                    day_text,
                )
            )

    def _place_timeline(self) -> None:
        placed: list[TimelineEntry] = []
        assumed_zone = False
        undated_rows = 0
        day = self.context.incident_date
        day_text = ""
        previous: datetime | None = None
        crossed = 0
        for pending in self.pending:
            if pending.day_text != day_text:
                day_text = pending.day_text
                found = find_day(day_text, DateContext(day or self.context.incident_date))
                if found is not None:
                    day, previous = found[0], None
            hinted = find_zone(pending.zone_hint)
            hint = hinted[0] if hinted else None
            context = DateContext(day, self.context.zone)
            text, written = pending.text, ""
            exported = _EXPORTED_APPROX.match(text)
            if exported:  # our own export: "≈ 2026-01-15 10:15:00 +01:00 (~10:15)"
                text, written = exported["when"], exported["written"] or ""
            clock = clock_of(text)
            rest = text if clock is None else text[: clock.start()] + " " + text[clock.end() :]
            own_day = find_day(rest, context)
            if clock is None and own_day is not None:
                zone = hint or self.context.zone or UTC
                start = datetime.combine(own_day[0], datetime.min.time())
                moment = start.replace(tzinfo=fixed_on(zone, start))
                placed.append(self._entry(pending, moment, True, written))
                day, previous = own_day[0], None
                continue
            found_moment, assumed = parse_when(text, context, hint)
            if found_moment is None:
                undated = bool(text and clock is not None)
                why = "no incident date" if undated else f"unknown time format '{text}'"
                if undated:
                    undated_rows += 1
                else:
                    self.report.warnings.append(f"timeline: {why}; the row was kept as text.")
                self.keep("Timeline", pending.source, why)
                continue
            moment = found_moment
            if own_day is not None:
                day = own_day[0]
            elif previous is not None and moment < previous - _MIDNIGHT:
                moment = moment + timedelta(days=1)
                day = moment.date()
                crossed += 1
            previous = moment
            assumed_zone = assumed_zone or (assumed and hint is None and self.context.zone is None)
            rough = approximate(text) or bool(exported)
            placed.append(self._entry(pending, moment, rough, written))
        if crossed:
            self.report.mapped.append(
                f"timeline: {crossed} rows after midnight placed on the next day"
            )
        if assumed_zone:
            self.report.warnings.append("timeline times have no time zone: UTC assumed.")
        if undated_rows:
            self.report.warnings.append(
                f"timeline: {undated_rows} rows give a time but no date, and the file has no "
                "incident date: they were kept as text. Add the incident date and import again."
            )
        unique: list[TimelineEntry] = []
        seen: set[tuple[datetime, str]] = set()
        for entry in placed:
            key = (entry.at, fold(entry.event))
            if key in seen:
                self.report.warnings.append(f"timeline: duplicate row at {entry.at:%H:%M} merged.")
                if entry.notes:
                    self.keep("Timeline", f"{entry.at:%H:%M} {entry.event} {entry.notes}")
                continue
            seen.add(key)
            unique.append(entry)
        self.doc.timeline = unique
        if not self.explicit_markers and unique:
            self._guess_markers()

    @staticmethod
    def _entry(
        pending: PendingTime, moment: datetime, rough: bool, written: str = ""
    ) -> TimelineEntry:
        entry = TimelineEntry(moment, pending.event, pending.actor, pending.notes, pending.marker)
        if rough:
            entry.approximate = True
            entry.as_written = written or pending.text.strip()
        return entry

    def _guess_markers(self) -> None:
        ordered = sorted(self.doc.timeline, key=lambda entry: entry.at)
        folded = {entry.id: fold(entry.event) for entry in ordered}
        used: set[str] = set()
        guessed: list[str] = []
        for marker, pattern in _MARKER_GUESSES:
            for entry in ordered:
                if entry.id not in used and pattern.search(folded[entry.id]):
                    entry.marker = marker
                    used.add(entry.id)
                    guessed.append(f"{marker.value} = {entry.event}")
                    break
        if ordered[0].id not in used and not any(e.marker == Marker.STARTED for e in ordered):
            ordered[0].marker = Marker.STARTED
            guessed.insert(0, f"started = {ordered[0].event}")
        self.report.warnings.append(
            "timeline markers guessed from the wording: " + "; ".join(guessed)
        )
        if not self.header_times:
            for entry in ordered:
                attribute = {Marker.STARTED: "started_at", Marker.DETECTED: "detected_at",
                             Marker.MITIGATED: "mitigated_at",
                             Marker.RESOLVED: "resolved_at"}.get(entry.marker)  # type: ignore[arg-type]  # fmt: skip
                if attribute and getattr(self.doc, attribute) is None:
                    setattr(self.doc, attribute, entry.at)
