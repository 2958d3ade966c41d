"""Killing the app in the middle of a write loses nothing that was acknowledged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from app.demo import add_demo
from app.errors import LockedError, StoreError
from app.session import DocumentSession, FieldChange
from app.store import Store
from app.vocabulary import Status
from tests.foundation_helpers import PROJECT, PYTHON

ROUNDS = (25, 7, 40)  # acknowledged edits to wait for before each SIGKILL


def _kill_after(db: Path, postmortem_id: str, start: int, acks: int) -> int:
    """Start the edit loop, let it acknowledge ``acks`` edits, SIGKILL it; return the last ack."""
    child = subprocess.Popen(
        [str(PYTHON), "-m", "tests.foundation_edit_loop", str(db), postmortem_id, str(start)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    last = start - 1
    try:
        for line in child.stdout:
            assert line.startswith("ack "), line
            last = int(line.split()[1])
            if last - start + 1 >= acks:
                os.kill(child.pid, signal.SIGKILL)  # mid-loop: the next edit is being written
                break
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        assert child.stderr is not None
        errors = child.stderr.read()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    return last


def test_sigkill_during_edits_keeps_every_acknowledged_change(db_path: Path) -> None:
    with Store(db_path) as store:
        doc = add_demo(store)
        doc.annexes[0].content += "\n" + "x" * 200_000  # a bigger write, a wider window to die in
        store.save(doc, expected_seq=store.seq(doc.id))

    start = 0
    for acks in ROUNDS:
        last = _kill_after(db_path, doc.id, start, acks)
        assert last == start + acks - 1
        assert db_path.with_name(db_path.name + "-wal").exists(), "killed with the file open"

        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        with Store(db_path) as store:
            saved = store.load(doc.id)
        items = [int(item.split()[1]) for item in saved.parking_lot]
        assert items == list(range(len(items))), "edits are kept in order, none missing"
        assert set(range(last + 1)) <= set(items), "every acknowledged edit is on disk"
        assert len(items) <= last + 2, "at most the edit in flight is extra"
        assert saved.title in (f"edit {last}", f"edit {last + 1}")
        assert saved.annexes[0].content.endswith("x" * 200_000)
        start = len(items)


def test_a_failed_save_is_not_announced_and_can_be_retried(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_path) as store:
        doc = add_demo(store)
        session = DocumentSession.open(store, doc.id)
        heard: list[str] = []
        session.subscribe(lambda _doc, description: heard.append(description))
        before = store.dump()

        real_index = Store._index

        def disk_full(*args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(Store, "_index", disk_full)
        with pytest.raises(StoreError, match="is full"):
            session.apply(FieldChange("rename", lambda d: d, "title", "Nouveau titre"))
        assert heard == [] and not session.saved
        assert store.dump() == before, "nothing half-written"

        monkeypatch.setattr(Store, "_index", real_index)
        assert session.retry_pending()
        assert heard == ["rename"] and session.saved
        assert store.load(doc.id).title == "Nouveau titre"


def test_an_approved_report_refuses_edits_without_touching_the_file(db_path: Path) -> None:
    with Store(db_path) as store:
        doc = add_demo(store)
        doc.status = Status.APPROVED
        store.save(doc, expected_seq=store.seq(doc.id))
        before = store.dump()
        session = DocumentSession.open(store, doc.id)
        with pytest.raises(LockedError, match="approved and locked"):
            session.apply(FieldChange("rename", lambda d: d, "title", "x"))
        assert store.dump() == before
        assert session.doc.title == doc.title
