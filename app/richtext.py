"""Markdown kept in text fields → a neutral structure of blocks and styled spans.

Text fields hold light Markdown (pasted from an imported document or typed): bold, italics,
code spans, links, bullet and numbered lists, headings, fenced code. ``parse`` reads it once
(markdown-it-py, CommonMark, raw HTML off: ``<b>`` stays text) into ``Block``s of ``Span``s;
painters turn that into reportlab paragraphs (the PDF) or HTML (the app's document view).
Source line breaks inside a paragraph are soft: paragraphs reflow. Nothing here is markup yet:
every painter escapes the span texts itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from html import escape
from typing import Any, Literal

BlockKind = Literal["paragraph", "item", "heading", "code", "quote", "table"]
Row = tuple[tuple["Span", ...], ...]

#: link targets painted as links; anything else (javascript:, file:, relative) stays plain text
SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
#: a fence line written with escaped backticks (``\`\`\`python``): how a code block nested in
#: another code block is written in Markdown templates; once the outer block is gone (the
#: importer took its content out), it opens or closes a code block again
_ESCAPED_FENCE = re.compile(r"^ {0,3}(?:\\`){3,}[^`]*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
#: characters that can start Markdown syntax; text without any is one plain paragraph (fast)
_SYNTAX = re.compile(r"[*_`\[\]<>&#!\\~|]|^\s*(?:[-+]|\d+[.)])\s|\n\s*\n", re.MULTILINE)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece: a paragraph, a list item, a heading, a code block, a quote,
    a table.

    ``depth`` is the list nesting (0 outside lists); ``marker`` the item's bullet ("•") or
    number ("3."); ``code`` blocks keep their text verbatim in a single span; a ``table`` has
    no spans but ``rows`` of cells (the first row is the header).
    """

    kind: BlockKind
    spans: tuple[Span, ...]
    depth: int = 0
    marker: str = ""
    rows: tuple[Row, ...] = ()

    @property
    def text(self) -> str:
        if self.kind == "table":
            return "\n".join(" ".join(cell_text(cell) for cell in row) for row in self.rows)
        return "".join(span.text for span in self.spans)


def cell_text(cell: tuple[Span, ...]) -> str:
    return "".join(span.text for span in cell)


@functools.cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable(["image"])


def parse(text: str) -> list[Block]:
    """The blocks of ``text`` (empty text → no block)."""
    return list(_parse(text))


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[Block, ...]:
    """Cached: a report measures a cell's text and then paints it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ()
    if not _SYNTAX.search(text):
        return (Block("paragraph", (Span(" ".join(text.split())),)),)
    if "\\`" in text:
        text = _unescape_fences(text)
    return tuple(_blocks(_parser().parse(text)))


def _unescape_fences(text: str) -> str:
    """Escaped fence lines outside real code blocks made fences again, when they pair up (an
    odd one stays text); inside a real code block they are its text, kept as written."""
    lines = text.split("\n")
    escaped: list[int] = []
    open_fence = ""
    for index, line in enumerate(lines):
        real = _FENCE.match(line)
        if open_fence:
            if (
                real
                and real.group(2)[0] == open_fence[0]
                and len(real.group(2)) >= len(open_fence)
                and not real.group(3).strip()
            ):
                open_fence = ""
        elif real:
            open_fence = real.group(2)
        elif _ESCAPED_FENCE.match(line):
            escaped.append(index)
    if len(escaped) < 2 or len(escaped) % 2:
        return text
    for index in escaped:
        lines[index] = lines[index].replace("\\`", "`")
    return "\n".join(lines)


def plain(text: str) -> str:
    """The text a reader sees, without markup (for one-line summaries and search)."""
    return " ".join(block.text for block in parse(text)).strip()


def _blocks(tokens: list[Any]) -> list[Block]:
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
    pending_marker = ""
    quote = 0
    heading = False
    table: list[list[tuple[Span, ...]]] | None = None
    for token in tokens:
        kind = token.type
        if kind == "table_open":
            table = []
        elif kind == "table_close" and table is not None:
            rows = tuple(tuple(row) for row in table if row)
            blocks.append(Block("table", (), rows=rows))
            table = None
        elif kind == "tr_open" and table is not None:
            table.append([])
        elif kind == "inline" and table is not None:
            table[-1].append(tuple(_spans(token.children or [])))
        elif kind == "bullet_list_open":
            lists.append([])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            numbering = lists[-1] if lists else []
            if numbering:
                pending_marker = f"{numbering[0]}."
                numbering[0] += 1
            else:
                pending_marker = "•"
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", (Span(token.content.rstrip("\n"), code=True),)))
        elif kind == "hr":
            continue
        elif kind == "inline":
            spans = tuple(_spans(token.children or []))
            if not spans:
                continue
            if heading:
                blocks.append(Block("heading", spans))
            elif lists and pending_marker:
                blocks.append(Block("item", spans, depth=len(lists), marker=pending_marker))
                pending_marker = ""
            elif lists:
                blocks.append(Block("paragraph", spans, depth=len(lists)))
            else:
                blocks.append(Block("quote" if quote else "paragraph", spans))
    return blocks


def _spans(children: list[Any]) -> list[Span]:
    spans: list[Span] = []
    bold = italic = 0
    href = ""
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            target = str(child.attrs.get("href", ""))
            href = target if SAFE_LINK.match(target) else ""
        elif kind == "link_close":
            href = ""
        elif kind == "code_inline":
            spans.append(Span(child.content, code=True))
        elif kind == "softbreak":
            spans.append(Span(" "))
        elif kind == "hardbreak":
            spans.append(Span("\n"))
        elif child.content:
            spans.append(Span(child.content, bool(bold), bool(italic), href=href))
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    """Neighbouring spans of the same style as one (fewer font switches when painted)."""
    merged: list[Span] = []
    for span in spans:
        if merged and replace(merged[-1], text="") == replace(span, text=""):
            merged[-1] = replace(merged[-1], text=merged[-1].text + span.text)
        else:
            merged.append(span)
    return merged


# -- HTML (the app's document view) -------------------------------------------------------


def span_html(span: Span) -> str:
    html = escape(span.text).replace("\n", "<br/>")
    if span.code:
        html = f"<code>{html}</code>"
    if span.bold:
        html = f"<b>{html}</b>"
    if span.italic:
        html = f"<i>{html}</i>"
    if span.href:
        html = f'<a href="{escape(span.href)}">{html}</a>'
    return html


def inline_html(text: str) -> str:
    """HTML for a text field inside a table cell or list item: blocks joined by line breaks."""
    parts = []
    for block in parse(text):
        if block.kind == "code":
            parts.append(f"<code>{escape(block.text).replace(chr(10), '<br/>')}</code>")
        elif block.kind == "table":
            parts.append(escape(block.text).replace("\n", "<br/>"))
        else:
            marker = f"{escape(block.marker)} " if block.marker else ""
            parts.append(marker + "".join(span_html(span) for span in block.spans))
    return "<br/>".join(parts)


def to_html(text: str) -> str:
    """HTML for a text field: paragraphs, lists, headings and code, every text escaped."""
    parts: list[str] = []
    open_lists: list[str] = []

    def close_to(depth: int) -> None:
        while len(open_lists) > depth:
            parts.append(f"</{open_lists.pop()}>")

    for block in parse(text):
        inline = "".join(span_html(span) for span in block.spans)
        if block.kind == "item":
            tag = "ul" if block.marker == "•" else "ol"
            close_to(block.depth)
            while len(open_lists) < block.depth:
                open_lists.append(tag)
                start = "" if tag == "ul" else f' start="{block.marker.rstrip(".")}"'
                parts.append(f"<{tag}{start}>")
            parts.append(f"<li>{inline}</li>")
            continue
        close_to(block.depth)
        if block.kind == "table":
            parts.append(_table_html(block))
        elif block.kind == "code":
            parts.append(f"<pre>{escape(block.text)}</pre>")
        elif block.kind == "heading":
            parts.append(f"<p><b>{inline}</b></p>")
        elif block.kind == "quote":
            parts.append(f"<blockquote>{inline}</blockquote>")
        else:
            parts.append(f"<p>{inline}</p>")
    close_to(0)
    return "".join(parts)


def _table_html(block: Block) -> str:
    rows = []
    for index, row in enumerate(block.rows):
        tag = "th" if index == 0 else "td"
        cells = "".join(
            f"<{tag} align='left'>{''.join(span_html(s) for s in cell)}</{tag}>" for cell in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
        + "".join(rows)
        + "</table>"
    )
