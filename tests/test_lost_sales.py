"""Lost sales are data (issue 12): a scan at the counter of a product with nothing sellable, or a
group or channel order line the stock cannot fill, records the product, the time, the quantity asked
beyond the stock and where — and the demand forecast counts it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.lost_sales import LostSale
from services.core.clock import now, today
from services.core.errors import StockError
from services.sales import sales_orders
from services.sales.channels import GROUP_CHANNEL
from services.sales.counter_scan import scan_for_sale
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger
from services.stock.demand import demand_by_product

BLUEBERRY = "6901234567892"  # one 盒
BLUEBERRY_BOX = "16901234567899"  # a 箱 of 12 盒


def lost(product) -> list[tuple[Decimal, str]]:
    return [(row.quantity, row.source) for row in LostSale.select().where(LostSale.product == product.id)
            .order_by(LostSale.id)]


def stock(shop, product, quantity: str) -> None:
    ledger.post_document(shop.owner, "receipt", [ledger.Line(product.id, Decimal(quantity), shop.supplier.id,
                                                             shop.store.id)])


def test_three_scans_of_an_empty_product_record_three_lost_units(shop):
    lines = []
    for _ in range(3):
        lines = scan_for_sale(lines, BLUEBERRY, actor=shop.owner)
    assert lines[0].quantity == 3  # the clerk still sees what was scanned
    assert lost(shop.blueberry) == [(1, "counter")] * 3
    assert LostSale.get().occurred_at == now()


def test_only_what_the_shelf_cannot_give_is_lost(shop):
    # 2 盒 on the shelf; the customer brings 3 to the till, then a whole 箱: 1 + 12 lost.
    stock(shop, shop.blueberry, "2")
    lines = []
    for code in (BLUEBERRY, BLUEBERRY, BLUEBERRY, BLUEBERRY_BOX):
        lines = scan_for_sale(lines, code)
    assert lost(shop.blueberry) == [(1, "counter"), (12, "counter")]


def test_a_group_order_line_short_of_stock_records_the_shortfall(shop):
    # The WeChat group asks for 5 盒 and 10 screws; 2 盒 and 10 screws are there. The order is
    # refused as before (nothing is reserved), and the 3 盒 the shelf could not give are recorded.
    stock(shop, shop.blueberry, "2")
    stock(shop, shop.screw, "10")
    with pytest.raises(StockError):
        sales_orders.create_order(shop.owner, GROUP_CHANNEL, [SaleLineInput(shop.blueberry.id, "5"),
                                                              SaleLineInput(shop.screw.id, "10")])
    assert lost(shop.blueberry) == [(3, "group")]
    assert lost(shop.screw) == []
    assert sales_orders.list_orders() == []


def test_demand_counts_the_customers_the_empty_shelf_sent_away(shop):
    # 蓝莓 has never been in stock; on each of the last two days three customers asked for a 盒 at
    # the till. The shelf sold nothing, but demand is 3 a day, not 0.
    for back in (2, 1):
        at = dt.datetime.combine(today() - dt.timedelta(days=back), dt.time(10))
        lines = []
        for _ in range(3):
            lines = scan_for_sale(lines, BLUEBERRY, at=at)
    demand = demand_by_product(today(), 7)[shop.blueberry.id]
    assert demand.avg_daily == 3 and demand.seen_days == 2


def test_a_day_that_sold_out_adds_the_customers_turned_away_after(shop):
    # Yesterday 4 盒 came and sold by 10:00; two more customers asked in the afternoon: demand 6.
    day = today() - dt.timedelta(days=1)
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal(4), shop.supplier.id,
                                                             shop.store.id)],
                         doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(7)))
    ledger.post_document(shop.owner, "sale", [ledger.Line(shop.blueberry.id, Decimal(4), shop.store.id,
                                                          shop.customer.id)],
                         doc_date=day, occurred_at=dt.datetime.combine(day, dt.time(10)))
    lines = []
    for _ in range(2):
        lines = scan_for_sale(lines, BLUEBERRY, at=dt.datetime.combine(day, dt.time(15)))
    demand = demand_by_product(today(), 7)[shop.blueberry.id]
    assert (demand.avg_daily, demand.censored_days) == (6, 1)
