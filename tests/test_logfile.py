"""The error log never quotes report text: tracebacks keep frames and types, not messages."""

from __future__ import annotations

import logging
import stat

from app.logfile import setup_logging


def test_a_logged_error_names_where_it_happened_but_not_what_the_report_said() -> None:
    secret = "Le mot de passe de la base était hunter2"
    path = setup_logging()
    assert path is not None
    try:
        raise ValueError(f"cannot parse the root cause: {secret}")
    except ValueError:
        logging.getLogger("postmortem_studio.test").exception("unexpected error in import")
    text = path.read_text(encoding="utf-8")
    assert "unexpected error in import" in text and "builtins.ValueError" in text
    assert "test_logfile.py" in text and "message not logged" in text
    assert "hunter2" not in text and "root cause" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
