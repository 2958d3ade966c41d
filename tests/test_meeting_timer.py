"""The meeting timer, driven by a fake clock in milliseconds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import FormatError, ValidationError
from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.timer import (
    HOUR,
    MINUTE,
    SECOND,
    MeetingTimer,
    Phase,
    format_countdown,
)

T0 = datetime(2026, 1, 16, 14, 0, tzinfo=UTC)


def one_hour(clock: FakeClock) -> MeetingTimer:
    agenda = builtin_templates("en")[0]
    return MeetingTimer.create(clock, [(s.title, s.duration_ms) for s in agenda.steps])


def at(ms: int) -> datetime:
    return T0 + timedelta(milliseconds=ms)


def test_the_builtin_agenda_is_the_templates_hour() -> None:
    agenda = builtin_templates("en")[0]
    assert [s.duration_ms // MINUTE for s in agenda.steps] == [5, 10, 20, 15, 10]
    assert agenda.total_ms == HOUR
    variant = builtin_templates("en")[1]
    assert variant.steps[0].title == "Review open actions from earlier postmortems"
    assert builtin_templates("fr")[0].steps[0].title == "Introduction et règles de base"


def test_a_whole_meeting_records_exact_times_with_pauses_excluded() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    assert timer.phase() == Phase.NOT_STARTED
    assert timer.countdown() == "05:00"
    timer.start()
    clock.advance(4 * MINUTE + 59_999)
    assert timer.countdown() == "00:01"
    assert timer.phase() == Phase.WARNING
    clock.advance(1)
    timer.next()  # introduction: exactly 5 min
    clock.advance(3 * MINUTE + 7)
    timer.pause()
    clock.advance(10 * MINUTE)  # a break: not counted
    assert timer.phase() == Phase.PAUSED
    assert timer.step_elapsed_ms() == 3 * MINUTE + 7
    timer.resume()
    clock.advance(6 * MINUTE + 993)
    timer.next()  # timeline: 9:01 spent
    clock.advance(23 * MINUTE + 250)  # analysis runs over
    assert timer.phase() == Phase.OVERRUN
    assert timer.countdown() == "+03:00"
    timer.next()
    clock.advance(15 * MINUTE)
    timer.next()
    clock.advance(8 * MINUTE + 1)
    timer.next()  # last step: the meeting ends
    assert timer.finished and timer.phase() == Phase.FINISHED

    spent = [step.spent_ms for step in timer.steps]
    assert spent == [
        5 * MINUTE,
        9 * MINUTE + 1000,
        23 * MINUTE + 250,
        15 * MINUTE,
        8 * MINUTE + 1,
    ]
    starts = [step.started_at for step in timer.steps]
    ends = [step.ended_at for step in timer.steps]
    assert starts[0] == at(0) and ends[0] == at(5 * MINUTE)
    assert starts[1] == at(5 * MINUTE)
    assert ends[1] == at(5 * MINUTE + 3 * MINUTE + 7 + 10 * MINUTE + 6 * MINUTE + 993)
    assert starts[2] == ends[1]
    assert timer.meeting_ended_at == ends[4] == clock.wall()
    assert timer.meeting_elapsed_ms() == sum(spent)


def test_previous_returns_to_a_step_and_time_accumulates() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(MINUTE)
    timer.next()
    clock.advance(2 * MINUTE)
    timer.previous()
    clock.advance(30 * SECOND)
    assert timer.current == 0
    assert timer.step_elapsed_ms() == MINUTE + 30 * SECOND
    assert timer.steps[0].started_at == at(0)
    timer.jump(3)
    assert timer.step.started_at == at(3 * MINUTE + 30 * SECOND)
    assert timer.steps[0].ended_at == at(3 * MINUTE + 30 * SECOND)
    with pytest.raises(ValidationError, match="no step 9"):
        timer.jump(8)


def test_extend_shorten_and_overrun_format() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    timer.extend(2 * MINUTE)
    assert timer.countdown() == "07:00"
    timer.shorten(MINUTE)
    assert timer.countdown() == "06:00"
    clock.advance(6 * MINUTE + 61 * SECOND + 400)
    assert timer.countdown() == "+01:01"
    assert format_countdown(-(62 * MINUTE)) == "+1:02:00"
    with pytest.raises(ValidationError, match="at least one minute"):
        timer.shorten(10 * MINUTE)


def test_rebalance_shrinks_the_rest_so_the_meeting_ends_on_time() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(5 * MINUTE)
    timer.next()
    clock.advance(17 * MINUTE + 333)  # timeline review ran 7 min over
    timer.next()
    assert timer.over_budget_ms() == 7 * MINUTE + 333
    assert timer.rebalance() == 0
    later = [step.planned_ms for step in timer.steps[3:]]
    assert sum(later) == 25 * MINUTE - (7 * MINUTE + 333)
    assert later[0] > later[1]  # proportional: 15 vs 10
    # Now follow the new plan to the ms: the meeting ends exactly at the budget.
    for _ in range(3):
        clock.advance(timer.step.planned_ms)
        timer.next()
    assert timer.finished
    assert timer.meeting_elapsed_ms() == HOUR


def test_rebalance_keeps_a_minimum_per_step_and_says_how_late_it_ends() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(58 * MINUTE)  # the introduction took nearly the whole hour
    over = timer.rebalance(min_step_ms=MINUTE)
    assert [step.planned_ms for step in timer.steps[1:]] == [MINUTE] * 4
    assert over == 2 * MINUTE


def test_rebalance_with_a_floor_pins_small_steps_and_scales_the_others() -> None:
    clock = FakeClock(T0)
    timer = MeetingTimer.create(clock, [("a", 10 * MINUTE), ("b", 2 * MINUTE), ("c", 48 * MINUTE)])
    timer.start()
    clock.advance(30 * MINUTE)
    assert timer.rebalance(min_step_ms=2 * MINUTE) == 0
    assert timer.steps[1].planned_ms == 2 * MINUTE
    assert timer.steps[2].planned_ms == 28 * MINUTE


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([], "no steps"),
        ([("Intro", 0)], "at least one minute"),
        ([("Intro", -5 * MINUTE)], "at least one minute"),
        ([("Marathon", 300 * MINUTE)], "at most 240 min"),
        ([(f"s{i}", 4 * HOUR) for i in range(7)], "24 hours"),
    ],
)
def test_bad_agendas_are_refused(steps: list[tuple[str, int]], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        MeetingTimer.create(FakeClock(T0), steps)


def test_an_extension_past_24_hours_is_refused() -> None:
    clock = FakeClock(T0)
    timer = MeetingTimer.create(clock, [(f"s{i}", 4 * HOUR) for i in range(6)])
    timer.start()
    with pytest.raises(ValidationError, match="longer than 24 hours"):
        timer.extend(MINUTE)
    assert timer.planned_total_ms() == 24 * HOUR
    with pytest.raises(ValidationError, match="positive"):
        timer.extend(0)


def test_wrong_order_of_operations_is_explained() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    with pytest.raises(ValidationError, match="not started"):
        timer.resume()
    with pytest.raises(ValidationError, match="not running"):
        timer.pause()
    timer.start()
    with pytest.raises(ValidationError, match="already under way"):
        timer.start()
    with pytest.raises(ValidationError, match="first step"):
        timer.previous()
    timer.finish()
    with pytest.raises(ValidationError, match="has ended"):
        timer.next()


def test_a_system_time_change_does_not_move_the_countdown() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(MINUTE)
    clock.wall_offset_ms = -3 * HOUR  # someone sets the system clock back
    clock.advance(MINUTE)
    assert timer.countdown() == "03:00"
    timer.next()
    # Recorded times follow the meeting's own clock, not the changed system time.
    assert timer.steps[0].ended_at == at(2 * MINUTE)


def test_suspend_counts_as_time_in_the_room() -> None:
    """The real clock counts suspend; the fake clock advancing models a 2 h sleep."""
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(2 * HOUR)
    assert timer.phase() == Phase.OVERRUN
    assert timer.countdown() == "+1:55:00"
    # Later steps shrink to their minimum (4 × 1 min): the meeting ends 64 min late.
    assert timer.rebalance() == 2 * HOUR + 4 * MINUTE - HOUR


def test_restart_during_a_running_step_keeps_it_running() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(7 * MINUTE + 123)
    timer.next()
    clock.advance(MINUTE + 7)
    state = timer.to_dict()
    clock.advance(90 * SECOND)  # the app was closed for 90 s
    again = MeetingTimer.from_dict(state, clock)
    assert again.current == 1 and again.running
    assert again.step_elapsed_ms() == MINUTE + 7 + 90 * SECOND
    assert again.steps[0].spent_ms == 7 * MINUTE + 123


def test_restart_after_a_reboot_uses_the_wall_clock() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(2 * MINUTE)
    state = timer.to_dict()
    rebooted = FakeClock(T0 + timedelta(minutes=5), boot="another-boot")
    again = MeetingTimer.from_dict(state, rebooted)
    assert again.step_elapsed_ms() == 5 * MINUTE
    rebooted.advance(10 * SECOND)
    assert again.step_elapsed_ms() == 5 * MINUTE + 10 * SECOND
    # A wall clock that went backwards while closed counts as no time, and says so.
    backwards = FakeClock(T0 - timedelta(hours=1), boot="third-boot")
    third = MeetingTimer.from_dict(state, backwards)
    assert third.step_elapsed_ms() == 0
    assert "moved back" in third.clock_note


def test_restart_in_a_paused_step_stays_paused() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(3 * MINUTE + 1)
    timer.pause()
    state = timer.to_dict()
    clock.advance(HOUR)
    again = MeetingTimer.from_dict(state, FakeClock(T0 + timedelta(hours=3), boot="x"))
    assert again.phase() == Phase.PAUSED
    assert again.step_elapsed_ms() == 3 * MINUTE + 1
    assert again.countdown() == "02:00"


def test_a_damaged_state_is_reported() -> None:
    with pytest.raises(FormatError, match="version"):
        MeetingTimer.from_dict({"version": 99}, FakeClock(T0))
    with pytest.raises(FormatError, match="damaged"):
        MeetingTimer.from_dict({"version": 1, "steps": [{"title": "x"}]}, FakeClock(T0))


def test_an_end_by_mistake_is_taken_back_within_ten_minutes() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(2 * MINUTE)
    timer.finish()  # at step 1 of 5
    assert timer.finished and timer.reopen_left_ms() == 10 * MINUTE
    clock.advance(9 * MINUTE)
    assert timer.reopen_left_ms() == MINUTE
    timer.reopen()
    assert not timer.finished and not timer.running and timer.current == 0
    assert timer.meeting_ended_at is None and timer.step.ended_at is None
    assert timer.step_elapsed_ms() == 2 * MINUTE  # the time while ended is not counted
    timer.resume()
    clock.advance(MINUTE)
    assert timer.countdown() == "02:00"
    with pytest.raises(ValidationError, match="has not ended"):
        timer.reopen()
    timer.finish()
    clock.advance(10 * MINUTE + 1)
    assert timer.reopen_left_ms() == 0
    with pytest.raises(ValidationError, match="more than 10 minutes ago"):
        timer.reopen()


def test_a_reopened_meeting_survives_a_restart() -> None:
    clock = FakeClock(T0)
    timer = one_hour(clock)
    timer.start()
    clock.advance(MINUTE)
    timer.finish()
    restored = MeetingTimer.from_dict(timer.to_dict(), clock)
    clock.advance(MINUTE)
    assert restored.reopen_left_ms() == 9 * MINUTE
    restored.reopen()
    again = MeetingTimer.from_dict(restored.to_dict(), clock)
    assert not again.finished and again.step_elapsed_ms() == MINUTE
