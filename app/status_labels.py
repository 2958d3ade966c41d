"""One label per status per language, shared by the PDF report and the Markdown export."""

from __future__ import annotations

from app.vocabulary import ActionStatus, Status

DOCUMENT_STATUS: dict[str, dict[Status, str]] = {
    "en": {
        Status.DRAFT: "Draft",
        Status.IN_REVIEW: "In review",
        Status.APPROVED: "Approved",
        Status.ARCHIVED: "Archived",
    },
    "fr": {
        Status.DRAFT: "Brouillon",
        Status.IN_REVIEW: "En relecture",
        Status.APPROVED: "Approuvé",
        Status.ARCHIVED: "Archivé",
    },
}
ACTION_STATUS: dict[str, dict[ActionStatus, str]] = {
    "en": {
        ActionStatus.TODO: "To do",
        ActionStatus.IN_PROGRESS: "In progress",
        ActionStatus.DONE: "Done",
        ActionStatus.NOT_DOING: "Not doing",
    },
    "fr": {
        ActionStatus.TODO: "À faire",
        ActionStatus.IN_PROGRESS: "En cours",
        ActionStatus.DONE: "Fait",
        ActionStatus.NOT_DOING: "Abandonnée",
    },
}
#: the symbol the Markdown export writes before an action's status (read back by the importer)
ACTION_STATUS_SYMBOL = {
    ActionStatus.DONE: "✅",
    ActionStatus.IN_PROGRESS: "🔄",
    ActionStatus.TODO: "⏳",
    ActionStatus.NOT_DOING: "❌",
}


def _language(language: str) -> str:
    return language if language in DOCUMENT_STATUS else "en"


def document_status_label(status: Status, language: str) -> str:
    return DOCUMENT_STATUS[_language(language)][status]


def action_status_label(status: ActionStatus, language: str) -> str:
    return ACTION_STATUS[_language(language)][status]


def status_words(language: str) -> dict[str, str]:
    """Every status label of ``language`` keyed by the status value (for the report's words)."""
    lang = _language(language)
    words = {status.value: label for status, label in DOCUMENT_STATUS[lang].items()}
    words.update({status.value: label for status, label in ACTION_STATUS[lang].items()})
    return words
