"""The shop's file on a medium nobody may write (a CD, a write-protected USB disk): `stock` and `check`
still read it, opened read-only — no -wal/-shm created beside it, no migration, nothing added — and a
command that writes says why it cannot. Root (CI) ignores file modes, so the operating system's answer
is faked for the shop's folder (the same was tried by hand on a read-only loop-mounted ext4 image)."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

import main
from models import DatabaseOpenError, Document, database, open_database
from models.db import close_database, is_read_only
from services.catalog import locations, products
from services.shop.setup import initialise
from services.stock import ledger


@pytest.fixture
def shelf_copy(tmp_path, monkeypatch):
    """A shop with 24 boxes of blueberries received and 2.5 sold, then its folder turned read-only."""
    path = tmp_path / "shop.sqlite3"
    open_database(path)
    owner = initialise()
    berries = products.save_product(owner, products.ProductInput(name="蓝莓", sku="BB", base_unit="盒"))
    store, supplier, customer = locations.default_store(), locations.virtual("supplier"), locations.virtual("customer")
    ledger.post_document(owner, "receipt", [ledger.Line(berries.id, Decimal("24"), supplier.id, store.id)])
    ledger.post_document(owner, "sale", [ledger.Line(berries.id, Decimal("2.5"), store.id, customer.id)])
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    for leftover in tmp_path.glob("shop.sqlite3-*"):
        leftover.unlink()
    real_access = os.access
    medium = tmp_path.resolve()

    def access(target, mode, **kwargs):
        if mode & os.W_OK and Path(target).resolve().is_relative_to(medium):
            return False
        return real_access(target, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    yield path
    close_database()


def run(path: Path, *command: str) -> int:
    status = main.main(["--db", str(path), *command])
    close_database()
    return status


def test_stock_and_check_read_the_file_as_it_is(shelf_copy, capsys):
    before, files = shelf_copy.read_bytes(), sorted(shelf_copy.parent.iterdir())
    assert run(shelf_copy, "stock") == 0
    assert "21.5" in capsys.readouterr().out
    assert run(shelf_copy, "check") == 0
    assert "检查通过" in capsys.readouterr().out
    assert shelf_copy.read_bytes() == before  # not a byte changed
    assert sorted(shelf_copy.parent.iterdir()) == files  # no -wal or -shm beside it


def test_a_writing_command_is_refused_in_words(shelf_copy, capsys):
    assert run(shelf_copy, "user", "add", "xiaomei", "--role", "cashier") == 1
    err = capsys.readouterr().err
    assert "只读" in err and "stock 和 check" in err and "Traceback" not in err


def test_a_write_on_the_read_only_connection_is_refused_and_nothing_is_written(shelf_copy):
    open_database(shelf_copy, read_only=True)
    assert is_read_only()
    owner = initialise()
    berries = products.get_product("BB")
    store, customer = locations.default_store(), locations.virtual("customer")
    with pytest.raises(DatabaseOpenError, match="只读打开.*复制到可写的位置"):
        ledger.post_document(owner, "sale", [ledger.Line(berries.id, Decimal("1"), store.id, customer.id)])
    assert Document.select().count() == 2


def test_an_older_file_is_not_upgraded_where_it_cannot_be_written(shelf_copy, capsys):
    import sqlite3

    from models.migrations import SCHEMA_VERSION

    conn = sqlite3.connect(shelf_copy)  # aged behind the program's back (sqlite3 does not ask os.access)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    assert run(shelf_copy, "stock") == 1
    assert "旧版本" in capsys.readouterr().err
    conn = sqlite3.connect(shelf_copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1  # not migrated
    conn.close()
