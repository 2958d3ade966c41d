"""Diagram edits in the core: what they do, what they refuse, and how they persist and undo."""

from __future__ import annotations

import networkx as nx
import pytest

from app.diagrams import changes, ops
from app.diagrams.document_layout import layout_for
from app.diagrams.graph import (
    ISHIKAWA,
    SIX_M_EN,
    WHYS,
    children,
    graph_to_data,
    new_ishikawa,
    new_whys,
    parent,
    root_of,
)
from app.diagrams.ishikawa_layout import layout_ishikawa
from app.diagrams.layout import NO_ACTION_TEXT, ROOT_CAUSE_TEXT
from app.diagrams.text_metrics import text_width, wrap
from app.diagrams.whys_layout import layout_whys
from app.errors import ValidationError
from app.model import Action, Postmortem
from app.session import DocumentSession
from app.store import Store


def _chain(graph: nx.DiGraph, length: int) -> list[str]:
    nodes = ["p"]
    for index in range(length):
        nodes.append(ops.add_child(graph, nodes[-1], f"why {index}"))
    return nodes


def test_add_child_sibling_rename_answer_keep_order() -> None:
    graph = new_whys("Checkout failed")
    first = ops.add_child(graph, "p", "Why did it fail?")
    third = ops.add_sibling(graph, first, "Why were retries off?")
    second = ops.add_sibling(graph, first, "Why no alert?")
    ops.rename(graph, first, "Why did checkout fail?")
    ops.set_answer(graph, first, "Because the pods were not ready.")
    assert children(graph, "p") == [first, second, third]
    assert graph.nodes[first]["text"] == "Why did checkout fail?"
    assert graph.nodes[first]["answer"] == "Because the pods were not ready."
    assert graph.nodes[first]["role"] == "why"


def test_refused_edits_say_why_and_change_nothing() -> None:
    graph = new_whys("Outage")
    a, b, c = _chain(graph, 3)[1:]
    before = graph_to_data(graph)
    refusals = [
        (lambda: ops.move(graph, a, c), "cycle"),
        (lambda: ops.move(graph, a, a), "cycle"),
        (lambda: ops.delete_subtree(graph, "p"), "root of a diagram cannot be deleted"),
        (lambda: ops.move(graph, "p", a), "root of a diagram cannot be moved"),
        (lambda: ops.add_sibling(graph, "p"), "cannot have a sibling"),
        (lambda: ops.set_root_cause(graph, "p", True), "cannot be a root cause"),
        (lambda: ops.set_answer(graph, "p", "x"), "no answer"),
        (lambda: ops.rename(graph, "nope", "x"), "no node 'nope'"),
        (lambda: ops.rename(graph, a, "x" * 10_001), "keep it under"),
        (lambda: ops.add_category(graph, "People"), "belong to the Ishikawa"),
    ]
    for attempt, message in refusals:
        with pytest.raises(ValidationError, match=message):
            attempt()
        assert graph_to_data(graph) == before, message
    assert parent(graph, c) == b


def test_move_reparents_a_whole_subtree() -> None:
    graph = new_whys("Outage")
    a = ops.add_child(graph, "p", "a")
    b = ops.add_child(graph, a, "b")
    c = ops.add_child(graph, b, "c")
    ops.move(graph, b, "p", index=0)
    assert children(graph, "p") == [b, a]
    assert parent(graph, c) == b


@pytest.mark.parametrize("kind", [WHYS, ISHIKAWA])
def test_can_move_says_exactly_what_move_accepts(kind: str) -> None:
    if kind == WHYS:
        graph = new_whys("Outage")
        a = _chain(graph, 2)[1]
        ops.add_child(graph, a, "beside b")
        ops.add_child(graph, "p", "second why")
    else:
        graph = new_ishikawa("503 errors", ("People", "Tools"))
        cause = ops.add_child(graph, "c1", "Tired on-call")
        ops.add_child(graph, cause, "No rota")
        ops.add_child(graph, "c2", "Old runbook")
    allowed: list[tuple[str, str]] = []
    for node in graph:
        for target in graph:
            trial = graph.copy()
            try:
                ops.move(trial, node, target)
                accepted = True
            except ValidationError:
                accepted = False
                assert graph_to_data(trial) == graph_to_data(graph)
            assert ops.can_move(graph, node, target) == accepted, (node, target)
            if accepted:
                allowed.append((node, target))
        assert ops.can_move(graph, node) == (parent(graph, node) is not None)
    roles = {(graph.nodes[n]["role"], graph.nodes[t]["role"]) for n, t in allowed}
    if kind == WHYS:
        assert roles == {("why", "problem"), ("why", "why")}
    else:
        assert roles == {("category", "effect"), ("cause", "category"), ("cause", "cause")}
    assert not ops.can_move(graph, "nope", root_of(graph))


def test_ishikawa_categories_and_cause_roles() -> None:
    graph = new_ishikawa("503 errors", SIX_M_EN)
    assert len(children(graph, "e")) == 6
    extra = ops.add_category(graph, "Suppliers")
    with pytest.raises(ValidationError, match="already a category named 'suppliers'"):
        ops.add_category(graph, "suppliers")
    with pytest.raises(ValidationError, match="needs a name"):
        ops.add_category(graph, "  ")
    ops.rename_category(graph, extra, "Vendors")
    cause = ops.add_child(graph, extra, "Late patch")
    sub = ops.add_child(graph, cause, "No SLA")
    assert graph.nodes[extra]["role"] == "category"
    assert graph.nodes[sub]["role"] == "cause"
    elsewhere = ops.add_child(graph, "c1", "Tired on-call")
    with pytest.raises(ValidationError, match="stays on the spine"):
        ops.move(graph, extra, elsewhere)
    with pytest.raises(ValidationError, match="not on the spine"):
        ops.move(graph, cause, "e")
    with pytest.raises(ValidationError, match="not a category"):
        ops.remove_category(graph, cause)
    ops.remove_category(graph, extra)
    assert extra not in graph and cause not in graph and sub not in graph


def test_category_sets_swap_only_while_empty() -> None:
    graph = new_ishikawa("Outage")
    ops.use_categories(graph, SIX_M_EN)
    assert [graph.nodes[c]["text"] for c in children(graph, "e")] == list(SIX_M_EN)
    ops.add_child(graph, children(graph, "e")[0], "Tired on-call")
    with pytest.raises(ValidationError, match="already hold causes"):
        ops.use_categories(graph, ("A", "B"))
    assert len(children(graph, "e")) == 6


def test_delete_unlinks_actions_and_flags_root_causes_without_action() -> None:
    doc = Postmortem(title="t")
    cause = ops.add_child(doc.ishikawa, "c1", "No canary")
    ops.set_root_cause(doc.ishikawa, cause, True)
    action = Action("Add canary")
    doc.actions.append(action)
    flagged = layout_for(doc, ISHIKAWA).box(cause)
    assert flagged.needs_action and flagged.dashed
    assert flagged.badge is not None and flagged.badge.text == NO_ACTION_TEXT

    ops.link_actions(doc.ishikawa, cause, doc.actions, {action.id})
    assert action.causes == [f"ishikawa:{cause}"]
    linked = layout_for(doc, ISHIKAWA).box(cause)
    assert not linked.needs_action
    assert linked.badge is not None and linked.badge.text == ROOT_CAUSE_TEXT
    part = doc.ishikawa.subgraph(["e", "c1", cause]).copy()  # a report page printing one bone
    printed = layout_for(doc, ISHIKAWA, part)
    assert len(printed.boxes) == 3 and not printed.box(cause).needs_action
    with pytest.raises(ValidationError, match="no corrective action has the id zz"):
        ops.link_actions(doc.ishikawa, cause, doc.actions, {"zz"})
    with pytest.raises(ValidationError, match="link to a why or a cause"):
        ops.link_actions(doc.ishikawa, "c1", doc.actions, {action.id})

    ops.delete_subtree(doc.ishikawa, cause, doc.actions)
    assert action.causes == []


def test_changes_undo_and_redo_through_the_session(store: Store) -> None:
    doc = Postmortem(title="Undo me")
    session = DocumentSession(store, doc, store.save(doc))
    add = changes.add_child(WHYS, "p", "Why?")
    session.apply(add)
    assert add.created is not None
    node = add.created
    root_cause = changes.set_root_cause(WHYS, node, True)
    session.apply(root_cause)
    assert store.load(doc.id).whys.nodes[node]["root_cause"] is True
    refused = changes.move(WHYS, "p", node)
    with pytest.raises(ValidationError):
        session.apply(refused)
    assert set(store.load(doc.id).whys) == {"p", node}
    with pytest.raises(ValidationError, match="changed since"):
        session.revert(add)  # undo out of order would lose the later edit: refused
    assert store.load(doc.id).whys.nodes[node]["root_cause"] is True
    session.revert(root_cause)
    session.revert(add)  # undo is a restore of the earlier state
    assert set(doc.whys) == {"p"}
    session.apply(add)
    assert set(store.load(doc.id).whys) == {"p", node}


@pytest.mark.parametrize(
    "label",
    [
        "<b>unclosed & <img src='/etc/passwd'/>",
        "Paiement ✅ échoué 🔄 puis ⚠ repris 🚨",
        "فشل الدفع بسبب مهلة الاتصال בשל כשל בשירות",
        "x" * 2000,
        ("Lorem ipsum dolor sit amet " * 80).strip(),
    ],
)
def test_hostile_labels_are_wrapped_inside_their_box_and_kept_whole(label: str) -> None:
    graph = new_whys("Outage")
    node = ops.add_child(graph, "p", label)
    box = layout_whys(graph).box(node)
    assert box.full_text == label
    for line in box.lines:
        assert box.x + line.dx + text_width(line.text, line.size, line.font == "bold") <= box.right
        assert box.y < box.y + line.baseline < box.bottom
    if len(label) > 500:
        assert box.elided and box.lines[-1].text.endswith("…")
        assert len(box.lines) <= 5


def test_wrap_measures_with_the_bundled_font() -> None:
    lines, elided = wrap("Pourquoi Kubernetes les marquait-il comme « Ready » trop tôt ?", 150, 11)
    assert not elided and len(lines) == 3
    assert text_width("WWW", 10) > text_width("iii", 10)
    assert text_width("W", 10, bold=True) > text_width("W", 10)
    assert wrap("", 100, 10) == (("",), False)


def test_three_hundred_nodes_lay_out_without_overlap() -> None:
    graph = new_ishikawa("Big", SIX_M_EN)
    for category in children(graph, "e"):
        for _ in range(10):
            cause = ops.add_child(graph, category, "cause with some words to wrap")
            for _ in range(3):
                ops.add_child(graph, cause, "sub")
    assert graph.number_of_nodes() >= 240 + 7
    layout = layout_ishikawa(graph)
    assert len(layout.boxes) == graph.number_of_nodes()
    whys = new_whys("Deep")
    _chain(whys, 40)
    for index in range(260):
        ops.add_child(whys, f"w{1 + index % 40}", f"branch {index}")
    assert whys.number_of_nodes() == 301
    for result in (layout, layout_whys(whys)):
        boxes = sorted(result.boxes, key=lambda b: b.x)
        for i, one in enumerate(boxes):
            for other in boxes[i + 1 :]:
                if other.x >= one.right:
                    break
                assert one.bottom <= other.y or other.bottom <= one.y, (one.node_id, other.node_id)


def test_diagrams_persist_through_the_store(store: Store) -> None:
    doc = Postmortem(title="Saved")
    cause = ops.add_child(doc.ishikawa, "c2", "Rollout at 100 %")
    ops.set_root_cause(doc.ishikawa, cause, True)
    store.save(doc)
    loaded = store.load(doc.id)
    assert graph_to_data(loaded.ishikawa) == graph_to_data(doc.ishikawa)


def test_undoing_a_link_restores_only_that_link(store: Store) -> None:
    doc = Postmortem(title="Links")
    cause = ops.add_child(doc.ishikawa, "c1", "No canary")
    first, second = Action("Add canary"), Action("Write runbook", causes=["whys:w9"])
    doc.actions.extend([first, second])
    session = DocumentSession(store, doc, store.save(doc))
    link = changes.link_actions(ISHIKAWA, cause, {first.id})
    session.apply(link)
    assert first.causes == [f"ishikawa:{cause}"]
    second.causes = []  # edited elsewhere meanwhile
    session.revert(link)
    assert first.causes == [] and second.causes == []
    assert store.load(doc.id).actions[0].causes == []
