"""The dashboard's KPIs with their trend (tests/report_shop.two_weeks, worked out by hand in
test_reports_kpi): one window against the one before it, better or worse, margin hidden without cost."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.core import users
from services.reports.dashboard import dashboard
from services.reports.kpi_trend import kpi_trend
from services.sales.lost_sales import record_short
from tests.report_shop import WEEK2, two_weeks

D = Decimal
SUNDAY = WEEK2 + dt.timedelta(days=6)  # conftest's today


def test_this_week_against_last_week(shop):
    """Week one: turnover 3360 ÷ 100 = 33.6 days, loss 20 ÷ 120 = 16.67%, margin 60 ÷ 160 = 37.50%, all 20
    苹果 asked for were sold (100.00%). Week two: 2520 ÷ 300 = 8.4 days (better: fewer days), loss 20 ÷ 320 =
    6.25% (better), margin 180 ÷ 480 = 37.50% (unchanged); this morning 20 苹果 more were asked for than
    the shelf had, so 60 ÷ (60 + 20) = 75.00% (worse)."""
    apple, _ = two_weeks(shop.owner)
    record_short(apple.id, D(76), D(56), "counter")
    trends = {t.key: t for t in kpi_trend(shop.owner, SUNDAY, days=7)}
    assert list(trends) == ["turnover_days", "loss_rate", "fill_rate", "gross_margin_rate"]
    assert {k: (t.current.value, t.previous.value, t.better) for k, t in trends.items()} == {
        "turnover_days": (D("8.4"), D("33.6"), True), "loss_rate": (D("6.25"), D("16.67"), True),
        "fill_rate": (D("75.00"), D("100.00"), False), "gross_margin_rate": (D("37.50"), D("37.50"), None)}


def test_the_dashboard_carries_four_weeks_against_the_four_before(shop):
    """11-09 … 12-06: closing 600 on 11-22 (the stock came in), 480 × 7, 360 × 7 = 6480 ÷ cost 400 = 16.2
    days; loss 40 ÷ 440 = 9.09%; margin 240 ÷ 640 = 37.50%; 80 sold, none lost: 100.00%. The four weeks
    before had nothing: no previous value, no verdict. A cashier sees no margin."""
    two_weeks(shop.owner)
    kpis = dashboard(shop.owner).as_json()["kpis"]
    assert [(k["key"], k["value"], k["previous"], k["better"]) for k in kpis] == [
        ("turnover_days", "16.2", None, None), ("loss_rate", "9.09", None, None),
        ("fill_rate", "100.00", None, None), ("gross_margin_rate", "37.50", None, None)]
    assert kpis[0]["label"] == "库存周转天数" and kpis[0]["formula"].startswith("平均库存")
    cashier = users.create_user(shop.owner, "xiaomei", "cashier")
    assert [k["key"] for k in dashboard(cashier).as_json()["kpis"]] == ["turnover_days", "loss_rate", "fill_rate"]
