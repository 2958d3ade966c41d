"""Undoable document changes for diagram edits (the ``app.session.Change`` protocol).

A ``DiagramChange`` runs one edit of ``app.diagrams.ops`` on a copy of the diagram (and of the
actions' cause links), so a refused edit leaves the document untouched; it keeps the state
before and after, so undo and redo restore exactly — the same node ids included.
``created`` is the id of the node the edit added, if any (the canvas selects it).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from app.diagrams import ops
from app.diagrams.document_layout import diagram_of
from app.diagrams.graph import ISHIKAWA, validate_tree
from app.errors import ValidationError
from app.messages import Message, Quoted
from app.model import Action, Postmortem

Edit = Callable[[nx.DiGraph, list[Action]], str | None]


@dataclass
class DiagramChange:
    description: str
    kind: str
    edit: Edit
    created: str | None = None
    _before: tuple[nx.DiGraph, dict[str, list[str]]] | None = field(default=None, repr=False)
    _after: tuple[nx.DiGraph, dict[str, list[str]]] | None = field(default=None, repr=False)

    def forward(self, doc: Postmortem) -> None:
        if self._after is not None:
            assert self._before is not None
            self._expect(doc, self._before)
            self._restore(doc, self._after)
            return
        original = diagram_of(doc, self.kind)
        graph = original.copy()
        actions = copy.deepcopy(doc.actions)
        self.created = self.edit(graph, actions)
        validate_tree(graph, self.kind)
        # keep only the links this edit changed, so undo leaves other edits of actions alone
        before_links = _links(doc)
        after_links = {action.id: list(action.causes) for action in actions}
        changed = {k for k, v in after_links.items() if before_links.get(k) != v}
        # one copy per edit (the frame budget): the document's old graph is replaced, never
        # mutated, so it can be kept as the "before" state as is; the new one is shared
        # with the "after" state until a redo hands out a fresh copy
        self._before = (original, {k: before_links[k] for k in changed if k in before_links})
        self._after = (graph, {k: after_links[k] for k in changed})
        setattr(doc, self.kind, graph)
        _set_links(doc, self._after[1])

    def backward(self, doc: Postmortem) -> None:
        if self._before is None or self._after is None:
            return  # the edit was refused before it changed anything: nothing to take back
        self._expect(doc, self._after)
        self._restore(doc, self._before)

    def _expect(self, doc: Postmortem, state: tuple[nx.DiGraph, dict[str, list[str]]]) -> None:
        """Redo and undo replace the whole diagram: refused when it was changed since (in
        another window or program), so that change is never lost."""
        if not _same_graph(diagram_of(doc, self.kind), state[0]):
            raise ValidationError(Message("error.diagram_changed", edit=Quoted([self.description])))

    def _restore(self, doc: Postmortem, state: tuple[nx.DiGraph, dict[str, list[str]]]) -> None:
        graph, links = state
        setattr(doc, self.kind, graph.copy())
        _set_links(doc, links)


def _same_graph(first: nx.DiGraph, second: nx.DiGraph) -> bool:
    return bool(
        dict(first.nodes(data=True)) == dict(second.nodes(data=True))
        and set(first.edges) == set(second.edges)
    )


def _set_links(doc: Postmortem, links: dict[str, list[str]]) -> None:
    for action in doc.actions:
        if action.id in links:
            action.causes = list(links[action.id])


def _links(doc: Postmortem) -> dict[str, list[str]]:
    return {action.id: list(action.causes) for action in doc.actions}


def add_child(kind: str, parent: str, text: str = "") -> DiagramChange:
    return DiagramChange(
        Message("diagram.add_node"), kind, lambda g, _a: ops.add_child(g, parent, text)
    )


def add_sibling(kind: str, of: str, text: str = "") -> DiagramChange:
    return DiagramChange(
        Message("diagram.add_sibling"), kind, lambda g, _a: ops.add_sibling(g, of, text)
    )


def rename(kind: str, node: str, text: str) -> DiagramChange:
    def edit(graph: nx.DiGraph, _actions: list[Action]) -> None:
        if graph.nodes.get(node, {}).get("role") == "category":
            ops.rename_category(graph, node, text)
        else:
            ops.rename(graph, node, text)

    return DiagramChange(Message("diagram.rename"), kind, edit)


def set_answer(kind: str, node: str, answer: str) -> DiagramChange:
    return DiagramChange(
        Message("diagram.answer"), kind, lambda g, _a: ops.set_answer(g, node, answer)
    )


def move(kind: str, node: str, new_parent: str, index: int | None = None) -> DiagramChange:
    return DiagramChange(
        Message("diagram.move"), kind, lambda g, _a: ops.move(g, node, new_parent, index)
    )


def delete(kind: str, node: str) -> DiagramChange:
    def edit(graph: nx.DiGraph, actions: list[Action]) -> None:
        ops.delete_subtree(graph, node, actions)

    return DiagramChange(Message("diagram.delete"), kind, edit)


def set_root_cause(kind: str, node: str, value: bool) -> DiagramChange:
    description = Message("diagram.mark_root" if value else "diagram.unmark_root")
    return DiagramChange(description, kind, lambda g, _a: ops.set_root_cause(g, node, value))


def add_category(text: str) -> DiagramChange:
    return DiagramChange(
        Message("diagram.add_category"), ISHIKAWA, lambda g, _a: ops.add_category(g, text)
    )


def remove_category(node: str) -> DiagramChange:
    def edit(graph: nx.DiGraph, actions: list[Action]) -> None:
        ops.remove_category(graph, node, actions)

    return DiagramChange(Message("diagram.remove_category"), ISHIKAWA, edit)


def use_categories(names: tuple[str, ...], description: str | None = None) -> DiagramChange:
    """Replace the categories by ``names``; named "Use the categories: People, Process, …"."""
    named = description or Message("diagram.use_categories", names=", ".join(names))
    return DiagramChange(named, ISHIKAWA, lambda g, _a: ops.use_categories(g, names))


def link_actions(kind: str, node: str, action_ids: set[str]) -> DiagramChange:
    def edit(graph: nx.DiGraph, actions: list[Action]) -> None:
        ops.link_actions(graph, node, actions, action_ids)

    return DiagramChange(Message("diagram.link_actions"), kind, edit)
