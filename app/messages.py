# ruff: noqa: E501 - whole sentences stay on one line so they can be searched
"""What the core says to a person — edit names, refusals — as a message id plus parameters.

A ``Message`` is a ``str`` whose text is the English sentence, so the command line, the logs,
``str(error)`` and every existing caller keep working unchanged; it also carries ``id`` and
``params``, and ``text(language)`` renders it in another language from the one table below.
``str()`` of a message (and so of an exception raised with one) returns the message itself,
which is how the id travels through ``except … as error: show(str(error))`` to the window.

Why this catalogue and not gettext: the PDF, the Markdown export and the command line render
French without Qt, so the core must hold its French at run time anyway (the vocabulary labels
in ``app.vocabulary`` already do). Keeping the core's sentences in a table next to them gives
one place per string, checked by a test (every id has both languages, the same placeholders),
with no extraction step and no compiled file to keep in sync. Qt's ``.ts`` catalogue then only
holds the words written in ``ui/``; the UI shows a core message with ``Message.text`` in the
interface language. Nothing is parsed back from English.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from app.vocabulary import VOCABULARIES, label

# fmt: off
#: message id → (English, French); placeholders are named ``{field}``.
MESSAGES: dict[str, tuple[str, str]] = {
    # -- the names of edits, shown in the Edit menu ("Undo Change owner (action 3)") ----------
    "edit.change": ("Change {field}", "Modifier {field}"),
    "edit.change_cell": ("Change {field} of {row} {number}", "Modifier {field} ({row} {number})"),
    "edit.add_row": ("Add {row} {number}", "Ajouter {row} {number}"),
    "edit.add_rows": ("Add {count} {rows}", "Ajouter {count} {rows}"),
    "edit.delete_row": ("Delete {row} {number}", "Supprimer {row} {number}"),
    "edit.delete_rows": ("Delete {count} {rows}", "Supprimer {count} {rows}"),
    "edit.move_up": ("Move {row} {number} up", "Monter {row} {number}"),
    "edit.move_down": ("Move {row} {number} down", "Descendre {row} {number}"),
    "edit.sort_timeline": ("Sort timeline by time", "Trier la chronologie par heure"),
    "diagram.add_node": ("Add a node", "Ajouter une case"),
    "diagram.add_sibling": ("Add a sibling", "Ajouter une case sœur"),
    "diagram.rename": ("Rename a node", "Renommer une case"),
    "diagram.answer": ("Answer a why", "Répondre à un pourquoi"),
    "diagram.move": ("Move a node", "Déplacer une case"),
    "diagram.delete": ("Delete a node", "Supprimer une case"),
    "diagram.mark_root": ("Mark a root cause", "Marquer une cause racine"),
    "diagram.unmark_root": ("Unmark a root cause", "Retirer une cause racine"),
    "diagram.add_category": ("Add a category", "Ajouter une catégorie"),
    "diagram.remove_category": ("Remove a category", "Retirer une catégorie"),
    "diagram.use_categories": ("Use the categories: {names}", "Utiliser les catégories : {names}"),
    "diagram.link_actions": ("Link corrective actions", "Lier des actions correctives"),
    # -- the fields of a document, as edit names and error messages call them ---------------
    "field.title": ("title", "titre"),
    "field.incident_date": ("incident date", "date de l'incident"),
    "field.timezone": ("time zone", "fuseau horaire"),
    "field.started_at": ("start time", "heure de début"),
    "field.detected_at": ("detection time", "heure de détection"),
    "field.mitigated_at": ("mitigation time", "heure d'atténuation"),
    "field.resolved_at": ("resolution time", "heure de résolution"),
    "field.severity": ("severity", "sévérité"),
    "field.status": ("status", "statut"),
    "field.status_reason": ("status reason", "raison du statut"),
    "field.author": ("author", "auteur"),
    "field.reviewers": ("reviewers", "relecteurs"),
    "field.participants": ("participants", "participants"),
    "field.postmortem_date": ("postmortem date", "date du postmortem"),
    "field.services": ("services", "services"),
    "field.tags": ("tags", "étiquettes"),
    "field.language": ("language", "langue"),
    "field.summary": ("summary", "résumé"),
    "field.impact": ("impact", "impact"),
    "field.timeline": ("timeline", "chronologie"),
    "field.root_cause": ("root cause", "cause racine"),
    "field.contributing_factors": ("contributing factors", "facteurs contributifs"),
    "field.went_well": ("what went well", "ce qui a bien marché"),
    "field.went_wrong": ("what went wrong", "ce qui a mal marché"),
    "field.lucky": ("where we got lucky", "où nous avons eu de la chance"),
    "field.actions": ("actions", "actions"),
    "field.lessons": ("lessons", "leçons"),
    "field.communications": ("communications", "communications"),
    "field.annexes": ("annexes", "annexes"),
    "field.acknowledgements": ("acknowledgements", "remerciements"),
    "field.blameless_note": ("blameless note", "note sans reproche"),
    "field.parking_lot": ("parking lot", "points en suspens"),
    "field.name": ("name", "nom"),
    "field.role": ("role", "rôle"),
    "field.attendance": ("attendance", "présence"),
    "field.state": ("state", "état"),
    "field.metric": ("metric", "mesure"),
    "field.value": ("value", "valeur"),
    "field.target": ("target", "cible"),
    "field.at": ("time", "heure"),
    "field.event": ("event", "événement"),
    "field.actor": ("actor", "acteur"),
    "field.marker": ("marker", "repère"),
    "field.notes": ("notes", "notes"),
    "field.action": ("action", "action"),
    "field.owner": ("owner", "responsable"),
    "field.due": ("due date", "échéance"),
    "field.priority": ("priority", "priorité"),
    "field.kind": ("kind", "type"),
    "field.horizon": ("horizon", "horizon"),
    "field.ticket": ("ticket", "ticket"),
    "field.causes": ("linked causes", "causes liées"),
    "field.completed_on": ("completion date", "date de réalisation"),
    "field.audience": ("audience", "public"),
    "field.text": ("text", "texte"),
    "field.channel": ("channel", "canal"),
    "field.content": ("content", "contenu"),
    # -- one row of a table section, and several --------------------------------------------
    "row.participants": ("participant", "participant"),
    "row.services": ("service", "service"),
    "row.impact": ("impact row", "ligne d'impact"),
    "row.timeline": ("timeline entry", "entrée de chronologie"),
    "row.actions": ("action", "action"),
    "row.lessons": ("lesson", "leçon"),
    "row.communications": ("communication", "communication"),
    "row.annexes": ("annex", "annexe"),
    "row.narrative": ("narrative section", "section de récit"),
    "rows.participants": ("participants", "participants"),
    "rows.services": ("services", "services"),
    "rows.impact": ("impact rows", "lignes d'impact"),
    "rows.timeline": ("timeline entries", "entrées de chronologie"),
    "rows.actions": ("actions", "actions"),
    "rows.lessons": ("lessons", "leçons"),
    "rows.communications": ("communications", "communications"),
    "rows.annexes": ("annexes", "annexes"),
    "rows.narrative": ("narrative sections", "sections de récit"),
    # -- refusals met while editing ------------------------------------------------------------
    "error.moment_required": ("{field}: a date and time is required.", "{field} : une date et une heure sont obligatoires."),
    "error.not_a_moment": ("{field}: '{text}' is not a date and time; use ISO 8601 with an offset, e.g. {example}.", "{field} : « {text} » n'est pas une date et heure ; utilisez l'ISO 8601 avec un décalage, p. ex. {example}."),
    "error.no_offset": ("{field}: '{text}' has no UTC offset; add one, e.g. +01:00 or Z.", "{field} : « {text} » n'a pas de décalage UTC ; ajoutez-en un, p. ex. +01:00 ou Z."),
    "error.not_an_iso_date": ("{field}: '{text}' is not a date; use YYYY-MM-DD, e.g. {example}.", "{field} : « {text} » n'est pas une date ; utilisez AAAA-MM-JJ, p. ex. {example}."),
    "error.no_day": ("{field}: '{text}' has no date; set the incident date first, or type the date too, e.g. {example}.", "{field} : « {text} » n'a pas de date ; indiquez d'abord la date de l'incident, ou tapez aussi la date, p. ex. {example}."),
    "error.not_a_time": ("{field}: '{text}' is not a time; type e.g. {example}.", "{field} : « {text} » n'est pas une heure ; tapez p. ex. {example}."),
    "error.not_a_date": ("{field}: '{text}' is not a date; type e.g. {example}.", "{field} : « {text} » n'est pas une date ; tapez p. ex. {example}."),
    "error.empty": ("{field}: cannot be empty.", "{field} : ne peut pas être vide."),
    "error.unknown_zone": ("time zone: '{text}' is unknown; use a name such as Europe/Paris, an abbreviation such as CET, or an offset such as +01:00.", "fuseau horaire : « {text} » est inconnu ; utilisez un nom comme Europe/Paris, une abréviation comme CET ou un décalage comme +01:00."),
    "error.not_an_offset": ("time zone: '{text}' is not an offset such as +01:00.", "fuseau horaire : « {text} » n'est pas un décalage comme +01:00."),
    "error.locked": ("This report is approved and locked; reopen it to edit (a new revision is created).", "Ce rapport est approuvé et verrouillé ; rouvrez-le pour le modifier (une nouvelle révision est créée)."),
    "error.locked_elsewhere": ("This postmortem was approved and locked elsewhere: {edits} was not saved. The latest version is shown.", "Ce postmortem a été approuvé et verrouillé ailleurs : {edits} n'a pas été enregistré. La dernière version est affichée."),
    "error.changed_elsewhere": ("This postmortem was changed elsewhere ({where} was changed there too): {edits} no longer applies and was not saved. The latest version is shown.", "Ce postmortem a été modifié ailleurs ({where} y a aussi été modifié) : {edits} ne s'applique plus et n'a pas été enregistré. La dernière version est affichée."),
    "error.cannot_redo": ("{edit} cannot be redone or undone: {where} was changed since.", "{edit} ne peut être ni rétabli ni annulé : {where} a été modifié depuis."),
    "error.diagram_changed": ("{edit} cannot be redone or undone: the diagram was changed since.", "{edit} ne peut être ni rétabli ni annulé : le diagramme a été modifié depuis."),
    "error.row_gone": ("{row} {id} no longer exists", "{row} {id} n'existe plus"),
    "error.moved_row_gone": ("{row} no longer exists", "{row} n'existe plus"),
    "error.deleted_elsewhere": ("The postmortem '{id}' was deleted elsewhere; this edit was not saved.", "Le postmortem « {id} » a été supprimé ailleurs ; cette modification n'a pas été enregistrée."),
    "error.database_gone": ("The database {path} was deleted or moved while open. Your edits are kept in memory and saved as soon as the file is back.", "La base {path} a été supprimée ou déplacée pendant l'utilisation. Vos modifications sont gardées en mémoire et enregistrées dès que le fichier est de retour."),
    "error.database_read_only": ("The database {path} is read-only. Your edits are kept in memory and saved as soon as it is writable again.", "La base {path} est en lecture seule. Vos modifications sont gardées en mémoire et enregistrées dès qu'elle redevient modifiable."),
}
# fmt: on

_QUOTES = {"en": ("“", "”"), "fr": ("« ", " »")}


class Message(str):
    """An English sentence that knows its id and parameters (see the module docstring)."""

    id: str
    params: dict[str, Any]

    def __new__(cls, message_id: str, /, **params: Any) -> Message:
        if message_id not in MESSAGES:
            raise KeyError(f"no message with the id {message_id!r}")
        made = super().__new__(cls, _render(message_id, params, "en"))
        made.id = message_id
        made.params = params
        return made

    def __str__(self) -> Message:  # keeps id and params through str()
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.id, self.params))

    def english(self) -> str:
        """The plain English text, for the command line and logs."""
        return str.__str__(self)

    def text(self, language: str) -> str:
        """The sentence in ``language`` (English for a language the table does not have)."""
        return _render(self.id, self.params, language)


def _rebuild(message_id: str, params: dict[str, Any]) -> Message:
    return Message(message_id, **params)


def _render(message_id: str, params: dict[str, Any], language: str) -> str:
    english, french = MESSAGES[message_id]
    template = french if language == "fr" else english
    return template.format(**{name: _param(value, language) for name, value in params.items()})


def _param(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, StrEnum) and type(value) in VOCABULARIES:
        return label(value, language)
    if isinstance(value, Quoted):
        opening, closing = _QUOTES["fr" if language == "fr" else "en"]
        return ", ".join(f"{opening}{_param(item, language)}{closing}" for item in value.items)
    return str(value)


class Quoted:
    """Several values shown quoted, in the quotation marks of the language."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = tuple(items)

    def __repr__(self) -> str:
        return f"Quoted({self.items!r})"


def in_language(text: str, language: str) -> str:
    """``text`` in ``language`` when it is a message of the core; any other text as it is."""
    return text.text(language) if isinstance(text, Message) else text


def field_word(attribute: str) -> Message | str:
    """How edit names and errors call a field of the document ("due" → "due date")."""
    key = f"field.{attribute}"
    return Message(key) if key in MESSAGES else attribute.replace("_", " ")
