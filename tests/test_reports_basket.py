"""购物篮 on ten baskets with every support, confidence and lift worked out by hand."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Product
from services.catalog.locations import default_store, virtual
from services.core.clock import clock_at
from services.core.errors import ValidationError
from services.reports.basket import basket_report
from services.sales.sales_lines import SaleLineInput
from services.sales.sales_shipping import sell_now
from services.stock import ledger, reversal
from tests.report_shop import WEEK2, add_product, receive

D = Decimal
TUESDAY, WEDNESDAY = WEEK2 + dt.timedelta(days=1), WEEK2 + dt.timedelta(days=2)


def basket(actor, products, day: dt.date, hour: int):
    """One counter sale of one of each product."""
    with clock_at(dt.datetime.combine(day, dt.time(hour, 20))):
        return sell_now(actor, [SaleLineInput(p.id, "1") for p in products])


@pytest.fixture
def week(shop):
    """蓝莓 L (水果), 酸奶 Y (乳品), 面包 B (烘焙), 牛奶 M (乳品). Ten baskets in the week of 11-30:

        1 L Y   Tue 09h      6 L B   Tue 10h
        2 L Y   Tue 09h      7 Y B   Wed 09h
        3 L Y   Tue 10h      8 B     Tue 09h
        4 L Y   Tue 15h      9 B     Wed 09h
        5 L Y   Tue 15h     10 B M   Wed 09h
    and an 11th, L Y on Tue 09h posted straight to the ledger, reversed: not a basket.

    The week: N = 10; L in 6, Y in 6, B in 5, M in 1; pairs LY 5, LB 1, YB 1, BM 1.
      L → Y: support 5/10 = 50%, confidence 5/6 = 83.33%, lift 5·10 / (6·6) = 1.39 (Y → L the same).
      M → B: confidence 1/1 = 100%, lift 1·10 / (1·5) = 2.00; B → M: 1/5 = 20%, lift 2.00.
      L → B: 1/6 = 16.67%, lift 1·10 / (6·5) = 0.33; B → L: 1/5 = 20%, lift 0.33 (Y and B the same).
    Tuesday 9–11: baskets 1, 2, 3, 6, 8: N = 5; L in 4, Y in 3, B in 2; LY 3, LB 1.
      L → Y: 3/4 = 75%, lift 3·5 / (4·3) = 1.25; Y → L: 3/3 = 100%, lift 1.25."""
    owner = shop.owner
    lan, y, b, m = (add_product(owner, name, cost="1", price="2", category=category)
                    for name, category in (("蓝莓", "水果"), ("酸奶", "乳品"), ("面包", "烘焙"), ("牛奶", "乳品")))
    for product in (lan, y, b, m):
        receive(owner, product, "100", "1", WEEK2)
    for products, day, hour in (((lan, y), TUESDAY, 9), ((lan, y), TUESDAY, 9), ((lan, y), TUESDAY, 10),
                                ((lan, y), TUESDAY, 15), ((lan, y), TUESDAY, 15), ((lan, b), TUESDAY, 10),
                                ((y, b), WEDNESDAY, 9), ((b,), TUESDAY, 9), ((b,), WEDNESDAY, 9),
                                ((b, m), WEDNESDAY, 9)):
        basket(owner, products, day, hour)
    with clock_at(dt.datetime.combine(TUESDAY, dt.time(9, 20))):  # a shipped order comes back by a return
        mistake = ledger.post_document(owner, "sale", [ledger.Line(p.id, D(1), default_store().id, virtual("customer").id)
                                                       for p in (lan, y)])
    reversal.reverse_document(owner, mistake.number, "重复记账")
    return owner


def rules_of(report) -> dict:
    return {(r.if_name, r.then_name): (r.both, r.support, r.confidence, r.lift) for r in report.rules}


def test_the_weeks_pairs_over_the_minimum_support(week):
    report = basket_report(WEEK2, WEEK2 + dt.timedelta(days=6))
    assert (report.baskets, report.multi_line, report.min_support) == (10, 8, 5)  # 8 and 9 are single
    assert rules_of(report) == {("蓝莓", "酸奶"): (5, D("50.00"), D("83.33"), D("1.39")),
                                ("酸奶", "蓝莓"): (5, D("50.00"), D("83.33"), D("1.39"))}
    assert report.rules[0].sentence() == "买蓝莓的顾客中 83% 也买了酸奶,是平时的 1.4 倍,基于 6 单"


def test_a_low_minimum_shows_the_small_pairs_strongest_lift_first(week):
    report = basket_report(WEEK2, WEEK2 + dt.timedelta(days=6), min_support=1)
    found = rules_of(report)
    assert found[("牛奶", "面包")] == (1, D("10.00"), D("100.00"), D("2.00"))
    assert found[("面包", "牛奶")] == (1, D("10.00"), D("20.00"), D("2.00"))
    assert found[("蓝莓", "面包")] == (1, D("10.00"), D("16.67"), D("0.33"))
    assert found[("面包", "蓝莓")] == (1, D("10.00"), D("20.00"), D("0.33"))
    assert len(found) == 8  # four pairs, both ways
    assert [r.lift for r in report.rules] == sorted((r.lift for r in report.rules), reverse=True)
    assert (report.rules[0].if_name, report.rules[0].then_name) == ("牛奶", "面包")


def test_tuesday_mornings_slice(week):
    report = basket_report(WEEK2, WEEK2 + dt.timedelta(days=6), weekday=2, hours=(9, 11), min_support=3)
    assert (report.baskets, report.multi_line) == (5, 4)
    assert rules_of(report) == {("蓝莓", "酸奶"): (3, D("60.00"), D("75.00"), D("1.25")),
                                ("酸奶", "蓝莓"): (3, D("60.00"), D("100.00"), D("1.25"))}
    assert report.rules[1].sentence() == "周二 9–11 点买蓝莓的顾客中 75% 也买了酸奶,是平时的 1.3 倍,基于 4 单"
    assert report.as_json()["rules"][1]["lift"] == "1.25" and report.as_json()["hours"] == [9, 11]


def test_category_keeps_the_pairs_with_a_product_in_it(week):
    report = basket_report(WEEK2, WEEK2 + dt.timedelta(days=6), category="烘焙", min_support=1)
    assert {frozenset(pair) for pair in rules_of(report)} == {
        frozenset(("蓝莓", "面包")), frozenset(("酸奶", "面包")), frozenset(("面包", "牛奶"))}


def test_a_channel_keeps_the_baskets_of_its_orders(week):
    """Two 社群 orders of 面包 and 牛奶 on Thursday: in the 社群 slice N = 2, B and M in both, BM 2 —
    confidence 2/2 = 100%, lift 2·2 / (2·2) = 1.00; the counter's ten baskets are not in it."""
    bread, milk = (Product.get(Product.name == name) for name in ("面包", "牛奶"))
    for _ in range(2):
        with clock_at(dt.datetime.combine(WEEK2 + dt.timedelta(days=3), dt.time(8))):
            sell_now(week, [SaleLineInput(bread.id, "1"), SaleLineInput(milk.id, "1")], channel_code="GROUP")
    report = basket_report(WEEK2, WEEK2 + dt.timedelta(days=6), channel="社群", min_support=1)
    assert (report.baskets, report.channel) == (2, "GROUP")
    assert rules_of(report) == {("面包", "牛奶"): (2, D("100.00"), D("100.00"), D("1.00")),
                                ("牛奶", "面包"): (2, D("100.00"), D("100.00"), D("1.00"))}
    assert report.as_json()["channel"] == "GROUP"
    assert basket_report(WEEK2, WEEK2 + dt.timedelta(days=6), channel="STORE").baskets == 10


def test_a_bad_slice_is_refused(week):
    with pytest.raises(ValidationError):
        basket_report(weekday=8)
    with pytest.raises(ValidationError):
        basket_report(hours=(11, 9))
