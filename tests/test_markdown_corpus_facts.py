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


def _sections(text: str, words: Labels) -> dict[str, str]:
    """The PDF text cut at the section headings this report prints."""
    keys = (
        "summary", "impact", "derived", "timeline", "analysis", "root_cause", "contributing",
        "went_well", "went_wrong", "lucky", "actions", "lessons", "communications", "annexes",
        "acknowledgements",
    )  # fmt: skip
    found: dict[str, str] = {}
    positions = sorted((text.find(f"\n{words[key]}\n"), key) for key in keys)
    positions = [(at, key) for at, key in positions if at >= 0]
    for (start, key), (end, _) in zip(positions, [*positions[1:], (len(text), "")], strict=True):
        found[key] = text[start:end]
    if "impact" in found:  # the services table under it is a separate list
        found["impact"] = found["impact"].split(f"\n{words['services']}\n")[0]
    return found


@pytest.mark.parametrize("name", NAMES)
def test_the_printed_report_shows_what_the_source_said(name: str) -> None:
    doc, report = read_markdown(CORPUS / name)
    text = _pdf_text(render_pdf(doc))
    words = Labels(doc.language)
    fenced = re.findall(r"```[^\n]*\n(.*?)\n```", doc.summary, re.DOTALL)
    outside_code = text
    for line in "\n".join(fenced).split("\n"):
        outside_code = outside_code.replace(line.strip(), "")
    assert "**" not in outside_code, "Markdown printed raw"
    assert not re.search(r"(?<![\w:])[-−]\d+ (?:h \d\d min|min|s)\b", text), "negative duration"
    assert "Import notes" not in text and "Notes de l'import" not in text
    for line in report.notes.split("\n")[1:3]:  # text kept aside is not printed
        if len(line) > 30:
            assert line.strip() not in text
    sections = _sections(text, words)
    filled = {
        "summary": doc.summary, "timeline": doc.timeline, "root_cause": doc.root_cause,
        "actions": doc.actions, "impact": doc.impact or [n for n in doc.narrative
                                                          if n.kind == "impact"],
    }  # fmt: skip
    for key, content in filled.items():
        if content and key in sections:
            assert words["none"] not in sections[key], f"{key} printed as empty"
    for section in doc.narrative:
        assert section.title in text


def test_approximate_times_print_with_their_sign() -> None:
    doc, _ = read_markdown(CORPUS / "slack_notes_cloudflare_2022.md")
    text = _pdf_text(render_pdf(doc))
    assert "≈ 06:51" in text and "06:51:00" not in text
    assert "06:27:00" in text  # an exact time stays exact


def test_stated_window_gives_positive_durations_in_the_report() -> None:
    doc, _ = read_markdown(CORPUS / "jeli_roblox_2021.md")
    text = _pdf_text(render_pdf(doc))
    assert "74 h 58 min" in text
