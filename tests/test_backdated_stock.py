"""A back-dated document uses only stock that was there on its date: the melons that arrived on 12-05
and 12-06 cannot have been consumed on 12-04, and stock may not dip below zero at any later moment.
Every route that posts with a date of its own is refused the same way (production, a return to the
supplier, a reversal, a sale with its time); a stocktake posts on the day it is posted."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Document
from services.catalog import products
from services.core.clock import clock_at
from services.core.errors import StockError
from services.production import bom
from services.production.production_orders import create_order, get_order, release
from services.production.production_posting import complete
from services.purchasing import suppliers
from services.purchasing.purchase_returns import ReturnLineInput, return_to_supplier
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_shipping import sell_now
from services.stock import ledger
from services.stock.reversal import reverse_document
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post as post_count
from tests.sales_shop import on_hand

D = Decimal
DEC = {day: dt.date(2026, 12, day) for day in range(1, 7)}  # the tests' clock stands on 12-06


@pytest.fixture
def melon(shop):
    return products.save_product(shop.owner, products.ProductInput(name="哈密瓜", sku="HMG", base_unit="个",
                                                                   cost="6", price="12"))


@pytest.fixture
def ripe(shop):
    """哈密瓜 kept 10 days, so each delivery is a lot: 8 on 12-05 (lot 20261215), 8 on 12-06 (20261216)."""
    melon = products.save_product(shop.owner, products.ProductInput(name="哈密瓜", sku="HMG", base_unit="个",
                                                                    cost="6", price="12", shelf_life_days=10))
    move(shop, melon, "8", 5, incoming=True)
    move(shop, melon, "8", 6, incoming=True)
    return melon


def move(shop, product, qty: str, day: int, incoming: bool):
    source, target = (shop.supplier, shop.store) if incoming else (shop.store, shop.customer)
    return ledger.post_document(shop.owner, "receipt" if incoming else "sale",
                                [ledger.Line(product.id, D(qty), source.id, target.id)], doc_date=DEC[day])


def documents(doc_type: str) -> int:
    return Document.select().where(Document.doc_type == doc_type).count()


def test_melons_received_on_the_5th_and_6th_were_not_there_on_the_4th(shop, melon):
    move(shop, melon, "10", 5, incoming=True)
    move(shop, melon, "10", 6, incoming=True)  # 20 on hand now
    with pytest.raises(StockError, match=r"哈密瓜 在 .* 从 2026-12-04 起最少只有 0\(2026-12-04 那天\),本单需要 15"):
        move(shop, melon, "15", 4, incoming=False)
    with pytest.raises(StockError, match=r"最少只有 10\(2026-12-05 那天\),本单需要 12"):  # the 5th had the first 10
        move(shop, melon, "12", 5, incoming=False)
    assert documents("sale") == 0  # nothing half-posted
    move(shop, melon, "8", 5, incoming=False)  # 10 there on the 5th: fine, 12 left
    move(shop, melon, "12", 6, incoming=False)  # today: the current balance
    assert documents("sale") == 2 and on_hand(melon) == 0


def test_a_later_sale_is_a_moment_the_stock_may_not_dip_below_zero(shop, melon):
    """10 in on 12-01, 8 sold on 12-05 (2 left), 10 more in on 12-06 (12 now). A sale dated 12-03 of 5
    fits today's 12 but would have left −3 after the sale of the 5th: the lowest from the 3rd on is 2,
    so 5 is refused and 2 is taken."""
    move(shop, melon, "10", 1, incoming=True)
    move(shop, melon, "8", 5, incoming=False)
    move(shop, melon, "10", 6, incoming=True)
    with pytest.raises(StockError, match=r"从 2026-12-03 起最少只有 2\(2026-12-05 那天\),本单需要 5"):
        move(shop, melon, "5", 3, incoming=False)
    move(shop, melon, "2", 3, incoming=False)
    assert on_hand(melon) == 10


def test_a_platter_made_on_the_4th_cannot_use_melons_of_the_5th(shop, ripe):
    """40 boxes of 果切 take 10 melons (a quarter each). Dated the 4th: none had arrived. Dated the 5th:
    only the first delivery's 8. Finished today: both deliveries are there, 6 melons are left."""
    platter = products.save_product(shop.owner, products.ProductInput(name="果切拼盘", sku="GQ", base_unit="盒",
                                                                      cost="0", price="15.9", shelf_life_days=1))
    bom.save_bom(shop.owner, platter.id, [bom.BomLineInput(ripe.id, "0.25")])
    order = create_order(shop.owner, "GQ", "40")
    release(shop.owner, order.number)
    with pytest.raises(StockError, match=r"哈密瓜\(批次 20261215\) 在 .* 从 2026-12-04 起最少只有 0"
                                         r"\(2026-12-04 那天\),本单需要 8。之后才到的货"):
        complete(shop.owner, order.number, good="40", on=DEC[4])
    with pytest.raises(StockError, match=r"哈密瓜\(批次 20261216\) .* 从 2026-12-05 起最少只有 0.*本单需要 2"):
        complete(shop.owner, order.number, good="40", on=DEC[5])
    assert get_order(order.number).state == "released" and documents("production") == 0
    complete(shop.owner, order.number, good="40", on=DEC[6])
    assert on_hand(ripe) == 6 and on_hand(platter) == 40


def test_melons_returned_to_the_grower_on_the_4th_had_not_arrived(shop, ripe):
    grower = suppliers.save_supplier(shop.owner, suppliers.SupplierInput(name="瓜农老李", code="LAOLI"))
    with pytest.raises(StockError, match=r"哈密瓜\(批次 20261215\) .* 从 2026-12-04 起最少只有 0"):
        return_to_supplier(shop.owner, grower.id, [ReturnLineInput(ripe.id, "3")], "压坏了", on=DEC[4])
    assert documents("purchase_return") == 0
    return_to_supplier(shop.owner, grower.id, [ReturnLineInput(ripe.id, "3")], "压坏了", on=DEC[5])
    assert on_hand(ripe) == 13


def test_a_sale_rung_up_on_the_4th_cannot_sell_melons_of_the_5th(shop, ripe):
    with pytest.raises(StockError, match=r"哈密瓜\(批次 20261215\) .* 从 2026-12-04 起最少只有 0"):
        sell_now(shop.owner, [SaleLineInput(ripe.id, D(3))], at=dt.datetime(2026, 12, 4, 18, 0))
    assert documents("sale") == 0
    sell_now(shop.owner, [SaleLineInput(ripe.id, D(3))], at=dt.datetime(2026, 12, 5, 18, 0))
    assert on_hand(ripe) == 13


def test_a_receipt_reversed_as_of_its_own_day_would_unsell_what_was_sold_since(shop, melon):
    """8 in on 12-03, 6 sold on 12-04, 10 in today (12 now). Reversing the 3rd's receipt today fits the 12;
    reversed as of the 3rd it would leave −6 after the sale of the 4th: the lowest from the 3rd on is 2."""
    first = move(shop, melon, "8", 3, incoming=True)
    move(shop, melon, "6", 4, incoming=False)
    move(shop, melon, "10", 6, incoming=True)
    with pytest.raises(StockError, match=r"从 2026-12-03 起最少只有 2\(2026-12-04 那天\),本单需要 8"):
        reverse_document(shop.owner, first.number, "送错了", doc_date=DEC[3])
    assert documents("reversal") == 0
    reverse_document(shop.owner, first.number, "送错了")
    assert on_hand(melon) == 4


def test_a_count_started_on_the_4th_posts_on_the_day_it_is_posted(shop):
    """老张 counts the blueberries on the 4th (11 of 12); 5 more arrive on the 5th; the owner posts the
    count today. The adjustment is today's document, so the back-dating rule never refuses a count."""
    move(shop, shop.blueberry, "12", 3, incoming=True)
    with clock_at(dt.datetime(2026, 12, 4, 17, 0)):
        session = stocktake.start_session(shop.owner, "full")
        stocktake.set_place(shop.owner, session.id, "STORE")
        stocktake.count_scan(shop.owner, session.id, "6901234567892", 11)
        stocktake.submit_for_review(shop.owner, session.id)
    move(shop, shop.blueberry, "5", 5, incoming=True)
    assert post_count(shop.owner, session.id).state == "posted"
    adjustment = Document.get(Document.doc_type == "adjustment")
    assert adjustment.doc_date == DEC[6]
