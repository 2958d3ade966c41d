"""``list`` and ``show``: read postmortems as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from app.derived import derived_times
from app.jsonio import document_to_dict, document_to_json
from app.model import Postmortem
from app.store import Store
from app.timeutil import format_duration


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
        print("No postmortems yet. Add the demo with: postmortem-studio demo", file=sys.stderr)
        return 0
    for row in rows:
        print(
            f"{row.id:<22} {row.incident_date or '—':<10} {row.severity or '—':<3} "
            f"{row.status:<10} {row.title}"
        )
    return 0


def _show(args: argparse.Namespace, store: Store) -> int:
    doc = store.load(args.id)
    if args.json:
        write_json(document_to_json(doc))
        return 0
    print(render_text(doc))
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


def render_text(doc: Postmortem) -> str:
    data = document_to_dict(doc)
    times = derived_times(doc)
    lines = [
        doc.title or "(untitled)",
        "=" * min(len(doc.title or "(untitled)"), 80),
        f"Incident date : {data['incident_date'] or '—'}   Severity: {doc.severity or '—'}   "
        f"Status: {doc.status.value}",
        f"Author        : {doc.author or '—'}   Reviewers: {', '.join(doc.reviewers) or '—'}",
        f"Duration      : {format_duration(times.duration)}   "
        f"Time to detect: {format_duration(times.time_to_detect)}   "
        f"Time to mitigate: {format_duration(times.time_to_mitigate)}",
        "",
        "Summary",
        "-------",
        doc.summary or "—",
        "",
        f"Timeline ({len(doc.timeline)} entries)",
        "--------",
    ]
    for entry in doc.sorted_timeline():
        marker = f" [{entry.marker.value}]" if entry.marker else ""
        lines.append(f"{entry.at.isoformat()}  {entry.event} — {entry.actor}{marker}")
    lines += ["", f"Corrective actions ({len(doc.actions)})", "------------------"]
    for action in doc.actions:
        due = action.due.isoformat() if action.due else "—"
        lines.append(f"[{action.status.value}] {action.action} — {action.owner or '—'} (due {due})")
    return "\n".join(lines)
