"""User-sized trees of any depth: a 10,000-deep 5 Whys chain, a 1,200-level nested Ishikawa and
a 1,000-item numbered list imported as 5 Whys import, export (JSON, Markdown, PDF, SVG) and show
without a RecursionError. Every walk of a diagram is iterative (``app.diagrams.graph.walk``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest
from pypdf import PdfReader

from app.diagrams.graph import graph_to_data, walk
from app.jsonio import document_from_json, document_to_json
from app.model import Postmortem
from app.report.diagrams import MAX_DRAWN_BOXES
from app.store import Store
from tests.foundation_helpers import assert_one_line_error, run_cli

WHYS_DEPTH = 10_000
FISH_DEPTH = 1_200
LIST_ITEMS = 1_000


def _chain(graph: nx.DiGraph, above: str, prefix: str, depth: int, role: str) -> None:
    """Hang ``depth`` nodes one under the other below ``above``; the last is the root cause."""
    for number in range(1, depth + 1):
        node = f"{prefix}{number}"
        word = "why" if role == "why" else "cause"
        answer = f"because {number}" if role == "why" else ""
        graph.add_node(node, text=f"{word} {number}", answer=answer, role=role, order=0)
        graph.nodes[node]["root_cause"] = number == depth
        graph.add_edge(above, node)
        above = node


def deep_whys(depth: int = WHYS_DEPTH) -> Postmortem:
    doc = Postmortem(title="Deep chain")
    doc.whys.nodes["p"]["text"] = "The service was down"
    _chain(doc.whys, "p", "w", depth, "why")
    return doc


def deep_ishikawa(depth: int = FISH_DEPTH) -> Postmortem:
    doc = Postmortem(title="Deep fishbone")
    doc.ishikawa.nodes["e"]["text"] = "Checkout failed"
    _chain(doc.ishikawa, "c1", "k", depth, "cause")
    return doc


def depth_of(graph: nx.DiGraph) -> int:
    return max(depth for _, depth in walk(graph))


def _stored(db_path: Path, doc: Postmortem) -> str:
    with Store(db_path) as store:
        store.save(doc, "test")
    return doc.id


def _export(db_path: Path, doc_id: str, out: Path, fmt: str, *extra: str) -> None:
    result = run_cli("--db", db_path, "export", doc_id, "--format", fmt, "-o", out, *extra)
    assert result.code == 0, result
    assert result.err.strip() == f"wrote {out}"


def _reimport(db_path: Path, path: Path) -> Postmortem:
    """Import ``path`` into a fresh database and load what was stored."""
    fresh = db_path.with_name(f"again-{path.suffix[1:]}.sqlite3")
    result = run_cli("--db", fresh, "import", path)
    assert result.code == 0, result
    with Store(fresh) as store:
        return store.load(result.out.strip().splitlines()[-1])


def _pdf_text(path: Path, pages: int = 4) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages[:pages])


def _svg_boxes(path: Path) -> int:
    root = ElementTree.parse(path).getroot()
    return sum(1 for element in root.iter("{http://www.w3.org/2000/svg}g"))


def test_a_10000_deep_chain_round_trips_through_json_and_markdown(
    db_path: Path, tmp_path: Path
) -> None:
    doc = deep_whys()
    doc_id = _stored(db_path, doc)
    out_json, out_md = tmp_path / "chain.json", tmp_path / "chain.md"
    _export(db_path, doc_id, out_json, "json")
    _export(db_path, doc_id, out_md, "md")
    assert graph_to_data(_reimport(db_path, out_json).whys) == graph_to_data(doc.whys)
    markdown = out_md.read_text(encoding="utf-8")
    assert f"{WHYS_DEPTH}. **why {WHYS_DEPTH}**" in markdown
    again = _reimport(db_path, out_md)
    assert depth_of(again.whys) == WHYS_DEPTH
    texts = [again.whys.nodes[node]["text"] for node, _ in walk(again.whys)]
    assert texts[-1] == f"why {WHYS_DEPTH}" and again.whys.nodes["w10000"]["root_cause"]


def test_a_10000_deep_chain_exports_to_svg_and_pdf(db_path: Path, tmp_path: Path) -> None:
    doc_id = _stored(db_path, deep_whys())
    svg, pdf = tmp_path / "chain.svg", tmp_path / "chain.pdf"
    _export(db_path, doc_id, svg, "svg")
    assert _svg_boxes(svg) == WHYS_DEPTH + 1
    _export(db_path, doc_id, pdf, "pdf")
    text = _pdf_text(pdf)
    assert f"This diagram has {WHYS_DEPTH + 1:,} boxes, more than the {MAX_DRAWN_BOXES}" in text
    assert "printed as an outline" in text
    assert "why 1 → because 1" in text
    # every why is numbered by its depth (the indent stops growing after a few levels)
    assert "13. why 13 → because 13" in text
    last = PdfReader(pdf).pages
    tail = "\n".join(page.extract_text() for page in last[-40:])
    assert f"{WHYS_DEPTH}. why {WHYS_DEPTH} → because {WHYS_DEPTH}" in tail


def test_a_1200_level_ishikawa_exports_everywhere_and_comes_back(
    db_path: Path, tmp_path: Path
) -> None:
    doc = deep_ishikawa()
    doc_id = _stored(db_path, doc)
    paths = {fmt: tmp_path / f"fish.{fmt}" for fmt in ("json", "md", "svg", "pdf")}
    for fmt, path in paths.items():
        extra = ("--diagram", "ishikawa") if fmt == "svg" else ()
        _export(db_path, doc_id, path, fmt, *extra)
    assert graph_to_data(_reimport(db_path, paths["json"]).ishikawa) == graph_to_data(doc.ishikawa)
    lines = paths["md"].read_text(encoding="utf-8").splitlines()
    deepest = next(line for line in lines if line.strip().startswith(f"- cause {FISH_DEPTH}"))
    assert deepest.startswith("  " * (FISH_DEPTH - 1) + "- ")
    again = _reimport(db_path, paths["md"])
    assert depth_of(again.ishikawa) == FISH_DEPTH + 1  # effect → category → 1,200 causes
    assert _svg_boxes(paths["svg"]) == doc.ishikawa.number_of_nodes()
    text = _pdf_text(paths["pdf"])
    assert "printed as an outline" in text and "cause 1" in text


def test_a_1000_item_numbered_list_imports_as_5_whys_and_exports(
    db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "list.md"
    items = "".join(f"{number}. Why did step {number} fail?\n" for number in range(1, 1001))
    source.write_text(f"# Long list\n\n## 5 Whys\n\n{items}", encoding="utf-8")
    result = run_cli("--db", db_path, "import", source)
    assert result.code == 0, result
    doc_id = result.out.strip().splitlines()[-1]
    with Store(db_path) as store:
        assert store.load(doc_id).whys.number_of_nodes() == LIST_ITEMS + 1
    for fmt in ("json", "md", "svg", "pdf"):
        _export(db_path, doc_id, tmp_path / f"out.{fmt}", fmt)
    assert "1000. **Why did step 1000 fail?**" in (tmp_path / "out.md").read_text(encoding="utf-8")
    assert _svg_boxes(tmp_path / "out.svg") == LIST_ITEMS + 1
    assert "printed as an outline" in _pdf_text(tmp_path / "out.pdf")


def test_a_diagram_within_the_limit_is_still_drawn(db_path: Path, tmp_path: Path) -> None:
    doc_id = _stored(db_path, deep_whys(12))
    _export(db_path, doc_id, tmp_path / "small.pdf", "pdf")
    assert "printed as an outline" not in _pdf_text(tmp_path / "small.pdf")


def test_a_json_file_nested_absurdly_deep_is_refused_with_a_sentence(
    db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    text = document_to_json(Postmortem(title="deep"))[:-2]
    path.write_text(text + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    result = run_cli("--db", db_path, "import", path)
    assert_one_line_error(result, "nested too deeply")
    assert result.code == 2


def test_json_nesting_just_under_the_parser_limit_is_checked_without_recursion() -> None:
    """The parser accepts this depth; the text check that follows must not recurse."""
    depth = sys.getrecursionlimit() - 60
    text = document_to_json(Postmortem(title="x"))[:-2] + ', "extra": '
    text += "[" * depth + '"\\ud800"' + "]" * depth + "}"
    with pytest.raises(Exception, match="lone surrogate") as caught:
        document_from_json(text)
    assert caught.type.__name__ == "FormatError"


def test_the_report_tab_and_the_diagram_tabs_show_deep_trees(qtbot: Any, store: Store) -> None:
    from ui.diagrams.feature import DiagramFeature
    from ui.main_window import MainWindow

    chain, fish = deep_whys(3_000), deep_ishikawa()
    for doc in (chain, fish):
        store.save(doc, "test")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    for doc, kind, last in ((chain, "whys", "why 3000"), (fish, "ishikawa", "cause 1200")):
        window.open_document(doc.id)
        window.document_tabs.setCurrentWidget(window.document_view)
        assert last in window.document_view.toPlainText()
        page = window.features.get(DiagramFeature).pages[kind]
        window.document_tabs.setCurrentWidget(page)
        graph = doc.whys if kind == "whys" else doc.ishikawa
        assert len(page.view.items_) == graph.number_of_nodes()


def test_a_png_too_large_to_read_is_refused_in_one_line(db_path: Path, tmp_path: Path) -> None:
    doc_id = _stored(db_path, deep_whys(1_000))
    out = tmp_path / "chain.png"
    result = run_cli("--db", db_path, "export", doc_id, "--format", "png", "-o", out)
    assert_one_line_error(result, "too large for a readable PNG", "export it as SVG")
    assert result.code == 2
    assert not out.exists()


def test_a_tall_diagram_within_reach_is_drawn_smaller_as_png(db_path: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    doc_id = _stored(db_path, deep_whys(120))  # ≈ 11,000 points tall: 2× would pass 16,384 px
    out = tmp_path / "chain.png"
    _export(db_path, doc_id, out, "png")
    image = QImage(str(out))
    assert not image.isNull() and 8_000 < image.height() <= 16_384


def test_show_prints_a_deep_chain_with_bounded_indentation(db_path: Path) -> None:
    doc_id = _stored(db_path, deep_whys())
    result = run_cli("--db", db_path, "show", doc_id)
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert f"{'  ' * 12}[{WHYS_DEPTH}] why {WHYS_DEPTH}  ◆ root cause" in lines
    assert max(len(line) for line in lines) < 200  # was 20,000 spaces deep at the bottom


def test_the_meeting_screen_outlines_deep_trees(qtbot: Any, store: Store) -> None:
    from tests.meeting_helpers import open_meeting

    doc = deep_ishikawa()
    doc.whys = deep_whys(3_000).whys
    store.save(doc, "test")
    meeting, presenter, panel, _clock = open_meeting(store, doc)
    qtbot.addWidget(presenter)
    qtbot.addWidget(panel)
    whys = [text for text, _flag in presenter.outline("whys")]
    assert whys[-1].startswith("3000. why 3000")
    fishbone = [text for text, _flag in presenter.outline("ishikawa")]
    assert f"{'    ' * 12}[{FISH_DEPTH + 1}] cause {FISH_DEPTH}   ★ root cause" in fishbone
    assert max(len(text) for text in fishbone) < 200
    meeting.jump(2)  # the analysis step, as the facilitator shows it on the shared screen
    presenter.show_diagram("whys")
    presenter.show_diagram("ishikawa")
    chips = [chip.text() for chip in presenter.ishikawa.chip_labels]
    assert chips[0].endswith(f"· {FISH_DEPTH}")  # every cause counted, at any depth
