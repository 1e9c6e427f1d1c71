"""Backup of a shop on PostgreSQL: pg_dump's custom format under a `.part` name, listed back by
pg_restore (a dump it cannot read is no backup), then renamed, as the SQLite backup does."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from services.core.clock import now
from services.core.errors import XiaopuError
from services.shop.app_paths import app_data_dir

PART_SUFFIX = ".part"
# where the Windows installer (EDB) puts the client tools; on Linux they are on PATH
WINDOWS_BIN = r"C:\Program Files\PostgreSQL\*\bin"


class PgBackupError(XiaopuError):
    pass


def client_tool(name: str) -> str | None:
    """pg_dump / pg_restore on PATH, else the newest PostgreSQL installed on Windows."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(os.path.join(WINDOWS_BIN, name + ".exe")))
    return candidates[-1] if candidates else None


def database_name(url: str) -> str:
    """The server database a URL names (the backups' name), "xiaopu" when it names none."""
    return urlsplit(url).path.lstrip("/") or "xiaopu"


def pg_backup(url: str, to_dir: str | Path | None = None) -> Path:
    """Dump the server database at `url` into `to_dir` (default: the app-data backups folder)."""
    dump, restore = client_tool("pg_dump"), client_tool("pg_restore")
    name = database_name(url)
    if dump is None:
        raise PgBackupError("backup.pg_dump_missing", database=name)
    target_dir = Path(to_dir) if to_dir else app_data_dir() / "backups"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PgBackupError("backup.folder_missing", path=target_dir) from exc
    target = target_dir / f"{name}-{now():%Y%m%d-%H%M%S}.dump"
    counter = 1
    while target.exists():  # two backups within one second: -2, -3 … as the SQLite backups
        counter += 1
        target = target_dir / f"{name}-{now():%Y%m%d-%H%M%S}-{counter}.dump"
    part = target.with_name(target.name + PART_SUFFIX)
    try:
        _run([dump, "--format=custom", "--no-owner", f"--file={part}", f"--dbname={url}"], part)
        if restore is not None:
            _run([restore, "--list", str(part)], part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return target


def _run(command: list[str], part: Path) -> None:
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        error = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise PgBackupError("backup.failed", path=part, error=error)
