"""Online backup of the live SQLite file, verified by opening the copy."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db import database_file
from services.core.clock import now
from services.core.errors import XiaopuError


class BackupError(XiaopuError):
    pass


def backup(to_dir: str | Path | None = None) -> Path:
    """Copy the live database with SQLite's backup API (safe mid-write) and verify the copy."""
    source_path = database_file()
    if source_path is None:
        raise BackupError("db.bad_url", url="backup needs a SQLite file")
    target_dir = Path(to_dir) if to_dir else Path(source_path).parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{Path(source_path).stem}-{now():%Y%m%d-%H%M%S}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{target.stem}-{counter}.sqlite3")
    source = sqlite3.connect(source_path, timeout=30)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    verify_backup(target)
    return target


def verify_backup(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            conn.execute("SELECT count(*) FROM move").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError("backup.failed", path=path, error=exc) from exc
    if ok != "ok":
        raise BackupError("backup.failed", path=path, error=ok)
