"""The presenter view: what the room sees on the shared screen.

Large type for the back of the room: the step title, a huge countdown, where the meeting is in
its agenda, what comes next, and the live content of the step (the ground rules, the timeline,
the diagrams, the actions). Near the end of a step, and when it runs over, the countdown band
changes to a calm colour — it never flashes. Private notes never appear here.

The view only reads the meeting; ``refresh()`` redraws the time, ``reload()`` the content.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.graph import ISHIKAWA, WHYS, walk
from app.meeting.agenda import ground_rules
from app.meeting.meeting import Meeting
from app.meeting.timer import Phase, format_clock
from app.tracker import open_actions

FAMILY = "DejaVu Sans"

# Calm colour cues: (band background, countdown text).
CUES: dict[Phase, tuple[str, str]] = {
    Phase.NOT_STARTED: ("#eef1f5", "#1f2a37"),
    Phase.RUNNING: ("#e8f3ec", "#1d4d31"),
    Phase.WARNING: ("#fdf1d8", "#7a4b00"),
    Phase.OVERRUN: ("#f9e1df", "#8e1f1a"),
    Phase.PAUSED: ("#eef1f5", "#4b5563"),
    Phase.FINISHED: ("#eef1f5", "#1f2a37"),
}

LIVE_RULES = {"introduction"}
LIVE_FOLLOW_UP = {"follow_up"}
FOLLOW_UP_ROWS = 50
LIVE_TIMELINE = {"timeline"}
LIVE_DIAGRAM = {"analysis"}
LIVE_ACTIONS = {"actions", "prioritising"}


def _font(points: int, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont("DejaVu Sans Mono" if mono else FAMILY)
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _label(name: str, points: int, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setFont(_font(points, bold))
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AgendaStrip(QWidget):
    """The agenda as proportional blocks: done, current (with its progress), to come."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.setObjectName("presenterAgendaStrip")
        self.setMinimumHeight(18)
        self.setMaximumHeight(18)

    def paintEvent(self, _event: QPaintEvent) -> None:
        timer = self.meeting.timer
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = max(
            1, sum(max(s.planned_ms, timer.step_elapsed_ms(i)) for i, s in enumerate(timer.steps))
        )
        x = 0.0
        width = self.width() - 2 * (len(timer.steps) - 1)
        for index, step in enumerate(timer.steps):
            size = width * max(step.planned_ms, timer.step_elapsed_ms(index)) / total
            done = index < timer.current or timer.finished
            base = QColor("#9aa7b5") if done else QColor("#dde3ea")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(base)
            painter.drawRoundedRect(int(x), 0, max(2, int(size)), self.height(), 4, 4)
            if index == timer.current and not timer.finished:
                share = min(1.0, timer.step_elapsed_ms() / max(1, step.planned_ms))
                painter.setBrush(QColor("#2f6f4f") if share < 1 else QColor("#b4443c"))
                painter.drawRoundedRect(int(x), 0, max(2, int(size * share)), self.height(), 4, 4)
            x += size + 2
        painter.end()


class PresenterView(QWidget):
    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.shown_step = -1
        self.shown_phase: Phase | None = None
        self.setObjectName("presenterView")
        self.setWindowTitle(self.tr("Postmortem meeting — presenter view"))
        self.setMinimumSize(960, 540)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#presenterView { background: #ffffff; } QLabel { color: #1f2a37; }")

        self.progress = _label("presenterProgress", 18, wrap=False)
        self.progress.setStyleSheet("color: #4b5563;")
        self.meeting_clock = _label("presenterMeetingClock", 18, wrap=False)
        self.meeting_clock.setStyleSheet("color: #4b5563;")
        self.meeting_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.strip = AgendaStrip(meeting, self)

        self.title = _label("presenterTitle", 34, bold=True)
        self.purpose = _label("presenterPurpose", 18)
        self.purpose.setStyleSheet("color: #374151;")

        self.band = QFrame()
        self.band.setObjectName("presenterBand")
        self.band.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.countdown = QLabel()
        self.countdown.setObjectName("presenterCountdown")
        self.countdown.setFont(_font(88, bold=True, mono=True))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = _label("presenterPhase", 20, bold=True, wrap=False)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        band_layout = QVBoxLayout(self.band)
        band_layout.setContentsMargins(12, 8, 12, 8)
        band_layout.setSpacing(0)
        band_layout.addWidget(self.countdown)
        band_layout.addWidget(self.phase_label)

        self.next_label = _label("presenterNext", 19)
        self.next_label.setStyleSheet("color: #374151;")
        self.prompts = _label("presenterPrompts", 16)
        self.prompts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.left = left
        left.setSpacing(14)
        left.addWidget(self.title)
        left.addWidget(self.purpose)
        left.addWidget(self.band)
        left.addWidget(self.next_label)
        left.addWidget(self.prompts, 1)

        self.live_title = _label("presenterLiveTitle", 20, bold=True, wrap=False)
        self.live = QStackedWidget()
        self.live.setObjectName("presenterLive")
        self.rules = _label("presenterGroundRules", 22)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rows = QListWidget()
        self.rows.setObjectName("presenterRows")
        self.rows.setFont(_font(17))
        self.rows.setWordWrap(True)
        self.rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows.setStyleSheet(
            "QListWidget { border: none; } QListWidget::item { padding: 6px 2px; "
            "border-bottom: 1px solid #e5e7eb; color: #1f2a37; }"
        )
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diagram_kind = WHYS
        self.diagrams: dict[str, QWidget] = {}
        self.live.addWidget(self.rules)
        self.live.addWidget(self.rows)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.live_title)
        right.addWidget(self.live, 1)

        header = QHBoxLayout()
        header.addWidget(self.progress, 1)
        header.addWidget(self.meeting_clock)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns = columns
        columns.setSpacing(36)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.left_box = left_box
        right_box = QWidget()
        right_box.setLayout(right)
        columns.addWidget(left_box, 5)
        columns.addWidget(right_box, 7)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 24)
        outer.setSpacing(10)
        outer.addLayout(header)
        outer.addWidget(self.strip)
        outer.addSpacing(6)
        outer.addLayout(columns, 1)
        self.reload()

    # -- diagram ----------------------------------------------------------------------------

    def _diagram(self, kind: str) -> QWidget | None:
        """The diagram canvas, read-only (None when the canvas is not available)."""
        if kind not in self.diagrams:
            try:
                from ui.diagram_canvas import DiagramView

                view = DiagramView(kind, session=self.meeting.session, editable=False)
                view.setObjectName(f"presenterDiagram-{kind}")
                view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                view.setFrameShape(QFrame.Shape.NoFrame)
            except ImportError:
                return None
            self.diagrams[kind] = view
            self.live.addWidget(view)
        return self.diagrams[kind]

    def show_diagram(self, kind: str) -> None:
        """Which diagram the analysis step shows (the facilitator switches with D)."""
        self.diagram_kind = kind
        self.reload()

    # -- content ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the step's text and live content (after a step change or an edit)."""
        meeting = self.meeting
        timer = meeting.timer
        step = meeting.step()
        self.shown_step = timer.current
        self.title.setText(step.title)
        self.purpose.setText(step.purpose)
        self.prompts.setText("\n".join(f"•  {prompt}" for prompt in step.prompts))
        upcoming = meeting.next_step()
        if timer.finished:
            self.next_label.setText(self.tr("Thank you — the meeting has ended."))
        elif upcoming is None:
            self.next_label.setText(self.tr("Last step of the meeting"))
        else:
            minutes = timer.steps[timer.current + 1].planned_ms / 60_000
            self.next_label.setText(
                self.tr("Next: {0} ({1:g} min)").format(upcoming.title, round(minutes, 1))
            )
        self._live_content(step.key)
        self.refresh()

    def _set_wide(self, wide: bool) -> None:
        """Wide content (an Ishikawa) gets the full width: the step and time go in a row above."""
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if wide else QBoxLayout.Direction.LeftToRight
        )
        self.left.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.columns.setStretch(0, 0 if wide else 5)
        self.columns.setSpacing(12 if wide else 36)
        self.left_box.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Maximum if wide else QSizePolicy.Policy.Expanding,
        )
        self.purpose.setVisible(not wide)
        self.prompts.setVisible(not wide)
        self.countdown.setFont(_font(60 if wide else 88, bold=True, mono=True))
        self.title.setFont(_font(28 if wide else 34, bold=True))
        self.next_label.setMaximumWidth(340 if wide else 16_777_215)
        self.live_title.setVisible(not wide)

    def _live_content(self, key: str) -> None:
        self._set_wide(False)
        doc = self.meeting.doc
        language = doc.language or "en"
        if key in LIVE_RULES:
            self.live_title.setText(self.tr("Ground rules"))
            items = "".join(
                f"<p style='margin-bottom:14px'><b>{index}. {escape(title)}</b>"
                f" — {escape(text)}</p>"
                for index, (title, text) in enumerate(ground_rules(language), start=1)
            )
            self.rules.setText(items)
            self.live.setCurrentWidget(self.rules)
        elif key in LIVE_TIMELINE:
            self.live_title.setText(self.tr("Timeline"))
            self._rows(
                [
                    f"{entry.at.strftime('%H:%M')}   {entry.event}"
                    + (f"  ({entry.actor})" if entry.actor else "")
                    for entry in doc.sorted_timeline()
                ],
                self.tr("No timeline entries yet."),
            )
        elif key in LIVE_DIAGRAM:
            self._show_diagram()
        elif key in LIVE_ACTIONS:
            self.live_title.setText(self.tr("Actions"))
            self._rows(
                [
                    f"{item.priority}  {item.action}  —  {item.owner or '?'}"
                    + (f", {item.due.isoformat()}" if item.due else "")
                    for item in doc.actions
                ],
                self.tr("No actions yet."),
            )
        elif key in LIVE_FOLLOW_UP:
            self.live_title.setText(self.tr("Open actions from earlier postmortems"))
            found = open_actions(self.meeting.session.store, exclude_postmortem_id=doc.id)
            self._rows(
                [
                    f"{item.action}  —  {item.owner or '?'}"
                    + (f", {item.due.isoformat()}" if item.due else "")
                    + f"  ({item.postmortem_title})"
                    for item in found[:FOLLOW_UP_ROWS]
                ],
                self.tr("No open actions elsewhere."),
            )
        else:
            self.live_title.setText("")
            self.rules.setText("")
            self.live.setCurrentWidget(self.rules)

    def _rows(self, lines: list[str], empty: str) -> None:
        self.rows.clear()
        for line in lines or [empty]:
            self.rows.addItem(QListWidgetItem(line))
        self.live.setCurrentWidget(self.rows)
        self.rows.scrollToBottom()

    def _show_diagram(self) -> None:
        """The canvas when the diagram reads well at this size (a wide Ishikawa gets the full
        width); a tall chain of whys reads better from the back of a room as large text."""
        kind = self.diagram_kind
        self.live_title.setText(
            self.tr("Ishikawa diagram") if kind == ISHIKAWA else self.tr("5 Whys")
        )
        widget = self._diagram(kind)
        layout = getattr(widget, "layout_", None) if widget is not None else None
        if widget is None or layout is None or layout.width < 1.4 * layout.height:
            # Scrolled to the newest why: the one being discussed.
            self._rows(cause_lines(self.meeting, kind), self.tr("Nothing yet."))
            return
        self.live.setCurrentWidget(widget)
        self._set_wide(True)
        self._fit_diagram()

    def _fit_diagram(self) -> None:
        widget = self.live.currentWidget()
        fit = getattr(widget, "fit", None)
        if callable(fit):
            layout = self.layout()
            if layout is not None:
                layout.activate()
            fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_diagram()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_diagram()

    # -- time -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the time-dependent parts: cheap, called by the control panel's tick."""
        timer = self.meeting.timer
        if timer.current != self.shown_step:
            self.reload()
            return
        phase = timer.phase()
        self.countdown.setText(timer.countdown())
        if phase != self.shown_phase:
            # Restyle only when the phase changes: a calm, steady cue, no per-tick work.
            self.shown_phase = phase
            background, colour = CUES[phase]
            self.phase_label.setText(self._phase_text(phase))
            self.band.setStyleSheet(
                f"#presenterBand {{ background: {background}; border-radius: 14px; }}"
                f"#presenterBand QLabel {{ color: {colour}; }}"
            )
        self.progress.setText(
            self.tr("Step {0} of {1}").format(timer.current + 1, len(timer.steps))
        )
        budget = format_clock(timer.budget_ms)
        elapsed = format_clock(timer.meeting_elapsed_ms())
        over = timer.over_budget_ms()
        late = self.tr("  ·  +{0} over").format(format_clock(over)) if over else ""
        self.meeting_clock.setText(self.tr("Meeting {0} / {1}{2}").format(elapsed, budget, late))
        self.strip.update()

    def _phase_text(self, phase: Phase) -> str:
        return {
            Phase.NOT_STARTED: self.tr("Ready to start"),
            Phase.RUNNING: "",
            Phase.WARNING: self.tr("Wrapping up"),
            Phase.OVERRUN: self.tr("Over time"),
            Phase.PAUSED: self.tr("Paused"),
            Phase.FINISHED: self.tr("Meeting ended"),
        }[phase]

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()


def cause_lines(meeting: Meeting, kind: str) -> list[str]:
    """A read-only outline of a diagram: used when the canvas cannot be shown."""
    graph = meeting.doc.whys if kind == WHYS else meeting.doc.ishikawa
    lines: list[str] = []
    for node, depth in walk(graph):
        data = graph.nodes[node]
        text = str(data.get("text", ""))
        answer = str(data.get("answer", ""))
        mark = "   ★ root cause" if data.get("root_cause") else ""
        if kind == WHYS and depth:
            # The number is the depth: a chain stays flush left and easy to read.
            lines.append(f"{depth}. {text}" + (f"\n→ {answer}" if answer else "") + mark)
        else:
            lines.append("    " * depth + text + mark)
    return lines
