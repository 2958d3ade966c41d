"""The core's messages: an id and parameters, English for the command line, French on demand."""

from __future__ import annotations

import copy
import string

import pytest

from app.demo import demo_document
from app.diagrams import changes
from app.edits import move_row, remove_rows, set_cell, set_field
from app.errors import ValidationError
from app.messages import MESSAGES, Message
from app.natural_dates import parse_due_date
from app.timezones import parse_zone


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_message_has_english_and_french_with_the_same_placeholders() -> None:
    for message_id, (english, french) in MESSAGES.items():
        assert english.strip() and french.strip(), message_id
        assert _placeholders(english) == _placeholders(french), message_id


def test_edit_names_are_english_for_the_command_line_and_french_on_demand() -> None:
    doc = demo_document()
    owner = set_cell(doc, "actions", 2, "owner", "Léa").description
    assert owner == "Change owner of action 3"
    assert owner.text("fr") == "Modifier responsable (action 3)"
    assert set_field("due", None).description.text("fr") == "Modifier échéance"
    assert remove_rows("timeline", [0, 2]).description.text("fr") == (
        "Supprimer 2 entrées de chronologie"
    )
    assert move_row("actions", 3, 2).description.text("fr") == "Monter action 4"
    assert changes.add_child("whys", "p").description.text("fr") == "Ajouter une case"


def test_a_refusal_keeps_its_id_through_str_and_copies() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_zone("Mars/Olympus")
    shown = str(refused.value)
    assert isinstance(shown, Message) and shown.id == "error.unknown_zone"
    assert shown.english().startswith("time zone: 'Mars/Olympus' is unknown")
    assert shown.text("fr").startswith("fuseau horaire : « Mars/Olympus » est inconnu")
    again = copy.deepcopy(shown)
    assert (again.id, again.params, again.text("fr")) == (shown.id, shown.params, shown.text("fr"))


def test_a_parameter_that_is_a_message_is_translated_with_it() -> None:
    from datetime import date

    with pytest.raises(ValidationError) as refused:
        parse_due_date("bientôt", date(2026, 1, 15), Message("field.due"))
    assert str(refused.value).text("fr").startswith("échéance : « bientôt » n'est pas une date")
    assert str(refused.value).startswith("due date: 'bientôt' is not a date")


def test_an_unknown_id_is_refused_at_once() -> None:
    with pytest.raises(KeyError):
        Message("edit.no_such_thing")
