"""Diagram geometry as plain data: what every painter (Qt canvas, PNG, SVG, PDF) draws.

Units are points (1/72 inch); the origin is the top-left corner and y grows downwards. A
``Layout`` is complete: a painter needs nothing else — no graph, no font measuring, no theme
look-up beyond the colours, fonts and line widths stored here.

How to paint a layout (every painter does exactly this, in this order):

1. fill the page ``(0, 0, layout.width, layout.height)`` with ``layout.background``;
2. for each ``Connector``: a polyline through ``points`` with ``colour`` and ``line_width``;
   when ``arrow`` is True, a filled triangular head at the last point, ``ARROW_SIZE`` long,
   pointing along the last segment;
3. for each ``Box``: a rectangle ``(x, y, w, h)`` with corner radius ``radius``, filled with
   ``fill`` and stroked with ``border`` at ``border_width`` (root causes get a thicker border
   and a dashed one when their flag is raised — ``dashed``);
   if ``badge`` is not empty, a strip ``(x, y, w, badge_height)`` filled with ``badge_fill`` and
   the badge text drawn like a ``TextLine``;
   then every ``TextLine`` of ``lines``: ``text`` at ``(x + line.dx, y + line.baseline)``
   (baseline position), in ``line.font`` (a key of ``FONTS``) at ``line.size`` points, in
   ``line.colour``. Never re-wrap: the lines were measured with the bundled fonts
   (``text_metrics``) so every painter shows the same lines;
4. for each ``Label``: like a ``TextLine``, at absolute coordinates.

``Box.full_text`` is the complete, unelided text (for tooltips and accessible names);
``Box.elided`` says the lines were shortened with an ellipsis.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from app.diagrams.text_metrics import BOLD, FAMILY, REGULAR
from app.visible_text import visible

#: font keys used by ``TextLine.font`` → (family, bold) and the TTF face name in reportlab
FONTS = {"regular": (FAMILY, False, REGULAR), "bold": (FAMILY, True, BOLD)}
ARROW_SIZE = 9.0

# Theme for screen sharing: dark text on light fills, contrast ≥ 7:1 for every text colour;
# meaning never carried by colour alone (root causes carry a text badge and a thick border).
BACKGROUND = "#ffffff"
INK = "#111111"
MUTED_INK = "#333333"
LINE = "#2b2b2b"
ROLE_FILL = {
    "problem": "#fde9c8",
    "effect": "#fde9c8",
    "why": "#eef3fb",
    "category": "#dbe7f7",
    "cause": "#f7f7f7",
}
ROLE_BORDER = {
    "problem": "#7a4a00",
    "effect": "#7a4a00",
    "why": "#1f3d73",
    "category": "#1f3d73",
    "cause": "#4d4d4d",
}
ROOT_CAUSE_FILL = "#fbe0e0"
ROOT_CAUSE_BORDER = "#a00000"
ROOT_CAUSE_BADGE = "#a00000"
BADGE_INK = "#ffffff"
SELECTED_BORDER = "#0050c8"
DROP_TARGET_FILL = "#c8f0c8"
BORDER_WIDTH = 1.2
ROOT_CAUSE_BORDER_WIDTH = 3.0
CONNECTOR_WIDTH = 1.4
SPINE_WIDTH = 3.0
BONE_WIDTH = 2.0

ROOT_CAUSE_TEXT = "◆ ROOT CAUSE"
NO_ACTION_TEXT = "◆ ROOT CAUSE ⚠ no action"
#: the root-cause badges in another language (the strip spans the box, so they always fit)
BADGE_TEXTS = {
    "fr": {ROOT_CAUSE_TEXT: "◆ CAUSE RACINE", NO_ACTION_TEXT: "◆ CAUSE RACINE ⚠ sans action"},
}


@dataclass(frozen=True)
class TextLine:
    """A line of text; ``baseline`` and ``dx`` are relative to its box."""

    text: str
    dx: float
    baseline: float
    size: float
    font: str = "regular"
    colour: str = INK


@dataclass(frozen=True)
class Box:
    node_id: str
    x: float
    y: float
    w: float
    h: float
    role: str
    lines: tuple[TextLine, ...]
    full_text: str
    root_cause: bool = False
    #: a root cause no corrective action is linked to (drawn dashed, with a warning badge)
    needs_action: bool = False
    elided: bool = False
    font_size: float = 11.0
    fill: str = "#ffffff"
    border: str = LINE
    border_width: float = BORDER_WIDTH
    dashed: bool = False
    radius: float = 4.0
    badge: TextLine | None = None
    badge_height: float = 0.0
    badge_fill: str = ROOT_CAUSE_BADGE
    depth: int = 0

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class Connector:
    """A line from ``source`` (parent) to ``target`` (child); ``kind``: edge | spine | bone."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]
    kind: str = "edge"
    colour: str = LINE
    line_width: float = CONNECTOR_WIDTH
    arrow: bool = False


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    size: float
    font: str = "regular"
    colour: str = MUTED_INK


@dataclass
class Layout:
    kind: str
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    background: str = BACKGROUND

    def box(self, node_id: str) -> Box:
        return self.by_id()[node_id]

    def by_id(self) -> dict[str, Box]:
        return {box.node_id: box for box in self.boxes}


def badge_for(root_cause: bool, needs_action: bool, size: float) -> tuple[TextLine | None, float]:
    """The marker strip of a root cause: text, so meaning does not rest on colour."""
    if not root_cause:
        return None, 0.0
    height = size * 1.6
    text = NO_ACTION_TEXT if needs_action else ROOT_CAUSE_TEXT
    return TextLine(text, 6.0, size * 1.15, size, "bold", BADGE_INK), height


def linked_nodes(causes_refs: list[list[str]], kind: str) -> set[str]:
    """Node ids of ``kind`` referenced by corrective actions (``"whys:w5"`` → ``w5``)."""
    prefix = f"{kind}:"
    return {ref[len(prefix) :] for refs in causes_refs for ref in refs if ref.startswith(prefix)}


@dataclass(frozen=True)
class BoxStyle:
    """Size and type of one kind of box: the width is fixed, the height follows the text."""

    width: float
    size: float
    bold: bool
    max_lines: int
    answer_lines: int = 0


PADDING = 7.0
PLACEHOLDER = {
    "problem": "(problem statement)",
    "why": "(why?)",
    "effect": "(effect)",
    "category": "(category)",
    "cause": "(cause)",
}


@functools.lru_cache(maxsize=16384)
def build_box(
    node_id: str,
    role: str,
    text: str,
    style: BoxStyle,
    *,
    answer: str = "",
    root_cause: bool = False,
    needs_action: bool = False,
    depth: int = 0,
) -> Box:
    """A box at (0, 0) with its text wrapped by the shared font measure; place it with ``moved``.

    Cached: re-laying out after an edit re-measures only the nodes whose text changed.
    """
    from app.diagrams.text_metrics import ASCENT, LINE_HEIGHT, wrap

    inner = style.width - 2 * PADDING
    badge, badge_height = badge_for(root_cause, needs_action, max(style.size - 1.5, 8.5))
    lines: list[TextLine] = []
    y = badge_height + PADDING
    elided = False

    def add(content: str, size: float, bold: bool, max_lines: int, colour: str) -> None:
        nonlocal y, elided
        wrapped, cut = wrap(content, inner, size, bold=bold, max_lines=max_lines)
        elided = elided or cut
        for line in wrapped:
            lines.append(
                TextLine(
                    line, PADDING, y + size * ASCENT, size, "bold" if bold else "regular", colour
                )
            )
            y += size * LINE_HEIGHT

    text, answer = visible(text), visible(answer)
    shown = text.strip()
    add(
        shown or PLACEHOLDER.get(role, ""),
        style.size,
        style.bold,
        style.max_lines,
        INK if shown else MUTED_INK,
    )
    if style.answer_lines and answer.strip():
        y += style.size * 0.35
        add("→ " + answer.strip(), style.size, False, style.answer_lines, INK)
    height = y + PADDING - style.size * (LINE_HEIGHT - 1)
    full = text if not answer else f"{text}\n→ {answer}"
    return Box(
        node_id=node_id,
        x=0.0,
        y=0.0,
        w=style.width,
        h=round(height, 2),
        role=role,
        lines=tuple(lines),
        full_text=full,
        root_cause=root_cause,
        needs_action=needs_action,
        elided=elided,
        font_size=style.size,
        fill=ROOT_CAUSE_FILL if root_cause else ROLE_FILL.get(role, "#ffffff"),
        border=ROOT_CAUSE_BORDER if root_cause else ROLE_BORDER.get(role, LINE),
        border_width=ROOT_CAUSE_BORDER_WIDTH if root_cause else BORDER_WIDTH,
        dashed=needs_action,
        badge=badge,
        badge_height=badge_height,
        depth=depth,
    )


def moved(box: Box, x: float, y: float) -> Box:
    """A copy of ``box`` at (x, y) (cheaper than ``dataclasses.replace``: layouts make many)."""
    copy = object.__new__(Box)
    copy.__dict__.update(box.__dict__)
    object.__setattr__(copy, "x", round(x, 2))
    object.__setattr__(copy, "y", round(y, 2))
    return copy


def in_language(layout: Layout, language: str) -> Layout:
    """The same layout with its badges in ``language`` (geometry unchanged)."""
    texts = BADGE_TEXTS.get(language)
    if not texts:
        return layout
    boxes = [
        replace(box, badge=replace(box.badge, text=texts.get(box.badge.text, box.badge.text)))
        if box.badge is not None
        else box
        for box in layout.boxes
    ]
    return replace(layout, boxes=boxes)
