"""The few visual rules of the app, in one place (see docs/DESIGN.md).

One spacing scale, one type scale, one accent colour per theme, and three message kinds
(success, warning, error) that differ by icon *and* colour, so they read in every theme and
for people who do not tell red from green.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from app.paths import resource

if TYPE_CHECKING:
    from app.diagrams.layout import Layout, TextLine

#: Spacing scale in pixels: margins and gaps use only these.
SPACE = (4, 8, 12, 16, 24)
#: Type scale, as factors of the platform's body size: caption, body, section title, page title.
TYPE = {"caption": 0.9, "body": 1.0, "title": 1.2, "page": 1.5}


@dataclass(frozen=True)
class Palette:
    accent: str
    on_accent: str
    success: str
    warning: str
    error: str
    muted: str
    outline_bg: str


PALETTES = {
    "light": Palette("#2f6fb5", "#ffffff", "#1e7b34", "#9a5b00", "#b3261e", "#6b6b6b", "#f3f4f6"),
    "dark": Palette("#3d6ea8", "#ffffff", "#6cc483", "#f0b64a", "#ff8a80", "#a0a0a0", "#242424"),
    "high_contrast": Palette(
        "#000080", "#ffffff", "#005a00", "#6b3d00", "#a00000", "#000000", "#ffffff"
    ),
}

#: Message kinds: the icon glyph carries the meaning, the colour repeats it.
GLYPHS = {"success": "✔", "warning": "⚠", "error": "✖", "empty": "○", "info": "ℹ"}


def current_theme() -> str:
    app = QApplication.instance()
    theme = app.property("pmTheme") if app is not None else None
    return str(theme) if theme in PALETTES else "light"


def palette(theme: str | None = None) -> Palette:
    return PALETTES.get(theme or current_theme(), PALETTES["light"])


def kind_colour(kind: str, theme: str | None = None) -> QColor:
    colours = palette(theme)
    return QColor(
        {
            "success": colours.success,
            "warning": colours.warning,
            "error": colours.error,
        }.get(kind, colours.muted)
    )


def status_icon(kind: str, size: int = 16) -> QIcon:
    """The glyph of ``kind`` drawn in its colour (✔ success, ⚠ warning, ✖ error, ○ empty);
    on a selected (accent) row it is drawn in the colour of text on the accent."""
    icon = QIcon(_glyph(kind, kind_colour(kind), size))
    on_accent = QColor(palette().on_accent)
    icon.addPixmap(_glyph(kind, on_accent, size), QIcon.Mode.Selected)
    return icon


def _glyph(kind: str, colour: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(size - 2)
    font.setBold(kind != "empty")
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, GLYPHS[kind])
    painter.end()
    return pixmap


def heading_font(base: QFont, level: str = "title") -> QFont:
    """A font of the type scale: ``caption``, ``body``, ``title`` (bold) or ``page`` (bold)."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * TYPE[level])
    font.setBold(level in ("title", "page"))
    return font


def show_message(label: QLabel, kind: str, text: str) -> None:
    """A one-line message in a label: glyph + text in the kind's colour (hidden when empty)."""
    label.setVisible(bool(text))
    label.setProperty("messageKind", kind)
    label.setText(f"{GLYPHS[kind]} {text}" if text else "")
    label.setStyleSheet(f"color: {kind_colour(kind).name()};")


def theme_style(theme: str) -> str:
    """Style sheet rules shared by every theme: accent on the current section, spacing."""
    colours = palette(theme)
    return (
        f"QListWidget#sectionOutline {{ background: {colours.outline_bg}; border: none;"
        f" padding: {SPACE[1]}px 0; }}"
        f"QListWidget#sectionOutline::item {{ padding: {SPACE[1]}px {SPACE[2]}px;"
        " border-left: 3px solid transparent; }"
        f"QListWidget#sectionOutline::item:selected {{ background: {colours.accent};"
        f" color: {colours.on_accent}; border-left: 3px solid {colours.accent}; }}"
        f"QLabel#sectionTitle {{ color: {colours.accent}; }}"
        f"QTableView#actionsTable::item {{ padding: {SPACE[0] - 1}px {SPACE[0]}px; }}"
    ) + (_check_box_style(colours) if theme == "dark" else "")


def _check_box_style(colours: Palette) -> str:
    """Check boxes (also those in lists) framed in a light grey and filled with the accent when
    checked: the platform style draws a dark frame on the dark background, nearly invisible."""
    check = resource("icons", "check-on-accent.svg").as_posix()
    indicator = "QCheckBox::indicator, QAbstractItemView::indicator"
    return (
        f"{indicator.replace(',', ':unchecked,')}:unchecked {{ width: 13px; height: 13px;"
        f" border: 1px solid {colours.muted}; border-radius: 3px; background: #1e1e1e; }}"
        f"{indicator.replace(',', ':checked,')}:checked {{ width: 13px; height: 13px;"
        f" border: 1px solid {colours.accent}; border-radius: 3px;"
        f" background: {colours.accent}; image: url({check}); }}"
        f"{indicator.replace(',', ':disabled,')}:disabled {{ border-color: #5a5a5a;"
        " background: #2b2b2b; }"
    )


@functools.cache
def _mirrored(colour: str) -> str:
    """``colour`` with its lightness mirrored, hue and saturation kept: white paper turns dark
    grey, dark ink light, a pale fill deep and its dark text pale, so contrasts survive."""
    hue, saturation, lightness, alpha = QColor(colour).getHslF()
    return QColor.fromHslF(max(hue, 0.0), saturation, 0.1 + 0.8 * (1 - lightness), alpha).name()


def screen_colour(colour: str, theme: str | None = None) -> str:
    """A print colour of a diagram as shown on screen in ``theme`` (the current one)."""
    return _mirrored(colour) if (theme or current_theme()) == "dark" else colour


def diagram_on_screen(layout: Layout, theme: str | None = None) -> Layout:
    """The layout in the screen colours of ``theme``: in the dark theme the diagram is drawn
    dark like the rest of the window; exports and the PDF keep the print colours."""
    if (theme or current_theme()) != "dark":
        return layout
    dark = _mirrored

    def ink(line: TextLine) -> TextLine:
        return replace(line, colour=dark(line.colour))

    boxes = [
        replace(
            box,
            fill=dark(box.fill),
            border=dark(box.border),
            badge_fill=dark(box.badge_fill),
            lines=tuple(ink(line) for line in box.lines),
            badge=None if box.badge is None else ink(box.badge),
        )
        for box in layout.boxes
    ]
    return replace(
        layout,
        boxes=boxes,
        connectors=[replace(line, colour=dark(line.colour)) for line in layout.connectors],
        labels=[replace(label, colour=dark(label.colour)) for label in layout.labels],
        background=dark(layout.background),
    )
