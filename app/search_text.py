"""The text of a document that full-text search sees, and how queries are prepared.

SQLite's FTS5 ``unicode61`` tokenizer with ``remove_diacritics 2`` folds accents, so
"deploiement" finds "déploiement".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.model import Postmortem


def searchable_text(doc: Postmortem) -> str:
    parts: list[str] = [doc.title, doc.summary, doc.author, doc.root_cause, doc.acknowledgements]
    parts += doc.reviewers + doc.tags + doc.contributing_factors
    parts += doc.went_well + doc.went_wrong + doc.lucky + doc.parking_lot
    parts += [p.name + " " + p.role for p in doc.participants]
    parts += [s.name for s in doc.services]
    parts += [f"{r.metric} {r.value} {r.target}" for r in doc.impact]
    parts += [f"{e.event} {e.actor} {e.notes}" for e in doc.timeline]
    parts += [f"{a.action} {a.owner} {a.ticket} {a.status_reason}" for a in doc.actions]
    parts += [lesson.text for lesson in doc.lessons]
    parts += [c.text + " " + c.channel for c in doc.communications]
    parts += [a.title + " " + a.content for a in doc.annexes]
    for graph in (doc.whys, doc.ishikawa):
        parts += [
            f"{data.get('text', '')} {data.get('answer', '')}" for _, data in graph.nodes(data=True)
        ]
    return "\n".join(part for part in parts if part)


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_query: str) -> str | None:
    """Turn what a person types into a safe FTS5 query: every word must match, as a prefix."""
    words = _WORD.findall(user_query)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)
