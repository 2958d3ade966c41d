"""A fishbone written as bullets under category headings → the Ishikawa graph.

``### Personnes`` followed by ``- cause`` (nested bullets are sub-causes), or one list whose
top-level items are the categories. ``**Effet** : …`` names the effect. ``(cause racine)`` /
``(root cause)`` at the end of a cause marks it.
"""

from __future__ import annotations

import re

import networkx as nx

from app.diagrams.graph import ISHIKAWA
from app.markdown.fields import strip_inline
from app.markdown.parse import Item
from app.markdown.sections import fold
from app.markdown.whys import canonical_ids

# The 6M (and their usual names) in English and French, folded.
CATEGORY_WORDS = frozenset({
    "methods", "method", "methodes", "methode", "process", "processes", "processus",
    "procedures", "procedure", "machines", "machine", "materiel", "equipment", "equipement",
    "technology", "technologie", "tools", "outils", "materials", "material", "matieres",
    "matiere", "data", "donnees", "manpower", "people", "personnel", "main d oeuvre",
    "personnes", "humain", "human", "humans", "equipe", "team", "measurement", "measurements",
    "mesure", "mesures", "monitoring", "supervision", "milieu", "environment", "environnement",
    "management", "organisation", "organization", "software", "logiciel", "infrastructure",
    "communication", "communications", "policies", "politiques",
})  # fmt: skip


def category_line(text: str) -> str | None:
    """``**Methods**``, ``People``, ``Machines :``: a line naming a category, or None."""
    if "\n" in text.strip():
        return None
    name = strip_inline(text).strip().rstrip(":：").strip()
    if not name or len(name.split()) > 4 or name.endswith((".", "?", "!")):
        return None
    bold = text.strip().startswith(("**", "__"))
    return name if bold or fold(name) in CATEGORY_WORDS or text.strip().endswith(":") else None


#: how an actions table names a cause by number ("5 Whys #2", "Ishikawa n°4")
_NUMBERED = re.compile(r"^(?:5 whys|5 pourquoi|ishikawa)\s*(?:#|n°)\s*\d+$", re.IGNORECASE)
ROOT_CAUSE_SUFFIX = re.compile(
    r"\s*[—-]?\s*(?:\*\*)?\((?:cause racine|root cause)\)(?:\*\*)?\s*$", re.I
)


class FishboneBuilder:
    """Adds categories and causes in reading order, ids ``c1…`` and ``k1…`` like the export."""

    def __init__(self) -> None:
        self.graph = nx.DiGraph(kind=ISHIKAWA)
        self.graph.add_node("e", text="", answer="", role="effect", root_cause=False, order=0)
        self._categories = 0
        self._causes = 0
        self.category: str | None = None

    def set_effect(self, text: str) -> None:
        self.graph.nodes["e"]["text"] = text

    def add_category(self, name: str) -> str:
        self._categories += 1
        node = f"c{self._categories}"
        order = len(list(self.graph.successors("e")))
        self.graph.add_node(node, text=name, answer="", role="category", root_cause=False,
                            order=order)  # fmt: skip
        self.graph.add_edge("e", node)
        self.category = node
        return node

    def add_labelled_causes(self, items: list[Item]) -> bool:
        """``- Méthodes : déploiement non progressif``: the label is the category."""
        top = [item for item in items if item.depth == 0]
        pairs = []
        for item in top:
            label, colon, value = strip_inline(item.text.replace("\n", " ")).partition(":")
            if not colon or not value.strip() or len(label.split()) > 4:
                return False
            pairs.append((label.strip(), value.strip()))
        known = sum(fold(label) in CATEGORY_WORDS for label, _ in pairs)
        if not pairs or known * 2 < len(pairs):
            return False
        named: dict[str, str] = {}
        for label, value in pairs:
            if label not in named:
                named[label] = self.add_category(label)
            self._add_cause(named[label], value)
        return True

    def add_causes(self, items: list[Item], top_is_category: bool) -> None:
        parents: list[str] = []
        for item in items:
            text = strip_inline(item.text.replace("\n", " "))
            depth = item.depth
            if top_is_category:
                if depth == 0:
                    self.add_category(text)
                    parents = []
                    continue
                depth -= 1
            if self.category is None:
                self.add_category("")
            assert self.category is not None
            parents = parents[:depth]
            parent = parents[-1] if parents else self.category
            parents.append(self._add_cause(parent, text))

    def _add_cause(self, parent: str, text: str) -> str:
        self._causes += 1
        node = f"k{self._causes}"
        flagged = bool(ROOT_CAUSE_SUFFIX.search(text))
        text = ROOT_CAUSE_SUFFIX.sub("", text)
        order = len(list(self.graph.successors(parent)))
        self.graph.add_node(node, text=text, answer="", role="cause", root_cause=flagged,
                            order=order)  # fmt: skip
        self.graph.add_edge(parent, node)
        return node


def ishikawa_ids(graph: nx.DiGraph) -> dict[str, str]:
    return canonical_ids(graph, "e", {"category": "c", "cause": "k"})


def cause_text_is_unique(graph: nx.DiGraph, text: str) -> bool:
    """True when ``text`` names exactly one cause and can stand for it in an actions table."""
    if not text or any(mark in text for mark in ",|") or _NUMBERED.match(text):
        return False
    return [str(d.get("text", "")).strip() for _, d in graph.nodes(data=True)].count(text) == 1


def cause_by_text(graph: nx.DiGraph, text: str) -> str | None:
    """The id of the one cause whose text is ``text`` (None when none or several)."""
    found = [n for n, d in graph.nodes(data=True) if str(d.get("text", "")).strip() == text]
    return found[0] if len(found) == 1 else None
