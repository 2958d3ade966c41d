"""Small readers shared by the section handlers: table columns by header word, list items,
links, horizons and the status hidden in another cell.
"""

from __future__ import annotations

import re
from datetime import tzinfo

from app.markdown import sections as S
from app.markdown.dates import zone_named
from app.markdown.fields import split_names, strip_inline
from app.markdown.parse import Block, Item, ListBlock, Paragraph
from app.markdown.sections import fold
from app.vocabulary import Horizon

LEADING_SYMBOLS = re.compile(r"^(?:[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d✓✗]+\s*)+")
LINK_ITEM = re.compile(r"^!?\[(?P<title>[^\]]*)\]\((?P<url>[^)\s]*)\)\s*$")
BOX_DRAWING = re.compile(r"[\u2500-\u257f\u25b2-\u25bc]{2,}|[│┌└├▼►]")
AUTOLINK = re.compile(r"^<(?P<url>[^>\s]+)>$")
HORIZONS = (
    (Horizon.IMMEDIATE, ("immediat", "immediate", "meme jour", "same day", "now")),
    (Horizon.SHORT, ("court terme", "short term", "1 semaine", "1 week", "short")),
    (Horizon.MEDIUM, ("moyen terme", "medium term", "1 mois", "1 month", "medium")),
    (Horizon.LONG, ("long terme", "long term", "long")),
)


def status_in_cells(row: list[str]) -> tuple[list[str], str]:
    """Google's template writes ``Bug 5554825 **DONE**``: the status hides in another cell."""
    for index, value in enumerate(row):
        match = re.search(r"\*\*(DONE|TODO|TO DO|IN PROGRESS|WIP|FAIT|EN COURS)\*\*", value, re.I)
        if match:
            row[index] = (value[: match.start()] + value[match.end() :]).strip()
            return row, match.group(1)
    return row, ""


def inherits(parent: str | None, kind: str | None) -> bool:
    """Whether a sub-heading stays in its parent's section (annex titles, fishbone categories…)."""
    if kind is None or kind == parent:
        return True
    if parent in (S.FISHBONE, S.ANNEXES, S.PARTICIPANTS):
        return True
    if parent == S.TIMELINE and kind == S.NARRATIVE:  # "### Response" inside a timeline
        return True
    return parent == S.LESSONS and kind not in (S.WENT_WELL, S.WENT_WRONG, S.LUCKY)


def person_names(text: str) -> list[str]:
    if "," in text or ";" in text:
        return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    return split_names(text)


def column_indexes(
    header: list[str], names: dict[str, tuple[str, ...]], defaults: tuple[str, ...]
) -> dict[str, int]:
    """Column index of each known field, by header word; unknown headers fall back to order."""
    found: dict[str, int] = {}
    folded = [fold(strip_inline(cell)) for cell in header]
    for index, cell in enumerate(folded):
        for name, words in names.items():
            if name in found:
                continue
            if cell in words or any(cell.startswith(word + " ") for word in words if len(word) > 2):
                found[name] = index
                break
    if not found:
        return {name: index for index, name in enumerate(defaults) if index < len(header)}
    return found


def zone_in_heading(text: str) -> tzinfo | None:
    match = re.search(r"\((UTC|GMT|Z|[+-]\d{2}:?\d{2}|UTC\s*[+-]\d{1,2})\)", text)
    return zone_named(match.group(1)) if match else None


def why_words(block: ListBlock) -> bool:
    return any(re.search(r"(?i)pourquoi|why", item.text) for item in block.items if item.depth == 0)


def clean_item(text: str) -> str:
    """A list item as one line of Markdown: leading emoji dropped, emphasis and code kept."""
    return LEADING_SYMBOLS.sub("", " ".join(text.split("\n"))).strip()


def joined_items(items: list[Item]) -> list[str]:
    """Top-level items; nested items are folded into their parent after a colon."""
    result: list[str] = []
    nested: list[str] = []
    for item in items:
        if item.depth == 0:
            if result and nested:
                result[-1] = f"{result[-1]} : {' ; '.join(nested)}"
            nested = []
            result.append(clean_item(item.text))
        else:
            nested.append(clean_item(item.text))
    if result and nested:
        result[-1] = f"{result[-1]} : {' ; '.join(nested)}"
    return [text for text in result if text]


def horizon_of(text: str) -> Horizon | None:
    folded = fold(text)
    for horizon, words in HORIZONS:
        if any(word in folded for word in words):
            return horizon
    return None


def link_items(blocks: list[Block]) -> list[tuple[str, str]] | None:
    found: list[tuple[str, str]] = []
    for block in blocks:
        texts = (
            [item.text for item in block.items]
            if isinstance(block, ListBlock)
            else block.text.split("\n")
            if isinstance(block, Paragraph)
            else None
        )
        if texts is None:
            return None
        for text in texts:
            match = LINK_ITEM.match(text.strip())
            if match is None:
                return None
            found.append((match["title"], match["url"]))
    return found or None
