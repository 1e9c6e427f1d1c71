"""The database object, opened once by main.py from --db (a file path or a URL).

Models bind to `database`, a proxy that stays unconfigured until `open_database()`,
so tests, the CLI, the GUI and worker threads all choose their own file.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import peewee

database = peewee.DatabaseProxy()

NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "afs", "9p", "fuse.sshfs", "davfs"}


def _unworded(key: str, **params: object) -> str:
    return " ".join([key, *(f"{name}={value}" for name, value in params.items())])


class DatabaseOpenError(Exception):
    """The database could not be opened or written. Models hold no words: the error carries a message
    key (db.*) and its parameters; services.core.errors sets `words` (the user's language) once, and
    str() applies them wherever the error is shown (a busy database can surface from any write)."""

    words: ClassVar[Callable[..., str]] = staticmethod(_unworded)

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(key)

    def __str__(self) -> str:
        return DatabaseOpenError.words(self.key, **self.params)


def shown_url(target: str) -> str:
    """The address as it may be printed: a URL's password becomes ***."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", target)


def is_url(target: str) -> bool:
    return "://" in target


def is_network_path(path: Path) -> bool:
    """True for UNC paths and files on network file systems (WAL corrupts there)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform.startswith("win"):
        try:
            import ctypes

            drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
        except (OSError, AttributeError):
            return False
    try:
        resolved = str(path.resolve())
        best, best_type = "", ""
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
                    best, best_type = parts[1], parts[2]
        return best_type in NETWORK_FS_TYPES
    except OSError:
        return False


_QUERY_LOG = logging.getLogger("peewee")


class HouseSqlite(peewee.SqliteDatabase):
    """peewee's SqliteDatabase with a shorter way for a statement on an open connection: peewee's own
    (logging, hooks, the connection check) cost ~2.5 us against ~5 us for a whole small SELECT, and a demo
    build runs ~120,000 statements. An error becomes peewee's exception as in peewee; with no connection
    yet, a query hook or peewee's query log on, peewee's own way runs."""

    def execute_sql(self, sql, params=None):
        conn = self._state.conn
        if conn is None or self.query_hooks or _QUERY_LOG.isEnabledFor(logging.DEBUG):
            return super().execute_sql(sql, params)
        cursor = conn.cursor()
        try:
            cursor.execute(sql, params or ())
        except Exception:
            with peewee.__exception_wrapper__:  # sqlite3's error as peewee's (IntegrityError, ...)
                raise
        return cursor


# pages the WAL holds before SQLite copies them back into the file and syncs it (its default: 1,000, about four
# 1,000-line documents): the balance and index pages every document changes are copied back and the file
# synced a quarter as often; the WAL grows to ~16 MB at most. Store year: 1.95 -> 1.80 s of posting CPU, growth
# 1.21 -> 1.10 (medians of six alternating runs, bench/README "P1").
CHECKPOINT_PAGES = 4_000

# statements kept prepared per connection (sqlite3's default: 128): an evening of the shop runs ~1,000 texts
# (an IN (…) per padded length), and 128 prepared 4,800 times in a demo build against 1,070 for 512
STATEMENTS_KEPT = 512


def make_sqlite(path: str | Path) -> peewee.SqliteDatabase:
    """A SQLite database with the house pragmas; every write transaction is IMMEDIATE."""
    return HouseSqlite(
        str(path),
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": 2,  # FULL: a committed document survives power loss
            "busy_timeout": 5000,
            "cache_size": -16000,
            "wal_autocheckpoint": CHECKPOINT_PAGES,
            # the journal a multi-row statement keeps of the pages it changes (bulk_insert.insert_values, a
            # savepoint) stays in memory: past 64 KiB it went to a temporary file, a write per page
            "temp_store": "memory",
        },
        timeout=5,
        lock_type="IMMEDIATE",
        check_same_thread=False,
        cached_statements=STATEMENTS_KEPT,
    )


class ReadOnlySqlite(HouseSqlite):
    """A shop file opened only to read (a CD, a write-protected USB disk): `stock` and `check` work, any
    write is refused by SQLite (query_only) and worded by write_transaction."""

    def __init__(self, path: Path):
        self.file_path = path
        super().__init__(readonly_uri(path), uri=True, pragmas={"foreign_keys": 1, "query_only": 1,
                                                                "busy_timeout": 5000, "cache_size": -16000},
                         timeout=5, check_same_thread=False)


def readonly_uri(path: str | Path) -> str:
    """`file:` URI that opens exactly this file read-only: the path is percent-quoted, so a `#`, `?` or `%`
    in a folder name can no longer cut it short and open (and create) another file read-write. Where the
    folder cannot be written SQLite cannot create the -shm file a WAL database needs even to be read, so
    the file is opened immutable: nothing can change it there (unless a -wal with content is beside it,
    whose pages must be read)."""
    path = Path(path).resolve()
    wal = path.with_name(path.name + "-wal")
    frozen = not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size)
    return path.as_uri() + ("?mode=ro&immutable=1" if frozen else "?mode=ro")


def cannot_write(target: str | Path) -> bool:
    """An existing local file that this process may not write, or whose folder it may not write (WAL
    keeps its -wal and -shm beside the file)."""
    if is_url(str(target)) or str(target) == ":memory:":
        return False
    path = Path(target)
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def is_read_only() -> bool:
    return isinstance(database.obj, ReadOnlySqlite)


def open_database(target: str | Path, create: bool = True, read_only: bool = False) -> peewee.Database:
    """Open `target` (path or postgresql:// URL), bind the proxy and return it; `read_only` opens an
    existing file only to read (see ReadOnlySqlite).

    Raises DatabaseOpenError with a user-readable message for a missing folder,
    a read-only file, a network share or a file that is not a SQLite database.
    """
    target_text = str(target)
    shown = shown_url(target_text)
    if is_url(target_text):
        if not target_text.startswith(("postgresql://", "postgres://")):
            raise DatabaseOpenError("db.bad_url", url=shown)
        from models.postgres import make_postgres

        db = make_postgres(target_text)
    elif target_text == ":memory:":
        db = make_sqlite(":memory:")
    elif read_only:
        db = ReadOnlySqlite(Path(target_text))
    else:
        path = Path(target_text)
        if not path.parent.exists():
            if not create:
                raise DatabaseOpenError("db.missing", path=path)
            path.parent.mkdir(parents=True, exist_ok=True)
        if is_network_path(path):
            raise DatabaseOpenError("db.network", path=path)
        if cannot_write(path):
            raise DatabaseOpenError("db.readonly", path=path)
        if not path.exists() and not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError("db.readonly", path=path)
        db = make_sqlite(path)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, peewee.SqliteDatabase):
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (ImportError, peewee.ImproperlyConfigured) as exc:  # no PostgreSQL driver installed
        raise DatabaseOpenError("db.pg_no_driver", url=shown) from exc
    except peewee.DatabaseError as exc:
        if not db.is_closed():
            db.close()
        if not isinstance(db, peewee.SqliteDatabase):
            from models.postgres import connect_error_key

            key = connect_error_key(exc)
            if key:
                raise DatabaseOpenError(key, url=shown) from exc
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseOpenError("db.locked", path=shown) from exc
        if "readonly" in text or "read-only" in text:
            raise DatabaseOpenError("db.readonly", path=shown) from exc
        if "disk is full" in text or ("disk i/o error" in text and _no_room_beside(target_text)):
            raise DatabaseOpenError("db.disk_full_open", path=shown) from exc  # no room for its -wal/-shm
        raise DatabaseOpenError("db.not_database", path=shown, error=exc) from exc
    return db


def _no_room_beside(target: str) -> bool:
    try:
        return shutil.disk_usage(Path(target).resolve().parent).free < 1 << 20
    except (OSError, ValueError):
        return False


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def database_file() -> str | None:
    """The SQLite file behind the proxy, or None for a server database / :memory:."""
    db = database.obj
    if isinstance(db, ReadOnlySqlite):
        return str(db.file_path)
    if isinstance(db, peewee.SqliteDatabase) and db.database != ":memory:":
        return str(db.database)
    return None


def database_url() -> str | None:
    """The postgresql:// URL behind the proxy (for pg_dump and copies), or None on SQLite."""
    return getattr(database.obj, "url", None)


class DatabaseBusy(DatabaseOpenError):
    """Another program held the write lock longer than the busy timeout; nothing was written."""


_after_commit: list[Callable[[], None]] = []
_after_rollback: list[Callable[[], None]] = []


def on_commit(callback: Callable[[], None]) -> None:
    """Run `callback` after each outermost write_transaction commits (the audit chain's anchor file is
    written only for what is really in the file); it must not raise."""
    if callback not in _after_commit:
        _after_commit.append(callback)


def on_rollback(callback: Callable[[], None]) -> None:
    """Run `callback` after any write_transaction (or the savepoint of a nested one) is rolled back by an
    exception; it must not raise."""
    if callback not in _after_rollback:
        _after_rollback.append(callback)


def _worded(exc: BaseException) -> DatabaseOpenError | None:
    """What a failed write means to the user, looked for along the exception chain: on a full disk SQLite
    rolls the transaction back itself, so peewee's own ROLLBACK fails ("cannot rollback") and hides it."""
    target = database_file() or "database"
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen).lower()
        if isinstance(seen, DatabaseOpenError):
            return seen
        if "locked" in text or "busy" in text or "lock timeout" in text:
            return DatabaseBusy("db.locked", path=target)
        if "readonly" in text or "read-only" in text:
            return DatabaseOpenError("db.read_only_open" if is_read_only() else "db.readonly", path=target)
        if "disk is full" in text or "no space left" in text:
            return DatabaseOpenError("db.disk_full", path=target)
        seen = seen.__context__
    return None


class _Nesting(threading.local):
    depth = 0  # this thread's write_transactions open inside its outermost one


_nesting = _Nesting()


class _Savepoint:
    """The savepoint of a nested write_transaction, what peewee's nested atomic() does (SAVEPOINT; RELEASE,
    or ROLLBACK TO on an exception or a failed RELEASE) with its three statement texts made once, named by
    its depth: atomic() names each one with uuid4, new texts to prepare every time (~11,000 savepoints in a
    demo build). A name at its depth is the innermost one open by that name, the one SAVEPOINT, RELEASE and
    ROLLBACK TO mean on SQLite and PostgreSQL alike. The statements go through the database's execute_sql
    (PostgreSQL's notices a lost connection)."""

    __slots__ = ("begin", "release", "undo")

    def __init__(self, depth: int):
        name = f'"s{depth}"'
        self.begin, self.release, self.undo = (f"SAVEPOINT {name};", f"RELEASE SAVEPOINT {name};",
                                               f"ROLLBACK TO SAVEPOINT {name};")

    def __enter__(self) -> None:
        database.obj.execute_sql(self.begin)

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            database.obj.execute_sql(self.undo)
            return
        try:
            database.obj.execute_sql(self.release)
        except Exception:
            database.obj.execute_sql(self.undo)
            raise


_SAVEPOINTS = [_Savepoint(depth) for depth in range(64)]  # stateless: one per depth serves every thread


def _savepoint(depth: int) -> _Savepoint:
    return _SAVEPOINTS[depth] if depth < 64 else _Savepoint(depth)


@contextmanager
def write_transaction() -> Iterator[None]:
    """One short write transaction (BEGIN IMMEDIATE on SQLite, the write lock of models/postgres.py on
    PostgreSQL), nested calls join it.

    A lock held elsewhere past the busy timeout, a file turned read-only or a full disk becomes a
    readable DatabaseOpenError instead of a traceback; the transaction is rolled back."""
    outermost = not database.in_transaction()
    outer_depth = _nesting.depth
    depth = _nesting.depth = 0 if outermost else outer_depth + 1
    try:
        with database.atomic() if outermost else _savepoint(depth):
            yield
    except BaseException as exc:
        for callback in _after_rollback:  # this one (or its savepoint) rolled back
            callback()
        worded = _worded(exc) if isinstance(exc, peewee.OperationalError) else None
        if worded is None:
            raise
        raise worded from exc
    finally:
        _nesting.depth = outer_depth
    if outermost:
        for callback in _after_commit:
            callback()


LONG_RUN_CHECKPOINT_PAGES = 10_000  # ~40 MB of WAL between checkpoints in a long run of writes (usual: CHECKPOINT_PAGES)


@contextmanager
def long_write_run() -> Iterator[None]:
    """A long run of large write transactions (the demo's 90 days, a day each, every document in it a
    savepoint): the WAL is copied back into the file once it holds LONG_RUN_CHECKPOINT_PAGES pages instead of
    4,000, so a page that every day changes (an index's) is copied back every ten days or so instead of every
    few (~0.2 s of a demo build's 0.8 s of commits; the next commit after the run does the checkpoint due).
    A savepoint's journal of the pages it changes stays in memory (the house temp_store, make_sqlite): in a
    temporary file it was ~750,000 writes in a demo build, 1.1 s of system time. Nothing to change on
    PostgreSQL."""
    db = database.obj
    if not isinstance(db, peewee.SqliteDatabase):
        yield
        return
    checkpoint = int(db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0])
    rarer = 0 < checkpoint < LONG_RUN_CHECKPOINT_PAGES  # not when off, or already as rare
    if rarer:
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {LONG_RUN_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        if rarer:
            db.execute_sql(f"PRAGMA wal_autocheckpoint = {checkpoint}")


def close_database() -> None:
    """Close the current connection if a database was ever opened (safe to call twice)."""
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
