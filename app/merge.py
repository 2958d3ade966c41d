"""Three-way merge of two edits of one document, made from the same saved version.

When another program (a second window, the command line) saved the postmortem after this
session loaded it, the session's change is carried over onto the newer version instead of
overwriting it. Documents are compared in their JSON form: objects key by key, lists of rows
row by row (rows are matched by ``id``, a diagram edge by its ends, a sign-off by its role,
plain strings by their text), everything else as one value. Both sides changing the same value
differently is a conflict, reported with where it happened; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

Key = Callable[[Any], Hashable]


class MergeConflict(Exception):
    """Both edits changed the same value in different ways; ``where`` names it."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def three_way(base: Any, mine: Any, theirs: Any, where: str = "") -> Any:
    """``theirs`` with the differences between ``base`` and ``mine`` carried over."""
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_objects(base, mine, theirs, where)
    if isinstance(base, list) and isinstance(mine, list) and isinstance(theirs, list):
        key = _row_key(base, mine, theirs)
        if key is not None:
            return _merge_rows(base, mine, theirs, key, where)
    raise MergeConflict(where or "the document")


def _merge_objects(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], where: str
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    missing = object()
    for name in [*theirs, *(k for k in mine if k not in theirs)]:
        old, new = base.get(name, missing), mine.get(name, missing)
        other = theirs.get(name, missing)
        if new is missing and old is not missing:  # removed here
            if other is not missing and other != old:
                raise MergeConflict(_join(where, name))
            continue
        if new is missing:
            merged[name] = other
            continue
        if other is missing:
            if old is not missing and new != old:  # removed there, changed here
                raise MergeConflict(_join(where, name))
            if old is missing:
                merged[name] = new
            continue
        if old is missing:
            if new != other:
                raise MergeConflict(_join(where, name))
            merged[name] = new
            continue
        merged[name] = three_way(old, new, other, _join(where, name))
    return merged


def _join(where: str, name: object) -> str:
    return f"{where} › {name}" if where else str(name)


# -- rows ---------------------------------------------------------------------------------------

_ROW_KEYS: tuple[tuple[str, ...], ...] = (("id",), ("source", "target"), ("role",), ("name",))


def _row_key(*lists: list[Any]) -> Key | None:
    """How rows of these lists are told apart, or None when they cannot be (merged whole)."""
    rows = [row for rows in lists for row in rows]
    if all(isinstance(row, str) for row in rows):
        candidate: Key | None = _identity
    elif all(isinstance(row, dict) for row in rows):
        candidate = next(
            (
                _fields(names)
                for names in _ROW_KEYS
                if all(all(name in row for name in names) for row in rows)
            ),
            None,
        )
    else:
        candidate = None
    if candidate is None:
        return None
    for values in lists:
        keys = [candidate(row) for row in values]
        if len(set(keys)) != len(keys):
            return None
    return candidate


def _identity(row: Any) -> Hashable:
    return row  # type: ignore[no-any-return]


def _fields(names: tuple[str, ...]) -> Key:
    def key(row: Any) -> Hashable:
        return tuple(_hashable(row[name]) for name in names)

    return key


def _hashable(value: Any) -> Hashable:
    return value if isinstance(value, Hashable) else repr(value)


def _merge_rows(
    base: list[Any], mine: list[Any], theirs: list[Any], key: Key, where: str
) -> list[Any]:
    old = {key(row): row for row in base}
    new = {key(row): row for row in mine}
    other = {key(row): row for row in theirs}
    merged: dict[Hashable, Any] = {}
    for k in [*other, *(k for k in new if k not in other)]:
        label = _join(where, _describe(k))
        if k in old and k not in new:  # deleted here
            if k in other and other[k] != old[k]:
                raise MergeConflict(label)
            continue
        if k in old and k not in other:  # deleted there
            if new[k] != old[k]:
                raise MergeConflict(label)
            continue
        if k not in other:  # added here
            merged[k] = new[k]
        elif k not in new:  # added there, or kept there and here untouched
            merged[k] = other[k]
        elif k not in old:  # added on both sides
            if new[k] != other[k]:
                raise MergeConflict(label)
            merged[k] = new[k]
        else:
            merged[k] = three_way(old[k], new[k], other[k], label)
    order = _order([key(r) for r in base], [key(r) for r in mine], [key(r) for r in theirs], where)
    return [merged[k] for k in order if k in merged]


def _order(
    base: list[Hashable], mine: list[Hashable], theirs: list[Hashable], where: str
) -> list[Hashable]:
    """The merged row order: one side's reordering is kept, additions stay where they were put."""
    kept_base = [k for k in base if k in mine and k in theirs]
    mine_moved = [k for k in mine if k in kept_base] != kept_base
    theirs_moved = [k for k in theirs if k in kept_base] != kept_base
    if mine_moved and theirs_moved:
        raise MergeConflict(_join(where, "order"))
    primary, secondary = (mine, theirs) if mine_moved else (theirs, mine)
    order = list(primary)
    for index, k in enumerate(secondary):
        if k in order:
            continue
        before = next((p for p in reversed(secondary[:index]) if p in order), None)
        order.insert(0 if before is None else order.index(before) + 1, k)
    return order


def _describe(key: Hashable) -> str:
    if isinstance(key, tuple):
        return " → ".join(str(part) for part in key)
    return str(key)
