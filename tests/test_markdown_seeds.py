"""The team's own templates (the seeds) as acceptance tests of the Markdown import."""

from __future__ import annotations

import json
from pathlib import Path

from app.demo import demo_document
from app.diagrams.graph import children
from app.markdown.decode import decode_markdown
from app.markdown.importer import import_text, read_markdown
from app.markdown.whys import WhysDraft, build_whys, steps_from_tree_text
from app.vocabulary import ActionStatus, Marker, ServiceState
from tests.foundation_helpers import run_cli
from tests.markdown_helpers import SEED_COPIES, SEED_NAMES, lost_words, seed_path


def _chain(graph: object) -> list[tuple[str, str, bool]]:
    nodes = []
    node = "p"
    while True:
        kids = children(graph, node)  # type: ignore[arg-type]
        if not kids:
            return nodes
        node = kids[0]
        data = graph.nodes[node]  # type: ignore[attr-defined]
        nodes.append((data["text"], data["answer"], data["root_cause"]))


def test_the_seed_copies_in_the_repository_match_the_shared_seeds() -> None:
    for number, name in SEED_NAMES.items():
        assert (SEED_COPIES / name).read_bytes() == seed_path(number).read_bytes()


def test_seed_000_gives_the_demo_structure() -> None:
    doc, report = read_markdown(seed_path("000"))
    demo = demo_document()
    assert doc.language == "fr"
    assert [e.event.split()[0].strip(":") for e in doc.timeline] == [
        e.event.split()[0] for e in demo.timeline
    ]
    assert [e.at.strftime("%H:%M:%S") for e in doc.timeline] == [
        e.at.strftime("%H:%M:%S") for e in demo.timeline
    ]
    assert [e.actor for e in doc.timeline] == [e.actor for e in demo.timeline]
    assert [e.marker for e in doc.timeline] == [e.marker for e in demo.timeline]
    assert doc.incident_date == demo.incident_date
    whys = _chain(doc.whys)
    expected = [text.replace("« ", '"').replace(" »", '"') for text, _, _ in _chain(demo.whys)]
    assert [text for text, _, _ in whys] == expected
    assert whys[-1][2] is True and not any(flag for _, _, flag in whys[:-1])
    assert all(answer.startswith("Parce qu") for _, answer, _ in whys)
    assert [(a.action, a.owner, a.due, a.status) for a in doc.actions] == [
        (a.action, a.owner, a.due, a.status) for a in demo.actions
    ]
    assert [s.state for s in doc.services] == [ServiceState.DOWN, ServiceState.DEGRADED,
                                               ServiceState.OK]  # fmt: skip
    assert [row.metric for row in doc.impact] == [row.metric for row in demo.impact]
    assert len(doc.went_well) == 5 and len(doc.went_wrong) == 5
    assert [lesson.audience for lesson in doc.lessons] == [x.audience for x in demo.lessons]
    assert [(a.title, a.kind) for a in doc.annexes[:4]] == [
        ("Logs Pertinents", "log"),
        ("Métriques : Success Rate Graph", "link"),
        ("Kubernetes Best Practices: Health Checks", "link"),
        ("Google SRE Book: Postmortem Culture", "link"),
    ]
    assert doc.acknowledgements.startswith("Merci à l'équipe SRE")
    assert doc.blameless_note.startswith("Ce postmortem est blameless")
    assert doc.root_cause.startswith("**Absence de readinessProbe dans le Deployment**")
    assert any("template placeholder" in entry for entry in report.kept_aside)


def test_seed_000_placeholders_are_kept_aside_not_taken_as_facts() -> None:
    doc, report = read_markdown(seed_path("000"))
    assert doc.author == "" and doc.reviewers == []
    assert "Notes de l'import" not in [annex.title for annex in doc.annexes]
    assert "[Votre nom]" in report.notes and "Draft / In Review / Final" in report.notes
    assert any("first date in the summary" in warning for warning in report.warnings)


def test_seed_002_gives_its_structure() -> None:
    doc, report = read_markdown(seed_path("002"))
    assert doc.title == "📝 POST-INCIDENT REPORT - Template"
    assert [text for text, _, _ in _chain(doc.whys)] == [
        "Why did the database stop responding?",
        "Why did it run out of memory?",
        "Why weren't old connections cleaned up?",
        "Why wasn't this caught in testing?",
        "Why wasn't there monitoring on memory usage?",
    ]
    assert _chain(doc.whys)[0][1] == "PostgreSQL process crashed due to OOM (Out of Memory)"
    assert doc.root_cause.startswith("Memory monitoring threshold insufficient")
    times = {entry.at.strftime("%H:%M") for entry in doc.timeline}
    assert {"14:32", "14:35", "14:52", "15:15", "15:20"} <= times
    by_text = {action.action.split(" — ")[0]: action for action in doc.actions}
    assert by_text["Redémarré PostgreSQL"].status == ActionStatus.DONE
    assert by_text["Redémarré PostgreSQL"].horizon == "immediate"
    pooling = by_text["Optimize connection pooling"]
    assert (pooling.owner, pooling.due, pooling.horizon) == ("DBA", pooling.due, "short")
    assert pooling.due is not None and pooling.due.isoformat() == "2025-10-29"
    assert "Set max_age = 300s" in pooling.action
    assert by_text["Connection pooling"].status == ActionStatus.IN_PROGRESS
    assert by_text["WAL archiving"].status == ActionStatus.TODO
    assert len(doc.went_well) == 4 and len(doc.went_wrong) == 4
    assert {c.audience for c in doc.communications} == {"internal", "external"}
    metrics = {row.metric: row.value for row in doc.impact}
    assert metrics["Users affected"] == "12,500 (100% of active users)"
    told = {n.title for n in doc.narrative}
    assert told >= {"Mise en Œuvre vs PRA", "Signatures & Approbation"}
    assert not told & {a.title for a in doc.annexes}  # annexes hold only real annexes
    assert any("Q1 2026" in warning for warning in report.warnings)


def test_seed_001_embedded_template_is_imported_and_the_rest_kept() -> None:
    doc, report = read_markdown(seed_path("001"))
    assert doc.title == "Post-Mortem: [Titre de l'Incident]"
    assert len(doc.timeline) == 9
    assert doc.timeline[0].event == "Déploiement v2.3.1 en production"
    assert [answer for _, answer, _ in _chain(doc.whys)] == [
        "Le connection pool DB était saturé",
        "La feature export générait 50k requêtes par appel",
        "Le code utilisait une boucle au lieu d'un batch query",
        "La code review n'a pas identifié le problème de performance",
        "Pas de tests de performance automatisés sur les nouvelles features",
    ]
    statuses = [a.status for a in doc.actions]
    assert statuses == ["done", "in_progress", "todo", "done", "todo"]
    assert [a.priority for a in doc.actions] == ["P1", "P1", "P2", "P1", "P2"]
    assert len(doc.lessons) == 3
    outside = next(a for a in doc.annexes if a.title == "Document source (hors modèle)")
    assert "Réunion Post-Mortem" in outside.content and "Pourquoi #1" in outside.content
    assert any(annex.title == "Diagramme de Cause" for annex in doc.annexes)
    assert report.mapped[0].startswith("the file describes postmortems")


def test_seed_001_five_whys_example_becomes_a_tree() -> None:
    text = decode_markdown(seed_path("001").read_bytes()).text
    block = text.split("### 5 Whys\n\n```\n", 1)[1].split("```", 1)[0]
    draft = WhysDraft()
    assert steps_from_tree_text(block, draft)
    graph = build_whys(draft, [])
    assert graph.nodes["p"]["text"] == "Service down pendant 45 min"
    assert [answer for _, answer, _ in _chain(graph)] == [
        "Le service ne répondait plus",
        "Out of Memory (OOM)",
        "Memory leak dans le code",
        "Event listeners jamais nettoyés",
        "Pas de pattern standard pour le cleanup",
    ]
    assert draft.root_cause_text == "Manque de conventions sur la gestion du cycle de vie"
    standalone, _ = import_text("# Analyse\n\n## 5 Whys\n\n```\n" + block + "```\n")
    assert standalone.root_cause == "Manque de conventions sur la gestion du cycle de vie"
    assert _chain(standalone.whys)[-1][2] is True


def test_importing_the_seeds_loses_no_text() -> None:
    for number in ("000", "001", "002"):
        raw = decode_markdown(seed_path(number).read_bytes()).text
        doc, report = read_markdown(seed_path(number))
        assert lost_words(raw, doc, report) == {}, number


def test_cli_import_of_seed_000_then_show_json_matches_the_demo(
    db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "seed-000.md"
    source.write_bytes(seed_path("000").read_bytes())
    imported = run_cli("--db", db_path, "import", source)
    assert imported.code == 0, imported.err
    assert "Imported seed-000.md" in imported.err and "kept aside" in imported.err
    shown = run_cli("--db", db_path, "show", imported.out.strip(), "--json")
    data = json.loads(shown.out)
    demo = json.loads(Path("resources/demo/payment-service.json").read_text(encoding="utf-8"))
    assert len(data["timeline"]) == len(demo["timeline"]) == 11
    assert [e["marker"] for e in data["timeline"]] == [e["marker"] for e in demo["timeline"]]
    assert [e["actor"] for e in data["timeline"]] == [e["actor"] for e in demo["timeline"]]
    assert len([n for n in data["whys"]["nodes"] if n["role"] == "why"]) == 5
    assert [(a["action"], a["status"], a["due"]) for a in data["actions"]] == [
        (a["action"], a["status"], a["due"]) for a in demo["actions"]
    ]
    assert data["incident_date"] == demo["incident_date"]
    assert [s["state"] for s in data["services"]] == [s["state"] for s in demo["services"]]
    assert data["started_at"][:19] == demo["started_at"][:19]
    assert data["resolved_at"][:19] == demo["resolved_at"][:19]
    assert Marker.DETECTED.value in {e["marker"] for e in data["timeline"]}
