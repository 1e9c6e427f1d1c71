"""A shop that seldom writes off: expired lots stay on the shelf in the ledger, and posting a sale
reads only the lots it may sell (issue 15: a sale of a perishable product leaves its expired lots
out of the stock it reads). What is sold, what is refused and the words of the refusal are as before;
a write-off still finds the expired lots first."""
from __future__ import annotations

import datetime as dt

import pytest

from services.core.clock import today
from services.core.errors import StockError
from services.stock import ledger, stock
from services.stock.ledger import Line
from tests.conftest import D


def lots_left(product) -> dict[str, object]:
    return {r.lot: r.on_hand for r in stock.stock_rows(product_id=product.id)}


def test_a_sale_of_blueberries_skips_the_expired_lot_and_a_write_off_takes_it(shop):
    bb, day = shop.blueberry, today()  # 蓝莓, shelf life 7 days
    for code, expiry, boxes in (("早", day - dt.timedelta(days=3), "4"), ("中", day, "3"),
                                ("新", day + dt.timedelta(days=5), "6")):
        ledger.post_document(shop.owner, "receipt", [Line(bb.id, D(boxes), shop.supplier.id, shop.store.id,
                                                          lot_code=code, expiry=expiry)])

    ledger.post_document(shop.owner, "sale", [Line(bb.id, D("5"), shop.store.id, shop.customer.id)])
    assert lots_left(bb) == {"早": 4, "新": 4}, "中 sells through its expiry day (3 boxes), then 2 of 新"

    with pytest.raises(StockError) as refused:
        ledger.post_document(shop.owner, "sale", [Line(bb.id, D("5"), shop.store.id, shop.customer.id)])
    assert refused.value.key == "stock.not_available"
    assert (refused.value.params["available"], refused.value.params["needed"]) == ("4", "5"), \
        "the 4 expired boxes of 早 are not for sale"
    assert lots_left(bb) == {"早": 4, "新": 4}, "nothing written"

    expired = next(r.lot_id for r in stock.stock_rows(product_id=bb.id) if r.lot == "早")
    with pytest.raises(StockError) as refused:  # a sale naming the expired lot is refused for its expiry
        ledger.post_document(shop.owner, "sale", [Line(bb.id, D("1"), shop.store.id, shop.customer.id,
                                                       lot_id=expired)])
    assert refused.value.key == "stock.expired"

    ledger.post_document(shop.owner, "loss", [Line(bb.id, D("5"), shop.store.id, shop.loss.id)])
    assert lots_left(bb) == {"新": 3}, "the write-off reads every lot: 4 of 早 first, then 1 of 新"


def test_screws_without_a_shelf_life_still_sell_around_an_expired_typed_lot(shop):
    screw = shop.screw  # no shelf life: only a typed lot puts it on FEFO
    ledger.post_document(shop.owner, "receipt", [Line(screw.id, D("2"), shop.supplier.id, shop.store.id,
                                                      lot_code="旧", expiry=today() - dt.timedelta(days=2))])
    ledger.post_document(shop.owner, "receipt", [Line(screw.id, D("5"), shop.supplier.id, shop.store.id)])

    with pytest.raises(StockError) as refused:
        ledger.post_document(shop.owner, "sale", [Line(screw.id, D("6"), shop.store.id, shop.customer.id)])
    assert refused.value.key == "stock.not_available", "FEFO's words: 5 can be sold, the expired 2 cannot"
    assert (refused.value.params["available"], refused.value.params["needed"]) == ("5", "6")

    ledger.post_document(shop.owner, "sale", [Line(screw.id, D("5"), shop.store.id, shop.customer.id)])
    assert lots_left(screw) == {"旧": 2}


def test_screws_given_a_shelf_life_later_sell_their_dated_lot_first_then_the_undated_stock(shop):
    """The owner fills in a shelf life after the opening stock: 4 screws without a lot and 2 in lot 无期
    without an expiry stay undated. A sale reads the dated lots by their expiry and the undated stock only
    when they fall short (posting_reads.Snapshot), in FEFO order: the dated lot, then the undated."""
    from services.catalog import products

    screw = shop.screw
    ledger.post_document(shop.owner, "receipt", [Line(screw.id, D("4"), shop.supplier.id, shop.store.id),
                                                 Line(screw.id, D("2"), shop.supplier.id, shop.store.id,
                                                      lot_code="无期")])
    products.save_product(shop.owner, products.ProductInput(
        name="十字螺丝", spec="M4×20", category="五金", base_unit="个", cost="0.05", price="0.1",
        shelf_life_days=30, barcodes=[("SCREW-M4", "")]), product_id=screw.id)
    ledger.post_document(shop.owner, "receipt", [Line(screw.id, D("3"), shop.supplier.id, shop.store.id)])
    dated = (today() + dt.timedelta(days=30)).strftime("%Y%m%d")  # the receipt's lot, coded by its expiry
    assert lots_left(screw) == {"": 4, "无期": 2, dated: 3}

    undated = next(r.lot_id for r in stock.stock_rows(product_id=screw.id) if r.lot == "无期")
    ledger.post_document(shop.owner, "sale", [Line(screw.id, D("1"), shop.store.id, shop.customer.id,
                                                   lot_id=undated)])
    assert lots_left(screw) == {"": 4, "无期": 1, dated: 3}, "a line naming the undated lot sells from it"

    ledger.post_document(shop.owner, "sale", [Line(screw.id, D("5"), shop.store.id, shop.customer.id)])
    left = lots_left(screw)
    assert dated not in left, "the 3 dated screws go first"
    assert sum(left.values()) == 3, "then 2 of the 5 undated (which first is the engine's order of no lot)"

    with pytest.raises(StockError) as refused:
        ledger.post_document(shop.owner, "sale", [Line(screw.id, D("4"), shop.store.id, shop.customer.id)])
    assert refused.value.key == "stock.not_available"
    assert (refused.value.params["available"], refused.value.params["needed"]) == ("3", "4")
    ledger.post_document(shop.owner, "sale", [Line(screw.id, D("3"), shop.store.id, shop.customer.id)])
    assert lots_left(screw) == {}
