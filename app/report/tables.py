"""Table columns sized to their content, and long tokens broken only where a reader expects.

Widths follow the automatic table layout of web browsers: each column has a minimum (its
widest word, so no word is ever cut) and a natural width (its longest line); when the natural
widths fit they are used (spare room shared in proportion), otherwise each column gets its
minimum plus a share of the remaining room in proportion to how much more it wants. A token
wider than its column (a URL, a log line) is broken after a slash, dot, underscore or hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.report.fonts import BOLD, REGULAR

#: a column never takes more than this share of the frame for its widest word
MAX_WORD_SHARE = 0.45
#: no glyph of the bundled text faces is wider than this many ems (a quick "fits" test)
WIDEST_GLYPH = 2.02
#: a value column keeps a header this short on one line ("Time (UTC)")
SHORT_HEADER = 16
#: where a long token may break: after one of these characters
_BREAK_AFTER = re.compile(r"(?<=[/._\-])")


@dataclass(frozen=True)
class Cell:
    """A table cell: Markdown text (``literal`` when it is a value such as a time or an id)."""

    text: str
    style: str = "cell"
    colour: str = ""
    literal: bool = False


def _width(text: str, face: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, face, size))


def measure(
    texts: Sequence[str], header: str, size: float, *, nowrap: bool = False
) -> tuple[float, float]:
    """(minimum, natural) width of a column's text, padding excluded; a ``nowrap`` column's
    values (times, statuses, dates) are never wrapped: its minimum is its longest line."""
    low = max((_width(word, BOLD, size) for word in header.split()), default=0.0)
    high = _width(header, BOLD, size)
    widths: dict[str, float] = {}
    for text in texts:
        for line in text.split("\n"):
            if not line:
                continue
            high = max(high, _width(line, REGULAR, size))
            for word in line.split():
                if word not in widths:
                    widths[word] = _width(word, REGULAR, size)
    if widths:
        low = max(low, *widths.values())
    if nowrap:
        lines = [line for text in texts for line in text.split("\n")]
        longest = max((_width(line, BOLD, size) for line in lines), default=0.0)
        header_width = _width(header, BOLD, size) if len(header) <= SHORT_HEADER else 0.0
        low = max(low, longest, header_width)
    return low, max(high, low)


def column_widths(
    columns: Sequence[Sequence[str]],
    headers: Sequence[str],
    total: float,
    size: float,
    *,
    padding: float,
    nowrap: Sequence[bool] = (),
) -> list[float]:
    """Widths (points, padding included) for columns of plain text filling ``total``."""
    cap = total * MAX_WORD_SHARE
    lows: list[float] = []
    highs: list[float] = []
    for index, (texts, header) in enumerate(zip(columns, headers, strict=True)):
        fixed = index < len(nowrap) and nowrap[index]
        low, high = measure(texts, header, size, nowrap=fixed)
        lows.append(min(low, cap) + padding)
        highs.append(min(high, total) + padding)
    if sum(highs) <= total:
        spare = total - sum(highs)
        return [high + spare * high / sum(highs) for high in highs]
    if sum(lows) >= total:
        return [total * low / sum(lows) for low in lows]
    room = total - sum(lows)
    wants = [high - low for low, high in zip(lows, highs, strict=True)]
    return [low + room * want / sum(wants) for low, want in zip(lows, wants, strict=True)]


def break_long_tokens(
    text: str, face: str, size: float, width: float, *, newline: str = "\n"
) -> str:
    """``text`` with every token wider than ``width`` broken (``newline``) after / . _ -."""
    longest = max(map(len, text.split()), default=0)
    if longest * size * WIDEST_GLYPH <= width or _width(text, face, size) <= width:
        return text
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if _width(word, face, size) <= width:
                words.append(word)
                continue
            pieces = [piece for piece in _BREAK_AFTER.split(word) if piece]
            current = ""
            broken = []
            for piece in pieces:
                if current and _width(current + piece, face, size) > width:
                    broken.append(current)
                    current = piece
                else:
                    current += piece
            broken.append(current)
            words.append(newline.join(broken))
        lines.append(" ".join(words))
    return "\n".join(lines)
