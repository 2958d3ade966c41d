"""Edit descriptions ("Change owner of action 3") in the interface language, for the Edit menu.

The core names its changes in English; this reads those names back and rebuilds them from
translatable pieces. Names it does not know are shown as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name lupdate looks for


def _words() -> dict[str, str]:
    return {
        "title": translate("Edits", "title"),
        "incident date": translate("Edits", "incident date"),
        "timezone": translate("Edits", "time zone"),
        "start time": translate("Edits", "start time"),
        "detection time": translate("Edits", "detection time"),
        "mitigation time": translate("Edits", "mitigation time"),
        "resolution time": translate("Edits", "resolution time"),
        "severity": translate("Edits", "severity"),
        "status": translate("Edits", "status"),
        "author": translate("Edits", "author"),
        "reviewers": translate("Edits", "reviewers"),
        "postmortem date": translate("Edits", "postmortem date"),
        "tags": translate("Edits", "tags"),
        "language": translate("Edits", "language"),
        "summary": translate("Edits", "summary"),
        "root cause": translate("Edits", "root cause"),
        "contributing factors": translate("Edits", "contributing factors"),
        "what went well": translate("Edits", "what went well"),
        "what went wrong": translate("Edits", "what went wrong"),
        "where we got lucky": translate("Edits", "where we got lucky"),
        "acknowledgements": translate("Edits", "acknowledgements"),
        "name": translate("Edits", "name"),
        "role": translate("Edits", "role"),
        "attendance": translate("Edits", "attendance"),
        "state": translate("Edits", "state"),
        "metric": translate("Edits", "metric"),
        "value": translate("Edits", "value"),
        "target": translate("Edits", "target"),
        "time": translate("Edits", "time"),
        "event": translate("Edits", "event"),
        "actor": translate("Edits", "actor"),
        "marker": translate("Edits", "marker"),
        "notes": translate("Edits", "notes"),
        "action": translate("Edits", "action"),
        "owner": translate("Edits", "owner"),
        "due date": translate("Edits", "due date"),
        "priority": translate("Edits", "priority"),
        "kind": translate("Edits", "kind"),
        "horizon": translate("Edits", "horizon"),
        "ticket": translate("Edits", "ticket"),
        "linked causes": translate("Edits", "linked causes"),
        "audience": translate("Edits", "audience"),
        "text": translate("Edits", "text"),
        "channel": translate("Edits", "channel"),
        "at": translate("Edits", "time"),
        "content": translate("Edits", "content"),
    }


def _nouns(plural: bool) -> dict[str, str]:
    if plural:
        return {
            "participants": translate("Edits", "participants"),
            "services": translate("Edits", "services"),
            "impact rows": translate("Edits", "impact rows"),
            "timeline entries": translate("Edits", "timeline entries"),
            "actions": translate("Edits", "actions"),
            "lessons": translate("Edits", "lessons"),
            "communications": translate("Edits", "communications"),
            "annexes": translate("Edits", "annexes"),
        }
    return {
        "participant": translate("Edits", "participant"),
        "service": translate("Edits", "service"),
        "impact row": translate("Edits", "impact row"),
        "timeline entry": translate("Edits", "timeline entry"),
        "action": translate("Edits", "action"),
        "lesson": translate("Edits", "lesson"),
        "communication": translate("Edits", "communication"),
        "annex": translate("Edits", "annex"),
    }


_NOUN = r"(participant|service|impact row|timeline entry|action|lesson|communication|annex)"
_CELL = re.compile(r"^Change (.+) of " + _NOUN + r" (\d+)$")
_FIELD = re.compile(r"^Change (.+)$")
_ADD_ONE = re.compile(r"^(Add|Delete) " + _NOUN + r" (\d+)$")
_PLURAL = (
    r"(participants|services|impact rows|timeline entries|actions|lessons|communications|annexes)"
)
_ADD_MANY = re.compile(r"^(Add|Delete) (\d+) " + _PLURAL + r"$")
_MOVE = re.compile(r"^Move " + _NOUN + r" (\d+) (up|down)$")


def describe(description: str) -> str:
    if not description:
        return ""
    words = _words()
    if match := _CELL.match(description):
        field, noun, number = match.groups()
        return translate("Edits", "Change {0} of {1} {2}").format(
            words.get(field, field), _nouns(False)[noun], number
        )
    if match := _ADD_ONE.match(description):
        verb, noun, number = match.groups()
        template = (
            translate("Edits", "Add {0} {1}")
            if verb == "Add"
            else translate("Edits", "Delete {0} {1}")
        )
        return template.format(_nouns(False)[noun], number)
    if match := _ADD_MANY.match(description):
        verb, count, noun = match.groups()
        template = (
            translate("Edits", "Add {0} {1}")
            if verb == "Add"
            else translate("Edits", "Delete {0} {1}")
        )
        return template.format(count, _nouns(True)[noun])
    if match := _MOVE.match(description):
        noun, number, direction = match.groups()
        template = (
            translate("Edits", "Move {0} {1} up")
            if direction == "up"
            else translate("Edits", "Move {0} {1} down")
        )
        return template.format(_nouns(False)[noun], number)
    if description == "Sort timeline by time":
        return translate("Edits", "Sort timeline by time")
    if (match := _FIELD.match(description)) and match.group(1) in words:
        return translate("Edits", "Change {0}").format(words[match.group(1)])
    return description
