"""Automatic backups into the folder the owner picked (often a USB disk): one at closing and one a day,
kept by rotation — the newest backup of each of the last 7 days, 4 weeks and 12 months that have one."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from services.core import chain_anchor
from services.core.clock import now
from services.shop.backup import BackupError, backup, shop_stem

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-(\d+))?\.(?:sqlite3|dump)$")  # .dump: pg_dump's, on a server shop


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime
    sequence: int  # -2, -3 … of backups taken within one second


def backups_in(folder: Path, stem: str) -> list[BackupFile]:
    """The finished backups of the shop `stem` in `folder`, newest first (`.part` files are not backups)."""
    found = []
    for path in [*folder.glob(f"{stem}-*.sqlite3"), *folder.glob(f"{stem}-*.dump")]:
        match = _STAMP.search(path.name)
        if match is None or path.name[: match.start()] != stem:
            continue
        taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        found.append(BackupFile(path, taken, int(match.group(2) or 1)))
    return sorted(found, key=lambda b: (b.taken, b.sequence), reverse=True)


def to_keep(backups: list[BackupFile]) -> set[Path]:
    """Grandfather-father-son: walking newest to oldest, the first backup of a day, an ISO week or a month
    is kept while fewer than 7 days, 4 weeks or 12 months are kept."""
    keep: set[Path] = set()
    periods = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for limit, period_of in periods:
        seen: list[object] = []
        for item in backups:  # newest first
            period = period_of(item.taken)
            if period in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(period)
            keep.add(item.path)
    return keep


def rotate(folder: Path, stem: str) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns them."""
    backups = backups_in(folder, stem)
    keep = to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        chain_anchor.anchor_path(path).unlink(missing_ok=True)  # its anchor goes with it
    return removed


def last_backup(folder: str | Path) -> BackupFile | None:
    """The newest finished (so verified) backup of the open shop in `folder`; None when there is none or
    the folder is not there."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    found = backups_in(folder, shop_stem())
    return found[0] if found else None


def backup_due(folder: str | Path) -> bool:
    """A daily backup is due when the folder holds none from today."""
    last = last_backup(folder)
    return last is None or last.taken.date() < now().date()


def auto_backup(folder: str | Path) -> Path:
    """Back up into the owner's folder and rotate. A missing folder (USB disk not plugged in) raises
    BackupError('backup.folder_missing') and creates nothing: the caller shows it and the shop goes on."""
    folder = Path(folder)
    if not str(folder).strip() or not folder.is_dir():
        raise BackupError("backup.folder_missing", path=folder)
    path = backup(folder, create_dir=False)
    rotate(folder, shop_stem())
    return path
