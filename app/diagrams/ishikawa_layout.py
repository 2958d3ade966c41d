"""The Ishikawa (fishbone) diagram: the effect at the head of a horizontal spine.

Categories go in columns along the spine, in pairs: the first of a pair above the spine, the
second below. Each category box sits at the far end of a slanted bone that meets the spine
further right, towards the head. Causes hang on the bone as horizontal ribs: their boxes stand
in one column left of the bone, one row each, in outline order (a cause, then its sub-causes,
indented one step further left and joined by an elbow from their parent). Rows never share
height and columns never share width, so no box or text overlaps, whatever the number of
categories (1–12 and more) or causes; spacing grows with the content.
"""

from __future__ import annotations

import networkx as nx

from app.diagrams.graph import root_of
from app.diagrams.layout import (
    BONE_WIDTH,
    SPINE_WIDTH,
    Box,
    BoxStyle,
    Connector,
    Layout,
    build_box,
    moved,
)
from app.diagrams.whys_layout import ordered_children

MARGIN = 24.0
ROW_GAP = 10.0
COLUMN_GAP = 30.0
RIB = 26.0  # shortest rib, from a cause box to its bone
INDENT = 22.0  # sub-cause indent per level
SLANT = 0.30  # bone: horizontal run per unit of vertical run
MAX_RUN = 110.0  # long bones get steeper rather than wider
CATEGORY_GAP = 16.0  # between the category box and its first row
SPINE_GAP = 22.0  # between the last row and the spine
EFFECT_GAP = 36.0
STYLES = {
    "effect": BoxStyle(width=170.0, size=12.0, bold=True, max_lines=8),
    "category": BoxStyle(width=150.0, size=11.5, bold=True, max_lines=3),
    "cause": BoxStyle(width=165.0, size=11.0, bold=False, max_lines=4),
    "sub": BoxStyle(width=150.0, size=10.5, bold=False, max_lines=4),
}


class _Band:
    """One category, its bone and its rows of causes, before it is put in place."""

    def __init__(self, category: Box, rows: list[tuple[Box, str | None]], above: bool) -> None:
        self.category = category
        self.rows = rows  # (cause box at x = its indent offset, parent node id or None)
        self.above = above
        self.rows_height = sum(box.h for box, _ in rows) + ROW_GAP * max(len(rows) - 1, 0)
        self.height = category.h + CATEGORY_GAP + self.rows_height + SPINE_GAP


def layout_ishikawa(graph: nx.DiGraph, linked: set[str] | frozenset[str] = frozenset()) -> Layout:
    root = root_of(graph)
    data = graph.nodes[root]
    effect = build_box(root, "effect", str(data.get("text", "")), STYLES["effect"])
    kids_of = ordered_children(graph)
    bands = []
    for index, category in enumerate(kids_of[root]):
        bands.append(_band(graph, kids_of, category, index % 2 == 0, linked))

    top_height = max((band.height for band in bands if band.above), default=0.0)
    bottom_height = max((band.height for band in bands if not band.above), default=0.0)
    top_height = max(top_height, effect.h / 2 + MARGIN)
    spine_y = MARGIN + top_height
    boxes: list[Box] = []
    connectors: list[Connector] = []
    x = MARGIN
    spine_start = MARGIN
    for pair_start in range(0, len(bands), 2):
        pair = bands[pair_start : pair_start + 2]
        # both bands of a column share its x range; lay each out, take the widest extent
        lefts, rights = [], []
        for band in pair:
            left, right = _extent(band, spine_y, top_height, bottom_height)
            lefts.append(left)
            rights.append(right)
        offset = x - min(lefts)
        for band in pair:
            _place_band(
                band,
                offset,
                spine_y=spine_y,
                top_height=top_height,
                bottom_height=bottom_height,
                boxes=boxes,
                connectors=connectors,
                root=root,
            )
        x = offset + max(rights) + COLUMN_GAP
    spine_end = max(x - COLUMN_GAP + EFFECT_GAP, MARGIN + 60.0)
    head = moved(effect, spine_end, spine_y - effect.h / 2)
    boxes.append(head)
    connectors.insert(
        0,
        Connector(
            root,
            root,
            ((spine_start, spine_y), (spine_end, spine_y)),
            "spine",
            line_width=SPINE_WIDTH,
            arrow=True,
        ),
    )
    width = head.right + MARGIN
    height = max(spine_y + bottom_height, head.bottom) + MARGIN
    return Layout("ishikawa", round(width, 2), round(height, 2), boxes, connectors)


def _band(
    graph: nx.DiGraph,
    kids_of: dict[str, list[str]],
    category: str,
    above: bool,
    linked: set[str] | frozenset[str],
) -> _Band:
    data = graph.nodes[category]
    category_box = build_box(category, "category", str(data.get("text", "")), STYLES["category"])
    rows: list[tuple[Box, str | None]] = []
    stack: list[tuple[str, int, str | None]] = [
        (kid, 1, None) for kid in reversed(kids_of[category])
    ]
    while stack:
        node, depth, parent = stack.pop()
        node_data = graph.nodes[node]
        root_cause = bool(node_data.get("root_cause", False))
        box = build_box(
            node,
            "cause",
            str(node_data.get("text", "")),
            STYLES["cause" if depth == 1 else "sub"],
            root_cause=root_cause,
            needs_action=root_cause and node not in linked,
            depth=depth,
        )
        rows.append((box, parent))
        stack.extend((kid, depth + 1, node) for kid in reversed(kids_of[node]))
    return _Band(category_box, rows, above)


def _rows_top(band: _Band, spine_y: float, top_height: float, bottom_height: float) -> float:
    """y of the first row: bands above end at the spine, bands below start at it."""
    if band.above:
        return spine_y - SPINE_GAP - band.rows_height
    return spine_y + SPINE_GAP


def _bone_far_y(band: _Band, spine_y: float, top_height: float, bottom_height: float) -> float:
    """Where the bone meets its category box (all bones on a side have the same length)."""
    if band.above:
        return spine_y - top_height + band.category.h
    return spine_y + bottom_height - band.category.h


def _geometry(
    band: _Band, spine_y: float, top_height: float, bottom_height: float
) -> tuple[float, float, float]:
    """(bone x at the category end = 0, bone x at the spine, right edge of the row column)."""
    far_y = _bone_far_y(band, spine_y, top_height, bottom_height)
    run = min(abs(spine_y - far_y) * SLANT, MAX_RUN)
    top = _rows_top(band, spine_y, top_height, bottom_height)
    # the row nearest the category end is the one nearest the bone's far end: leftmost bone x
    nearest = top if band.above else top + band.rows_height
    bone_at_nearest = run * abs(nearest - far_y) / max(abs(spine_y - far_y), 1.0)
    return 0.0, run, bone_at_nearest - RIB


def _extent(
    band: _Band, spine_y: float, top_height: float, bottom_height: float
) -> tuple[float, float]:
    _, run, column_right = _geometry(band, spine_y, top_height, bottom_height)
    left = -band.category.w / 2
    for box, _ in band.rows:
        left = min(left, column_right - (box.depth - 1) * INDENT - box.w)
    right = max(run, band.category.w / 2)
    return left, right


def _place_band(
    band: _Band,
    offset: float,
    *,
    spine_y: float,
    top_height: float,
    bottom_height: float,
    boxes: list[Box],
    connectors: list[Connector],
    root: str,
) -> None:
    _, run, column_right = _geometry(band, spine_y, top_height, bottom_height)
    far_y = _bone_far_y(band, spine_y, top_height, bottom_height)
    far_x = offset
    category_y = far_y - band.category.h if band.above else far_y
    category = moved(band.category, far_x - band.category.w / 2, category_y)
    boxes.append(category)
    connectors.append(
        Connector(
            root,
            category.node_id,
            ((offset + run, spine_y), (far_x, far_y)),
            "bone",
            line_width=BONE_WIDTH,
        )
    )
    length = abs(spine_y - far_y) or 1.0

    def bone_x(y: float) -> float:
        return far_x + run * abs(y - far_y) / length

    y = _rows_top(band, spine_y, top_height, bottom_height)
    placed: dict[str, Box] = {}
    for box, parent in band.rows:
        right = offset + column_right - (box.depth - 1) * INDENT
        row = moved(box, right - box.w, y)
        placed[row.node_id] = row
        boxes.append(row)
        mid = row.y + row.h / 2
        if parent is None:
            connectors.append(
                Connector(category.node_id, row.node_id, ((bone_x(mid), mid), (row.right, mid)))
            )
        else:
            above = placed[parent]
            elbow_x = round(above.right - INDENT / 2, 2)
            connectors.append(
                Connector(
                    parent, row.node_id, ((elbow_x, above.bottom), (elbow_x, mid), (row.right, mid))
                )
            )
        y += box.h + ROW_GAP
