"""销售与毛利 and 经营指标 narrowed to a category, a location or a channel: a shop with two categories
(水果: 苹果, 乳品: 牛奶), two locations (门店仓 STORE and its 冷柜 FRIDGE) and two channels (门店, 美团),
every filtered number worked out by hand."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.catalog.locations import create_location, default_store, virtual
from services.core.errors import NotFound, StockError
from services.reports.kpi import kpi
from services.reports.kpi_trend import kpi_trend
from services.reports.report_filter import report_filter
from services.reports.sales import sales_report
from services.sales import sales_orders
from services.sales.sales_lines import SaleLineInput
from services.stock import ledger
from tests.report_shop import WEEK1, WEEK2, add_product, receive, sell, write_off

D = Decimal
FIRST, LAST = WEEK1, WEEK2 + dt.timedelta(days=6)  # 11-23 … 12-06, 14 days


@pytest.fixture
def two_of_each(shop):
    """Before the period: 100 苹果 (水果, cost 5, price 8) in STORE, 50 牛奶 (乳品, cost 3, price 5) in the
    冷柜 under it. Mon 11-23: 20 苹果 sold at the counter (门店: 160 at cost 100), 10 苹果 to a 美团
    order (80 at cost 50), 10 牛奶 taken out of the 冷柜 by a sale posted straight to the ledger (no
    order, so no channel: 10 × 5 = 50 at cost 30); 4 苹果 written off in STORE (20), 5 牛奶 in the 冷柜
    (15). This morning (12-06) a 美团 order asks for 45 牛奶, 35 are there: refused, 10 lost."""
    owner = shop.owner
    apple = add_product(owner, "苹果", cost="5", price="8", category="水果")
    milk = add_product(owner, "牛奶", cost="3", price="5", category="乳品")
    fridge = create_location(owner, "FRIDGE", "冷柜", "shelf", parent_code=default_store().code)
    receive(owner, apple, "100", "5", WEEK1 - dt.timedelta(days=1))
    receive(owner, milk, "50", "3", WEEK1 - dt.timedelta(days=1), location=fridge)
    sell(owner, apple, "20", WEEK1)
    sell(owner, apple, "10", WEEK1, hour=11, channel="MEITUAN")
    ledger.post_document(owner, "sale", [ledger.Line(milk.id, D(10), fridge.id, virtual("customer").id)], doc_date=WEEK1)
    write_off(owner, apple, "4", WEEK1)
    ledger.post_document(owner, "loss", [ledger.Line(milk.id, D(5), fridge.id, virtual("loss").id)], doc_date=WEEK1)
    with pytest.raises(StockError):
        sales_orders.create_order(owner, "MEITUAN", [SaleLineInput(milk.id, "45")], external_ref="MT-1")
    return shop


def sales(owner, by: str = "product", **only):
    return sales_report(owner, FIRST, LAST, by=by, only=report_filter(**only))


def figures(owner, **only) -> dict:
    return {f.key: f for f in kpi(owner, FIRST, LAST, only=report_filter(**only)).figures}


def test_sales_of_one_category_have_their_own_totals_shares_and_abc(two_of_each):
    """水果: 苹果 alone, 160 + 80 = 240 at cost 150, margin 90 (37.50%), all of the category's sales: 100%, A."""
    report = sales(two_of_each.owner, category="水果")
    assert [(r.label, r.revenue, r.cost, r.margin, r.margin_rate, r.share, r.documents, r.abc) for r in report.rows] == [
        ("苹果", D("240.00"), D("150.00"), D("90.00"), D("37.50"), D("100.00"), 2, "A")]
    assert (report.total.revenue, report.total.margin, report.count) == (D("240.00"), D("90.00"), 1)
    assert [(c.name, c.products, c.revenue) for c in report.abc] == [
        ("A", 1, D("240.00")), ("B", 0, D("0.00")), ("C", 0, D("0.00"))]
    assert report.as_json()["filters"] == {"category": "水果", "location": None, "location_name": None,
                                           "channel": None, "channel_name": None}


def test_sales_of_one_channel_leave_out_the_others_and_sales_without_an_order(two_of_each):
    """Unfiltered by channel: 门店 160, 美团 80, no order 50 of 290. 美团 alone: 苹果 80 at cost 50, one order."""
    owner = two_of_each.owner
    by_channel = sales(owner, by="channel")
    assert [(r.label, r.revenue, r.share) for r in by_channel.rows] == [
        ("门店", D("160.00"), D("55.17")), ("美团", D("80.00"), D("27.59")), ("无销售单(按零售价)", D("50.00"), D("17.24"))]
    meituan = sales(owner, channel="美团")
    assert [(r.label, r.revenue, r.cost, r.share, r.documents) for r in meituan.rows] == [
        ("苹果", D("80.00"), D("50.00"), D("100.00"), 1)]
    assert (meituan.total.revenue, meituan.total.documents) == (D("80.00"), 1)
    assert meituan.filters.channel == "MEITUAN"


def test_a_location_stands_for_itself_and_the_locations_under_it(two_of_each):
    """The 冷柜's sales: 牛奶 50 at cost 30. STORE holds the 冷柜: all 290. 水果 from the 冷柜: nothing."""
    owner = two_of_each.owner
    fridge = sales(owner, location="FRIDGE")
    assert [(r.label, r.revenue, r.cost) for r in fridge.rows] == [("牛奶", D("50.00"), D("30.00"))]
    assert sales(owner, location="STORE").total.revenue == D("290.00")
    nothing = sales(owner, by="category", category="水果", location="FRIDGE")
    assert (nothing.rows, nothing.total.revenue, nothing.count) == ([], D("0.00"), 0)
    by_hour = sales(owner, by="hour", channel="MEITUAN")
    assert [(r.key, r.revenue) for r in by_hour.rows] == [("11", D("80.00"))]


def test_kpis_of_a_category_and_of_a_location(two_of_each):
    """Both close the same every day from 11-23 on (14 days):
    水果: 66 苹果 × 5 = 330 a day, Σ 4620; cost of goods sold 150 → turnover 30.8 days; loss 20 ÷ (150 + 20)
        = 11.76%; margin 240 − 150 = 90 (37.50%); fill: 30 sold, nothing lost → 100.00%.
    冷柜: 35 牛奶 × 3 = 105 a day, Σ 1470; COGS 30 → 49.0 days; loss 15 ÷ (30 + 15) = 33.33%; margin 20 (40.00%).
    The whole shop: Σ (330 + 105) × 14 = 6090 ÷ 180 = 33.8 days; loss 35 ÷ 215 = 16.28%; fill 40 ÷ 50 = 80.00%."""
    owner = two_of_each.owner
    fruit = figures(owner, category="水果")
    assert (fruit["turnover_days"].value, fruit["loss_rate"].value) == (D("30.8"), D("11.76"))
    assert (fruit["gross_margin"].value, fruit["gross_margin_rate"].value) == (D("90.00"), D("37.50"))
    assert fruit["fill_rate"].value == D("100.00")
    fridge = figures(owner, location="FRIDGE")
    assert (fridge["turnover_days"].value, fridge["loss_rate"].value) == (D("49.0"), D("33.33"))
    assert (fridge["gross_margin"].value, fridge["gross_margin_rate"].value) == (D("20.00"), D("40.00"))
    assert dict(fridge["loss_rate"].parts) == {"loss": D("15.00"), "cogs": D("30.00")}
    whole = figures(owner)
    assert (whole["turnover_days"].value, whole["loss_rate"].value, whole["fill_rate"].value) == (
        D("33.8"), D("16.28"), D("80.00"))


def test_kpis_of_a_channel_split_margin_and_fill_only(two_of_each):
    """美团: margin 80 − 50 = 30 (37.50%); fill 10 sold ÷ (10 + the 10 refused) = 50.00%; 门店 100.00%.
    Stock and its loss are one pool for every channel, and a document time is no channel's: unsplit."""
    owner = two_of_each.owner
    meituan = figures(owner, channel="MEITUAN")
    assert (meituan["gross_margin"].value, meituan["gross_margin_rate"].value) == (D("30.00"), D("37.50"))
    assert meituan["fill_rate"].value == D("50.00")
    assert figures(owner, channel="门店")["fill_rate"].value == D("100.00")
    for key in ("turnover_days", "loss_rate", "stockout_days", "po_approval", "stocktake_duration", "group_handling"):
        assert (meituan[key].status, meituan[key].value) == ("unsplit", None)
    assert "不能按所选的分类、库位或渠道拆分" in meituan["loss_rate"].note
    as_json = kpi(owner, FIRST, LAST, only=report_filter(channel="MEITUAN")).as_json()
    assert as_json["filters"]["channel_name"] == "美团"
    loss = next(f for f in as_json["figures"] if f["key"] == "loss_rate")
    assert (loss["value"], loss["status"]) == (None, "unsplit")


def test_a_location_has_no_fill_rate_and_a_category_no_document_times(two_of_each):
    """A lost sale records no location; a purchase order is not of one category."""
    owner = two_of_each.owner
    assert figures(owner, location="FRIDGE")["fill_rate"].status == "unsplit"
    dairy = figures(owner, category="乳品")
    assert dairy["fill_rate"].value == D("50.00")  # 10 牛奶 sold, 10 refused to 美团
    assert dairy["po_approval"].status == dairy["so_shipping"].status == "unsplit"
    trend = kpi_trend(owner, LAST, only=report_filter(location="FRIDGE"))
    assert [t.key for t in trend] == ["turnover_days", "loss_rate", "gross_margin_rate"]


def test_a_name_that_matches_nothing_is_refused_by_name(two_of_each):
    with pytest.raises(NotFound, match="找不到分类:蔬菜"):
        report_filter(category="蔬菜")
    with pytest.raises(NotFound, match="找不到库位:NOWHERE"):
        report_filter(location="NOWHERE")
    with pytest.raises(NotFound, match="找不到渠道:饿了么"):
        report_filter(channel="饿了么")
    assert report_filter(category=" 水果 ").category == "水果"
    assert report_filter(location="fridge").location == "FRIDGE"
