"""Turn user text into safe reportlab paragraph markup.

reportlab's ``Paragraph`` parses markup: unescaped user text can break the build (``<b>``
unbalanced), change the meaning (``R&D``) or load local files (``<img src=…>``). Every user
string goes through ``markup``: symbols mapped, escaped, symbol runs wrapped in the fallback
font, newlines turned into ``<br/>``. Very long unbroken tokens (log lines, URLs) are cut by the
styles' ``splitLongWords`` at the column width, so nothing is clipped and no character is added.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from app.report.fonts import REGULAR, SYMBOLS, map_symbols, split_runs
from app.visible_text import visible

#: right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, presentation forms)
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_RTL}]+(?:[ \u00a0]+[{_RTL}]+)*")

#: paragraphs are cut into pieces of about this size so huge texts lay out in linear time
CHUNK = 3000


def visual_order(text: str) -> str:
    """Reverse right-to-left runs so they read correctly inside left-to-right lines.

    reportlab draws characters in the order given; a PDF viewer (and text extraction) reads an
    RTL run right to left. This is the simple case of the bidi algorithm: an RTL phrase inside
    an LTR paragraph, one line at a time. Arabic letters keep their isolated forms.
    """
    if text.isascii():
        return text
    return _RTL_RUN.sub(lambda match: match.group(0)[::-1], text)


def markup(text: str, face: str = REGULAR) -> str:
    """Paragraph markup that prints ``text`` literally, with every glyph available."""
    mapped = visual_order(map_symbols(visible(text.replace("\r\n", "\n").replace("\r", "\n"))))
    parts: list[str] = []
    for run, symbol in split_runs(mapped, face):
        safe = escape(run)
        parts.append(f'<font name="{SYMBOLS}">{safe}</font>' if symbol else safe)
    return "".join(parts).replace("\n", "<br/>").replace("\t", "    ")


def chunks(text: str) -> list[str]:
    """Split a long text into paragraphs (blank lines) and pieces of about CHUNK characters."""
    pieces: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        paragraph = block
        while len(paragraph) > CHUNK:
            cut = paragraph.rfind(" ", CHUNK // 2, CHUNK)
            cut = cut if cut > 0 else CHUNK
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip(" ")
        if paragraph.strip():
            pieces.append(paragraph)
    return pieces
