"""The meeting timer: a pure state machine over an injected clock.

Time is always derived from the clock, never from counting ticks: the UI may refresh as often
or as rarely as it likes. Durations come from the clock's monotonic reading (which on a real
machine also counts suspend, see ``app.meeting.clock``), so a change of the system time during
the meeting does not move the countdown. Wall-clock times recorded for each step are the
meeting's anchor wall time plus the monotonic delta, so they stay consistent with the
durations even if the system time is changed mid-meeting.

All times are integer milliseconds; wall times are timezone-aware ``datetime``.

Restart: the state is a plain dict (``to_dict``/``from_dict``). When it is loaded, a running
step keeps running: the time spent while the app was closed is taken from the monotonic
clock when the state was written during the same boot (``Clock.boot`` matches), otherwise
from the wall clock; a wall clock that went backwards while closed counts as zero (and is
reported in ``clock_note``) rather than as negative time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from app.errors import FormatError, ValidationError

SECOND = 1000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
MAX_STEP_MS = 4 * HOUR
MAX_TOTAL_MS = 24 * HOUR
DEFAULT_WARNING_MS = 2 * MINUTE
DEFAULT_MIN_STEP_MS = 1 * MINUTE
REOPEN_WINDOW_MS = 10 * MINUTE
"""How long after it ended a meeting can still be resumed (an end by mistake is undone)."""
STATE_VERSION = 1


class Clock(Protocol):
    """Where time comes from: a monotonic reading in ms, the wall clock, and a boot id."""

    boot: str

    def monotonic_ms(self) -> int: ...

    def wall(self) -> datetime: ...


class Phase(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    WARNING = "warning"
    OVERRUN = "overrun"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass
class StepClock:
    """One agenda step as the timer sees it: planned and spent time, real start and end."""

    title: str
    planned_ms: int
    spent_ms: int = 0
    started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass
class Segment:
    """The step currently running: since when (monotonic and wall)."""

    mono_ms: int
    wall: datetime


def check_duration(title: str, planned_ms: int) -> None:
    """Refuse durations a meeting cannot have, with a sentence saying what to do."""
    if planned_ms <= 0:
        raise ValidationError(
            f"the step '{title}' has a duration of {planned_ms // MINUTE} min; "
            "give every step at least one minute (or remove the step)."
        )
    if planned_ms > MAX_STEP_MS:
        raise ValidationError(
            f"the step '{title}' lasts {planned_ms // MINUTE} min; a step is at most "
            f"{MAX_STEP_MS // MINUTE} min — check the unit, or split it into several steps."
        )


def check_agenda(steps: list[tuple[str, int]]) -> None:
    if not steps:
        raise ValidationError("the agenda has no steps; add at least one step to run a meeting.")
    for title, planned in steps:
        check_duration(title, planned)
    total = sum(planned for _title, planned in steps)
    if total > MAX_TOTAL_MS:
        raise ValidationError(
            f"the agenda lasts {total // MINUTE} min; a meeting is at most 24 hours."
        )


def format_clock(ms: int) -> str:
    """``mm:ss`` below an hour, ``h:mm:ss`` above; whole seconds, rounded towards zero."""
    seconds = max(0, ms) // SECOND
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_countdown(remaining_ms: int) -> str:
    """The big number: time left, or ``+mm:ss`` once the step runs over."""
    if remaining_ms >= 0:
        # Round up so the display reads 05:00 at the start and 00:00 only at the very end.
        return format_clock(-(-remaining_ms // SECOND) * SECOND)
    return "+" + format_clock(-remaining_ms)


@dataclass
class MeetingTimer:
    clock: Clock
    steps: list[StepClock]
    warning_ms: int = DEFAULT_WARNING_MS
    current: int = 0
    segment: Segment | None = None
    meeting_started_at: datetime | None = None
    meeting_ended_at: datetime | None = None
    budget_ms: int = 0
    anchor: Segment | None = None
    clock_note: str = ""
    _finished: bool = field(default=False, repr=False)

    @classmethod
    def create(
        cls, clock: Clock, steps: list[tuple[str, int]], warning_ms: int = DEFAULT_WARNING_MS
    ) -> MeetingTimer:
        check_agenda(steps)
        if warning_ms < 0:
            raise ValidationError("the warning threshold cannot be negative.")
        clocks = [StepClock(title, planned) for title, planned in steps]
        return cls(clock, clocks, warning_ms, budget_ms=sum(planned for _t, planned in steps))

    # -- reading -------------------------------------------------------------------------

    def _now(self) -> int:
        return self.clock.monotonic_ms()

    def wall_at(self, mono_ms: int) -> datetime:
        """The wall time of a monotonic reading, anchored when the meeting (re)started."""
        if self.anchor is None:
            return self.clock.wall()
        return self.anchor.wall + timedelta(milliseconds=mono_ms - self.anchor.mono_ms)

    @property
    def started(self) -> bool:
        return self.meeting_started_at is not None

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def running(self) -> bool:
        return self.segment is not None

    @property
    def step(self) -> StepClock:
        return self.steps[self.current]

    @property
    def next_step(self) -> StepClock | None:
        return self.steps[self.current + 1] if self.current + 1 < len(self.steps) else None

    def step_elapsed_ms(self, index: int | None = None) -> int:
        index = self.current if index is None else index
        spent = self.steps[index].spent_ms
        if self.segment is not None and index == self.current:
            spent += max(0, self._now() - self.segment.mono_ms)
        return spent

    def remaining_ms(self) -> int:
        """Time left in the current step; negative once it runs over."""
        return self.step.planned_ms - self.step_elapsed_ms()

    def meeting_elapsed_ms(self) -> int:
        """Time spent in steps (pauses excluded)."""
        return sum(self.step_elapsed_ms(index) for index in range(len(self.steps)))

    def planned_total_ms(self) -> int:
        return sum(step.planned_ms for step in self.steps)

    def projected_total_ms(self) -> int:
        """How long the meeting will last if the rest goes to plan from now."""
        done = sum(self.step_elapsed_ms(index) for index in range(self.current))
        current = max(self.step_elapsed_ms(), self.step.planned_ms)
        if self.finished:
            return self.meeting_elapsed_ms()
        later = sum(step.planned_ms for step in self.steps[self.current + 1 :])
        return done + current + later

    def over_budget_ms(self) -> int:
        """How far past the budget the meeting is heading (0 when on time)."""
        return max(0, self.projected_total_ms() - self.budget_ms)

    def warning_threshold_ms(self) -> int:
        """The warning comes at ``warning_ms`` before the end, or the last quarter if shorter."""
        return min(self.warning_ms, self.step.planned_ms // 4)

    def phase(self) -> Phase:
        if self.finished:
            return Phase.FINISHED
        if not self.started:
            return Phase.NOT_STARTED
        remaining = self.remaining_ms()
        if remaining < 0:
            return Phase.OVERRUN
        if self.segment is None:
            return Phase.PAUSED
        if remaining <= self.warning_threshold_ms():
            return Phase.WARNING
        return Phase.RUNNING

    def countdown(self) -> str:
        return format_countdown(self.remaining_ms())

    # -- transitions ---------------------------------------------------------------------

    def _refuse_when_finished(self) -> None:
        if self.finished:
            raise ValidationError("the meeting has ended; start a new meeting to run it again.")

    def start(self) -> None:
        self._refuse_when_finished()
        if self.started:
            raise ValidationError("the meeting is already under way.")
        now = self._now()
        self.anchor = Segment(now, self.clock.wall())
        self.meeting_started_at = self.anchor.wall
        self._enter(now)

    def pause(self) -> None:
        if self.segment is None:
            raise ValidationError("the timer is not running.")
        self._bank(self._now())

    def resume(self) -> None:
        self._refuse_when_finished()
        if not self.started:
            raise ValidationError("the meeting has not started yet; start it first.")
        if self.segment is not None:
            raise ValidationError("the timer is already running.")
        self._enter(self._now())

    def toggle(self) -> None:
        """Space bar: start, pause or resume, whichever makes sense now."""
        if not self.started:
            self.start()
        elif self.segment is None:
            self.resume()
        else:
            self.pause()

    def next(self) -> None:
        """End the current step; after the last step the meeting ends."""
        self._refuse_when_finished()
        if self.current + 1 >= len(self.steps):
            self.finish()
            return
        self.jump(self.current + 1)

    def previous(self) -> None:
        if self.current == 0:
            raise ValidationError("this is already the first step.")
        self.jump(self.current - 1)

    def jump(self, index: int) -> None:
        self._refuse_when_finished()
        if not 0 <= index < len(self.steps):
            raise ValidationError(f"the agenda has no step {index + 1}.")
        if index == self.current:
            return
        running = self.segment is not None
        now = self._now()
        if self.started:
            self._leave(now)
        self.current = index
        if running:
            self._enter(now)

    def finish(self) -> None:
        self._refuse_when_finished()
        now = self._now()
        if self.started:
            self._leave(now)
        self.meeting_ended_at = self.wall_at(now) if self.started else None
        self._finished = True

    def reopen_left_ms(self) -> int:
        """How much longer an ended meeting can be resumed (0 when it cannot, or is not ended)."""
        if not self.finished:
            return 0
        if self.meeting_ended_at is None:
            return REOPEN_WINDOW_MS  # ended before it started: nothing was timed
        since = self.wall_at(self._now()) - self.meeting_ended_at
        return max(0, REOPEN_WINDOW_MS - int(since.total_seconds() * 1000))

    def reopen(self) -> None:
        """Take back an end: the meeting is paused on the step where it ended."""
        if not self.finished:
            raise ValidationError("the meeting has not ended.")
        if not self.reopen_left_ms():
            raise ValidationError(
                "the meeting ended more than 10 minutes ago; start a new meeting instead."
            )
        self._finished = False
        self.meeting_ended_at = None
        self.step.ended_at = None

    @property
    def on_last_step(self) -> bool:
        return self.current + 1 >= len(self.steps)

    def extend(self, ms: int = MINUTE) -> None:
        self._refuse_when_finished()
        if ms <= 0:
            raise ValidationError("extend by a positive amount of time.")
        if self.planned_total_ms() + ms > MAX_TOTAL_MS:
            raise ValidationError(
                "this extension would make the meeting longer than 24 hours; "
                "end the meeting and schedule another one instead."
            )
        self.step.planned_ms += ms

    def shorten(self, ms: int = MINUTE) -> None:
        """Take time off the current step; a step keeps at least one minute."""
        self._refuse_when_finished()
        if ms <= 0:
            raise ValidationError("shorten by a positive amount of time.")
        if self.step.planned_ms - ms < DEFAULT_MIN_STEP_MS:
            raise ValidationError(
                "a step keeps at least one minute; move to the next step instead (N)."
            )
        self.step.planned_ms -= ms

    def rebalance(self, min_step_ms: int = DEFAULT_MIN_STEP_MS) -> int:
        """Shrink the steps after the current one so the meeting ends within its budget.

        Each later step is scaled in proportion to its planned length, but keeps at least
        ``min_step_ms``. Returns how many ms the meeting will still run over (0 when it now
        ends on time; more when even the minimums do not fit).
        """
        self._refuse_when_finished()
        if min_step_ms <= 0:
            raise ValidationError("the minimum step length must be positive.")
        later = self.steps[self.current + 1 :]
        if not later:
            return self.over_budget_ms()
        done = sum(self.step_elapsed_ms(index) for index in range(self.current))
        current = max(self.step_elapsed_ms(), self.step.planned_ms)
        available = self.budget_ms - done - current
        planned = [step.planned_ms for step in later]
        if sum(planned) <= available:
            return 0
        for step, ms in zip(later, _shrink(planned, available, min_step_ms), strict=True):
            step.planned_ms = ms
        return self.over_budget_ms()

    # -- internals -----------------------------------------------------------------------

    def _enter(self, now: int) -> None:
        step = self.step
        if step.started_at is None:
            step.started_at = self.wall_at(now)
        step.ended_at = None
        self.segment = Segment(now, self.wall_at(now))

    def _bank(self, now: int) -> None:
        assert self.segment is not None
        self.step.spent_ms += max(0, now - self.segment.mono_ms)
        self.segment = None

    def _leave(self, now: int) -> None:
        if self.segment is not None:
            self._bank(now)
        if self.step.started_at is not None:
            self.step.ended_at = self.wall_at(now)

    # -- persistence ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "boot": self.clock.boot,
            "warning_ms": self.warning_ms,
            "budget_ms": self.budget_ms,
            "current": self.current,
            "finished": self._finished,
            "meeting_started_at": _iso(self.meeting_started_at),
            "meeting_ended_at": _iso(self.meeting_ended_at),
            "anchor": _segment_to_dict(self.anchor),
            "segment": _segment_to_dict(self.segment),
            "steps": [
                {
                    "title": step.title,
                    "planned_ms": step.planned_ms,
                    "spent_ms": step.spent_ms,
                    "started_at": _iso(step.started_at),
                    "ended_at": _iso(step.ended_at),
                }
                for step in self.steps
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock) -> MeetingTimer:
        """Rebuild a timer after a restart; a running step has kept running meanwhile."""
        if data.get("version") != STATE_VERSION:
            raise FormatError(
                f"the saved meeting state has version {data.get('version')!r}; "
                f"this version of the app reads version {STATE_VERSION} only."
            )
        try:
            steps = [
                StepClock(
                    str(item["title"]),
                    int(item["planned_ms"]),
                    int(item["spent_ms"]),
                    _parse(item.get("started_at")),
                    _parse(item.get("ended_at")),
                )
                for item in data["steps"]
            ]
            timer = cls(
                clock,
                steps,
                int(data["warning_ms"]),
                int(data["current"]),
                budget_ms=int(data["budget_ms"]),
                meeting_started_at=_parse(data.get("meeting_started_at")),
                meeting_ended_at=_parse(data.get("meeting_ended_at")),
            )
            timer._finished = bool(data["finished"])
            saved_anchor = _segment_from_dict(data.get("anchor"))
            saved_segment = _segment_from_dict(data.get("segment"))
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"the saved meeting state is damaged ({error}).") from error
        if not steps or not 0 <= timer.current < len(steps):
            raise FormatError("the saved meeting state has no valid current step.")
        same_boot = bool(clock.boot) and data.get("boot") == clock.boot
        now = clock.monotonic_ms()
        wall_now = clock.wall()
        if same_boot and saved_anchor is not None:
            # The monotonic clock is still comparable: keep the anchor as it was.
            timer.anchor = saved_anchor
            if saved_segment is not None:
                timer.segment = saved_segment
        else:
            timer.anchor = Segment(now, wall_now)
            if saved_segment is not None:
                away = int((wall_now - saved_segment.wall).total_seconds() * 1000)
                if away < 0:
                    timer.clock_note = (
                        "The system clock moved back while the app was closed; "
                        "the time while closed was not counted."
                    )
                    away = 0
                timer.segment = Segment(now - away, wall_now - timedelta(milliseconds=away))
        return timer


def _shrink(planned: list[int], available: int, minimum: int) -> list[int]:
    """Scale ``planned`` to sum to ``available`` with a floor of ``minimum`` each (exact ms)."""
    result = [0] * len(planned)
    flexible = list(range(len(planned)))
    budget = available
    while True:
        total = sum(planned[i] for i in flexible)
        pinned = [i for i in flexible if total and planned[i] * budget // total < minimum]
        if not pinned:
            break
        for i in pinned:
            result[i] = minimum
            flexible.remove(i)
        budget -= minimum * len(pinned)
        if not flexible:
            return result
    total = sum(planned[i] for i in flexible)
    shares = [planned[i] * budget // total for i in flexible]
    # Hand out the rounding remainder one ms at a time so the sum is exact.
    remainder = budget - sum(shares)
    for offset in range(remainder):
        shares[offset % len(shares)] += 1
    for i, share in zip(flexible, shares, strict=True):
        result[i] = share
    return result


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _segment_to_dict(segment: Segment | None) -> dict[str, Any] | None:
    if segment is None:
        return None
    return {"mono_ms": segment.mono_ms, "wall": segment.wall.isoformat()}


def _segment_from_dict(data: Any) -> Segment | None:
    if data is None:
        return None
    return Segment(int(data["mono_ms"]), datetime.fromisoformat(data["wall"]))
