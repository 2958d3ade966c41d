"""A document's diagrams and their layouts, with the root causes' action links resolved.

``layout_for`` is the one place a layout is made from a document: the canvas, the PNG and SVG
exports and the PDF report (whole diagrams, or the parts it prints page by page) all call it.
"""

from __future__ import annotations

import networkx as nx

from app.diagrams.graph import ISHIKAWA, WHYS
from app.diagrams.ishikawa_layout import layout_ishikawa
from app.diagrams.layout import Layout, linked_nodes
from app.diagrams.whys_layout import layout_whys
from app.model import Postmortem


def diagram_of(doc: Postmortem, kind: str) -> nx.DiGraph:
    """``doc``'s ``kind`` diagram ("whys" or "ishikawa")."""
    if kind == WHYS:
        return doc.whys
    if kind == ISHIKAWA:
        return doc.ishikawa
    raise ValueError(f"unknown diagram kind {kind!r}")


def layout_for(doc: Postmortem, kind: str, part: nx.DiGraph | None = None) -> Layout:
    """What every painter draws for ``doc``'s ``kind`` diagram ("whys" or "ishikawa"), or for
    ``part`` of it (a subgraph keeping its root), with the document's action links."""
    linked = linked_nodes([action.causes for action in doc.actions], kind)
    graph = diagram_of(doc, kind) if part is None else part
    if kind == WHYS:
        return layout_whys(graph, linked)
    return layout_ishikawa(graph, linked)
