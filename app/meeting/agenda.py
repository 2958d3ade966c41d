"""Meeting agendas: steps with a title, a duration, a purpose and the facilitator's prompts.

Built-in templates, the ground rules and the question bank ship as JSON in
``resources/meeting/`` in English and French. An agenda is edited per meeting and can be saved
as a named template (kept in the store's settings, so it follows the database).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.errors import FormatError, ValidationError
from app.meeting.timer import MINUTE, check_agenda
from app.paths import resource
from app.store import Store

LANGUAGES = ("en", "fr")
TEMPLATES_SETTING = "meeting.templates"
QUESTION_CATEGORIES = ("detection", "response", "prevention", "process")


@dataclass
class AgendaStep:
    title: str
    duration_ms: int
    purpose: str = ""
    prompts: list[str] = field(default_factory=list)
    key: str = ""
    """What the step is for (``introduction``, ``timeline``, ``analysis``, ``actions``, …):
    the presenter view picks the live content from it."""


@dataclass
class Agenda:
    name: str
    steps: list[AgendaStep]

    def check(self) -> None:
        """Refuse an agenda the timer cannot run (no steps, bad durations, over 24 h)."""
        check_agenda([(step.title, step.duration_ms) for step in self.steps])

    @property
    def total_ms(self) -> int:
        return sum(step.duration_ms for step in self.steps)


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


@cache
def _resource_json(name: str) -> Any:
    return json.loads(resource("meeting", name).read_text(encoding="utf-8"))


def step_from_dict(data: dict[str, Any]) -> AgendaStep:
    try:
        if "duration_ms" in data:
            duration = int(data["duration_ms"])
        else:
            duration = round(float(data["minutes"]) * MINUTE)
        return AgendaStep(
            title=str(data["title"]),
            duration_ms=duration,
            purpose=str(data.get("purpose", "")),
            prompts=[str(prompt) for prompt in data.get("prompts", [])],
            key=str(data.get("key", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise FormatError(f"an agenda step is incomplete or malformed ({error}).") from error


def step_to_dict(step: AgendaStep) -> dict[str, Any]:
    return {
        "key": step.key,
        "title": step.title,
        "duration_ms": step.duration_ms,
        "purpose": step.purpose,
        "prompts": list(step.prompts),
    }


def agenda_from_dict(data: dict[str, Any]) -> Agenda:
    steps = data.get("steps")
    if not isinstance(steps, list):
        raise FormatError("an agenda needs a list of steps.")
    return Agenda(str(data.get("name", "")), [step_from_dict(step) for step in steps])


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    return {"name": agenda.name, "steps": [step_to_dict(step) for step in agenda.steps]}


def builtin_templates(language: str = "en") -> list[Agenda]:
    """The one-hour agenda of the template, and its variant that starts with open actions."""
    return [agenda_from_dict(item) for item in _resource_json("agendas.json")[_language(language)]]


def ground_rules(language: str = "en") -> list[tuple[str, str]]:
    rules = _resource_json("ground_rules.json")[_language(language)]
    return [(str(rule["title"]), str(rule["text"])) for rule in rules]


def question_bank(language: str = "en") -> dict[str, list[str]]:
    bank = _resource_json("questions.json")[_language(language)]
    return {category: list(bank[category]) for category in QUESTION_CATEGORIES}


def saved_templates(store: Store) -> list[Agenda]:
    raw = store.setting(TEMPLATES_SETTING, [])
    return [agenda_from_dict(item) for item in raw] if isinstance(raw, list) else []


def save_template(store: Store, agenda: Agenda) -> None:
    """Save (or replace, by name) an agenda as a template for later meetings."""
    name = agenda.name.strip()
    if not name:
        raise ValidationError("give the template a name before saving it.")
    agenda.check()
    kept = [item for item in saved_templates(store) if item.name != name]
    kept.append(Agenda(name, agenda.steps))
    store.set_setting(TEMPLATES_SETTING, [agenda_to_dict(item) for item in kept])


def delete_template(store: Store, name: str) -> None:
    kept = [item for item in saved_templates(store) if item.name != name]
    store.set_setting(TEMPLATES_SETTING, [agenda_to_dict(item) for item in kept])


def all_templates(store: Store, language: str = "en") -> list[Agenda]:
    return builtin_templates(language) + saved_templates(store)
