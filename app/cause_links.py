"""Links from corrective actions to the whys and causes they address, by what people read.

An action stores references such as ``whys:w2``; people see and choose the text of the why or
cause instead. Only existing whys and causes are offered, so a link can never point nowhere;
a reference whose node was deleted since is reported as such, never shown as an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.diagrams.graph import ISHIKAWA, WHYS, children, parent, root_of
from app.model import Postmortem

LINKABLE_ROLES = ("why", "cause")


@dataclass(frozen=True)
class LinkTarget:
    ref: str  # "whys:w2"
    kind: str  # WHYS | ISHIKAWA
    text: str  # the why's question or the cause
    root_cause: bool
    depth: int = 0  # a why's rank: 1 for the first why under the problem
    answer: str = ""  # a why's answer
    category: str = ""  # a cause's Ishikawa category

    @property
    def label(self) -> str:
        """In English, e.g. "Why 2: … → …" or "People: …" (the interface builds its own)."""
        if self.kind == WHYS:
            return f"Why {self.depth}: {self.text}" + (f" → {self.answer}" if self.answer else "")
        return f"{self.category}: {self.text}"


def _depth(graph: Any, node: str) -> int:
    depth = 0
    above = parent(graph, node)
    while above is not None:
        depth += 1
        above = parent(graph, above)
    return depth


def _walk(graph: Any, start: str) -> list[str]:
    """The nodes under ``start`` in drawing order (depth first)."""
    found: list[str] = []
    stack = list(reversed(children(graph, start)))
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(children(graph, node)))
    return found


def _linkable(graph: Any, start: str) -> list[tuple[str, dict[str, Any]]]:
    """The whys and causes under ``start`` that an action may address, in drawing order."""
    return [
        (node, graph.nodes[node])
        for node in _walk(graph, start)
        if graph.nodes[node].get("role") in LINKABLE_ROLES
    ]


def _target(kind: str, node: str, data: dict[str, Any], **where: Any) -> LinkTarget:
    text = str(data.get("text", "")).strip()
    return LinkTarget(f"{kind}:{node}", kind, text, bool(data.get("root_cause")), **where)


def link_targets(doc: Postmortem) -> list[LinkTarget]:
    """Every why and cause of both diagrams, in drawing order."""
    whys = doc.whys
    targets = [
        _target(
            WHYS,
            node,
            data,
            depth=_depth(whys, node),
            answer=str(data.get("answer", "")).strip(),
        )
        for node, data in _linkable(whys, root_of(whys))
    ]
    fishbone = doc.ishikawa
    for category in children(fishbone, root_of(fishbone)):
        name = str(fishbone.nodes[category].get("text", "")).strip()
        targets += [
            _target(ISHIKAWA, node, data, category=name)
            for node, data in _linkable(fishbone, category)
        ]
    return targets


def linked_targets(doc: Postmortem, refs: list[str]) -> list[LinkTarget | None]:
    """The why or cause of each reference, None for one that no longer exists."""
    known = {target.ref: target for target in link_targets(doc)}
    return [known.get(ref) for ref in refs]
