"""Where and how large each diagram prints: never with text under 8 pt.

A diagram is drawn as large as its room allows (enlarged up to ``MAX_SCALE``, so an Ishikawa
fills its page), upright or on a landscape page, whichever gives the larger print. When even
then its smallest text would print under ``MIN_TEXT`` points, it is split: an Ishikawa by
categories (consecutive groups, each with the effect), a 5 Whys by the problem's branches, one
part per page; a part that still cannot print large enough is left to the outline that follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from app.diagrams.graph import children, root_of
from app.diagrams.layout import Layout
from app.model import Postmortem
from app.report import diagrams

#: the smallest type size printed in a diagram (points)
MIN_TEXT = 8.0
#: diagrams are enlarged at most this much to fill their page
MAX_SCALE = 1.6
#: a landscape page is chosen when it prints the diagram this much larger than upright
LANDSCAPE_GAIN = 1.15


@dataclass(frozen=True)
class Part:
    drawing: Any
    landscape: bool
    caption: str
    #: the smallest type size on the printed part (points)
    smallest: float


@dataclass(frozen=True)
class Pages:
    parts: list[Part]
    split: bool
    #: some box's text is shortened, or some part could not be printed: an outline must follow
    incomplete: bool


def _placement(
    layout: Layout, upright: tuple[float, float], wide: tuple[float, float]
) -> tuple[float, bool]:
    """(scale, landscape) giving the largest print."""
    return _scale(layout.width, layout.height, upright, wide)


def _scale(
    width: float, height: float, upright: tuple[float, float], wide: tuple[float, float]
) -> tuple[float, bool]:
    """(scale, landscape) giving the largest print of a ``width`` × ``height`` drawing."""
    up = min(MAX_SCALE, upright[0] / width, upright[1] / height)
    side = min(MAX_SCALE, wide[0] / width, wide[1] / height)
    if side > up * LANDSCAPE_GAIN:
        return side, True
    return up, False


def _part(
    layout: Layout,
    upright: tuple[float, float],
    wide: tuple[float, float],
    language: str,
    caption: str = "",
    *,
    first_number: int = 0,
) -> Part | None:
    scale, landscape = _placement(layout, upright, wide)
    smallest = diagrams.smallest_text(layout) * scale
    if smallest < MIN_TEXT:
        return None
    drawing = diagrams.drawing(layout, scale, language, first_number)
    return Part(drawing, landscape, caption, smallest)


@dataclass(frozen=True)
class _Diagram:
    doc: Postmortem
    kind: str
    graph: nx.DiGraph
    root: str
    upright: tuple[float, float]
    wide: tuple[float, float]
    language: str

    def segment(self, nodes: Sequence[str], first: int) -> Part | None:
        """The part holding one run of a chain of whys, numbered from ``first``."""
        layout = _layout_of(self.doc, self.kind, self.graph.subgraph(nodes).copy())
        last = first + len(nodes) - 1
        caption = f"{max(first, 1)}–{last}" if last > max(first, 1) else str(last)
        return _part(layout, self.upright, self.wide, self.language, caption, first_number=first)

    def part(self, branches: Sequence[str]) -> Part | None:
        """The part holding ``branches`` under the root, when it prints large enough."""
        caption = ", ".join(str(self.graph.nodes[n].get("text", "")).strip() for n in branches)
        layout = _sub_layout(self.doc, self.kind, self.graph, self.root, branches)
        return _part(layout, self.upright, self.wide, self.language, caption)


def plan(
    doc: Postmortem,
    kind: str,
    upright: tuple[float, float],
    wide: tuple[float, float],
    language: str,
) -> Pages | None:
    """The printed parts of one diagram, or None when it has no layout."""
    layout = diagrams.diagram_layout(doc, kind)
    if layout is None:
        return None
    elided = any(box.elided for box in layout.boxes)
    whole = _part(layout, upright, wide, language)
    if whole is not None:
        return Pages([whole], split=False, incomplete=elided)
    graph = doc.whys if kind == "whys" else doc.ishikawa
    root = root_of(graph)
    diagram = _Diagram(doc, kind, graph, root, upright, wide, language)
    branches = children(graph, root)
    parts: list[Part] = []
    group: list[str] = []
    best: Part | None = None
    missing = False
    for branch in branches:
        trial = diagram.part([*group, branch])
        if trial is not None:
            group.append(branch)
            best = trial
            continue
        if best is not None:
            parts.append(best)
        alone = diagram.part([branch])
        missing = missing or alone is None
        group, best = ([branch], alone) if alone is not None else ([], None)
    if best is not None:
        parts.append(best)
    if not parts and kind == "whys":
        parts, missing = _chain_parts(diagram)
    balanced = _balanced(diagram, branches, len(parts)) if len(branches) > 1 else None
    return Pages(balanced or parts, split=True, incomplete=elided or missing or not parts)


def _chain(graph: nx.DiGraph, root: str) -> list[str] | None:
    """The nodes of a 5 Whys written as one chain (each why has at most one child)."""
    nodes = [root]
    while kids := children(graph, nodes[-1]):
        if len(kids) > 1:
            return None
        nodes.append(kids[0])
    return nodes


def _chain_parts(diagram: _Diagram) -> tuple[list[Part], bool]:
    """A long chain of whys cut into consecutive runs, each printed at 8 pt or more; True
    when some of it could not be printed.

    Linear in the chain's length: the whole chain is laid out once and each run's size is
    read from its boxes (a chain stacks them: the run's height is theirs plus the gaps
    between them); only the chosen runs are laid out again, to be drawn.
    """
    nodes = _chain(diagram.graph, diagram.root)
    if nodes is None:
        return [], True
    whole = _layout_of(diagram.doc, diagram.kind, diagram.graph)
    by_node = {box.node_id: box for box in whole.boxes}
    boxes = [by_node[node] for node in nodes]
    top = min(box.y for box in whole.boxes)
    bottom = whole.height - max(box.y + box.h for box in whole.boxes)
    sides = whole.width - max(box.w for box in whole.boxes)
    sizes = [_box_text(box) for box in boxes]
    floor_size = min([label.size for label in whole.labels], default=diagrams.NUMBER_SIZE)
    floor_size = min(floor_size, diagrams.NUMBER_SIZE)

    def fits(first: int, last: int, widest: float, smallest: float) -> bool:
        height = top + boxes[last].y + boxes[last].h - boxes[first].y + bottom
        scale, _ = _scale(sides + widest, height, diagram.upright, diagram.wide)
        return smallest * scale >= MIN_TEXT

    parts: list[Part] = []
    start = 0
    while start < len(nodes):
        end, widest, smallest = start, 0.0, floor_size
        while end < len(nodes):
            wider, smaller = max(widest, boxes[end].w), min(smallest, sizes[end])
            if not fits(start, end, wider, smaller):
                break
            end, widest, smallest = end + 1, wider, smaller
        part = None
        while end > start and part is None:  # the estimate checked against the real layout
            part = diagram.segment(nodes[start:end], start)
            end -= part is None
        if part is None:
            return parts, True  # one box alone does not fit: the outline carries the rest
        parts.append(part)
        start = end
    return parts, False


def _box_text(box: Any) -> float:
    """The smallest type size (points, unscaled) in one box."""
    sizes = [line.size for line in box.lines]
    if box.badge is not None:
        sizes.append(box.badge.size)
    return min(sizes, default=diagrams.NUMBER_SIZE)


def _balanced(diagram: _Diagram, branches: Sequence[str], count: int) -> list[Part] | None:
    """``count`` parts of nearly equal size, when every one of them prints large enough."""
    if count < 2 or count >= len(branches):
        return None
    size, extra = divmod(len(branches), count)
    parts: list[Part] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        part = diagram.part(branches[start:end])
        start = end
        if part is None:
            return None
        parts.append(part)
    return parts


def _sub_layout(
    doc: Postmortem, kind: str, graph: nx.DiGraph, root: str, branches: Sequence[str]
) -> Layout:
    """The layout of the root with only ``branches`` (and everything under them)."""
    keep = {root}
    for branch in branches:
        keep |= {branch, *nx.descendants(graph, branch)}
    return _layout_of(doc, kind, graph.subgraph(keep).copy())


def _layout_of(doc: Postmortem, kind: str, graph: nx.DiGraph) -> Layout:
    """The layout of ``graph`` (a part of one of the document's diagrams)."""
    import importlib

    from app.diagrams.layout import linked_nodes

    module_name, function = diagrams.LAYOUTS[kind]
    linked = linked_nodes([action.causes for action in doc.actions], kind)
    layout: Layout = getattr(importlib.import_module(module_name), function)(graph, linked)
    return layout
