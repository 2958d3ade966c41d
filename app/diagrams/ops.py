"""Edits of a diagram graph, each checked first: a refused edit changes nothing and raises a
``ValidationError`` whose message says what to do instead.

These functions mutate the graph they are given; ``app.diagrams.changes`` wraps them into
undoable document changes. Corrective actions point at causes with ``Action.causes`` entries
``"whys:<node>"`` / ``"ishikawa:<node>"``.
"""

from __future__ import annotations

import re

import networkx as nx

from app.diagrams.graph import ISHIKAWA, WHYS, children, label, parent, root_of
from app.errors import ValidationError
from app.model import Action

MAX_TEXT = 10_000
ID_PREFIX = {WHYS: "w", ISHIKAWA: "k"}


def kind_of(graph: nx.DiGraph) -> str:
    return str(graph.graph.get("kind", WHYS))


def _require(graph: nx.DiGraph, node: str) -> None:
    if node not in graph:
        raise ValidationError(f"the {label(kind_of(graph))} diagram has no node '{node}'.")


def _child_role(graph: nx.DiGraph, parent_node: str) -> str:
    if kind_of(graph) == WHYS:
        return "why"
    return "category" if graph.nodes[parent_node]["role"] == "effect" else "cause"


def new_node_id(graph: nx.DiGraph, prefix: str) -> str:
    """The next free id (``w7``, ``k12``, ``c7``): short, stable, never reused while present."""
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)$")
    numbers = [int(m.group(1)) for node in graph for m in [pattern.match(str(node))] if m]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _check_text(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"this label has {len(text):,} characters; keep it under {MAX_TEXT:,} "
            "(put long explanations in an annex)."
        )
    return text


def add_child(graph: nx.DiGraph, parent_node: str, text: str = "", node: str | None = None) -> str:
    """Add a node under ``parent_node`` (last among its children); returns its id."""
    _require(graph, parent_node)
    role = _child_role(graph, parent_node)
    node = node or new_node_id(graph, "c" if role == "category" else ID_PREFIX[kind_of(graph)])
    if node in graph:
        raise ValidationError(f"the node id '{node}' is already used in this diagram.")
    order = max((graph.nodes[k]["order"] for k in graph.successors(parent_node)), default=-1) + 1
    graph.add_node(
        node, text=_check_text(text), answer="", role=role, root_cause=False, order=order
    )
    graph.add_edge(parent_node, node)
    return node


def add_sibling(graph: nx.DiGraph, of: str, text: str = "", node: str | None = None) -> str:
    """Add a node right after ``of``, under the same parent; returns its id."""
    _require(graph, of)
    above = parent(graph, of)
    if above is None:
        what = "problem" if kind_of(graph) == WHYS else "effect"
        raise ValidationError(
            f"the {what} is the diagram's only root: it cannot have a sibling "
            "(add a child instead)."
        )
    node = add_child(graph, above, text, node)
    _insert_after(graph, above, node, of)
    return node


def _insert_after(graph: nx.DiGraph, above: str, node: str, after: str) -> None:
    kids = [kid for kid in children(graph, above) if kid != node]
    kids.insert(kids.index(after) + 1, node)
    for index, kid in enumerate(kids):
        graph.nodes[kid]["order"] = index


def rename(graph: nx.DiGraph, node: str, text: str) -> None:
    _require(graph, node)
    graph.nodes[node]["text"] = _check_text(text)


def set_answer(graph: nx.DiGraph, node: str, answer: str) -> None:
    _require(graph, node)
    if kind_of(graph) != WHYS:
        raise ValidationError("only the 5 Whys questions have answers.")
    if graph.nodes[node]["role"] == "problem":
        raise ValidationError("the problem statement has no answer; answer the why below it.")
    graph.nodes[node]["answer"] = _check_text(answer)


def _check_move(graph: nx.DiGraph, node: str, new_parent: str | None = None) -> None:
    """The one rule for moving a node: raises a ``ValidationError`` saying why ``node`` may not
    go under ``new_parent`` (or, without ``new_parent``, may not move at all)."""
    _require(graph, node)
    if parent(graph, node) is None:
        raise ValidationError("the root of a diagram cannot be moved.")
    if new_parent is None:
        return
    _require(graph, new_parent)
    if node == new_parent or new_parent in nx.descendants(graph, node):
        raise ValidationError(
            "a node cannot move under itself or one of its own sub-nodes: that would make a cycle."
        )
    role = graph.nodes[node]["role"]
    if _child_role(graph, new_parent) != role:
        if role == "category":
            raise ValidationError("a category stays on the spine; it cannot go under a cause.")
        raise ValidationError("a cause goes under a category or another cause, not on the spine.")


def can_move(graph: nx.DiGraph, node: str, new_parent: str | None = None) -> bool:
    """Whether ``node`` may be dropped onto ``new_parent`` (or be picked up at all, without it):
    what the canvas highlights is exactly what ``move`` accepts."""
    try:
        _check_move(graph, node, new_parent)
    except ValidationError:
        return False
    return True


def move(graph: nx.DiGraph, node: str, new_parent: str, index: int | None = None) -> None:
    """Re-parent ``node`` (with its subtree) under ``new_parent``, at ``index`` or last."""
    _check_move(graph, node, new_parent)
    old_parent = parent(graph, node)
    assert old_parent is not None  # a root was refused above
    graph.remove_edge(old_parent, node)
    for position, kid in enumerate(children(graph, old_parent)):
        graph.nodes[kid]["order"] = position
    kids = children(graph, new_parent)
    kids.insert(len(kids) if index is None else max(0, min(index, len(kids))), node)
    graph.add_edge(new_parent, node)
    for position, kid in enumerate(kids):
        graph.nodes[kid]["order"] = position


def delete_subtree(graph: nx.DiGraph, node: str, actions: list[Action] | None = None) -> list[str]:
    """Delete ``node`` and everything under it; unlink actions from them. Returns deleted ids."""
    _require(graph, node)
    if parent(graph, node) is None:
        raise ValidationError(
            "the root of a diagram cannot be deleted; rename it, or delete its children."
        )
    above = parent(graph, node)
    doomed = [node, *nx.descendants(graph, node)]
    graph.remove_nodes_from(doomed)
    if above is not None:
        for position, kid in enumerate(children(graph, above)):
            graph.nodes[kid]["order"] = position
    if actions:
        refs = {f"{kind_of(graph)}:{gone}" for gone in doomed}
        for action in actions:
            action.causes = [ref for ref in action.causes if ref not in refs]
    return doomed


def set_root_cause(graph: nx.DiGraph, node: str, value: bool) -> None:
    _require(graph, node)
    role = graph.nodes[node]["role"]
    if role in ("problem", "effect", "category"):
        what = {"problem": "problem statement", "effect": "effect", "category": "category"}[role]
        raise ValidationError(f"the {what} cannot be a root cause; mark a why or a cause.")
    graph.nodes[node]["root_cause"] = value


def add_category(graph: nx.DiGraph, text: str, node: str | None = None) -> str:
    if kind_of(graph) != ISHIKAWA:
        raise ValidationError("categories belong to the Ishikawa diagram.")
    name = text.strip()
    if not name:
        raise ValidationError("a category needs a name.")
    if any(
        graph.nodes[c]["text"].strip().casefold() == name.casefold()
        for c in children(graph, root_of(graph))
    ):
        raise ValidationError(f"there is already a category named '{name}'.")
    return add_child(graph, root_of(graph), name, node)


def rename_category(graph: nx.DiGraph, node: str, text: str) -> None:
    _require(graph, node)
    if graph.nodes[node]["role"] != "category":
        raise ValidationError(f"'{node}' is not a category.")
    name = text.strip()
    if not name:
        raise ValidationError("a category needs a name.")
    for other in children(graph, root_of(graph)):
        if other != node and graph.nodes[other]["text"].strip().casefold() == name.casefold():
            raise ValidationError(f"there is already a category named '{name}'.")
    rename(graph, node, name)


def remove_category(graph: nx.DiGraph, node: str, actions: list[Action] | None = None) -> None:
    _require(graph, node)
    if graph.nodes[node]["role"] != "category":
        raise ValidationError(f"'{node}' is not a category.")
    delete_subtree(graph, node, actions)


def use_categories(graph: nx.DiGraph, names: tuple[str, ...]) -> None:
    """Swap the categories for another set (e.g. the 6M), only while none holds a cause."""
    if kind_of(graph) != ISHIKAWA:
        raise ValidationError("categories belong to the Ishikawa diagram.")
    root = root_of(graph)
    current = children(graph, root)
    if any(graph.out_degree(category) for category in current):
        raise ValidationError(
            "the categories already hold causes; rename or add categories one by one instead."
        )
    graph.remove_nodes_from(current)
    for name in names:
        add_child(graph, root, name)


def link_actions(graph: nx.DiGraph, node: str, actions: list[Action], action_ids: set[str]) -> None:
    """Make exactly ``action_ids`` the corrective actions linked to ``node``."""
    _require(graph, node)
    known = {action.id for action in actions}
    unknown = sorted(action_ids - known)
    if unknown:
        raise ValidationError(f"no corrective action has the id {', '.join(unknown)}.")
    if graph.nodes[node]["role"] not in ("why", "cause"):
        raise ValidationError("corrective actions link to a why or a cause, not to this node.")
    ref = f"{kind_of(graph)}:{node}"
    for action in actions:
        has = ref in action.causes
        if action.id in action_ids and not has:
            action.causes = [*action.causes, ref]
        elif action.id not in action_ids and has:
            action.causes = [item for item in action.causes if item != ref]


def linked_actions(graph: nx.DiGraph, node: str, actions: list[Action]) -> list[Action]:
    ref = f"{kind_of(graph)}:{node}"
    return [action for action in actions if ref in action.causes]
