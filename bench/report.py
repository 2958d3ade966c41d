"""Benchmark: PDF report export.

A postmortem with 120 timeline rows, 25 corrective actions and both diagrams (40+ nodes each)
is exported to PDF; the floor is raw reportlab measured in the same run: the same text in a plain
SimpleDocTemplate, the timeline and the actions as plain reportlab tables (fixed column widths,
one Paragraph per cell), every other text one Paragraph, no diagrams. Target: ratio ≤ 2×.
Signing: bench/signing.py.

Target: export < 0.5 s.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import demo_document
from app.model import Action, Postmortem, TimelineEntry
from app.report.fonts import REGULAR, register_fonts
from app.report.renderer import render_pdf
from app.vocabulary import Marker, Priority

RUNS = 11


def big_document() -> Postmortem:
    doc = demo_document()
    start = datetime(2026, 1, 15, 13, 0, tzinfo=UTC)
    doc.timeline = [
        TimelineEntry(
            start + timedelta(seconds=45 * i),
            f"Step {i}: pods restarted on node-{i % 7}, error rate {i % 13} % — rollback checked",
            actor=("CI/CD", "SRE on call", "Prometheus", "Kubernetes")[i % 4],
            notes="Correlated with deploy v1.2.0" if i % 5 == 0 else "",
            marker=Marker.DETECTED if i == 3 else None,
        )
        for i in range(120)
    ]
    doc.actions = [
        Action(
            f"Corrective action {i}: add readiness probes and alerts for service {i}",
            owner=f"Team {i % 5}",
            priority=list(Priority)[i % 4],
            due=(start + timedelta(days=i)).date(),
        )
        for i in range(25)
    ]
    whys = doc.whys
    parent = "w5" if "w5" in whys else "p"
    for i in range(42):
        node = f"x{i}"
        whys.add_node(
            node,
            text=f"Why number {i}: the check was missing on cluster {i}",
            answer=f"Because configuration {i} had no default",
            role="why",
            root_cause=False,
            order=i,
        )
        whys.add_edge(parent if i < 6 else f"x{i // 6 - 1}", node)
    ishikawa = doc.ishikawa
    categories = [n for n, d in ishikawa.nodes(data=True) if d.get("role") == "category"]
    for i in range(42):
        node = f"y{i}"
        ishikawa.add_node(
            node,
            text=f"Cause {i}: no alert on readiness of pool {i}",
            answer="",
            role="cause",
            root_cause=False,
            order=100 + i,
        )
        ishikawa.add_edge(categories[i % len(categories)], node)
    return doc


def floor(doc: Postmortem) -> bytes:
    """The same text through plain reportlab tables and paragraphs: the least reportlab can do."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    register_fonts()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=9.5, leading=13)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=11)
    texts = [doc.title, doc.summary, doc.root_cause]
    texts += [str(d.get("text", "")) for _, d in doc.whys.nodes(data=True)]
    texts += [str(d.get("text", "")) for _, d in doc.ishikawa.nodes(data=True)]
    texts += doc.went_well + doc.went_wrong + doc.lucky + [lesson.text for lesson in doc.lessons]
    story: list[object] = [Paragraph(escape(text), style) for text in texts if text]
    timeline = [
        [
            Paragraph(escape(text), cell)
            for text in (e.at.strftime("%H:%M"), e.event, e.actor, e.notes)
        ]
        for e in doc.timeline
    ]
    story.append(Table(timeline, colWidths=[50, 250, 90, 97], repeatRows=0))
    actions = [
        [
            Paragraph(escape(text), cell)
            for text in (a.priority.value, a.action, a.owner, a.ticket, str(a.due), a.status.value)
        ]
        for a in doc.actions
    ]
    story.append(Table(actions, colWidths=[30, 200, 80, 60, 60, 57]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def best(function: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def chain_document(length: int) -> Postmortem:
    """A 5 Whys written as one long chain (too long for one page: it prints in runs)."""
    doc = Postmortem(title="A long chain of whys")
    graph = doc.whys
    parent = next(iter(graph.nodes))
    graph.nodes[parent]["text"] = "Checkout failed for every customer"
    for i in range(length):
        node = f"c{i}"
        graph.add_node(
            node,
            text=f"Why {i}: the step before it had no check on pool {i}",
            answer=f"Because configuration {i} had no default",
            role="why",
            root_cause=False,
            order=0,
        )
        graph.add_edge(parent, node)
        parent = node
    return doc


def chain_bench() -> None:
    """Planning a long chain's pages: linear in its length, near the cost of drawing its runs."""
    from app.report.diagram_pages import _chain, _Diagram, plan

    room = ((487.0, 620.0), (734.0, 400.0))
    timings: dict[int, float] = {}
    for length in (150, 300):
        doc = chain_document(length)
        pages = plan(doc, "whys", *room, "en")
        assert pages is not None
        planned = best(lambda doc=doc: plan(doc, "whys", *room, "en"), 3)[0]
        diagram = _Diagram(doc, "whys", doc.whys, "p", *room, "en")
        nodes = _chain(doc.whys, "p") or []
        runs = [part.caption for part in pages.parts]

        def draw_runs(
            diagram: _Diagram = diagram, nodes: list[str] = nodes, runs: list[str] = runs
        ) -> None:
            start = 0
            for caption in runs:  # "1–7": each printed run laid out and drawn once
                last = int(caption.split("–")[-1])
                diagram.segment(nodes[start : last + 1], start)
                start = last + 1

        floor_time = best(draw_runs, 3)[0]
        timings[length] = planned / floor_time
        print(
            f"chain of {length} whys: plan {planned * 1000:.0f} ms, floor (its {len(runs)} runs "
            f"laid out and drawn once) {floor_time * 1000:.0f} ms, "
            f"ratio {planned / floor_time:.2f}x"
        )
    growth = timings[300] / timings[150]
    print(
        f"chain 150 → 300 whys: plan/floor ratio ×{growth:.2f} "
        "(linear planning: ≈ 1, the floor being linear; quadratic: ≈ 2)"
    )


def main() -> None:
    doc = big_document()
    print(
        f"document: {len(doc.timeline)} timeline rows, {len(doc.actions)} actions, "
        f"{len(doc.whys)} 5-Whys nodes, {len(doc.ishikawa)} Ishikawa nodes"
    )
    render_pdf(doc)  # warm-up: fonts registered, modules imported
    floor(doc)
    # floor and export alternate, so a load change on the machine hits both alike; the ratio is
    # the median of the per-pair ratios
    floor_times, export_times = [], []
    for _ in range(RUNS):
        floor_times.append(best(lambda: floor(doc), 1)[0])
        export_times.append(best(lambda: render_pdf(doc), 1)[0])
    floor_best, floor_median = min(floor_times), statistics.median(floor_times)
    export_best, export_median = min(export_times), statistics.median(export_times)
    pair_ratio = statistics.median(e / f for e, f in zip(export_times, floor_times, strict=True))
    pages = render_pdf(doc).count(b"/Type /Page\n") or "?"
    print(
        f"floor (plain reportlab tables):  best {floor_best * 1000:.0f} ms, "
        f"median {floor_median * 1000:.0f} ms"
    )
    print(
        f"report export:                   best {export_best * 1000:.0f} ms, "
        f"median {export_median * 1000:.0f} ms  ({pages} pages)"
    )
    verdict = "OK" if pair_ratio <= 2 else "MISSED"
    print(f"ratio export / floor (median of pairs): {pair_ratio:.2f}x  (target ≤ 2×: {verdict})")
    print(f"export target < 500 ms:          {'OK' if export_median < 0.5 else 'MISSED'}")
    chain_bench()


if __name__ == "__main__":
    main()
