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
