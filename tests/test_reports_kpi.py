"""The owner's KPIs for two weeks at the shop (Mon 2026-11-23 – Sun 12-06), every number worked out
by hand from the receipts, sales and write-offs posted through the services."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.core import shop_settings, users
from services.core.clock import clock_at
from services.purchasing import purchase_approval, purchase_orders, receipt_confirmation, receiving
from services.reports.kpi import kpi
from services.sales import sales_orders, sales_shipping
from services.sales.sales_lines import SaleLineInput
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post as post_stocktake
from tests.purchase_shop import purchase_shop
from tests.report_shop import WEEK1, WEEK2, add_product, receive, sell, two_weeks

D = Decimal
FIRST, LAST = WEEK1, WEEK2 + dt.timedelta(days=6)  # 11-23 … 12-06, 14 days


def figures(report) -> dict:
    return {f.key: f for f in report.figures}


def test_turnover_days_loss_rate_and_margin_of_a_two_week_shop(shop):
    """苹果 costs 5 (sells at 8), 橙子 costs 2. Before the period: 100 苹果 and 50 橙子 in.

    Mon 11-23: 20 苹果 sold (sales 160, cost 100); 10 橙子 written off (loss 20).
        Closing 80 × 5 + 40 × 2 = 480, the same every day up to Sun 11-29.
    Mon 11-30: 40 苹果 in; 60 苹果 sold (sales 480, cost 300); 4 苹果 written off (loss 20).
        Closing 56 × 5 + 40 × 2 = 360 up to Sun 12-06.
    Average inventory = (480 × 7 + 360 × 7) ÷ 14 = 420; cost of goods sold 400, so 400 ÷ 14 a day.
    Turnover days = 420 ÷ (400 ÷ 14) = 14.7.  Loss rate = 40 ÷ (400 + 40) = 9.09%.
    Gross margin = 640 − 400 = 240, 37.50%.
    Per week: 3360 ÷ 100 = 33.6 days and 20 ÷ 120 = 16.67%; then 2520 ÷ 300 = 8.4 days and 20 ÷ 320 = 6.25%."""
    owner = shop.owner
    two_weeks(owner)

    report = kpi(owner, FIRST, LAST, by="week")
    total = figures(report)
    assert total["turnover_days"].value == D("14.7")
    assert dict(total["turnover_days"].parts) == {"average_inventory": D("420.00"), "cogs": D("400.00"), "days": 14}
    assert total["loss_rate"].value == D("9.09")
    assert dict(total["loss_rate"].parts) == {"loss": D("40.00"), "cogs": D("400.00")}
    assert (total["gross_margin"].value, total["gross_margin_rate"].value) == (D("240.00"), D("37.50"))
    assert total["turnover_days"].formula.startswith("平均库存(成本)÷ 日均销售成本")

    weeks = [{f.key: f.value for f in bucket.figures} for bucket in report.buckets]
    assert [b.period.start for b in report.buckets] == [WEEK1, WEEK2]
    assert [(w["turnover_days"], w["loss_rate"], w["gross_margin"]) for w in weeks] == [
        (D("33.6"), D("16.67"), D("60.00")), (D("8.4"), D("6.25"), D("180.00"))]


def test_stock_out_product_days_count_empty_shelves_and_expired_lots(shop):
    """Among the products that sold in the two weeks, days without unexpired stock at the close:

    酸奶 sells its last 10 on Wed 12-02: out 12-02 … 12-06 = 5 days.
    面包 sells out on Tue 11-24 and is restocked on Thu 11-26: out 11-24 and 11-25 = 2 days.
    草莓 sells 1 of 10 on Mon 11-23; the lot expires on 11-27, so from 11-28 nothing sellable: 9 days.
    饼干 sold out on 11-20, before the period, and did not sell since: not counted.
    Total 16 product-days over 3 products; week one 2 + 2 = 4, week two 5 + 7 = 12."""
    owner = shop.owner
    before = WEEK1 - dt.timedelta(days=1)
    yogurt = add_product(owner, "酸奶", cost="1", price="2")
    bread = add_product(owner, "面包", cost="1", price="2")
    strawberry = add_product(owner, "草莓", cost="1", price="2", shelf_life_days=5)
    biscuit = add_product(owner, "饼干", cost="1", price="2")
    receive(owner, yogurt, "10", "1", before)
    receive(owner, bread, "5", "1", before)
    receive(owner, strawberry, "10", "1", before, expiry=dt.date(2026, 11, 27))
    receive(owner, biscuit, "3", "1", dt.date(2026, 11, 19))
    sell(owner, biscuit, "3", dt.date(2026, 11, 20))
    sell(owner, strawberry, "1", WEEK1)
    sell(owner, bread, "5", WEEK1 + dt.timedelta(days=1))
    receive(owner, bread, "5", "1", WEEK1 + dt.timedelta(days=3))
    sell(owner, yogurt, "10", WEEK2 + dt.timedelta(days=2))

    report = kpi(owner, FIRST, LAST, by="week")
    stockouts = figures(report)["stockout_days"]
    assert stockouts.value == 16 and dict(stockouts.parts) == {"products": 3}
    assert [figures(b)["stockout_days"].value for b in report.buckets] == [4, 12]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def test_purchase_order_times_median_and_90th_percentile(shop):
    """小王 writes ten orders on Tue 12-01 at 09:00; the owner approves them 11, 12, … 19 minutes later
    and one only after 200 minutes. Median = (15 + 16) ÷ 2 = 15.5 min; the 90th percentile is the
    9th of 10 = 19 min. Three are delivered 60, 120 and 180 minutes after approval: median 120, p90 180."""
    ps = purchase_shop(shop)
    shop_settings.set_value(ps.owner, "purchase.approval_threshold", "0")  # every order waits for the owner
    day = WEEK2 + dt.timedelta(days=1)
    waits = [11, 12, 13, 14, 15, 16, 17, 18, 19, 200]
    numbers = []
    for minutes in waits:
        with clock_at(_at(day, 9)):
            order = purchase_orders.create_draft(ps.purchaser, ps.veg.id, [purchase_orders.OrderLineInput(
                ps.spinach.id, "10")])
            purchase_approval.submit(ps.purchaser, order.number)
        with clock_at(_at(day, 9) + dt.timedelta(minutes=minutes)):
            purchase_approval.approve(ps.owner, order.number)
        numbers.append((order.number, _at(day, 9) + dt.timedelta(minutes=minutes)))
    for (number, approved), after in zip(numbers[:3], (60, 120, 180), strict=True):
        with clock_at(approved + dt.timedelta(minutes=after)):
            receipt = receiving.start_receipt(ps.warehouse, number)
            receiving.fill_outstanding(ps.warehouse, receipt.number)
            receipt_confirmation.confirm(ps.warehouse, receipt.number)

    total = figures(kpi(ps.owner, FIRST, LAST))
    approval, delivery = total["po_approval"], total["po_receipt"]
    assert (approval.value, approval.p90, approval.count) == (D("15.5"), D("19.0"), 10)
    assert (delivery.value, delivery.p90, delivery.count) == (D("120.0"), D("180.0"), 3)
    assert approval.unit == "minutes"


def test_sales_order_times_from_creation_through_approval_to_shipping(shop):
    """Three 社群 orders sell screws below the floor price, so each waits for 王会计. Created Wed 12-02
    at 09:00, approved after 30, 60 and 120 minutes (median 60, p90 120), each shipped 10 minutes
    after its approval (median 10). Created → shipped: 40, 70, 130 (median 70, p90 130). A counter
    sale ships at once and is not a channel order: it changes none of these."""
    owner = shop.owner
    cashier = users.create_user(owner, "xiaomei", "cashier")
    finance = users.create_user(owner, "wangkj", "finance")
    from models.sales import ProductPrice

    ProductPrice.create(product=shop.screw.id, tier="floor", price=D("0.06"))
    receive(owner, shop.screw, "1000", "0.05", WEEK1)
    day = WEEK2 + dt.timedelta(days=2)
    for minutes in (30, 60, 120):
        with clock_at(_at(day, 9)):
            order = sales_orders.create_order(cashier, "GROUP", [SaleLineInput(shop.screw.id, "10", price="0.05")],
                                              paid=True)
            assert sales_shipping.confirm(cashier, order.number).state == "awaiting_approval"
        with clock_at(_at(day, 9) + dt.timedelta(minutes=minutes)):
            sales_shipping.approve(finance, order.number)
        with clock_at(_at(day, 9) + dt.timedelta(minutes=minutes + 10)):
            sales_shipping.ship(cashier, order.number)
    sell(cashier, shop.screw, "5", day)

    total = figures(kpi(owner, FIRST, LAST))
    assert (total["so_approval"].value, total["so_approval"].p90, total["so_approval"].count) == (
        D("60.0"), D("120.0"), 3)
    assert (total["so_shipping"].value, total["so_shipping"].p90) == (D("10.0"), D("10.0"))
    assert (total["so_lead_time"].value, total["so_lead_time"].p90, total["so_lead_time"].count) == (
        D("70.0"), D("130.0"), 3)


def test_stocktake_duration_and_variance_rate(shop):
    """A count on Thu 12-03: 老张 scans 苹果 at 14:00 (system 100, counts 98) and 橙子 at 14:42 (system 50,
    counts 51); the owner posts at 15:00. Duration 42 minutes. Variance at cost: |−2| × 5 + |+1| × 2 = 12
    of 100 × 5 + 50 × 2 = 600, so 2.00%."""
    owner = shop.owner
    counter = users.create_user(owner, "laozhang", "warehouse")
    apple = add_product(owner, "苹果", cost="5", price="8", barcode="6900000000014")
    orange = add_product(owner, "橙子", cost="2", price="3", barcode="6900000000021")
    receive(owner, apple, "100", "5", WEEK1)
    receive(owner, orange, "50", "2", WEEK1)
    day = WEEK2 + dt.timedelta(days=3)
    with clock_at(_at(day, 13, 55)):
        session = stocktake.start_session(owner, "location", "STORE")
        stocktake.set_place(counter, session.id, "STORE")
    with clock_at(_at(day, 14)):
        stocktake.count_scan(counter, session.id, "6900000000014", 98)
    with clock_at(_at(day, 14, 42)):
        stocktake.count_scan(counter, session.id, "6900000000021", 51)
        stocktake.submit_for_review(counter, session.id)
    with clock_at(_at(day, 15)):
        post_stocktake(owner, session.id)

    total = figures(kpi(owner, FIRST, LAST))
    assert (total["stocktake_duration"].value, total["stocktake_duration"].count) == (D("42.0"), 1)
    assert total["stocktake_variance"].value == D("2.00")
    assert dict(total["stocktake_variance"].parts) == {"variance_value": D("12.00"), "system_value": D("600.00")}


def test_a_cashier_sees_no_cost_or_margin_and_nothing_is_invented(shop):
    """The cashier may read turnover and loss as ratios but not the money behind them, nor the margin.
    No group-order message was saved: accuracy and handling time are empty, not a made-up number."""
    owner = shop.owner
    cashier = users.create_user(owner, "xiaomei", "cashier")
    apple = add_product(owner, "苹果", cost="5", price="8")
    receive(owner, apple, "100", "5", WEEK1)
    sell(owner, apple, "20", WEEK2)

    seen = figures(kpi(cashier, FIRST, LAST))
    assert seen["gross_margin"].status == seen["gross_margin_rate"].status == "hidden"
    assert seen["gross_margin"].value is None and "成本和毛利" in seen["gross_margin"].note
    assert seen["turnover_days"].value is not None and seen["turnover_days"].parts == ()
    assert seen["loss_rate"].parts == () and seen["stocktake_variance"].parts == ()
    assert figures(kpi(owner, FIRST, LAST))["gross_margin"].value == D("60.00")
    for key in ("group_accuracy", "group_handling"):
        assert seen[key].status == "empty" and seen[key].value is None
    assert seen["po_approval"].status == "empty" and seen["po_approval"].count == 0


def test_periods_by_month_and_a_backwards_period_is_refused(shop):
    from services.core.errors import ValidationError

    report = kpi(shop.owner, dt.date(2026, 10, 15), LAST, by="month")
    assert [(b.period.start, b.period.end) for b in report.buckets] == [
        (dt.date(2026, 10, 15), dt.date(2026, 10, 31)), (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        (dt.date(2026, 12, 1), LAST)]
    assert figures(report)["turnover_days"].status == "empty"
    with pytest.raises(ValidationError, match="晚于"):
        kpi(shop.owner, LAST, FIRST)
