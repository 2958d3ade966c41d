"""One meeting of one postmortem: the timer, its agenda, private notes — kept durable.

Every transition (start, pause, next, extend, …) writes the meeting state to the store before
returning, so a crash loses nothing; and the real agenda (actual start, end and time spent per
step) is written into the postmortem through the document session, so the report can show it.
Private notes per step stay in the meeting state: they never go into the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import FormatError, LockedError, ValidationError
from app.meeting.agenda import Agenda, AgendaStep, agenda_from_dict, agenda_to_dict
from app.meeting.timer import Clock, MeetingTimer
from app.model import AgendaStepRecord, Postmortem
from app.session import DocumentSession, FieldChange
from app.vocabulary import Status

Listener = Callable[[], None]
RECORD = "Record the meeting's agenda"
"""The description of the edit that writes the real agenda into the postmortem."""


class Meeting:
    def __init__(self, session: DocumentSession, agenda: Agenda, timer: MeetingTimer) -> None:
        self.session = session
        self.agenda = agenda
        self.timer = timer
        self.notes: dict[int, str] = {}
        self.listeners: list[Listener] = []

    # -- creating and resuming -----------------------------------------------------------

    @classmethod
    def plan(cls, session: DocumentSession, agenda: Agenda, clock: Clock) -> Meeting:
        """A meeting ready to start with this agenda (checked first, nothing saved yet)."""
        agenda.check()
        if session.doc.status == Status.APPROVED:
            raise LockedError(
                "This report is approved and locked; reopen it before holding a meeting on it."
            )
        steps = [(step.title, step.duration_ms) for step in agenda.steps]
        return cls(session, agenda, MeetingTimer.create(clock, steps))

    @classmethod
    def restore(cls, session: DocumentSession, clock: Clock) -> Meeting | None:
        """The meeting saved for this postmortem, if any, as it is now (time has passed)."""
        state = session.store.meeting_state(session.doc.id)
        if not state:
            return None
        try:
            agenda = agenda_from_dict(state["agenda"])
            timer = MeetingTimer.from_dict(state["timer"], clock)
            notes = {int(key): str(value) for key, value in state.get("notes", {}).items()}
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"the saved meeting is damaged ({error}).") from error
        if len(agenda.steps) != len(timer.steps):
            raise FormatError("the saved meeting's agenda and timer disagree.")
        meeting = cls(session, agenda, timer)
        meeting.notes = notes
        return meeting

    @property
    def doc(self) -> Postmortem:
        return self.session.doc

    def step(self, index: int | None = None) -> AgendaStep:
        return self.agenda.steps[self.timer.current if index is None else index]

    def next_step(self) -> AgendaStep | None:
        index = self.timer.current + 1
        return self.agenda.steps[index] if index < len(self.agenda.steps) else None

    # -- transitions ---------------------------------------------------------------------

    def _do(self, operation: Callable[[], Any]) -> Any:
        result = operation()
        self.save()
        self.record()
        for listener in list(self.listeners):
            listener()
        return result

    def start(self) -> None:
        self._do(self.timer.start)

    def toggle(self) -> None:
        self._do(self.timer.toggle)

    def pause(self) -> None:
        self._do(self.timer.pause)

    def resume(self) -> None:
        self._do(self.timer.resume)

    def next(self) -> None:
        self._do(self.timer.next)

    def previous(self) -> None:
        self._do(self.timer.previous)

    def jump(self, index: int) -> None:
        self._do(lambda: self.timer.jump(index))

    def extend(self, ms: int = 60_000) -> None:
        self._do(lambda: self.timer.extend(ms))

    def shorten(self, ms: int = 60_000) -> None:
        self._do(lambda: self.timer.shorten(ms))

    def rebalance(self, min_step_ms: int = 60_000) -> int:
        over: int = self._do(lambda: self.timer.rebalance(min_step_ms))
        return over

    def finish(self) -> None:
        self._do(self.timer.finish)

    def reopen(self) -> None:
        """Resume a meeting ended by mistake (within ``REOPEN_WINDOW_MS``), paused."""
        self._do(self.timer.reopen)

    def set_note(self, text: str, index: int | None = None) -> None:
        """Private notes of the facilitator for a step (never shown on the shared screen)."""
        index = self.timer.current if index is None else index
        if not 0 <= index < len(self.agenda.steps):
            raise ValidationError(f"the agenda has no step {index + 1}.")
        self.notes[index] = text
        self.save()

    def discard(self) -> None:
        """Forget the saved meeting (the record in the postmortem stays)."""
        self.session.store.save_meeting_state(self.doc.id, None)

    # -- durability ----------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "agenda": agenda_to_dict(self.agenda),
            "timer": self.timer.to_dict(),
            "notes": {str(key): value for key, value in self.notes.items() if value},
        }

    def save(self) -> None:
        self.session.store.save_meeting_state(self.doc.id, self.state())

    def records(self) -> list[AgendaStepRecord]:
        return [
            AgendaStepRecord(
                title=step.title,
                planned_seconds=round(step.planned_ms / 1000),
                started_at=step.started_at,
                ended_at=step.ended_at,
                spent_seconds=self.timer.step_elapsed_ms(index) / 1000,
            )
            for index, step in enumerate(self.timer.steps)
        ]

    def record(self) -> None:
        """Write the real agenda into the postmortem when it changed."""
        records = self.records()
        if records == self.doc.meeting_agenda:
            return
        self.session.apply(
            FieldChange(RECORD, lambda doc: doc, "meeting_agenda", records)
        )
