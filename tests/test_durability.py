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
from app.jsonio import document_to_json
from app.session import DocumentSession, FieldChange
from app.store import Store
from app.vocabulary import Status
from tests.foundation_helpers import PROJECT, PYTHON

ROUNDS = (25, 7, 40)  # acknowledged edits to wait for before each SIGKILL


def _kill_after(db: Path, postmortem_id: str, start: int, acks: int) -> int:
    """Start the edit loop, let it acknowledge ``acks`` edits, SIGKILL it; return the last ack."""
    acknowledged = _acks_then_kill(
        ["tests.foundation_edit_loop", str(db), postmortem_id, str(start)], acks
    )
    return int(acknowledged[-1]) if acknowledged else start - 1


def _acks_then_kill(module_and_args: list[str], acks: int) -> list[str]:
    """Run a loop process until it printed ``acks`` lines "ack X", SIGKILL it mid-loop;
    return every X it acknowledged."""
    child = subprocess.Popen(
        [str(PYTHON), "-m", *module_and_args],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    acknowledged: list[str] = []
    try:
        for line in child.stdout:
            assert line.startswith("ack "), line
            acknowledged.append(line.split()[1])
            if len(acknowledged) >= acks:
                os.kill(child.pid, signal.SIGKILL)  # mid-loop: the next write is under way
                break
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        assert child.stderr is not None
        errors = child.stderr.read()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    return acknowledged


def _intact(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        conn.close()


def test_thirty_kills_during_edits_and_thirty_during_imports_lose_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    with Store(db_path) as store:
        doc = add_demo(store)
        source = tmp_path / "demo.json"
        source.write_text(document_to_json(doc), encoding="utf-8")
    start = 0
    for kill in range(30):
        last = _kill_after(db_path, doc.id, start, 1 + kill % 3)
        assert _intact(db_path)
        with Store(db_path) as store:
            items = [int(item.split()[1]) for item in store.load(doc.id).parking_lot]
        assert set(range(last + 1)) <= set(items), f"kill {kill}: an acknowledged edit is lost"
        start = len(items)
    imported: list[str] = []
    for kill in range(30):
        imported += _acks_then_kill(["tests.import_loop", str(db_path), str(source)], 1 + kill % 2)
        assert _intact(db_path)
    with Store(db_path) as store:
        assert all(store.exists(postmortem_id) for postmortem_id in imported)
        assert len(store.summaries()) >= len(imported) + 1


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
