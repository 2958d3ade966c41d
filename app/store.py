"""The SQLite file: the durable form of every postmortem.

One file, WAL journal, foreign keys on, schema managed by sqlite-utils ``Migrations`` with a
backup copy made before any migration. Every write is one transaction: a change the caller
was told about is on disk. Environment problems (missing folder, read-only file, not a
database, corrupt, written by a newer version, locked) become ``StoreError`` with advice.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app.errors import (
    ConflictError,
    FormatError,
    NotFoundError,
    PostmortemError,
    StoreError,
    ValidationError,
)
from app.jsonio import document_from_dict, document_to_dict
from app.model import Postmortem
from app.search_text import fts_query, searchable_text

SQLITE_HEADER = b"SQLite format 3\x00"

log = logging.getLogger(__name__)

migrations = Migrations("postmortem-studio")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE postmortems (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            severity TEXT NOT NULL,
            incident_date TEXT,
            services TEXT NOT NULL,
            tags TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            seq INTEGER NOT NULL DEFAULT 1,
            doc TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            postmortem_id TEXT NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            status TEXT NOT NULL,
            revision INTEGER NOT NULL,
            doc TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX revisions_by_postmortem ON revisions(postmortem_id, id)")
    db.execute(
        """
        CREATE TABLE actions (
            postmortem_id TEXT NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            action TEXT NOT NULL,
            owner TEXT NOT NULL,
            due TEXT,
            priority TEXT NOT NULL,
            status TEXT NOT NULL,
            kind TEXT NOT NULL,
            horizon TEXT NOT NULL,
            ticket TEXT NOT NULL,
            completed_on TEXT,
            PRIMARY KEY (postmortem_id, id)
        )
        """
    )
    db.execute(
        "CREATE VIRTUAL TABLE postmortem_search USING fts5("
        "postmortem_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE meetings (
            postmortem_id TEXT PRIMARY KEY REFERENCES postmortems(id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@dataclass(frozen=True)
class Summary:
    """One line of the postmortem list."""

    id: str
    title: str
    status: str
    severity: str
    incident_date: str | None
    services: list[str]
    tags: list[str]
    updated_at: str


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    created_at: str
    reason: str
    status: str
    revision: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _advice(
    error: sqlite3.Error, path: Path, intact: Callable[[], bool] | None = None
) -> PostmortemError:
    """The sentence for an SQLite error. "Damaged" is said only when SQLite's own integrity
    check fails (``intact``); a refused value is the document's fault, not the file's."""
    text = str(error).lower()
    detail = str(error) if len(str(error)) <= 200 else str(error)[:199] + "…"
    if isinstance(error, sqlite3.IntegrityError):
        return ValidationError(f"The database refused this content ({detail}); nothing was saved.")
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"The database {path} is read-only (the file or its folder): check the "
            "permissions or open a copy."
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The database {path} is busy: another program is writing to it; try again in a moment."
        )
    if "disk" in text and "full" in text:
        return StoreError(f"The disk holding {path} is full: free some space and try again.")
    if "unable to open" in text:
        return StoreError(f"The database {path} cannot be opened: check the folder exists.")
    if "could not decode" in text:
        return StoreError(
            f"The database {path} is damaged (some text is not valid UTF-8): restore a backup "
            "(files *.bak beside it) or open another file with --db."
        )
    damage_words = ("not a database", "malformed", "corrupt")
    if any(word in text for word in damage_words):
        if intact is None or not intact():
            return StoreError(
                f"The database {path} is damaged ({detail}): restore a backup (files *.bak "
                "beside it) or open another file with --db."
            )
        log.error("SQLite error on an intact database %s: %s", path, error, exc_info=error)
        return StoreError(
            f"Reading the database {path} failed ({detail}), but its integrity check passes: "
            "nothing is damaged; try again, and restart the app if it happens again."
        )
    log.error("Unexpected SQLite error on %s: %s", path, error, exc_info=error)
    return StoreError(f"The database {path} cannot be used: {detail}.")


def _conflict(postmortem_id: str, expected_seq: int | None, row: Any) -> ConflictError:
    if row is None:
        return ConflictError(f"The postmortem '{postmortem_id}' no longer exists in the database.")
    if expected_seq is None:
        return ConflictError(f"A postmortem with the id '{postmortem_id}' already exists.")
    if row[2] is not None:
        return ConflictError(
            f"The postmortem '{postmortem_id}' was deleted elsewhere; this edit was not saved."
        )
    return ConflictError(
        f"The postmortem '{postmortem_id}' was changed elsewhere (version {row[1]}, this copy "
        f"was loaded at version {expected_seq})."
    )


def _refuse_unstorable(text: str) -> None:
    """Text SQLite cannot hold (a lone surrogate) is refused before the transaction starts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            f"The document holds an invalid character ({text[error.start]!r}, a lone "
            "surrogate) and cannot be saved; remove it and try again."
        ) from None


#: given the stored document and its sequence number, what to write instead (see ``save``)
Rebase = Callable[[Postmortem, int], tuple[Postmortem, dict[str, Any]]]


class Store:
    """All reads and writes of the SQLite file."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        #: per postmortem: (seq, search text, action rows) this store last wrote
        self._indexed: dict[str, tuple[int, str | None, list[tuple[Any, ...]] | None]] = {}
        self._check_file()
        try:
            # Quoted so that '?', '#' or '%' in a file name cannot be read as URI syntax.
            uri = f"file:{quote(str(self.path))}?mode={'ro' if read_only else 'rwc'}"
            self._conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
            self.db = Database(self._conn)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._check_integrity()
            self._refuse_newer_schema()
            if not read_only:
                self._migrate()
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.enable_wal()
                self._conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as error:
            self._close_quietly()
            raise _advice(error, self.path) from None
        except BaseException:
            self._close_quietly()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _check_file(self) -> None:
        folder = self.path.parent
        if not folder.is_dir():
            raise StoreError(
                f"The folder {folder} does not exist: create it or choose another --db path."
            )
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file.")
        if self.path.exists():
            with self.path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
            if 0 < len(header) < len(SQLITE_HEADER) and SQLITE_HEADER.startswith(header):
                raise StoreError(f"The database {self.path} is truncated; nothing was changed.")
            if header and header != SQLITE_HEADER:
                raise StoreError(
                    f"{self.path} is not a Postmortem Studio database (not an SQLite file); "
                    "nothing was changed."
                )
        elif self.read_only:
            raise StoreError(f"The database {self.path} does not exist.")
        elif not os.access(folder, os.W_OK):
            raise StoreError(
                f"The folder {folder} is read-only: a new database cannot be created there."
            )

    def _check_integrity(self) -> None:
        result = self._conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise StoreError(
                f"The database {self.path} is damaged ({result}); restore a backup "
                "(files *.bak beside it). Nothing was changed."
            )

    def _refuse_newer_schema(self) -> None:
        """A schema step we do not know means a newer app wrote the file: never guess at it."""
        known = {m.name for m in migrations._migrations}
        unknown = {m.name for m in migrations.applied(self.db)} - known
        if unknown:
            raise StoreError(
                f"The database {self.path} was written by a newer version of Postmortem Studio "
                f"(schema {sorted(unknown)[-1]}); update the app to open it. Nothing was changed."
            )

    def _migrate(self) -> None:
        applied = {m.name for m in migrations.applied(self.db)}
        if not applied and self._has_foreign_tables():
            raise StoreError(
                f"{self.path} is an SQLite database of another program, not a Postmortem "
                "Studio database; choose another --db path. Nothing was changed."
            )
        pending = migrations.pending(self.db)
        if not pending:
            return
        backup = self._backup(f"before-{pending[0].name}") if applied else None
        try:
            migrations.apply(self.db)
        except Exception as error:  # noqa: BLE001 - any failure leaves the file as it was
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            kept = f" A copy made before the upgrade is at {backup}." if backup else ""
            raise StoreError(
                f"Upgrading the database {self.path} failed ({error}); the unfinished step "
                f"was undone.{kept}"
            ) from None

    def _has_foreign_tables(self) -> bool:
        """True for an SQLite file that already holds tables but none of our schema history."""
        row = self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE tbl_name NOT LIKE 'sqlite_%' "
            "AND tbl_name != ?",
            (migrations.migrations_table,),
        ).fetchone()
        return bool(row[0])

    def _backup(self, label: str) -> Path:
        from app.fileio import replacing

        target = self.path.with_name(f"{self.path.name}.{label}.bak")
        with replacing(target) as fresh:  # never through a symlink planted at the name
            backup = sqlite3.connect(fresh)
            try:
                self._conn.backup(backup)
            finally:
                backup.close()
        return target

    def _close_quietly(self) -> None:
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 - the connection may never have opened
            pass

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(f"The database {self.path} is open read-only.")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise _advice(error, self.path, self.intact) from None

    def _read(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        try:
            cursor = self._conn.execute(sql, params)
            return list(cursor.fetchall())
        except sqlite3.Error as error:
            raise _advice(error, self.path, self.intact) from None

    def intact(self) -> bool:
        """SQLite's full integrity check, on a connection of its own."""
        try:
            uri = f"file:{quote(str(self.path))}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as conn:
                return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False

    # -- postmortems -----------------------------------------------------------------------

    def save(
        self,
        doc: Postmortem,
        reason: str = "edit",
        *,
        expected_seq: int | None = None,
        data: dict[str, Any] | None = None,
        rebase: Rebase | None = None,
    ) -> int:
        """Write the whole document in one transaction; returns its new sequence number.

        Compare-and-swap: ``expected_seq`` is the sequence number the document was loaded at
        (None for a document that must not exist yet); when the stored one differs, another
        program saved in between: ``rebase`` (when given) is called, inside the same write
        transaction, with the stored document and its sequence number and returns what to
        write instead (the edit carried over, or it raises); without it ``ConflictError`` is
        raised. Either way nothing is written over a version the caller has not seen.
        ``data`` is the document already serialised by the caller (saves serialising twice).
        A revision snapshot is recorded when the status changes (and on first save).
        """
        data = document_to_dict(doc) if data is None else data
        text = json.dumps(data, ensure_ascii=False)
        _refuse_unstorable(text)
        self._refuse_gone_or_read_only()
        now = _now()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT status, seq, deleted_at FROM postmortems WHERE id = ?", (doc.id,)
            ).fetchone()
            stored_seq = None if row is None else int(row[1])
            if stored_seq != expected_seq:
                if rebase is None or expected_seq is None or row is None or row[2] is not None:
                    raise _conflict(doc.id, expected_seq, row)
                stored = conn.execute("SELECT doc FROM postmortems WHERE id = ?", (doc.id,))
                fresh = self._decode(stored.fetchone()[0], f"The postmortem '{doc.id}'")
                doc, data = rebase(fresh, int(row[1]))
                text = json.dumps(data, ensure_ascii=False)
                _refuse_unstorable(text)
            columns = (
                doc.title,
                doc.status.value,
                doc.severity,
                data["incident_date"],
                json.dumps([s.name for s in doc.services], ensure_ascii=False),
                json.dumps(doc.tags, ensure_ascii=False),
                now,
                text,
            )
            if row is None:
                conn.execute(
                    "INSERT INTO postmortems (title, status, severity, incident_date, services, "
                    "tags, updated_at, doc, id, created_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?,1)",
                    (*columns, doc.id, now),
                )
                seq = 1
                self._snapshot(conn, doc, text, now, "created")
            else:
                seq = int(row[1]) + 1
                conn.execute(
                    "UPDATE postmortems SET title=?, status=?, severity=?, incident_date=?, "
                    "services=?, tags=?, updated_at=?, doc=?, seq=? WHERE id=? AND seq=?",
                    (*columns, seq, doc.id, row[1]),
                )
                if row[0] != doc.status.value:
                    self._snapshot(conn, doc, text, now, f"status: {row[0]} → {doc.status.value}")
                elif reason.startswith("snapshot"):
                    self._snapshot(conn, doc, text, now, reason)
            previous_seq = 0 if row is None else int(row[1])
            written = self._index(conn, doc, previous_seq)
        self._indexed[doc.id] = (seq, *written)
        return seq

    def add(self, doc: Postmortem, reason: str = "created") -> str | None:
        """Store a new postmortem; when its id is taken, under a fresh id (``doc.id`` is
        updated). Returns the id it had before when it was renamed, else None."""
        from app.model import new_id

        original = doc.id
        for _ in range(5):
            try:
                self.save(doc, reason, expected_seq=None)
            except ConflictError:
                doc.id = new_id()
                continue
            return original if doc.id != original else None
        raise StoreError(f"No free id could be found in the database {self.path}.")

    def _refuse_gone_or_read_only(self) -> None:
        """SQLite keeps writing into a deleted file (and, for the superuser, into a read-only
        one) without error: the edits would be lost silently, so such a save is refused."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            raise StoreError(
                f"The database {self.path} was deleted or moved while open. Your edits are kept "
                "in memory and saved as soon as the file is back."
            ) from None
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
            self.path, os.W_OK
        ):
            raise StoreError(
                f"The database {self.path} is read-only. Your edits are kept in memory and saved "
                "as soon as it is writable again."
            )

    def _snapshot(
        self, conn: sqlite3.Connection, doc: Postmortem, text: str, now: str, reason: str
    ) -> None:
        conn.execute(
            "INSERT INTO revisions (postmortem_id, created_at, reason, status, revision, doc) "
            "VALUES (?,?,?,?,?,?)",
            (doc.id, now, reason, doc.status.value, doc.revision, text),
        )

    def _index(
        self, conn: sqlite3.Connection, doc: Postmortem, previous_seq: int
    ) -> tuple[str, list[tuple[Any, ...]]]:
        """Refresh the search row and the actions mirror, skipping what this store itself
        wrote last for the same sequence number (typing in a field must not rewrite 100 action
        rows each time); anything written by another connection since is rewritten."""
        body = searchable_text(doc)
        rows = [
            (
                doc.id,
                a.id,
                index,
                a.action,
                a.owner,
                a.due.isoformat() if a.due else None,
                a.priority.value if a.priority else "",
                a.status.value,
                a.kind.value if a.kind else "",
                a.horizon.value if a.horizon else "",
                a.ticket,
                a.completed_on.isoformat() if a.completed_on else None,
            )
            for index, a in enumerate(doc.actions)
        ]
        cached_seq, last_body, last_rows = self._indexed.get(doc.id, (-1, None, None))
        if cached_seq != previous_seq:
            last_body, last_rows = None, None
        if body != last_body:
            conn.execute("DELETE FROM postmortem_search WHERE postmortem_id = ?", (doc.id,))
            conn.execute(
                "INSERT INTO postmortem_search (postmortem_id, body) VALUES (?, ?)",
                (doc.id, body),
            )
        if rows != last_rows:
            conn.execute("DELETE FROM actions WHERE postmortem_id = ?", (doc.id,))
            conn.executemany(
                "INSERT INTO actions (postmortem_id, id, position, action, owner, due, priority, "
                "status, kind, horizon, ticket, completed_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return body, rows

    def snapshot(self, postmortem_id: str, reason: str = "snapshot") -> None:
        """Record a revision of the stored document on demand."""
        reason = reason if reason.startswith("snapshot") else f"snapshot: {reason}"
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT doc, status, json_extract(doc, '$.revision') FROM postmortems "
                "WHERE id = ? AND deleted_at IS NULL",
                (postmortem_id,),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"No postmortem has the id '{postmortem_id}'.")
            conn.execute(
                "INSERT INTO revisions (postmortem_id, created_at, reason, status, revision, doc) "
                "VALUES (?,?,?,?,?,?)",
                (postmortem_id, _now(), reason, row[1], row[2], row[0]),
            )

    def load(self, postmortem_id: str) -> Postmortem:
        return self.load_versioned(postmortem_id)[0]

    def load_versioned(self, postmortem_id: str) -> tuple[Postmortem, int]:
        """The document and the sequence number to give back to ``save(expected_seq=…)``."""
        rows = self._read(
            "SELECT doc, seq FROM postmortems WHERE id = ? AND deleted_at IS NULL",
            (postmortem_id,),
        )
        if not rows:
            raise NotFoundError(f"No postmortem has the id '{postmortem_id}'.")
        return self._decode(rows[0][0], f"The postmortem '{postmortem_id}'"), int(rows[0][1])

    def _decode(self, text: str, what: str) -> Postmortem:
        """A stored document that no longer parses is damage in the file, reported as such."""
        try:
            return document_from_dict(json.loads(text))
        except (ValueError, RecursionError, FormatError) as error:
            raise StoreError(
                f"{what} is damaged in the database {self.path} ({error}); restore a backup "
                "(files *.bak beside it) or an earlier revision."
            ) from None

    def seq(self, postmortem_id: str) -> int:
        rows = self._read("SELECT seq FROM postmortems WHERE id = ?", (postmortem_id,))
        if not rows:
            raise NotFoundError(f"No postmortem has the id '{postmortem_id}'.")
        return int(rows[0][0])

    def exists(self, postmortem_id: str) -> bool:
        return bool(
            self._read(
                "SELECT 1 FROM postmortems WHERE id = ? AND deleted_at IS NULL", (postmortem_id,)
            )
        )

    def summaries(self, query: str = "", *, include_deleted: bool = False) -> list[Summary]:
        sql = (
            "SELECT id, title, status, severity, incident_date, services, tags, updated_at "
            "FROM postmortems WHERE 1=1"
        )
        params: list[Any] = []
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        match = fts_query(query) if query.strip() else None
        if query.strip() and match is None:
            return []
        if match:
            sql += (
                " AND id IN (SELECT postmortem_id FROM postmortem_search "
                "WHERE postmortem_search MATCH ?)"
            )
            params.append(match)
        sql += " ORDER BY COALESCE(incident_date, '') DESC, updated_at DESC"
        return [
            Summary(
                id=row[0],
                title=row[1],
                status=row[2],
                severity=row[3],
                incident_date=row[4],
                services=json.loads(row[5]),
                tags=json.loads(row[6]),
                updated_at=row[7],
            )
            for row in self._read(sql, params)
        ]

    def delete(self, postmortem_id: str) -> None:
        """Soft delete: the postmortem leaves the list but can be restored."""
        with self._transaction() as conn:
            changed = conn.execute(
                "UPDATE postmortems SET deleted_at = ?, seq = seq + 1 "
                "WHERE id = ? AND deleted_at IS NULL",
                (_now(), postmortem_id),
            ).rowcount
        if not changed:
            raise NotFoundError(f"No postmortem has the id '{postmortem_id}'.")

    def undelete(self, postmortem_id: str) -> None:
        with self._transaction() as conn:
            conn.execute(
                "UPDATE postmortems SET deleted_at = NULL, seq = seq + 1 WHERE id = ?",
                (postmortem_id,),
            )

    def deleted(self) -> list[Summary]:
        return [s for s in self.summaries(include_deleted=True) if not self.exists(s.id)]

    # -- revisions -------------------------------------------------------------------------

    def revisions(self, postmortem_id: str) -> list[RevisionInfo]:
        return [
            RevisionInfo(
                id=row[0], created_at=row[1], reason=row[2], status=row[3], revision=row[4]
            )
            for row in self._read(
                "SELECT id, created_at, reason, status, revision FROM revisions "
                "WHERE postmortem_id = ? ORDER BY id",
                (postmortem_id,),
            )
        ]

    def revision_document(self, revision_id: int) -> Postmortem:
        rows = self._read("SELECT doc FROM revisions WHERE id = ?", (revision_id,))
        if not rows:
            raise NotFoundError(f"No revision has the id {revision_id}.")
        return self._decode(rows[0][0], f"The revision {revision_id}")

    # -- settings and meetings -------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def meeting_state(self, postmortem_id: str) -> dict[str, Any] | None:
        rows = self._read("SELECT state FROM meetings WHERE postmortem_id = ?", (postmortem_id,))
        return json.loads(rows[0][0]) if rows else None

    def save_meeting_state(self, postmortem_id: str, state: dict[str, Any] | None) -> None:
        with self._transaction() as conn:
            if state is None:
                conn.execute("DELETE FROM meetings WHERE postmortem_id = ?", (postmortem_id,))
            else:
                conn.execute(
                    "INSERT INTO meetings (postmortem_id, state, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(postmortem_id) DO UPDATE SET state = excluded.state, "
                    "updated_at = excluded.updated_at",
                    (postmortem_id, json.dumps(state, ensure_ascii=False), _now()),
                )

    # -- maintenance -----------------------------------------------------------------------

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table: lets tests prove a failed operation changed nothing."""
        tables = [
            row[0]
            for row in self._read(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'postmortem_search_%' ORDER BY name"
            )
        ]
        return {name: [tuple(r) for r in self._read(f'SELECT * FROM "{name}"')] for name in tables}


def open_store(path: Path) -> Store:
    return Store(path)


def copy_database(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
