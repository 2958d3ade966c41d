"""The presenter view: what the room sees on the shared screen.

Designed for the worst case: a 1280×720 share seen from the back of the room. No text is
smaller than 18 px (diagram labels 20 px); on a larger screen everything grows with it. The
step title, a huge countdown, where the meeting is in its agenda, what comes next, and the
live content of the step (``ui.meeting.live_views``): the ground rules; the timeline with its
start, detection and mitigation rows pinned; the 5 Whys with the problem pinned and the newest
why in view; the Ishikawa with the category being discussed large and the others as an
overview; the actions. Near the end of a step, and when it runs over, the countdown band
changes to a calm colour — it never flashes. Private notes never appear here.

One language for the whole view: the report's (the app's when the report has none we know).

The view only reads the meeting; ``refresh()`` redraws the time, ``reload()`` the content.
"""

from __future__ import annotations

from html import escape

import networkx as nx
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.graph import ISHIKAWA, WHYS, children, outline_level, root_of, walk
from app.meeting.agenda import ground_rules
from app.meeting.meeting import Meeting
from app.meeting.timer import Phase, format_clock
from app.model import Postmortem
from app.tracker import open_actions
from app.vocabulary import Marker, label
from ui.i18n import SUPPORTED, catalogue_path, current_language
from ui.meeting.live_views import (
    DIAGRAM_PX,
    IshikawaView,
    PinnedAndRows,
    Row,
    RowColumn,
    font,
    text_label,
)

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
PINNED_MARKERS = (Marker.STARTED, Marker.DETECTED, Marker.MITIGATED)

BASE_WIDTH, BASE_HEIGHT = 1280, 720
#: pixel sizes at 1280×720 (scaled up on larger screens, never down)
SIZES = {
    "header": 20,
    "title": 34,
    "title_wide": 28,
    "purpose": 20,
    "countdown": 96,
    "countdown_wide": 64,
    "phase": 24,
    "next": 20,
    "prompts": 20,
    "live_title": 24,
    "rules": 22,
    "rows": 22,
    "diagram": 22,
}


def presenter_language(doc: Postmortem) -> str:
    """The report's language; the app's when the report's is not one we have."""
    return doc.language if doc.language in SUPPORTED else current_language()


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
        self.language = presenter_language(meeting.doc)
        self.translator: QTranslator | None = None
        if self.language != "en":
            translator = QTranslator(self)
            if translator.load(catalogue_path(self.language)):
                self.translator = translator
        self.shown_step = -1
        self.shown_finished = False
        self.shown_phase: Phase | None = None
        self.scale = 1.0
        self.wide = False
        self.category = ""
        self.setObjectName("presenterView")
        self.setWindowTitle(self.tr("Postmortem meeting — presenter view"))
        self.setMinimumSize(960, 540)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#presenterView { background: #ffffff; } QLabel { color: #1f2a37; }")

        self.progress = text_label("presenterProgress", 20, wrap=False)
        self.progress.setStyleSheet("color: #4b5563;")
        self.meeting_clock = text_label("presenterMeetingClock", 20, wrap=False)
        self.meeting_clock.setStyleSheet("color: #4b5563;")
        self.meeting_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.strip = AgendaStrip(meeting, self)

        self.title = text_label("presenterTitle", 34, bold=True)
        self.purpose = text_label("presenterPurpose", 20)
        self.purpose.setStyleSheet("color: #374151;")

        self.band = QFrame()
        self.band.setObjectName("presenterBand")
        self.band.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.countdown = QLabel()
        self.countdown.setObjectName("presenterCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = text_label("presenterPhase", 24, bold=True, wrap=False)
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        band_layout = QVBoxLayout(self.band)
        band_layout.setContentsMargins(12, 4, 12, 6)
        band_layout.setSpacing(0)
        band_layout.addWidget(self.countdown)
        band_layout.addWidget(self.phase_label)

        self.next_label = text_label("presenterNext", 20)
        self.next_label.setStyleSheet("color: #374151;")
        self.prompts = RowColumn("presenterPrompts", 20, keep_end=False)

        left = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.left = left
        left.setSpacing(12)
        left.addWidget(self.title)
        left.addWidget(self.purpose)
        left.addWidget(self.band)
        left.addWidget(self.next_label)
        left.addWidget(self.prompts, 1)

        self.live_title = text_label("presenterLiveTitle", 24, bold=True, wrap=False)
        self.live = QStackedWidget()
        self.live.setObjectName("presenterLive")
        self.rules = text_label("presenterGroundRules", 22)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rows = RowColumn("presenterRows", 22)
        self.timeline = PinnedAndRows("presenterTimeline", 22)
        self.whys = PinnedAndRows("presenterWhys", 22)
        self.ishikawa = IshikawaView(22)
        self.diagram_kind = WHYS
        for page in (self.rules, self.rows, self.timeline, self.whys, self.ishikawa):
            self.live.addWidget(page)
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
        outer.setContentsMargins(32, 16, 32, 20)
        outer.setSpacing(8)
        outer.addLayout(header)
        outer.addWidget(self.strip)
        outer.addSpacing(4)
        outer.addLayout(columns, 1)
        self._apply_sizes()
        self.reload()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """The presenter's own language (the report's), not the app's."""
        if self.translator is None:
            return text
        return self.translator.translate("PresenterView", text, disambiguation, n) or text

    # -- sizes ------------------------------------------------------------------------------

    def px(self, name: str) -> int:
        return round(SIZES[name] * self.scale)

    def _apply_sizes(self) -> None:
        self.progress.setFont(font(self.px("header")))
        self.meeting_clock.setFont(font(self.px("header")))
        self.title.setFont(font(self.px("title_wide" if self.wide else "title"), bold=True))
        self.purpose.setFont(font(self.px("purpose")))
        self.countdown.setFont(
            font(self.px("countdown_wide" if self.wide else "countdown"), bold=True, mono=True)
        )
        self.phase_label.setFont(font(self.px("phase"), bold=True))
        # the band keeps its height when the phase has nothing to say: nothing jumps
        self.phase_label.setMinimumHeight(self.phase_label.fontMetrics().height())
        self.next_label.setFont(font(self.px("next")))
        self.prompts.set_px(self.px("prompts"))
        self.live_title.setFont(font(self.px("live_title"), bold=True))
        self.rules.setFont(font(self.px("rules")))
        self.rows.set_px(self.px("rows"))
        self.timeline.set_px(self.px("rows"))
        self.whys.set_px(max(DIAGRAM_PX, self.px("diagram")))
        self.ishikawa.set_px(max(DIAGRAM_PX, self.px("diagram")))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = max(1.0, min(self.width() / BASE_WIDTH, self.height() / BASE_HEIGHT))
        if abs(scale - self.scale) > 0.01:
            self.scale = scale
            self._apply_sizes()

    # -- content ----------------------------------------------------------------------------

    def show_diagram(self, kind: str) -> None:
        """Which diagram the analysis step shows (the facilitator switches with D)."""
        self.diagram_kind = kind
        self.reload()

    def show_category(self, node: str) -> None:
        """The Ishikawa category being discussed (the facilitator's choice, or the last cause's)."""
        if node != self.category:
            self.category = node
            if self.live.currentWidget() is self.ishikawa:
                self.reload()

    def reload(self) -> None:
        """Rebuild the step's text and live content (after a step change or an edit)."""
        meeting = self.meeting
        timer = meeting.timer
        step = meeting.step()
        self.shown_step = timer.current
        self.shown_finished = timer.finished
        self.title.setText(step.title)
        self.purpose.setText(step.purpose)
        self.prompts.set_rows(
            [Row(f"•  {prompt}") for prompt in step.prompts], self.tr("+ {0} more questions")
        )
        upcoming = meeting.next_step()
        if timer.finished:
            self.next_label.setText(self.tr("Thank you — the meeting has ended."))
        elif upcoming is None:
            self.next_label.setText(self.tr("Last step of the meeting"))
        else:
            minutes = round(timer.steps[timer.current + 1].planned_ms / 60_000, 1)
            self.next_label.setText(
                self.tr("Next: {0} ({1} min)").format(upcoming.title, f"{minutes:g}")
            )
        self._live_content(step.key)
        self.refresh()

    def _set_wide(self, wide: bool) -> None:
        """A diagram gets the full width: the step and the time go in a row above it."""
        if wide == self.wide:
            return
        self.wide = wide
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
        self.next_label.setMaximumWidth(round(360 * self.scale) if wide else 16_777_215)
        self._apply_sizes()

    def _live_content(self, key: str) -> None:
        doc = self.meeting.doc
        self._set_wide(key in LIVE_DIAGRAM)
        self.live_title.show()
        if key in LIVE_RULES:
            self.live_title.setText(self.tr("Ground rules"))
            items = "".join(
                f"<p style='margin-bottom:12px'><b>{index}. {escape(title)}</b>"
                f" — {escape(text)}</p>"
                for index, (title, text) in enumerate(ground_rules(self.language), start=1)
            )
            self.rules.setText(items)
            self.live.setCurrentWidget(self.rules)
        elif key in LIVE_TIMELINE:
            self._show_timeline(doc)
        elif key in LIVE_DIAGRAM:
            self._show_diagram()
        elif key in LIVE_ACTIONS:
            self.live_title.setText(self.tr("Actions"))
            self._rows(
                [
                    f"{item.priority or '—'}  {item.action}  —  {item.owner or '?'}"
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
                keep_end=False,
            )
        else:
            self.live_title.setText("")
            self.rules.setText("")
            self.live.setCurrentWidget(self.rules)

    def _rows(self, lines: list[str], empty: str, keep_end: bool = True) -> None:
        self.rows.keep_end = keep_end
        self.rows.set_rows(
            [Row(line) for line in lines] or [Row(empty)],
            self.tr("↑ {0} earlier") if keep_end else self.tr("+ {0} more"),
        )
        self.live.setCurrentWidget(self.rows)

    def marker_name(self, marker: Marker) -> str:
        """The marker's word in the report's language (the one table of ``app.vocabulary``)."""
        return label(marker, self.language)

    def _show_timeline(self, doc: Postmortem) -> None:
        """Start, detection and mitigation stay pinned with their markers; the rest scrolls
        with the newest entry in view."""
        self.live_title.setText(self.tr("Timeline"))
        entries = doc.sorted_timeline()
        pinned: list[Row] = []
        rest: list[Row] = []
        marked: set[Marker] = set()
        for entry in entries:
            line = f"{entry.at.strftime('%H:%M')}   {entry.event}" + (
                f"  ({entry.actor})" if entry.actor else ""
            )
            if entry.marker in PINNED_MARKERS and entry.marker not in marked:
                marked.add(entry.marker)  # the first of each: the moment itself
                pinned.append(Row(f"◆ {self.marker_name(entry.marker)}  ·  {line}", bold=True))
            else:
                rest.append(Row(line))
        for marker, when in (
            (Marker.STARTED, doc.started_at),
            (Marker.DETECTED, doc.detected_at),
            (Marker.MITIGATED, doc.mitigated_at),
        ):
            if marker not in marked and when is not None:
                pinned.append(
                    Row(f"◆ {self.marker_name(marker)}  ·  {when.strftime('%H:%M')}", bold=True)
                )
        self.timeline.set_pinned(pinned)
        self.timeline.rows.set_rows(
            rest or [Row(self.tr("No timeline entries yet."))], self.tr("↑ {0} earlier")
        )
        self.live.setCurrentWidget(self.timeline)

    def _show_diagram(self) -> None:
        if self.diagram_kind == ISHIKAWA:
            self._show_ishikawa()
        else:
            self._show_whys()

    def _show_whys(self) -> None:
        """The problem stays pinned; the chain below keeps the newest why in view."""
        self.live_title.setText(self.tr("5 Whys"))
        graph = self.meeting.doc.whys
        root = root_of(graph)
        problem = str(graph.nodes[root].get("text", "")) or self.tr("(no problem statement yet)")
        self.whys.set_pinned([Row(self.tr("Problem: {0}").format(problem), bold=True)])
        rows = [
            Row(line, "background: #fff6e5;" if star else "")
            for line, star in self.outline(WHYS)[1:]
        ]
        self.whys.rows.set_rows(rows or [Row(self.tr("No why yet."))], self.tr("↑ {0} earlier"))
        self.live.setCurrentWidget(self.whys)

    def _show_ishikawa(self) -> None:
        self.live_title.setText(self.tr("Ishikawa diagram"))
        graph = self.meeting.doc.ishikawa
        root = root_of(graph)
        categories = children(graph, root)
        if self.category not in categories:
            self.category = categories[0] if categories else ""
        current = categories.index(self.category) if self.category else -1
        summary = [
            (str(graph.nodes[node].get("text", "")), sum(1 for _ in _descendants(graph, node)))
            for node in categories
        ]
        causes: list[Row] = []
        if self.category:
            for node, depth in _descendants(graph, self.category):
                data = graph.nodes[node]
                mark = self.tr("   ★ root cause") if data.get("root_cause") else ""
                level, label = outline_level(depth - 1)
                text = "    " * level + "–  " + label + str(data.get("text", "")) + mark
                causes.append(Row(text, "background: #fff6e5;" if mark else ""))
        self.ishikawa.show_diagram(
            self.tr("Effect: {0}").format(str(graph.nodes[root].get("text", ""))),
            summary,
            current,
            causes or [Row(self.tr("No cause in this category yet."))],
            self.tr("↑ {0} earlier"),
        )
        self.live.setCurrentWidget(self.ishikawa)

    def outline(self, kind: str) -> list[tuple[str, bool]]:
        """The diagram as numbered lines (depth numbers for the whys) and root-cause flags."""
        graph = self.meeting.doc.whys if kind == WHYS else self.meeting.doc.ishikawa
        lines: list[tuple[str, bool]] = []
        star = self.tr("   ★ root cause")

        for node, depth in walk(graph):
            data = graph.nodes[node]
            text = str(data.get("text", ""))
            answer = str(data.get("answer", ""))
            root_cause = bool(data.get("root_cause"))
            mark = star if root_cause else ""
            if kind == WHYS and depth:
                lines.append(
                    (f"{depth}. {text}" + (f"\n→ {answer}" if answer else "") + mark, root_cause)
                )
            else:
                level, label = outline_level(depth)
                lines.append(("    " * level + label + text + mark, root_cause))
        return lines

    # -- time -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the time-dependent parts: cheap, called by the control panel's tick."""
        timer = self.meeting.timer
        if timer.current != self.shown_step or timer.finished != self.shown_finished:
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


def _descendants(graph: nx.DiGraph, node: str) -> list[tuple[str, int]]:
    """Every node under ``node`` in drawing order, with its depth below it (1 for a child);
    iterative, so a cause nested 1,200 levels deep is listed like any other."""
    return [(below, depth) for below, depth in walk(graph, node) if below != node]
