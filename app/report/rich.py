"""Rich text (``app.richtext`` blocks) painted as reportlab flowables and paragraph markup.

Every span is escaped (reportlab parses markup: see ``text_safety``), mapped to printable
symbols and split into font runs; bold, italics, code spans (monospace) and safe links become
reportlab tags. Paragraphs holding right-to-left text become ``BidiParagraph``s (plain text,
shaped, reordered per line). Very long paragraphs are cut into pieces so layout stays linear.
"""

from __future__ import annotations

from typing import Any

from app.report.fonts import BOLD, ITALIC, MONO, REGULAR, map_symbols, split_runs
from app.report.scripts import bidi_paragraph, has_rtl
from app.report.text_safety import CHUNK, runs_markup
from app.richtext import Block, Span, parse

LINK = "#1f3d73"


def span_markup(span: Span, base: str = REGULAR) -> str:
    face = span_face(span, base)
    text = map_symbols(span.text).replace("\t", "    ").replace("\u2028", "\n")
    if span.code:
        text = text.replace("  ", "\u00a0 ")
    html = runs_markup(split_runs(text, face), face).replace("\n", "<br/>")
    if span.code:
        html = f'<font name="{MONO}">{html}</font>'
    else:
        html = f"<b>{html}</b>" if span.bold else html
        html = f"<i>{html}</i>" if span.italic else html
    if span.href:
        href = span.href.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        html = f'<a href="{href}" color="{LINK}"><u>{html}</u></a>'
    return html


def span_face(span: Span, base: str = REGULAR) -> str:
    """The face a span is drawn in (bold italics draws bold: the family has no bold oblique)."""
    return MONO if span.code else BOLD if span.bold else ITALIC if span.italic else base


def face_runs(spans: tuple[Span, ...], base: str = REGULAR) -> list[tuple[str, str]]:
    """Spans as (text, face) runs, for paragraphs drawn character by character (RTL)."""
    return [(span.text, span_face(span, base)) for span in spans]


def text_runs(text: str, base: str = REGULAR) -> list[tuple[str, str]]:
    """A whole text field as (text, face) runs on one line (table cells, bullet items)."""
    runs: list[tuple[str, str]] = []
    for block in parse(text):
        if runs:
            runs.append((" ", base))
        if block.kind == "item":
            runs.append((f"{block.marker} ", base))
        if block.kind == "table":
            runs.append((block.text, base))
        else:
            runs.extend(face_runs(block.spans, BOLD if block.kind == "heading" else base))
    return runs


def spans_markup(spans: tuple[Span, ...], base: str = REGULAR) -> str:
    return "".join(span_markup(span, base) for span in spans)


def inline_markup(text: str, base: str = REGULAR) -> str:
    """One paragraph's markup for a whole text field (table cells, bullet items)."""
    parts: list[str] = []
    for block in parse(text):
        body = spans_markup(block.spans, base)
        if block.kind == "item":
            body = "\u00a0\u00a0" * (block.depth - 1) + f"{block.marker}\u00a0{body}"
        elif block.kind == "heading":
            body = f"<b>{body}</b>"
        elif block.kind == "code":
            body = f'<font name="{MONO}">{body}</font>'
        elif block.kind == "table":
            body = "<br/>".join(
                " · ".join(spans_markup(cell, base) for cell in row) for row in block.rows
            )
        parts.append(body)
    return "<br/>".join(parts)


def plain_text(text: str) -> str:
    """The visible text of a field, blocks on their own lines (for measuring and RTL)."""
    lines = []
    for block in parse(text):
        prefix = f"{block.marker} " if block.kind == "item" else ""
        lines.append(prefix + block.text.replace("\n", " · " if block.kind == "table" else "\n"))
    return "\n".join(lines)


def flowables(text: str, styles: Any, style: str = "body", width: float = 480.0) -> list[Any]:
    """The flowables of a text field: paragraphs, list items, headings, code blocks."""
    from reportlab.platypus import Paragraph

    flow: list[Any] = []
    base = styles[style]
    for block in parse(text):
        if block.kind == "table":
            flow.append(_table(block, styles, width))
            continue
        for piece in _pieces(block):
            if piece.kind == "code":
                flow.append(Paragraph(spans_markup(piece.spans), styles["mono"]))
                continue
            chosen = base
            bullet = ""
            if piece.kind == "heading":
                chosen = styles["h3"]
            elif piece.kind == "quote":
                chosen = styles["quote"]
            elif piece.kind == "item" or piece.depth:
                indent = 14.0 * max(piece.depth, 1)
                chosen = base.clone(
                    f"{style}_item{piece.depth}",
                    leftIndent=indent,
                    bulletIndent=indent - 11,
                    spaceAfter=2,
                )
                bullet = piece.marker
            if has_rtl(piece.text):
                runs = face_runs(piece.spans, BOLD if piece.kind == "heading" else REGULAR)
                flow.append(bidi_paragraph(runs, chosen, bullet))
            elif bullet:
                flow.append(Paragraph(spans_markup(piece.spans), chosen, bulletText=bullet))
            else:
                flow.append(Paragraph(spans_markup(piece.spans), chosen))
    return flow


def _pieces(block: Block) -> list[Block]:
    """A block cut into pieces of about CHUNK characters (at spaces) for linear layout."""
    if len(block.text) <= CHUNK or block.kind == "code":
        return [block]
    pieces: list[Block] = []
    current: list[Span] = []
    size = 0
    for span in block.spans:
        text = span.text
        while size + len(text) > CHUNK:
            room = CHUNK - size
            cut = text.rfind(" ", room // 2, room) if room > 0 else -1
            if cut <= 0:
                cut = max(room, 1)
            current.append(Span(text[:cut], span.bold, span.italic, span.code, span.href))
            pieces.append(Block(block.kind, tuple(current), block.depth, block.marker))
            current, size = [], 0
            text = text[cut:].lstrip(" ")
            block = Block(block.kind, (), block.depth, "")
        if text:
            current.append(Span(text, span.bold, span.italic, span.code, span.href))
            size += len(text)
    if current:
        pieces.append(Block(block.kind, tuple(current), block.depth, block.marker))
    return pieces


def _table(block: Block, styles: Any, width: float) -> Any:
    """A Markdown table: columns sized to their text, header row repeated."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    from app.report.styles import ACCENT, HEADER_FILL, RULE
    from app.report.tables import column_widths
    from app.richtext import cell_text

    columns = max(len(row) for row in block.rows)
    rows = [list(row) + [()] * (columns - len(row)) for row in block.rows]
    texts = [[cell_text(row[i]) for row in rows[1:]] for i in range(columns)]
    headers = [cell_text(cell) for cell in rows[0]]
    size = styles["cell"].fontSize
    widths = column_widths(texts, headers, width, size, padding=9.0)
    data = [
        [
            Paragraph(spans_markup(cell), styles["cell_head" if index == 0 else "cell"])
            for cell in row
        ]
        for index, row in enumerate(rows)
    ]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, HexColor(ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table
