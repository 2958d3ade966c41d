"""Header lines (``**Date de l'incident** : …``, ``Severity: SEV-1``) and status words.

Keys are matched in French and English after folding case and accents. Values in square
brackets (``[Votre nom]``) or offering a choice (``P1 / P2 / P3``) are template placeholders:
they are reported, never taken as facts.
"""

from __future__ import annotations

import re

from app.fields import HEADER_FIELDS
from app.markdown.sections import fold
from app.vocabulary import ActionStatus, Priority, Status, label

_KEY_VALUE = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?P<key>[^*_:|\n]{1,60}?)\s*(?:\*\*|__)?\s*[:：]\s*"
    r"(?:\*\*|__)?\s*(?P<value>.*?)\s*$"
)

#: header keys that name no field of the document but feed one: a stated duration gives the
#: end of the incident, an incident commander becomes a participant
_READING_AIDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("duration", ("duree totale", "duree", "duration", "total duration", "duree de l incident",
                  "impact duration", "duree de l impact")),
    ("commander", ("commander", "incident commander", "incident lead", "lead", "ic",
                   "responsable de l incident", "incident manager", "coordinateur")),
)  # fmt: skip
#: (field name, folded keys): the document's header fields (``app.fields``) and the aids
FIELD_KEYS = tuple((field.name, field.keys) for field in HEADER_FIELDS) + _READING_AIDS
_KEY_INDEX = {key: name for name, keys in FIELD_KEYS for key in keys}

_STATUS_WORDS: tuple[tuple[ActionStatus, tuple[str, ...]], ...] = (
    (ActionStatus.NOT_DOING, ("won t do", "wont do", "not doing", "abandonne", "annule",
                              "cancelled", "canceled", "rejected", "rejete", "wontfix")),
    (ActionStatus.TODO, ("not started", "not done", "pas commence", "pas fait", "non commence",
                         "non fait", "not yet started", "pas encore commence")),
    (ActionStatus.DONE, ("done", "fait", "termine", "complete", "completed", "closed", "fixed",
                         "resolu", "resolved", "ferme", "met", "livre", "shipped", "ok")),
    (ActionStatus.IN_PROGRESS, ("in progress", "en cours", "wip", "started", "doing", "scheduled",
                                "planifie", "ongoing", "in review", "en revue", "bloque",
                                "blocked", "on hold", "waiting on", "waiting for",
                                "en attente de")),
    (ActionStatus.TODO, ("todo", "to do", "a faire", "not started", "pas commence", "open",
                         "ouvert", "pending", "en attente", "planned", "prevu", "backlog", "new")),
)  # fmt: skip
#: status words that say exactly their status (the app's own labels among them): the others
#: (``Blocked``, ``Waiting on vendor``) give the closest status and their wording is kept
_PLAIN_STATUS_WORDS = frozenset(fold(label(status, language))
                                for status in ActionStatus for language in ("en", "fr")) | {
    "won t do", "wont do", "not doing", "abandonne", "annule", "cancelled", "canceled", "wontfix",
    "not started", "not done", "pas commence", "pas fait", "non commence", "non fait",
    "not yet started", "pas encore commence", "todo", "to do", "a faire", "open", "ouvert", "new",
    "done", "fait", "termine", "complete", "completed", "closed", "fixed", "resolu", "resolved",
    "ferme", "livre", "shipped", "ok", "in progress", "en cours", "wip", "started", "doing",
    "ongoing",
}  # fmt: skip
_STATUS_SYMBOLS = {
    "✅": ActionStatus.DONE,
    "✔": ActionStatus.DONE,
    "✓": ActionStatus.DONE,
    "☑": ActionStatus.DONE,
    "🔄": ActionStatus.IN_PROGRESS,
    "🟡": ActionStatus.IN_PROGRESS,
    "🚧": ActionStatus.IN_PROGRESS,
    "⏳": ActionStatus.TODO,
    "⬜": ActionStatus.TODO,
    "☐": ActionStatus.TODO,
    "🔴": ActionStatus.TODO,
    "❌": ActionStatus.NOT_DOING,
    "🚫": ActionStatus.NOT_DOING,
}
_DOC_STATUS = {
    "draft": Status.DRAFT, "brouillon": Status.DRAFT,
    "in review": Status.IN_REVIEW, "en revue": Status.IN_REVIEW, "review": Status.IN_REVIEW,
    "en relecture": Status.IN_REVIEW,
    "approved": Status.APPROVED, "approuve": Status.APPROVED, "final": Status.APPROVED,
    "valide": Status.APPROVED, "published": Status.APPROVED, "publie": Status.APPROVED,
    "archived": Status.ARCHIVED, "archive": Status.ARCHIVED,
}  # fmt: skip
_PRIORITY_WORDS = {
    "critical": Priority.P0, "critique": Priority.P0, "urgent": Priority.P0, "blocker": Priority.P0,
    "high": Priority.P1, "haute": Priority.P1, "elevee": Priority.P1, "haut": Priority.P1,
    "medium": Priority.P2, "moyenne": Priority.P2, "normal": Priority.P2, "normale": Priority.P2,
    "low": Priority.P3, "basse": Priority.P3, "faible": Priority.P3, "bas": Priority.P3,
}  # fmt: skip


def key_value(line: str) -> tuple[str, str, str] | None:
    """(field name or '', written key, value) for a ``Key: value`` line, else None."""
    match = _KEY_VALUE.match(line)
    if not match:
        return None
    key = match["key"].strip()
    if not key or len(key.split()) > 6 or key.startswith(("http", "[", "!")):
        return None
    value = match["value"].strip().strip("*_").strip()
    return _KEY_INDEX.get(fold(key), ""), key, value


def is_placeholder(value: str) -> bool:
    """``[YYYY-MM-DD]``, ``XX minutes``, ``P1 / P2 / P3``, ``____``: template text, not a fact."""
    stripped = value.strip()
    if not stripped:
        return True
    if re.fullmatch(r"\[[^\]]*\]", stripped) or re.fullmatch(r"_{3,}", stripped):
        return True
    if re.search(r"\bX{2,}\b|YYYY|\bHH:MM\b", stripped):
        return True
    parts = [part.strip() for part in stripped.split("/")]
    return len(parts) >= 3 and all(
        0 < len(part) <= 12 and any(ch.isalpha() for ch in part) for part in parts
    )


def action_status(text: str) -> ActionStatus | None:
    """``✅ Done``, ``🔄 In Progress``, ``⏳ Todo``, ``Fait``, ``[x]`` → status; None if unknown."""
    value = text.strip()
    if value in ("[x]", "[X]"):
        return ActionStatus.DONE
    if value in ("[ ]", "-", "—", ""):
        return ActionStatus.TODO if value.startswith("[") else None
    for symbol, status in _STATUS_SYMBOLS.items():
        if value.startswith(symbol):
            return status
    folded = fold(value)
    for status, words in _STATUS_WORDS:
        if any(re.search(rf"\b{word}\b", folded) for word in words):
            return status
    return None


def status_wording(text: str) -> str:
    """The status as written when it says more than the status it maps to (``Blocked``,
    ``Waiting on vendor``, ``Done on 3 July``); '' for a plain one (``✅ Done``, ``[x]``)."""
    value = text.strip()
    bare = value.lstrip("".join(_STATUS_SYMBOLS)).strip()
    if value in ("[x]", "[X]", "[ ]", "-", "—") or not bare or fold(bare) in _PLAIN_STATUS_WORDS:
        return ""
    return value


def document_status(text: str) -> Status | None:
    return _DOC_STATUS.get(fold(text))


def priority(text: str) -> Priority | None:
    value = text.strip().upper()
    match = re.search(r"\b(?:P|SEV[- ]?|S)([0-3])\b", value)
    if match:
        return Priority(f"P{match.group(1)}")
    return _PRIORITY_WORDS.get(fold(text))


def split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\bet\b|\band\b|&)\s*", text)
    return [part.strip() for part in parts if part.strip()]


def strip_inline(text: str) -> str:
    """Drop emphasis markers, keep the words (and any HTML, as text); code spans untouched."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text.strip()
    parts = _CODE_SPAN.split(text)
    for index in range(0, len(parts), 2):  # even parts are outside code spans
        value = _STRONG.sub(r"\2", parts[index])
        value = _EMPHASIS.sub(r"\1", value)
        parts[index] = value.replace("\\|", "|")
    return "".join(parts).strip()


def reflow(text: str) -> str:
    """A paragraph's soft-wrapped lines joined into one line; hard breaks (two trailing spaces
    or a backslash) and Markdown list or quote lines stay on their own line."""
    out: list[str] = []
    hard = True
    for line in text.split("\n"):
        stripped = line.strip()
        if hard or _BLOCK_START.match(stripped):
            if out:
                out[-1] = out[-1].rstrip("\\").rstrip()
            out.append(stripped)
        else:
            out[-1] = f"{out[-1]} {stripped}" if out[-1] else stripped
        hard = line.endswith("  ") or stripped.endswith("\\")
    return "\n".join(out).strip()


_CODE_SPAN = re.compile(r"(`+[^`]*?`+)")
_BLOCK_START = re.compile(r"^(?:[-*+•]\s|\d{1,3}[.)]\s|>|\|)")


_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
