"""The SQLite file: the durable form of every postmortem.

One file, WAL journal, foreign keys on, schema managed by sqlite-utils ``Migrations`` with a
backup copy made before any migration. Every write is one transaction: a change the caller
was told about is on disk. Environment problems (missing folder, read-only file, not a
database, corrupt, written by a newer version, locked) become ``StoreError`` with advice.

Opening costs the same on a database of ten or ten thousand postmortems: the header and the
first page of each table are checked, and the full integrity check runs only after an unclean
shutdown (a process that had the file open died without closing it) or on demand
(``Store.check``). sqlite-utils is imported only when a schema step must be applied or
``Store.db`` is used.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
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
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import quote

from app.errors import (
    ConflictError,
    FormatError,
    NotFoundError,
    PostmortemError,
    StoreError,
    ValidationError,
)
from app.messages import Message
from app.search_text import fts_query

if TYPE_CHECKING:
    from sqlite_utils import Database

    from app.model import Postmortem

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables whose first page is read on every open (a damaged root page is refused at once).
PROBED_TABLES = (
    "postmortems",
    "revisions",
    "actions",
    "settings",
    "meetings",
    "postmortem_facts",
    "search_pending",
    "approval_pdfs",
)


@dataclass(frozen=True)
class SchemaStep:
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class SchemaSteps:
    """The schema history, in the form of sqlite-utils ``Migrations`` (same table, same names).

    Which steps are applied is read with plain sqlite3, so opening an up-to-date file never
    imports sqlite-utils; pending steps are applied by sqlite-utils itself.
    """

    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[SchemaStep] = []

    def __call__(
        self, *, name: str, transactional: bool = True
    ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            if any(step.name == name for step in self._migrations):
                raise ValueError(f"Schema step '{name}' is already registered.")
            self._migrations.append(SchemaStep(name, fn, transactional))
            return fn

        return register

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (self.migrations_table,),
        ).fetchone()
        if not exists:
            return []
        rows = conn.execute(
            f"SELECT name FROM {self.migrations_table} WHERE migration_set = ? ORDER BY rowid",
            (self.name,),
        )
        return [row[0] for row in rows]

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        applied = set(self.applied_names(conn))
        return [step.name for step in self._migrations if step.name not in applied]

    def apply(self, db: Database) -> None:
        from sqlite_utils.migrations import Migrations

        steps = Migrations(self.name)
        for step in self._migrations:
            steps(name=step.name, transactional=step.transactional)(step.fn)
        steps.apply(db)


log = logging.getLogger(__name__)

migrations = SchemaSteps("postmortem-studio")


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


SEARCH_TABLE_SQL = (
    "CREATE VIRTUAL TABLE {name} USING fts5("
    "postmortem_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
)


@migrations(name="0002_search_by_rowid")
def _search_by_rowid(db: Database) -> None:
    """The search row of a postmortem takes the postmortem's rowid: a save replaces it by
    rowid instead of scanning the whole index for its id column."""
    db.execute(SEARCH_TABLE_SQL.format(name="postmortem_search_by_rowid"))
    db.execute(
        "INSERT INTO postmortem_search_by_rowid (rowid, postmortem_id, body) "
        "SELECT p.rowid, s.postmortem_id, s.body FROM postmortem_search s "
        "JOIN postmortems p ON p.id = s.postmortem_id"
    )
    db.execute("DROP TABLE postmortem_search")
    db.execute("ALTER TABLE postmortem_search_by_rowid RENAME TO postmortem_search")


@migrations(name="0003_metric_facts")
def _metric_facts(db: Database) -> None:
    """What the metrics read of each postmortem, a few hundred bytes kept beside it (valid
    while its ``seq`` is the postmortem's): figures over thousands of postmortems read these."""
    from app.facts import facts_from_row, facts_to_json
    from app.queries import METRIC_ROW_SQL

    db.execute(
        "CREATE TABLE postmortem_facts (postmortem_id TEXT PRIMARY KEY REFERENCES "
        "postmortems(id) ON DELETE CASCADE, seq INTEGER NOT NULL, facts TEXT NOT NULL)"
    )
    # which postmortems are live, without reading the rows that hold the documents (seq is
    # left out: a save would rewrite the index entry each time)
    db.execute("CREATE INDEX postmortems_state ON postmortems(id, deleted_at)")
    seqs = dict(db.execute("SELECT id, seq FROM postmortems").fetchall())
    rows = []
    for row in db.execute(METRIC_ROW_SQL).fetchall():
        try:
            facts = facts_from_row(row, "")
        except StoreError:
            continue  # a damaged document: the metrics report it when they read it
        rows.append((row[0], seqs[row[0]], facts_to_json(facts)))
    db.conn.executemany(
        "INSERT INTO postmortem_facts (postmortem_id, seq, facts) VALUES (?, ?, ?)", rows
    )


@migrations(name="0004_search_pending")
def _search_pending(db: Database) -> None:
    """Postmortems whose search row waits to be rewritten (see ``Store.flush_search``)."""
    db.execute("CREATE TABLE search_pending (postmortem_id TEXT PRIMARY KEY)")


@migrations(name="0005_approval_pdfs")
def _approval_pdfs(db: Database) -> None:
    """The approval PDF of each postmortem's current revision, as bytes in a table of its own
    (it was base64 inside a JSON setting): smaller, and gone with its postmortem."""
    import base64
    import binascii

    db.execute(
        "CREATE TABLE approval_pdfs (postmortem_id TEXT PRIMARY KEY REFERENCES "
        "postmortems(id) ON DELETE CASCADE, revision INTEGER NOT NULL, digest TEXT NOT NULL, "
        "pdf BLOB NOT NULL)"
    )
    known = {row[0] for row in db.execute("SELECT id FROM postmortems").fetchall()}
    rows = []
    for key, value in db.execute(
        "SELECT key, value FROM settings WHERE key LIKE 'approval_pdf:%'"
    ).fetchall():
        postmortem_id = key.removeprefix("approval_pdf:")
        try:
            kept = json.loads(value)
            pdf = base64.b64decode(str(kept["pdf"]), validate=True)
            row = (postmortem_id, int(kept["revision"]), str(kept["digest"]), pdf)
        except (ValueError, KeyError, TypeError, binascii.Error):
            continue  # unreadable: the next sign-off builds the PDF again
        if postmortem_id in known and pdf:
            rows.append(row)
    db.conn.executemany(
        "INSERT INTO approval_pdfs (postmortem_id, revision, digest, pdf) VALUES (?, ?, ?, ?)",
        rows,
    )
    db.execute("DELETE FROM settings WHERE key LIKE 'approval_pdf:%'")


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


# The document model (and networkx behind its diagrams) is imported when a document is read or
# written, not by commands that only list or search.


def document_to_dict(doc: Postmortem) -> dict[str, Any]:
    from app.jsonio import document_to_dict as to_dict

    return to_dict(doc)


def document_from_dict(data: dict[str, Any]) -> Postmortem:
    from app.jsonio import document_from_dict as from_dict

    return from_dict(data)


def searchable_text(doc: Postmortem) -> str:
    from app.search_text import searchable_text as text_of

    return text_of(doc)


def _conflict(postmortem_id: str, expected_seq: int | None, row: Any) -> ConflictError:
    if row is None:
        return ConflictError(f"The postmortem '{postmortem_id}' no longer exists in the database.")
    if expected_seq is None:
        return ConflictError(f"A postmortem with the id '{postmortem_id}' already exists.")
    if row[2] is not None:
        return ConflictError(Message("error.deleted_elsewhere", id=postmortem_id))
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
#: the actions mirror's columns, in the order ``Store._index`` builds its rows
ACTION_COLUMNS = (
    "postmortem_id, id, position, action, owner, due, priority, status, kind, horizon, ticket, "
    "completed_on"
)

Rebase: TypeAlias = "Callable[[Postmortem, int], tuple[Postmortem, dict[str, Any]]]"


class Store:
    """All reads and writes of the SQLite file."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        #: per postmortem: (seq, search text, action rows) this store last wrote
        self._indexed: dict[str, tuple[int, str | None, list[tuple[Any, ...]] | None]] = {}
        self._marker: Path | None = None
        self._check_file()
        try:
            # Quoted so that '?', '#' or '%' in a file name cannot be read as URI syntax.
            uri = f"file:{quote(str(self.path))}?mode={'ro' if read_only else 'rwc'}"
            self._conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._probe_tables()
            stale = self._stale_markers()
            if stale:
                self._check_integrity()
            self._refuse_newer_schema()
            if not read_only:
                self._migrate()
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = FULL")
                for marker in stale:
                    marker.unlink(missing_ok=True)
                self._marker = self._mark_open()
                self._flush_quietly()
        except sqlite3.Error as error:
            self._close_quietly()
            raise _advice(error, self.path) from None
        except BaseException:
            self._close_quietly()
            raise

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (imported on first use)."""
        from sqlite_utils import Database

        return Database(self._conn)

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
                first = handle.read(100)
            header = first[: len(SQLITE_HEADER)]
            if 0 < len(header) < len(SQLITE_HEADER) and SQLITE_HEADER.startswith(header):
                raise StoreError(f"The database {self.path} is truncated; nothing was changed.")
            if header and header != SQLITE_HEADER:
                raise StoreError(
                    f"{self.path} is not a Postmortem Studio database (not an SQLite file); "
                    "nothing was changed."
                )
            if header and self._shorter_than_its_header(first) and not self._recoverable():
                raise StoreError(
                    f"The database {self.path} is damaged (the file is shorter than its "
                    "header says); restore a backup (files *.bak beside it). Nothing was changed."
                )
        elif self.read_only:
            raise StoreError(f"The database {self.path} does not exist.")
        elif not os.access(folder, os.W_OK):
            raise StoreError(
                f"The folder {folder} is read-only: a new database cannot be created there."
            )

    def _recoverable(self) -> bool:
        """A file shorter than its header says is normal while its pages still sit in the
        write-ahead log (a writer stopped before its checkpoint, e.g. on a full disk): SQLite
        reads them from there. Damage is said only when SQLite's integrity check fails."""
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return True
        return self.intact(untouched=not wal.exists())

    def _shorter_than_its_header(self, first: bytes) -> bool:
        """The page count in the header (valid when its change counters agree) against the
        file size: a copy cut short is caught without reading the file."""
        if len(first) < 100:
            return len(first) > len(SQLITE_HEADER)
        page_size = int.from_bytes(first[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(first[28:32], "big")
        if first[24:28] != first[92:96] or not pages:
            return False
        return self.path.stat().st_size < pages * page_size

    def _probe_tables(self) -> None:
        """Read the first row of each table: a damaged root page fails here, not mid-edit."""
        present = {
            row[0]
            for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in PROBED_TABLES:
            if table in present:
                self._conn.execute(f"SELECT rowid FROM {table} NOT INDEXED LIMIT 1").fetchall()

    # -- unclean shutdowns -------------------------------------------------------------------

    _marker_numbers = itertools.count(1)

    def _marker_prefix(self) -> str:
        return f"{self.path.name}.open-"

    def _mark_open(self) -> Path | None:
        """A small file beside the database while this store has it open for writing; one
        left behind by a process that no longer runs means it ended without closing."""
        marker = self.path.with_name(
            f"{self._marker_prefix()}{os.getpid()}-{next(Store._marker_numbers)}"
        )
        try:
            marker.touch()
        except OSError:
            return None
        return marker

    def _stale_markers(self) -> list[Path]:
        pattern = glob.escape(str(self.path.parent / self._marker_prefix())) + "*"
        stale: list[Path] = []
        for name in glob.glob(pattern):
            pid_text = name.rsplit(".open-", 1)[-1].split("-", 1)[0]
            if pid_text.isdigit() and not _process_running(int(pid_text)):
                stale.append(Path(name))
        return stale

    def _check_integrity(self) -> None:
        result = self._conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise StoreError(
                f"The database {self.path} is damaged ({result}); restore a backup "
                "(files *.bak beside it). Nothing was changed."
            )

    def check(self) -> list[str]:
        """The full integrity check (every page, every index, the search index): one line per
        problem found, none when the file is sound. Reads the whole file."""
        problems: list[str] = []
        try:
            self.flush_search()
        except StoreError as error:
            problems.append(str(error))
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
            problems += [str(row[0]) for row in rows if row[0] != "ok"]
            try:
                self._conn.execute(
                    "INSERT INTO postmortem_search (postmortem_search) VALUES ('integrity-check')"
                )
            except sqlite3.DatabaseError as error:
                if "read-only" not in str(error).lower() and "readonly" not in str(error).lower():
                    problems.append(f"search index: {error}")
            unmatched = self._conn.execute(
                "SELECT count(*) FROM postmortems p WHERE NOT EXISTS (SELECT 1 FROM "
                "postmortem_search s WHERE s.rowid = p.rowid AND s.postmortem_id = p.id)"
            ).fetchone()[0]
            if unmatched:
                problems.append(f"search index: {unmatched} postmortem(s) have no search row")
            foreign = self._conn.execute("PRAGMA foreign_key_check").fetchall()
            if foreign:
                problems.append(f"{len(foreign)} row(s) point to a missing postmortem")
        except sqlite3.Error as error:
            problems.append(str(error))
        return problems

    def _refuse_newer_schema(self) -> None:
        """A schema step we do not know means a newer app wrote the file: never guess at it."""
        known = {m.name for m in migrations._migrations}
        unknown = set(migrations.applied_names(self._conn)) - known
        if unknown:
            raise StoreError(
                f"The database {self.path} was written by a newer version of Postmortem Studio "
                f"(schema {sorted(unknown)[-1]}); update the app to open it. Nothing was changed."
            )

    def _migrate(self) -> None:
        applied = migrations.applied_names(self._conn)
        if not applied and self._has_foreign_tables():
            raise StoreError(
                f"{self.path} is an SQLite database of another program, not a Postmortem "
                "Studio database; choose another --db path. Nothing was changed."
            )
        pending = migrations.pending_names(self._conn)
        if not pending:
            return
        backup = self._backup(f"before-{pending[0]}") if applied else None
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

    def _flush_quietly(self) -> None:
        try:
            self.flush_search()
        except (StoreError, FormatError):
            pass  # still listed as waiting: written later; a search reports the problem

    def close(self) -> None:
        self._flush_quietly()
        self._conn.close()
        if self._marker is not None:
            self._marker.unlink(missing_ok=True)
            self._marker = None

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

    def intact(self, *, untouched: bool = False) -> bool:
        """SQLite's full integrity check, on a connection of its own (``untouched``: as an
        immutable file, which leaves no -wal or -shm beside it; only for a file with no WAL)."""
        try:
            uri = f"file:{quote(str(self.path))}?mode=ro{'&immutable=1' if untouched else ''}"
            with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as conn:
                return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False

    def query(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only statement (``app.queries`` holds the statements)."""
        return [tuple(row) for row in self._read(sql, params)]

    def stream(
        self, sql: str, params: tuple[Any, ...] | list[Any] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of a read-only statement one at a time: memory stays flat on big databases."""
        try:
            cursor = self._conn.execute(sql, params)
            while batch := cursor.fetchmany(256):
                yield from batch
        except sqlite3.Error as error:
            raise _advice(error, self.path) from None

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
            raise StoreError(Message("error.database_gone", path=self.path)) from None
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
            self.path, os.W_OK
        ):
            raise StoreError(Message("error.database_read_only", path=self.path))

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
            # Rewriting the search index of a big document is most of a save's writing:
            # it waits (durably listed) for the next search, the close, or the next open.
            conn.execute("INSERT OR IGNORE INTO search_pending VALUES (?)", (doc.id,))
        self._write_facts(conn, doc)
        if rows != last_rows:
            if last_rows is None:  # written by another connection, or not since this opened
                last_rows = conn.execute(
                    f"SELECT {ACTION_COLUMNS} FROM actions WHERE postmortem_id = ?", (doc.id,)
                ).fetchall()
            self._write_action_rows(conn, doc.id, last_rows, rows)
        return body, rows

    @staticmethod
    def _write_action_rows(
        conn: sqlite3.Connection,
        postmortem_id: str,
        before: list[tuple[Any, ...]],
        after: list[tuple[Any, ...]],
    ) -> None:
        """The actions mirror row by row: an edit of one action writes that one row (a
        reorder writes the rows whose position moved), a removal deletes one."""
        old = {row[1]: tuple(row) for row in before}
        kept = {row[1] for row in after}
        conn.executemany(
            "DELETE FROM actions WHERE postmortem_id = ? AND id = ?",
            [(postmortem_id, action_id) for action_id in old if action_id not in kept],
        )
        conn.executemany(
            f"INSERT OR REPLACE INTO actions ({ACTION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [row for row in after if old.get(row[1]) != row],
        )

    def flush_search(self) -> None:
        """Write the search rows that wait (``search_pending``): one transaction, one row per
        postmortem replaced by rowid. Text this store computed for the saved version is used
        as it is; any other is computed again from the stored document."""
        if self.read_only:
            return
        waiting = [row[0] for row in self._read("SELECT postmortem_id FROM search_pending")]
        if not waiting:
            return
        with self._transaction() as conn:
            for postmortem_id in waiting:
                row = conn.execute(
                    "SELECT seq, doc FROM postmortems WHERE id = ?", (postmortem_id,)
                ).fetchone()
                if row is not None:
                    cached = self._indexed.get(postmortem_id)
                    if cached is not None and cached[0] == row[0] and cached[1] is not None:
                        body = cached[1]
                    else:
                        try:
                            body = searchable_text(self._decode(row[1], f"'{postmortem_id}'"))
                        except StoreError:
                            continue  # damaged: left waiting; opening it reports the damage
                    self._write_search_row(conn, postmortem_id, body)
                conn.execute("DELETE FROM search_pending WHERE postmortem_id = ?", (postmortem_id,))

    @staticmethod
    def _write_search_row(conn: sqlite3.Connection, postmortem_id: str, body: str) -> None:
        """The search row shares the postmortem's rowid: replaced in one indexed step."""
        rowid = conn.execute("SELECT rowid FROM postmortems WHERE id = ?", (postmortem_id,))
        conn.execute(
            "INSERT OR REPLACE INTO postmortem_search (rowid, postmortem_id, body) "
            "VALUES (?, ?, ?)",
            (rowid.fetchone()[0], postmortem_id, body),
        )

    @staticmethod
    def _write_facts(conn: sqlite3.Connection, doc: Postmortem) -> None:
        """The metrics' facts of the document, stamped with the sequence number just saved."""
        from app.facts import facts_of, facts_to_json

        conn.execute(
            "INSERT INTO postmortem_facts (postmortem_id, seq, facts) "
            "VALUES (?, (SELECT seq FROM postmortems WHERE id = ?), ?) "
            "ON CONFLICT(postmortem_id) DO UPDATE SET seq = excluded.seq, facts = excluded.facts",
            (doc.id, doc.id, facts_to_json(facts_of(doc))),
        )

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

    def updated_at(self, postmortem_id: str) -> datetime | None:
        """When the stored document was last saved (None when it is not stored): the time of
        its current revision, which the report prints as the PDF's creation date."""
        rows = self._read("SELECT updated_at FROM postmortems WHERE id = ?", (postmortem_id,))
        if not rows:
            return None
        moment = datetime.fromisoformat(rows[0][0])
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

    def exists(self, postmortem_id: str) -> bool:
        return bool(
            self._read(
                "SELECT 1 FROM postmortems WHERE id = ? AND deleted_at IS NULL", (postmortem_id,)
            )
        )

    def summaries(
        self, query: str = "", *, include_deleted: bool = False, deleted_only: bool = False
    ) -> list[Summary]:
        sql = (
            "SELECT id, title, status, severity, incident_date, services, tags, updated_at "
            "FROM postmortems WHERE 1=1"
        )
        params: list[Any] = []
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        if deleted_only:
            sql += " AND deleted_at IS NOT NULL"
        match = fts_query(query) if query.strip() else None
        if query.strip() and match is None:
            return []
        if match:
            self.flush_search()
        if match:
            sql += (
                " AND rowid IN (SELECT rowid FROM postmortem_search "
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

    def titles(self) -> list[tuple[str, str]]:
        """(id, title) of every postmortem, in the order of the list."""
        return [
            (row[0], row[1])
            for row in self._read(
                "SELECT id, title FROM postmortems WHERE deleted_at IS NULL "
                "ORDER BY COALESCE(incident_date, '') DESC, updated_at DESC"
            )
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
        """The deleted postmortems, in the order of the list (one query)."""
        return self.summaries(include_deleted=True, deleted_only=True)

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

    def approval_pdf(self, postmortem_id: str) -> tuple[int, str, bytes] | None:
        """The kept approval PDF of a postmortem: (revision, content digest, PDF bytes)."""
        rows = self._read(
            "SELECT revision, digest, pdf FROM approval_pdfs WHERE postmortem_id = ?",
            (postmortem_id,),
        )
        return (int(rows[0][0]), str(rows[0][1]), bytes(rows[0][2])) if rows else None

    def keep_approval_pdf(self, postmortem_id: str, revision: int, digest: str, pdf: bytes) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO approval_pdfs (postmortem_id, revision, digest, pdf) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(postmortem_id) DO UPDATE SET "
                "revision = excluded.revision, digest = excluded.digest, pdf = excluded.pdf",
                (postmortem_id, revision, digest, pdf),
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

    def discard_untouched(self, postmortem_id: str, seq: int) -> bool:
        """Remove a postmortem nobody edited since it was created (still at ``seq``), with its
        history: a "New" that was left untouched leaves nothing behind. False if it was edited."""
        with self._transaction() as conn:
            gone = conn.execute(
                "DELETE FROM postmortems WHERE id = ? AND seq = ?", (postmortem_id, seq)
            ).rowcount
            if gone:
                for table in (
                    "revisions",
                    "actions",
                    "postmortem_search",
                    "meetings",
                    "approval_pdfs",
                ):
                    conn.execute(f"DELETE FROM {table} WHERE postmortem_id = ?", (postmortem_id,))
        return bool(gone)

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


def _process_running(pid: int) -> bool:
    """Whether a process with this id runs (elsewhere than on POSIX, assume it does)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def open_store(path: Path) -> Store:
    return Store(path)


def copy_database(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
