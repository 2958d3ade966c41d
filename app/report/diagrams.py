"""The 5 Whys and Ishikawa diagrams as vector drawings, painted from the core layout data.

``app.diagrams.layout`` describes every box, line and text line in points; this module only
paints it with ``reportlab.graphics`` (no re-wrapping, no measuring of its own), scaled to the
room it is given (``app.report.diagram_pages`` decides the room and the scale). The page behind
is left transparent (the DRAFT watermark shows through), 5 Whys boxes carry their number, and
placeholders of empty boxes are printed in the report language. Right-to-left lines are
reordered one by one: the layout wrapped them already.
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
from app.report.fonts import BOLD as BOLD_FACE
from app.report.fonts import map_symbols, split_runs
from app.report.scripts import visual_line

#: where each diagram's layout function lives (module, function)
LAYOUTS = {
    "whys": ("app.diagrams.whys_layout", "layout_whys"),
    "ishikawa": ("app.diagrams.ishikawa_layout", "layout_ishikawa"),
}
#: a diagram with more boxes than this is printed as an outline (a 10,000-step chain would
#: otherwise take more than a thousand pages of drawings, and minutes to plan)
MAX_DRAWN_BOXES = 400
#: type size of the 5 Whys' numbers (points, unscaled)
NUMBER_SIZE = 9.5
#: empty boxes' placeholder text in the report languages (English is the layout's own)
PLACEHOLDERS = {
    "fr": {
        "problem": "(énoncé du problème)",
        "why": "(pourquoi ?)",
        "effect": "(effet)",
        "category": "(catégorie)",
        "cause": "(cause)",
    },
}


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


def placeholder(role: str, language: str) -> str:
    """What an empty box of ``role`` shows, in ``language``."""
    from app.diagrams.layout import PLACEHOLDER

    return PLACEHOLDERS.get(language, {}).get(role, PLACEHOLDER.get(role, ""))


def smallest_text(layout: Layout) -> float:
    """The smallest type size (points, unscaled) of the layout's text."""
    sizes = [line.size for box in layout.boxes for line in box.lines]
    sizes += [box.badge.size for box in layout.boxes if box.badge is not None]
    sizes += [label.size for label in layout.labels]
    if layout.kind == "whys" and any(box.role == "why" for box in layout.boxes):
        sizes.append(NUMBER_SIZE)
    return min(sizes, default=11.0)


def fit_scale(layout: Layout, max_width: float, max_height: float, limit: float = 1.0) -> float:
    """The largest scale (at most ``limit``) at which the whole diagram fits the box."""
    return min(limit, max_width / layout.width, max_height / layout.height)


def drawing(layout: Layout, scale: float, language: str = "en", first_number: int = 0) -> Any:
    """A reportlab ``Drawing`` of ``layout`` at ``scale``; whys are numbered by their depth
    plus ``first_number`` (a part of a long chain starts further down)."""
    from reportlab.graphics.shapes import Drawing, Group

    from app.report.fonts import register_fonts

    register_fonts()
    canvas = Drawing(layout.width * scale, layout.height * scale)
    group = Group()
    group.transform = (scale, 0, 0, scale, 0, 0)
    _paint(_localised(in_language(layout, language), language), group, first_number)
    canvas.add(group)
    return canvas


def _localised(layout: Layout, language: str) -> Layout:
    """Placeholder lines of empty boxes in the report language; badges that fit their box."""
    from dataclasses import replace

    from app.diagrams.layout import PLACEHOLDER

    layout = replace(layout, boxes=[_fitted_badge(box) for box in layout.boxes])
    if language not in PLACEHOLDERS:
        return layout
    english = {text: role for role, text in PLACEHOLDER.items()}
    boxes = []
    for box in layout.boxes:
        if box.lines and box.lines[0].text in english and not box.full_text.strip():
            first = replace(box.lines[0], text=placeholder(box.role, language))
            boxes.append(replace(box, lines=(first, *box.lines[1:])))
        else:
            boxes.append(box)
    return replace(layout, boxes=boxes)


def _fitted_badge(box: Any) -> Any:
    """A badge too long for its strip ("◆ CAUSE RACINE ⚠ sans action") keeps its symbols and
    first words ("◆ CAUSE RACINE ⚠"): the dashed border still says "no action"."""
    from dataclasses import replace

    from reportlab.pdfbase.pdfmetrics import stringWidth

    badge = box.badge
    if badge is None:
        return box
    room = box.w - 2 * badge.dx
    if stringWidth(badge.text, BOLD_FACE, badge.size) <= room:
        return box
    head = badge.text.split("⚠")[0].strip()
    text = f"{head} ⚠" if "⚠" in badge.text else head
    while stringWidth(text, BOLD_FACE, badge.size) > room and " " in text:
        text = text.rsplit(" ", 1)[0]
    return replace(box, badge=replace(badge, text=text))


def _paint(layout: Layout, group: Any, first_number: int = 0) -> None:
    """Layout y grows downwards from the top; PDF y upwards: every y becomes ``height - y``."""
    from reportlab.graphics.shapes import Polygon, PolyLine, Rect
    from reportlab.lib.colors import HexColor

    top = layout.height
    colour = functools.cache(HexColor)
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
        if layout.kind == "whys" and box.role == "why":
            _number(group, box, top, colour, box.depth + first_number)
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


def _number(group: Any, box: Any, top: float, colour: Any, number: int) -> None:
    """The why's number (its depth) in a disc on the box's top-left corner."""
    from reportlab.graphics.shapes import Circle, String

    radius = 8.5
    x, y = box.x, top - box.y
    group.add(Circle(x, y, radius, fillColor=colour(box.border), strokeColor=colour("#ffffff")))
    group.add(
        String(
            x,
            y - 3.4,
            str(number),
            fontName=BOLD_FACE,
            fontSize=NUMBER_SIZE,
            fillColor=colour("#ffffff"),
            textAnchor="middle",
        )
    )


def _text(group: Any, line: TextLine, origin: tuple[float, float], top: float, colour: Any) -> None:
    """Draw one measured line; symbol runs use the fallback font, placed after each other."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    face = FONTS.get(line.font, FONTS["regular"])[2]
    x = origin[0] + line.dx
    y = top - (origin[1] + line.baseline)
    runs = split_runs(visual_line(map_symbols(line.text)), face)
    for index, (run, font) in enumerate(runs):
        group.add(
            String(x, y, run, fontName=font, fontSize=line.size, fillColor=colour(line.colour))
        )
        if index + 1 < len(runs):
            x += stringWidth(run, font, line.size)
