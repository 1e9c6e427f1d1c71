"""Reading stock fast (issue 15) gives the same answers: a page sorted in SQL is a slice of the whole list in
that order, the summary counts the whole list, a scanned code comes back with its product's stock."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.catalog import locations
from services.core.clock import today
from services.stock import ledger, reservations
from services.stock.stock import (
    SORTS,
    StockFilter,
    on_hand_by_product,
    product_totals,
    stock_of_code,
    stock_page,
    stock_rows,
)

TODAY = today()


@pytest.fixture
def stocked(shop):
    """蓝莓 in three lots — expired yesterday (10), last day in 2 days (12), fresh (24) — and 100 螺丝 at the
    门店仓; 7 螺丝 and 6 蓝莓 of the fresh lot at the 后仓; 20 螺丝 reserved for an order."""
    back = locations.create_location(shop.owner, "BACK", "后仓", "warehouse")

    def receive(product, qty, lot="", expiry=None, to=shop.store):
        ledger.post_document(shop.owner, "receipt", [ledger.Line(product.id, Decimal(qty), shop.supplier.id, to.id,
                                                                 lot_code=lot, expiry=expiry)],
                             doc_date=TODAY - dt.timedelta(days=10))

    receive(shop.blueberry, 10, "OLD", TODAY - dt.timedelta(days=1))
    receive(shop.blueberry, 12, "SOON", TODAY + dt.timedelta(days=2))
    receive(shop.blueberry, 24, "FRESH", TODAY + dt.timedelta(days=9))
    receive(shop.blueberry, 6, "FRESH", TODAY + dt.timedelta(days=9), to=back)
    receive(shop.screw, 100)
    receive(shop.screw, 7, to=back)
    reservations.reserve(shop.owner, "order-1", shop.screw.id, shop.store.id, Decimal(20))
    shop.back = back
    return shop


def keys(rows):
    return [(r.sku, r.lot, r.location) for r in rows]


def every_page(sort: str, descending: bool, size: int = 2, **only):
    rows, offset = [], 0
    while True:
        page = stock_page(StockFilter(**only), offset=offset, limit=size, sort=sort, descending=descending)
        rows += page.rows
        offset += size
        if not page.rows:
            return rows, page


def test_pages_in_the_lists_own_order_are_the_whole_list(stocked):
    whole = stock_rows()
    assert len(whole) == 6
    rows, _ = every_page("sku", False)
    assert rows == whole


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_pages_through_each_row_once_in_order(stocked, sort, descending):
    value = {"sku": lambda r: r.sku, "name": lambda r: r.name, "lot": lambda r: r.lot,
             "expiry": lambda r: r.expiry or dt.date.min, "location": lambda r: r.location,
             "on_hand": lambda r: r.on_hand}[sort]
    rows, _ = every_page(sort, descending)
    assert sorted(keys(rows)) == sorted(keys(stock_rows()))
    column = [value(r) for r in rows]
    assert column == sorted(column, reverse=descending)


def test_the_biggest_first_and_the_counts_of_the_whole_list(stocked):
    page = stock_page(StockFilter(), limit=2, sort="on_hand", descending=True)
    assert [(r.sku, r.on_hand, r.reserved, r.available) for r in page.rows] == [
        (stocked.screw.sku, 100, 20, 80), (stocked.blueberry.sku, 24, 0, 24)]
    assert (page.count, page.expired, page.near_expiry) == (6, 1, 1)  # OLD expired, SOON in its last 3 days
    assert stock_page(StockFilter(location_id=stocked.back.id)).count == 2
    assert stock_page(StockFilter(text="lm")).count == 4  # 蓝莓's three lots at the store and one at the back
    assert stock_page(StockFilter(), offset=6).rows == []


def test_a_scanned_box_code_comes_with_the_products_stock(stocked):
    found = stock_of_code("16901234567899")
    assert (found.match.product_id, found.match.unit, found.match.factor) == (stocked.blueberry.id, "箱", 12)
    assert (found.on_hand, found.reserved, found.available) == (52, 0, 52)  # 10 + 12 + 24 + 6 盒
    screw = stock_of_code(" SCREW-M4 ")
    assert (screw.match.sku, screw.on_hand, screw.reserved, screw.available) == (stocked.screw.sku, 107, 20, 87)
    assert product_totals(stocked.screw.id) == (107, 20, 87)
    assert stock_of_code("0000000000000") is None and stock_of_code("") is None


def test_a_released_reservation_no_longer_holds_stock(stocked):
    reservations.release(stocked.owner, "order-1")
    assert stock_of_code("SCREW-M4").available == 107
    assert product_totals(stocked.screw.id) == (107, 0, 107)


def test_on_hand_by_product_over_all_locations_or_one(stocked):
    assert on_hand_by_product() == {stocked.blueberry.id: 52, stocked.screw.id: 107}
    assert on_hand_by_product(stocked.back.id) == {stocked.blueberry.id: 6, stocked.screw.id: 7}
    ledger.post_document(stocked.owner, "sale", [ledger.Line(stocked.screw.id, Decimal(7), stocked.back.id,
                                                             stocked.customer.id)])
    assert on_hand_by_product(stocked.back.id) == {stocked.blueberry.id: 6}  # a balance at 0 is no stock


def test_a_compiled_lookup_refuses_a_marker_that_never_reached_the_sql(stocked):
    """The scan lookups' SQL is built once with marker values (services/core/compiled_sql.py); a value peewee
    turned into SQL text instead of a parameter would be baked into every later call, so it is refused."""
    from models import Product
    from services.core.compiled_sql import CompiledQuery

    by_sku = CompiledQuery(lambda sku: Product.select(Product.name).where(Product.sku == sku), sku="\x00sku")
    assert by_sku.rows(sku=stocked.screw.sku) == [("十字螺丝",)] and by_sku.rows(sku="nobody") == []
    baked = CompiledQuery(lambda limit: Product.select(Product.name).where(Product.sku == "x"), limit="\x00n")
    with pytest.raises(ValueError, match="marker"):
        baked.rows(limit="1")
