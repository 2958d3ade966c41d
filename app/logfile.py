"""The log file of unexpected errors: owner-only (0600), rotated, and free of report text.

Only where the error happened is written (exception type, files, lines, functions): never the
exception message nor source lines' values, which could quote a report's content.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from app.paths import data_dir

LOG_NAME = "postmortem-studio.log"
MAX_BYTES = 512 * 1024
KEEP = 3


def log_path() -> Path:
    return data_dir() / LOG_NAME


def describe(error: BaseException) -> str:
    """Exception type and stack frames, without the message (it may quote report text)."""
    summary = traceback.extract_tb(error.__traceback__)
    frames = "".join(
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n' for frame in summary
    )
    kind = type(error)
    return f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__}\n"


def record(what: str, error: BaseException) -> Path:
    """Append one entry; ``OSError`` when the log cannot be written."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    _rotate(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8", errors="replace") as handle:
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        handle.write(f"{stamp} unexpected error in {what}\n{describe(error)}\n")
    return path


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for index in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{index + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))
