"""The few visual rules of the app, in one place (see docs/DESIGN.md).

One spacing scale, one type scale, one accent colour per theme, and three message kinds
(success, warning, error) that differ by icon *and* colour, so they read in every theme and
for people who do not tell red from green.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

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
    )
