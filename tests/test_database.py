"""Opening the shop's database: migrations, read-only files, locks, network shares, URLs."""
from __future__ import annotations

import os
import sqlite3
from decimal import Decimal

import pytest

from models import SCHEMA_VERSION, DatabaseOpenError, database, open_database
from models.db import DatabaseBusy, close_database, is_network_path
from models.migrations import get_version
from services.shop.setup import initialise
from services.stock import ledger
from services.stock.ledger import Line


def test_init_is_idempotent_and_sets_user_version(db_path):
    open_database(db_path)
    initialise()
    initialise()
    assert get_version(database.obj) == SCHEMA_VERSION
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    close_database()


def test_a_file_that_is_not_a_database_is_refused_cleanly(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(DatabaseOpenError, match="无法打开数据库"):
        open_database(bogus)
    assert "这不是数据库" in bogus.read_text(encoding="utf-8")


def test_a_read_only_file_is_refused(db_path, monkeypatch):
    # root ignores file modes, so the permission answer is faked rather than chmod-ed
    open_database(db_path)
    initialise()
    close_database()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(DatabaseOpenError, match="只读"):
        open_database(db_path)


def test_a_locked_database_gives_a_message_and_writes_nothing(shop, db_path):
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    database.execute_sql("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(DatabaseBusy, match="占用"):
            ledger.post_document(shop.owner, "receipt",
                                 [Line(shop.screw.id, Decimal(1), shop.supplier.id, shop.store.id)])
    finally:
        other.rollback()
        other.close()
    assert ledger.Document.select().count() == 0


def test_network_paths_are_recognised():
    from pathlib import Path

    assert is_network_path(Path(r"\\shop-pc\share\xiaopu.sqlite3"))
    assert not is_network_path(Path("/tmp/xiaopu.sqlite3"))


def test_a_postgresql_url_is_accepted_and_the_password_never_shown():
    with pytest.raises(DatabaseOpenError) as err:
        open_database("postgresql://shop:s3cret@127.0.0.1:1/xiaopu")
    assert "s3cret" not in str(err.value)
    assert type(database.obj).__name__ == "PostgresqlDatabase"
    with pytest.raises(DatabaseOpenError, match="不支持"):
        open_database("mysql://x@y/z")


def test_a_version_1_database_is_migrated_forward(db_path):
    """A shop that installed the first release keeps its data when the program is updated."""
    from models.migrations import MIGRATIONS, _set_version

    open_database(db_path)
    MIGRATIONS[0](database.obj)
    database.execute_sql("DROP INDEX IF EXISTS document_occurred_at")
    database.execute_sql("ALTER TABLE document DROP COLUMN occurred_at")  # the column v1 did not have
    _set_version(database.obj, 1)
    assert get_version(database.obj) == 1
    initialise()
    assert get_version(database.obj) == SCHEMA_VERSION
    indexes = {row[1] for row in database.execute_sql("PRAGMA index_list(balance)").fetchall()}
    assert "balance_nonzero" in indexes
    lot_indexes = {row[1] for row in database.execute_sql("PRAGMA index_list(lot)").fetchall()}
    assert "lot_product_expiry" in lot_indexes and "lot_expiry_date" not in lot_indexes  # (product, expiry) serves both
    tables = set(database.get_tables())
    assert {"supplier", "purchase_order", "goods_receipt"} <= tables
    assert "occurred_at" in {c.name for c in database.get_columns("document")}
    close_database()


def test_a_database_from_a_newer_program_is_refused(db_path):
    from services.core.errors import XiaopuError

    open_database(db_path)
    initialise()
    database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(XiaopuError, match="比本程序"):
        initialise()
    close_database()


def test_a_shop_with_a_ledger_gets_its_moves_checked_by_the_ledger(db_path, monkeypatch):
    """A shop file from before the move table lost its foreign keys (issue 15 P1): its moves, their ids and
    its stock come through the upgrade; the keys and the lot index are gone, the append-only and the
    reference guards are there, `check` finds nothing and the shop posts on."""
    from models import migrations
    from services.catalog import locations, products
    from services.stock.integrity import run_check
    from services.stock.stock import stock_rows

    before = migrations.MIGRATIONS.index(migrations._move_checked_by_the_ledger)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", before)
    open_database(db_path)
    owner = initialise()
    apple = products.save_product(owner, products.ProductInput(name="苹果", base_unit="个", shelf_life_days=20))
    store, supplier, customer = locations.default_store(), locations.virtual("supplier"), locations.virtual("customer")
    ledger.post_document(owner, "receipt", [Line(apple.id, Decimal(30), supplier.id, store.id)])
    ledger.post_document(owner, "sale", [Line(apple.id, Decimal(12), store.id, customer.id)])
    moves = database.execute_sql("SELECT * FROM move ORDER BY id").fetchall()
    assert database.execute_sql("PRAGMA foreign_key_list(move)").fetchall() != []

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    assert migrations.migrate() == (before, len(migrations.MIGRATIONS))
    assert database.execute_sql("SELECT * FROM move ORDER BY id").fetchall() == moves
    assert database.execute_sql("PRAGMA foreign_key_list(move)").fetchall() == []
    assert "move_lot_id" not in {row[1] for row in database.execute_sql("PRAGMA index_list(move)").fetchall()}
    triggers = {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"move_no_update", "move_no_delete", "product_in_ledger_delete", "lot_in_ledger_delete"} <= triggers
    assert run_check().problems == []
    ledger.post_document(owner, "sale", [Line(apple.id, Decimal(18), store.id, customer.id)])
    assert [r.on_hand for r in stock_rows(product_id=apple.id)] == []
    close_database()
