"""Diagram speed: layout + scene rebuild for 200-node diagrams, against graphviz ``dot -Tplain``.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/diagrams.py``. Prints milliseconds
(median of several runs) and ratios against one 60 Hz frame (16.7 ms) and against ``dot`` laying
out the same tree in the same run (skipped with a message when graphviz is not installed).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx

from app.diagrams import changes, ops
from app.diagrams.graph import ISHIKAWA, WHYS, new_ishikawa, new_whys
from app.diagrams.ishikawa_layout import layout_ishikawa
from app.diagrams.layout import build_box
from app.diagrams.text_metrics import wrap
from app.diagrams.whys_layout import layout_whys
from app.model import Postmortem

FRAME_MS = 1000 / 60
WORDS = [
    "pods",
    "readiness",
    "probe",
    "rollout",
    "canary",
    "alert",
    "deploy",
    "template",
    "cluster",
    "policy",
    "staging",
]


def _text(index: int) -> str:
    words = [WORDS[(index * 7 + k * 3) % len(WORDS)] for k in range(4 + index % 6)]
    return f"{index} " + " ".join(words)


def ishikawa_200() -> nx.DiGraph:
    graph = new_ishikawa("Payment errors during the rollout")
    categories = [f"c{i}" for i in range(1, 7)]
    count = graph.number_of_nodes()
    causes: list[str] = []
    while count < 200:
        if causes and count % 3 == 0:
            above = causes[count % len(causes)]
        else:
            above = categories[count % len(categories)]
        causes.append(ops.add_child(graph, above, _text(count)))
        count += 1
    return graph


def whys_200() -> nx.DiGraph:
    graph = new_whys("Checkout returned 503 for twelve minutes")
    nodes = ["p"]
    while len(nodes) < 200:
        above = nodes[(len(nodes) * 5) // 7]
        node = ops.add_child(graph, above, "Why " + _text(len(nodes)) + "?")
        ops.set_answer(graph, node, "Because " + _text(len(nodes) + 3))
        nodes.append(node)
    return graph


BEST: dict[int, float] = {}


def median_ms(run: Callable[[], object], repeat: int = 15) -> float:
    """Median in ms; the best sample is kept in ``BEST`` (less sensitive to a busy machine)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    BEST[id(run)] = min(samples)
    return median


def timed(run: Callable[[], object], repeat: int = 15) -> tuple[float, float]:
    median = median_ms(run, repeat)
    return median, BEST.pop(id(run))


def cpu_floor_ms() -> float:
    """A fixed pure-Python workload, to compare runs made on a busy or an idle machine."""
    return median_ms(lambda: sum(i * i for i in range(200_000)), repeat=5)


def dot_ms(graph: nx.DiGraph) -> float | None:
    dot = shutil.which("dot")
    if dot is None:
        return None
    lines = ["digraph g {", 'node [shape=box, fontname="DejaVu Sans", fontsize=11];']
    for node, data in graph.nodes(data=True):
        label = str(data.get("text", "")).replace('"', "'")
        lines.append(f'"{node}" [label="{label}"];')
    lines.extend(f'"{a}" -> "{b}";' for a, b in graph.edges)
    lines.append("}")
    with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as handle:
        handle.write("\n".join(lines))
        path = handle.name
    try:
        # ``dot -V`` (start, print the version, exit) is the process spawn alone: subtracted,
        # so the comparison is with dot's layout work, not with the cost of starting it.
        spawn = median_ms(
            lambda: subprocess.run([dot, "-V"], capture_output=True, check=True), repeat=5
        )
        whole = median_ms(
            lambda: subprocess.run([dot, "-Tplain", path], capture_output=True, check=True),
            repeat=5,
        )
        return max(whole - spawn, 0.01)
    finally:
        os.unlink(path)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from app.store import Store
    from ui.application import ensure_application
    from ui.diagrams.canvas import DiagramView

    ensure_application()
    graphs = {ISHIKAWA: ishikawa_200(), WHYS: whys_200()}
    layouts = {ISHIKAWA: layout_ishikawa, WHYS: layout_whys}
    print(f"one frame at 60 Hz = {FRAME_MS:.1f} ms")
    print(f"CPU floor (fixed Python loop; higher = busier machine): {cpu_floor_ms():.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite3")
        for kind, graph in graphs.items():
            layout = layouts[kind]

            def cold_layout(g: nx.DiGraph = graph, f: Callable[..., object] = layout) -> None:
                wrap.cache_clear()  # every text measured and wrapped again
                build_box.cache_clear()
                f(g)

            cold = median_ms(cold_layout, repeat=5)
            warm = median_ms(lambda g=graph, f=layout: f(g))
            doc = Postmortem(title="bench")
            setattr(doc, kind, graph.copy())
            seq = store.save(doc)
            from app.session import DocumentSession

            session = DocumentSession(store, doc, seq)
            view = DiagramView(kind, session=session)
            view.resize(1280, 720)
            view.show()
            QApplication.processEvents()
            first_scene = median_ms(
                lambda v=view, s=session: (v.set_session(None), v.set_session(s)), 5
            )
            rebuild, rebuild_best = timed(view.rebuild)
            parent = "c1" if kind == ISHIKAWA else "p"

            def add_one(v: DiagramView = view, d: Postmortem = doc, p: str = parent) -> None:
                change = changes.add_child(v.kind, p, "one more cause")
                change.forward(d)  # the model edit, as the session runs it
                v.rebuild()
                v.select(change.created)
                v.viewport().repaint()  # paint synchronously: the frame the room sees

            added, added_best = timed(add_one, repeat=10)

            def save_again(d: Postmortem = doc, saved: list[int] = [seq]) -> None:  # noqa: B006
                saved[0] = store.save(d, expected_seq=saved[0])

            save = median_ms(save_again, repeat=5)
            nodes = getattr(doc, kind).number_of_nodes()
            print(f"\n{kind}: {graph.number_of_nodes()} nodes (add-one measured up to {nodes})")
            print(f"  layout (text measured cold)    {cold:7.2f} ms")
            print(f"  layout (warm text cache)       {warm:7.2f} ms")
            print(f"  scene build from nothing       {first_scene:7.2f} ms")
            print(
                f"  layout + scene rebuild         {rebuild:7.2f} ms  "
                f"= {rebuild / FRAME_MS:.2f} frame (best {rebuild_best:.2f} ms)"
            )
            print(
                f"  add one node, repaint          {added:7.2f} ms  = {added / FRAME_MS:.2f} frame "
                f"(best {added_best:.2f} ms)"
            )
            print(f"  (saving the document to SQLite {save:7.2f} ms, off the paint path)")
            reference = dot_ms(graph)
            if reference is None:
                print("  dot -Tplain: graphviz not installed (apt-get install graphviz); skipped")
            else:
                print(
                    f"  dot -Tplain minus dot -V spawn {reference:7.2f} ms  "
                    f"→ layout+rebuild = {rebuild / reference:.2f}× dot's own work"
                )
            view.set_session(None)
            view.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
