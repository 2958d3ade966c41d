"""Markdown text (summary, root cause, narrative sections) → reportlab paragraph markup.

Imported prose is stored as Markdown. This prints it rendered, never raw: ``**bold**``,
``*italics*``, ``code`` spans in the monospace face, ``[links](url)`` as their words and address,
``- item`` lines as bullets and fenced blocks as monospace text with their spaces kept. Every
piece of user text still goes through ``markup`` (escaped, symbols mapped), and tags are only
ever emitted in balanced pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.report.fonts import MONO
from app.report.text_safety import markup

_INLINE = re.compile(
    r"(?P<tick>`+)(?P<code>.+?)(?P=tick)"
    r"|\*\*(?P<strong>.+?)\*\*|__(?P<strong2>.+?)__"
    r"|(?<![\w*\\])\*(?!\s)(?P<em>[^*]+?)(?<!\s)\*(?![\w*])"
    r"|(?<![\w\\])_(?!\s)(?P<em2>[^_]+?)(?<!\s)_(?!\w)"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")


@dataclass(frozen=True)
class Piece:
    """One printable block: ``kind`` is ``text``, ``bullet`` or ``code``; ``markup`` is ready.

    A sub-heading inside the text is a ``text`` piece in bold."""

    kind: str
    markup: str


def inline(text: str) -> str:
    """Paragraph markup for one run of Markdown text (no recursion: emphasis is one level)."""
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(markup(text[position : match.start()]))
        if match["code"] is not None:
            out.append(f'<font name="{MONO}">{markup(match["code"], MONO)}</font>')
        elif match["strong"] is not None or match["strong2"] is not None:
            out.append(f"<b>{_flat(match['strong'] or match['strong2'])}</b>")
        elif match["em"] is not None or match["em2"] is not None:
            out.append(f"<i>{_flat(match['em'] or match['em2'])}</i>")
        else:
            out.append(f"{_flat(match['label'])} ({markup(match['url'])})")
        position = match.end()
    out.append(markup(text[position:]))
    return "".join(out)


def _flat(text: str) -> str:
    """Inside emphasis: code spans in monospace, the other markers dropped."""
    parts = re.split(r"(`+[^`]+?`+)", text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f'<font name="{MONO}">{markup(part.strip("`"), MONO)}</font>')
        else:
            out.append(markup(re.sub(r"(\*\*|__|(?<!\w)[*_]|[*_](?!\w))", "", part)))
    return "".join(out)


def pieces(text: str) -> list[Piece]:
    """The blocks of a Markdown text, each as markup, in order."""
    result: list[Piece] = []
    lines = text.replace("\r\n", "\n").split("\n")
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            result.append(Piece("text", inline(" ".join(line.strip() for line in paragraph))))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            flush()
            body: list[str] = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith(fence.group(1)):
                body.append(lines[index])
                index += 1
            index += 1
            code = markup("\n".join(body), MONO).replace(" ", "&nbsp;")
            result.append(Piece("code", code))
            continue
        bullet = _BULLET.match(line)
        heading = _HEADING.match(line)
        if heading:
            flush()
            result.append(Piece("text", f"<b>{_flat(heading['text'])}</b>"))
        elif bullet:
            flush()
            result.append(Piece("bullet", inline(line[bullet.end() :].strip())))
        elif not line.strip():
            flush()
        elif result and result[-1].kind == "bullet" and line.startswith((" ", "\t")):
            last = result.pop()
            result.append(Piece("bullet", f"{last.markup} {inline(line.strip())}"))
        else:
            paragraph.append(line)
        index += 1
    flush()
    return result


__all__ = ["Piece", "inline", "pieces"]
