"""``actions`` and ``metrics``: corrective actions and response figures across postmortems."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from app.errors import NotFoundError
from app.queries import SORT_KEYS, ActionFilter
from app.store import Store
from app.timeutil import parse_date
from app.visible_text import visible


def _today(text: str | None) -> date:
    return parse_date(text, "--today") if text else date.today()


def register(sub: Any) -> list[str]:
    actions = sub.add_parser("actions", help="list the corrective actions of every postmortem")
    actions.add_argument("--csv", action="store_true", help="print CSV (spreadsheet-ready)")
    actions.add_argument("--owner", default="", help="owner contains this text")
    actions.add_argument(
        "--status", default="", help="open, todo, in_progress, done, not_doing (comma-separated)"
    )
    actions.add_argument("--overdue", action="store_true", help="only open actions past due")
    actions.add_argument("--postmortem", default="", help="only the actions of this postmortem id")
    actions.add_argument("--sort", default="due", choices=sorted(SORT_KEYS), help="sort column")
    actions.add_argument("--today", default=None, help="reference day for overdue (YYYY-MM-DD)")
    metrics = sub.add_parser("metrics", help="actions, response times and recurrence figures")
    metrics.add_argument("--json", action="store_true", help="print JSON")
    metrics.add_argument("--today", default=None, help="reference day for overdue (YYYY-MM-DD)")
    return ["actions", "metrics"]


def run(args: argparse.Namespace, store: Store) -> int:
    today = _today(args.today)
    if args.command == "metrics":
        from app.metrics import compute_metrics, metrics_text, metrics_to_dict

        figures = compute_metrics(store, today)
        if args.json:
            print(json.dumps(metrics_to_dict(figures), ensure_ascii=False, indent=2))
        else:
            print(metrics_text(figures))
        return 0
    from app.tracker import actions_csv, parse_status_filter, query_actions

    if args.postmortem and not store.exists(args.postmortem):
        raise NotFoundError(f"No postmortem has the id '{args.postmortem}'.")
    flt = ActionFilter(
        owner=args.owner,
        statuses=parse_status_filter(args.status),
        postmortem_id=args.postmortem,
        overdue_only=args.overdue,
    )
    rows = query_actions(store, flt, today=today, sort=args.sort)
    if args.csv:
        sys.stdout.write(actions_csv(rows, today))
        return 0
    if not rows:
        print("No action matches.", file=sys.stderr)
        return 0
    for row in rows:
        due = row.due.isoformat() if row.due else "—"
        late = row.days_overdue(today)
        flag = f"  OVERDUE {late} d" if late else ""
        line = (
            f"{due:<10} {row.priority.value if row.priority else '—':<2} "
            f"{row.status.value:<11} {row.owner or '—':<16} "
            f"{row.action}  [{row.postmortem_title or row.postmortem_id}]{flag}"
        )
        print(visible(line))  # a terminal would obey escape sequences
    return 0
