"""Whatever Markdown comes in, the import finishes, builds valid diagrams and loses no words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.diagrams.graph import validate_tree
from app.jsonio import document_from_json, document_to_json
from app.markdown.importer import import_text
from tests.markdown_helpers import lost_words

_word = st.sampled_from(
    ["panne", "rollback", "Pourquoi", "why", "Done", "✅", "🔄", "⏳", "[x]", "[ ]", "<b>", "P1",
     "14:32", "UTC", "2026-01-15", "31/01", "Owner:", "**Note**", "|", "→", "└─", "Résumé",
     "Chronologie", "Timeline", "Actions", "5", "Whys", "Impact", "Annexes", "Effet", ":", "`"]
)  # fmt: skip
_phrase = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_line = st.one_of(
    _phrase,
    _phrase.map(lambda t: f"## {t}"),
    _phrase.map(lambda t: f"### {t}"),
    _phrase.map(lambda t: f"- {t}"),
    _phrase.map(lambda t: f"  - {t}"),
    _phrase.map(lambda t: f"1. {t}"),
    _phrase.map(lambda t: f"| {t} | {t} |"),
    st.just("|---|---|"),
    st.just("```"),
    st.just("---"),
    st.just(""),
    _phrase.map(lambda t: f"**{t}** : {t}"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=30).map("\n".join))
def test_any_markdown_imports_without_losing_words(text: str) -> None:
    doc, report = import_text("# Fuzz\n\n" + text)
    validate_tree(doc.whys, "whys")
    validate_tree(doc.ishikawa, "ishikawa")
    document_from_json(document_to_json(doc))
    assert lost_words(text, doc, report) == {}
