"""The log file: where unexpected errors are recorded with their traceback.

One file in the data folder (``postmortem-studio.log``), readable by its owner only, rotated
at 1 MB (three old files kept). The command line and the app write to it through the
standard ``logging`` module; messages name files and errors, never report text, and a
traceback keeps its frames and exception type but not the exception's message.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from app.paths import data_dir

LOG_NAME = "postmortem-studio.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


class _ScrubbedFormatter(logging.Formatter):
    """Tracebacks name where an error happened (files, lines, functions, exception type) but
    never its message, which can quote report text (a title, a root cause, a file's line)."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached the full traceback
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        kind, _error, trace = ei
        frames = "".join(
            f'  File "{f.filename}", line {f.lineno}, in {f.name}\n'
            for f in traceback.extract_tb(trace)
        )
        name = f"{kind.__module__}.{kind.__qualname__}" if kind is not None else "unknown"
        return f"Traceback (most recent call last):\n{frames}{name} (message not logged)"


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Every file it opens (the first one and each rotation) is private to its owner."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def log_path() -> Path:
    return data_dir() / LOG_NAME


def setup_logging() -> Path | None:
    """Send warnings and errors of the whole app to the log file (once per process).

    Returns the file's path, or None when it cannot be written (then nothing is logged).
    """
    root = logging.getLogger()
    path = log_path()
    for existing in list(root.handlers):
        if isinstance(existing, _PrivateRotatingFileHandler):
            if existing.baseFilename == str(path.absolute()):
                return path
            root.removeHandler(existing)  # the data folder changed (tests, --db elsewhere)
            existing.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(_ScrubbedFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
