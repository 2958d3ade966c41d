"""Shared helpers for the Markdown tests: where the files are, and what "same document" means."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from app.diagrams.graph import graph_to_data
from app.formats import ImportReport
from app.jsonio import document_to_dict, document_to_json
from app.markdown.fishbone import ishikawa_ids
from app.markdown.whys import whys_ids
from app.model import Postmortem

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "markdown"
SEED_COPIES = DATA / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_NAMES = {
    "000": "000_postmortem_template.md",
    "001": "001_postmortem_skill.md",
    "002": "002_post_incident_report.md",
}


def seed_path(number: str) -> Path:
    """The shared seed when the repository sits beside it, else the copy kept in tests/data."""
    shared = sorted(SHARED_SEEDS.glob(f"{number}_*")) if SHARED_SEEDS.is_dir() else []
    if shared:
        return shared[0]
    copy = SEED_COPIES / SEED_NAMES[number]
    if not copy.exists():
        pytest.skip(f"seed {number} is neither in {SHARED_SEEDS} nor in {SEED_COPIES}")
    return copy


def comparable(doc: Postmortem) -> dict[str, Any]:
    """The document's content with row ids dropped and diagram ids renumbered in tree order."""
    data = document_to_dict(doc)
    why_map, fish_map = whys_ids(doc.whys), ishikawa_ids(doc.ishikawa)
    for key in ("id", "revision", "signoffs", "meeting_agenda"):
        data.pop(key)
    for entry in data["timeline"]:
        entry.pop("id")
    for action in data["actions"]:
        action.pop("id")
        causes = []
        for cause in action["causes"]:
            kind, _, node = cause.partition(":")
            mapping = why_map if kind == "whys" else fish_map
            causes.append(f"{kind}:{mapping.get(node, node)}")
        action["causes"] = causes
    data["whys"] = graph_to_data(nx.relabel_nodes(doc.whys, why_map))
    data["ishikawa"] = graph_to_data(nx.relabel_nodes(doc.ishikawa, fish_map))
    return data


# Words that only label a value the import converts (``ETA: Oct 29`` → a due date).
STRUCTURAL = {
    "answer",
    "réponse",
    "eta",
    "due",
    "owner",
    "deadline",
    "priority",
    "priorité",
    "am",
    "pm",
} | {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
}
_WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def lost_words(source: str, doc: Postmortem, report: ImportReport) -> dict[int, set[str]]:
    """Words of each non-blank source line found neither in the document nor in the report."""
    kept = words("\n".join(_strings(json.loads(document_to_json(doc))))) | words(
        "\n".join(report.mapped + report.kept_aside + report.warnings + [report.notes])
    )
    lost: dict[int, set[str]] = {}
    for number, line in enumerate(source.split("\n"), start=1):
        missing = words(line) - kept - STRUCTURAL
        if missing:
            lost[number] = missing
    return lost
