"""The versioned JSON interchange format and the document's canonical content digest.

``document_to_json`` is deterministic (same document, same bytes), so export → import → export
is byte-identical. ``document_from_json`` validates everything and raises ``FormatError`` with
a message that names the offending field.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from app.document_ids import check_ids
from app.errors import FormatError, PostmortemError
from app.field_codecs import Writer, read_fields
from app.fields import DOCUMENT_FIELDS, dated_values
from app.model import Postmortem

FORMAT_VERSION = 1
MIN_YEAR, MAX_YEAR = 1900, 2999
FORMAT_NAME = "postmortem-studio"
_DOCUMENT = Writer(DOCUMENT_FIELDS)


def document_to_dict(doc: Postmortem) -> dict[str, Any]:
    """The document's plain form, field by field in the order of ``app.fields``."""
    return _DOCUMENT.write(doc)


def document_to_json(doc: Postmortem) -> str:
    envelope = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    envelope.update(document_to_dict(doc))
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


def document_from_json(text: str) -> Postmortem:
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"the file is not valid JSON (line {error.lineno}: {error.msg})."
        ) from None
    except RecursionError:
        raise FormatError("the JSON file is nested too deeply to be a postmortem.") from None
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise FormatError(f"the file is not valid JSON ({error}).") from None
    if not isinstance(data, dict):
        raise FormatError("the JSON file does not hold a postmortem object.")
    version = data.get("format_version")
    if version is None:
        raise FormatError(
            "the JSON file has no 'format_version': it is not a Postmortem Studio export."
        )
    if isinstance(version, bool) or version != FORMAT_VERSION:
        raise FormatError(
            f"format_version {version!r} is not supported (this version reads {FORMAT_VERSION}); "
            "update Postmortem Studio to import it."
        )
    _refuse_broken_text(data, "")
    doc = document_from_dict(data)
    check_ids(doc)
    _check_years(doc)
    return doc


def _check_years(doc: Postmortem) -> None:
    """Refuse dates outside years MIN_YEAR–MAX_YEAR: at the ends of Python's range (year 1,
    year 9999) a time cannot even be shown in another time zone."""
    for where, moment in dated_values(doc):
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise FormatError(
                f"{where}: the year {moment.year} is out of range ({MIN_YEAR} to {MAX_YEAR})."
            )


def _refuse_constant(name: str) -> Any:
    """JSON has no NaN or Infinity; Python's parser accepts them, the format does not."""
    raise FormatError(f"the file is not valid JSON ({name} is not a JSON number).")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise FormatError(f"the file is not valid JSON ({text} is too large a number).")
    return value


def _refuse_broken_text(value: Any, where: str) -> None:
    """Refuse text that cannot be written back as UTF-8 (a lone surrogate such as \\ud800).

    JSON escapes can spell such characters, but no file or database can store them, so they
    are refused on the way in rather than failing later on save or export. The walk is
    iterative: nesting depth in a file is the file author's choice, not ours.
    """
    pending: list[tuple[Any, str]] = [(value, where)]
    while pending:
        item, place = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as error:
                raise FormatError(
                    f"{place or 'the document'}: the text holds an invalid character "
                    f"(lone surrogate {item[error.start]!r}); fix the file's encoding."
                ) from None
        elif isinstance(item, dict):
            for key, inner in item.items():
                pending.append((key, place))
                pending.append((inner, f"{place}.{key}" if place else str(key)))
        elif isinstance(item, list):
            pending.extend((inner, f"{place}[{index}]") for index, inner in enumerate(item))


def document_from_dict(data: dict[str, Any]) -> Postmortem:
    """Build a document from its plain form; every problem is a ``FormatError`` naming the field."""
    try:
        return _build(data)
    except FormatError:
        raise
    except PostmortemError as error:
        raise FormatError(str(error)) from None
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as error:
        raise FormatError(f"the document is malformed ({error}).") from None


def _build(data: dict[str, Any]) -> Postmortem:
    return Postmortem(**read_fields(data, DOCUMENT_FIELDS, ""))


CONTENT_EXCLUDED_KEYS = ("signoffs", "status", "revision")


def canonical_content(doc: Postmortem) -> bytes:
    """What a signer approves: the whole document except its sign-offs and workflow state."""
    data = document_to_dict(doc)
    for key in CONTENT_EXCLUDED_KEYS:
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def content_digest(doc: Postmortem) -> str:
    """SHA-256 (hex) of the canonical content."""
    return hashlib.sha256(canonical_content(doc)).hexdigest()


def clone(doc: Postmortem) -> Postmortem:
    return document_from_dict(document_to_dict(doc))


__all__ = [
    "FORMAT_VERSION",
    "canonical_content",
    "clone",
    "content_digest",
    "document_from_dict",
    "document_from_json",
    "document_to_dict",
    "document_to_json",
]
