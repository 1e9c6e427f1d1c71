"""批次追溯 through production: two deliveries of melons (lots A and B) go into 果切拼盘 (FEFO takes all
of A and a little of B), a customer buys platters. Backward from the platter lot finds both melon lots
and their deliveries; forward from melon lot B finds the platter lot and the customer (a recall list)."""
from __future__ import annotations

import datetime as dt

import pytest

from services.catalog.locations import default_store
from services.core.clock import today
from services.core.errors import NotFound
from services.production.production_orders import create_order, release
from services.production.production_posting import complete
from services.production.production_trace import TraceNode, backward, forward
from services.sales import sales_orders, sales_shipping
from services.sales.customers import CustomerInput, save_customer
from services.sales.sales_lines import SaleLineInput
from tests.conftest import D
from tests.test_bom import platter_shop

TODAY = today()


def flat(node: TraceNode, depth: int = 0) -> list[tuple]:
    """(depth, kind, sku, lot, quantity, partner) depth first."""
    return [(depth, node.kind, node.sku, node.lot, node.quantity, node.partner)] + [
        row for child in node.children for row in flat(child, depth + 1)]


@pytest.fixture
def day(owner):
    from tests.sales_shop import stock_in

    p = platter_shop(owner)
    store = default_store()
    stock_in(owner, p.melon, "3", store, expiry=TODAY + dt.timedelta(days=3), lot_code="XG-A")
    stock_in(owner, p.melon, "5", store, expiry=TODAY + dt.timedelta(days=5), lot_code="XG-B")
    stock_in(owner, p.cantaloupe, "4", store, expiry=TODAY + dt.timedelta(days=4), lot_code="HMG-1")
    stock_in(owner, p.box, "100", store)
    # 8 份: 4 kg 半成品 = 4 × 0.7 ÷ 0.9 = 3.111 kg melon rounded up to 3.112: 3 of A, 0.112 of B and 1.778 kg cantaloupe
    order = create_order(owner, "GQP", "8")
    release(owner, order.number)
    done = complete(owner, order.number, good="8")
    customer = save_customer(owner, CustomerInput(name="幸福小区团购"))
    sale = sales_orders.create_order(owner, "STORE", [SaleLineInput(p.platter.id, "5", price="25")],
                                     customer_id=customer.id, paid=True)
    sales_shipping.confirm(owner, sale.number)
    sales_shipping.ship(owner, sale.number)
    return p, order.number, done.lot_code, sale.number


def test_backward_from_the_platter_lot_reaches_both_melon_deliveries(owner, day):
    _, _, lot, _ = day
    tree = backward("GQP", lot)
    assert (tree.kind, tree.sku, tree.lot) == ("lot", "GQP", lot)
    [made] = tree.children
    assert (made.kind, made.quantity, made.day) == ("made", D("8"), TODAY) and made.document
    used = {(c.sku, c.lot): c.quantity for c in made.children}
    assert used[("XG", "XG-A")] == D("3") and used[("XG", "XG-B")] == D("0.112")
    assert used[("HMG", "HMG-1")] == D("1.778")
    receipts = {(c.sku, c.lot): [(g.kind, g.quantity) for g in c.children] for c in made.children}
    assert receipts[("XG", "XG-A")] == [("received", D("3"))]
    assert receipts[("XG", "XG-B")] == [("received", D("5"))]
    lines = "\n".join(tree.lines())
    assert "收货" in lines and "XG-A" in lines and "XG-B" in lines


def test_forward_from_a_melon_lot_reaches_the_platter_and_the_customer(owner, day):
    _, _, lot, _ = day
    tree = forward("XG", "XG-B")
    assert flat(tree) == [
        (0, "lot", "XG", "XG-B", D("0"), ""),
        (1, "used", "XG", "XG-B", D("0.112"), tree.children[0].partner),
        (2, "made", "GQP", lot, D("8"), tree.children[0].children[0].partner),
        (3, "sold", "GQP", lot, D("5"), "幸福小区团购"),
    ]
    sold = tree.children[0].children[0].children[0]
    assert sold.document and sold.day == TODAY


def test_unknown_lot_or_product(owner, day):
    with pytest.raises(NotFound) as err:
        backward("XG", "NO-SUCH")
    assert "找不到批次" in str(err.value)
    with pytest.raises(NotFound):
        forward("NOPE", "XG-A")
