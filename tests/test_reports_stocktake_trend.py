"""The stocktake trend over four monthly counts, worked out by hand against the 0.5% line: the shop
becomes stable once three months in a row come in under it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.core import users
from services.reports.stocktake_trend import stable, stocktake_trend
from tests.report_shop import add_product, count, receive

D = Decimal


@pytest.fixture
def counts(shop):
    """大米 (粮油, cost 10) and 酱油 (调味, cost 5): 100 of each in on 09-01. Counted on the 15th:
    Sep: 大米 99 — 10 off of 1000 + 500 = 0.67% (粮油 1.00%, 调味 0.00%).
    Oct: 酱油 99 — 5 off of 990 + 500 = 0.34% (粮油 0.00%, 调味 1.00%).
    Nov: both right, 0.00%. Dec 1: 酱油 98 — 5 off of 990 + 495 = 0.34% (调味 1.01%)."""
    owner = shop.owner
    counter = users.create_user(owner, "laozhang", "warehouse")
    rice = add_product(owner, "大米", cost="10", price="15", category="粮油", barcode="RICE")
    soy = add_product(owner, "酱油", cost="5", price="8", category="调味", barcode="SOY")
    receive(owner, rice, "100", "10", dt.date(2026, 9, 1))
    receive(owner, soy, "100", "5", dt.date(2026, 9, 1))
    count(owner, counter, dt.datetime(2026, 9, 15, 20), {"RICE": 99, "SOY": 100})
    count(owner, counter, dt.datetime(2026, 10, 15, 20), {"RICE": 99, "SOY": 99})
    count(owner, counter, dt.datetime(2026, 11, 15, 20), {"RICE": 99, "SOY": 99})
    count(owner, counter, dt.datetime(2026, 12, 1, 20), {"RICE": 99, "SOY": 98})
    return owner


def test_the_last_three_months_under_the_line_are_stable(counts):
    trend = stocktake_trend(counts)  # October to today
    assert trend.months == ["2026-10", "2026-11", "2026-12"]
    assert trend.shop.rates == [D("0.34"), D("0.00"), D("0.34")] and trend.shop.stable
    assert [(c.posted_at.date(), c.rate) for c in trend.counts] == [
        (dt.date(2026, 10, 15), D("0.34")), (dt.date(2026, 11, 15), D("0.00")), (dt.date(2026, 12, 1), D("0.34"))]
    categories = {c.name: c for c in trend.categories}
    assert categories["粮油"].rates == [D("0.00"), D("0.00"), D("0.00")] and categories["粮油"].stable
    assert categories["调味"].rates == [D("1.00"), D("0.00"), D("1.01")] and not categories["调味"].stable
    assert trend.verdict == "已稳定:连续 3 个月差异率低于 0.5%"


def test_september_over_the_line_is_not_stable_yet(counts):
    trend = stocktake_trend(counts, dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    assert trend.shop.rates == [D("0.67"), D("0.34"), D("0.00")] and not trend.shop.stable
    assert {c.name: c.rates[0] for c in trend.categories} == {"粮油": D("1.00"), "调味": D("0.00")}
    data = trend.as_json()
    assert (data["line"], data["stable"], data["shop"]["months"]["2026-09"]) == ("0.5", False, "0.67")
    assert data["counts"][0]["under_line"] is False and data["counts"][1]["under_line"] is True


def test_a_month_without_a_count_is_not_stable():
    assert stable([D("0.1"), D("0.2"), D("0.3")]) and stable([D(5), D("0.1"), D("0.2"), D("0.3")])
    assert not stable([D("0.1"), None, D("0.3")]) and not stable([D("0.1"), D("0.2")])
    assert not stable([D("0.1"), D("0.2"), D("0.5")])  # 0.5% itself is on the line, not under it


def test_a_count_posted_with_nothing_counted_is_listed_but_moves_no_rate(counts):
    """A count started on 11-20 and posted before anyone counted a line: it is one of the counts the
    owner posted (0 lines, 0.00%), but November's rate stays the 11-15 count's 0.00% and December's
    the 12-01 count's 0.34% — an uncounted line is no variance."""
    count(counts, counts, dt.datetime(2026, 11, 20, 20), {})
    trend = stocktake_trend(counts)
    assert [(c.posted_at.date(), c.lines, c.rate) for c in trend.counts] == [
        (dt.date(2026, 10, 15), 2, D("0.34")), (dt.date(2026, 11, 15), 2, D("0.00")),
        (dt.date(2026, 11, 20), 0, D("0.00")), (dt.date(2026, 12, 1), 2, D("0.34"))]
    assert trend.shop.rates == [D("0.34"), D("0.00"), D("0.34")]
    assert {c.name: c.rates for c in trend.categories}["调味"] == [D("1.00"), D("0.00"), D("1.01")]


def test_a_location_keeps_the_lines_counted_there(counts):
    """A 冷柜 under the store holds 50 牛奶 (cost 3); on 12-03 it is counted alone: 48, 6 off of 150 = 4.00%.
    The 冷柜's trend has that one count; the store's (the 冷柜 with it) in December: (5 + 6) ÷ (1485 + 150)
    = 0.67%, over the line — no longer stable."""
    from services.catalog.locations import create_location, default_store
    from services.core.clock import clock_at
    from services.stocktake import sessions
    from services.stocktake.posting import post

    milk = add_product(counts, "牛奶", cost="3", price="5", category="乳品", barcode="MILK")
    fridge = create_location(counts, "FRIDGE", "冷柜", "shelf", parent_code=default_store().code)
    receive(counts, milk, "50", "3", dt.date(2026, 9, 1), location=fridge)
    with clock_at(dt.datetime(2026, 12, 3, 20)):
        session = sessions.start_session(counts, "location", "FRIDGE")
        sessions.set_place(counts, session.id, "FRIDGE")
        sessions.count_scan(counts, session.id, "MILK", 48)
        sessions.submit_for_review(counts, session.id)
        post(counts, session.id)
    fridge_trend = stocktake_trend(counts, location="FRIDGE")
    assert [(c.posted_at.date(), c.lines, c.rate) for c in fridge_trend.counts] == [(dt.date(2026, 12, 3), 1, D("4.00"))]
    assert fridge_trend.shop.rates == [None, None, D("4.00")] and not fridge_trend.shop.stable
    assert [c.name for c in fridge_trend.categories] == ["乳品"] and fridge_trend.as_json()["location"] == "FRIDGE"
    store = stocktake_trend(counts, location="STORE")
    assert store.shop.rates == [D("0.34"), D("0.00"), D("0.67")] and not store.shop.stable
