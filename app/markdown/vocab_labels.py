"""How the Markdown export marks vocabulary values, and how the importer reads them back.

The words themselves are those of ``app.vocabulary`` (one label per value and language); this
module adds only what is Markdown's own: the symbols written before a status and the lenient
reading of labels typed by hand.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from app.markdown.sections import fold
from app.vocabulary import ActionStatus, LessonAudience, ServiceState
from app.vocabulary import lookup as vocabulary_lookup

Value = TypeVar("Value", bound=StrEnum)

SERVICE_SYMBOLS = {ServiceState.DOWN: "❌", ServiceState.DEGRADED: "⚠️", ServiceState.OK: "✅"}
#: the symbol the Markdown export writes before an action's status (read back by the importer)
ACTION_STATUS_SYMBOL = {
    ActionStatus.DONE: "✅",
    ActionStatus.IN_PROGRESS: "🔄",
    ActionStatus.TODO: "⏳",
    ActionStatus.NOT_DOING: "❌",
}


def lookup(vocabulary: type[Value], text: str) -> Value | None:
    """The value of ``vocabulary`` whose label (either language) or stored word is ``text``."""
    found = vocabulary_lookup(vocabulary, text, fold)
    return vocabulary(found) if found is not None else None


def lesson_audience(heading: str) -> str:
    """``Pour les Développeurs`` → ``developers``; another heading is kept as written."""
    found = lookup(LessonAudience, heading)
    if found is not None:
        return found.value
    folded = fold(heading)
    if "develop" in folded:
        return LessonAudience.DEVELOPERS.value
    if "platform" in folded or "plateforme" in folded:
        return LessonAudience.PLATFORM_TEAM.value
    if "organi" in folded:
        return LessonAudience.ORGANIZATION.value
    return heading


def service_state(text: str) -> ServiceState | None:
    folded = fold(text)
    if any(word in folded for word in ("down", "panne", "indisponible", "outage", "hs")):
        return ServiceState.DOWN
    if any(word in folded for word in ("degrad", "partial", "partiel", "slow", "lent")):
        return ServiceState.DEGRADED
    if any(word in folded for word in ("ok", "up", "operational", "nominal", "fine")):
        return ServiceState.OK
    return None
