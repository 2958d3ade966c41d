"""The metrics dashboard: the figures of ``app.metrics`` as cards and small charts.

Charts are painted with QPainter (bars, a rate ring, a target gauge): a few dozen lines each,
no plotting dependency to ship in the bundle. The figures are computed on a worker thread (its
own read-only connection), so the window opens at once on any database; after an edit only
the edited postmortem is read again (``MetricsIndex.update``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.metrics import Kpi, Metrics, MetricsIndex, kpi_verdict, percent
from app.model import Postmortem
from app.store import Store
from app.timeutil import format_duration

GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
NEUTRAL = QColor("#9e9e9e")
ACCENT = QColor("#3f6fb5")
TRACK = QColor("#e6e8eb")
INK = QColor("#2b2f33")
MUTED = QColor("#6b7278")
#: recurrence groups listed when there are too many links to list them all
GROUPS_SHOWN = 20
SEVERITY_COLOURS = {
    "P0": QColor("#b71c1c"),
    "P1": QColor("#e65100"),
    "P2": QColor("#f9a825"),
    "P3": QColor("#558b2f"),
}


def _small_font(widget: QWidget, points_delta: float = -1.0, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() + points_delta))
    font.setBold(bold)
    return font


class BarChart(QWidget):
    """Vertical bars with the value above and the label below each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        #: the first figures are still being computed: say so rather than "No data"
        self.computing = False
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[tuple[str, int, QColor]]) -> None:
        self.bars = list(bars)
        self.computing = False
        self.setToolTip("\n".join(f"{label}: {value}" for label, value, _ in self.bars))
        self.update()

    def set_computing(self, computing: bool) -> None:
        self.computing = computing
        self.update()

    def placeholder(self) -> str:
        """What an empty chart says: the figures are on their way, or there are none."""
        return self.tr("Computing…") if self.computing else self.tr("No data")

    def sizeHint(self) -> QSize:
        return QSize(320, 170)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = _small_font(self)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, line + 4, -4, -(line + 6))
        if not self.bars:
            painter.setPen(MUTED)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.placeholder())
            return
        top = max(value for _, value, _ in self.bars) or 1
        slot = area.width() / len(self.bars)
        width = min(44.0, slot * 0.7)
        last_right = float("-inf")
        painter.setPen(QPen(TRACK, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for index, (label, value, colour) in enumerate(self.bars):
            centre = area.left() + slot * (index + 0.5)
            height = area.height() * value / top
            bar = QRectF(centre - width / 2, area.bottom() - height, width, height)
            painter.fillRect(bar, colour)
            painter.setPen(INK)
            painter.drawText(
                QRectF(centre - slot / 2, bar.top() - line - 2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                str(value),
            )
            # Labels are skipped where they would overlap the previous one.
            room = min(float(metrics.horizontalAdvance(label) + 6), float(self.width()))
            left = max(0.0, min(self.width() - room, centre - room / 2))
            if left >= last_right:
                painter.setPen(MUTED)
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(room))
                painter.drawText(
                    QRectF(left, area.bottom() + 4, room, line), Qt.AlignmentFlag.AlignCenter, text
                )
                last_right = left + room


class RateRing(QWidget):
    """A ring filled to a rate (0–1) with the percentage in the middle; grey when undefined."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.rate: float | None = None
        self.detail = ""
        self.setMinimumSize(120, 140)

    def set_rate(self, rate: float | None, detail: str = "") -> None:
        self.rate = rate
        self.detail = detail
        self.setToolTip(f"{self.caption}: {percent(rate)}" + (f" — {detail}" if detail else ""))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(140, 150)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        caption_font = _small_font(self)
        painter.setFont(caption_font)
        line = painter.fontMetrics().height()
        side = min(self.width() - 16, self.height() - 2 * line - 14)
        ring = QRectF((self.width() - side) / 2, 6, side, side)
        thickness = max(6.0, side / 9)
        inner = ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2)
        painter.setPen(QPen(TRACK, thickness))
        painter.drawEllipse(inner)
        if self.rate is not None:
            colour = GOOD if self.rate >= 0.8 else ACCENT if self.rate >= 0.5 else BAD
            pen = QPen(colour, thickness)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(inner, 90 * 16, -round(360 * 16 * max(0.0, min(1.0, self.rate))))
        painter.setPen(INK)
        painter.setFont(_small_font(self, 3, bold=True))
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, percent(self.rate))
        painter.setFont(caption_font)
        painter.drawText(
            QRectF(0, ring.bottom() + 4, self.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.caption,
        )
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, ring.bottom() + 4 + line, self.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            painter.fontMetrics().elidedText(
                self.detail, Qt.TextElideMode.ElideRight, self.width() - 4
            ),
        )


class KpiGauge(QWidget):
    """One response time against its target: a bar up to twice the target, a tick at the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi: Kpi | None = None
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_kpi(self, kpi: Kpi) -> None:
        self.kpi = kpi
        self.setToolTip(
            f"{kpi.name}: {format_duration(kpi.mean)} (target < {format_duration(kpi.target)}), "
            f"{kpi.incidents} incident(s)"
            + (f", {kpi.skipped} skipped (inconsistent times)" if kpi.skipped else "")
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 64)

    def paintEvent(self, _event: QPaintEvent) -> None:
        kpi = self.kpi
        if kpi is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = _small_font(self, 1, bold=True)
        small = _small_font(self, -1)
        painter.setFont(bold)
        line = painter.fontMetrics().height()
        colour = NEUTRAL if kpi.met is None else GOOD if kpi.met else BAD
        painter.setPen(INK)
        painter.drawText(
            QRectF(0, 0, self.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{kpi.code}  {format_duration(kpi.mean)}",
        )
        painter.setPen(colour)
        painter.drawText(
            QRectF(0, 0, self.width(), line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.tr(kpi_verdict(kpi)),  # "on target" / "above target", in the catalogue
        )
        track = QRectF(0, line + 6, self.width() - 1, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 5, 5)
        scale = 2 * kpi.target.total_seconds()
        if kpi.mean is not None:
            fraction = max(0.0, min(1.0, kpi.mean.total_seconds() / scale))
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * fraction, 10), 5, 5
            )
        tick = track.left() + track.width() / 2
        painter.setPen(QPen(INK, 2))
        painter.drawLine(int(tick), int(track.top() - 3), int(tick), int(track.bottom() + 3))
        painter.setFont(small)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, track.bottom() + 4, self.width(), line),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("target < {0} · {1} incident(s)").format(
                format_duration(kpi.target), kpi.incidents
            ),
        )


class Card(QFrame):
    """A titled box holding one figure or chart."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dashboardCard { background: white; color: #2b2f33; border: 1px solid #d8dce0;"
            " border-radius: 6px; }"
        )
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 10)
        heading = QLabel(title)
        heading.setFont(_small_font(heading, 1, bold=True))
        heading.setStyleSheet("color: #2b2f33; border: none;")
        self.body.addWidget(heading)


def _big_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = _small_font(label, 8, bold=True)
    label.setFont(font)
    label.setStyleSheet("border: none;")
    return label


def _note_label(name: str = "") -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #6b7278; border: none;")
    return label


class MetricsLoader(QObject):
    """Builds a ``MetricsIndex`` on a worker thread; ``loaded`` arrives on the GUI thread."""

    loaded = Signal(int, object)  # (request number, MetricsIndex or an error message)

    def __init__(self, path: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.requests = 0

    def start(self, today: date) -> int:
        self.requests += 1
        number = self.requests
        threading.Thread(target=self._run, args=(number, today), daemon=True).start()
        return number

    def _run(self, number: int, today: date) -> None:
        from pathlib import Path

        result: object
        try:
            with Store(Path(str(self.path)), read_only=True) as store:
                result = MetricsIndex.load(store, today)
        except PostmortemError as error:
            result = str(error)
        try:
            self.loaded.emit(number, result)
        except RuntimeError:  # the dashboard was closed meanwhile
            pass


class DashboardWidget(QWidget):
    """Cards: actions, response times, time to postmortem, severity, months, recurrence."""

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        on_error: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metricsDashboard")
        self.store = store
        self.today = today
        self.on_error = on_error
        self.metrics: Metrics | None = None
        self.index: MetricsIndex | None = None
        self.loader = MetricsLoader(store.path, self)
        self.loader.loaded.connect(self._loaded)
        self._waiting_for = 0
        #: documents edited while the figures were being computed: applied when they arrive
        self._edited_meanwhile: dict[str, Postmortem] = {}

        self.completed = RateRing(self.tr("Completed"))
        self.completed.setObjectName("completedRing")
        self.on_time = RateRing(self.tr("On time"))
        self.on_time.setObjectName("onTimeRing")
        self.overdue = _big_label("overdueFigure")
        self.action_note = _note_label("actionNote")
        self.gauges = [KpiGauge() for _ in range(3)]
        for gauge, code in zip(self.gauges, ("mttd", "mtta", "mttr"), strict=True):
            gauge.setObjectName(f"{code}Gauge")
        self.to_postmortem = _big_label("timeToPostmortem")
        self.to_postmortem_note = _note_label()
        self.severity_chart = BarChart()
        self.severity_chart.setObjectName("severityChart")
        self.month_chart = BarChart()
        self.month_chart.setObjectName("monthChart")
        self.recurrence_rate = _big_label("recurrenceRate")
        self.recurrence_note = _note_label()
        self.recurrence_list = QListWidget()
        self.recurrence_list.setObjectName("recurrenceList")
        self.recurrence_list.setWordWrap(True)
        self.recurrence_list.setSpacing(2)
        self.recurrence_list.setMinimumHeight(90)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshMetrics")
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")

        actions = Card(self.tr("Corrective actions"))
        rings = QHBoxLayout()
        rings.addWidget(self.completed)
        rings.addWidget(self.on_time)
        overdue_box = QVBoxLayout()
        overdue_box.addStretch(1)
        overdue_box.addWidget(self.overdue, 0, Qt.AlignmentFlag.AlignHCenter)
        caption = QLabel(self.tr("Overdue"))
        caption.setStyleSheet("border: none;")
        overdue_box.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
        overdue_box.addStretch(1)
        rings.addLayout(overdue_box)
        actions.body.addLayout(rings)
        actions.body.addWidget(self.action_note)

        response = Card(self.tr("Response times vs targets"))
        for gauge in self.gauges:
            response.body.addWidget(gauge)
        response.body.addStretch(1)

        delay = Card(self.tr("Incident → postmortem"))
        delay.body.addWidget(self.to_postmortem)
        delay.body.addWidget(self.to_postmortem_note)
        delay.body.addStretch(1)

        severity = Card(self.tr("Incidents by severity"))
        severity.body.addWidget(self.severity_chart, 1)
        months = Card(self.tr("Incidents by month"))
        months.body.addWidget(self.month_chart, 1)

        recurrence = Card(self.tr("Recurrence"))
        recurrence.body.addWidget(self.recurrence_rate)
        recurrence.body.addWidget(self.recurrence_note)
        recurrence.body.addWidget(self.recurrence_list, 1)

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(actions, 0, 0, 1, 2)
        grid.addWidget(response, 0, 2, 1, 2)
        grid.addWidget(delay, 0, 4)
        grid.addWidget(severity, 1, 0, 1, 2)
        grid.addWidget(months, 1, 2, 1, 3)
        grid.addWidget(recurrence, 2, 0, 1, 5)
        for column in range(5):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)

        content = QWidget()
        content.setObjectName("dashboardContent")
        content.setStyleSheet("#dashboardContent { background: #f3f5f7; }")
        content_layout = QVBoxLayout(content)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        content_layout.addLayout(top)
        content_layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Compute every figure again (on a worker thread); ``loading`` until they arrive."""
        self._waiting_for = self.loader.start(self.today())
        self.summary.setText(self.tr("Computing the figures…"))
        if self.metrics is None:  # nothing shown yet: every card says the figures are coming
            for chart in (self.severity_chart, self.month_chart):
                chart.set_computing(True)
            for label in (self.overdue, self.to_postmortem, self.recurrence_rate):
                label.setText("…")
        self.refresh_button.setEnabled(False)

    @property
    def loading(self) -> bool:
        return self._waiting_for != 0

    def _loaded(self, number: int, result: object) -> None:
        if number != self._waiting_for:
            return  # an older request, overtaken
        self._waiting_for = 0
        self.refresh_button.setEnabled(True)
        if isinstance(result, MetricsIndex):
            self.index = result
            for doc in self._edited_meanwhile.values():
                result.update(doc)
            self._edited_meanwhile.clear()
            self.show_metrics(result.metrics())
        else:
            for chart in (self.severity_chart, self.month_chart):
                chart.set_computing(False)
            if self.on_error is not None:
                self.on_error(str(result))

    def postmortem_changed(self, doc: Postmortem) -> None:
        """After an edit: only ``doc`` is read again (everything, on another day)."""
        index = self.index
        if self.loading or index is None:
            self._edited_meanwhile[doc.id] = doc
            return
        if index.today != self.today():
            self.refresh()
            return
        try:
            index.update(doc)
        except PostmortemError as error:
            if self.on_error is not None:
                self.on_error(str(error))
            return
        self.show_metrics(index.metrics())

    def show_metrics(self, figures: Metrics) -> None:
        self.metrics = figures
        actions = figures.actions
        self.summary.setText(
            self.tr("{0} postmortems · {1} actions · figures on {2}").format(
                figures.postmortems, actions.total, figures.today.isoformat()
            )
        )
        self.completed.set_rate(
            actions.completed_rate,
            self.tr("{0} of {1}").format(actions.done, actions.total - actions.not_doing),
        )
        self.on_time.set_rate(
            actions.on_time_rate, self.tr("{0} late").format(actions.late) if actions.late else ""
        )
        self.overdue.setText(str(actions.overdue))
        self.overdue.setStyleSheet(
            f"border: none; color: {(BAD if actions.overdue else GOOD).name()};"
        )
        self.action_note.setText(
            self.tr("{0} open, {1} not doing, {2} without a due date").format(
                actions.open, actions.not_doing, actions.without_due
            )
        )
        for gauge, kpi in zip(self.gauges, figures.kpis, strict=True):
            gauge.set_kpi(kpi)
        days = figures.mean_days_to_postmortem
        self.to_postmortem.setText("—" if days is None else self.tr("{0:.1f} d").format(days))
        median = figures.median_days_to_postmortem
        self.to_postmortem_note.setText(
            self.tr("mean over {0} postmortem(s) with both dates").format(
                len(figures.time_to_postmortem_days)
            )
            + ("" if median is None else self.tr("; median {0:.1f} d").format(median))
        )
        self.severity_chart.set_bars(
            [
                (code, count, SEVERITY_COLOURS.get(code, NEUTRAL))
                for code, count in figures.by_severity.items()
            ]
        )
        self.month_chart.set_bars(
            [
                (month, count, NEUTRAL if month == "undated" else ACCENT)
                for month, count in figures.by_month.items()
            ]
        )
        self.recurrence_rate.setText(percent(figures.recurrence_rate))
        self.recurrence_note.setText(
            self.tr("{0} of {1} postmortems share a cause with another one").format(
                figures.recurring_postmortems, figures.postmortems
            )
        )
        self.recurrence_list.clear()
        if not figures.links_complete:
            for group in figures.recurrence_groups[:GROUPS_SHOWN]:
                self.recurrence_list.addItem(
                    self.tr("{0}: {1} — {2} postmortems").format(
                        group.reason, group.key, len(group.postmortem_ids)
                    )
                )
        for link in figures.recurrence:
            self.recurrence_list.addItem(
                f"{link.first_title or link.first_id} ↔ {link.second_title or link.second_id} — "
                + "; ".join(link.reasons)
            )
