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


def link_targets(doc: Postmortem) -> list[LinkTarget]:
    """Every why and cause of both diagrams, in drawing order."""
    targets: list[LinkTarget] = []
    whys = doc.whys
    for node in _walk(whys, root_of(whys)):
        data = whys.nodes[node]
        if data.get("role") in LINKABLE_ROLES:
            targets.append(
                LinkTarget(
                    f"{WHYS}:{node}",
                    WHYS,
                    str(data.get("text", "")).strip(),
                    bool(data.get("root_cause")),
                    depth=_depth(whys, node),
                    answer=str(data.get("answer", "")).strip(),
                )
            )
    fishbone = doc.ishikawa
    for category in children(fishbone, root_of(fishbone)):
        name = str(fishbone.nodes[category].get("text", "")).strip()
        for node in _walk(fishbone, category):
            data = fishbone.nodes[node]
            if data.get("role") in LINKABLE_ROLES:
                targets.append(
                    LinkTarget(
                        f"{ISHIKAWA}:{node}",
                        ISHIKAWA,
                        str(data.get("text", "")).strip(),
                        bool(data.get("root_cause")),
                        category=name,
                    )
                )
    return targets


def linked_targets(doc: Postmortem, refs: list[str]) -> list[LinkTarget | None]:
    """The why or cause of each reference, None for one that no longer exists."""
    known = {target.ref: target for target in link_targets(doc)}
    return [known.get(ref) for ref in refs]
