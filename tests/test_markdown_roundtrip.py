"""Export to Markdown, import again: the same document (demo, generated documents, the CLI)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.demo import demo_document
from app.diagrams.graph import new_ishikawa, new_whys
from app.markdown.exporter import export_markdown
from app.markdown.importer import import_text
from app.model import (
    Action,
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    Participant,
    Postmortem,
    Service,
    TimelineEntry,
)
from app.vocabulary import (
    ActionKind,
    ActionStatus,
    AnnexKind,
    Attendance,
    Audience,
    Horizon,
    Marker,
    Priority,
    ServiceState,
    Status,
)
from tests.foundation_helpers import run_cli
from tests.markdown_helpers import comparable

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçùôœ", min_size=1, max_size=8)
_text = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_maybe_text = st.just("") | _text
_offsets = st.sampled_from([0, 60, 120, -300, 330]).map(lambda m: timezone(timedelta(minutes=m)))
_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
_times = st.builds(
    lambda day, seconds, zone: (
        datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(seconds=seconds)
    ),
    _days,
    st.integers(min_value=0, max_value=86399),
    _offsets,
)


@st.composite
def _whys(draw: st.DrawFn) -> Any:
    graph = new_whys(draw(_maybe_text))
    nodes = ["p"]
    for index in range(draw(st.integers(min_value=0, max_value=6))):
        parent = draw(st.sampled_from(nodes)) if draw(st.booleans()) else nodes[-1]
        node = f"x{index}"
        order = len(list(graph.successors(parent)))
        graph.add_node(node, text=draw(_text), answer=draw(_maybe_text), role="why",
                       root_cause=draw(st.booleans()), order=order)  # fmt: skip
        graph.add_edge(parent, node)
        nodes.append(node)
    return graph


@st.composite
def _ishikawa(draw: st.DrawFn) -> Any:
    categories = tuple(draw(st.lists(_text, min_size=0, max_size=4)))
    graph = new_ishikawa(draw(_maybe_text), categories)
    parents = [f"c{i + 1}" for i in range(len(categories))]
    for index in range(draw(st.integers(min_value=0, max_value=6)) if parents else 0):
        parent = draw(st.sampled_from(parents))
        node = f"y{index}"
        order = len(list(graph.successors(parent)))
        graph.add_node(node, text=draw(_text), answer="", role="cause",
                       root_cause=draw(st.booleans()), order=order)  # fmt: skip
        graph.add_edge(parent, node)
        parents.append(node)
    return graph


@st.composite
def documents(draw: st.DrawFn) -> Postmortem:
    language = draw(st.sampled_from(["en", "fr"]))
    doc = Postmortem(title=draw(_text), language=language)
    doc.incident_date = draw(st.none() | _days)
    doc.severity = draw(st.sampled_from(["", "P0", "P1", "P2", "P3"]))
    doc.status = draw(st.sampled_from(list(Status)))
    doc.author = draw(_maybe_text)
    doc.reviewers = draw(st.lists(_text, max_size=3))
    doc.postmortem_date = draw(st.none() | _days)
    for name in ("started_at", "detected_at", "mitigated_at", "resolved_at"):
        setattr(doc, name, draw(st.none() | _times))
    doc.timezone = draw(st.sampled_from(["UTC", "Europe/Paris"]))
    doc.tags = draw(st.lists(_word, max_size=3))
    doc.summary = draw(_maybe_text)
    impact = draw(st.lists(st.tuples(_text, _maybe_text, _maybe_text), max_size=3))
    doc.impact = [ImpactRow(m, v, t) for m, v, t in impact]
    doc.services = [Service(n, s) for n, s in
                    draw(st.lists(st.tuples(_text, st.sampled_from(list(ServiceState))),
                                  max_size=3))]  # fmt: skip
    doc.participants = [Participant(n, r, a) for n, r, a in
                        draw(st.lists(st.tuples(_text, _maybe_text,
                                                st.sampled_from(list(Attendance))),
                                      max_size=3))]  # fmt: skip
    rows = draw(st.lists(st.tuples(_times, _text, _maybe_text, _maybe_text,
                                   st.none() | st.sampled_from(list(Marker))),
                         max_size=5, unique_by=lambda row: row[1]))  # fmt: skip
    doc.timeline = [TimelineEntry(*row) for row in rows]
    doc.whys = draw(_whys())
    doc.ishikawa = draw(_ishikawa())
    doc.root_cause = draw(_maybe_text)
    doc.contributing_factors = draw(st.lists(_text, max_size=3))
    doc.went_well = draw(st.lists(_text, max_size=3))
    doc.went_wrong = draw(st.lists(_text, max_size=3))
    doc.lucky = draw(st.lists(_text, max_size=2))
    causes = [f"whys:{n}" for n in doc.whys.nodes if n != "p"]
    causes += [f"ishikawa:{n}" for n, d in doc.ishikawa.nodes(data=True) if d["role"] == "cause"]
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        doc.actions.append(
            Action(
                action=draw(_text), owner=draw(_maybe_text), due=draw(st.none() | _days),
                priority=draw(st.sampled_from(list(Priority))),
                status=draw(st.sampled_from(list(ActionStatus))),
                status_reason=draw(_maybe_text), kind=draw(st.sampled_from(list(ActionKind))),
                horizon=draw(st.sampled_from(list(Horizon))), ticket=draw(_maybe_text),
                causes=draw(st.lists(st.sampled_from(causes), max_size=2, unique=True))
                if causes else [],
                completed_on=draw(st.none() | _days),
            )
        )  # fmt: skip
    audiences = ["", "developers", "platform_team", "organization"]
    for audience in audiences:
        doc.lessons += [Lesson(audience, text) for text in draw(st.lists(_text, max_size=2))]
    doc.communications = [
        Communication(a, t, c, at) for a, t, c, at in draw(st.lists(st.tuples(
            st.sampled_from(list(Audience)), _text, _maybe_text, st.none() | _times),
            max_size=2))
    ]  # fmt: skip
    annexes = []
    for kind in draw(st.lists(st.sampled_from(list(AnnexKind)), max_size=3)):
        if kind == AnnexKind.LINK:
            content = "https://example.org/" + draw(st.text("abcdefgh0123456789", max_size=8))
        else:
            content = "\n".join(draw(st.lists(_text | st.just("## not a heading ```"),
                                              min_size=1, max_size=3)))  # fmt: skip
        annexes.append(Annex(draw(_text), kind, content))
    doc.annexes = annexes
    doc.acknowledgements = draw(_maybe_text)
    doc.blameless_note = draw(_text)
    doc.parking_lot = draw(st.lists(_text, max_size=2))
    return doc


def _round_trip(doc: Postmortem, language: str | None = None) -> tuple[Postmortem, Any]:
    back, report = import_text(export_markdown(doc, language), "export.md")
    return back, report


def test_the_demo_survives_export_and_import() -> None:
    doc = demo_document()
    back, report = _round_trip(doc)
    assert comparable(back) == comparable(doc)
    assert report.kept_aside == [] and report.warnings == []


def test_the_demo_exported_in_english_reads_back_the_same_facts() -> None:
    doc = demo_document()
    text = export_markdown(doc, "en")
    assert "## ⏱️ Timeline" in text and "| Time | Event | Actor/System | Notes | Marker |" in text
    back, _ = import_text(text)
    assert comparable(back) == comparable(doc)


def test_the_export_has_the_shape_of_seed_000() -> None:
    text = export_markdown(demo_document())
    for line in (
        "**Date de l'incident** : 2026-01-15  ",
        "## 📋 Résumé exécutif",
        "## ⏱️ Chronologie",
        "### Méthode des 5 Pourquoi",
        "1. **Pourquoi le service était-il indisponible ?**",
        "   - Parce que les requêtes HTTP retournaient des erreurs 503.",
        "## 🔧 Actions correctives",
        "## 📚 Leçons apprises",
        "### Pour les développeurs",
        "## 📎 Annexes",
        "**Note** : Ce postmortem est blameless. L'objectif est d'apprendre et d'améliorer nos "
        "systèmes, pas de pointer du doigt des individus.",
    ):
        assert line in text.split("\n"), line
    assert "| 14:00:00 +01:00 | Déploiement de payment-service v1.2.0 | CI/CD Pipeline |" in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_survive_export_and_import(doc: Postmortem) -> None:
    back, report = _round_trip(doc)
    assert comparable(back) == comparable(doc), export_markdown(doc)
    assert report.kept_aside == []


def test_cli_export_md_then_import_gives_the_same_document(db_path: Path, tmp_path: Path) -> None:
    created = run_cli("--db", db_path, "demo")
    assert created.code == 0, created.err
    listed = json.loads(run_cli("--db", db_path, "list", "--json").out)
    source_id = listed[0]["id"]
    target = tmp_path / "demo.md"
    exported = run_cli("--db", db_path, "export", source_id, "--format", "md", "-o", target)
    assert exported.code == 0, exported.err
    assert target.read_text(encoding="utf-8").startswith("# Panne du payment-service")
    imported = run_cli("--db", db_path, "import", target)
    assert imported.code == 0, imported.err
    first = json.loads(run_cli("--db", db_path, "show", source_id, "--json").out)
    second = json.loads(run_cli("--db", db_path, "show", imported.out.strip(), "--json").out)
    for key in ("title", "timeline", "actions", "lessons", "annexes", "summary", "root_cause"):
        if key in ("timeline", "actions"):
            for row in first[key] + second[key]:
                row.pop("id")
                row.pop("causes", None)
        assert first[key] == second[key], key
    english = tmp_path / "demo-en.md"
    run_cli("--db", db_path, "export", source_id, "--format", "md", "--lang", "en", "-o", english)
    assert "## 📋 Executive summary" in english.read_text(encoding="utf-8")
