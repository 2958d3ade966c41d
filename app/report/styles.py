"""The report's named stylesheet: one place for type sizes, colours and spacing."""

from __future__ import annotations

from typing import Any

from app.report.fonts import BOLD, ITALIC, MONO, REGULAR, register_fonts

INK = "#1a1a1a"
MUTED = "#555555"
ACCENT = "#1f3d73"
RULE = "#b9c3d3"
HEADER_FILL = "#e6ecf5"
ZEBRA_FILL = "#f6f8fb"
STALE = "#a00000"
CURRENT = "#1d6b2a"
WATERMARK = "#c8c8c8"


def stylesheet() -> Any:
    """A ``StyleSheet1`` whose names the renderer uses (``h1``, ``body``, ``cell``, …)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle, StyleSheet1

    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        # bullets in the embedded font: a standard font writes "•" as WinAnsi 0x7F, which
        # text extraction (copy, search, screen readers) returns as a control character
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=13.2,
        textColor=colors.HexColor(INK),
        alignment=TA_LEFT,
        spaceAfter=5,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    sheet.add(base)

    def add(name: str, **changes: Any) -> None:
        parent = changes.pop("parent", base)
        sheet.add(ParagraphStyle(name, parent=parent, **changes))

    add(
        "kicker",
        fontName=BOLD,
        fontSize=10,
        leading=13,
        textColor=colors.HexColor(ACCENT),
        spaceAfter=10,
    )
    add(
        "cover_title",
        fontName=BOLD,
        fontSize=24,
        leading=30,
        spaceAfter=14,
        textColor=colors.HexColor(INK),
    )
    add(
        "cover_note",
        fontName=ITALIC,
        fontSize=9,
        leading=12.5,
        textColor=colors.HexColor(MUTED),
        keepWithNext=1,  # the blameless note is never left alone on a page
    )
    add(
        "h1",
        fontName=BOLD,
        fontSize=14.5,
        leading=18,
        spaceBefore=14,
        spaceAfter=7,
        textColor=colors.HexColor(ACCENT),
        keepWithNext=1,
    )
    add(
        "h2",
        fontName=BOLD,
        fontSize=11,
        leading=14,
        spaceBefore=9,
        spaceAfter=4,
        textColor=colors.HexColor(INK),
        keepWithNext=1,
    )
    add(
        "h3",
        fontName=BOLD,
        fontSize=10,
        leading=13,
        spaceBefore=6,
        spaceAfter=3,
        keepWithNext=1,
    )
    add("quote", leftIndent=12, textColor=colors.HexColor(MUTED))
    add("warning", fontName=BOLD, textColor=colors.HexColor(STALE))
    add(
        "approval_title",
        fontName=BOLD,
        fontSize=13,
        leading=16,
        spaceAfter=3,
        textColor=colors.HexColor(CURRENT),
    )
    add("approval", fontSize=10, leading=13.5, spaceAfter=2)
    add("approval_digest", fontName=MONO, fontSize=8, leading=10.5, spaceAfter=0)
    add("muted", textColor=colors.HexColor(MUTED), fontName=ITALIC)
    add("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3)
    add("cell", fontSize=8.5, leading=11, spaceAfter=0)
    add("cell_bold", fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0)
    add(
        "cell_head",
        fontName=BOLD,
        fontSize=8.5,
        leading=11,
        spaceAfter=0,
        textColor=colors.HexColor(ACCENT),
    )
    add(
        "meta_label",
        fontName=BOLD,
        fontSize=9,
        leading=12.5,
        spaceAfter=0,
        textColor=colors.HexColor(MUTED),
    )
    add("meta_value", fontSize=9.5, leading=12.5, spaceAfter=0)
    add("mono", fontName=MONO, fontSize=7.5, leading=9.8, spaceAfter=2)
    add("digest", fontName=MONO, fontSize=8, leading=10.5, spaceAfter=4)
    add(
        "caption",
        fontName=ITALIC,
        fontSize=8,
        leading=10.5,
        textColor=colors.HexColor(MUTED),
        spaceBefore=2,
        spaceAfter=8,
    )
    return sheet
