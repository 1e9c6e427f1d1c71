"""`restore FILE`: the shop goes back to a verified backup, the current database is kept aside with its
-wal, and nothing changes when the backup is bad or the shop is open elsewhere."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from models import database, open_database
from services.core.errors import PermissionDenied
from services.core.users import create_user
from services.shop.backup import backup
from services.shop.restore import RestoreError, restore
from services.stock import ledger
from tests.damaged_files import cli, damaged_files

ROOT = Path(__file__).resolve().parent.parent


def moves(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [row[0] for row in raw.execute("SELECT quantity FROM move ORDER BY id")]
    finally:
        raw.close()


@pytest.fixture
def saved(shop, db_path, tmp_path):
    """24 boxes of blueberries received and backed up in the evening; the next morning 2.5 are sold."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal("24"), shop.supplier.id,
                                                             shop.store.id)])
    copy = backup(tmp_path / "usb")
    ledger.post_document(shop.owner, "sale", [ledger.Line(shop.blueberry.id, Decimal("2.5"), shop.store.id,
                                                          shop.customer.id)])
    return copy


def test_restore_brings_back_the_evening_and_keeps_the_morning_aside(shop, saved, db_path):
    result = restore(shop.owner, saved, db_path)
    assert result.aside == db_path.with_name("shop-before-restore-20261206-100000.sqlite3")
    assert len(moves(db_path)) == 1  # the receipt of 24
    assert len(moves(result.aside)) == 2  # the morning's sale is kept in the set-aside file
    open_database(db_path)
    from services.stock.integrity import run_check

    assert run_check().ok
    database.close()


def test_a_leftover_wal_goes_aside_with_its_database(shop, saved, db_path):
    """A program killed mid-session leaves shop.sqlite3-wal: it belongs to the old file, never to the restored one."""
    database.close()
    killed = (f"import os, sqlite3; c = sqlite3.connect({str(db_path)!r}); c.execute('PRAGMA wal_autocheckpoint=0');"
              "c.execute('CREATE TABLE only_in_wal (x)'); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", killed], check=True)
    assert db_path.with_name("shop.sqlite3-wal").stat().st_size > 0
    result = restore(shop.owner, saved, db_path)
    assert sorted(p.name for p in db_path.parent.glob("shop.sqlite3*")) == ["shop.sqlite3"]
    tables = {r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master")}
    assert "only_in_wal" not in tables
    aside = {r[0] for r in sqlite3.connect(result.aside).execute("SELECT name FROM sqlite_master")}
    assert "only_in_wal" in aside


def test_a_damaged_backup_is_refused_and_the_shop_is_untouched(shop, saved, db_path, tmp_path):
    bad = damaged_files(tmp_path / "bad")["zeroed_page"]
    open_database(db_path)
    before = moves(db_path)
    with pytest.raises(RestoreError, match="这个备份不能用来恢复,数据库没有改动"):
        restore(shop.owner, bad, db_path)
    assert moves(db_path) == before
    assert not [p for p in db_path.parent.iterdir() if "restor" in p.name]  # nothing set aside, nothing staged


def test_a_backup_whose_balances_disagree_with_its_moves_is_refused(shop, saved, db_path):
    raw = sqlite3.connect(saved)
    raw.execute("UPDATE balance SET quantity = '240'")
    raw.commit()
    raw.close()
    with pytest.raises(RestoreError) as refused:
        restore(shop.owner, saved, db_path)
    assert "但流水合计是 24" in str(refused.value)
    assert len(moves(db_path)) == 2 and not list(db_path.parent.glob("*before-restore*"))


def test_refused_while_another_program_has_the_shop_open(shop, saved, db_path):
    other = sqlite3.connect(db_path)  # e.g. a CLI script reading stock
    other.execute("SELECT count(*) FROM move").fetchone()
    try:
        with pytest.raises(RestoreError, match="请先关闭它再恢复"):
            restore(shop.owner, saved, db_path)
    finally:
        other.close()
    assert len(moves(db_path)) == 2


def test_refused_while_another_window_holds_the_shop(shop, saved, db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from ui.shell import single_instance;"
         f"lock = single_instance.acquire(Path({str(db_path)!r})); print('held', flush=True); sys.stdin.read()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        database.close()
        with pytest.raises(RestoreError, match="另一个小铺窗口或程序正打开着这个数据库"):
            restore(shop.owner, saved, db_path)
    finally:
        holder.communicate("")
    assert len(moves(db_path)) == 2
    assert restore(shop.owner, saved, db_path).aside is not None  # the window closed: now it restores


def test_only_the_owner_restores(shop, saved, db_path):
    cashier = create_user(shop.owner, "xiaomei", "cashier")
    with pytest.raises(PermissionDenied):
        restore(cashier, saved, db_path)


def test_cli_restore_then_check(shop, saved, db_path, capsys):
    database.close()
    assert cli("--db", str(db_path), "restore", str(saved)) == 0
    assert "已从备份恢复" in capsys.readouterr().out
    assert cli("--db", str(db_path), "check") == 0
    assert len(moves(db_path)) == 1


def test_cli_restores_over_a_damaged_database_without_a_login(shop, saved, db_path, tmp_path, capsys):
    database.close()
    db_path.write_bytes(damaged_files(tmp_path / "bad")["zeroed_page"].read_bytes())
    assert cli("--db", str(db_path), "restore", str(saved)) == 0
    out = capsys.readouterr()
    assert "当前数据库已损坏" in out.err and "已从备份恢复" in out.out
    assert cli("--db", str(db_path), "check") == 0


def test_cli_refuses_a_file_that_is_not_a_backup(shop, db_path, tmp_path, capsys):
    database.close()
    bogus = tmp_path / "照片#1.jpg"
    bogus.write_bytes(b"\xff\xd8\xff" + bytes(5000))
    assert cli("--db", str(db_path), "restore", str(bogus)) == 1
    assert "不是小铺的数据库文件" in capsys.readouterr().err


def test_the_window_that_restores_is_not_another_instance(shop, saved, db_path):
    """文件 → 从备份恢复… runs in the window that holds the single-instance lock itself."""
    from ui.shell import single_instance

    lock = single_instance.acquire(db_path)
    try:
        assert restore(shop.owner, saved, db_path).aside is not None
    finally:
        lock.unlock()
    assert len(moves(db_path)) == 1


def test_a_backup_whose_chain_no_longer_matches_its_anchor_is_refused(shop, saved, db_path):
    """The anchor written beside the backup remembers its chain head; a chain recomputed since is refused."""
    from services.core import chain_anchor

    raw = sqlite3.connect(saved)
    head = raw.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    raw.close()
    chain_anchor.write_anchor(chain_anchor.anchor_path(saved), {"event_id": head[0], "hash": "0" * 64})
    with pytest.raises(RestoreError, match="审计链被重算或改写"):
        restore(shop.owner, saved, db_path)
    chain_anchor.write_anchor(chain_anchor.anchor_path(saved), {"event_id": head[0], "hash": head[1]})
    result = restore(shop.owner, saved, db_path)
    assert len(moves(db_path)) == 1
    assert chain_anchor.anchor_path(result.aside).exists()  # the old file keeps its anchor beside it
