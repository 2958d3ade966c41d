"""A small, forgiving Markdown block parser: just the blocks a postmortem is made of.

Headings, pipe tables (rows may have missing or extra cells), bullet / numbered / checkbox
lists with nesting and continuation lines, code fences, thematic breaks and paragraphs. Inline
markup is left as written: HTML is text, never interpreted. Every block remembers its source
lines so that what the importer does not recognise can be kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_ITEM = re.compile(r"^(\s*)([-*+•]|\d{1,9}[.)])\s+(.*)$")
_CHECKBOX = re.compile(r"^\[([ xX✓])\]\s*")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")


@dataclass
class Block:
    start: int
    end: int


@dataclass
class Heading(Block):
    level: int
    text: str


@dataclass
class Paragraph(Block):
    text: str


@dataclass
class Code(Block):
    info: str
    text: str


@dataclass
class Rule(Block):
    pass


@dataclass
class Table(Block):
    header: list[str]
    rows: list[list[str]]


@dataclass
class Item:
    depth: int
    ordered: bool
    number: int
    checked: bool | None
    text: str
    line: int


@dataclass
class ListBlock(Block):
    items: list[Item] = field(default_factory=list)


def split_row(line: str) -> list[str]:
    """Cells of a pipe-table row; ``\\|`` stays a literal bar inside a cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [cell.strip().replace("\\|", "|") for cell in cells]


def parse_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    total = len(lines)
    if lines and lines[0].strip() == "---":
        for end in range(1, min(total, 60)):
            if lines[end].strip() in ("---", "..."):
                blocks.append(Code(0, end + 1, "front-matter", "\n".join(lines[1:end])))
                index = end + 1
                break
    while index < total:
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            index = _read_fence(lines, index, fence, blocks)
            continue
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Heading(index, index + 1, len(heading.group(1)), heading.group(2)))
            index += 1
            continue
        if _RULE.match(line):
            blocks.append(Rule(index, index + 1))
            index += 1
            continue
        if "|" in stripped and index + 1 < total and _TABLE_SEPARATOR.match(lines[index + 1]):
            index = _read_table(lines, index, blocks)
            continue
        if _ITEM.match(line):
            index = _read_list(lines, index, blocks)
            continue
        index = _read_paragraph(lines, index, blocks)
    return blocks


def _read_fence(lines: list[str], start: int, fence: re.Match[str], blocks: list[Block]) -> int:
    marker = fence.group(2)
    indent = len(fence.group(1))
    body: list[str] = []
    index = start + 1
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith(marker[0] * len(marker)) and not stripped.strip(marker[0]):
            blocks.append(Code(start, index + 1, fence.group(3), "\n".join(body)))
            return index + 1
        body.append(_dedent(lines[index], indent))
        index += 1
    blocks.append(Code(start, index, fence.group(3), "\n".join(body)))
    return index


def _dedent(line: str, indent: int) -> str:
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, indent) :]


def _read_table(lines: list[str], start: int, blocks: list[Block]) -> int:
    header = split_row(lines[start])
    rows: list[list[str]] = []
    index = start + 2
    while index < len(lines) and "|" in lines[index] and lines[index].strip():
        rows.append(split_row(lines[index]))
        index += 1
    blocks.append(Table(start, index, header, rows))
    return index


def _read_list(lines: list[str], start: int, blocks: list[Block]) -> int:
    block = ListBlock(start, start)
    indents: list[int] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            following = _next_non_blank(lines, index)
            if following is None:
                break
            nxt = lines[following]
            if _ITEM.match(nxt) or (nxt.startswith(" ") and block.items):
                index = following
                continue
            break
        item = _ITEM.match(line)
        if item:
            indent = len(item.group(1).expandtabs(4))
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                if not indents or indent >= indents[-1] + 2:
                    indents.append(indent)
                else:
                    indents[-1] = indent
            marker, rest = item.group(2), item.group(3)
            checked: bool | None = None
            box = _CHECKBOX.match(rest)
            if box:
                checked = box.group(1) != " "
                rest = rest[box.end() :]
            ordered = marker[0].isdigit()
            block.items.append(
                Item(
                    len(indents) - 1,
                    ordered,
                    int(marker[:-1]) if ordered else 0,
                    checked,
                    rest.strip(),
                    index,
                )
            )
            index += 1
            continue
        if _FENCE.match(line) or _HEADING.match(line) or _RULE.match(line):
            break
        if not block.items or (not line.startswith(" ") and not block.items[-1].text):
            break
        last = block.items[-1]
        last.text = f"{last.text}\n{line.strip()}" if last.text else line.strip()
        index += 1
    block.end = index
    blocks.append(block)
    return index


def _next_non_blank(lines: list[str], index: int) -> int | None:
    while index < len(lines):
        if lines[index].strip():
            return index
        index += 1
    return None


def _read_paragraph(lines: list[str], start: int, blocks: list[Block]) -> int:
    body: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        if index > start and (
            _HEADING.match(line) or _FENCE.match(line) or _ITEM.match(line) or _RULE.match(line)
        ):
            break
        if index > start and _SETEXT.match(line) and line.strip()[0] == "=":
            blocks.append(Heading(start, index + 1, 1, " ".join(body)))
            return index + 1
        body.append(line.strip())
        index += 1
    blocks.append(Paragraph(start, index, "\n".join(body)))
    return index
