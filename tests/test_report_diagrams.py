"""Diagrams in the PDF: transparent, numbered, in the report language, never under 8 pt."""

from __future__ import annotations

from itertools import pairwise

from app.demo import demo_document
from app.model import Postmortem
from app.report import diagrams
from app.report.renderer import render_pdf
from app.report.tables import break_long_tokens, column_widths
from tests.report_helpers import diagram_pages, page_font_sizes, page_texts, positions


def _shapes(group: object) -> list[object]:
    found = []
    for item in getattr(group, "contents", []):
        found.append(item)
        found.extend(_shapes(item))
    return found


def test_diagram_background_is_transparent_so_the_watermark_shows() -> None:
    layout = diagrams.diagram_layout(demo_document(), "ishikawa")
    assert layout is not None
    drawing = diagrams.drawing(layout, 1.0, "fr")
    from reportlab.graphics.shapes import Rect

    rects = [shape for shape in _shapes(drawing) if isinstance(shape, Rect)]
    assert rects and all(rect.width < layout.width * 0.9 for rect in rects)


def test_whys_are_numbered_and_demo_diagrams_print_at_8_points_or_more() -> None:
    data = render_pdf(demo_document(), language="fr")
    pages = diagram_pages(data)
    assert len(pages) >= 2
    sizes = page_font_sizes(data)
    assert all(sizes[index] >= 8.0 for index in pages)
    whys_page = next(i for i in pages if "5 Pourquoi" in page_texts(data)[i])
    runs = positions(data, whys_page)
    assert {"1", "2", "3", "4", "5"} <= set(runs)
    ys = [runs[str(n)][1] for n in range(1, 6)]
    assert ys == sorted(ys, reverse=True)  # numbered top to bottom


def test_placeholders_follow_the_report_language() -> None:
    doc = Postmortem(title="vide")
    doc.whys.add_node("w1", text="", answer="", role="why", root_cause=False, order=0)
    doc.whys.add_edge("p", "w1")
    text = "\n".join(page_texts(render_pdf(doc, language="fr")))
    assert "(énoncé du problème)" in text and "(pourquoi ?)" in text
    assert "(problem statement)" not in text and "(why?)" not in text


def test_long_tokens_break_after_slashes_and_dots_only() -> None:
    url = "https://example.org/a/very/long/path/to/the_runbook.section-three"
    broken = break_long_tokens(f"see {url}", "DejaVuSans", 8.5, 90)
    assert broken.replace("\n", "") == f"see {url}"
    pieces = broken.split("\n")
    assert len(pieces) > 2
    assert all(piece[-1] in "/._-" for piece in pieces[1:-1])  # never mid-word


def test_column_widths_keep_every_word_whole() -> None:
    widths = column_widths(
        [["communications", "a"], ["short", "x"]],
        ["Communications", "B"],
        200,
        8.5,
        padding=9,
    )
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert widths[0] >= stringWidth("Communications", "DejaVuSans-Bold", 8.5) + 9
    assert abs(sum(widths) - 200) < 0.01


def test_long_chain_of_whys_is_cut_into_numbered_runs_at_8_points() -> None:
    doc = Postmortem(title="long chain", language="en")
    doc.whys.nodes["p"]["text"] = "Checkout failed for an hour"
    parent = "p"
    for index in range(1, 15):
        node = f"w{index}"
        doc.whys.add_node(
            node,
            text=f"Why number {index} happened in the checkout path?",
            answer=f"Because step {index} had no guard",
            role="why",
            root_cause=index == 14,
            order=0,
        )
        doc.whys.add_edge(parent, node)
        parent = node
    data = render_pdf(doc, language="en")
    pages = diagram_pages(data)
    assert len(pages) >= 2  # the chain goes on over several pages
    sizes = page_font_sizes(data)
    assert all(sizes[index] >= 8.0 for index in pages)
    numbers = set()
    for index in pages:
        numbers |= {text for text in positions(data, index) if text.isdigit()}
    assert {str(n) for n in range(1, 15)} <= numbers  # every why keeps its own number
    text = "\n".join(page_texts(data))
    assert "part 1 of" in text
    assert "outline below" not in text  # every box printed whole: no outline needed
    note = page_texts(data)[1]  # the blameless note opens the body, with what follows it
    assert "blameless" in note and "5 Whys" in note


def test_a_very_long_chain_prints_every_why_once_on_as_few_pages_as_8_points_allow() -> None:
    from app.report.diagram_pages import _Diagram, plan

    doc = Postmortem(title="long chain", language="en")
    parent = "p"
    for index in range(1, 121):
        node = f"w{index}"
        words = "no guard on the path " * (1 + index % 3)  # boxes of different heights
        doc.whys.add_node(node, text=f"Why {index}: {words}", answer="", role="why", order=0)
        doc.whys.add_edge(parent, node)
        parent = node
    room = ((487.0, 620.0), (734.0, 400.0))
    pages = plan(doc, "whys", *room, "en")
    assert pages is not None and not pages.incomplete
    runs = [[int(n) for n in part.caption.split("–")] for part in pages.parts]
    assert runs[0][0] == 1 and runs[-1][-1] == 120
    assert all(after[0] == before[-1] + 1 for before, after in pairwise(runs))
    assert all(part.smallest >= 8.0 for part in pages.parts)
    nodes = ["p", *(f"w{index}" for index in range(1, 121))]
    diagram = _Diagram(doc, "whys", doc.whys, "p", *room, "en")
    for run in runs[:-1]:  # each run holds as many whys as print at 8 pt: no page wasted
        first = 0 if run[0] == 1 else run[0]
        assert diagram.segment(nodes[first : run[-1] + 2], first) is None, run


def test_badge_too_long_for_its_box_keeps_its_warning_not_half_a_phrase() -> None:
    doc = demo_document()
    doc.actions = []  # the root cause has no action: "◆ CAUSE RACINE ⚠ sans action"
    layout = diagrams.diagram_layout(doc, "ishikawa")
    assert layout is not None
    localised = diagrams._localised(diagrams.in_language(layout, "fr"), "fr")
    badges = [box.badge.text for box in localised.boxes if box.badge is not None]
    assert badges and all(
        text in ("◆ CAUSE RACINE ⚠ sans action", "◆ CAUSE RACINE ⚠") for text in badges
    )


def test_blameless_note_shares_its_page_when_a_landscape_diagram_comes_first() -> None:
    doc = Postmortem(
        title="Only a fishbone", blameless_note="Blameless: we learn, we do not blame."
    )
    doc.ishikawa = demo_document().ishikawa  # wide: printed on landscape pages
    data = render_pdf(doc, language="en")
    texts = page_texts(data)
    assert "Blameless: we learn" in texts[1] and "Ishikawa" in texts[1]  # together, page 2
    assert all(len(text.split()) > 12 for text in texts)  # no blank or lone-note page
