"""Online backup of the live SQLite file: written under a temporary name, verified, then renamed, so a
file under a backup's name is always a whole, checked database (a killed backup leaves only a `.part`)."""
from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from models.db import database_file, database_url
from services.core.chain_anchor import anchor_path, head_of, write_anchor
from services.core.clock import now
from services.core.errors import XiaopuError
from services.shop.db_file import file_problems

PART_SUFFIX = ".part"


class BackupError(XiaopuError):
    pass


def live_database() -> Path:
    source = database_file()
    if source is None:
        raise BackupError("backup.not_sqlite")
    return Path(source)


def shop_stem() -> str:
    """What the shop's backups are named after: the file's stem, or the server database's name."""
    if database_url() is None:
        return live_database().stem
    from services.shop.pg_backup import database_name

    return database_name(database_url())


def backup_name(source: Path, target_dir: Path) -> Path:
    """`<shop>-YYYYMMDD-HHMMSS.sqlite3`, with -2, -3 … when two backups fall in one second."""
    target = target_dir / f"{source.stem}-{now():%Y%m%d-%H%M%S}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = target_dir / f"{source.stem}-{now():%Y%m%d-%H%M%S}-{counter}.sqlite3"
    return target


def backup(to_dir: str | Path | None = None, *, create_dir: bool = True) -> Path:
    """Copy the live database with SQLite's backup API (safe mid-write), verify the copy and only then give
    it its name. `create_dir=False`: a missing folder (a USB disk not plugged in) is refused, not made.
    A shop on PostgreSQL is dumped with pg_dump instead (services/shop/pg_backup.py)."""
    if database_url() is not None:
        from services.shop.pg_backup import pg_backup

        return pg_backup(database_url(), to_dir)
    source = live_database()
    target_dir = Path(to_dir) if to_dir else source.parent / "backups"
    if not target_dir.is_dir():
        if not create_dir:
            raise BackupError("backup.folder_missing", path=target_dir)
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            key = "backup.no_space" if exc.errno == errno.ENOSPC else "backup.folder_missing"
            raise BackupError(key, path=target_dir, error=exc) from exc
    target = backup_name(source, target_dir)
    part = target.with_name(target.name + PART_SUFFIX)
    try:
        copy_database(source, part)
        verify_backup(part)
        os.replace(part, target)
        # the backup's chain head beside it: a restore refuses the file once its chain was cut or recomputed
        write_anchor(anchor_path(target), head_of(target))
    except BaseException as exc:
        for leftover in (part, Path(f"{part}-journal"), target, anchor_path(target)):
            leftover.unlink(missing_ok=True)  # a full disk leaves no half backup (nor its journal) behind
        if isinstance(exc, OSError):
            raise BackupError("backup.no_space", path=target, error=exc) from exc
        raise
    return target


def copy_database(source: Path, dest_path: Path) -> None:
    """SQLite's online backup from `source` into a fresh file; disk errors become a BackupError."""
    try:
        src = sqlite3.connect(str(source), timeout=30)
        try:
            dest = sqlite3.connect(str(dest_path))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file: no -wal/-shm beside it
            finally:
                dest.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        raise BackupError("backup.no_space", path=dest_path, error=exc) from exc


def verify_backup(path: Path) -> None:
    """The copy opens read-only by its exact path and passes SQLite's integrity check as a Xiaopu database."""
    problems = file_problems(path)
    if problems:
        raise BackupError("backup.failed", path=path, error="; ".join(problems))
