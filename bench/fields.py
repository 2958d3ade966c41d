"""Rows written and read through the field metadata, against hand-written code doing the same.

    .venv/bin/python bench/fields.py

The JSON form of a document is built on every edit (the editor compares plain forms), so the
field-driven writer must cost no more than writing each key by hand. The floor, measured in the
same run and interleaved, writes the same 10,000 timeline rows with a literal dict per row (the
same keys, the same formatting) and reads them back making by hand only the checks any reader
must make (text is text, every time has an offset). Targets: ≤ 2× the floor each way — one
generic step per field instead of a literal (no generated code), and on reading the place of a
bad value named in its message. Times are CPU times of this process (the machine is shared).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.field_codecs import Rows
from app.fields import BY_NAME
from app.model import TimelineEntry
from app.vocabulary import Marker

ROWS = 10_000
ROUNDS = 15


def rows() -> list[TimelineEntry]:
    start = datetime(2026, 1, 15, 13, 0, tzinfo=UTC)
    markers = [None, Marker.DETECTED, None, Marker.MITIGATED]
    return [
        TimelineEntry(
            at=start + timedelta(seconds=7 * i),
            event=f"Event {i} déploiement",
            actor=f"Team {i % 7}",
            notes="" if i % 3 else "checked",
            marker=markers[i % 4],
            approximate=i % 10 == 0,
            as_written="vers 14 h" if i % 10 == 0 else "",
        )
        for i in range(ROWS)
    ]


def floor_write(entries: list[TimelineEntry]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        row: dict[str, Any] = {
            "id": e.id,
            "at": e.at.isoformat(),
            "event": e.event,
            "actor": e.actor,
            "notes": e.notes,
            "marker": e.marker.value if e.marker else None,
        }
        if e.approximate:
            row["approximate"] = True
        if e.as_written:
            row["as_written"] = e.as_written
        out.append(row)
    return out


def floor_read(data: list[dict[str, Any]]) -> list[TimelineEntry]:
    """The checks any reader of the format must make (types, an offset on every time), by hand."""
    out = []
    for r in data:
        texts = [r.get(key, "") for key in ("id", "event", "actor", "notes", "as_written")]
        if not all(isinstance(text, str) for text in texts):
            raise ValueError("expected text")
        at = datetime.fromisoformat(r["at"])
        if at.tzinfo is None:
            raise ValueError("no offset")
        approximate = r.get("approximate", False)
        if not isinstance(approximate, bool):
            raise ValueError("expected true or false")
        marker = Marker(r["marker"]) if r.get("marker") else None
        out.append(
            TimelineEntry(
                id=texts[0], at=at, event=texts[1], actor=texts[2], notes=texts[3],
                marker=marker, approximate=approximate, as_written=texts[4],
            )
        )  # fmt: skip
    return out


def best(work: Callable[[], object], samples: list[float]) -> None:
    """CPU time of this process: the machine is shared, wall time counts the neighbours."""
    started = time.process_time()
    work()
    samples.append(time.process_time() - started)


def main() -> None:
    codec = BY_NAME["timeline"].codec
    assert isinstance(codec, Rows)
    entries = rows()
    plain = codec.dump(entries)
    assert plain == floor_write(entries), "the floor must write the very same rows"
    assert codec.dump(codec.load({"timeline": plain}, "timeline", "timeline")) == plain
    timings: dict[str, list[float]] = {name: [] for name in ("w", "wf", "r", "rf")}
    for _ in range(ROUNDS):  # interleaved, so that a busy machine slows both sides alike
        best(lambda: codec.dump(entries), timings["w"])
        best(lambda: floor_write(entries), timings["wf"])
        best(lambda: codec.load({"timeline": plain}, "timeline", "timeline"), timings["r"])
        best(lambda: floor_read(plain), timings["rf"])
    w, wf, r, rf = (min(timings[name]) * 1000 for name in ("w", "wf", "r", "rf"))
    print(f"write {ROWS:,} rows: {w:.1f} ms, floor {wf:.1f} ms, ratio {w / wf:.2f} (target ≤ 2)")
    print(f"read  {ROWS:,} rows: {r:.1f} ms, floor {rf:.1f} ms, ratio {r / rf:.2f} (target ≤ 2)")


if __name__ == "__main__":
    main()
