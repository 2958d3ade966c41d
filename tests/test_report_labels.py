"""One word per status and language in the PDF and the Markdown export; readable cause links."""

from __future__ import annotations

from app.demo import demo_document
from app.markdown.exporter import export_markdown
from app.markdown.importer import import_text
from app.model import Postmortem
from app.report.renderer import render_pdf
from app.vocabulary import (
    LABELS,
    VOCABULARIES,
    ActionKind,
    ActionStatus,
    Horizon,
    Marker,
    Section,
    ServiceState,
    Status,
    label,
    label_id,
)
from tests.report_helpers import pdf_text


def test_demo_actions_link_the_causes_they_fix() -> None:
    doc = demo_document()
    texts = {f"ishikawa:{node}": data["text"] for node, data in doc.ishikawa.nodes(data=True)} | {
        f"whys:{node}": data["text"] for node, data in doc.whys.nodes(data=True)
    }
    linked = {action.action: [texts[c] for c in action.causes] for action in doc.actions}
    assert "Golden Path sans readinessProbe par défaut" in linked[doc.actions[1].action]
    assert "Aucune ClusterPolicy Kyverno" in linked[doc.actions[2].action]
    assert "Staging sans tests de charge" in linked[doc.actions[4].action]
    assert "Pas de PodDisruptionBudget" in linked[doc.actions[5].action]


def test_french_markdown_export_names_causes_and_uses_the_pdf_words() -> None:
    doc = demo_document()
    markdown = export_markdown(doc, "fr")
    assert "ishikawa:" not in markdown and "whys:" not in markdown
    assert "Golden Path sans readinessProbe par défaut" in markdown.split("Actions correctives")[1]
    assert "En relecture" in markdown and "En revue" not in markdown
    assert "⏳ À faire" in markdown and "Todo" not in markdown
    pdf = pdf_text(render_pdf(doc, language="fr"))
    assert label(Status.IN_REVIEW, "fr") in pdf
    for status in {action.status for action in doc.actions}:
        assert label(status, "fr") in markdown
        assert label(status, "fr") in pdf


def test_every_vocabulary_value_has_one_label_per_language_in_one_table() -> None:
    ids = [label_id(value) for vocabulary in VOCABULARIES for value in vocabulary]
    assert sorted(ids) == sorted(LABELS), "a value without a label, or a label without a value"
    for english, french in LABELS.values():
        assert english.strip() and french.strip()


def test_the_pdf_and_the_markdown_use_the_same_words() -> None:
    doc = demo_document()
    for language in ("en", "fr"):
        markdown = export_markdown(doc, language)
        pdf = pdf_text(render_pdf(doc, language=language)).replace("\n", " ")
        used = (
            [doc.status, *(e.marker for e in doc.timeline if e.marker)]
            + [s.state for s in doc.services]
            + [a.kind for a in doc.actions if a.kind]
            + [a.horizon for a in doc.actions if a.horizon]
            + [Section.SUMMARY, Section.TIMELINE, Section.ACTIONS, Section.LESSONS]
        )
        assert {ActionKind, Horizon, Marker, ServiceState} <= {type(v) for v in used}
        for value in used:
            word = label(value, language)
            assert word in markdown, (language, value, word)
            assert word in " ".join(pdf.split()), (language, value, word)


def _cause_texts(doc: Postmortem) -> list[list[str]]:
    graphs = {"whys": doc.whys, "ishikawa": doc.ishikawa}
    return [
        [graphs[ref.split(":")[0]].nodes[ref.split(":")[1]]["text"] for ref in action.causes]
        for action in doc.actions
    ]


def test_cause_texts_read_back_as_the_same_links() -> None:
    doc = demo_document()
    again, _ = import_text(export_markdown(doc, "fr"), "demo.md")
    assert _cause_texts(again) == _cause_texts(doc)
    english, _ = import_text(export_markdown(doc, "en"), "demo.md")
    assert [a.status for a in english.actions] == [a.status for a in doc.actions]
    assert ActionStatus.DONE in {a.status for a in english.actions}


def test_unknown_cause_text_is_reported_not_kept() -> None:
    doc = demo_document()
    markdown = export_markdown(doc, "fr").replace(
        "Aucune ClusterPolicy Kyverno |", "Une cause inconnue |", 1
    )
    again, report = import_text(markdown, "demo.md")
    assert any("Une cause inconnue" in warning for warning in report.warnings)
    assert all(not cause.startswith("text:") for a in again.actions for cause in a.causes)
