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
