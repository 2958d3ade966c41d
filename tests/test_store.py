"""The SQLite store: bad files are refused with advice and left exactly as they were."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from sqlite_utils import Database

from app.demo import add_demo, demo_document
from app.errors import ConflictError, NotFoundError, StoreError, ValidationError
from app.jsonio import document_to_json
from app.model import Postmortem
from app.store import Store, migrations
from app.vocabulary import Status
from tests.foundation_helpers import (
    ONE_MB,
    assert_one_line_error,
    database_files,
    dump,
    hostile_document,
    run_cli,
    without_file_paths,
)
from tests.foundation_strategies import documents


def _filled_database(path: Path, count: int = 6) -> Path:
    """A real database with several documents, checkpointed so the file holds everything."""
    with Store(path) as store:
        add_demo(store)
        for index in range(count):
            doc = hostile_document(big_field=index == 0)
            doc.id = f"hostile-{index}"
            store.save(doc)
    assert database_files(path)["-wal"] is None
    return path


def _refused(path: Path, *fragments: str) -> str:
    before = database_files(path)
    with pytest.raises(StoreError) as caught:
        Store(path)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment.lower() in without_file_paths(message).lower(), message
    assert database_files(path) == before, "a refused file must not be touched"
    return message


# -- where the file lives ------------------------------------------------------------------


def test_a_missing_folder_is_refused_and_not_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "deeper" / "db.sqlite3"
    with pytest.raises(StoreError, match="does not exist: create it"):
        Store(target)
    assert not (tmp_path / "missing").exists()


def test_a_path_under_a_file_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="does not exist"):
        Store(plain / "db.sqlite3")
    assert plain.read_text(encoding="utf-8") == "keep me"


def test_a_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def test_uri_characters_in_the_file_name_are_taken_literally(tmp_path: Path) -> None:
    odd = tmp_path / "incidents?mode=ro#%20 été.sqlite3"
    with Store(odd) as store:
        doc = add_demo(store)
    assert odd.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [odd.name]
    with Store(odd) as store:
        assert store.load(doc.id).title == doc.title


def test_a_store_opened_read_only_refuses_writes_and_changes_nothing(db_path: Path) -> None:
    _filled_database(db_path, count=1)
    before = dump(db_path)
    with Store(db_path, read_only=True) as store:
        assert len(store.summaries()) == 2
        with pytest.raises(StoreError, match="read-only"):
            store.save(Postmortem(title="new"))
        with pytest.raises(StoreError, match="read-only"):
            store.delete(store.summaries()[0].id)
    assert dump(db_path) == before


def test_read_only_store_on_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "absent.sqlite3", read_only=True)
    assert not (tmp_path / "absent.sqlite3").exists()


# -- what the file holds -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"hello, this is a text file\n",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b'{"format_version": 1}',
        bytes(range(256)) * 20,
    ],
    ids=["text", "png", "json", "binary"],
)
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    _refused(db_path, "not a Postmortem Studio database", "nothing was changed")


def test_a_file_cut_inside_the_sqlite_header_is_truncated(db_path: Path) -> None:
    db_path.write_bytes(b"SQLite for")
    _refused(db_path, "truncated")


def test_another_programs_sqlite_database_is_not_taken_over(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('tarte tatin')")
    conn.close()
    _refused(db_path, "another program", "nothing was changed")


@pytest.mark.parametrize("fraction", [0.5, 0.8])
def test_a_truncated_database_is_refused_and_untouched(db_path: Path, fraction: float) -> None:
    _filled_database(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: int(len(data) * fraction)])
    _refused(db_path, "damaged", "backup")


def test_a_database_cut_before_its_first_page_ends_is_refused(db_path: Path) -> None:
    _filled_database(db_path, count=1)
    db_path.write_bytes(db_path.read_bytes()[:60])
    _refused(db_path)


def _page_of(path: Path, table: str) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        number = root.fetchone()[0]
    conn.close()
    return (number - 1) * page_size, page_size


@pytest.mark.parametrize("table", ["postmortems", "revisions", "actions"])
def test_corrupt_page_bytes_are_detected(db_path: Path, table: str) -> None:
    _filled_database(db_path)
    offset, page_size = _page_of(db_path, table)
    data = bytearray(db_path.read_bytes())
    data[offset : offset + page_size // 2] = b"\xa5" * (page_size // 2)
    db_path.write_bytes(bytes(data))
    _refused(db_path, "damaged")


def test_a_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    _filled_database(db_path, count=1)
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            (migrations.name, "0999_from_the_future", "2030-01-01 00:00:00+00:00"),
        )
    conn.close()
    before = dump_raw(db_path)
    message = _refused(db_path, "newer version", "update the app", "nothing was changed")
    assert "0999_from_the_future" in message
    with pytest.raises(StoreError, match="newer version"):
        Store(db_path, read_only=True)
    assert dump_raw(db_path) == before


def dump_raw(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row, read with plain sqlite3 (for files our Store refuses to open)."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)  # leaves no -wal/-shm
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'postmortem_search%' ORDER BY name"
            )
        ]
        return {name: list(conn.execute(f'SELECT * FROM "{name}"')) for name in tables}
    finally:
        conn.close()


# -- migrations ----------------------------------------------------------------------------


@pytest.fixture
def temporary_migrations() -> Iterator[list[str]]:
    """Names of schema steps a test registers on ``migrations``; removed again afterwards."""
    names: list[str] = []
    try:
        yield names
    finally:
        migrations._migrations[:] = [m for m in migrations._migrations if m.name not in names]


def test_a_migration_is_preceded_by_a_backup_copy(
    db_path: Path, temporary_migrations: list[str]
) -> None:
    _filled_database(db_path, count=1)
    before = dump(db_path)
    runs: list[str] = []

    @migrations(name="0002_test_reading_list")
    def _reading_list(db: Database) -> None:
        runs.append("ran")
        db.execute("CREATE TABLE reading_list (title TEXT NOT NULL)")

    temporary_migrations.append("0002_test_reading_list")

    with Store(db_path) as store:
        assert "reading_list" in store.db.table_names()
        after = store.dump()
    backup = db_path.with_name(f"{db_path.name}.before-0002_test_reading_list.bak")
    with Store(backup, read_only=True) as old:
        assert "reading_list" not in old.db.table_names()
        assert old.dump() == before
    unchanged = {k: v for k, v in after.items() if k not in ("reading_list", "_sqlite_migrations")}
    assert unchanged == {k: v for k, v in before.items() if k != "_sqlite_migrations"}
    with Store(db_path):
        pass
    assert runs == ["ran"], "a migration runs once"


def test_a_new_database_needs_no_backup(db_path: Path) -> None:
    with Store(db_path):
        pass
    assert [p.name for p in db_path.parent.iterdir() if p.suffix == ".bak"] == []


def test_a_failing_migration_leaves_the_data_and_a_backup(
    db_path: Path, temporary_migrations: list[str]
) -> None:
    _filled_database(db_path, count=1)
    before = dump(db_path)

    @migrations(name="0002_test_broken")
    def _broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk gremlins")

    temporary_migrations.append("0002_test_broken")
    with pytest.raises(StoreError) as caught:
        Store(db_path)
    message = str(caught.value)
    assert "disk gremlins" in message and "was undone" in message and ".bak" in message
    temporary_migrations.clear()
    migrations._migrations[:] = [m for m in migrations._migrations if m.name != "0002_test_broken"]
    assert dump(db_path) == before


# -- writing -------------------------------------------------------------------------------


def test_the_database_is_wal_with_foreign_keys(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_unknown_id_is_refused_and_changes_nothing(store: Store, demo: Postmortem) -> None:
    before = store.dump()
    for call in (store.load, store.seq, store.delete):
        with pytest.raises(NotFoundError, match="no-such-id"):
            call("no-such-id")
    with pytest.raises(NotFoundError):
        store.revision_document(9999)
    assert store.dump() == before
    assert not store.exists("no-such-id")


def test_hostile_text_survives_the_database_byte_for_byte(store: Store) -> None:
    doc = hostile_document()
    store.save(doc)
    loaded = store.load(doc.id)
    assert document_to_json(loaded) == document_to_json(doc)
    assert loaded.summary == ONE_MB
    assert [s.title for s in store.summaries()] == [doc.title]


def test_a_document_that_cannot_be_stored_changes_nothing(store: Store, demo: Postmortem) -> None:
    before = store.dump()
    broken = demo_document()
    broken.id = demo.id
    broken.summary = "texte \ud800 cassé"
    with pytest.raises(ValidationError, match="invalid character"):
        store.save(broken, expected_seq=store.seq(demo.id))
    assert store.dump() == before
    assert store.load(demo.id).summary == demo.summary


def test_a_failure_inside_the_transaction_rolls_everything_back(
    store: Store, demo: Postmortem, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.dump()
    changed = demo_document()
    changed.id = demo.id
    changed.title = "nouveau titre"
    changed.status = Status.APPROVED

    def explode(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "_index", explode)
    with pytest.raises(StoreError, match=r"disk .* is full"):
        store.save(changed, expected_seq=store.seq(demo.id))
    assert store.dump() == before


def test_status_changes_record_revisions(store: Store, demo: Postmortem) -> None:
    assert [r.reason for r in store.revisions(demo.id)] == ["created"]
    demo.title = "edited"
    seq = store.save(demo, expected_seq=store.seq(demo.id))
    assert len(store.revisions(demo.id)) == 1
    demo.status = Status.APPROVED
    store.save(demo, expected_seq=seq)
    revisions = store.revisions(demo.id)
    assert revisions[-1].reason == "status: in_review → approved"
    assert store.revision_document(revisions[-1].id).title == "edited"
    store.snapshot(demo.id, "before the meeting")
    assert store.revisions(demo.id)[-1].reason == "snapshot: before the meeting"


def test_soft_delete_hides_then_restores(store: Store, demo: Postmortem) -> None:
    store.delete(demo.id)
    assert store.summaries() == [] and not store.exists(demo.id)
    with pytest.raises(NotFoundError):
        store.load(demo.id)
    assert [s.id for s in store.deleted()] == [demo.id]
    store.undelete(demo.id)
    assert store.load(demo.id).title == demo.title


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_the_database(doc: Postmortem) -> None:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "db.sqlite3") as store:
        store.save(doc)
        assert document_to_json(store.load(doc.id)) == document_to_json(doc)
        assert [s.id for s in store.summaries()] == [doc.id]


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (b'"summary": "', b'"summary": !', "is damaged in the database"),
        (b"Panne du payment", b"Panne du \xff\xfeyment", "not valid UTF-8"),
    ],
    ids=["broken-json", "broken-utf8"],
)
def test_a_corrupted_record_is_reported_not_crashed_on(
    db_path: Path, old: bytes, new: bytes, fragment: str
) -> None:
    """Bytes changed inside a row keep the page structure valid, so quick_check cannot see it."""
    with Store(db_path) as store:
        doc = add_demo(store)
    data = db_path.read_bytes()
    assert old in data
    db_path.write_bytes(data.replace(old, new))
    before = db_path.read_bytes()
    with Store(db_path) as store, pytest.raises(StoreError) as caught:
        store.load(doc.id)
    message = str(caught.value).replace(str(db_path), "DB")
    assert fragment in message and "restore a backup" in message
    assert len(message) < 300

    result = run_cli("--db", db_path, "show", doc.id)
    assert_one_line_error(result, fragment)
    assert result.code == 1
    assert db_path.read_bytes() == before


def test_search_and_action_mirror_follow_every_save_even_from_two_connections(
    db_path: Path,
) -> None:
    from app.demo import demo_document

    doc = demo_document()
    with Store(db_path) as first, Store(db_path) as second:
        first.save(doc)
        doc.summary = "Les clés de chiffrement ont expiré"
        first.save(doc, expected_seq=1)  # only the text changed: action rows are left as they are
        assert [s.id for s in first.summaries("cles chiffrement")] == [doc.id]
        assert first.summaries("balancer") == []  # a word of the old summary only

        other = second.load(doc.id)
        other.actions[0].owner = "Équipe B"
        second.save(other, expected_seq=2)
        owners = [
            row[0]
            for row in second._conn.execute(
                "SELECT owner FROM actions WHERE postmortem_id = ? ORDER BY position", (doc.id,)
            )
        ]
        assert owners[0] == "Équipe B"

        doc.summary = "Les clés ont expiré"  # the first window saves its own document again
        with pytest.raises(ConflictError, match="changed elsewhere"):
            first.save(doc, expected_seq=2)  # never over the second window's save
        assert second.load(doc.id).actions[0].owner == "Équipe B"
        first.save(doc, expected_seq=3)  # told, it saves on top of the newer version
        owners = [
            row[0]
            for row in first._conn.execute(
                "SELECT owner FROM actions WHERE postmortem_id = ? ORDER BY position", (doc.id,)
            )
        ]
        assert owners[0] == doc.actions[0].owner == "Team Payments"
        assert [s.id for s in second.summaries("cles expire")] == [doc.id]
        assert second.summaries("chiffrement") == []


def test_a_file_whose_pages_still_sit_in_the_wal_is_not_called_damaged(
    tmp_path: Path,
) -> None:
    """Copied while a writer had not checkpointed (as after a full disk): the main file is
    shorter than its header says, the pages are in the WAL, and nothing is damaged."""
    source = tmp_path / "live.sqlite3"
    with Store(source) as store:
        add_demo(store)
        writer = sqlite3.connect(source)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        for _ in range(3):
            add_demo(store)
        copy = tmp_path / "copy.sqlite3"
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
        writer.close()
    # a checkpoint stopped by the full disk: page 1 already counts pages the file lacks
    data = bytearray(copy.read_bytes())
    pages = copy.stat().st_size // int.from_bytes(data[16:18], "big")
    data[28:32] = (pages + 8).to_bytes(4, "big")
    copy.write_bytes(bytes(data))
    with Store(copy) as reopened:
        assert len(reopened.summaries()) == 4
    (tmp_path / "copy.sqlite3-wal").unlink(missing_ok=True)
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(source.read_bytes()[: 4096 * 2])  # really cut short, no WAL
    with pytest.raises(StoreError, match="damaged"):
        Store(cut)
