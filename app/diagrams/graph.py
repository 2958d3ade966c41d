"""The two diagrams as networkx ``DiGraph`` trees, and their plain-data form.

Both diagrams are trees whose edges point from parent to child. Every node has:

- ``text``: the why-question (5 Whys), the effect / category / cause label (Ishikawa);
- ``answer``: the answer to a why (5 Whys only, empty elsewhere);
- ``role``: ``problem`` | ``why`` (5 Whys), ``effect`` | ``category`` | ``cause`` (Ishikawa);
- ``root_cause``: whether this node is marked as a root cause;
- ``order``: position among its siblings (children are drawn by ascending order).

Node ids are short strings, stable across saves, so corrective actions can link to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from app.errors import FormatError, ValidationError

if TYPE_CHECKING:
    import networkx as nx

WHYS = "whys"
ISHIKAWA = "ishikawa"
DIAGRAM_KINDS = (WHYS, ISHIKAWA)

ROOT_ROLE = {WHYS: "problem", ISHIKAWA: "effect"}
NODE_ROLES = {WHYS: {"problem", "why"}, ISHIKAWA: {"effect", "category", "cause"}}

SEED_CATEGORIES_EN = ("People", "Process", "Tools", "Environment", "Code", "Monitoring")
SEED_CATEGORIES_FR = ("Personnes", "Processus", "Outils", "Environnement", "Code", "Monitoring")
SIX_M_EN = ("Manpower", "Method", "Machine", "Material", "Measurement", "Milieu")
SIX_M_FR = ("Main-d'œuvre", "Méthode", "Machine", "Matière", "Mesure", "Milieu")


def _digraph(kind: str) -> nx.DiGraph:
    """An empty diagram. networkx (hundreds of modules) is imported by the first diagram
    built, not by importing the model: start-up and commands that never read a diagram skip it."""
    import networkx

    return networkx.DiGraph(kind=kind)


def new_whys(problem: str = "") -> nx.DiGraph:
    graph = _digraph(WHYS)
    graph.add_node("p", text=problem, answer="", role="problem", root_cause=False, order=0)
    return graph


def new_ishikawa(effect: str = "", categories: tuple[str, ...] = SEED_CATEGORIES_EN) -> nx.DiGraph:
    graph = _digraph(ISHIKAWA)
    graph.add_node("e", text=effect, answer="", role="effect", root_cause=False, order=0)
    for index, name in enumerate(categories):
        node = f"c{index + 1}"
        graph.add_node(node, text=name, answer="", role="category", root_cause=False, order=index)
        graph.add_edge("e", node)
    return graph


def root_of(graph: nx.DiGraph) -> str:
    roots = [node for node, degree in graph.in_degree() if degree == 0]
    if len(roots) != 1:
        raise ValidationError(f"the diagram must have exactly one root, it has {len(roots)}.")
    return str(roots[0])


def children(graph: nx.DiGraph, node: str) -> list[str]:
    """Children in drawing order."""
    return sorted(graph.successors(node), key=lambda child: graph.nodes[child].get("order", 0))


def walk(graph: nx.DiGraph, start: str | None = None) -> Iterator[tuple[str, int]]:
    """``(node, depth)`` for ``start`` (the root by default) and everything under it, in drawing
    order (a parent before its children), depth 0 at ``start``.

    Iterative on purpose: diagrams are user-sized, and a 10,000-deep chain must walk like a flat
    list instead of hitting Python's recursion limit. Every tree walk of a diagram uses this.
    """
    if graph.number_of_nodes() == 0:
        return
    stack = [(root_of(graph) if start is None else start, 0)]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        stack.extend((kid, depth + 1) for kid in reversed(children(graph, node)))


#: outlines of a diagram (report, window, terminal) indent this many levels at most
OUTLINE_INDENTS = 12


def outline_level(depth: int) -> tuple[int, str]:
    """Where a node at ``depth`` stands in an indented outline: ``(indent, label)``.

    Indentation stops growing at ``OUTLINE_INDENTS`` (a 10,000-deep chain would otherwise push
    its text off any page, and print gigabytes of spaces); deeper nodes say their depth in a
    ``"[depth] "`` label instead.
    """
    if depth <= OUTLINE_INDENTS:
        return depth, ""
    return OUTLINE_INDENTS, f"[{depth}] "


def parent(graph: nx.DiGraph, node: str) -> str | None:
    preds = list(graph.predecessors(node))
    return str(preds[0]) if preds else None


def validate_tree(graph: nx.DiGraph, kind: str) -> None:
    """Refuse anything that is not a rooted tree of the given kind, with a clear message."""
    if graph.number_of_nodes() == 0:
        raise ValidationError(f"the {label(kind)} diagram is empty: it needs its root node.")
    import networkx

    if not networkx.is_directed_acyclic_graph(graph):
        cycle = networkx.find_cycle(graph)
        path = " → ".join(str(edge[0]) for edge in cycle)
        raise ValidationError(f"the {label(kind)} diagram contains a cycle ({path}).")
    root = root_of(graph)
    for node, degree in graph.in_degree():
        if degree > 1:
            raise ValidationError(
                f"the {label(kind)} diagram node '{node}' has {degree} parents; each has one."
            )
    if graph.nodes[root].get("role") != ROOT_ROLE[kind]:
        raise ValidationError(f"the {label(kind)} diagram root must be the {ROOT_ROLE[kind]}.")
    allowed = NODE_ROLES[kind]
    for node, data in graph.nodes(data=True):
        if data.get("role") not in allowed:
            raise ValidationError(
                f"the {label(kind)} diagram node '{node}' has an unknown role {data.get('role')!r}."
            )


def label(kind: str) -> str:
    return "5 Whys" if kind == WHYS else "Ishikawa"


def graph_to_data(graph: nx.DiGraph) -> dict[str, Any]:
    """Plain, ordered, JSON-ready form: nodes in tree order (parents before children)."""
    nodes: list[dict[str, object]] = []
    edges: list[dict[str, str]] = []
    if graph.number_of_nodes():
        root = root_of(graph)
        stack = [root]
        while stack:
            node = stack.pop()
            data = graph.nodes[node]
            nodes.append(
                {
                    "id": node,
                    "role": data.get("role", ""),
                    "text": data.get("text", ""),
                    "answer": data.get("answer", ""),
                    "root_cause": bool(data.get("root_cause", False)),
                    "order": int(data.get("order", 0)),
                }
            )
            kids = children(graph, node)
            edges.extend({"source": node, "target": kid} for kid in kids)
            stack.extend(reversed(kids))
    return {"nodes": nodes, "edges": edges}


def graph_from_data(data: Any, kind: str) -> nx.DiGraph:
    """Build and validate a diagram from its plain form (refuses cycles and stray nodes)."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError(f"the {label(kind)} diagram must be an object with a 'nodes' list.")
    graph = _digraph(kind)
    for raw in data["nodes"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise FormatError(f"a {label(kind)} diagram node has no string 'id'.")
        if raw["id"] in graph:
            raise FormatError(f"the {label(kind)} diagram repeats node id '{raw['id']}'.")
        graph.add_node(
            raw["id"],
            role=str(raw.get("role", "")),
            text=str(raw.get("text", "")),
            answer=str(raw.get("answer", "")),
            root_cause=bool(raw.get("root_cause", False)),
            order=int(raw.get("order", 0)),
        )
    for raw in data.get("edges", []):
        if not isinstance(raw, dict):
            raise FormatError(f"a {label(kind)} diagram edge is not an object.")
        source, target = raw.get("source"), raw.get("target")
        if source not in graph or target not in graph:
            raise FormatError(
                f"a {label(kind)} diagram edge links unknown nodes {source!r} → {target!r}."
            )
        graph.add_edge(source, target)
    try:
        validate_tree(graph, kind)
    except ValidationError as error:
        raise FormatError(str(error)) from None
    return graph


def graphs_equal(left: nx.DiGraph, right: nx.DiGraph) -> bool:
    return graph_to_data(left) == graph_to_data(right)
