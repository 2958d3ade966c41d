"""Ids that come from a file: checked once, on import, before anything is stored.

Ids are written into file names, CSV cells, SQL rows and links between actions and diagram
nodes, so an imported id may only use ASCII letters, digits, ``-`` and ``_`` (the app's own ids
are 10 hex digits), and rows of a section may not share one: two actions with one id would
make every edit of either ambiguous.
"""

from __future__ import annotations

import re

from app.errors import FormatError
from app.model import Postmortem

MAX_ID_LENGTH = 64
_ID = re.compile(f"[A-Za-z0-9_-]{{1,{MAX_ID_LENGTH}}}")


def check_id(value: str, where: str) -> None:
    if _ID.fullmatch(value) is None:
        raise FormatError(
            f"{where}: the id {value[:80]!r} is not allowed; ids use only letters, digits, "
            f"'-' and '_' (at most {MAX_ID_LENGTH})."
        )


def check_ids(doc: Postmortem) -> None:
    """Refuse a malformed or repeated id, naming where it is (e.g. ``actions[3].id``)."""
    check_id(doc.id, "id")
    sections = {
        "timeline": [entry.id for entry in doc.timeline],
        "actions": [action.id for action in doc.actions],
    }
    for section, ids in sections.items():
        first: dict[str, int] = {}
        for index, row_id in enumerate(ids):
            where = f"{section}[{index}].id"
            check_id(row_id, where)
            if row_id in first:
                raise FormatError(
                    f"{where}: the id {row_id!r} is already used by {section}[{first[row_id]}]; "
                    "each row needs its own id."
                )
            first[row_id] = index
    for kind, graph in (("whys", doc.whys), ("ishikawa", doc.ishikawa)):
        for node in graph:
            check_id(str(node), f"{kind} node")
