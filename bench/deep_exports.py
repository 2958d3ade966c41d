"""Benchmark: exports of user-sized extremes — a 10,000-deep 5 Whys chain, a 1,200-level nested
Ishikawa and a 60 MB annex — to Markdown, SVG and PDF.

The floor is the JSON export of the same document (``document_to_json``: one pass over every
field), measured in the same run; each export prints as a ratio to it. The PDF prints a diagram
above 400 boxes as an outline and the first 100 kB of an annex, so its cost stays close to the
Markdown's rather than growing with the drawing or the annex.

    .venv/bin/python bench/deep_exports.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.diagrams.document_layout import layout_for
from app.diagrams.svg_export import layout_to_svg
from app.jsonio import document_to_json
from app.markdown.exporter import export_markdown
from app.model import Annex, Postmortem
from app.report.renderer import render_pdf

RUNS = 3


def chain(depth: int) -> Postmortem:
    doc = Postmortem(title="Deep chain")
    above = "p"
    for number in range(1, depth + 1):
        node = f"w{number}"
        doc.whys.add_node(
            node, text=f"why {number}", answer=f"because {number}", role="why", order=0
        )
        doc.whys.add_edge(above, node)
        above = node
    return doc


def fishbone(depth: int) -> Postmortem:
    doc = Postmortem(title="Deep fishbone")
    above = "c1"
    for number in range(1, depth + 1):
        node = f"k{number}"
        doc.ishikawa.add_node(node, text=f"cause {number}", answer="", role="cause", order=0)
        doc.ishikawa.add_edge(above, node)
        above = node
    return doc


def huge_annex(megabytes: int) -> Postmortem:
    line = "2026-01-15T14:00:00Z payment-service error: upstream timeout after 30s\n"
    content = (line * (megabytes * 2**20 // len(line) + 1))[: megabytes * 2**20]
    return Postmortem(title="Huge annex", annexes=[Annex(title="dump", content=content)])


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) if len(times) < 3 else statistics.median(times)


def main() -> None:
    cases = {
        "10,000-deep 5 Whys": (chain(10_000), "whys"),
        "1,200-level Ishikawa": (fishbone(1_200), "ishikawa"),
        "60 MB annex": (huge_annex(60), ""),  # no diagram: no SVG
    }
    print(f"median of {RUNS} runs; floor = JSON export of the same document")
    for name, (doc, kind) in cases.items():
        floor = best(lambda doc=doc: document_to_json(doc))
        figures = {"Markdown": best(lambda doc=doc: export_markdown(doc))}
        if kind:
            figures["SVG"] = best(lambda doc=doc, kind=kind: layout_to_svg(layout_for(doc, kind)))
        figures["PDF"] = best(lambda doc=doc: render_pdf(doc))
        shown = ", ".join(
            f"{label} {seconds:.2f} s = {seconds / floor:.1f}× floor"
            for label, seconds in figures.items()
        )
        print(f"{name}: floor {floor:.3f} s; {shown}")


if __name__ == "__main__":
    main()
