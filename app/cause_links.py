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
    label: str  # "Why 2: Pods received traffic before they were ready"
    root_cause: bool


def _depth(graph: Any, node: str) -> int:
    depth = 0
    above = parent(graph, node)
    while above is not None:
        depth += 1
        above = parent(graph, above)
    return depth


def link_targets(doc: Postmortem) -> list[LinkTarget]:
    """Every why and cause of both diagrams, in drawing order, with a readable label."""
    targets: list[LinkTarget] = []
    whys = doc.whys
    stack = list(reversed(children(whys, root_of(whys))))
    while stack:
        node = stack.pop()
        data = whys.nodes[node]
        if data.get("role") in LINKABLE_ROLES:
            text = str(data.get("text", "")).strip() or "(no text)"
            answer = str(data.get("answer", "")).strip()
            label = f"Why {_depth(whys, node)}: {text}" + (f" → {answer}" if answer else "")
            targets.append(LinkTarget(f"{WHYS}:{node}", WHYS, label, bool(data.get("root_cause"))))
        stack.extend(reversed(children(whys, node)))
    fishbone = doc.ishikawa
    for category in children(fishbone, root_of(fishbone)):
        name = str(fishbone.nodes[category].get("text", "")).strip()
        stack = list(reversed(children(fishbone, category)))
        while stack:
            node = stack.pop()
            data = fishbone.nodes[node]
            if data.get("role") in LINKABLE_ROLES:
                text = str(data.get("text", "")).strip() or "(no text)"
                targets.append(
                    LinkTarget(
                        f"{ISHIKAWA}:{node}",
                        ISHIKAWA,
                        f"{name}: {text}",
                        bool(data.get("root_cause")),
                    )
                )
            stack.extend(reversed(children(fishbone, node)))
    return targets


def link_labels(doc: Postmortem, refs: list[str]) -> list[str | None]:
    """The label of each reference, None for one whose why or cause no longer exists."""
    known = {target.ref: target.label for target in link_targets(doc)}
    return [known.get(ref) for ref in refs]
