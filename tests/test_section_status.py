"""What the outline says about each section, and cause links by text (core, no Qt)."""

from __future__ import annotations

from app.cause_links import link_targets, linked_targets
from app.demo import demo_document
from app.model import Action, Postmortem
from app.section_status import State, section_states


def test_an_empty_postmortem_asks_for_its_header_and_nothing_else() -> None:
    states = section_states(Postmortem())
    assert states["header"].state == State.ATTENTION
    assert "No title yet." in states["header"].notes
    assert {key for key, s in states.items() if s.state == State.ATTENTION} == {"header"}
    assert states["timeline"].state == State.EMPTY


def test_a_root_cause_without_an_action_and_an_action_without_owner_need_attention() -> None:
    doc = demo_document()
    for action in doc.actions:
        action.causes = []
    states = section_states(doc)
    assert states["whys"].state == State.ATTENTION
    assert states["whys"].notes[0].startswith("Root cause without a corrective action: ")
    root = next(t for t in link_targets(doc) if t.root_cause and t.kind == "whys")
    doc.actions[0].causes = [root.ref]
    assert section_states(doc)["whys"].state == State.FILLED
    doc.actions.append(Action(action="Revoir les alertes"))
    notes = section_states(doc)["actions"].notes
    assert notes == ["1 action(s) without an owner.", "1 action(s) without a due date."]


def test_links_are_described_by_text_and_a_deleted_node_is_reported() -> None:
    doc = demo_document()
    targets = link_targets(doc)
    assert targets and all(t.ref.split(":")[1] in getattr(doc, t.kind) for t in targets)
    first_why = next(t for t in targets if t.kind == "whys")
    assert first_why.label.startswith("Why 1: ") and first_why.ref not in first_why.label
    cause = next(t for t in targets if t.kind == "ishikawa")
    assert cause.label == f"{cause.category}: {cause.text}"
    assert linked_targets(doc, [cause.ref, "ishikawa:gone"]) == [cause, None]
