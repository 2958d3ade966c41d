"""Reports of imported postmortems (the Markdown corpus and the seeds) are fit to send."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from app.markdown.importer import read_markdown
from app.model import Postmortem
from app.report.renderer import render_pdf
from app.richtext import parse, plain
from tests.markdown_helpers import CORPUS, SEED_COPIES
from tests.report_helpers import diagram_pages, page_font_sizes, page_texts, pdf_text, squashed

SOURCES = sorted(CORPUS.glob("*.md")) + sorted(SEED_COPIES.glob("*.md"))
#: where a table may break a long token: after these characters
BREAKS = re.compile(r"[\s/._\-]+")
SHORT_MONTHS = re.compile(
    r"\b\d{1,2} (?:janv\.|févr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
)


@cache
def imported(path: Path) -> tuple[Postmortem, bytes]:
    doc, _ = read_markdown(path)
    return doc, render_pdf(doc)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_empty_section_and_no_import_notes(path: Path) -> None:
    doc, data = imported(path)
    text = pdf_text(data)
    assert "None recorded" not in text and "Rien de consigné" not in text
    assert "Import notes" not in text and "Notes de l'import" not in text
    flat = squashed(text)
    for field in (doc.summary, doc.root_cause):
        if plain(field):
            assert squashed(plain(field))[:60] in flat
    for action in doc.actions:
        assert squashed(plain(action.action))[:40] in flat


def _literal_texts(doc: Postmortem) -> str:
    """Text the author meant literally: code blocks and spans, escaped Markdown characters."""
    fields = [doc.summary, doc.root_cause, doc.acknowledgements]
    fields += [annex.content for annex in doc.annexes]
    kept = []
    for field in fields:
        for block in parse(field):
            if block.kind == "code" or "`" in block.text or "**" in block.text:
                kept.append(block.text)
    return squashed(" ".join(kept))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_raw_markup(path: Path) -> None:
    doc, data = imported(path)
    text = pdf_text(data)
    literal = _literal_texts(doc)
    for line in text.splitlines():
        if "**" in line or "`" in line or re.match(r"#{1,6} ", line):
            assert squashed(line) in literal, line  # only inside code the author wrote
    assert "&amp;" not in text


def test_seed_001_cause_drawing_prints_as_code_without_its_fences() -> None:
    from tests.markdown_helpers import seed_path

    doc, data = imported(seed_path("001"))
    drawing = next(a for a in doc.annexes if a.title == "Diagramme de Cause")
    assert drawing.content.startswith("\\`\\`\\`")  # as the seed wrote it, nested
    lines = [line.strip() for line in pdf_text(data).splitlines()]
    start = lines.index("Diagramme de Cause (Texte)")
    shown = lines[start + 1 : start + 20]
    assert not any("`" in line for line in shown)
    assert "Service Down" in shown  # on its own line, as drawn: not reflowed
    assert any(re.fullmatch(r"Connection Pool\s+High Latency", line) for line in shown)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_table_words_are_never_split(path: Path) -> None:
    doc, data = imported(path)
    lines = {line.strip() for page in page_texts(data) for line in page.splitlines()}
    words = set(" ".join(lines).split())
    text = " ".join(lines)
    cells = [entry.event for entry in doc.timeline] + [entry.actor for entry in doc.timeline]
    cells += [action.action for action in doc.actions] + [action.owner for action in doc.actions]
    for cell in cells:
        for piece in BREAKS.split(plain(cell)):
            if len(piece) > 3 and piece.isalpha():
                # whole in the text: on one line, never "co" + "mmunications"
                assert piece in text, piece
                assert any(piece in word for word in words), piece


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_times_share_one_format(path: Path) -> None:
    doc, data = imported(path)
    text = pdf_text(data)
    for annex in doc.annexes:  # logs are printed verbatim, with their own times
        if annex.kind.value == "log":
            for line in annex.content.splitlines():
                text = text.replace(line.strip(), "")
    assert not re.search(r"\b\d{2}:\d{2}:\d{2}\b", text)  # no seconds: HH:MM everywhere
    assert not SHORT_MONTHS.search(text)  # one date style: "10 mars 2021"
    assert " −" not in text  # no negative duration
    if doc.timeline:
        header = re.search(r"(Time|Heure)\((UTC|[A-Za-z_/]+,UTC)", squashed(text))
        assert header  # the zone is named in the column header
    times = re.findall(r"\b\d{1,2}:\d{2}\b", text)
    assert all(len(t) == 5 for t in times)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_blameless_note_once_in_the_report_language(path: Path) -> None:
    doc, data = imported(path)
    text = squashed(pdf_text(data))
    english = squashed("This postmortem is blameless.")
    french = squashed("Ce postmortem est sans reproche.")
    if doc.language == "fr":
        assert english not in text
    assert text.count(english) + text.count(french) <= 1


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_diagram_text_never_under_eight_points(path: Path) -> None:
    _, data = imported(path)
    sizes = page_font_sizes(data)
    for index in diagram_pages(data):
        assert sizes[index] >= 8.0, index
