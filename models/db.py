"""The database object, opened once by main.py from --db (a file path or a URL).

Models bind to `database`, a proxy that stays unconfigured until `open_database()`,
so tests, the CLI, the GUI and worker threads all choose their own file.
"""
from __future__ import annotations

import os
import re
import sys
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


def make_sqlite(path: str | Path) -> peewee.SqliteDatabase:
    """A SQLite database with the house pragmas; every write transaction is IMMEDIATE."""
    return peewee.SqliteDatabase(
        str(path),
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": 2,  # FULL: a committed document survives power loss
            "busy_timeout": 5000,
            "cache_size": -16000,
        },
        timeout=5,
        lock_type="IMMEDIATE",
        check_same_thread=False,
    )


def open_database(target: str | Path, create: bool = True) -> peewee.Database:
    """Open `target` (path or postgresql:// URL), bind the proxy and return it.

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
    else:
        path = Path(target_text)
        if not path.parent.exists():
            if not create:
                raise DatabaseOpenError("db.missing", path=path)
            path.parent.mkdir(parents=True, exist_ok=True)
        if is_network_path(path):
            raise DatabaseOpenError("db.network", path=path)
        if path.exists() and not os.access(path, os.W_OK):
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
        raise DatabaseOpenError("db.not_database", path=shown, error=exc) from exc
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
        raise DatabaseOpenError("db.not_database", path=shown, error=exc) from exc
    return db


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def database_file() -> str | None:
    """The SQLite file behind the proxy, or None for a server database / :memory:."""
    db = database.obj
    if isinstance(db, peewee.SqliteDatabase) and db.database != ":memory:":
        return str(db.database)
    return None


def database_url() -> str | None:
    """The postgresql:// URL behind the proxy (for pg_dump and copies), or None on SQLite."""
    return getattr(database.obj, "url", None)


class DatabaseBusy(DatabaseOpenError):
    """Another program held the write lock longer than the busy timeout; nothing was written."""


_after_commit: list[Callable[[], None]] = []


def on_commit(callback: Callable[[], None]) -> None:
    """Run `callback` after each outermost write_transaction commits (the audit chain's anchor file is
    written only for what is really in the file); it must not raise."""
    if callback not in _after_commit:
        _after_commit.append(callback)


@contextmanager
def write_transaction() -> Iterator[None]:
    """One short write transaction (BEGIN IMMEDIATE on SQLite, the write lock of models/postgres.py on
    PostgreSQL), nested calls join it.

    A lock held elsewhere past the busy timeout, or a file turned read-only, becomes a
    readable DatabaseOpenError instead of a traceback; the transaction is rolled back."""
    outermost = not database.in_transaction()
    try:
        with database.atomic():
            yield
    except peewee.OperationalError as exc:
        text = str(exc).lower()
        target = database_file() or "database"
        if "locked" in text or "busy" in text or "lock timeout" in text:
            raise DatabaseBusy("db.locked", path=target) from exc
        if "readonly" in text or "read-only" in text:
            raise DatabaseOpenError("db.readonly", path=target) from exc
        raise
    if outermost:
        for callback in _after_commit:
            callback()


def close_database() -> None:
    """Close the current connection if a database was ever opened (safe to call twice)."""
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
