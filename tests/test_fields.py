"""The field metadata: complete, consistent, and what the JSON format and Markdown follow."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from app.errors import FormatError
from app.field_codecs import Day, Moment, Rows, Texts
from app.fields import DOCUMENT_FIELDS, HEADER_FIELDS, HEADER_LINES, Field
from app.jsonio import document_from_json, document_to_dict, document_to_json
from app.markdown.exporter import export_markdown
from app.markdown.fields import FIELD_KEYS, key_value
from app.markdown.importer import import_text
from app.markdown.sections import fold
from app.model import Postmortem
from app.vocabulary import Status


def _undescribed(fields: tuple[Field, ...], model: type) -> list[str]:
    """Attributes of ``model`` that ``fields`` leaves out or does not know, and names twice."""
    names = [field.name for field in fields]
    attributes = {f.name for f in dataclasses.fields(model)}
    twice = {name for name in names if names.count(name) > 1}
    return sorted(attributes ^ set(names)) + sorted(twice)


def _rows_codecs() -> list[Rows]:
    return [field.codec for field in DOCUMENT_FIELDS if isinstance(field.codec, Rows)]


def test_every_field_of_the_document_is_described_once() -> None:
    """A field added to the model but not to ``app.fields`` would silently never be saved."""
    assert _undescribed(DOCUMENT_FIELDS, Postmortem) == []


@pytest.mark.parametrize("rows", _rows_codecs(), ids=lambda rows: rows.row_type.__name__)
def test_every_column_of_every_row_is_described_once(rows: Rows) -> None:
    assert _undescribed(rows.fields, rows.row_type) == []


def test_a_field_missing_from_the_metadata_is_caught() -> None:
    """The completeness check really fails for a field left out, unknown or described twice."""
    lucky = next(field for field in DOCUMENT_FIELDS if field.name == "lucky")
    without = tuple(field for field in DOCUMENT_FIELDS if field is not lucky)
    assert _undescribed(without, Postmortem) == ["lucky"]
    assert _undescribed((*DOCUMENT_FIELDS, Field("detected_by")), Postmortem) == ["detected_by"]
    assert _undescribed((*DOCUMENT_FIELDS, lucky), Postmortem) == ["lucky"]


def test_the_json_keys_are_the_fields_in_order() -> None:
    doc = Postmortem(narrative=[])
    assert list(document_to_dict(doc)) == [f.name for f in DOCUMENT_FIELDS if not f.omit_empty]


def test_every_header_field_has_an_english_and_a_french_label_and_keys() -> None:
    for field in HEADER_FIELDS:
        assert field.label_en and field.label_fr and field.keys, field.name
        assert all(key == fold(key) for key in field.keys), field.name
    ids = [field.label_id for field in HEADER_FIELDS]
    assert len(ids) == len(set(ids)) and "field.incident_date" in ids


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_label_is_a_key_of_its_own_field(language: str) -> None:
    """What the exporter writes, the importer reads back as the same field."""
    for field in HEADER_FIELDS:
        assert fold(field.label(language)) in field.keys, (field.name, language)


def test_no_markdown_key_names_two_fields() -> None:
    seen: dict[str, str] = {}
    for name, keys in FIELD_KEYS:
        for key in keys:
            assert seen.setdefault(key, name) == name, f"'{key}' names {seen[key]} and {name}"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("**Date de l'incident** : 15/01/2026", "incident_date"),
        ("Detected at: 14:05", "detected_at"),
        ("- **Relecteurs** : Ana, Bo", "reviewers"),
        ("Fuseau horaire : Europe/Paris", "timezone"),
        ("Incident commander: Sam", "commander"),
        ("Durée totale : 42 min", "duration"),
        ("Favourite colour: blue", ""),
    ],
)
def test_header_keys_come_from_the_metadata(line: str, field: str) -> None:
    found = key_value(line)
    assert found is not None and found[0] == field


def _header_document(language: str) -> Postmortem:
    """Every Markdown header line filled, by the kind of its value (a new field included)."""
    doc = Postmortem(title="Checkout outage", language=language, timezone="UTC")
    special = {
        "severity": "P1",
        "status": Status.IN_REVIEW,
        "timezone": "UTC",
        "language": language,
    }
    minute = 0
    for field in HEADER_LINES:
        if field.name in special:
            value: object = special[field.name]
        elif isinstance(field.codec, Day):
            value = date(2026, 1, 15) + timedelta(days=minute)
        elif isinstance(field.codec, Moment):
            value = datetime(2026, 1, 15, 13, tzinfo=UTC) + timedelta(minutes=minute)
        elif isinstance(field.codec, Texts):
            value = ["Ana Lopez", "Bo Chen"]
        else:
            value = f"Camille Martin {minute}"
        minute += 5
        setattr(doc, field.name, value)
    return doc


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_markdown_header_line_reads_back_into_its_field(language: str) -> None:
    doc = _header_document(language)
    text = export_markdown(doc, language)
    for field in HEADER_LINES:
        assert f"**{field.label(language)}** :" in text
    back, report = import_text(text)
    for field in HEADER_LINES:
        assert getattr(back, field.name) == getattr(doc, field.name), field.name
    assert not [line for line in report.kept_aside if "not a known header field" in line]


def test_an_unsupported_language_is_refused_with_its_field() -> None:
    text = json.dumps({"format": "postmortem-studio", "format_version": 1, "language": "de"})
    with pytest.raises(FormatError, match=r"^language: 'de' is not supported \(en or fr\)\.$"):
        document_from_json(text)


def test_a_row_value_of_the_wrong_type_names_its_row_and_column() -> None:
    text = json.dumps(
        {"format": "postmortem-studio", "format_version": 1, "lessons": [{"text": 3}]}
    )
    with pytest.raises(FormatError, match=r"^lessons\[0\]\.text: expected text, found int\.$"):
        document_from_json(text)


def test_an_empty_optional_word_reads_as_not_stated() -> None:
    text = json.dumps(
        {
            "format": "postmortem-studio",
            "format_version": 1,
            "actions": [{"action": "a", "priority": "", "kind": None}],
        }
    )
    action = document_from_json(text).actions[0]
    assert action.priority is None and action.kind is None
    assert action.horizon is not None  # a missing key keeps the format's default
    assert json.loads(document_to_json(document_from_json(text)))["actions"][0]["priority"] is None
