"""The demo store's purchasing: ten suppliers, orders in every state, receipts against orders, returns."""
from __future__ import annotations

import datetime as dt

import pytest
from test_demo import SMALL, TODAY, fresh_db

from models import Document
from models.purchasing import GoodsReceipt, PurchaseOrder, PurchaseReturn, Supplier
from services.demo import store as demo_store
from services.demo.returns import RETURNING_SUPPLIER
from services.demo.store import generate_demo
from services.purchasing import purchase_orders as po
from services.purchasing import supplier_products, suppliers
from services.purchasing.purchase_returns import supplier_return_rate
from services.stock.integrity import run_check


def orders_json() -> list[dict]:
    return [o.as_json() for o in po.list_orders()]


def test_the_demo_buys_through_purchase_orders(db):
    generate_demo(db, **SMALL)
    assert run_check().ok, run_check().text()
    assert {s.name for s in Supplier.select()} >= {"城南蔬菜基地(老周)", "丰源粮油调味批发", "鲜果汇进口水果"}
    assert Supplier.select().count() == 10
    oil = suppliers.get_supplier("丰源粮油调味批发")
    assert (oil.delivery_weekdays, oil.lead_time_days) == ("14", 2)
    assert suppliers.get_supplier("老味道熟食坊").lead_time_days is None  # the suggestions ask for it

    states = {state for (state,) in PurchaseOrder.select(PurchaseOrder.state).tuples()}
    assert states == set(po.STATES), "orders in every state"
    by_order = (GoodsReceipt.select().where(GoodsReceipt.order.is_null(False) & (GoodsReceipt.state == "confirmed")
                                            & GoodsReceipt.document.is_null(False)))
    assert by_order.count() >= 8
    dates = {Document.get_by_id(r.document_id).doc_date for r in by_order}
    assert min(dates) >= TODAY - dt.timedelta(days=13) and max(dates) == TODAY
    assert GoodsReceipt.select().where(GoodsReceipt.state == "draft").count() == 1  # 老张 is counting the fish
    waiting = po.list_orders(state="submitted")[0]
    assert waiting.created_by == "xiaowang" and waiting.total > 2000 and waiting.flagged_lines == 1
    short = po.list_orders(state="partially_received")[0]
    assert any(line.damaged > 0 for line in po.order_lines(short.number))
    evening_returns = PurchaseReturn.select().where(PurchaseReturn.supplier != suppliers.get_supplier(RETURNING_SUPPLIER).id)
    assert evening_returns.count() == 2
    assert supplier_return_rate(suppliers.get_supplier("佳果源水果批发").id, end=TODAY) > 0
    blueberry = next(p for p in supplier_products.supplier_products(suppliers.get_supplier("佳果源水果批发"))
                     if p.name == "蓝莓")
    table = supplier_products.price_history(blueberry.product_id)
    assert [r.supplier_name for r in table][:1] == ["佳果源水果批发"] and len(table) == 2


def test_the_demos_purchasing_is_reproducible_and_resumes(db, tmp_path, monkeypatch):
    """Killed while 老张 counts a delivery: that day is undone, the run continues from the day before."""
    real = demo_store.receive_order
    calls = {"n": 0}

    def stop_after_15(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 15:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(demo_store, "receive_order", stop_after_15)
    with pytest.raises(KeyboardInterrupt):
        generate_demo(db, **SMALL)
    monkeypatch.setattr(demo_store, "receive_order", real)
    assert GoodsReceipt.select().where(GoodsReceipt.state == "draft").count() == 0, "the counting day was undone"
    assert 0 < PurchaseOrder.select().count()
    generate_demo(db, **SMALL)
    resumed = orders_json()

    owner = fresh_db(tmp_path / "clean.sqlite3")
    generate_demo(owner, **SMALL)
    assert orders_json() == resumed
