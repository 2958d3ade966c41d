"""The facilitator's control panel: off the shared screen.

What matters now at the top: time left in the step and in the meeting, with a calm warning
before the step ends; then the controls, the agenda, attendance, what was captured in this
step (each capture can be taken back), private notes per step and the quick capture forms.

Every control has a key (``ui.meeting.keys``, listed in the help overlay, F1 or ?); the keys
also work while the presenter view has the focus. Single keys work whenever the focus is not in
a text field; Esc leaves a text field, and a completed capture gives the focus back to the
panel. Ending the meeting asks first (Enter confirms) and can be taken back for ten minutes.

The ``QTimer`` here only asks the views to redraw: the time itself always comes from the
meeting's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.changes import DiagramChange
from app.diagrams.graph import ISHIKAWA, WHYS
from app.errors import PostmortemError
from app.meeting import capture
from app.meeting.meeting import RECORD, Meeting
from app.meeting.timer import Phase, format_clock
from app.model import Postmortem
from app.session import Change, DocumentSession, FieldChange
from app.vocabulary import Attendance, Priority
from ui.meeting.feedback import MessageLine, ask
from ui.meeting.keys import BINDINGS, Binding, HelpOverlay, jump_binding
from ui.meeting.presenter_view import CUES, PresenterView
from ui.session_bridge import SessionBridge

TICK_MS = 200
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


@dataclass
class Captured:
    """One capture of this meeting, as the panel lists it."""

    step: int
    summary: str
    change: capture.AppendChange | DiagramChange


class ControlPanel(QWidget):
    #: the controls were closed (the meeting stays saved)
    closed = Signal()

    def __init__(
        self,
        meeting: Meeting,
        presenter: PresenterView,
        window: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.presenter = presenter
        self.window_ = window
        self.shown_step = -1
        self.captured: list[Captured] = []
        self.question: QWidget | None = None
        self.setObjectName("meetingControlPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Meeting controls — {0}").format(meeting.doc.title))
        self.resize(780, 880)

        self.band = QFrame()
        self.band.setObjectName("meetingBand")
        self.status = QLabel()
        self.status.setObjectName("meetingStatus")
        font = self.status.font()
        font.setPointSize(16)
        font.setBold(True)
        self.status.setFont(font)
        self.status.setWordWrap(True)
        self.times = QLabel()
        self.times.setObjectName("meetingTimes")
        bigger = self.times.font()
        bigger.setPointSize(12)
        self.times.setFont(bigger)
        self.warning = QLabel()
        self.warning.setObjectName("meetingWarning")
        self.warning.setWordWrap(True)
        band_layout = QVBoxLayout(self.band)
        band_layout.setContentsMargins(12, 8, 12, 8)
        band_layout.addWidget(self.status)
        band_layout.addWidget(self.times)
        band_layout.addWidget(self.warning)
        self.shown_phase: Phase | None = None
        self.message = MessageLine()

        self.agenda = QListWidget()
        self.agenda.setObjectName("meetingAgenda")
        self.agenda.itemActivated.connect(self._jump_to_item)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text in [
            ("toggle", self.tr("Start")),
            ("previous", self.tr("◀ Previous")),
            ("next", self.tr("Next ▶")),
            ("shorten", self.tr("−1 min")),
            ("extend", self.tr("+1 min")),
            ("rebalance", self.tr("Rebalance")),
            ("finish", self.tr("End meeting…")),
        ]:
            button = QPushButton(text)
            button.setObjectName(f"meeting-{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
            self.buttons[name] = button

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("meetingNotes")
        self.notes.setPlaceholderText(
            self.tr("Private notes for this step (not shown to the room)")
        )
        self.notes.textChanged.connect(self._notes_changed)
        self.notes.setMaximumHeight(100)

        self.attendance = QListWidget()
        self.attendance.setObjectName("meetingAttendance")
        self.attendance.itemChanged.connect(self._attendance_changed)
        self.attendance.setMaximumHeight(130)
        self.attendance_box = QGroupBox()

        self.captures = QListWidget()
        self.captures.setObjectName("meetingCaptured")
        self.captures.setMaximumHeight(110)
        self.take_back = QPushButton(self.tr("Take back the selected capture"))
        self.take_back.setObjectName("meetingTakeBack")
        self.take_back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.take_back.clicked.connect(self._take_back)

        self.capture = self._build_capture()

        top = QHBoxLayout()
        agenda_box = QGroupBox(self.tr("Agenda (double-click to jump)"))
        QVBoxLayout(agenda_box).addWidget(self.agenda)
        QVBoxLayout(self.attendance_box).addWidget(self.attendance)
        top.addWidget(agenda_box, 3)
        top.addWidget(self.attendance_box, 2)
        captured_box = QGroupBox(self.tr("Captured in this step"))
        captured_layout = QVBoxLayout(captured_box)
        captured_layout.addWidget(self.captures)
        captured_layout.addWidget(self.take_back, 0, Qt.AlignmentFlag.AlignRight)
        notes_box = QGroupBox(self.tr("Private notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)
        capture_box = QGroupBox(self.tr("Quick capture"))
        QVBoxLayout(capture_box).addWidget(self.capture)

        layout = QVBoxLayout(self)
        layout.addWidget(self.band)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(top, 2)
        layout.addWidget(captured_box)
        layout.addWidget(notes_box)
        layout.addWidget(capture_box, 2)

        self.handlers: dict[str, Callable[[], None]] = {
            "toggle": self.toggle,
            "next": self.next_step,
            "previous": self._operation("previous"),
            "extend": self._operation("extend"),
            "shorten": self._operation("shorten"),
            "rebalance": self._operation("rebalance"),
            "finish": self.ask_finish,
            "diagram": self.switch_diagram,
            "category": self.next_category,
            "full_screen": self.presenter.toggle_full_screen,
            "help": self.toggle_help,
            "escape": self.escape,
        }
        for name, button in self.buttons.items():
            button.clicked.connect(self.handlers[name])
        self.bindings: list[Binding] = [*BINDINGS, jump_binding(len(meeting.agenda.steps))]
        self.actions_: dict[str, QAction] = {}
        self._install_shortcuts()
        self.help = self._build_help()

        self.bridge = SessionBridge(meeting.session, self)
        self.bridge.changed.connect(self._document_changed)
        meeting.listeners.append(self._meeting_changed)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self._fill_attendance()
        self._fill_categories()
        self.c_category.currentIndexChanged.connect(self._category_chosen)
        self.refresh()
        if meeting.timer.clock_note:
            self.message.info(meeting.timer.clock_note)

    # -- shortcuts and help -----------------------------------------------------------------

    def _install_shortcuts(self) -> None:
        for binding in self.bindings:
            for number, key in enumerate(binding.keys):
                action = QAction(f"{binding.name}:{key}", self)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                if binding.name == "jump":
                    action.triggered.connect(self._operation("jump", number))
                else:
                    action.triggered.connect(self.handlers[binding.name])
                self.addAction(action)
                self.presenter.addAction(action)
                self.actions_.setdefault(binding.name, action)

    def active_keys(self) -> set[str]:
        """Every key sequence that acts in the panel (and the presenter view)."""
        return {
            action.shortcut().toString()
            for action in self.actions()
            if not action.shortcut().isEmpty()
        }

    def _build_help(self) -> HelpOverlay:
        descriptions = {
            "toggle": self.tr("Start / pause / resume"),
            "next": self.tr("Next step (on the last step: asks to end the meeting)"),
            "previous": self.tr("Previous step"),
            "extend": self.tr("Add one minute to this step"),
            "shorten": self.tr("Take one minute off this step"),
            "rebalance": self.tr("Rebalance: shrink later steps to end on time"),
            "diagram": self.tr("Show the other diagram (5 Whys / Ishikawa)"),
            "category": self.tr("Show the next Ishikawa category"),
            "full_screen": self.tr("Presenter view full screen"),
            "finish": self.tr("End the meeting (asks first)"),
            "help": self.tr("Show / hide this help"),
            "escape": self.tr("Leave a text field / close this help / leave full screen"),
            "jump": self.tr("Jump to a step"),
        }
        return HelpOverlay(
            self.bindings,
            descriptions,
            self.tr("Keyboard shortcuts"),
            self.tr("Single keys work whenever no text field has the focus."),
            self,
        )

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.hide()
            return
        self.help.setGeometry(self.rect().adjusted(24, 24, -24, -24))
        self.help.raise_()
        self.help.show()

    def escape(self) -> None:
        """Esc: out of a text field first, then close the help, then leave full screen."""
        focused = QApplication.focusWidget()
        if isinstance(focused, TEXT_FIELDS) and self.isAncestorOf(focused):
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.help.isVisible():
            self.help.hide()
        elif self.presenter.isFullScreen():
            self.presenter.showNormal()

    def switch_diagram(self) -> None:
        kind = WHYS if self.presenter.diagram_kind == ISHIKAWA else ISHIKAWA
        self.presenter.show_diagram(kind)

    def next_category(self) -> None:
        count = self.c_category.count()
        if count:
            self.c_category.setCurrentIndex((self.c_category.currentIndex() + 1) % count)

    def _category_chosen(self, _index: int) -> None:
        self.presenter.show_category(str(self.c_category.currentData() or ""))

    # -- timer operations ------------------------------------------------------------------

    def _operation(self, name: str, *args: Any) -> Callable[[], None]:
        def run() -> None:
            method = getattr(self.meeting, name)
            try:
                result = method(*args) if args else method()
            except PostmortemError as error:
                self.message.error(str(error))
                return
            if name == "rebalance":
                if result:
                    self.message.info(
                        self.tr("Even at one minute per step, the meeting ends {0} late.").format(
                            format_clock(int(result))
                        )
                    )
                else:
                    self.message.success(
                        self.tr("Later steps shortened: the meeting ends on time.")
                    )
            else:
                self.message.clear_message()
            self.refresh()

        return run

    def toggle(self) -> None:
        """Space and the first button: start, pause, resume — and resume an ended meeting."""
        timer = self.meeting.timer
        if not timer.finished:
            self._operation("toggle")()
        elif self.sender() is self.buttons["toggle"]:
            self._operation("reopen")()
            if not timer.finished:
                self.message.success(self.tr("The meeting is back, paused where it ended."))
        else:
            self.message.info(
                self.tr("The meeting has ended; use “Resume meeting” to take the end back.")
            )

    def next_step(self) -> None:
        """N: the next step; on the last step, offer to end the meeting instead."""
        if not self.meeting.timer.finished and self.meeting.timer.on_last_step:
            self.ask_finish(last_step=True)
            return
        self._operation("next")()

    def ask_finish(self, last_step: bool = False) -> None:
        if self.meeting.timer.finished or self.question is not None:
            return
        question = (
            self.tr("This is the last step. End the meeting now?")
            if last_step
            else self.tr("End the meeting now, at step {0} of {1}?").format(
                self.meeting.timer.current + 1, len(self.meeting.timer.steps)
            )
        )
        self.question = ask(
            self,
            self.tr("End the meeting"),
            question + "\n" + self.tr("You can resume it within 10 minutes."),
            self.tr("End the meeting"),
            self._finish,
        )
        self.question.finished.connect(self._question_closed)

    def _question_closed(self) -> None:
        self.question = None

    def _finish(self) -> None:
        self._operation("finish")()
        if self.meeting.timer.finished:
            self.message.success(
                self.tr("The meeting has ended. “Resume meeting” takes it back for 10 minutes.")
            )

    def _jump_to_item(self, item: QListWidgetItem) -> None:
        self._operation("jump", self.agenda.row(item))()

    def _meeting_changed(self) -> None:
        self.presenter.refresh()

    # -- redraw ----------------------------------------------------------------------------

    def refresh(self) -> None:
        timer = self.meeting.timer
        self.presenter.refresh()
        step = self.meeting.step()
        phase = timer.phase()
        self.status.setText(
            self.tr("Step {0} of {1}: {2}").format(timer.current + 1, len(timer.steps), step.title)
        )
        self.times.setText(self._times_text(phase))
        self._show_phase(phase)
        toggle = self.buttons["toggle"]
        reopen_left = timer.reopen_left_ms()
        toggle.setText(
            self.tr("Resume meeting ({0} left)").format(format_clock(reopen_left))
            if timer.finished
            else self.tr("Start")
            if phase == Phase.NOT_STARTED
            else self.tr("Resume")
            if not timer.running
            else self.tr("Pause")
        )
        toggle.setEnabled(not timer.finished or reopen_left > 0)
        for name in ("next", "previous", "extend", "shorten", "rebalance", "finish"):
            self.buttons[name].setEnabled(not timer.finished)
        self._fill_agenda()
        if self.shown_step != timer.current:
            self.shown_step = timer.current
            self.notes.blockSignals(True)
            self.notes.setPlainText(self.meeting.notes.get(timer.current, ""))
            self.notes.blockSignals(False)
            self._fill_captured()

    def _times_text(self, phase: Phase) -> str:
        timer = self.meeting.timer
        if phase == Phase.FINISHED:
            return self.tr("Meeting ended after {0}.").format(
                format_clock(timer.meeting_elapsed_ms())
            )
        remaining = timer.remaining_ms()
        step = (
            self.tr("{0} left in this step").format(timer.countdown())
            if remaining >= 0
            else self.tr("{0} over in this step").format(format_clock(-remaining))
        )
        left = timer.projected_total_ms() - timer.meeting_elapsed_ms()
        over = timer.over_budget_ms()
        meeting = self.tr("{0} left in the meeting").format(format_clock(max(0, left)))
        if over:
            meeting += self.tr(" (ends {0} late)").format(format_clock(over))
        return f"{step}  ·  {meeting}"

    def _show_phase(self, phase: Phase) -> None:
        warning = {
            Phase.NOT_STARTED: self.tr("Not started: Space starts the meeting."),
            Phase.PAUSED: self.tr("Paused."),
            Phase.WARNING: self.tr("Time to wrap up this step."),
            Phase.OVERRUN: self.tr("This step is over its time: move on (N) or add a minute (+)."),
            Phase.FINISHED: self.tr("The meeting has ended."),
        }.get(phase, "")
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        if phase != self.shown_phase:
            self.shown_phase = phase
            background, colour = CUES[phase]
            self.band.setStyleSheet(
                f"#meetingBand {{ background: {background}; border-radius: 8px; }}"
                f"#meetingBand QLabel {{ color: {colour}; }}"
            )

    def _fill_agenda(self) -> None:
        timer = self.meeting.timer
        lines = []
        for index, step in enumerate(timer.steps):
            marker = "▶ " if index == timer.current and not timer.finished else "   "
            spent = timer.step_elapsed_ms(index)
            lines.append(
                f"{marker}{index + 1}. {step.title}   "
                f"{format_clock(spent)} / {format_clock(step.planned_ms)}"
            )
        if [self.agenda.item(i).text() for i in range(self.agenda.count())] == lines:
            return
        if self.agenda.count() != len(lines):
            self.agenda.clear()
            self.agenda.addItems(lines)
        else:
            for index, line in enumerate(lines):
                self.agenda.item(index).setText(line)

    def _notes_changed(self) -> None:
        try:
            self.meeting.set_note(self.notes.toPlainText())
        except PostmortemError as error:
            self.message.error(str(error))

    # -- the document ----------------------------------------------------------------------

    def _through_window(self) -> bool:
        """Edits go through the main window (one undo step there) while it shows this document."""
        window = self.window_
        return (
            window is not None
            and hasattr(window, "apply_change")
            and getattr(window, "session", None) is self.meeting.session
        )

    def apply(self, change: Change) -> bool:
        """Apply an edit to the meeting's document; say why if it is refused."""
        if self._through_window():
            ok = bool(self.window_.apply_change(change))
            if not ok:
                self.message.error(str(getattr(self.window_, "last_error", "")))
            return ok
        try:
            self.meeting.session.apply(change)
        except PostmortemError as error:
            self.message.error(str(error))
            return False
        return True

    def rebind(self, session: DocumentSession) -> None:
        """The main window opened the meeting's document again: share its session."""
        if session is self.meeting.session or session.doc.id != self.meeting.doc.id:
            return
        self.bridge.close()
        self.bridge.deleteLater()
        self.meeting.session = session
        self.bridge = SessionBridge(session, self)
        self.bridge.changed.connect(self._document_changed)
        self._document_changed("")

    def _document_changed(self, description: str) -> None:
        if description == RECORD:
            return  # the real agenda: nothing the room or the panel shows from the document
        self.presenter.reload()
        self._fill_attendance()
        self._fill_categories()

    def _fill_attendance(self) -> None:
        self.attendance.blockSignals(True)
        self.attendance.clear()
        participants = self.meeting.doc.participants
        for participant in participants:
            item = QListWidgetItem(
                participant.name + (f" — {participant.role}" if participant.role else "")
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            present = participant.attendance == Attendance.PRESENT
            item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
            self.attendance.addItem(item)
        self.attendance.blockSignals(False)
        here = sum(1 for p in participants if p.attendance == Attendance.PRESENT)
        self.attendance_box.setTitle(
            self.tr("Attendance: {0} of {1} present").format(here, len(participants))
        )

    def _attendance_changed(self, item: QListWidgetItem) -> None:
        row = self.attendance.row(item)
        present = item.checkState() == Qt.CheckState.Checked
        value = Attendance.PRESENT if present else Attendance.ABSENT

        def locate(doc: Postmortem) -> Any:
            return doc.participants[row]

        self.apply(FieldChange("Record attendance", locate, "attendance", value))

    # -- quick capture ---------------------------------------------------------------------

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _form(
        self, fields: list[tuple[str, QWidget]], name: str, submit: Callable[[], None]
    ) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in fields:
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(submit)
        button = QPushButton(self.tr("Add"))
        button.setObjectName(f"capture-{name}-add")
        button.clicked.connect(submit)
        form.addRow("", button)
        return page

    def _build_capture(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("meetingCapture")
        self.t_time = self._field("capture-timeline-time", "HH:MM or 2026-01-15T10:15+01:00")
        self.t_event = self._field("capture-timeline-event", self.tr("What happened"))
        self.t_actor = self._field("capture-timeline-actor", self.tr("Who (optional)"))
        tabs.addTab(
            self._form(
                [
                    (self.tr("Time"), self.t_time),
                    (self.tr("Event"), self.t_event),
                    (self.tr("Actor"), self.t_actor),
                ],
                "timeline",
                self._add_timeline,
            ),
            self.tr("Timeline"),
        )
        self.w_question = self._field("capture-why-question", self.tr("Why …?"))
        self.w_answer = self._field("capture-why-answer", self.tr("Because …"))
        tabs.addTab(
            self._form(
                [(self.tr("Why"), self.w_question), (self.tr("Answer"), self.w_answer)],
                "why",
                self._add_why,
            ),
            self.tr("Why"),
        )
        self.c_category = QComboBox()
        self.c_category.setObjectName("capture-cause-category")
        self.c_text = self._field("capture-cause-text", self.tr("Cause"))
        tabs.addTab(
            self._form(
                [(self.tr("Category"), self.c_category), (self.tr("Cause"), self.c_text)],
                "cause",
                self._add_cause,
            ),
            self.tr("Cause"),
        )
        self.a_text = self._field("capture-action-text", self.tr("What we will change"))
        self.a_owner = self._field("capture-action-owner", self.tr("Owner (required)"))
        self.a_due = self._field("capture-action-due", self.tr("Due date YYYY-MM-DD (required)"))
        self.a_priority = QComboBox()
        self.a_priority.setObjectName("capture-action-priority")
        self.a_priority.addItems([item.value for item in Priority])
        self.a_priority.setCurrentText(Priority.P2.value)
        tabs.addTab(
            self._form(
                [
                    (self.tr("Action"), self.a_text),
                    (self.tr("Owner"), self.a_owner),
                    (self.tr("Due"), self.a_due),
                    (self.tr("Priority"), self.a_priority),
                ],
                "action",
                self._add_action,
            ),
            self.tr("Action"),
        )
        self.p_text = self._field("capture-parking-text", self.tr("A topic for later"))
        tabs.addTab(
            self._form([(self.tr("Topic"), self.p_text)], "parking", self._add_parking),
            self.tr("Parking lot"),
        )
        return tabs

    def _fill_categories(self) -> None:
        current = self.c_category.currentData()
        self.c_category.blockSignals(True)
        self.c_category.clear()
        for node, label in capture.ishikawa_categories(self.meeting.doc):
            self.c_category.addItem(label, node)
        index = self.c_category.findData(current)
        if index >= 0:
            self.c_category.setCurrentIndex(index)
        self.c_category.blockSignals(False)
        if self.c_category.currentData() != current:
            self._category_chosen(self.c_category.currentIndex())

    def _submit(
        self,
        build: Callable[[], capture.AppendChange | DiagramChange],
        fields: list[QLineEdit],
        summary: str,
    ) -> bool:
        """Apply a capture; on success list it, clear the form and give the keys back."""
        try:
            change = build()
        except PostmortemError as error:
            self.message.error(str(error))
            return False
        if not self.apply(change):
            return False
        self.captured.append(Captured(self.meeting.timer.current, summary, change))
        self._fill_captured()
        self.message.success(self.tr("Added: {0}").format(summary))
        for field in fields:
            field.clear()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _fill_captured(self) -> None:
        self.captures.clear()
        for entry in self.captured:
            if entry.step == self.meeting.timer.current:
                item = QListWidgetItem(entry.summary)
                item.setData(Qt.ItemDataRole.UserRole, self.captured.index(entry))
                self.captures.addItem(item)
        if self.captures.count():
            self.captures.setCurrentRow(self.captures.count() - 1)
        self.take_back.setEnabled(bool(self.captures.count()))

    def _take_back(self) -> None:
        item = self.captures.currentItem()
        if item is None:
            return
        entry = self.captured[int(item.data(Qt.ItemDataRole.UserRole))]
        try:
            change = capture.withdraw(entry.change)
        except PostmortemError as error:
            self.message.error(str(error))
            return
        if self.apply(change):
            self.captured.remove(entry)
            self._fill_captured()
            self.message.success(self.tr("Taken back: {0}").format(entry.summary))

    def _add_timeline(self) -> None:
        self._submit(
            lambda: capture.timeline_entry(
                self.meeting.doc, self.t_time.text(), self.t_event.text(), self.t_actor.text()
            ),
            [self.t_time, self.t_event, self.t_actor],
            self.tr("timeline {0} {1}").format(
                self.t_time.text().strip(), self.t_event.text().strip()
            ),
        )

    def _add_why(self) -> None:
        self._submit(
            lambda: capture.why(self.w_question.text(), self.w_answer.text()),
            [self.w_question, self.w_answer],
            self.tr("why: {0}").format(self.w_question.text().strip()),
        )

    def _add_cause(self) -> None:
        if self._submit(
            lambda: capture.cause(str(self.c_category.currentData() or ""), self.c_text.text()),
            [self.c_text],
            self.tr("cause ({0}): {1}").format(
                self.c_category.currentText(), self.c_text.text().strip()
            ),
        ):
            self.presenter.show_category(str(self.c_category.currentData() or ""))

    def _add_action(self) -> None:
        self._submit(
            lambda: capture.action(
                self.a_text.text(),
                self.a_owner.text(),
                self.a_due.text(),
                self.a_priority.currentText(),
            ),
            [self.a_text, self.a_owner, self.a_due],
            self.tr("action: {0} ({1})").format(
                self.a_text.text().strip(), self.a_owner.text().strip()
            ),
        )

    def _add_parking(self) -> None:
        self._submit(
            lambda: capture.parking_lot(self.p_text.text()),
            [self.p_text],
            self.tr("parked: {0}").format(self.p_text.text().strip()),
        )

    def closeEvent(self, event: Any) -> None:
        """Closing the controls closes the presenter view; the meeting stays saved."""
        self.ticker.stop()
        if self._meeting_changed in self.meeting.listeners:
            self.meeting.listeners.remove(self._meeting_changed)
        self.bridge.close()
        if self.question is not None:
            self.question.close()
        self.presenter.close()
        super().closeEvent(event)
        self.closed.emit()
