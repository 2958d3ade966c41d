"""A readable difference between two versions of a postmortem.

Reviewers want "Owner of action 'Add readinessProbe': alice → bob", not a JSON diff. Both
versions are turned into their interchange dictionaries; header fields are compared one by one,
table sections row by row (matched by id when rows have one, by position otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.jsonio import document_to_dict
from app.model import Postmortem

_IGNORED = {"revision", "format", "format_version", "id", "whys", "ishikawa"}
_ROW_LABEL_KEYS = ("title", "action", "event", "metric", "name", "text")


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "changed" | "added" | "removed"
    text: str


def _show(value: Any) -> str:
    if value is None or value in ("", []):
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_show(v)}" for k, v in value.items() if v not in (None, "", []))
    text = str(value).replace("\n", " ⏎ ")
    return text if len(text) <= 80 else text[:79] + "…"


def _label(row: Any, position: int) -> str:
    if not isinstance(row, dict):
        return f"{position + 1} '{_show(row)[:40]}'"
    for key in _ROW_LABEL_KEYS:
        if row.get(key):
            return f"{position + 1} '{_show(row[key])[:40]}'"
    return str(position + 1)


def _is_row_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def _diff_rows(section: str, old: list[Any], new: list[Any]) -> list[DiffLine]:
    lines: list[DiffLine] = []
    keyed = all(isinstance(r, dict) and "id" in r for r in old + new)
    if keyed:
        old_by_id = {r["id"]: (i, r) for i, r in enumerate(old)}
        new_by_id = {r["id"]: (i, r) for i, r in enumerate(new)}
        pairs = [
            (old_by_id.get(k), new_by_id.get(k)) for k in dict.fromkeys([*old_by_id, *new_by_id])
        ]
    else:
        size = max(len(old), len(new))
        pairs = [
            (
                (i, old[i]) if i < len(old) else None,
                (i, new[i]) if i < len(new) else None,
            )
            for i in range(size)
        ]
    for before, after in pairs:
        if before is None and after is not None:
            lines.append(
                DiffLine(
                    "added", f"{section}: added {_label(after[1], after[0])} — {_show(after[1])}"
                )
            )
        elif after is None and before is not None:
            lines.append(DiffLine("removed", f"{section}: removed {_label(before[1], before[0])}"))
        elif before is not None and after is not None and before[1] != after[1]:
            if not isinstance(before[1], dict):
                lines.append(
                    DiffLine(
                        "changed",
                        f"{section} {before[0] + 1}: {_show(before[1])} → {_show(after[1])}",
                    )
                )
                continue
            for key in dict.fromkeys([*before[1], *after[1]]):
                if key == "id" or before[1].get(key) == after[1].get(key):
                    continue
                lines.append(
                    DiffLine(
                        "changed",
                        f"{section} {_label(after[1], after[0])}, {key.replace('_', ' ')}: "
                        f"{_show(before[1].get(key))} → {_show(after[1].get(key))}",
                    )
                )
    return lines


def readable_diff(old: Postmortem, new: Postmortem) -> list[DiffLine]:
    """What changed from ``old`` to ``new``, one line per field or row difference."""
    before, after = document_to_dict(old), document_to_dict(new)
    lines: list[DiffLine] = []
    for key in dict.fromkeys([*before, *after]):
        if key in _IGNORED or before.get(key) == after.get(key):
            continue
        a, b = before.get(key), after.get(key)
        name = key.replace("_", " ")
        if _is_row_list(a) or _is_row_list(b) or (isinstance(a, list) and isinstance(b, list)):
            lines += _diff_rows(name, list(a or []), list(b or []))
        else:
            lines.append(DiffLine("changed", f"{name}: {_show(a)} → {_show(b)}"))
    for key in ("whys", "ishikawa"):
        if before.get(key) != after.get(key):
            lines.append(DiffLine("changed", f"{key} diagram changed"))
    return lines
