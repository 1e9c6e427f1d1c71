"""满足率: of what customers asked for, how much the shelf could give — units sold ÷ (units sold +
units asked beyond the stock, the lost sales the counter and the order screens record)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.reports.kpi import kpi
from services.sales.counter_scan import scan_for_sale
from tests.report_shop import WEEK1, WEEK2, add_product, receive, sell

FIRST, LAST = WEEK1, WEEK2 + dt.timedelta(days=6)  # 11-23 … 12-06
MILK = "6900000000014"


def fill_rate(owner, by: str | None = None):
    report = kpi(owner, FIRST, LAST, by=by)
    return report, next(f for f in report.figures if f.key == "fill_rate")


def test_two_scans_of_an_empty_shelf_bring_the_fill_rate_to_80_percent(shop):
    """10 苹果 in; 8 sold on Tue 12-01. This morning (12-06) two customers scan 牛奶, of which there is
    none: 2 units lost. 8 ÷ (8 + 2) = 80.00%; week one sold and lost nothing, so it has no figure."""
    owner = shop.owner
    apple = add_product(owner, "苹果", cost="5", price="8")
    add_product(owner, "牛奶", cost="3", price="5", barcode=MILK)
    receive(owner, apple, "10", "5", WEEK1)
    sell(owner, apple, "8", WEEK2 + dt.timedelta(days=1))
    scan_for_sale([], MILK, actor=owner)
    scan_for_sale([], MILK, actor=owner)

    report, figure = fill_rate(owner, by="week")
    assert figure.value == Decimal("80.00")
    assert dict(figure.parts) == {"units_sold": Decimal("8.000"), "units_lost": Decimal("2.000")}
    assert figure.label == "满足率"
    weeks = [next(f for f in b.figures if f.key == "fill_rate") for b in report.buckets]
    assert [(w.value, w.status) for w in weeks] == [(None, "empty"), (Decimal("80.00"), "ok")]
    as_json = next(f for f in report.as_json()["figures"] if f["key"] == "fill_rate")
    assert (as_json["value"], as_json["unit"]) == ("80.00", "percent")


def test_a_shop_that_turned_nobody_away_fills_100_percent(shop):
    owner = shop.owner
    apple = add_product(owner, "苹果", cost="5", price="8")
    receive(owner, apple, "10", "5", WEEK1)
    sell(owner, apple, "8", WEEK1)
    assert fill_rate(owner)[1].value == Decimal("100.00")


def test_nothing_sold_and_nothing_lost_is_no_figure(shop):
    figure = fill_rate(shop.owner)[1]
    assert (figure.value, figure.status, figure.parts) == (None, "empty", ())
