"""One section model: the PDF, the Markdown export and the document view show the same sections
in the same order, and leave out the same empty ones."""

from __future__ import annotations

import re

from app.demo import demo_document
from app.markdown.exporter import TEXT, export_markdown
from app.model import Postmortem
from app.report.renderer import render_pdf
from app.sections import SECTIONS, SectionId, filled, title
from tests.report_helpers import page_texts
from ui.document_view import DocumentView

#: the Markdown template's heading of each section (the analysis is its "Root cause" section)
MARKDOWN_KEYS = {
    SectionId.SUMMARY: "summary",
    SectionId.IMPACT: "impact",
    SectionId.PARTICIPANTS: "participants",
    SectionId.TIMELINE: "timeline",
    SectionId.WHYS: "whys",
    SectionId.ISHIKAWA: "ishikawa",
    SectionId.ROOT_CAUSE: "root_cause",
    SectionId.CONTRIBUTING: "contributing",
    SectionId.WENT_WELL: "went_well",
    SectionId.WENT_WRONG: "went_wrong",
    SectionId.LUCKY: "lucky",
    SectionId.ACTIONS: "actions",
    SectionId.LESSONS: "lessons",
    SectionId.COMMUNICATIONS: "communications",
    SectionId.PARKING_LOT: "parking",
    SectionId.ANNEXES: "annexes",
    SectionId.ACKNOWLEDGEMENTS: "thanks",
}


def _document() -> Postmortem:
    doc = demo_document()
    doc.lucky = []  # one empty section, left out everywhere
    doc.parking_lot = ["Review the alert thresholds"]
    return doc


def _heading_order(lines: list[str], headings: dict[SectionId, str]) -> list[SectionId]:
    """The sections whose heading is a line of ``lines``, in the order they come."""
    found = []
    for line in lines:
        for section, heading in headings.items():
            if line.strip() == heading and section not in found:
                found.append(section)
    return found


def _model_order(doc: Postmortem, among: set[SectionId]) -> list[SectionId]:
    return [s.id for s in SECTIONS if s.id in among and filled(doc, s.id)]


def test_pdf_follows_the_section_model() -> None:
    doc = _document()
    body = "\n".join(page_texts(render_pdf(doc, language="en"))[1:])
    headings = {s.id: title(s.id, "en") for s in SECTIONS if s.id != SectionId.NARRATIVE}
    shown = _heading_order(body.splitlines(), headings)
    cover = {SectionId.PARTICIPANTS}  # the PDF prints them on its cover
    assert shown == _model_order(doc, set(headings) - cover)
    assert SectionId.LUCKY not in shown
    assert f"Not covered: {title(SectionId.LUCKY, 'en')}." in " ".join(body.split())


def test_markdown_follows_the_section_model() -> None:
    doc = _document()
    text = export_markdown(doc, "en")
    lines = [re.sub(r"^#+ ", "", line) for line in text.splitlines() if line.startswith("#")]
    headings = {section: TEXT["en"][key] for section, key in MARKDOWN_KEYS.items()}
    shown = _heading_order(lines, headings)
    assert shown == _model_order(doc, set(headings))
    assert TEXT["en"]["lucky"] not in text


def test_document_view_follows_the_section_model(qtbot: object) -> None:
    doc = _document()
    view = DocumentView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show_document(doc)
    headings = {s.id: title(s.id, "en") for s in SECTIONS if s.id != SectionId.NARRATIVE}
    shown = _heading_order(view.toPlainText().splitlines(), headings)
    assert shown == _model_order(doc, set(headings))
    assert f"Not covered: {title(SectionId.LUCKY, 'en')}." in view.toPlainText()


def test_an_empty_document_shows_no_section_anywhere(qtbot: object) -> None:
    doc = Postmortem(title="Empty", blameless_note="")
    assert not any(filled(doc, s.id) for s in SECTIONS)
    text = export_markdown(doc, "en")
    assert not [line for line in text.splitlines() if line.startswith("## ")]
    view = DocumentView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.show_document(doc)
    assert title(SectionId.TIMELINE, "en") not in view.toPlainText().splitlines()
