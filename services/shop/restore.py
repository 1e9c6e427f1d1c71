"""`restore FILE`: put a verified backup in the place of the shop's database.

Order: the backup must be sound (SQLite integrity, a Xiaopu schema, the app's `check` on a staged copy,
the chain anchor kept beside the backup) and nobody else may have the shop open; only then is the current database set aside
under a timestamped name — with its `-wal`/`-shm`, which belong to it and would otherwise be replayed
into the restored file — and the staged copy renamed into place. Any refusal leaves everything as it was.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from models import DatabaseOpenError, database, migrate, open_database
from models.migrations import NewerSchemaError
from services.core import chain_anchor, change_feed
from services.core.clock import now
from services.core.errors import XiaopuError
from services.core.messages import msg
from services.core.permissions import require
from services.shop.backup import copy_database
from services.shop.db_file import file_problems
from services.shop.setup import close_connection
from services.stock.integrity import run_check

SIDE_FILES = ("-wal", "-shm", "-journal")


class RestoreError(XiaopuError):
    pass


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    aside: Path | None  # the previous database, kept under a timestamped name (None: there was none)


def backup_anchor_problems(backup_file: Path) -> list[str]:
    """The open (staged) copy's audit chain against the anchor kept beside the backup (`.<name>.anchor`,
    services/core/chain_anchor.py): a backup whose chain was cut or recomputed after it was written is
    refused. A backup without an anchor file (older backups) has nothing to compare."""
    return chain_anchor.verify_anchor(chain_anchor.anchor_path(backup_file))


def lock_held_elsewhere(db: Path) -> bool:
    """The window's single-instance lock (ui/shell/single_instance.py, a QLockFile `<db>.lock`) is held by
    another live process. Qt keeps the file natively locked while the window is open: flock on POSIX, no
    write sharing on Windows; a crashed window's lock file is left unlocked."""
    lock = db.with_name(db.name + ".lock")
    try:
        first_line = lock.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip()
    except OSError:
        return False
    if first_line == str(os.getpid()):
        return False  # this very window restores
    try:
        if os.name == "nt":
            with lock.open("r+b"):
                return False
        import fcntl

        with lock.open("rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
        return False
    except PermissionError:
        return True


def settle_current(db: Path) -> None:
    """Refuse while any other connection has `db` open; otherwise fold its WAL into the file. Leaving WAL
    mode needs the database to itself, so "locked" here means another program (a CLI, a window) is in."""
    if lock_held_elsewhere(db):
        raise RestoreError("restore.in_use", path=db)
    if not db.exists():
        return
    change_feed.release_all()  # this process's own windows listen on the file too; they reconnect afterwards
    try:
        conn = sqlite3.connect(str(db), timeout=0)
        try:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreError("restore.in_use", path=db) from exc
    except sqlite3.DatabaseError:
        pass  # a damaged current database: set aside as it is, its -wal/-shm with it


def check_staged(staged: Path, source: Path) -> list[str]:
    """The app's own `check` on the staged copy (upgraded to this program's schema first), then the backup's
    chain anchor."""
    try:
        open_database(staged, create=False)
        migrate()
        problems = run_check().problems + backup_anchor_problems(source)
        database.execute_sql("PRAGMA journal_mode=DELETE")  # no -wal beside the copy when it is renamed
    except (DatabaseOpenError, NewerSchemaError, peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        return [msg("dbfile.unreadable", error=exc)]  # damage the integrity check let through, met by the upgrade
    finally:
        close_connection()
    return problems


def set_aside(db: Path) -> Path | None:
    """Rename the current database and its side files to `<name>-before-restore-<time><suffix>`."""
    if not db.exists():
        return None
    aside = db.with_name(f"{db.stem}-before-restore-{now():%Y%m%d-%H%M%S}{db.suffix}")
    os.replace(db, aside)
    old_anchor = chain_anchor.anchor_path(db)
    if old_anchor is not None and old_anchor.exists():  # the anchor belongs to the file set aside
        os.replace(old_anchor, chain_anchor.anchor_path(aside))
    for side in SIDE_FILES:
        leftover = db.with_name(db.name + side)
        if leftover.exists():
            os.replace(leftover, aside.with_name(aside.name + side))
    return aside


def restore(actor, backup_file: str | Path, db: str | Path) -> RestoreResult:
    """Replace the shop's database `db` with `backup_file`. `actor` None: the current database is too
    damaged to log in to (the CLI allows that case only). The caller reopens `db` afterwards."""
    if actor is not None:
        require(actor, "data.restore")
    source, db = Path(backup_file), Path(db)
    if source.exists() and db.exists() and source.resolve() == db.resolve():
        raise RestoreError("restore.same_file", path=source)
    problems = file_problems(source, allow_older=True)
    if problems:
        raise RestoreError("restore.bad_backup", path=source, problems="\n".join(problems))
    close_connection()
    settle_current(db)
    staged = db.with_name(db.name + ".restoring")
    _remove_with_side_files(staged)
    try:
        copy_database(source, staged)
        problems = check_staged(staged, source)
        if problems:
            raise RestoreError("restore.bad_backup", path=source, problems="\n".join(problems))
        settle_current(db)  # nobody came in meanwhile
        aside = set_aside(db)
        os.replace(staged, db)
    finally:
        _remove_with_side_files(staged)
    return RestoreResult(db, aside)


def _remove_with_side_files(path: Path) -> None:
    for side in ("", *SIDE_FILES):
        path.with_name(path.name + side).unlink(missing_ok=True)
