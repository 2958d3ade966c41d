"""Turn user text into safe reportlab paragraph markup.

reportlab's ``Paragraph`` parses markup: unescaped user text can break the build (``<b>``
unbalanced), change the meaning (``R&D``) or load local files (``<img src=…>``). Every user
string goes through ``markup`` (literal text) or ``app.report.rich`` (Markdown fields): symbols
mapped, escaped, fallback-font runs wrapped in ``<font>``, newlines turned into ``<br/>``. Very
long unbroken tokens (log lines, URLs) are cut by the styles' ``splitLongWords`` at the column
width, so nothing is clipped and no character is added.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from app.report.fonts import REGULAR, map_symbols, split_runs

#: paragraphs are cut into pieces of about this size so huge texts lay out in linear time
CHUNK = 3000


def runs_markup(runs: list[tuple[str, str]], face: str) -> str:
    """Escaped font runs; runs in a fallback face are wrapped in a ``<font>`` tag."""
    return "".join(
        escape(run) if run_face == face else f'<font name="{run_face}">{escape(run)}</font>'
        for run, run_face in runs
    )


def markup(text: str, face: str = REGULAR) -> str:
    """Paragraph markup that prints ``text`` literally, with every glyph available."""
    mapped = map_symbols(text.replace("\r\n", "\n").replace("\r", "\n"))
    return runs_markup(split_runs(mapped, face), face).replace("\n", "<br/>").replace("\t", "    ")


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
