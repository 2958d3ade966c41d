"""The 5 Whys tree, top-down: parents centred over their children, no overlaps, equal gaps.

Rows by depth (each row as tall as its tallest box); within a row, subtrees are placed left to
right with a per-row "next free x" so that a subtree is pushed right only as far as needed
(a simplified tidy tree: linear in practice, ≈ 1 ms for 200 nodes). Edges are orthogonal:
down from the parent's bottom centre, across at mid-gap, down to the child's top centre.
"""

from __future__ import annotations

import networkx as nx

from app.diagrams.graph import root_of
from app.diagrams.layout import Box, BoxStyle, Connector, Layout, build_box, moved

MARGIN = 24.0
H_GAP = 26.0
V_GAP = 34.0
STYLES = {
    "problem": BoxStyle(width=250.0, size=12.0, bold=True, max_lines=6),
    "why": BoxStyle(width=220.0, size=11.0, bold=True, max_lines=5, answer_lines=6),
}


def layout_whys(graph: nx.DiGraph, linked: set[str] | frozenset[str] = frozenset()) -> Layout:
    root = root_of(graph)
    kids_of = ordered_children(graph)
    depth: dict[str, int] = {root: 0}
    order = [root]
    for node in order:  # breadth first; the list grows while we walk it
        for kid in kids_of[node]:
            depth[kid] = depth[node] + 1
            order.append(kid)
    boxes: dict[str, Box] = {}
    for node in order:
        data = graph.nodes[node]
        role = str(data.get("role", "why"))
        root_cause = bool(data.get("root_cause", False))
        boxes[node] = build_box(
            node,
            role,
            str(data.get("text", "")),
            STYLES.get(role, STYLES["why"]),
            answer=str(data.get("answer", "")),
            root_cause=root_cause,
            needs_action=root_cause and node not in linked,
            depth=depth[node],
        )
    levels = max(depth.values()) + 1
    row_height = [0.0] * levels
    for node, box in boxes.items():
        row_height[depth[node]] = max(row_height[depth[node]], box.h)
    row_y = [MARGIN]
    for level in range(1, levels):
        row_y.append(row_y[-1] + row_height[level - 1] + V_GAP)

    x_of = _place(kids_of, root, depth, boxes, levels)
    shift = MARGIN - min(x_of.values())
    placed = {
        node: moved(box, x_of[node] + shift, row_y[depth[node]]) for node, box in boxes.items()
    }
    connectors = []
    for node in order:
        parent_box = placed[node]
        px = parent_box.x + parent_box.w / 2
        for kid in kids_of[node]:
            child_box = placed[kid]
            cx = child_box.x + child_box.w / 2
            mid = row_y[depth[kid]] - V_GAP / 2
            points = ((px, parent_box.bottom), (px, mid), (cx, mid), (cx, child_box.y))
            connectors.append(Connector(node, kid, _simplify(points)))
    width = max(box.right for box in placed.values()) + MARGIN
    height = max(box.bottom for box in placed.values()) + MARGIN
    return Layout("whys", round(width, 2), round(height, 2), list(placed.values()), connectors)


def _place(
    kids_of: dict[str, list[str]],
    root: str,
    depth: dict[str, int],
    boxes: dict[str, Box],
    levels: int,
) -> dict[str, float]:
    """Left x of every box (before the final shift), post-order with per-row next free x."""
    next_free = [float("-inf")] * levels
    x_of: dict[str, float] = {}
    # iterative post-order, so deep chains never hit the recursion limit
    stack: list[tuple[str, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        kids = kids_of[node]
        if not done and kids:
            stack.append((node, True))
            stack.extend((kid, False) for kid in reversed(kids))
            continue
        level = depth[node]
        width = boxes[node].w
        if kids:
            first, last = kids[0], kids[-1]
            centre = (x_of[first] + boxes[first].w / 2 + x_of[last] + boxes[last].w / 2) / 2
            x = centre - width / 2
            room = next_free[level] - x
            if room > 0:
                _shift_subtree(kids_of, node, room, x_of, boxes, depth, next_free)
                x += room
        else:
            x = max(next_free[level], 0.0) if next_free[level] > float("-inf") else 0.0
        x_of[node] = x
        next_free[level] = x + width + H_GAP
    return x_of


def _shift_subtree(  # noqa: PLR0917
    kids_of: dict[str, list[str]],
    node: str,
    dx: float,
    x_of: dict[str, float],
    boxes: dict[str, Box],
    depth: dict[str, int],
    next_free: list[float],
) -> None:
    below_nodes = list(kids_of[node])
    for below in below_nodes:
        below_nodes.extend(kids_of[below])
        x_of[below] += dx
        level = depth[below]
        next_free[level] = max(next_free[level], x_of[below] + boxes[below].w + H_GAP)


def ordered_children(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Every node's children in drawing order, computed once per layout."""
    order = graph.nodes.data("order", 0)
    kids: dict[str, list[str]] = {node: [] for node in graph}
    for source, target in graph.edges:
        kids[source].append(target)
    for values in kids.values():
        if len(values) > 1:
            values.sort(key=lambda kid: order[kid])
    return kids


def _simplify(points: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """Drop repeated points (a child straight below its parent is one vertical line)."""
    out: list[tuple[float, float]] = []
    for x, y in points:
        point = (round(x, 2), round(y, 2))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) == 4 and out[0][0] == out[3][0]:
        out = [out[0], out[3]]
    return tuple(out)
