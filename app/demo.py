"""The demo postmortem a new user sees: seed 000's payment-service incident, clean French."""

from __future__ import annotations

from app.jsonio import document_from_json
from app.model import Postmortem, new_id
from app.paths import resource
from app.store import Store

DEMO_FILE = resource("demo", "payment-service.json")


def demo_document() -> Postmortem:
    doc = document_from_json(DEMO_FILE.read_text(encoding="utf-8"))
    doc.id = new_id()
    return doc


def add_demo(store: Store) -> Postmortem:
    doc = demo_document()
    store.add(doc, "created from the demo")
    return doc
