"""``list`` and ``show``: read postmortems as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.store import Store, Summary
from app.timeutil import format_duration
from app.visible_text import visible
from app.vocabulary import Section, label

if TYPE_CHECKING:
    from app.model import Postmortem


def register(sub: Any) -> list[str]:
    listing = sub.add_parser("list", help="list the postmortems")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--search", default="", help="full-text search (accents ignored)")
    show = sub.add_parser("show", help="show one postmortem")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print the JSON document")
    return ["list", "show"]


def run(args: argparse.Namespace, store: Store) -> int:
    if args.command == "list":
        return _list(args, store)
    return _show(args, store)


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = store.summaries(args.search)
    if args.json:
        write_json(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        if args.search.strip():
            print(f"No postmortem matches '{args.search.strip()}'.", file=sys.stderr)
        else:
            print("No postmortems yet. Add the demo with: postmortem-studio demo", file=sys.stderr)
        return 0
    print(visible(list_table(rows)))
    return 0


def list_table(rows: list[Summary]) -> str:
    """An aligned table with a header row; empty values show as a dash."""
    header = ("ID", "INCIDENT", "SEV", "STATUS", "TITLE")
    cells = [
        (row.id, row.incident_date or "—", row.severity or "—", row.status, row.title or "—")
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join(value.ljust(width) for value, width in zip(line, widths, strict=False))
        + "  "
        + line[-1]
        for line in [header, *cells]
    )


def _show(args: argparse.Namespace, store: Store) -> int:
    doc = store.load(args.id)
    if args.json:
        from app.jsonio import document_to_json

        write_json(document_to_json(doc))
        return 0
    print(visible(render_text(doc)))  # a terminal would obey escape sequences
    return 0


def write_json(text: str) -> None:
    """JSON is UTF-8 whatever the terminal's encoding, so ``show --json > file`` is exact."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _word(value: StrEnum) -> str:
    """A vocabulary value or section title as the command line shows it (English labels of
    ``app.vocabulary``)."""
    return label(value, "en")


def _heading(title: str, underline: str = "-") -> list[str]:
    return ["", title, underline * len(title)]


def _bullets(values: list[str]) -> list[str]:
    return [f"- {value}" for value in values] or ["—"]


def render_text(doc: Postmortem) -> str:
    """A plain-text reading of every section, for a terminal."""
    from app.derived import derived_times
    from app.diagrams.graph import outline_level, root_of, walk
    from app.jsonio import document_to_dict

    data = document_to_dict(doc)
    times = derived_times(doc)
    title = doc.title or "(untitled)"
    lines = [
        title,
        "=" * len(title),
        f"Incident date : {data['incident_date'] or '—'}   Severity: {doc.severity or '—'}   "
        f"Status: {_word(doc.status)}   Revision: {doc.revision}",
        f"Author        : {doc.author or '—'}   Reviewers: {', '.join(doc.reviewers) or '—'}",
        "Services      : "
        + (", ".join(f"{s.name} ({_word(s.state)})" for s in doc.services) or "—"),
        f"Duration      : {format_duration(times.duration)}   "
        f"Time to detect: {format_duration(times.time_to_detect)}   "
        f"Time to acknowledge: {format_duration(times.time_to_acknowledge)}   "
        f"Time to mitigate: {format_duration(times.time_to_mitigate)}",
    ]
    lines += [*_heading(_word(Section.SUMMARY)), doc.summary or "—"]
    lines += _heading(_word(Section.IMPACT))
    lines += [
        f"- {row.metric}: {row.value}" + (f" (target {row.target})" if row.target else "")
        for row in doc.impact
    ] or ["—"]
    lines += _heading(f"{_word(Section.TIMELINE)} ({len(doc.timeline)} entries)")
    for entry in doc.sorted_timeline():
        marker = f" [{_word(entry.marker)}]" if entry.marker else ""
        lines.append(f"{entry.at.isoformat()}  {entry.event} — {entry.actor or '—'}{marker}")
    lines += _heading(_word(Section.WHYS))
    root = root_of(doc.whys)
    lines.append(f"Problem: {doc.whys.nodes[root].get('text') or '—'}")
    for node, depth in walk(doc.whys):
        if node == root:
            continue
        attrs = doc.whys.nodes[node]
        flag = "  ◆ root cause" if attrs.get("root_cause") else ""
        level, label = outline_level(depth)
        lines.append(f"{'  ' * level}{label}{attrs.get('text', '')}{flag}")
        if attrs.get("answer"):
            lines.append(f"{'  ' * level}→ {attrs['answer']}")
    lines += [*_heading(_word(Section.ROOT_CAUSE)), doc.root_cause or "—"]
    lines += _heading(_word(Section.CONTRIBUTING)) + _bullets(doc.contributing_factors)
    lines += _heading(_word(Section.WENT_WELL)) + _bullets(doc.went_well)
    lines += _heading(_word(Section.WENT_WRONG)) + _bullets(doc.went_wrong)
    lines += _heading(_word(Section.LUCKY)) + _bullets(doc.lucky)
    lines += _heading(f"{_word(Section.ACTIONS)} ({len(doc.actions)})")
    for action in doc.actions:
        due = action.due.isoformat() if action.due else "—"
        owner = action.owner or "—"
        lines.append(f"[{_word(action.status)}] {action.action} — {owner} (due {due})")
    lines += _heading(_word(Section.LESSONS))
    lines += [f"- [{lesson.audience}] {lesson.text}" for lesson in doc.lessons] or ["—"]
    if doc.parking_lot:
        lines += _heading(_word(Section.PARKING_LOT)) + _bullets(doc.parking_lot)
    return "\n".join(lines)
