"""Timeline sections: tables and timed lists → rows on the incident date, markers guessed."""

from __future__ import annotations

import re
from datetime import datetime

from app.markdown.cells import (
    LEADING_SYMBOLS,
    column_indexes,
    zone_in_heading,
)
from app.markdown.dates import (
    DateContext,
    parse_when,
    starts_with_time,
)
from app.markdown.fields import strip_inline
from app.markdown.parse import Block, ListBlock, Rule, Table
from app.markdown.sections import fold
from app.markdown.state import ImportState, PendingTime, Section
from app.markdown.vocab_labels import MARKER_LABELS, lookup
from app.model import TimelineEntry
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


class TimelineReader(ImportState):
    # timeline

    def _timeline(self, section: Section) -> None:
        where = self._label(section)
        zone_hint = " ".join([section.title, section.sub])
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                self._timeline_table(block, where, zone_hint)
                continue
            for line in self._timeline_lines(block):
                lead = starts_with_time(LEADING_SYMBOLS.sub("", re.sub(r"^\s*[-*+•]\s+", "", line)))
                if lead and lead["rest"].strip():
                    rest = strip_inline(lead["rest"])
                    actor = ""
                    self.pending.append(PendingTime(lead["when"], rest, actor, "", None,
                                                     line, zone_hint))  # fmt: skip
                else:
                    self.keep(where, line, "not a timed event")

    def _timeline_lines(self, block: Block) -> list[str]:
        if isinstance(block, ListBlock):
            return [item.text.replace("\n", " ") for item in block.items]
        return self._lines_of(block)

    def _timeline_table(self, table: Table, where: str, zone_hint: str) -> None:
        columns = column_indexes(
            table.header,
            {
                "at": ("heure", "time", "horodatage", "when", "date", "timestamp", "quand"),
                "event": ("evenement", "event", "description", "what", "quoi", "action"),
                "actor": ("acteur", "actor", "owner", "who", "qui", "systeme", "by", "par"),
                "notes": ("notes", "note", "commentaire", "details", "comment"),
                "marker": ("repere", "marker", "milestone", "jalon"),
            },
            ("at", "event", "actor", "notes"),
        )
        self._note_header(where, table.header)
        if "marker" in columns:
            self.explicit_markers = True
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
            marker = lookup(MARKER_LABELS, marker_text) if marker_text else None  # type: ignore[arg-type]
            if marker_text and marker is None:
                notes = f"{notes} ; {marker_text}".strip(" ;")
            self.pending.append(
                PendingTime(
                    cells.get("at", "").strip(),
                    strip_inline(cells.get("event", "")),
                    strip_inline(cells.get("actor", "")),
                    notes,
                    marker if isinstance(marker, Marker) else None,
                    " | ".join(row),
                    zone_hint,
                )
            )

    def _place_timeline(self) -> None:
        placed: list[TimelineEntry] = []
        assumed_zone = False
        undated_rows = 0
        for pending in self.pending:
            context = self.context
            hinted = zone_in_heading(pending.zone_hint)
            if hinted is not None and not self.doc.timezone.strip("UTC"):
                context = DateContext(self.context.incident_date, hinted)
            moment, assumed = parse_when(pending.text, context)
            if moment is None:
                undated = bool(pending.text and starts_with_time(pending.text))
                why = "no incident date" if undated else f"unknown time format '{pending.text}'"
                if undated:
                    undated_rows += 1
                else:
                    self.report.warnings.append(f"timeline: {why}; the row was kept as text.")
                self.keep("Timeline", pending.source, why)
                continue
            assumed_zone = assumed_zone or (
                assumed and hinted is None and self.context.zone is None
            )
            placed.append(TimelineEntry(moment, pending.event, pending.actor, pending.notes,
                                        pending.marker))  # fmt: skip
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
