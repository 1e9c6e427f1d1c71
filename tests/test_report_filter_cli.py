"""`report sales|kpi --category NAME --location CODE --channel NAME`: the JSON echoes the filters it
applied, a name that matches nothing is exit 1 with the reason in Chinese (never a traceback)."""
from __future__ import annotations

import json

from tests.test_cli import xiaopu
from tests.test_report_cli import WEEK, db  # noqa: F401 — the shop of test_report_cli: 2 苹果 (水果) sold today


def test_sales_filtered_by_category_and_location_echo_the_filters(db):  # noqa: F811
    result = xiaopu("report", "sales", *WEEK, "--category", "水果", "--location", "store", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["filters"] == {"category": "水果", "location": "STORE", "location_name": "门店仓",
                               "channel": None, "channel_name": None}
    assert (data["total"]["revenue"], data["total"]["margin"]) == ("16.00", "6.00")
    plain = xiaopu("report", "sales", *WEEK, "--category", "水果", db=db).stdout
    assert "分类 水果" in plain.splitlines()[0]


def test_a_channel_leaves_out_a_sale_without_an_order(db):  # noqa: F811
    """The 2 苹果 went out without a sales order: no channel's sales, and a channel has no loss rate."""
    data = json.loads(xiaopu("report", "sales", *WEEK, "--channel", "美团", "--json", db=db).stdout)
    assert (data["rows"], data["total"]["revenue"], data["filters"]["channel"]) == ([], "0.00", "MEITUAN")
    kpis = json.loads(xiaopu("report", "kpi", *WEEK, "--channel", "MEITUAN", "--json", db=db).stdout)
    loss = next(f for f in kpis["figures"] if f["key"] == "loss_rate")
    assert (loss["value"], loss["status"]) == (None, "unsplit") and "拆分" in loss["note"]
    assert kpis["filters"]["channel_name"] == "美团"


def test_kpi_of_a_category(db):  # noqa: F811
    """水果 is the whole shop here: 100 in on 11-30, 2 sold today — the same figures as unfiltered."""
    data = json.loads(xiaopu("report", "kpi", *WEEK, "--category", "水果", "--json", db=db).stdout)
    margin = next(f for f in data["figures"] if f["key"] == "gross_margin")
    assert margin["value"] == "6.00" and data["filters"]["category"] == "水果"


def test_a_name_that_matches_nothing_is_exit_1_in_chinese(db):  # noqa: F811
    for args, said in ((("report", "sales", "--category", "蔬菜"), "找不到分类:蔬菜"),
                       (("report", "kpi", "--location", "NOWHERE"), "找不到库位:NOWHERE"),
                       (("report", "kpi", "--channel", "饿了么", "--json"), "找不到渠道:饿了么")):
        result = xiaopu(*args, db=db)
        assert result.returncode == 1 and said in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_basket_of_a_channel(db):  # noqa: F811
    """The one sale went out without an order: no 美团 basket; an unknown channel is refused."""
    data = json.loads(xiaopu("report", "basket", *WEEK, "--channel", "美团", "--json", db=db).stdout)
    assert (data["channel"], data["baskets"]) == ("MEITUAN", 0)
    refused = xiaopu("report", "basket", "--channel", "饿了么", db=db)
    assert refused.returncode == 1 and "找不到渠道:饿了么" in refused.stderr


def test_expiry_and_the_stocktake_trend_take_a_location(db):  # noqa: F811
    trend = xiaopu("report", "stocktake-trend", "--location", "STORE", "--json", db=db)
    assert trend.returncode == 0, trend.stderr
    assert json.loads(trend.stdout)["location"] == "STORE"
    expiry = xiaopu("report", "expiry", "--location", "STORE", "--category", "水果", "--json", db=db)
    assert expiry.returncode == 0 and json.loads(expiry.stdout)["lines"] == []  # 苹果 has no expiry date
    refused = xiaopu("report", "expiry", "--category", "蔬菜", db=db)
    assert refused.returncode == 1 and "找不到分类:蔬菜" in refused.stderr
