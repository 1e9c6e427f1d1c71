"""Low stock: sellable below the safety stock raises an alert; one click drafts the purchase orders."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from purchase_shop import opening_stock, purchase_shop

from models import Product, PurchaseOrder, PurchaseOrderLine
from services.core.clock import now
from services.core.errors import PermissionDenied
from services.purchasing import purchase_approval, purchase_orders
from services.purchasing.low_stock import draft_purchase_for, low_stock
from services.purchasing.purchase_orders import OrderLineInput
from services.stock import reservations


@pytest.fixture
def ps(shop):
    p = purchase_shop(shop)
    for product, line in ((p.spinach, "23"), (p.blueberry, "10"), (p.screw, "500")):
        Product.update(safety_stock=Decimal(line)).where(Product.id == product.id).execute()
    opening_stock(p.owner, p.spinach, "17", p.store)
    opening_stock(p.owner, p.blueberry, "30", p.store)
    opening_stock(p.owner, p.screw, "100", p.store)
    return p


def test_low_stock_lists_products_below_their_safety_stock(ps):
    rows = {r.sku: r for r in low_stock()}
    assert set(rows) == {ps.spinach.sku, ps.screw.sku}
    assert (rows[ps.spinach.sku].sellable, rows[ps.spinach.sku].shortfall) == (17, 6)
    assert [r.sku for r in low_stock()] == [ps.screw.sku, ps.spinach.sku]  # biggest shortfall first
    assert "菠菜" in rows[ps.spinach.sku].text() and "23" in rows[ps.spinach.sku].text()
    # an unpaid channel order holding 25 of the 30 boxes makes 蓝莓 low at once
    reservations.reserve(ps.owner, "so:MT-7", ps.blueberry.id, ps.store.id, Decimal(25),
                         now() + dt.timedelta(minutes=30))
    row = next(r for r in low_stock() if r.sku == ps.blueberry.sku)
    assert (row.on_hand, row.reserved, row.sellable, row.shortfall) == (30, 25, 5, 5)


def test_on_order_is_shown_and_reduces_the_shortfall(ps):
    order = purchase_orders.create_draft(ps.owner, ps.veg.id, [OrderLineInput(ps.spinach.id, Decimal(10))])
    purchase_approval.submit(ps.owner, order.number)
    row = next(r for r in low_stock() if r.sku == ps.spinach.sku)
    assert (row.on_order, row.shortfall) == (10, 0)  # still under the line until it arrives, but covered
    result = draft_purchase_for(ps.owner, [ps.spinach.id])
    assert result.order_numbers == [] and result.covered == ["菠菜"] and "在途" in result.message


def test_one_click_drafts_one_order_per_supplier_and_a_reorder_list(ps):
    reservations.reserve(ps.owner, "so:DY-9", ps.blueberry.id, ps.store.id, Decimal(25))
    result = draft_purchase_for(ps.owner, [ps.spinach.id, ps.blueberry.id, ps.screw.id, ps.spinach.id])
    assert len(result.order_numbers) == 2
    orders = {o.supplier.code: o for o in PurchaseOrder.select().where(PurchaseOrder.number.in_(result.order_numbers))}
    assert set(orders) == {"VEG", "FRUIT"} and {o.state for o in orders.values()} == {"draft"}
    lines = {line.product_id: line for line in PurchaseOrderLine.select()}
    spinach = lines[ps.spinach.id]
    assert spinach.order_id == orders["VEG"].id
    assert spinach.quantity * spinach.factor >= 6 and (spinach.quantity * spinach.factor) % 5 == 0  # packs of 5 斤
    berries = lines[ps.blueberry.id]
    assert berries.order_id == orders["FRUIT"].id and berries.quantity * berries.factor >= 5
    assert (berries.quantity * berries.factor) % 12 == 0  # whole 箱
    # 螺丝 has no supplier: a plain reorder line, said in words
    assert [(r.sku, r.quantity) for r in result.reorder] == [(ps.screw.sku, Decimal(400))]
    assert "补货清单" in result.message and "螺丝" in result.message
    assert ps.screw.id not in lines


def test_only_purchasers_draft(ps):
    with pytest.raises(PermissionDenied):
        draft_purchase_for(ps.cashier, [ps.spinach.id])
    assert PurchaseOrder.select().count() == 0


def test_cli_stock_low_json(ps, db_path):
    from test_cli import xiaopu

    done = xiaopu("stock", "low", "--json", db=db_path)
    assert done.returncode == 0, done.stderr
    rows = {r["sku"]: r for r in json.loads(done.stdout)}
    assert set(rows) == {ps.spinach.sku, ps.screw.sku}
    assert rows[ps.spinach.sku]["sellable"] == "17" and rows[ps.spinach.sku]["safety_stock"] == "23"
    plain = xiaopu("stock", "low", db=db_path)
    assert plain.returncode == 0 and "菠菜" in plain.stdout
    assert xiaopu("stock", "--json", db=db_path).returncode == 0  # the plain stock list still works
