"""Pasting a chat log into the timeline: 10,000 lines read into timeline rows.

The floor does the essential work of any such reader, in the same run: split the text into
lines, match each with one regular expression for "[HH:MM] who: what" and build an aware
datetime and a row for it. The ratio says what the reader adds (zones and dates carried over
midnight, markers suggested, markup stripped).

    .venv/bin/python bench/paste.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.paste_rows import parse_pasted_rows

LINES = 10_000
LINE = re.compile(r"^\[(\d{1,2}):(\d{2})\]\s*([^:]+):\s*(.*)$")


def chat_log() -> str:
    return "\n".join(
        f"[{i // 60 % 24:02d}:{i % 60:02d}] bot: event {i} rollback <b>ok</b> 🔥"
        for i in range(LINES)
    )


def floor(text: str, day: date, zone: ZoneInfo) -> int:
    rows = []
    for line in text.splitlines():
        match = LINE.match(line)
        if match:
            hour, minute, actor, event = match.groups()
            at = datetime(day.year, day.month, day.day, int(hour), int(minute), tzinfo=zone)
            rows.append((at, actor.strip(), event.strip()))
    return len(rows)


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times) if times else statistics.nan


def main() -> None:
    text = chat_log()
    zone = ZoneInfo("Europe/Paris")
    day = date(2026, 1, 15)
    assert floor(text, day, zone) == LINES
    assert len(parse_pasted_rows(text, day, zone).entries) == LINES
    base = best_of(5, lambda: floor(text, day, zone))
    read = best_of(5, lambda: parse_pasted_rows(text, day, zone))
    print(f"paste {LINES} chat lines: {read * 1000:.0f} ms")
    print(f"floor (split, one regex, datetime and row per line): {base * 1000:.0f} ms")
    print(f"ratio: {read / base:.1f}x")


if __name__ == "__main__":
    main()
