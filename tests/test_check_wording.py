"""`check` says its findings in the shop's words: SKU and name, lot code, location code and name,
plain quantities — not "product 1 lot 2 location 3"."""
from __future__ import annotations

from decimal import Decimal

from models import database
from services.stock import ledger
from services.stock.integrity import run_check


def test_a_balance_edited_by_hand_is_named_by_sku_lot_and_shelf(shop):
    """24 boxes of blueberries in lot L1201 at the store; someone types 30 into the balance table."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal(24), shop.supplier.id,
                                                             shop.store.id, lot_code="L1201")])
    database.execute_sql("UPDATE balance SET quantity = quantity + 6000")  # stored in thousandths: +6
    text = run_check().text()
    sku, store = shop.blueberry.sku, f"{shop.store.code} {shop.store.name}"
    assert text.splitlines()[0] == "检查发现问题:"
    assert f"{sku} 蓝莓 批次 L1201 在 {store} 的余额是 30,但流水合计是 24" in text
    assert "product" not in text and "location" not in text


def test_negative_stock_is_named_too(shop):
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(5), shop.supplier.id,
                                                             shop.store.id)])
    database.execute_sql("UPDATE balance SET quantity = -2000")  # −2 screws, and the moves say 5
    text = run_check().text()
    assert f"{shop.screw.sku} 十字螺丝 批次 - 在 {shop.store.code} {shop.store.name} 的库存是负数:-2" in text


def test_a_move_naming_a_product_that_is_not_there_is_found(shop):
    """The move table has no foreign keys on SQLite (the ledger checks what it writes: models/ledger_guards.py);
    a move slipped in behind the ledger's back naming product 999999 and location 888888 is still found."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(5), shop.supplier.id,
                                                             shop.store.id)])
    database.execute_sql("INSERT INTO move (document_id, line_no, product_id, lot_id, from_location_id, "
                         "to_location_id, quantity, move_date, created_at) SELECT document_id, 2, 999999, NULL, "
                         "888888, to_location_id, 0, move_date, created_at FROM move")
    sneaked = database.execute_sql("SELECT max(id) FROM move").fetchone()[0]
    problems = run_check().problems
    assert f"move 表第 {sneaked} 行指向 product 表里不存在的记录" in problems
    assert f"move 表第 {sneaked} 行指向 location 表里不存在的记录" in problems
