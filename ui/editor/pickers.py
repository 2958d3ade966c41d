"""Date and time pickers: a calendar button at the end of a typed field.

Typing stays the quick way ("14:31", "next friday"); the button opens a calendar (and a time
field for moments) for people who prefer to point. Picking writes the value into the field as
if typed, so the same parsing, validation and undo apply.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QAction, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

Current = Callable[[], date | datetime | None]


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn in the text colour (no icon theme needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QLineEdit().palette().text().color()
    painter.setPen(QPen(colour, 1.4))
    painter.drawRoundedRect(QRectF(1.5, 3.5, size - 3, size - 5), 1.5, 1.5)
    painter.drawLine(2, 7, size - 2, 7)
    painter.drawLine(5, 1, 5, 5)
    painter.drawLine(size - 5, 1, size - 5, 5)
    for x in (5, 8, 11):
        painter.drawPoint(x, 10)
        painter.drawPoint(x, 12)
    painter.end()
    return QIcon(pixmap)


class PickerPopup(QFrame):
    """A calendar (and a time for moments) in a popup; OK or a double-click picks."""

    picked = Signal(object, object)  # date, time | None

    def __init__(self, parent: QWidget, *, with_time: bool) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("pickerPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("pickerCalendar")
        self.calendar.setGridVisible(False)
        self.time = QTimeEdit()
        self.time.setObjectName("pickerTime")
        self.time.setDisplayFormat("HH:mm")
        self.ok = QPushButton(self.tr("OK"))
        self.ok.setObjectName("pickerOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._pick)
        self.calendar.activated.connect(lambda _day: self._pick())
        row = QHBoxLayout()
        if with_time:
            row.addWidget(QLabel(self.tr("Time")))
            row.addWidget(self.time)
        else:
            self.time.hide()
        row.addStretch(1)
        row.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.calendar)
        layout.addLayout(row)
        self.with_time = with_time

    def start(self, value: date | datetime | None, below: QWidget) -> None:
        day = value.date() if isinstance(value, datetime) else value or date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        if isinstance(value, datetime):
            self.time.setTime(QTime(value.hour, value.minute))
        self.adjustSize()
        self.move(below.mapToGlobal(QPoint(0, below.height())))
        self.show()
        self.calendar.setFocus()

    def _pick(self) -> None:
        chosen = self.calendar.selectedDate()
        day = date(chosen.year(), chosen.month(), chosen.day())
        clock = None
        if self.with_time:
            t = self.time.time()
            clock = time(t.hour(), t.minute())
        self.hide()
        self.picked.emit(day, clock)


def attach_picker(
    field: QLineEdit,
    current: Current,
    on_pick: Callable[[date, time | None], None],
    *,
    with_time: bool,
) -> QAction:
    """Add a calendar button to ``field``; ``on_pick`` receives the chosen day (and time).

    The popup is built on first use (a table builds a cell editor on every edit)."""
    label = QCoreApplication.translate("Pickers", "Pick a date")
    action = QAction(calendar_icon(), label, field)
    action.setObjectName("pickDate")
    action.setToolTip(label)

    def open_popup() -> None:
        popup = field.findChild(PickerPopup)
        if popup is None:
            popup = PickerPopup(field, with_time=with_time)
            popup.picked.connect(on_pick)
        popup.start(current(), field)

    action.triggered.connect(open_popup)
    field.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    return action
