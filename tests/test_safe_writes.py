"""Output files are written safely: no symlink is followed, special files are refused, a full
disk reports nothing as written, and what is reported as written is on disk (fsynced).

The full-disk cases use a real 1 MiB tmpfs when the tests run as root and may mount one;
``test_an_injected_full_disk_*`` always runs and injects ENOSPC through a patched ``os.write``.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import fileio
from app.errors import FormatError, PostmortemError
from app.fileio import write_file
from app.model import Annex, Postmortem
from app.store import Store
from tests.foundation_helpers import PROJECT, assert_one_line_error, run_cli

VICTIM_TEXT = "precious notes that no export may overwrite\n"


def _demo(db_path: Path) -> str:
    result = run_cli("--db", db_path, "demo")
    assert result.code == 0, result
    return result.out.strip()


def _export(db_path: Path, doc_id: str, out: Path, fmt: str = "json") -> tuple[int, str, str]:
    result = run_cli("--db", db_path, "export", doc_id, "--format", fmt, "-o", out)
    return result.code, result.out, result.err


def _cli_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, with a timeout: a regression that blocks fails, not hangs."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
        check=False,
    )


def _victim(folder: Path) -> Path:
    """Someone else's file that a planted symlink points to."""
    victim = folder / "victim.txt"
    victim.write_text(VICTIM_TEXT, encoding="utf-8")
    return victim


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


# -- symlinks -------------------------------------------------------------------------------


def test_a_symlink_planted_at_the_old_fixed_temporary_name_is_not_followed(
    db_path: Path, tmp_path: Path
) -> None:
    doc_id = _demo(db_path)
    victim = _victim(tmp_path)
    out = tmp_path / "out.json"
    (tmp_path / ".out.json.tmp").symlink_to(victim)
    code, _, err = _export(db_path, doc_id, out)
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == doc_id


def test_a_symlink_at_the_random_temporary_name_is_skipped_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even an attacker who guesses the random name only makes the writer pick another one."""
    victim = _victim(tmp_path)
    names = iter(["guessed", "fresh"])
    monkeypatch.setattr(fileio.secrets, "token_hex", lambda _n: next(names))
    (tmp_path / ".out.json.guessed.tmp").symlink_to(victim)
    write_file(tmp_path / "out.json", b"{}\n")
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert (tmp_path / "out.json").read_bytes() == b"{}\n"
    assert (tmp_path / ".out.json.guessed.tmp").is_symlink()  # someone else's file: left alone
    assert not (tmp_path / ".out.json.fresh.tmp").exists()


def test_every_guessed_temporary_name_taken_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio.secrets, "token_hex", lambda _n: "same")
    (tmp_path / ".out.json.same.tmp").symlink_to(tmp_path / "victim.txt")
    with pytest.raises(PostmortemError, match="no free temporary name"):
        write_file(tmp_path / "out.json", b"{}")
    assert not (tmp_path / "victim.txt").exists()
    assert not (tmp_path / "out.json").exists()


def test_a_symlink_at_the_target_is_replaced_and_its_destination_kept(
    db_path: Path, tmp_path: Path
) -> None:
    doc_id = _demo(db_path)
    victim = _victim(tmp_path)
    out = tmp_path / "out.md"
    out.symlink_to(victim)
    code, _, err = _export(db_path, doc_id, out, "md")
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert not out.is_symlink()
    assert out.read_text(encoding="utf-8").startswith("# ")


# -- targets that are not files ---------------------------------------------------------------


def _device_node(tmp_path: Path) -> Path:
    """A character device like /dev/null, made in the test folder (never the real one)."""
    node = tmp_path / "null.json"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot create a device node here ({error})")
    return node


@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
@pytest.mark.parametrize("fmt", ["json", "md", "svg", "pdf"])
def test_an_output_that_is_not_a_file_is_refused_in_one_line(
    db_path: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    doc_id = _demo(db_path)
    target = tmp_path / f"target.{fmt}"
    if kind == "device":
        target = _device_node(tmp_path).rename(target)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    before = os.lstat(target)
    result = run_cli("--db", db_path, "export", doc_id, "--format", fmt, "-o", target)
    expected = {"device": "is a device, not a file", "fifo": "is a named pipe (FIFO)"}
    assert_one_line_error(result, expected.get(kind, "is a folder; give a file name"))
    assert result.code == 2
    after = os.lstat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert _leftovers(tmp_path) == []
    assert "wrote" not in result.err


def test_write_file_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(FormatError, match=r"named pipe \(FIFO\), not a file"):
        write_file(fifo, b"a,b\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# -- durability and ordering ------------------------------------------------------------------


def test_the_file_and_its_folder_are_synced_before_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append(
            "fsync folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "fsync file"
        )
        real_fsync(descriptor)

    def replace(source: str | Path, target: str | Path) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_file(tmp_path / "report.pdf", b"%PDF-1.4\n")
    assert events == ["fsync file", "rename", "fsync folder"]


def test_a_file_written_over_keeps_its_permissions(tmp_path: Path) -> None:
    private = tmp_path / "private.json"
    private.write_text("{}", encoding="utf-8")
    private.chmod(0o600)
    write_file(private, b'{"new": true}')
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert private.read_bytes() == b'{"new": true}'


def test_a_failed_rename_reports_nothing_as_written(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = _demo(db_path)
    out = tmp_path / "out.json"
    out.write_text("{}", encoding="utf-8")

    def refuse(_source: str | Path, _target: str | Path) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "replace", refuse)
    result = run_cli("--db", db_path, "export", doc_id, "--format", "json", "-o", out)
    assert_one_line_error(result, "resource busy", "nothing was written")
    assert result.code == 1
    assert out.read_text(encoding="utf-8") == "{}"
    assert _leftovers(tmp_path) == []


def _big_document() -> Postmortem:
    """About 1.6 MB of JSON: more than the small disk can hold."""
    doc = Postmortem(title="Full disk")
    doc.annexes = [Annex(title="log", content="line of a big log file\n" * 70_000)]
    return doc


def test_an_injected_full_disk_keeps_the_old_file_and_leaves_no_temporary(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC injected through a patched ``os.write`` (runs everywhere, root or not)."""
    real_write = os.write
    written = [0]

    def write(descriptor: int, data: bytes | memoryview) -> int:
        if written[0] > 64 * 1024:
            raise OSError(errno.ENOSPC, "No space left on device")
        count = real_write(descriptor, data[: 16 * 1024])
        written[0] += count
        return count

    monkeypatch.setattr(os, "write", write)
    _export_to_a_full_disk(db_path, tmp_path)


def _export_to_a_full_disk(db_path: Path, folder: Path) -> None:
    """Export a big document over an earlier export in ``folder``, on a disk that is full."""
    with Store(db_path) as store:
        doc = _big_document()
        store.save(doc, "test")
    out = folder / "out.json"
    out.write_text("old export", encoding="utf-8")
    result = run_cli("--db", db_path, "export", doc.id, "--format", "json", "-o", out)
    assert_one_line_error(result, "the disk is full", "nothing was written")
    assert result.code == 1
    assert "wrote" not in result.err
    assert out.read_text(encoding="utf-8") == "old export"
    assert _leftovers(folder) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB tmpfs (needs root and the right to mount); skipped otherwise."""
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def _fill(folder: Path) -> None:
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 1024)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(descriptor)


def test_an_export_to_a_really_full_disk_reports_nothing_as_written(
    db_path: Path, small_disk: Path
) -> None:
    _export_to_a_full_disk(db_path, small_disk)


@pytest.mark.parametrize("suffix", [".json", ".md"])
def test_an_import_on_a_full_disk_never_says_imported(
    small_disk: Path, tmp_path: Path, suffix: str
) -> None:
    """Nothing that sounds like success ("imported as X", "Imported x.md: …", the id) is printed
    before the commit."""
    db = small_disk / "db.sqlite3"
    doc_id = _demo(db)
    exported = tmp_path / f"again{suffix}"
    fmt = "json" if suffix == ".json" else "md"
    assert run_cli("--db", db, "export", doc_id, "--format", fmt, "-o", exported).code == 0
    import sqlite3

    # another reader keeps the WAL files in place, as the open app would; then the disk fills
    reader = sqlite3.connect(db)
    try:
        reader.execute("SELECT count(*) FROM sqlite_master").fetchall()
        _fill(small_disk)
        done = _cli_process("--db", db, "import", exported)
    finally:
        reader.close()
    assert done.returncode == 1, done
    assert "imported" not in done.stderr.lower()
    assert done.stdout == ""
    assert "full" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    os.unlink(small_disk / "filler")
    with Store(db) as store:
        assert [summary.id for summary in store.summaries()] == [doc_id]


# -- files to import that are not files ------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize("suffix", [".json", ".md"])
def test_importing_a_fifo_or_a_device_is_refused_at_once(
    db_path: Path, tmp_path: Path, kind: str, suffix: str
) -> None:
    """Reading a FIFO would wait for a writer forever, a device like /dev/zero never ends."""
    source = tmp_path / f"source{suffix}"
    if kind == "fifo":
        os.mkfifo(source)
    else:
        try:
            os.mknod(source, stat.S_IFCHR | 0o444, os.makedev(1, 5))  # like /dev/zero
        except OSError as error:
            pytest.skip(f"cannot create a device node here ({error})")
    done = _cli_process("--db", db_path, "import", source)
    expected = "is a named pipe (FIFO), not a file" if kind == "fifo" else "is a device, not a file"
    assert done.returncode == 2, done
    assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_the_window_refuses_a_fifo_to_import_without_freezing(qtbot: Any, store: Store) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    fifo = store.path.with_name("postmortem.json")
    os.mkfifo(fifo)
    import signal

    def give_up(_signum: int, _frame: Any) -> None:
        raise TimeoutError("the import blocked on the pipe")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(20)  # a regression fails this test instead of hanging the suite
    try:
        window.import_file(fifo)  # reading would block the window until someone writes
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert "is a named pipe (FIFO), not a file" in window.last_error


def test_the_backup_before_a_migration_is_not_written_through_a_symlink(
    db_path: Path, tmp_path: Path
) -> None:
    from sqlite_utils import Database

    from app.store import migrations

    with Store(db_path) as store:
        store.save(Postmortem(title="Before the upgrade"), "test")
    victim = _victim(tmp_path)
    backup = db_path.with_name(f"{db_path.name}.before-0099_test_symlinked_backup.bak")
    backup.symlink_to(victim)

    @migrations(name="0099_test_symlinked_backup")
    def _step(db: Database) -> None:
        db.execute("CREATE TABLE later (x TEXT)")

    try:
        with Store(db_path) as store:
            assert "later" in store.db.table_names()
    finally:
        migrations._migrations[:] = [
            m for m in migrations._migrations if m.name != "0099_test_symlinked_backup"
        ]
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert not backup.is_symlink()
    with Store(backup, read_only=True) as old:
        assert "later" not in old.db.table_names()
        assert [summary.title for summary in old.summaries()] == ["Before the upgrade"]
    assert _leftovers(tmp_path) == []
