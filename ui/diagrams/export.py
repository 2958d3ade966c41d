"""PNG (and SVG) files of a diagram, for the menu and for ``export --format png|svg``.

PNG is rasterised by Qt from the very items the canvas uses, so the picture is what the room
saw, with the bundled fonts. Qt stays out of ``app/``: the CLI registers
``"ui.diagrams.export:export_png"`` as a string and imports this module only when a PNG is asked
for (other commands never load Qt). A second rasteriser (reportlab's renderPM) would mean
another dependency and another text renderer to keep identical. Without a display the export
runs Qt offscreen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.diagrams.document_layout import layout_for
from app.diagrams.graph import DIAGRAM_KINDS
from app.diagrams.layout import Layout, in_language
from app.errors import PostmortemError, ValidationError
from app.fileio import write_file
from app.model import Postmortem

PNG_SCALE = 2.0  # 144 dpi: sharp on screens and slides
#: PNG readers (libpng among them) refuse larger pictures, and the image is held in memory
#: (4 bytes a pixel): bigger diagrams are drawn at a smaller scale
MAX_PNG_SIDE = 16_384
MAX_PNG_PIXELS = 25_000_000
#: below this scale (36 dpi) the boxes' text is unreadable: such a diagram is refused as PNG
MIN_PNG_SCALE = 0.5


def _kind(args: argparse.Namespace | None) -> str:
    kind = getattr(args, "diagram", None) or "whys"
    if kind not in DIAGRAM_KINDS:
        raise PostmortemError(f"unknown diagram '{kind}' (choose whys or ishikawa).")
    return str(kind)


def render_png(layout: Layout, scale: float = PNG_SCALE) -> bytes:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene

    from ui.application import ensure_application
    from ui.diagrams.items import BoxItem, ConnectorItem

    area = max(layout.width * layout.height, 1.0)
    scale = min(
        scale, MAX_PNG_SIDE / max(layout.width, layout.height, 1.0), (MAX_PNG_PIXELS / area) ** 0.5
    )
    if scale < MIN_PNG_SCALE:
        raise ValidationError(
            f"the diagram is too large for a readable PNG ({layout.width:.0f} × "
            f"{layout.height:.0f} points); export it as SVG, or as PDF where it is printed "
            "as an outline."
        )
    ensure_application()
    scene = QGraphicsScene()
    for connector in layout.connectors:
        scene.addItem(ConnectorItem(connector))
    for box in layout.boxes:
        item = BoxItem(box)
        item.setCacheMode(BoxItem.CacheMode.NoCache)  # paint straight into the image
        scene.addItem(item)
    width, height = round(layout.width * scale), round(layout.height * scale)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(layout.background))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, layout.width, layout.height))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")
    buffer.close()
    if not saved or not data.size():
        raise PostmortemError(
            f"the PNG of the diagram ({width} × {height} pixels) could not be made."
        )
    return bytes(data.data())


def export_png(doc: Postmortem, path: Path, args: argparse.Namespace | None = None) -> None:
    language = getattr(args, "lang", None) or doc.language
    write_file(path, render_png(in_language(layout_for(doc, _kind(args)), language)))
