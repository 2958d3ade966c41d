"""The Markdown corpus imported field by field, then printed: what the reader of the PDF sees."""

from __future__ import annotations

import io
import re

import pytest

from app.markdown.importer import read_markdown
from app.report.labels import Labels
from app.report.renderer import render_pdf
from tests.corpus_facts import FACTS, check
from tests.markdown_helpers import CORPUS

NAMES = sorted(FACTS)


def test_the_corpus_has_a_dozen_formats_and_every_one_has_facts() -> None:
    on_disk = sorted(path.name for path in CORPUS.glob("*.md"))
    assert on_disk == NAMES and len(NAMES) >= 12
    assert sum(len(facts) for facts in FACTS.values()) >= 150


@pytest.mark.parametrize("name", NAMES)
def test_every_fact_lands_in_its_field(name: str) -> None:
    doc, _ = read_markdown(CORPUS / name)
    assert check(name, doc) == []


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("name", NAMES)
def test_the_printed_report_shows_what_the_source_said(name: str) -> None:
    doc, report = read_markdown(CORPUS / name)
    text = _pdf_text(render_pdf(doc))
    words = Labels(doc.language)
    fenced = re.findall(r"```[^\n]*\n(.*?)\n```", doc.summary, re.DOTALL)
    outside_code = " ".join(text.split())
    for line in "\n".join(fenced).split("\n"):
        outside_code = outside_code.replace(" ".join(line.split()), "")
    assert "**" not in outside_code, "Markdown printed raw"
    assert not re.search(r"(?<![\w:])[-−]\d+ (?:h \d\d min|min|s)\b", text), "negative duration"
    assert "Import notes" not in text and "Notes de l'import" not in text
    for line in report.notes.split("\n")[1:3]:  # text kept aside is not printed
        if len(line) > 30:
            assert line.strip() not in text
    filled = {
        "summary": doc.summary, "timeline": doc.timeline, "root_cause": doc.root_cause,
        "actions": doc.actions, "impact": doc.impact or [n for n in doc.narrative
                                                          if n.kind == "impact"],
    }  # fmt: skip
    flat = " ".join(text.split())
    skipped = re.search(rf"{words['not_covered']}\s?: ([^.]*)\.", flat)
    listed = skipped.group(1).split(", ") if skipped else []
    for key, content in filled.items():
        if content:
            assert words[key] not in listed, f"{key} reported as not covered"
    for section in doc.narrative:
        assert section.title in text


def test_approximate_times_print_with_their_sign() -> None:
    doc, _ = read_markdown(CORPUS / "slack_notes_cloudflare_2022.md")
    text = _pdf_text(render_pdf(doc))
    assert "≈ 06:51" in text and "≈ 06:27" not in text  # an exact time stays exact
    assert "06:27" in text


def test_stated_window_gives_positive_durations_in_the_report() -> None:
    doc, _ = read_markdown(CORPUS / "jeli_roblox_2021.md")
    text = _pdf_text(render_pdf(doc))
    assert "74 h 58 min" in text
