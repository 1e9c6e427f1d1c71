"""A day of sales at 鲜邻优选, told as the shop lives it, with the numbers checked at each step."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Document
from services.catalog.scale_barcodes import make_scale_code
from services.core import clock, shop_settings
from services.core.clock import now
from services.core.errors import DocumentStateError, StockError
from services.group_orders.message_parser import parse
from services.sales import quick_outbound, sales_holds, sales_shipping
from services.sales import sales_orders as so
from services.sales import sales_returns as sr
from services.sales.counter_scan import add_scan
from services.sales.sales_emergency import complete_emergency, emergency_outbound, list_open_emergencies
from services.sales.sales_lines import SaleLineInput
from services.stock.integrity import run_check
from tests.sales_shop import available, on_hand, sales_shop, stock_in

D = Decimal


def test_a_day_of_sales(shop):
    s = sales_shop(shop)
    today = clock.today()
    morning = now() - dt.timedelta(minutes=40)  # the 美团 order's time: its 30 minutes are over

    # 7:00 the morning delivery: two boxes of blueberries, spinach, screws for the wholesaler;
    # and yesterday's spinach that expired (the owner decides what happens to it)
    stock_in(s.owner, s.blueberry, "24", s.store, expiry=today + dt.timedelta(days=7))
    stock_in(s.owner, s.spinach, "30", s.store, expiry=today + dt.timedelta(days=3))
    stock_in(s.owner, s.screw, "20000", s.store)
    assert (on_hand(s.blueberry), on_hand(s.spinach), on_hand(s.screw)) == (D(24), D(30), D(20000))

    # 8:10 小美 at the counter: a blueberry scanned twice (rescan adds), a whole box, and a bag of
    # spinach weighed on the scale (1.5 斤)
    lines: list = []
    for code in ("6901234567892", "6901234567892", "16901234567899", make_scale_code("10023", 750)):
        lines = add_scan(lines, code)
    sale = sales_shipping.sell_now(s.cashier, lines)
    assert sale.state == "shipped" and sale.total == D("25") + D("150") + D("5.7")
    assert (on_hand(s.blueberry), on_hand(s.spinach)) == (D(10), D("28.5"))

    # 9:00 a WeChat group order: "要2盒蓝莓+两斤菠菜", parsed and made an order (product ids only)
    parsed = parse("要2盒蓝莓+两斤菠菜")
    assert all(line.product_id for line in parsed.lines)
    group = so.create_order(s.cashier, "GROUP", [SaleLineInput(ln.product_id, ln.qty, ln.unit)
                                                 for ln in parsed.lines], source_text="要2盒蓝莓+两斤菠菜")
    assert group.total == D("25") + D("7.6") and group.hold_until is not None
    assert available(s.blueberry) == D(8)
    sales_holds.mark_paid(s.cashier, group.number)
    sales_shipping.confirm(s.cashier, group.number)
    sales_shipping.ship(s.warehouse, group.number)
    assert (on_hand(s.blueberry), on_hand(s.spinach)) == (D(8), D("26.5"))

    # 9:30 a 美团 order for 6 boxes is placed but never paid; the clock passes its 30 minutes
    meituan = so.create_order(s.cashier, "MEITUAN", [SaleLineInput(s.blueberry.id, "6")], external_ref="MT8841",
                              at=morning)
    assert meituan.hold_until == morning + dt.timedelta(minutes=30)
    assert available(s.blueberry) == D(8)  # past its hold, the reservation no longer counts
    assert sales_holds.release_expired_holds() == [meituan.number]
    assert so.get_order(meituan.number).state == "expired" and available(s.blueberry) == D(8)
    paid_meituan = so.create_order(s.cashier, "MEITUAN", [SaleLineInput(s.blueberry.id, "6")],
                                   external_ref="MT8842", payment="platform")
    assert available(s.blueberry) == D(2)  # a live hold does count: 抖音 sees only 2 now
    with pytest.raises(StockError, match="可用库存不足"):
        so.create_order(s.cashier, "DOUYIN", [SaleLineInput(s.blueberry.id, "3")])
    sales_shipping.cancel(s.cashier, paid_meituan.number, "平台退款")
    assert available(s.blueberry) == D(8)

    # 10:00 the hardware wholesaler takes 15000 screws on credit: 1200 > his 1000 limit, it waits
    shop_settings.set_value(s.owner, "sales.approval_threshold", "3000")
    big = so.create_order(s.cashier, "STORE", [SaleLineInput(s.screw.id, "15000")], customer_id=s.wholesaler.id,
                          payment="credit")
    big = sales_shipping.confirm(s.cashier, big.number)
    assert big.state == "awaiting_approval" and "超过额度" in big.review_reasons
    with pytest.raises(DocumentStateError):
        sales_shipping.ship(s.cashier, big.number)  # no way to shipped without the approval
    assert on_hand(s.screw) == D(20000)
    sales_shipping.approve(s.owner, big.number, "老客户,月底结")
    sales_shipping.ship(s.warehouse, big.number)
    from services.sales.receivables import balance

    assert on_hand(s.screw) == D(5000) and balance(s.wholesaler.id) == D(1200)

    # 11:00 the last of the old spinach: expired, refused for 小美, sold by 李姐 with a reason
    stock_in(s.owner, s.spinach, "3", s.store, expiry=today - dt.timedelta(days=1), lot_code="OLD")
    with pytest.raises(StockError, match="过期"):
        sales_shipping.sell_now(s.cashier, [SaleLineInput(s.spinach.id, "29")])
    override = sales_shipping.sell_now(s.owner, [SaleLineInput(s.spinach.id, "29", price="2")], override_reason="处理价,顾客知情")
    assert override.state == "shipped"
    assert Document.get_by_id(override.document_id).override_reason == "处理价,顾客知情"
    assert on_hand(s.spinach) == D("0.5")

    # 14:00 the group customer brings back one box of blueberries, unopened: back on the shelf
    ret = sr.start_return(s.cashier, order_number=group.number)
    sr.add_return_scan(s.cashier, ret.ref, "6901234567892")
    sr.set_return_reason(s.cashier, ret.ref, "买重了")
    assert sr.confirm_return(s.cashier, ret.ref, "stock").amount == D("12.5")
    assert on_hand(s.blueberry) == D(9)

    # 16:00 a neighbouring restaurant needs 5 boxes now; 李姐 lets them go, the paperwork follows
    rush = emergency_outbound(s.owner, "STORE", [SaleLineInput(s.blueberry.id, "5")], reason="隔壁饭店急用")
    assert rush.emergency and rush.state == "shipped" and on_hand(s.blueberry) == D(4)
    assert [r.number for r in list_open_emergencies()] == [rush.number]
    complete_emergency(s.finance, rush.number, "已补单,现金 62.5 元已收")
    assert list_open_emergencies() == []

    # 17:00 two boxes go out as tasting samples
    quick_outbound.ensure_default_templates(s.owner)
    quick_outbound.quick_outbound(s.warehouse, "样品", [SaleLineInput(s.blueberry.id, "2")], "试吃")
    assert on_hand(s.blueberry) == D(2)

    # closing: every sale posted once, nothing negative, balances == ledger
    assert len(so.list_orders(state="shipped")) == 5
    assert Document.select().where(Document.doc_type == "sale").count() == 5
    assert run_check().ok

