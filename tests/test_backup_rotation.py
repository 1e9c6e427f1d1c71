"""Automatic backups to the owner's folder, kept 7 daily, 4 weekly, 12 monthly; a missing USB disk is said,
not fatal."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services.core import clock
from services.shop.backup import BackupError
from services.shop.backup_rotation import auto_backup, backup_due, backups_in, last_backup, rotate


def stamp(folder: Path, when: dt.datetime, stem: str = "shop") -> Path:
    path = folder / f"{stem}-{when:%Y%m%d-%H%M%S}.sqlite3"
    path.write_bytes(b"")
    return path


def test_a_year_of_closing_backups_is_rotated_to_20_files(tmp_path):
    """One backup each evening from 2025-11-01 to 2026-12-06, and a second one this morning (10:00)."""
    day = dt.date(2025, 11, 1)
    while day <= dt.date(2026, 12, 6):
        stamp(tmp_path, dt.datetime.combine(day, dt.time(21, 30)))
        day += dt.timedelta(days=1)
    stamp(tmp_path, dt.datetime(2026, 12, 6, 10, 0))
    stamp(tmp_path, dt.datetime(2026, 1, 1, 9, 0), stem="demo")  # another shop's backups are not touched
    (tmp_path / "shop-20261206-220000.sqlite3.part").write_bytes(b"")  # a killed backup is not a backup

    (tmp_path / ".shop-20251101-213000.sqlite3.anchor").write_text("{}")  # the anchor beside a backup
    (tmp_path / ".shop-20261130-213000.sqlite3.anchor").write_text("{}")

    rotate(tmp_path, "shop")

    kept = sorted(b.taken.strftime("%m-%d %H:%M") for b in backups_in(tmp_path, "shop"))
    daily = ["11-30 21:30"] + [f"12-0{d} 21:30" for d in range(1, 7)]  # 7 days: the evening one is the newest
    weekly = ["11-15 21:30", "11-22 21:30", "11-29 21:30"]  # ISO weeks 46-48 (week 49 is 12-06)
    monthly = ["01-31 21:30", "02-28 21:30", "03-31 21:30", "04-30 21:30", "05-31 21:30", "06-30 21:30",
               "07-31 21:30", "08-31 21:30", "09-30 21:30", "10-31 21:30"]  # with 11-30 and 12-06: 12 months
    assert kept == sorted(daily + weekly + monthly)
    assert len(kept) == 20
    assert not any(b.taken.year == 2025 for b in backups_in(tmp_path, "shop"))
    assert (tmp_path / "demo-20260101-090000.sqlite3").exists()
    assert not (tmp_path / ".shop-20251101-213000.sqlite3.anchor").exists()  # removed with its backup
    assert (tmp_path / ".shop-20261130-213000.sqlite3.anchor").exists()


def test_auto_backup_writes_rotates_and_is_due_again_tomorrow(db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    old = stamp(usb, dt.datetime(2024, 5, 1, 21, 0))  # the backup of a month long ago
    assert backup_due(usb)
    path = auto_backup(usb)
    assert path == usb / "shop-20261206-100000.sqlite3"
    assert last_backup(usb).path == path and not backup_due(usb)
    assert old.exists()  # only 2 months have a backup: it is still one of the 12 monthly ones kept
    with clock.clock_at(dt.datetime(2026, 12, 7, 9, 0)):
        assert backup_due(usb)


def test_a_missing_usb_disk_is_a_message_and_nothing_is_written(db, tmp_path):
    with pytest.raises(BackupError) as refused:
        auto_backup(tmp_path / "F盘" / "备份")
    assert "备份文件夹不存在或没有接上" in str(refused.value) and "小铺照常使用" in str(refused.value)
    assert not (tmp_path / "F盘").exists()
    assert last_backup(tmp_path / "F盘" / "备份") is None
