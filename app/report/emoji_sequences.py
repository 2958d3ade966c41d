"""Emoji joined by zero-width joiners (👩‍💻, 🏳️‍🌈) drawn as the one glyph the emoji font has.

reportlab maps one character to one glyph and applies no OpenType substitutions, so a ZWJ
sequence would print as its parts (👩 💻). Noto Emoji names every sequence's glyph in its GSUB
ligature lookups; ``install`` reads them (no font library needed: the tables are a few
fixed-size records) and gives each sequence a private code point that reportlab draws with that
glyph. The PDF's ToUnicode map (``fonts``) turns the code back into the whole sequence, so
copying the text gives 👩‍💻 again. A sequence the font lacks still prints as its parts.

Codes from ``FIRST_CODE`` on are reserved for this: a user's own character there is never
drawn as an emoji (``fonts.map_symbols`` replaces it first).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from typing import Any

ZWJ = "\u200d"
#: the first private code point (plane 16) standing for a sequence's glyph
FIRST_CODE = 0x10F000
LAST_CODE = 0x10FFFD
#: GSUB lookup types: a ligature substitution, and the extension wrapping any type
LIGATURE = 4
EXTENSION = 7


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">H", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">I", data, offset)[0])


def _coverage(data: bytes, offset: int) -> list[int]:
    """The glyph ids a Coverage table lists, in coverage-index order."""
    kind, count = _u16(data, offset), _u16(data, offset + 2)
    if kind == 1:
        return [_u16(data, offset + 4 + 2 * index) for index in range(count)]
    glyphs: list[int] = []
    for index in range(count):
        record = offset + 4 + 6 * index
        glyphs.extend(range(_u16(data, record), _u16(data, record + 2) + 1))
    return glyphs


def _ligature_subtables(data: bytes, gsub: int) -> Iterator[int]:
    """Offsets of every ligature-substitution subtable (extensions unwrapped)."""
    lookups = gsub + _u16(data, gsub + 8)
    for index in range(_u16(data, lookups)):
        lookup = lookups + _u16(data, lookups + 2 + 2 * index)
        kind = _u16(data, lookup)
        for sub in range(_u16(data, lookup + 4)):
            table = lookup + _u16(data, lookup + 6 + 2 * sub)
            if kind == EXTENSION and _u16(data, table + 2) == LIGATURE:
                yield table + _u32(data, table + 4)
            elif kind == LIGATURE:
                yield table


def ligatures(data: bytes, gsub: int) -> Iterator[tuple[tuple[int, ...], int]]:
    """(component glyph ids, ligature glyph id) for every ligature of a font's GSUB table."""
    for table in _ligature_subtables(data, gsub):
        if _u16(data, table) != 1:
            continue
        firsts = _coverage(data, table + _u16(data, table + 2))
        for index, first in enumerate(firsts[: _u16(data, table + 4)]):
            ligature_set = table + _u16(data, table + 6 + 2 * index)
            for number in range(_u16(data, ligature_set)):
                ligature = ligature_set + _u16(data, ligature_set + 2 + 2 * number)
                glyph, count = _u16(data, ligature), _u16(data, ligature + 2)
                rest = tuple(_u16(data, ligature + 4 + 2 * k) for k in range(count - 1))
                yield (first, *rest), glyph


def install(face: Any) -> dict[str, int]:
    """Give each ZWJ sequence of a registered reportlab font face its own code point, drawn
    with the sequence's glyph; returns sequence → code (variation selectors left out)."""
    if "GSUB" not in face.table:
        return {}
    characters: dict[int, str] = {}
    for code, glyph in face.charToGlyph.items():
        characters.setdefault(glyph, chr(code))
    gsub, _ = face.get_table_pos("GSUB")
    sequences: dict[str, int] = {}
    code = FIRST_CODE
    for components, glyph in ligatures(face._ttf_data, gsub):
        chars = [characters.get(part, "") for part in components]
        text = "".join(chars).replace("\ufe0f", "")
        if "" in chars or ZWJ not in text or text in sequences or code > LAST_CODE:
            continue
        face.charToGlyph[code] = glyph
        face.charWidths[code] = face.charWidths.get(ord(text[0]), face.defaultWidth)
        sequences[text] = code
        code += 1
    return sequences


#: characters joined by zero-width joiners (modifiers and selectors already dropped)
_JOINED = re.compile("[^\\s\u200d](?:\u200d[^\\s\u200d])+")


def join(text: str, sequences: dict[str, int]) -> str:
    """Every ZWJ sequence of ``sequences`` in ``text`` replaced by its code, longest first (a
    family of four before a couple); joiners left over stay for the caller to drop."""

    def longest(match: re.Match[str]) -> str:
        parts = match.group(0).split(ZWJ)
        out: list[str] = []
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):
                code = sequences.get(ZWJ.join(parts[start:end])) if end - start > 1 else None
                if code is not None:
                    out.append(chr(code))
                    start = end
                    break
            else:
                out.append(parts[start])
                start += 1
        return ZWJ.join(out)

    return _JOINED.sub(longest, text)
