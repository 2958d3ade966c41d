"""The real clock for the meeting timer.

The monotonic reading counts time while the machine is suspended (``CLOCK_BOOTTIME`` on
Linux): if the laptop sleeps for two hours during a step, the room did not, and the step
shows two hours more. Changing the system time does not move it. The boot id lets a restarted
app know whether a saved monotonic reading is still comparable.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")


def _boot_id() -> str:
    try:
        return BOOT_ID_FILE.read_text(encoding="ascii").strip()
    except OSError:
        return ""


class SystemClock:
    def __init__(self) -> None:
        self.boot = _boot_id()
        self._clock_id = getattr(time, "CLOCK_BOOTTIME", None)

    def monotonic_ms(self) -> int:
        if self._clock_id is not None:
            return time.clock_gettime_ns(self._clock_id) // 1_000_000
        return time.monotonic_ns() // 1_000_000

    def wall(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told: for tests and demonstrations."""

    def __init__(self, start: datetime, boot: str = "fake-boot") -> None:
        self.boot = boot
        self.mono = 0
        self.start = start
        self.wall_offset_ms = 0

    def advance(self, ms: int) -> None:
        self.mono += ms

    def monotonic_ms(self) -> int:
        return self.mono

    def wall(self) -> datetime:
        from datetime import timedelta

        return self.start + timedelta(milliseconds=self.mono + self.wall_offset_ms)
