"""One text measure for every painter, so the canvas, the PNG/SVG and the PDF wrap alike.

Widths come from the bundled TTF files (``resources/fonts``) read once through reportlab's
TrueType parser, lazily (it costs ≈ 25 ms per face) and cached. Characters DejaVu lacks
(emoji, some symbols) are measured with Symbola, the fallback the screen and the PDF also use.
Painters never re-wrap: they draw the lines computed here, one by one, at the positions the
layout gives.
"""

from __future__ import annotations

import functools
import unicodedata

from app.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "Symbola"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", FALLBACK: "Symbola.ttf"}
#: the family name Qt and SVG viewers know the bundled fonts by
FAMILY = "DejaVu Sans"
ELLIPSIS = "…"

#: ascent and descent of DejaVu Sans, in units of the font size (from the TTF's hhea table)
ASCENT = 0.76
DESCENT = 0.24
LINE_HEIGHT = 1.22


@functools.cache
def _widths(face: str) -> tuple[dict[int, float], float]:
    """Advance widths in 1/1000 em by code point, and the face's default width."""
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(face, str(resource("fonts", FONT_FILES[face])))
    return dict(font.face.charWidths), float(font.face.defaultWidth)


def _char_width(char: str, face: str) -> float:
    widths, default = _widths(face)
    code = ord(char)
    found = widths.get(code)
    if found is not None:
        return found
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0  # combining marks, joiners, direction marks take no room
    fallback, _ = _widths(FALLBACK)
    return fallback.get(code, default)


@functools.lru_cache(maxsize=65536)
def _word_width(word: str, bold: bool) -> float:
    face = BOLD if bold else REGULAR
    return sum(_char_width(char, face) for char in word) / 1000.0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` on one line at ``size`` points."""
    words = text.split(" ")
    total = sum(_word_width(word, bold) for word in words)
    return (total + (len(words) - 1) * _word_width(" ", bold)) * size


@functools.lru_cache(maxsize=8192)
def wrap(
    text: str, width: float, size: float, *, bold: bool = False, max_lines: int = 0
) -> tuple[tuple[str, ...], bool]:
    """Break ``text`` into lines no wider than ``width``; ``(lines, elided)``.

    Words longer than a line are cut between characters. With ``max_lines`` the last kept line
    ends with an ellipsis when text was dropped, and ``elided`` is True (the caller keeps the full
    text for a tooltip). Explicit newlines start new lines; an empty text gives one empty line.
    """
    lines: list[str] = []
    space = _word_width(" ", bold) * size
    for paragraph in _clean(text).split("\n"):
        current = ""
        current_width = 0.0
        for word in (part for part in paragraph.split(" ") if part):
            word_width = _word_width(word, bold) * size
            if current and current_width + space + word_width <= width:
                current += " " + word
                current_width += space + word_width
                continue
            if current:
                lines.append(current)
            if word_width <= width:
                current, current_width = word, word_width
                continue
            pieces = _cut(word, width, size, bold)
            lines.extend(pieces[:-1])
            current = pieces[-1]
            current_width = _word_width(current, bold) * size
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = _with_ellipsis(kept[-1], width, size, bold)
        return tuple(kept), True
    return tuple(lines), False


def _clean(text: str) -> str:
    """Tabs and odd spaces become spaces; control characters are dropped."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return "".join(
        char for char in text if char == "\n" or unicodedata.category(char) not in ("Cc",)
    ).replace("\u00a0", " ")


def _cut(word: str, width: float, size: float, bold: bool) -> list[str]:
    face = BOLD if bold else REGULAR
    pieces: list[str] = []
    current = ""
    current_width = 0.0
    for char in word:
        char_width = _char_width(char, face) * size / 1000.0
        if current and current_width + char_width > width:
            pieces.append(current)
            current, current_width = "", 0.0
        current += char
        current_width += char_width
    pieces.append(current)
    return pieces


def _with_ellipsis(line: str, width: float, size: float, bold: bool) -> str:
    room = width - text_width(ELLIPSIS, size, bold)
    line = line.rstrip()
    while line and text_width(line, size, bold) > room:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
