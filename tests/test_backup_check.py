"""`check` on damaged files, and backups that are whole or absent: a temporary name until verified, a
verification that opens exactly the file it names (folders with # ? % spaces and Chinese)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from models import database, open_database
from services.shop import backup as backups
from services.shop.backup import BackupError, backup, verify_backup
from services.stock.integrity import run_check
from tests.damaged_files import cli, damaged_files

FOUND = {  # what `check` says about each damaged file
    "truncated": "文件不完整:应有",
    "random_middle": "数据库文件已损坏",
    "zeroed_page": "数据库文件已损坏",
    "not_sqlite": "不是小铺的数据库文件",
    "older": "旧版本小铺的数据库(结构版本 4",
    "empty": "文件是空的(0 字节)",
}


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> dict[str, Path]:
    return damaged_files(tmp_path_factory.mktemp("damaged"))


@pytest.mark.parametrize("name", sorted(FOUND))
def test_check_reports_a_damaged_file_in_chinese_and_leaves_it_as_it_was(damaged, name, capsys):
    before = damaged[name].read_bytes()
    assert cli("--db", str(damaged[name]), "check") == 1
    err = capsys.readouterr().err
    assert FOUND[name] in err and "Traceback" not in err
    assert damaged[name].read_bytes() == before  # not migrated, not filled with a new shop


def test_the_sound_shop_passes_check(damaged, capsys):
    assert cli("--db", str(damaged["truncated"].with_name("sound.sqlite3")), "check") == 0
    assert "检查通过" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["random_middle", "zeroed_page"])
def test_run_check_on_an_opened_damaged_file_reports_instead_of_raising(damaged, name, tmp_path):
    """The crash the probe found: the foreign-key check raised after the integrity check had found damage."""
    copy = tmp_path / "shop.sqlite3"
    copy.write_bytes(damaged[name].read_bytes())
    open_database(copy)
    try:
        report = run_check()
    finally:
        database.close()
    assert not report.ok
    assert report.problems[0].startswith(("数据库文件已损坏", "读取数据库文件时出错"))


FOLDERS = ["店#1", "what?now", "100%", "my backups", "小铺 备份", "%23#?%"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_backup_into_an_awkward_folder_is_verified_where_it_was_written(db, db_path, tmp_path, folder):
    target = tmp_path / "usb" / folder
    path = backup(target)
    assert path.parent == target and path.name == "shop-20261206-100000.sqlite3"
    # no .part left, no stray files: the backup and its chain anchor (services/core/chain_anchor)
    assert sorted(p.name for p in target.iterdir()) == [f".{path.name}.anchor", path.name]
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [folder]
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM user").fetchone()[0] == 1
    raw.close()


@pytest.mark.parametrize("folder", ["店#1", "what?now", "100%"])
def test_random_bytes_under_an_awkward_folder_fail_verification_and_create_nothing(tmp_path, folder):
    """Before: `file:{path}?mode=ro` cut at the # opened `店` read-write, created it and 'verified' it."""
    (tmp_path / folder).mkdir()
    bogus = tmp_path / folder / "shop-20261206-100000.sqlite3"
    bogus.write_bytes(os.urandom(50_000))
    with pytest.raises(BackupError, match="备份验证失败"):
        verify_backup(bogus)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    assert sorted(p.name for p in (tmp_path / folder).iterdir()) == [bogus.name]


def test_a_backup_that_fails_verification_leaves_no_file_under_a_backup_name(db, tmp_path, monkeypatch):
    def broken(path: Path) -> None:
        assert path.name.endswith(".sqlite3.part") and path.stat().st_size > 0  # written under the temporary name
        raise BackupError("backup.failed", path=path, error="disk error")

    monkeypatch.setattr(backups, "verify_backup", broken)
    with pytest.raises(BackupError):
        backup(tmp_path / "bk")
    assert list((tmp_path / "bk").iterdir()) == []


def test_a_killed_backup_leaves_only_a_part_file(db, tmp_path, monkeypatch):
    """A kill between the copy and the rename: nothing carries a backup's name."""
    def killed(path: Path) -> None:
        raise KeyboardInterrupt  # the process is stopped mid-backup

    monkeypatch.setattr(backups, "verify_backup", killed)
    with pytest.raises(KeyboardInterrupt):
        backup(tmp_path / "bk")
    assert [p for p in (tmp_path / "bk").iterdir() if p.name.endswith(".sqlite3")] == []


def test_a_missing_usb_folder_is_refused_not_created(db, tmp_path):
    with pytest.raises(BackupError, match="U 盘是否插好"):
        backup(tmp_path / "E盘" / "小铺备份", create_dir=False)
    assert not (tmp_path / "E盘").exists()


def _checkpoint_killed_after_page_1(wal: Path, main: Path) -> None:
    """What a checkpoint leaves when killed after its first page: the -wal's newest page 1 (with the new
    page count) copied into the file, the file not yet grown, the -wal untouched."""
    data = wal.read_bytes()
    page_size = int.from_bytes(data[8:12], "big")
    frame = 24 + page_size
    page_1 = [data[at + 24:at + frame] for at in range(32, len(data) - frame + 1, frame)
              if int.from_bytes(data[at:at + 4], "big") == 1][-1]
    with main.open("r+b") as handle:
        handle.write(page_1)


def test_a_file_left_short_by_a_killed_checkpoint_passes_check_and_is_made_whole(tmp_path, capsys):
    """The CI failure of the kill -9 loop: killed inside a checkpoint, the file is shorter than its header's
    page count while the -wal still holds every page; opening it finishes the copy, nothing is lost."""
    from decimal import Decimal

    from services.catalog import locations
    from services.shop.setup import initialise
    from services.stock import ledger
    from services.stock.stock import on_hand_by_product

    live = tmp_path / "live" / "shop.sqlite3"
    live.parent.mkdir()
    live.write_bytes(damaged_files(tmp_path / "d")["truncated"].with_name("sound.sqlite3").read_bytes())
    open_database(live)
    try:
        database.execute_sql("PRAGMA wal_autocheckpoint=0")  # every page stays in the -wal
        owner = initialise()
        store, supplier = locations.default_store(), locations.virtual("supplier")
        product_ids = [row[0] for row in database.execute_sql("SELECT id FROM product ORDER BY id")]
        for _ in range(30):
            ledger.post_document(owner, "receipt", [ledger.Line(p, Decimal("2"), supplier.id, store.id)
                                                    for p in product_ids])
        expected = on_hand_by_product(store.id)
        crashed = tmp_path / "crashed" / "shop.sqlite3"
        crashed.parent.mkdir()
        for suffix in ("", "-wal"):  # the files as a kill -9 leaves them (no checkpoint on close)
            crashed.with_name(crashed.name + suffix).write_bytes(live.with_name(live.name + suffix).read_bytes())
    finally:
        database.close()
    _checkpoint_killed_after_page_1(crashed.with_name(crashed.name + "-wal"), crashed)
    header = crashed.read_bytes()[:100]
    page_size, pages = int.from_bytes(header[16:18], "big"), int.from_bytes(header[28:32], "big")
    assert crashed.stat().st_size < pages * page_size  # the state the length check took for a cut-short copy

    assert cli("--db", str(crashed), "check") == 0
    assert "检查通过" in capsys.readouterr().out
    open_database(crashed)
    try:
        assert on_hand_by_product(store.id) == expected
    finally:
        database.close()
    assert crashed.stat().st_size >= pages * page_size
