"""How one field's value is written to the JSON format and read back from it.

A codec turns the model's value into its plain JSON form (``dump``) and reads it back from a
JSON object (``load``), refusing a wrong value with a ``FormatError`` that names where it is
(``actions[2].due: …``). Codecs know nothing of which field they serve: ``app.fields`` pairs
each field with its codec.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from app.diagrams.graph import graph_from_data, graph_to_data
from app.errors import FormatError
from app.timeutil import (
    format_date,
    format_datetime,
    parse_optional_date,
    parse_optional_datetime,
)

if TYPE_CHECKING:
    from app.fields import Field


class Codec:
    """Plain text by default: written as it is, read as text (``null`` reads as empty)."""

    #: the value holds a date or a date-time (their years are checked on import)
    dated = False
    #: the plain form is the value itself (``dump`` is then skipped when writing)
    plain = True

    def dump(self, value: Any) -> Any:
        return value

    def load(self, data: dict[str, Any], key: str, where: str) -> Any:
        return text(data, key, where)


class Text(Codec):
    """Text; ``fallback`` gives the value of a missing or empty one, ``missing`` that of a
    missing one only, and ``allowed`` closes the choice (``language``: en or fr)."""

    def __init__(
        self,
        fallback: Callable[[], str] | None = None,
        missing: str = "",
        allowed: tuple[str, ...] = (),
    ) -> None:
        self.fallback = fallback
        self.missing = missing
        self.allowed = allowed

    def load(self, data: dict[str, Any], key: str, where: str) -> str:
        value = text(data, key, where) if key in data else self.missing
        if not value and self.fallback is not None:
            value = self.fallback()
        if self.allowed and value not in self.allowed:
            raise FormatError(f"{where}: '{value}' is not supported ({' or '.join(self.allowed)}).")
        return value


class Texts(Codec):
    """A list of texts (reviewers, tags, bullet lists)."""

    plain = False

    def dump(self, value: list[str]) -> list[str]:
        return list(value)

    def load(self, data: dict[str, Any], key: str, where: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FormatError(f"{where}: expected a list of texts.")
        return list(value)


class Day(Codec):
    """A date (``2026-01-15``) or ``null``."""

    plain = False

    dated = True

    def dump(self, value: date | None) -> str | None:
        return format_date(value)

    def load(self, data: dict[str, Any], key: str, where: str) -> date | None:
        return parse_optional_date(data.get(key), where)


class Moment(Codec):
    """A date and time with its UTC offset, or ``null`` unless ``required`` says why not."""

    plain = False

    dated = True

    def __init__(self, required: str = "") -> None:
        self.required = required

    def dump(self, value: Any) -> str | None:
        return format_datetime(value)

    def load(self, data: dict[str, Any], key: str, where: str) -> Any:
        moment = parse_optional_datetime(data.get(key), where)
        if moment is None and self.required:
            raise FormatError(f"{where}: {self.required}")
        return moment


class Choice(Codec):
    """One word of a closed vocabulary; a missing key reads as ``default``."""

    plain = False

    def __init__(self, kind: type[StrEnum], default: str) -> None:
        self.kind = kind
        self.default = default

    def dump(self, value: StrEnum) -> str:
        return value.value

    def load(self, data: dict[str, Any], key: str, where: str) -> StrEnum:
        return choice(self.kind, data.get(key, self.default), where)


class OptionalChoice(Codec):
    """A word of a closed vocabulary or ``null`` ("not stated"); a missing key keeps the
    format's historical default."""

    plain = False

    def __init__(self, kind: type[StrEnum], missing: str | None = None) -> None:
        self.kind = kind
        self.missing = missing

    def dump(self, value: StrEnum | None) -> str | None:
        return value.value if value else None

    def load(self, data: dict[str, Any], key: str, where: str) -> StrEnum | None:
        value = data.get(key, self.missing)
        return None if value is None or value == "" else choice(self.kind, value, where)


class Whole(Codec):
    """A whole number within [low, high]; a missing one reads as ``low``."""

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.high = high

    def load(self, data: dict[str, Any], key: str, where: str) -> int:
        value = data.get(key, self.low)
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(f"{where}: expected a whole number, found {type(value).__name__}.")
        if not self.low <= value <= self.high:
            raise FormatError(f"{where}: {value} is out of range ({self.low} to {self.high}).")
        return value


class Number(Codec):
    """A number of seconds (a missing one reads as 0)."""

    def load(self, data: dict[str, Any], key: str, where: str) -> float:
        return float(data.get(key, 0.0))


class Flag(Codec):
    """``true`` or ``false`` (a missing one reads as false)."""

    def load(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise FormatError(f"{where}: expected true or false.")
        return value


class Diagram(Codec):
    """A 5 Whys or Ishikawa diagram in its plain form; a missing one is a new diagram."""

    plain = False

    def __init__(self, kind: str, empty: dict[str, Any]) -> None:
        self.kind = kind
        self.empty = empty

    def dump(self, value: Any) -> dict[str, Any]:
        return graph_to_data(value)

    def load(self, data: dict[str, Any], key: str, where: str) -> Any:
        return graph_from_data(data.get(key, self.empty), self.kind)


class Rows(Codec):
    """A list of rows of one dataclass (actions, timeline…), each described by its fields."""

    plain = False

    def __init__(self, row_type: type, fields: Sequence[Field]) -> None:
        self.row_type = row_type
        self.fields = tuple(fields)
        self.writer = Writer(self.fields)

    def dump(self, value: list[Any]) -> list[dict[str, Any]]:
        write = self.writer.write
        return [write(row) for row in value]

    def load(self, data: dict[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise FormatError(f"{where}: expected a list.")
        rows = []
        for index, raw in enumerate(value):
            place = f"{where}[{index}]"
            if not isinstance(raw, dict):
                raise FormatError(f"{place}: expected an object.")
            rows.append(self.row_type(**read_fields(raw, self.fields, place)))
        return rows


class Writer:
    """Writes items with the given fields: their plain form, key by key in the fields' order.

    Called for every row on every edit (the editor compares plain forms), so the plan is made
    once: which attribute, how to dump it (``None``: as it is), whether to leave it out empty.
    """

    def __init__(self, fields: Sequence[Field]) -> None:
        self.plan = [
            (field.name, None if field.codec.plain else field.codec.dump, field.omit_empty)
            for field in fields
        ]
        names = [field.name for field in fields]
        get = attrgetter(*names)
        self.values = get if len(names) > 1 else lambda item: (get(item),)

    def write(self, item: Any) -> dict[str, Any]:
        data: dict[str, Any] = {}
        # one value per step of the plan by construction: zip's strict check costs ~10 % here
        for (name, dump, omit_empty), value in zip(self.plan, self.values(item)):  # noqa: B905
            if omit_empty and not value:
                continue  # written only when present: older documents keep their exact bytes
            data[name] = value if dump is None else dump(value)
        return data


def read_fields(data: dict[str, Any], fields: Sequence[Field], where: str) -> dict[str, Any]:
    """Each field's value read from ``data``; ``where`` prefixes the field in messages."""
    prefix = f"{where}." if where else ""
    return {field.name: field.codec.load(data, field.name, prefix + field.name) for field in fields}


def text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(f"{where}: expected text, found {type(value).__name__}.")
    return value


def choice(kind: type[StrEnum], value: Any, where: str) -> StrEnum:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise FormatError(f"{where}: {value!r} is not one of {allowed}.") from None
