"""The PDF report: every section's content is in the file, text is safe, layout survives abuse."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.demo import demo_document
from app.jsonio import content_digest
from app.model import Action, Annex, Lesson, Postmortem, SignOff, TimelineEntry
from app.report.renderer import render_pdf
from app.vocabulary import AnnexKind, Status
from tests.report_helpers import (
    diagram_pages,
    page_count,
    page_font_sizes,
    page_texts,
    pdf_text,
    positions,
    squashed,
)


@pytest.fixture(scope="module")
def demo_fr() -> tuple[Postmortem, bytes]:
    doc = demo_document()
    return doc, render_pdf(doc, language="fr")


def test_french_demo_has_every_section_with_accents(demo_fr: tuple[Postmortem, bytes]) -> None:
    doc, data = demo_fr
    text = pdf_text(data)
    for title in (
        "Résumé",
        "Impact",
        "Services affectés",
        "Temps clés",
        "Chronologie",
        "Analyse des causes",
        "5 Pourquoi",
        "Diagramme d'Ishikawa",
        "Cause racine",
        "Facteurs contributifs",
        "Ce qui a bien fonctionné",
        "Ce qui a mal fonctionné",
        "Là où nous avons eu de la chance",
        "Actions correctives",
        "Leçons apprises",
        "Communications",
        "Annexes",
        "Remerciements",
        "Validation",
    ):
        assert title in text, title
    flat = squashed(text)
    for content in (
        doc.summary,
        doc.impact[0].metric,
        doc.timeline[2].event,
        doc.root_cause,
        doc.contributing_factors[0],
        doc.went_well[0],
        doc.went_wrong[0],
        doc.lucky[0],
        doc.actions[0].action,
        doc.lessons[0].text,
        doc.communications[0].text,
        doc.annexes[0].title,
        doc.acknowledgements,
        doc.blameless_note,
        doc.participants[4].name,
    ):
        assert squashed(content) in flat, content[:50]
    assert "15 janvier 2026" in text
    assert flat.count(squashed(doc.blameless_note)) == 1  # once, on the cover
    assert "BROUILLON" in text  # in review: the draft watermark is printed
    assert content_digest(doc) in flat


def test_diagrams_are_vectors_with_their_text(demo_fr: tuple[Postmortem, bytes]) -> None:
    doc, data = demo_fr
    flat = squashed(pdf_text(data))
    assert "◆CAUSERACINE" in flat and "ROOTCAUSE" not in flat
    for node in ("w1", "w5"):
        assert squashed(doc.whys.nodes[node]["text"])[:30] in flat
    assert squashed(doc.ishikawa.nodes["k4"]["text"]) in flat
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        assert not xobjects, "diagrams must be drawn as vectors, not images"


def test_english_report_and_page_footer(demo_fr: tuple[Postmortem, bytes]) -> None:
    doc, _ = demo_fr
    data = render_pdf(doc, language="en", paper="letter")
    text = pdf_text(data)
    for title in ("Executive summary", "Timeline", "Corrective actions", "Sign-off", "DRAFT"):
        assert title in text
    pages = page_count(data)
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    assert f"sha256:{content_digest(doc)[:12]}" in text
    assert "15 January 2026" in text
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_metadata_and_language(demo_fr: tuple[Postmortem, bytes]) -> None:
    doc, data = demo_fr
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == doc.title
    assert meta.author == doc.author
    assert "Révision 1" in (meta.subject or "")
    assert f"sha256:{content_digest(doc)}" in str(meta.get("/Keywords"))
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_same_document_gives_identical_bytes() -> None:
    doc = demo_document()
    assert render_pdf(doc) == render_pdf(doc)


def test_approved_report_has_no_watermark() -> None:
    doc = demo_document()
    doc.status = Status.APPROVED
    text = pdf_text(render_pdf(doc, language="en"))
    assert "DRAFT" not in text


def test_empty_postmortem_is_a_tidy_pdf() -> None:
    data = render_pdf(Postmortem(), language="en")
    text = pdf_text(data)
    assert "Untitled postmortem" in text
    assert "None recorded." not in text
    assert "Not covered: Executive summary, Impact" in text  # listed once, not as headings
    assert "Executive summary\n" not in text
    assert "Sign-off" in text and "awaitingsignature" in squashed(text)
    assert page_count(data) <= 2


def test_markup_prints_literally_and_loads_nothing() -> None:
    hostile = '<b>bold? R&D <img src="/etc/passwd"/> <font color=red>x</font> &amp; </para>'
    doc = Postmortem(title="<i>R&D</i> outage", summary=hostile, root_cause="a < b && c > d")
    doc.timeline.append(TimelineEntry(datetime(2026, 1, 1, tzinfo=UTC), hostile, actor="<u>"))
    data = render_pdf(doc, language="en")
    text = pdf_text(data)
    # printed as typed; only the Markdown entity &amp; reads as "&"
    assert squashed(hostile.replace("&amp;", "&")) in squashed(text)
    assert "<i>R&D</i> outage" in text
    assert "a < b && c > d" in text
    assert b"root:" not in data  # /etc/passwd was not read into the file


def test_symbols_emoji_zwj_flags_and_rtl_are_readable() -> None:
    doc = Postmortem(
        title="Rollback 🔄 done ✅",
        summary="Status ✅ ❌ ⏳ ⚠️ 🔄 🔥 🔒 team 👩‍💻 in 🇫🇷 and 🇺🇸 👍🏽 1️⃣",
    )
    text = pdf_text(render_pdf(doc, language="en"))
    # emoji print as themselves (Noto Emoji), never as look-alikes that change the meaning
    for symbol in ("✅", "❌", "⏳", "⚠", "🔄", "🔥", "🔒", "👩\u200d💻", "⚑FR", "⚑US", "👍"):
        assert symbol in text, symbol
    for lookalike in ("♨", "⚿", "☺", "⟳"):
        assert lookalike not in text
    # the joiner is only read back inside the sequence drawn as one glyph
    assert text.count("\u200d") == text.count("👩\u200d💻")
    for invisible in ("\ufe0f", "\U0001f3fd"):
        assert invisible not in text


def test_three_thousand_character_log_line_is_wrapped_whole() -> None:
    line = "".join(f"{i:05d}-ERROR/payment?id={i}&" for i in range(120))[:3000]
    assert len(line) == 3000
    doc = Postmortem(title="log")
    doc.annexes.append(Annex("Pod logs", AnnexKind.LOG, line))
    doc.timeline.append(TimelineEntry(datetime(2026, 1, 1, tzinfo=UTC), "event", notes=line))
    text = squashed(pdf_text(render_pdf(doc, language="en")))
    assert line in text  # the annex, in one piece
    # the timeline row may continue on the next page (after the footer and repeated header)
    assert all(line[i : i + 100] in text for i in range(0, 2400, 100))


def test_megabyte_summary_renders_completely() -> None:
    sentence = "Le service a répondu lentement pendant la fenêtre de maintenance. "
    summary = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    data = render_pdf(Postmortem(title="big", summary=summary), language="fr")
    body = "\n".join(page_texts(data)[1:])  # the cover quotes the first sentence
    assert body.count("maintenance.") == summary.count("maintenance.")  # every sentence
    assert page_count(data) > 100


def test_thousand_timeline_rows_repeat_their_header() -> None:
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    doc = Postmortem(title="long incident")
    doc.timeline = [
        TimelineEntry(start + timedelta(seconds=30 * i), f"step number {i:04d}", actor="bot")
        for i in range(1000)
    ]
    doc.actions = [Action(f"action {i}") for i in range(30)]
    doc.lessons = [Lesson("developers", "lesson")]
    data = render_pdf(doc, language="en")
    text = pdf_text(data)
    for i in (0, 499, 999):
        assert f"step number {i:04d}" in text
    reader = PdfReader(io.BytesIO(data))
    timeline_pages = [
        page.extract_text() for page in reader.pages if "step number" in page.extract_text()
    ]
    assert len(timeline_pages) > 10
    assert all("Event" in page and "Actor" in page for page in timeline_pages)


def test_huge_diagram_is_split_or_outlined_never_under_8_points() -> None:
    doc = demo_document()
    for i in range(45):
        node = f"x{i}"
        doc.whys.add_node(
            node,
            text=f"Why {i}: missing default {i}",
            answer="",
            role="why",
            root_cause=False,
            order=i,
        )
        doc.whys.add_edge("p" if i < 8 else f"x{i // 8 - 1}", node)
    data = render_pdf(doc, language="en")
    text = pdf_text(data)
    assert "the outline below gives its full text" in text
    assert all(f"Why {i}: missing default {i}" in text for i in range(45))
    reader = PdfReader(io.BytesIO(data))
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {(595, 842), (842, 595)}  # the wide diagrams sit on landscape pages
    smallest = [size for size in page_font_sizes(data) if size]
    assert min(smallest) >= 7.5  # 7.5 pt: the annex's log lines; diagrams never under 8
    pages = diagram_pages(data)
    assert len(pages) >= 3  # the 5 Whys split by branch, the Ishikawa by categories
    assert min(page_font_sizes(data)[index] for index in pages) >= 8.0


def test_characters_no_font_has_print_as_a_question_mark_not_a_box() -> None:
    doc = Postmortem(title="Import", summary="Mangled \uf8ff seed and \U000f0000 private")
    text = pdf_text(render_pdf(doc, language="en"))
    assert "Mangled ? seed and ◆ private" in text


def test_creation_date_is_the_revision_time_and_bytes_stay_reproducible() -> None:
    doc = demo_document()
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    # a draft: the incident's resolution, in the document's zone (no 2000-01-01 placeholder)
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"] == "D:20260115141200+01'00'"
    signed_at = datetime(2026, 1, 20, 16, 30, tzinfo=UTC)
    doc.signoffs.append(SignOff("approved_by", "Sofia Benali", signed_at=signed_at))
    data = render_pdf(doc)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20260120163000+00'00'"
    assert meta["/ModDate"] == meta["/CreationDate"]
    assert render_pdf(doc) == data
    given = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    meta = PdfReader(io.BytesIO(render_pdf(doc, created=given))).metadata
    assert meta is not None and meta["/CreationDate"] == "D:20260201090000+00'00'"


def test_cover_shows_the_incident_at_a_glance_and_the_approval() -> None:
    doc = demo_document()
    cover = page_texts(render_pdf(doc, language="en"))[0]
    flat = squashed(cover)
    assert squashed("15 January 2026, 14:00 – 14:12 (Europe/Paris, UTC+1)") in flat
    assert squashed("P1 — Major: Severe degradation") in flat
    assert squashed("1 done · 1 in progress · 5 to do") in flat
    assert squashed("payment-service (Down)") in flat
    assert "APPROVED" not in cover
    doc.status = Status.APPROVED
    signed_at = datetime(2026, 1, 20, 15, 0, tzinfo=UTC)  # 16:00 in Paris
    doc.signoffs.append(SignOff("approved_by", "Sofia Benali", "SRE lead", signed_at))
    cover = page_texts(render_pdf(doc, language="en"))[0]
    flat = squashed(cover)
    assert "✔ APPROVED" in cover
    assert squashed("Approved by Sofia Benali (SRE lead) on 20 January 2026, 16:00") in flat
    assert squashed(f"Revision 1 · content sha256:{content_digest(doc)}") in flat


def test_sign_offs_and_times_in_the_document_zone_without_seconds() -> None:
    doc = demo_document()
    signed_at = datetime(2026, 1, 20, 15, 0, 59, tzinfo=UTC)
    doc.signoffs.append(SignOff("prepared_by", "Camille Martin", signed_at=signed_at))
    text = pdf_text(render_pdf(doc, language="fr"))
    assert "20 janvier 2026, 16:00" in text  # Paris time, HH:MM
    assert "15:00" not in text and ":59" not in text
    assert "Heure (Europe/Paris, UTC+1)" in text.replace("\n", " ")
    assert "janv." not in text  # one date style


def test_inconsistent_times_are_flagged_never_negative() -> None:
    doc = demo_document()
    doc.resolved_at = doc.started_at - timedelta(minutes=5)  # type: ignore[operator]
    text = pdf_text(render_pdf(doc, language="en"))
    assert "Inconsistent times" in text
    assert "−" not in text.replace("−>", "")
    assert "resolution is before start" in text


def test_tables_hide_empty_columns_and_give_the_ticket_its_own() -> None:
    doc = Postmortem(title="t")
    doc.timeline.append(TimelineEntry(datetime(2026, 1, 1, 9, 30, tzinfo=UTC), "deploy"))
    doc.actions.append(Action("Add alerts", owner="Ops", ticket="OPS-42"))
    data = render_pdf(doc, language="en")
    text = pdf_text(data)
    assert "Actor" not in text  # no actor recorded: no column
    where = positions(data, 1)
    assert where["Ops"][1] == where["OPS-42"][1]  # same line: the ticket has its own column
    assert where["OPS-42"][0] > where["Ops"][0]
    assert where["Ticket"][0] == where["OPS-42"][0]
