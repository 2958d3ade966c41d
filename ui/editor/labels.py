"""Words shown for the document's closed vocabularies, in the interface language.

They come from the core's one table (``app.vocabulary.LABELS``), so the editor, the tracker,
the sign-off page, the PDF and the Markdown export all say the same word for the same value.
Built on each call (not at import) so that switching the language shows the new words.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.vocabulary import (
    ActionKind,
    ActionStatus,
    AnnexKind,
    Attendance,
    Audience,
    Horizon,
    LessonAudience,
    Marker,
    Priority,
    ServiceState,
    SignoffState,
    Status,
    label,
    labels,
    term,
)
from ui.i18n import current_language

translate = QCoreApplication.translate  # the name lupdate looks for


def _labels(vocabulary: type[StrEnum]) -> dict[str, str]:
    return {value.value: text for value, text in labels(vocabulary, current_language()).items()}


def word(value: StrEnum) -> str:
    """One value's label in the interface language."""
    return label(value, current_language())


def term_text(stored: str) -> str:
    """A stored word of any vocabulary (a role, a state…) in the interface language; a word a
    team typed itself is shown as typed."""
    return term(stored, current_language())


def status_labels() -> dict[str, str]:
    return _labels(Status)


def marker_labels() -> dict[str, str]:
    return _labels(Marker)


def action_status_labels() -> dict[str, str]:
    return _labels(ActionStatus)


def kind_labels() -> dict[str, str]:
    return _labels(ActionKind)


def horizon_labels() -> dict[str, str]:
    return _labels(Horizon)


def priority_labels() -> dict[str, str]:
    return _labels(Priority)


def attendance_labels() -> dict[str, str]:
    return _labels(Attendance)


def audience_labels() -> dict[str, str]:
    return _labels(Audience)


def service_state_labels() -> dict[str, str]:
    return _labels(ServiceState)


def annex_kind_labels() -> dict[str, str]:
    return _labels(AnnexKind)


def lesson_audience_labels() -> dict[str, str]:
    return _labels(LessonAudience)


def signoff_state_labels() -> dict[str, str]:
    return _labels(SignoffState)


def language_labels() -> dict[str, str]:
    return {"en": translate("Labels", "English"), "fr": translate("Labels", "French")}


def choices(labels: dict[str, str], *, optional: bool = False) -> list[tuple[str, object]]:
    """(label, value) pairs for a combo box; ``optional`` adds an empty first choice."""
    pairs: list[tuple[str, object]] = [
        (label, str(key.value) if isinstance(key, StrEnum) else key)
        for key, label in labels.items()
    ]
    if optional:
        pairs.insert(0, ("—", None))
    return pairs
