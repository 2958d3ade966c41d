"""SVG from a diagram layout, in pure Python: a vector copy of what the canvas shows.

Every user string is XML-escaped; text is drawn line by line exactly as laid out (SVG viewers
never wrap), in the bundled DejaVu Sans family with generic sans-serif as the fallback.
"""

from __future__ import annotations

import math
from pathlib import Path

from app.diagrams.graph import DIAGRAM_KINDS, WHYS, label
from app.diagrams.layout import ARROW_SIZE, FONTS, Box, Connector, Layout, TextLine, in_language
from app.diagrams.text_metrics import FAMILY
from app.errors import ValidationError
from app.fileio import write_file
from app.formats import ExportOptions, ExportReport
from app.model import Postmortem
from app.visible_text import visible


def escape(text: str) -> str:
    """XML-escaped text (saxutils pulls in urllib: imported here, when an SVG is written)."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(text)


def layout_to_svg(layout: Layout, title: str = "") -> str:
    width, height = layout.width, layout.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" height="{height:.2f}pt" '
        f'viewBox="0 0 {width:.2f} {height:.2f}" font-family="{FAMILY}, sans-serif">',
    ]
    if title:
        out.append(f"<title>{escape(title)}</title>")
    out.append(
        f'<rect x="0" y="0" width="{width:.2f}" height="{height:.2f}" fill="{layout.background}"/>'
    )
    for connector in layout.connectors:
        out.extend(_connector(connector))
    for box in layout.boxes:
        out.extend(_box(box))
    for free in layout.labels:
        out.append(_text(free.text, free.x, free.y, free.size, free.font, free.colour))
    out.append("</svg>")
    return visible("\n".join(out)) + "\n"


def _connector(connector: Connector) -> list[str]:
    points = " ".join(f"{x:.2f},{y:.2f}" for x, y in connector.points)
    parts = [
        f'<polyline points="{points}" fill="none" stroke="{connector.colour}" '
        f'stroke-width="{connector.line_width:.2f}" stroke-linejoin="round"/>'
    ]
    if connector.arrow and len(connector.points) >= 2:
        (x0, y0), (x1, y1) = connector.points[-2], connector.points[-1]
        head = arrow_head(x0, y0, x1, y1)
        path = " ".join(f"{x:.2f},{y:.2f}" for x, y in head)
        parts.append(f'<polygon points="{path}" fill="{connector.colour}"/>')
    return parts


def arrow_head(
    x0: float, y0: float, x1: float, y1: float
) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """The triangle of an arrow ending at (x1, y1), coming from (x0, y0)."""
    angle = math.atan2(y1 - y0, x1 - x0)
    spread = math.radians(24)
    left = (x1 - ARROW_SIZE * math.cos(angle - spread), y1 - ARROW_SIZE * math.sin(angle - spread))
    right = (x1 - ARROW_SIZE * math.cos(angle + spread), y1 - ARROW_SIZE * math.sin(angle + spread))
    return (x1, y1), left, right


def _box(box: Box) -> list[str]:
    dash = ' stroke-dasharray="6 3"' if box.dashed else ""
    parts = [
        f"<g><title>{escape(box.full_text)}</title>",
        f'<rect x="{box.x:.2f}" y="{box.y:.2f}" width="{box.w:.2f}" height="{box.h:.2f}" '
        f'rx="{box.radius:.1f}" fill="{box.fill}" stroke="{box.border}" '
        f'stroke-width="{box.border_width:.2f}"{dash}/>',
    ]
    if box.badge is not None:
        parts.append(
            f'<rect x="{box.x:.2f}" y="{box.y:.2f}" width="{box.w:.2f}" '
            f'height="{box.badge_height:.2f}" fill="{box.badge_fill}"/>'
        )
        parts.append(_line(box, box.badge))
    parts.extend(_line(box, line) for line in box.lines)
    parts.append("</g>")
    return parts


def _line(box: Box, line: TextLine) -> str:
    return _text(
        line.text, box.x + line.dx, box.y + line.baseline, line.size, line.font, line.colour
    )


def _text(text: str, x: float, y: float, size: float, font: str, colour: str) -> str:  # noqa: PLR0917
    weight = ' font-weight="bold"' if FONTS.get(font, FONTS["regular"])[1] else ""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}"{weight} fill="{colour}" '
        f'xml:space="preserve">{escape(text)}</text>'
    )


def export_svg(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    """``export --format svg --diagram whys|ishikawa``: no Qt involved."""
    from app.diagrams.document_layout import layout_for

    kind = options.diagram or WHYS
    if kind not in DIAGRAM_KINDS:
        raise ValidationError(f"unknown diagram '{kind}' (choose whys or ishikawa).")
    title = f"{doc.title} — {label(kind)}"
    layout = in_language(layout_for(doc, kind), options.language or doc.language)
    write_file(path, layout_to_svg(layout, title).encode("utf-8"))
    return ExportReport(path)
