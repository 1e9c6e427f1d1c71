"""The dashboard on Sunday 12-06 at 10:00: today's and this week's sales by channel, the orders waiting,
stock value per location with the subcontractor apart, near-expiry and expired lots, stock-outs."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.sales import ProductPrice
from services.catalog.locations import create_location, default_store
from services.core.clock import clock_at
from services.purchasing import purchase_approval, purchase_orders
from services.reports.dashboard import dashboard
from services.sales import sales_orders, sales_shipping
from services.sales.sales_emergency import emergency_outbound
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger
from tests.purchase_shop import purchase_shop
from tests.report_shop import WEEK2, add_product, receive, sell

D = Decimal
SUNDAY = WEEK2 + dt.timedelta(days=6)  # conftest's today
BEFORE = WEEK2 - dt.timedelta(days=2)


@pytest.fixture
def sunday(shop):
    """苹果 costs 5 (sells at 8, floor 7.50), 牛奶 3, 礼盒 20, 面包 1 (sells at 2). On 11-28 in: 100 苹果,
    牛奶 10 expiring 12-08 and 4 expiring 12-04, 10 礼盒, 5 面包.

    Mon 11-30: 3 苹果 at the counter (24, cost 15); the last 5 面包 (10, cost 5).
    Today: 6 礼盒 go to the packing subcontractor; 2 苹果 at the counter at 09:00 (16, cost 10); a 美团
    order of 1 苹果 ships at 09:30 (8, cost 5); the owner's emergency outbound of 1 苹果 (8, cost 5),
    paperwork not done. Open: a 社群 order of 10 苹果 (paid, reserves 50 at cost), an unpaid 美团
    order of 4 (reserves 20 until 10:30), a counter order of 1 at 7 below the floor (waits for
    approval, reserves 5); a purchase order of 2300 (over the 2000 approval line) waits for the owner."""
    ps = purchase_shop(shop)
    owner, cashier = ps.owner, ps.cashier
    workshop = create_location(owner, "WX01", "委外包装厂", "subcontractor")
    apple = add_product(owner, "苹果", cost="5", price="8")
    milk = add_product(owner, "牛奶", cost="3", price="5", shelf_life_days=7)
    gift_box = add_product(owner, "礼盒", cost="20", price="30")
    bread = add_product(owner, "面包", cost="1", price="2")
    ProductPrice.create(product=apple.id, tier="floor", price=D("7.5"))
    receive(owner, apple, "100", "5", BEFORE)
    receive(owner, milk, "10", "3", BEFORE, expiry=dt.date(2026, 12, 8))
    receive(owner, milk, "4", "3", BEFORE, expiry=dt.date(2026, 12, 4))
    receive(owner, gift_box, "10", "20", BEFORE)
    receive(owner, bread, "5", "1", BEFORE)
    sell(cashier, apple, "3", WEEK2)
    sell(cashier, bread, "5", WEEK2)
    ledger.post_document(owner, "transfer", [ledger.Line(gift_box.id, D(6), default_store().id, workshop.id)])
    sell(cashier, apple, "2", SUNDAY, hour=9)
    sell(cashier, apple, "1", SUNDAY, hour=9, minute=30, channel="MEITUAN")
    emergency_outbound(owner, "STORE", [SaleLineInput(apple.id, "1")], reason="老客户急用,先拿货")
    group = sales_orders.create_order(cashier, "GROUP", [SaleLineInput(apple.id, "10")], paid=True)
    sales_shipping.confirm(cashier, group.number)
    sales_orders.create_order(cashier, "MEITUAN", [SaleLineInput(apple.id, "4")])
    below_floor = sales_orders.create_order(cashier, "STORE", [SaleLineInput(apple.id, "1", price="7")])
    assert sales_shipping.confirm(cashier, below_floor.number).state == "awaiting_approval"
    with clock_at(dt.datetime(2026, 12, 5, 17)):
        order = purchase_orders.create_draft(ps.purchaser, ps.veg.id, [purchase_orders.OrderLineInput(
            ps.spinach.id, "1000")])
        assert purchase_approval.submit(ps.purchaser, order.number).state == "submitted"
    return owner, cashier


def test_sales_and_margin_by_channel_today_and_this_week(sunday):
    """Today: counter 16 + 8 (the emergency outbound) = 24, cost 15; 美团 8, cost 5 — 32 in all, margin 12.
    This week adds Monday's 24 + 10 at the counter: 66 in all, cost 40, margin 26."""
    owner, _ = sunday
    board = dashboard(owner)
    assert (board.day, board.week.start) == (SUNDAY, WEEK2)
    assert {r.key: (r.revenue, r.margin) for r in board.today.rows} == {
        "STORE": (D("24.00"), D("9.00")), "MEITUAN": (D("8.00"), D("3.00"))}
    assert (board.today.total.revenue, board.today.total.margin, board.today.total.margin_rate) == (
        D("32.00"), D("12.00"), D("37.50"))
    assert (board.this_week.total.revenue, board.this_week.total.cost, board.this_week.total.margin) == (
        D("66.00"), D("40.00"), D("26.00"))


def test_orders_waiting_for_someone(sunday):
    owner, _ = sunday
    waiting = {w.key: w.count for w in dashboard(owner).waiting}
    assert waiting == {"purchase_approval": 1, "sales_approval": 1, "group_orders": 1, "channel_orders": 1,
                       "emergencies": 1}
    oldest = next(w for w in dashboard(owner).waiting if w.key == "purchase_approval").oldest
    assert oldest == dt.datetime(2026, 12, 5, 17)


def test_stock_value_per_location_with_the_subcontractor_apart(sunday):
    """门店仓: 93 苹果 × 5 + 14 牛奶 × 3 + 4 礼盒 × 20 = 587 on hand; reserved 50 + 20 + 5 = 75; available
    512. The packing workshop holds 6 礼盒 × 20 = 120, ours but not for sale."""
    owner, _ = sunday
    board = dashboard(owner)
    assert [(r.code, r.sellable, r.products, r.on_hand, r.reserved, r.available) for r in board.locations] == [
        ("STORE", True, 3, D("587.00"), D("75.00"), D("512.00")),
        ("WX01", False, 1, D("120.00"), D("0.00"), D("120.00"))]
    assert board.totals(True).on_hand == D("587.00") and board.totals(False).on_hand == D("120.00")
    assert board.as_json()["subcontractor_total"]["on_hand"] == "120.00"


def test_near_expiry_expired_and_stock_outs(sunday):
    """牛奶 expiring 12-08 is within three days: 10 × 3 = 30. The lot that expired on 12-04: 4 × 3 = 12.
    面包 sold out on Monday: a stock-out. 苹果 still has stock; 礼盒 never sold."""
    owner, _ = sunday
    board = dashboard(owner)
    assert (board.near_expiry.lots, board.near_expiry.value) == (1, D("30.00"))
    assert (board.expired.lots, board.expired.value) == (1, D("12.00"))
    assert [(s.name, s.last_sold) for s in board.stockouts] == [("面包", WEEK2)]


def test_a_cashier_sees_sales_and_counts_but_no_value_at_cost(sunday):
    _, cashier = sunday
    board = dashboard(cashier)
    assert board.today.total.revenue == D("32.00") and board.today.total.margin is None
    assert [(r.code, r.products, r.on_hand, r.available) for r in board.locations] == [
        ("STORE", 3, None, None), ("WX01", 1, None, None)]
    assert (board.near_expiry.lots, board.near_expiry.value) == (1, None)
    data = board.as_json()
    assert data["sellable_total"]["on_hand"] is None and data["cost_visible"] is False
    assert len(data["stockouts"]) == 1


def test_a_quiet_day_has_empty_figures_not_errors(shop):
    board = dashboard(shop.owner)
    assert board.today.rows == [] and board.today.total.revenue == 0
    assert all(w.count == 0 and w.oldest is None for w in board.waiting)
    assert board.stockouts == [] and board.near_expiry.lots == 0
    assert board.locations == [] and board.totals(True).on_hand == 0
