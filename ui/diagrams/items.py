"""Scene items that paint a diagram layout (``app.diagrams.layout``) exactly as laid out.

Text is drawn line by line at the layout's baselines with the bundled DejaVu Sans, unhinted
and without kerning (the shared measure has neither), so lines fit their boxes as in the PDF.
"""

from __future__ import annotations

import functools
from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from app.diagrams.layout import FONTS, SELECTED_BORDER, Box, Connector, TextLine
from app.diagrams.svg_export import arrow_head

FONT_PIXELS = 100  # text is drawn at 100 px and scaled, for sub-pixel exact sizes


@functools.cache
def _bundled_fonts() -> None:
    """Register the fonts the layout measured with, even where no launcher did it first."""
    from ui.application import load_bundled_fonts

    load_bundled_fonts()


@functools.cache
def layout_font(key: str) -> QFont:
    _bundled_fonts()
    family, bold, _face = FONTS.get(key, FONTS["regular"])
    font = QFont(family)
    font.setPixelSize(FONT_PIXELS)
    font.setBold(bold)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def draw_line(painter: QPainter, line: TextLine, x: float, y: float) -> None:
    painter.save()
    painter.translate(x + line.dx, y + line.baseline)
    scale = line.size / FONT_PIXELS
    painter.scale(scale, scale)
    painter.setFont(layout_font(line.font))
    painter.setPen(QColor(line.colour))
    painter.drawText(QPointF(0, 0), line.text)
    painter.restore()


def plain_tooltip(text: str) -> str:
    """Tooltips guess rich text: escape so labels with markup show as typed."""
    return "<p style='white-space:pre-wrap'>" + escape(text).replace("\n", "<br/>") + "</p>"


def same_look(one: Box, other: Box) -> bool:
    """Equal but for the position: the cached picture of the box is still right."""
    left, right = dict(one.__dict__), dict(other.__dict__)
    for key in ("x", "y"):
        left.pop(key)
        right.pop(key)
    return left == right


class BoxItem(QGraphicsItem):
    """One node: its box, badge and lines of text; highlights for selection and drop target."""

    def __init__(self, box: Box) -> None:
        super().__init__()
        self.box = box
        self.selected = False
        self.drop_target = False
        self.setZValue(1)
        # painted once into a pixmap, re-blitted while it only moves: a re-layout after an
        # edit repaints the boxes whose content changed, not every line of text
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_box(box)

    @property
    def node_id(self) -> str:
        return self.box.node_id

    def set_box(self, box: Box) -> None:
        if box.full_text != self.box.full_text or not self.toolTip():
            self.setToolTip(plain_tooltip(box.full_text))
        if not same_look(box, self.box):
            self.prepareGeometryChange()
            self.box = box
            self.update()
        else:
            self.box = box
        if self.pos() != QPointF(box.x, box.y):
            self.setPos(box.x, box.y)

    def set_state(self, *, selected: bool | None = None, drop_target: bool | None = None) -> None:
        if selected is not None:
            self.selected = selected
        if drop_target is not None:
            self.drop_target = drop_target
        self.update()

    def boundingRect(self) -> QRectF:
        margin = 4.0
        return QRectF(-margin, -margin, self.box.w + 2 * margin, self.box.h + 2 * margin)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        box = self.box
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(box.border), box.border_width)
        if box.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        fill = "#c8f0c8" if self.drop_target else box.fill
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(fill)))
        painter.drawRoundedRect(QRectF(0, 0, box.w, box.h), box.radius, box.radius)
        if box.badge is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(box.badge_fill))
            painter.drawRect(QRectF(0, 0, box.w, box.badge_height))
            draw_line(painter, box.badge, 0, 0)
        for line in box.lines:
            draw_line(painter, line, 0, 0)
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(SELECTED_BORDER), 3.0, Qt.PenStyle.SolidLine))
            painter.drawRoundedRect(QRectF(-3, -3, box.w + 6, box.h + 6), 6, 6)


class ConnectorItem(QGraphicsPathItem):
    def __init__(self, connector: Connector) -> None:
        super().__init__()
        self.connector = connector
        self.setZValue(0)
        self.set_connector(connector)

    def set_connector(self, connector: Connector) -> None:
        self.connector = connector
        path = QPainterPath()
        first, *rest = connector.points
        path.moveTo(*first)
        for point in rest:
            path.lineTo(*point)
        if connector.arrow and rest:
            head = arrow_head(*connector.points[-2], *connector.points[-1])
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in head]))
            path.closeSubpath()
        self.setPath(path)
        pen = QPen(QColor(connector.colour), connector.line_width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setBrush(QBrush(QColor(connector.colour)) if connector.arrow else QBrush())
