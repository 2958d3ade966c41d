"""``check``: the full integrity check of the database file, on demand."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.store import Store

#: exit code when the check finds damage
DAMAGED = 1


def register(sub: Any) -> list[str]:
    sub.add_parser("check", help="check the whole database file for damage (reads all of it)")
    return ["check"]


def run(args: argparse.Namespace, store: Store) -> int:
    problems = store.check()
    if not problems:
        print(f"{store.path}: no damage found")
        return 0
    for problem in problems[:20]:
        print(f"{store.path}: {problem}", file=sys.stderr)
    if len(problems) > 20:
        print(f"… and {len(problems) - 20} more", file=sys.stderr)
    advice = "restore a backup (files *.bak beside it) or open another file with --db."
    print(advice, file=sys.stderr)
    return DAMAGED
