"""Supplier returns by month, September – November 2026, worked out by hand: 佳果源's blueberries come
back 16% / 18% / 17% of what came in (flagged: over 15% three months in a row), 城南's spinach
16% / 9% / 17% (not flagged: October breaks the run)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.catalog.locations import default_store, virtual
from services.purchasing.purchase_returns import ReturnLineInput, return_stats, return_to_supplier
from services.reports.supplier_returns import flagged, supplier_returns
from services.stock import ledger
from tests.purchase_shop import purchase_shop

D = Decimal
MONTHS = ("2026-09", "2026-10", "2026-11")


@pytest.fixture
def ps(shop):
    """On the 10th of each month 100 盒 of blueberries come from 佳果源 at 8.00 and 100 斤 of spinach
    from 城南 at 2.30 (plain ledger receipts naming the supplier); on the 12th blueberries 16, 18, 17
    and spinach 16, 9, 17 go back (at the suppliers' last prices, the same 8.00 and 2.30). Screws
    come in without a supplier and do not count."""
    ps = purchase_shop(shop)
    returned = {ps.blueberry: (16, 18, 17), ps.spinach: (16, 9, 17)}
    suppliers = {ps.blueberry: ps.fruit, ps.spinach: ps.veg}
    for n, month in enumerate((9, 10, 11)):
        for product, cost in ((ps.blueberry, "8.00"), (ps.spinach, "2.30")):
            ledger.post_document(ps.owner, "receipt", [ledger.Line(
                product.id, D(100), virtual("supplier").id, default_store().id, unit_cost=D(cost))],
                doc_date=dt.date(2026, month, 10), partner=suppliers[product].name)
            return_to_supplier(ps.owner, suppliers[product].id, [ReturnLineInput(product.id, returned[product][n])],
                               "品质不合格", on=dt.date(2026, month, 12))
        ledger.post_document(ps.owner, "receipt", [ledger.Line(
            ps.screw.id, D(1000), virtual("supplier").id, default_store().id, unit_cost=D("0.05"))],
            doc_date=dt.date(2026, month, 10))
    return ps


def test_three_months_over_15_percent_flag_a_product(ps):
    report = supplier_returns(ps.owner, end=dt.date(2026, 11, 30))
    assert (report.period.start, report.months) == (dt.date(2026, 9, 1), list(MONTHS))
    products = {r.code: r for r in report.products}
    assert set(products) == {ps.blueberry.sku, ps.spinach.sku}  # the screws had no supplier
    blueberry, spinach = products[ps.blueberry.sku], products[ps.spinach.sku]
    assert [m.qty_rate for m in blueberry.months] == [D("16.00"), D("18.00"), D("17.00")] and blueberry.flagged
    assert [m.qty_rate for m in spinach.months] == [D("16.00"), D("9.00"), D("17.00")] and not spinach.flagged
    assert report.products[0].code == ps.blueberry.sku  # the flagged first
    september = blueberry.months[0]
    assert (september.received_qty, september.returned_qty, september.received_value, september.returned_value) == (
        D(100), D(16), D("800.00"), D("128.00"))
    assert report.flags == [f"{ps.blueberry.sku} 蓝莓:连续 3 个月退货率超过 15%"]


def test_a_supplier_rate_is_by_value_as_purchase_returns_counts_it(ps):
    """城南 in October: 9 × 2.30 = 20.70 back of 230.00 in = 9.00%; no quantity rate for a supplier."""
    report = supplier_returns(ps.owner, dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    suppliers = {r.code: r for r in report.suppliers}
    october = suppliers["VEG"].months[1]
    assert (october.month, october.received_value, october.returned_value, october.value_rate, october.qty_rate) == (
        "2026-10", D("230.00"), D("20.70"), D("9.00"), None)
    assert [m.value_rate for m in suppliers["FRUIT"].months] == [D("16.00"), D("18.00"), D("17.00")]
    # the same rule as the purchasing screen's rate: 佳果源 over the three months, 408 ÷ 2400
    rate = return_stats(ps.fruit.id, days=91, end=dt.date(2026, 11, 30))
    assert (rate.received_value, rate.returned_value, rate.rate) == (D(2400), D(408), D("0.17"))
    data = report.as_json()
    assert data["products"][0]["months"][0] == {
        "month": "2026-09", "received_qty": "100", "returned_qty": "16", "received_value": "800.00",
        "returned_value": "128.00", "qty_rate": "16.00", "value_rate": "16.00"}


def test_a_cashier_sees_the_rates_without_the_amounts(ps):
    report = supplier_returns(ps.cashier, end=dt.date(2026, 11, 30))
    row = report.products[0]
    assert report.cost_visible is False and row.flagged
    assert (row.months[0].qty_rate, row.months[0].received_value, row.months[0].returned_value) == (
        D("16.00"), None, None)


def test_a_month_with_nothing_received_breaks_the_run():
    assert flagged([D(16), D(18), D(17)]) and flagged([D(10), D(16), D(20), D(30)])
    assert not flagged([D(16), D(9), D(17)]) and not flagged([D(16), None, D(18), D(17)])
    assert not flagged([D(15), D(16), D(17)])  # 15% itself is not over


def test_returned_only_leaves_out_what_nothing_came_back_of(ps):
    """佳果源 also brings 50 个 of peaches in October and none go back: the peaches are a 0.00% row of
    the full report; the window's first view (returned_only) shows the blueberries and the spinach."""
    from tests.report_shop import add_product

    peach = add_product(ps.owner, "水蜜桃", cost="3", price="5", shelf_life_days=7)
    ledger.post_document(ps.owner, "receipt", [ledger.Line(peach.id, D(50), virtual("supplier").id,
                                                           default_store().id, unit_cost=D(3))],
                         doc_date=dt.date(2026, 10, 10), partner=ps.fruit.name)
    every = supplier_returns(ps.owner, dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    peaches = next(r for r in every.products if r.code == peach.sku)
    assert [m.qty_rate for m in peaches.months] == [None, D("0.00"), None]
    shown = supplier_returns(ps.owner, dt.date(2026, 9, 1), dt.date(2026, 11, 30), returned_only=True)
    assert {r.code for r in shown.products} == {ps.blueberry.sku, ps.spinach.sku}
    assert {r.code for r in shown.suppliers} == {r.code for r in every.suppliers}  # both suppliers had returns
    assert shown.flags == every.flags
