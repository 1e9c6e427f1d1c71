"""A full disk: posting, importing and backing up end in a message in the user's words, nothing is half
written and the shop goes on once there is room. Before, SQLite rolled the transaction back itself
and peewee's own ROLLBACK then ended in "cannot rollback - no transaction is active" (a traceback).
The disk is filled here by SQLite's max_page_count or by the failure the disk gives; the same was
tried by hand on a small loop-mounted ext4 image filled to the last block."""
from __future__ import annotations

import errno
import sqlite3
from decimal import Decimal
from pathlib import Path

import peewee
import pytest

from models import DatabaseOpenError, Document, Move, Product, database, open_database
from services.imports.product_import import import_products
from services.shop import backup as backups
from services.stock import integrity, ledger


def disk_fills(shop) -> None:
    """The file may not grow by another page from now on."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def big_receipt(shop, boxes: int = 400):
    line = ledger.Line(shop.blueberry.id, Decimal("1"), shop.supplier.id, shop.store.id)
    return ledger.post_document(shop.owner, "receipt", [line] * boxes)


def test_a_receipt_on_a_full_disk_is_refused_in_words_and_the_shop_goes_on(shop):
    big_receipt(shop)
    documents, moves = Document.select().count(), Move.select().count()
    disk_fills(shop)
    with pytest.raises(DatabaseOpenError, match="磁盘已满,这一步没有保存.*已有的数据都在"):
        big_receipt(shop)
    assert (Document.select().count(), Move.select().count()) == (documents, moves)  # nothing half-posted
    database.execute_sql("PRAGMA max_page_count = 1073741823")  # room again (the owner cleared the disk)
    big_receipt(shop)
    assert Document.select().count() == documents + 1 and integrity.run_check().ok


def test_a_commit_the_disk_refuses_is_worded_not_cannot_rollback(shop, monkeypatch):
    """The very traceback of the probe: COMMIT fails on SQLITE_FULL after SQLite rolled back itself."""
    db = database.obj

    def full_commit():
        db.cursor().execute("ROLLBACK")  # what SQLite does by itself when the disk fills at COMMIT
        raise peewee.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "commit", full_commit)
    with pytest.raises(DatabaseOpenError, match="磁盘已满") as refused:
        big_receipt(shop, boxes=3)
    assert "cannot rollback" in str(refused.value.__cause__)  # what it used to end in
    monkeypatch.undo()
    assert Document.select().count() == 0 and not database.in_transaction()
    big_receipt(shop, boxes=3)
    assert Document.select().count() == 1


def test_an_import_on_a_full_disk_keeps_the_products_as_they_were(shop, tmp_path):
    sheet = tmp_path / "商品.csv"
    rows = [f"IMP{i:05d},进口商品{i}号,个,1.5,3" for i in range(2000)]
    sheet.write_text("编码,名称,单位,进价,售价\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = Product.select().count()
    disk_fills(shop)
    with pytest.raises(DatabaseOpenError, match="磁盘已满"):
        import_products(shop.owner, sheet)
    assert Product.select().count() == before


def test_a_backup_onto_a_full_usb_disk_leaves_nothing_behind(shop, tmp_path, monkeypatch):
    real_connect = sqlite3.connect

    def small_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 3")  # the USB disk holds three pages
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(backups.BackupError, match="备份没有写成.*磁盘满了.*没有留下半个备份"):
        backups.backup(usb)
    assert list(usb.iterdir()) == []  # no .part, no .part-journal


def test_a_backup_whose_anchor_no_longer_fits_is_removed_whole(shop, tmp_path, monkeypatch):
    def no_room(path: Path, head) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "write_anchor", no_room)
    with pytest.raises(backups.BackupError, match="备份没有写成"):
        backups.backup(tmp_path / "usb")
    assert list((tmp_path / "usb").iterdir()) == []  # a backup without its anchor would not restore


def test_a_backup_folder_the_full_disk_cannot_hold_is_not_called_unplugged(shop, tmp_path, monkeypatch):
    def no_room(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "mkdir", no_room)
    with pytest.raises(backups.BackupError, match="磁盘满了") as refused:
        backups.backup(tmp_path / "usb")
    assert "U 盘是否插好" not in str(refused.value)


def test_a_disk_too_full_to_open_the_shop_says_so(db_path, monkeypatch):
    """SQLite cannot create the -shm file a WAL database needs: it says only "disk I/O error"."""
    import shutil

    import models.db as model_db

    class NoRoom(peewee.SqliteDatabase):
        def _connect(self):
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(model_db, "make_sqlite", lambda path: NoRoom(str(path)))
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(8 << 30, 8 << 30, 4096))
    with pytest.raises(DatabaseOpenError, match="磁盘已满,打不开数据库"):
        open_database(db_path)
