"""Property test: for any tree, no two boxes overlap and every line touches what it joins."""

from __future__ import annotations

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.diagrams import ops
from app.diagrams.graph import children, new_ishikawa, new_whys
from app.diagrams.ishikawa_layout import layout_ishikawa
from app.diagrams.layout import Box, Layout
from app.diagrams.whys_layout import layout_whys

EPS = 0.05
labels = st.one_of(
    st.text(alphabet="abc xyzWÉé«»?", max_size=60),
    st.sampled_from(["", "x" * 300, "Pourquoi ?", "🔄 ✅ — RTL فشل", "<b>&amp;"]),
)


def _on_boundary(box: Box, x: float, y: float) -> bool:
    inside_x = box.x - EPS <= x <= box.right + EPS
    inside_y = box.y - EPS <= y <= box.bottom + EPS
    on_vertical = abs(x - box.x) < EPS or abs(x - box.right) < EPS
    on_horizontal = abs(y - box.y) < EPS or abs(y - box.bottom) < EPS
    return (inside_y and on_vertical) or (inside_x and on_horizontal)


def _on_segment(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> bool:
    (x, y), (x0, y0), (x1, y1) = point, a, b
    cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
    length = max(abs(x1 - x0), abs(y1 - y0), 1.0)
    within = (
        min(x0, x1) - EPS <= x <= max(x0, x1) + EPS and min(y0, y1) - EPS <= y <= max(y0, y1) + EPS
    )
    return abs(cross) / length < 0.1 and within


def _assert_no_overlap(layout: Layout) -> None:
    boxes = sorted(layout.boxes, key=lambda b: b.x)
    for index, one in enumerate(boxes):
        assert one.x >= 0 and one.right <= layout.width + EPS
        assert one.y >= 0 and one.bottom <= layout.height + EPS
        for other in boxes[index + 1 :]:
            if other.x >= one.right - EPS:
                break
            separate = one.bottom <= other.y + EPS or other.bottom <= one.y + EPS
            assert separate, f"{one.node_id} overlaps {other.node_id}"


def _assert_connected(layout: Layout, graph: nx.DiGraph) -> None:
    boxes = layout.by_id()
    bones = {c.target: c for c in layout.connectors if c.kind == "bone"}
    spine = [c for c in layout.connectors if c.kind == "spine"]
    edges = {(c.source, c.target) for c in layout.connectors if c.kind != "spine"}
    assert edges == set(graph.edges)
    for connector in layout.connectors:
        start, end = connector.points[0], connector.points[-1]
        if connector.kind == "spine":
            assert _on_boundary(boxes[connector.source], *end)
            continue
        child = boxes[connector.target]
        if connector.kind == "bone":
            assert _on_boundary(child, *end)
            assert _on_segment(start, *spine[0].points)
            continue
        assert _on_boundary(child, *end), connector
        parent_box = boxes[connector.source]
        if parent_box.role == "category":
            bone = bones[connector.source]
            assert _on_segment(start, bone.points[0], bone.points[1]), connector
        else:
            assert _on_boundary(parent_box, *start), connector


@st.composite
def whys_trees(draw: st.DrawFn) -> nx.DiGraph:
    graph = new_whys(draw(labels))
    nodes = ["p"]
    for _ in range(draw(st.integers(0, 40))):
        above = nodes[draw(st.integers(0, len(nodes) - 1))]
        node = ops.add_child(graph, above, draw(labels))
        if draw(st.booleans()):
            ops.set_answer(graph, node, draw(labels))
        if draw(st.integers(0, 4)) == 0:
            ops.set_root_cause(graph, node, True)
        nodes.append(node)
    return graph


@st.composite
def ishikawa_trees(draw: st.DrawFn) -> nx.DiGraph:
    count = draw(st.integers(1, 12))
    graph = new_ishikawa(draw(labels), tuple(f"Category {i}" for i in range(count)))
    depth = dict.fromkeys(children(graph, "e"), 0)
    for _ in range(draw(st.integers(0, 50))):
        candidates = [node for node, level in depth.items() if level < 4]
        above = candidates[draw(st.integers(0, len(candidates) - 1))]
        node = ops.add_child(graph, above, draw(labels))
        if draw(st.integers(0, 5)) == 0:
            ops.set_root_cause(graph, node, True)
        depth[node] = depth[above] + 1
    return graph


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(whys_trees())
def test_whys_layout_never_overlaps_and_connects_every_edge(graph: nx.DiGraph) -> None:
    layout = layout_whys(graph)
    _assert_no_overlap(layout)
    _assert_connected(layout, graph)


@FAST
@given(ishikawa_trees())
def test_ishikawa_layout_never_overlaps_and_connects_every_edge(graph: nx.DiGraph) -> None:
    layout = layout_ishikawa(graph)
    _assert_no_overlap(layout)
    _assert_connected(layout, graph)
