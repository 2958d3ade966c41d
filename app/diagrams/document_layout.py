"""The layout of one diagram of a document, with its root causes' action links resolved."""

from __future__ import annotations

from app.diagrams.graph import WHYS
from app.diagrams.ishikawa_layout import layout_ishikawa
from app.diagrams.layout import Layout, linked_nodes
from app.diagrams.whys_layout import layout_whys
from app.model import Postmortem


def layout_for(doc: Postmortem, kind: str) -> Layout:
    """What every painter draws for ``doc``'s ``kind`` diagram ("whys" or "ishikawa")."""
    linked = linked_nodes([action.causes for action in doc.actions], kind)
    if kind == WHYS:
        return layout_whys(doc.whys, linked)
    return layout_ishikawa(doc.ishikawa, linked)
