"""One window per database file: a QLockFile next to it (stale locks of crashed runs are taken over)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class DatabaseInUse(Exception):
    pass


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def acquire(db_file: Path) -> QLockFile | None:
    """Lock `db_file` for this process; raise DatabaseInUse when another live process holds it.

    Returns None when the folder cannot hold a lock file (opening the database then reports why)."""
    lock = QLockFile(str(lock_path(db_file)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never merely because it is old
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        raise DatabaseInUse(str(db_file))
    return None
