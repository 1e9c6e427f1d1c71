"""Sales and margin by product, category, channel, customer, weekday and hour, and ABC classes, for a
few days at the shop with every amount worked out by hand."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.sales import Customer
from services.catalog.locations import default_store, virtual
from services.core import users
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.reports.sales import sales_report
from services.sales import sales_orders, sales_shipping
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger, reversal
from tests.report_shop import WEEK2, add_product, receive, sell

D = Decimal
MONDAY, TUESDAY = WEEK2, WEEK2 + dt.timedelta(days=1)


def rows(report) -> dict:
    return {r.key: r for r in report.rows}


def money_of(report) -> dict:
    return {r.key: (r.revenue, r.cost, r.margin, r.margin_rate) for r in report.rows}


@pytest.fixture
def days(shop):
    """苹果 (水果) costs 5 and sells at 8; 青菜 (蔬菜) costs 1 and sells at 2.

    Mon 09:15 at the counter: 2 苹果 = 16 (cost 10).
    Mon 18:40 a 社群 order of 张阿姨: 1 苹果 at 8 less 0.50 = 7.50 (cost 5) and 3 青菜 = 6 (cost 3).
    Tue 09:30 a 美团 order: 5 青菜 = 10 (cost 5).
    Tue 20:05 a sale posted straight to the ledger (no sales order): 1 苹果 at the list price 8 (cost 5).
    Tue 12:00 a sale of 50 青菜 posted straight to the ledger, reversed: not a sale.
    Sales 47.50, cost 28, margin 19.50 = 41.05%."""
    owner = shop.owner
    cashier = users.create_user(owner, "xiaomei", "cashier")
    apple = add_product(owner, "苹果", cost="5", price="8", category="水果")
    greens = add_product(owner, "青菜", cost="1", price="2", category="蔬菜")
    receive(owner, apple, "100", "5", MONDAY)
    receive(owner, greens, "100", "1", MONDAY)
    aunt = Customer.create(code="C100", name="张阿姨")
    sell(cashier, apple, "2", MONDAY, hour=9, minute=15)
    with clock_at(dt.datetime.combine(MONDAY, dt.time(18, 40))):
        order = sales_orders.create_order(cashier, "GROUP", [SaleLineInput(apple.id, "1", discount="0.5"),
                                                             SaleLineInput(greens.id, "3")],
                                          customer_id=aunt.id, paid=True)
        sales_shipping.confirm(cashier, order.number)
        sales_shipping.ship(cashier, order.number)
    sell(cashier, greens, "5", TUESDAY, hour=9, minute=30, channel="MEITUAN")
    with clock_at(dt.datetime.combine(TUESDAY, dt.time(20, 5))):
        ledger.post_document(owner, "sale", [ledger.Line(apple.id, D(1), default_store().id, virtual("customer").id)])
    with clock_at(dt.datetime.combine(TUESDAY, dt.time(12))):
        mistake = ledger.post_document(owner, "sale", [ledger.Line(greens.id, D(50), default_store().id,
                                                                   virtual("customer").id)])
    reversal.reverse_document(owner, mistake.number, "输错数量")
    return owner, cashier


def test_sales_and_margin_by_channel_customer_and_category(days):
    owner, _ = days
    by_channel = sales_report(owner, MONDAY, TUESDAY, by="channel")
    assert (by_channel.total.revenue, by_channel.total.cost, by_channel.total.margin, by_channel.total.margin_rate) == (
        D("47.50"), D("28.00"), D("19.50"), D("41.05"))
    assert money_of(by_channel) == {
        "STORE": (D("16.00"), D("10.00"), D("6.00"), D("37.50")),
        "GROUP": (D("13.50"), D("8.00"), D("5.50"), D("40.74")),
        "MEITUAN": (D("10.00"), D("5.00"), D("5.00"), D("50.00")),
        "": (D("8.00"), D("5.00"), D("3.00"), D("37.50")),
    }
    assert rows(by_channel)[""].label == "无销售单(按零售价)"
    assert [r.key for r in by_channel.rows] == ["STORE", "GROUP", "MEITUAN", ""]  # largest sales first
    assert rows(by_channel)["STORE"].share == D("33.68")  # 16 ÷ 47.50

    by_customer = sales_report(owner, MONDAY, TUESDAY, by="customer")
    assert {r.label: r.revenue for r in by_customer.rows} == {"散客": D("34.00"), "张阿姨": D("13.50")}
    by_category = sales_report(owner, MONDAY, TUESDAY, by="category")
    assert money_of(by_category) == {"水果": (D("31.50"), D("20.00"), D("11.50"), D("36.51")),
                                     "蔬菜": (D("16.00"), D("8.00"), D("8.00"), D("50.00"))}


def test_sales_by_product_weekday_and_hour(days):
    owner, _ = days
    by_product = sales_report(owner, MONDAY, TUESDAY, by="product")
    assert {r.label: (r.quantity, r.unit, r.revenue, r.documents) for r in by_product.rows} == {
        "苹果": (D(4), "个", D("31.50"), 3), "青菜": (D(8), "个", D("16.00"), 2)}
    by_weekday = sales_report(owner, MONDAY, TUESDAY, by="weekday")
    assert [(r.label, r.revenue) for r in by_weekday.rows] == [
        ("周一", D("29.50")), ("周二", D("18.00")), ("周三", 0), ("周四", 0), ("周五", 0), ("周六", 0), ("周日", 0)]
    by_hour = sales_report(owner, MONDAY, TUESDAY, by="hour")
    assert [(r.key, r.label, r.revenue) for r in by_hour.rows] == [
        ("9", "09:00–09:59", D("26.00")), ("18", "18:00–18:59", D("13.50")), ("20", "20:00–20:59", D("8.00"))]
    only_monday = sales_report(owner, MONDAY, MONDAY, by="channel")
    assert only_monday.total.revenue == D("29.50")


def test_a_cashier_sees_sales_but_no_cost_or_margin(days):
    _, cashier = days
    report = sales_report(cashier, MONDAY, TUESDAY, by="product")
    assert not report.cost_visible
    assert [(r.revenue, r.cost, r.margin, r.margin_rate) for r in report.rows] == [
        (D("31.50"), None, None, None), (D("16.00"), None, None, None)]
    assert report.total.cost is None and report.as_json()["total"]["margin"] is None


def test_abc_classes_on_a_small_catalogue(shop):
    """Six products selling 50, 30, 10, 5, 3 and 2 yuan (100 in all). Before each, in order, the
    larger ones have sold 0, 50, 80, 90, 95, 98: under 80 → A, under 95 → B, else C. So A = the two
    making 80%, B = the next two (15%), C = the last two (5%)."""
    owner = shop.owner
    for name, price in (("一号", "50"), ("二号", "30"), ("三号", "10"), ("四号", "5"), ("五号", "3"), ("六号", "2")):
        product = add_product(owner, name, cost="1", price=price)
        receive(owner, product, "5", "1", MONDAY)
        sell(owner, product, "1", TUESDAY)
    report = sales_report(owner, MONDAY, TUESDAY, by="product")
    assert [(r.label, r.abc) for r in report.rows] == [
        ("一号", "A"), ("二号", "A"), ("三号", "B"), ("四号", "B"), ("五号", "C"), ("六号", "C")]
    assert [(c.name, c.products, c.revenue, c.share) for c in report.abc] == [
        ("A", 2, D("80.00"), D("80.00")), ("B", 2, D("15.00"), D("15.00")), ("C", 2, D("5.00"), D("5.00"))]
    assert report.as_json()["rows"][0]["abc"] == "A"


def test_an_unknown_grouping_is_refused(shop):
    with pytest.raises(ValidationError, match="supplier"):
        sales_report(shop.owner, by="supplier")
