"""The live content of the shared screen, built for a shrunken 1280×720 share.

No text here is smaller than the floor (``TEXT_PX`` for text, ``DIAGRAM_PX`` for diagram
labels) whatever the amount of content: instead of shrinking, a column shows the rows that fit
— the newest ones — and says how many more there are. Identifiers wrap at their joints
(``app.meeting.text.soft_breaks``), never in the middle of a word.

The widgets only display what they are given; the presenter view decides what (and in which
language) to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.meeting.text import soft_breaks

FAMILY = "DejaVu Sans"
MONO = "DejaVu Sans Mono"
TEXT_PX = 18
DIAGRAM_PX = 20


def font(px: int, bold: bool = False, mono: bool = False) -> QFont:
    result = QFont(MONO if mono else FAMILY)
    result.setPixelSize(px)
    result.setBold(bold)
    return result


class WrapLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its lines need.

    Box layouts size a wrapped label from its one-line hint; this one raises its minimum height
    to what the current width needs, so lines are never cut off at the bottom.
    """

    def _fit(self) -> None:
        if self.wordWrap() and self.width() > 0:
            need = self.heightForWidth(self.width())
            if need > 0 and need != self.minimumHeight():
                self.setMinimumHeight(need)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def setFont(self, value: QFont) -> None:
        super().setFont(value)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


def text_label(
    name: str, px: int, bold: bool = False, wrap: bool = True, *, in_layout: bool = True
) -> QLabel:
    """A plain-text label; ``in_layout`` ones ask their layout for the height their lines need
    (a label placed by hand gets its height from ``heightForWidth`` directly)."""
    label = WrapLabel() if in_layout else QLabel()
    label.setObjectName(name)
    label.setFont(font(px, bold))
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _discard(widget: QWidget) -> None:
    """Gone from the screen at once (deleted later, when Qt is done with it)."""
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()


def _show_row(label: QLabel, row: Row, px: int, style: str) -> None:
    """Show a row in a label, touching only what changed (restyling a label is costly)."""
    wanted = font(px, row.bold)
    if label.font() != wanted:
        label.setFont(wanted)
    if label.styleSheet() != style:
        label.setStyleSheet(style)
    text = soft_breaks(row.text)
    if label.text() != text:
        label.setText(text)


@dataclass(frozen=True)
class Row:
    text: str
    style: str = ""
    """Extra style sheet for the row (a pinned marker, a root cause, the current item)."""
    bold: bool = False


class RowColumn(QWidget):
    """Rows of large text; those that do not fit are left out with a "n more" line.

    ``keep_end`` keeps the last rows (the newest why, timeline entry or action) in view;
    otherwise the first rows are kept.
    """

    def __init__(self, name: str, px: int, keep_end: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.px = px
        self.keep_end = keep_end
        self.spacing = max(6, px // 3)
        self.labels: list[QLabel] = []
        self.more = text_label(f"{name}-more", max(TEXT_PX, px - 2), in_layout=False)
        self.more.setParent(self)
        self.more.setStyleSheet("color: #4b5563;")
        self.more.hide()
        self.more_text = "{0}"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(400, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 40)

    def set_rows(self, rows: list[Row], more_text: str) -> None:
        """``more_text`` is a format with ``{0}``: the number of rows left out."""
        self.more_text = more_text
        while len(self.labels) > len(rows):
            _discard(self.labels.pop())
        while len(self.labels) < len(rows):
            label = text_label(f"{self.objectName()}-row", self.px, in_layout=False)
            label.setParent(self)
            self.labels.append(label)
        for label, row in zip(self.labels, rows, strict=True):
            _show_row(
                label,
                row,
                self.px,
                "QLabel { color: #1f2a37; border-bottom: 1px solid #e5e7eb; "
                "padding: 2px 2px 6px 2px; " + row.style + " }",
            )
        self.place()

    def set_px(self, px: int) -> None:
        self.px = px
        self.spacing = max(6, px // 3)
        self.more.setFont(font(max(TEXT_PX, px - 2)))
        for label in self.labels:
            label.setFont(font(px, label.font().bold()))
        self.place()

    def shown(self) -> list[QLabel]:
        return [label for label in self.labels if label.isVisibleTo(self)]

    def place(self) -> None:
        width, height = self.width(), self.height()
        for label in (*self.labels, self.more):
            label.ensurePolished()  # the style sheet's padding counts in the height
        heights = [label.heightForWidth(width) for label in self.labels]
        more_height = self.more.heightForWidth(width) + self.spacing
        order = range(len(self.labels) - 1, -1, -1) if self.keep_end else range(len(self.labels))
        used, kept = 0, []
        for index in order:
            need = heights[index] + (self.spacing if kept else 0)
            left_out = len(self.labels) - len(kept) - 1
            reserve = more_height if left_out else 0
            if kept and used + need + reserve > height:
                break
            kept.append(index)
            used += need
        kept.sort()
        hidden = len(self.labels) - len(kept)
        y = 0
        if hidden and self.keep_end:
            y = self._show_more(hidden, 0, width)
        for index, label in enumerate(self.labels):
            if index in kept:
                label.setGeometry(0, y, width, heights[index])
                label.show()
                y += heights[index] + self.spacing
            else:
                label.hide()
        if hidden and not self.keep_end:
            self._show_more(hidden, y, width)
        elif not hidden:
            self.more.hide()

    def _show_more(self, hidden: int, y: int, width: int) -> int:
        self.more.setText(self.more_text.format(hidden))
        height = self.more.heightForWidth(width)
        self.more.setGeometry(0, y, width, height)
        self.more.show()
        return y + height + self.spacing

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()


class PinnedAndRows(QWidget):
    """A few pinned rows on top (the problem, the start of an incident), the rest below."""

    def __init__(self, name: str, px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.pinned_box = QFrame()
        self.pinned_box.setObjectName(f"{name}-pinned")
        self.pinned_layout = QVBoxLayout(self.pinned_box)
        self.pinned_layout.setContentsMargins(10, 8, 10, 8)
        self.pinned_layout.setSpacing(4)
        self.pinned_box.setStyleSheet(
            f"#{name}-pinned {{ background: #f3f4f6; border-left: 6px solid #4b5563; }}"
        )
        self.pinned: list[QLabel] = []
        self.rows = RowColumn(f"{name}-rows", px)
        self.px = px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.pinned_box)
        layout.addWidget(self.rows, 1)

    def set_pinned(self, rows: list[Row]) -> None:
        while len(self.pinned) > len(rows):
            label = self.pinned.pop()
            self.pinned_layout.removeWidget(label)
            _discard(label)
        while len(self.pinned) < len(rows):
            label = text_label(f"{self.objectName()}-pin", self.px)
            self.pinned_layout.addWidget(label)
            self.pinned.append(label)
        for label, row in zip(self.pinned, rows, strict=True):
            _show_row(
                label,
                row,
                self.px,
                "QLabel { background: transparent; color: #1f2a37; " + row.style + " }",
            )
        self.pinned_box.setVisible(bool(rows))

    def set_px(self, px: int) -> None:
        self.px = px
        for label in self.pinned:
            label.setFont(font(px, label.font().bold()))
        self.rows.set_px(px)


class ChipFlow(QWidget):
    """Labels laid out left to right in as many rows as the width needs."""

    GAP = 8

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chips: list[QLabel] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_chips(self, rows: list[Row], px: int) -> None:
        """One chip per row (reused from the last time)."""
        while len(self.chips) > len(rows):
            _discard(self.chips.pop())
        while len(self.chips) < len(rows):
            chip = text_label(f"{self.objectName()}-chip", px, wrap=False, in_layout=False)
            chip.setParent(self)
            chip.show()
            self.chips.append(chip)
        for chip, row in zip(self.chips, rows, strict=True):
            _show_row(
                chip, row, px, "QLabel { border-radius: 8px; padding: 3px 10px; " + row.style + " }"
            )
        self.updateGeometry()
        self._place(self.width())

    def _place(self, width: int, move: bool = True) -> int:
        x = y = line = 0
        for chip in self.chips:
            size = chip.sizeHint()
            if x and x + size.width() > width:
                x, y, line = 0, y + line + self.GAP, 0
            if move:
                chip.setGeometry(x, y, size.width(), size.height())
            x += size.width() + self.GAP
            line = max(line, size.height())
        return y + line

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(width, move=False)

    def sizeHint(self) -> QSize:
        return QSize(400, self._place(max(1, self.width()), move=False))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.width())


class IshikawaView(QWidget):
    """The effect, every category as a small overview chip (name and number of causes), and
    the category being discussed large, with its causes."""

    def __init__(self, px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterIshikawa")
        self.px = px
        self.effect = text_label("ishikawaEffect", px + 2, bold=True)
        self.chips = ChipFlow("ishikawaOverview")
        self.category = text_label("ishikawaCategory", px + 6, bold=True)
        self.causes = RowColumn("ishikawaCauses", px + 2)
        for label in (self.effect, self.category):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.effect)
        layout.addWidget(self.chips)
        layout.addWidget(self.category)
        layout.addWidget(self.causes, 1)

    def show_diagram(
        self,
        effect: str,
        categories: list[tuple[str, int]],
        current: int,
        causes: list[Row],
        more_text: str,
    ) -> None:
        self.effect.setText(soft_breaks(effect))
        on = "background: #1f2a37; color: #ffffff;"
        off = "background: #eef1f5; color: #1f2a37; border: 1px solid #c7cfd8;"
        self.chips.set_chips(
            [
                Row(f"{name} · {count}", on if index == current else off, bold=index == current)
                for index, (name, count) in enumerate(categories)
            ],
            max(DIAGRAM_PX, self.px - 2),
        )
        if 0 <= current < len(categories):
            self.category.setText(categories[current][0])
        self.causes.set_rows(causes, more_text)

    @property
    def chip_labels(self) -> list[QLabel]:
        return self.chips.chips

    def set_px(self, px: int) -> None:
        self.px = px
        self.effect.setFont(font(px + 2, True))
        self.category.setFont(font(px + 6, True))
        for chip in self.chip_labels:
            chip.setFont(font(max(DIAGRAM_PX, px - 2), chip.font().bold()))
        self.chips.updateGeometry()
        self.causes.set_px(px + 2)
