"""The 5 Whys and Ishikawa diagrams as vector drawings, painted from the core layout data.

``app.diagrams.layout`` describes every box, line and text line in points; this module only
paints it with ``reportlab.graphics`` (no re-wrapping, no measuring of its own), scaled down to
the frame so a diagram always sits whole on one page with readable text.
"""

from __future__ import annotations

import functools
import importlib
import math
from typing import Any

from app.diagrams.layout import (
    ARROW_SIZE,
    FONTS,
    Layout,
    TextLine,
    in_language,
    linked_nodes,
)
from app.model import Postmortem
from app.report.fonts import SYMBOLS, map_symbols, split_runs
from app.report.text_safety import visual_order

#: where each diagram's layout function lives (module, function)
LAYOUTS = {
    "whys": ("app.diagrams.whys_layout", "layout_whys"),
    "ishikawa": ("app.diagrams.ishikawa_layout", "layout_ishikawa"),
}
#: below this scale the boxes' text (≈ 11 pt) gets smaller than ≈ 5 pt: the report adds an outline
READABLE_SCALE = 0.45
#: a diagram with more boxes than this cannot be drawn legibly on one page (a 1,000-step
#: chain would print at a few hundredths of its size): the report prints it as an outline
MAX_DRAWN_BOXES = 400


def diagram_layout(doc: Postmortem, kind: str) -> Layout | None:
    """The layout of one of the document's diagrams, or None when it has no layout yet."""
    module_name, function = LAYOUTS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    graph = doc.whys if kind == "whys" else doc.ishikawa
    linked = linked_nodes([action.causes for action in doc.actions], kind)
    layout: Layout = getattr(module, function)(graph, linked)
    return layout


def box_count(doc: Postmortem, kind: str) -> int:
    return int((doc.whys if kind == "whys" else doc.ishikawa).number_of_nodes())


def has_content(doc: Postmortem, kind: str) -> bool:
    """True when the diagram holds more than its empty starting nodes."""
    graph = doc.whys if kind == "whys" else doc.ishikawa
    filled = [n for n, data in graph.nodes(data=True) if str(data.get("text", "")).strip()]
    if kind == "whys":
        return len(graph) > 1 or bool(filled)
    return any(data.get("role") == "cause" for _, data in graph.nodes(data=True)) or bool(
        [n for n in filled if graph.nodes[n].get("role") == "effect"]
    )


def fit_scale(layout: Layout, max_width: float, max_height: float) -> float:
    """The largest scale (never enlarged) at which the whole diagram fits the box."""
    return min(1.0, max_width / layout.width, max_height / layout.height)


def drawing(layout: Layout, max_width: float, max_height: float, language: str = "en") -> Any:
    """A reportlab ``Drawing`` of ``layout`` scaled to fit ``max_width`` × ``max_height``."""
    from reportlab.graphics.shapes import Drawing, Group

    scale = fit_scale(layout, max_width, max_height)
    canvas = Drawing(layout.width * scale, layout.height * scale)
    group = Group()
    group.transform = (scale, 0, 0, scale, 0, 0)
    _paint(in_language(layout, language), group)
    canvas.add(group)
    return canvas


def _paint(layout: Layout, group: Any) -> None:
    """Layout y grows downwards from the top; PDF y upwards: every y becomes ``height - y``."""
    from reportlab.graphics.shapes import Polygon, PolyLine, Rect
    from reportlab.lib.colors import HexColor

    top = layout.height
    colour = functools.cache(HexColor)
    group.add(Rect(0, 0, layout.width, top, fillColor=colour(layout.background), strokeColor=None))
    for connector in layout.connectors:
        points = [(x, top - y) for x, y in connector.points]
        group.add(
            PolyLine(
                [value for point in points for value in point],
                strokeColor=colour(connector.colour),
                strokeWidth=connector.line_width,
                strokeLineJoin=1,
            )
        )
        if connector.arrow and len(points) >= 2:
            group.add(
                Polygon(
                    _arrow_head(points[-2], points[-1]),
                    fillColor=colour(connector.colour),
                    strokeColor=None,
                )
            )
    for box in layout.boxes:
        group.add(
            Rect(
                box.x,
                top - box.y - box.h,
                box.w,
                box.h,
                rx=box.radius,
                ry=box.radius,
                fillColor=colour(box.fill),
                strokeColor=colour(box.border),
                strokeWidth=box.border_width,
                strokeDashArray=[4, 3] if box.dashed else None,
            )
        )
        if box.badge is not None:
            group.add(
                Rect(
                    box.x,
                    top - box.y - box.badge_height,
                    box.w,
                    box.badge_height,
                    rx=box.radius,
                    ry=box.radius,
                    fillColor=colour(box.badge_fill),
                    strokeColor=None,
                )
            )
            _text(group, box.badge, (box.x, box.y), top, colour)
        for line in box.lines:
            _text(group, line, (box.x, box.y), top, colour)
    for label in layout.labels:
        line = TextLine(label.text, 0.0, 0.0, label.size, label.font, label.colour)
        _text(group, line, (label.x, label.y), top, colour)


def _arrow_head(start: tuple[float, float], end: tuple[float, float]) -> list[float]:
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    spread = math.radians(22)
    left = (
        end[0] - ARROW_SIZE * math.cos(angle - spread),
        end[1] - ARROW_SIZE * math.sin(angle - spread),
    )
    right = (
        end[0] - ARROW_SIZE * math.cos(angle + spread),
        end[1] - ARROW_SIZE * math.sin(angle + spread),
    )
    return [end[0], end[1], left[0], left[1], right[0], right[1]]


def _text(group: Any, line: TextLine, origin: tuple[float, float], top: float, colour: Any) -> None:
    """Draw one measured line; symbol runs use the fallback font, placed after each other."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    face = FONTS.get(line.font, FONTS["regular"])[2]
    x = origin[0] + line.dx
    y = top - (origin[1] + line.baseline)
    runs = split_runs(visual_order(map_symbols(line.text)), face)
    for index, (run, symbol) in enumerate(runs):
        font = SYMBOLS if symbol else face
        group.add(
            String(x, y, run, fontName=font, fontSize=line.size, fillColor=colour(line.colour))
        )
        if index + 1 < len(runs):
            x += stringWidth(run, font, line.size)
