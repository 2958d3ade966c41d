"""The error log: owner-only, rotated, never quoting report text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import logfile


def _fail(text: str) -> BaseException:
    try:
        raise ValueError(f"cannot parse the root cause: {text}")
    except ValueError as error:
        return error


def test_log_is_owner_only_and_free_of_report_text(tmp_path: Path) -> None:
    secret = "Le mot de passe de la base était hunter2"
    path = logfile.record("import", _fail(secret))
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "test_logfile.py" in text and "_fail" in text
    assert secret not in text and "hunter2" not in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_looser_existing_log_is_tightened(tmp_path: Path) -> None:
    path = logfile.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o644)
    logfile.record("list", _fail("x"))
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_log_is_rotated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 300)
    for _ in range(20):
        path = logfile.record("list", _fail("x"))
    rotated = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    assert rotated == [path.name, f"{path.name}.1", f"{path.name}.2", f"{path.name}.3"]
    assert all(p.stat().st_size < 2000 for p in path.parent.iterdir() if p.name in rotated)
