"""The facilitator's control panel: off the shared screen.

The agenda, the timer controls, private notes per step, attendance and quick capture forms.
Every control has a keyboard shortcut (listed in the help overlay, F1 or ?); the shortcuts
also work while the presenter view has the focus. Single-key shortcuts do not fire while a
text field has the focus, so typing in a capture form is never hijacked.

The ``QTimer`` here only asks the views to redraw: the time itself always comes from the
meeting's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.graph import ISHIKAWA, WHYS
from app.errors import PostmortemError
from app.meeting import capture
from app.meeting.meeting import Meeting
from app.meeting.timer import Phase, format_clock
from app.model import Postmortem
from app.session import Change, FieldChange
from app.vocabulary import Attendance, Priority
from ui.meeting.presenter_view import PresenterView
from ui.session_bridge import SessionBridge

TICK_MS = 200

SHORTCUTS: list[tuple[str, str, str]] = [
    # (key sequence, name, description)
    ("Space", "toggle", "Start / pause / resume"),
    ("N", "next", "Next step (ends the meeting after the last one)"),
    ("P", "previous", "Previous step"),
    ("+", "extend", "Add one minute to this step"),
    ("=", "extend", ""),
    ("-", "shorten", "Take one minute off this step"),
    ("R", "rebalance", "Rebalance: shrink later steps to end on time"),
    ("D", "diagram", "Show the other diagram (5 Whys / Ishikawa)"),
    ("F11", "full_screen", "Presenter view full screen"),
    ("Ctrl+Shift+E", "finish", "End the meeting"),
    ("F1", "help", "Show / hide this help"),
    ("?", "help", ""),
]


class ControlPanel(QWidget):
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
        self.setObjectName("meetingControlPanel")
        self.setWindowTitle(self.tr("Meeting controls — {0}").format(meeting.doc.title))
        self.resize(760, 820)

        self.status = QLabel()
        self.status.setObjectName("meetingStatus")
        font = self.status.font()
        font.setPointSize(16)
        font.setBold(True)
        self.status.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("meetingMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8e1f1a;")

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
            ("finish", self.tr("End meeting")),
        ]:
            button = QPushButton(text)
            button.setObjectName(f"meeting-{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self._operation(name))
            buttons.addWidget(button)
            self.buttons[name] = button

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("meetingNotes")
        self.notes.setPlaceholderText(
            self.tr("Private notes for this step (not shown to the room)")
        )
        self.notes.textChanged.connect(self._notes_changed)
        self.notes.setMaximumHeight(110)

        self.attendance = QListWidget()
        self.attendance.setObjectName("meetingAttendance")
        self.attendance.itemChanged.connect(self._attendance_changed)
        self.attendance.setMaximumHeight(130)

        self.capture = self._build_capture()

        top = QHBoxLayout()
        agenda_box = QGroupBox(self.tr("Agenda (double-click to jump)"))
        QVBoxLayout(agenda_box).addWidget(self.agenda)
        attendance_box = QGroupBox(self.tr("Attendance"))
        QVBoxLayout(attendance_box).addWidget(self.attendance)
        top.addWidget(agenda_box, 3)
        top.addWidget(attendance_box, 2)
        notes_box = QGroupBox(self.tr("Private notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)
        capture_box = QGroupBox(self.tr("Quick capture"))
        QVBoxLayout(capture_box).addWidget(self.capture)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(top, 2)
        layout.addWidget(notes_box)
        layout.addWidget(capture_box, 2)

        self.help = self._build_help()
        self.actions_: dict[str, QAction] = {}
        self._install_shortcuts()

        self.bridge = SessionBridge(meeting.session, self)
        self.bridge.changed.connect(self._document_changed)
        meeting.listeners.append(self._meeting_changed)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self._fill_attendance()
        self._fill_categories()
        self.refresh()
        if meeting.timer.clock_note:
            self.message.setText(meeting.timer.clock_note)

    # -- shortcuts and help -----------------------------------------------------------------

    def _install_shortcuts(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "toggle": self._operation("toggle"),
            "next": self._operation("next"),
            "previous": self._operation("previous"),
            "extend": self._operation("extend"),
            "shorten": self._operation("shorten"),
            "rebalance": self._operation("rebalance"),
            "finish": self._operation("finish"),
            "diagram": self.switch_diagram,
            "full_screen": self.presenter.toggle_full_screen,
            "help": self.toggle_help,
        }
        for sequence, name, _description in SHORTCUTS:
            action = QAction(name, self)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.presenter.addAction(action)
            self.actions_.setdefault(name, action)
        for number in range(1, min(9, len(self.meeting.agenda.steps)) + 1):
            action = QAction(f"jump{number}", self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(self._operation("jump", number - 1))
            self.addAction(action)
            self.presenter.addAction(action)
        escape = QAction("escape", self)
        escape.setShortcut(QKeySequence("Escape"))
        escape.triggered.connect(self._escape)
        self.addAction(escape)
        self.presenter.addAction(escape)

    def _build_help(self) -> QLabel:
        keys: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for key, name, description in SHORTCUTS:
            keys.setdefault(name, []).append(key)
            texts[name] = texts.get(name) or description
        rows = "".join(
            f"<tr><td style='padding:4px 18px 4px 0'><b>{' or '.join(keys[name])}</b></td>"
            f"<td>{texts[name]}</td></tr>"
            for name in keys
        )
        rows += (
            "<tr><td style='padding:4px 18px 4px 0'><b>Ctrl+1 … Ctrl+9</b></td>"
            "<td>Jump to a step</td></tr>"
            "<tr><td style='padding:4px 18px 4px 0'><b>Esc</b></td>"
            "<td>Close this help / leave full screen</td></tr>"
        )
        overlay = QLabel(
            f"<h2>{self.tr('Keyboard shortcuts')}</h2><table>{rows}</table>"
            f"<p>{self.tr('Single keys work whenever no text field has the focus.')}</p>",
            self,
        )
        overlay.setObjectName("meetingHelp")
        overlay.setTextFormat(Qt.TextFormat.RichText)
        overlay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        overlay.setStyleSheet(
            "#meetingHelp { background: rgba(255, 255, 255, 240); color: #1f2a37; "
            "font-size: 15px; border: 2px solid #9aa7b5; border-radius: 12px; }"
        )
        overlay.hide()
        return overlay

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.hide()
            return
        self.help.setGeometry(self.rect().adjusted(30, 30, -30, -30))
        self.help.raise_()
        self.help.show()

    def _escape(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        elif self.presenter.isFullScreen():
            self.presenter.showNormal()

    def switch_diagram(self) -> None:
        kind = WHYS if self.presenter.diagram_kind == ISHIKAWA else ISHIKAWA
        self.presenter.show_diagram(kind)

    # -- timer operations ------------------------------------------------------------------

    def _operation(self, name: str, *args: Any) -> Callable[[], None]:
        def run() -> None:
            method = getattr(self.meeting, name)
            try:
                result = method(*args) if args else method()
            except PostmortemError as error:
                self.message.setText(str(error))
                return
            if name == "rebalance":
                self.message.setText(
                    self.tr("Later steps shortened: the meeting ends on time.")
                    if not result
                    else self.tr("Even at one minute per step, the meeting ends {0} late.").format(
                        format_clock(int(result))
                    )
                )
            else:
                self.message.setText("")
            self.refresh()

        return run

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
        state = {
            Phase.NOT_STARTED: self.tr("Not started"),
            Phase.PAUSED: self.tr("Paused"),
            Phase.FINISHED: self.tr("Ended"),
        }.get(phase, self.tr("Running"))
        self.status.setText(f"{timer.countdown()}   {step.title}   ({state})")
        toggle = self.buttons["toggle"]
        toggle.setText(
            self.tr("Start")
            if phase == Phase.NOT_STARTED
            else self.tr("Resume")
            if not timer.running
            else self.tr("Pause")
        )
        for name in ("toggle", "next", "previous", "extend", "shorten", "rebalance", "finish"):
            self.buttons[name].setEnabled(not timer.finished)
        self._fill_agenda()
        if self.shown_step != timer.current:
            self.shown_step = timer.current
            self.notes.blockSignals(True)
            self.notes.setPlainText(self.meeting.notes.get(timer.current, ""))
            self.notes.blockSignals(False)

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
            self.message.setText(str(error))

    # -- the document ----------------------------------------------------------------------

    def apply(self, change: Change) -> bool:
        """Apply an edit as one undoable step when there is a main window; say why if refused."""
        if self.window_ is not None and hasattr(self.window_, "apply_change"):
            ok = bool(self.window_.apply_change(change))
            if not ok:
                self.message.setText(str(getattr(self.window_, "last_error", "")))
            return ok
        try:
            self.meeting.session.apply(change)
        except PostmortemError as error:
            self.message.setText(str(error))
            return False
        return True

    def _document_changed(self, _description: str) -> None:
        self.presenter.reload()
        self._fill_attendance()
        self._fill_categories()

    def _fill_attendance(self) -> None:
        self.attendance.blockSignals(True)
        self.attendance.clear()
        for participant in self.meeting.doc.participants:
            item = QListWidgetItem(
                participant.name + (f" — {participant.role}" if participant.role else "")
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            present = participant.attendance == Attendance.PRESENT
            item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
            self.attendance.addItem(item)
        self.attendance.blockSignals(False)

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
        self.c_category.clear()
        for node, label in capture.ishikawa_categories(self.meeting.doc):
            self.c_category.addItem(label, node)
        index = self.c_category.findData(current)
        if index >= 0:
            self.c_category.setCurrentIndex(index)

    def _submit(self, build: Callable[[], Change], fields: list[QLineEdit]) -> None:
        try:
            change = build()
        except PostmortemError as error:
            self.message.setText(str(error))
            return
        if self.apply(change):
            self.message.setText(self.tr("Added: {0}").format(change.description.lower()))
            for field in fields:
                field.clear()
            if fields:
                fields[0].setFocus()

    def _add_timeline(self) -> None:
        self._submit(
            lambda: capture.timeline_entry(
                self.meeting.doc, self.t_time.text(), self.t_event.text(), self.t_actor.text()
            ),
            [self.t_time, self.t_event, self.t_actor],
        )

    def _add_why(self) -> None:
        self._submit(
            lambda: capture.why(self.w_question.text(), self.w_answer.text()),
            [self.w_question, self.w_answer],
        )

    def _add_cause(self) -> None:
        self._submit(
            lambda: capture.cause(str(self.c_category.currentData() or ""), self.c_text.text()),
            [self.c_text],
        )

    def _add_action(self) -> None:
        self._submit(
            lambda: capture.action(
                self.a_text.text(),
                self.a_owner.text(),
                self.a_due.text(),
                self.a_priority.currentText(),
            ),
            [self.a_text, self.a_owner, self.a_due],
        )

    def _add_parking(self) -> None:
        self._submit(lambda: capture.parking_lot(self.p_text.text()), [self.p_text])

    def closeEvent(self, event: Any) -> None:
        """Closing the controls closes the presenter view; the meeting stays saved."""
        self.ticker.stop()
        if self._meeting_changed in self.meeting.listeners:
            self.meeting.listeners.remove(self._meeting_changed)
        if self.bridge._on_change in self.meeting.session.listeners:
            self.meeting.session.listeners.remove(self.bridge._on_change)
        self.presenter.close()
        super().closeEvent(event)
