"""`report` on the command line: the list, and kpi / sales / dashboard as JSON with decimal strings,
cost left out for a cashier, refusals as exit 1 with the reason."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.test_cli import ROOT, xiaopu


@pytest.fixture
def db(tmp_path):
    """苹果 (cost 5, list price 8): 100 in on Mon 11-30; 2 sold on Sun 12-06 straight through the ledger
    (no sales order: valued at the list price, 16, cost 10). 小美 is a cashier."""
    path = tmp_path / "shop.sqlite3"
    code = f"""
import sys, datetime as dt; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import locations, products
from services.core import users
from services.stock import ledger
open_database({str(path)!r}); owner = initialise()
users.create_user(owner, "xiaomei", "cashier")
p = products.save_product(owner, products.ProductInput(name="苹果", sku="AP", cost="5", price="8", category="水果"))
store = locations.default_store().id
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal(100), locations.virtual("supplier").id, store,
                                                    unit_cost=Decimal(5))], doc_date=dt.date(2026, 11, 30))
ledger.post_document(owner, "sale", [ledger.Line(p.id, Decimal(2), store, locations.virtual("customer").id)])
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return path


WEEK = ("--from", "2026-11-30", "--to", "2026-12-06")


def test_report_list_names_every_report(db):
    listed = xiaopu("report", "list", db=db)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [
        "kpi", "sales", "dashboard", "reconcile", "basket", "audit", "expiry", "supplier-returns", "stocktake-trend"]


def test_sales_json_has_decimal_strings_and_abc(db):
    result = xiaopu("report", "sales", *WEEK, "--by", "product", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"] == {"from": "2026-11-30", "to": "2026-12-06"} and data["cost_visible"] is True
    (row,) = data["rows"]
    assert (row["key"], row["label"], row["quantity"], row["revenue"], row["cost"], row["margin"],
            row["margin_rate"], row["abc"]) == ("AP", "苹果", "2", "16.00", "10.00", "6.00", "37.50", "A")
    assert data["abc"][0] == {"class": "A", "products": 1, "revenue": "16.00", "share": "100.00"}
    plain = xiaopu("report", "sales", *WEEK, "--by", "category", db=db)
    assert "水果" in plain.stdout and "16.00" in plain.stdout


def test_sales_pages_on_request_only(db):
    every = json.loads(xiaopu("report", "sales", *WEEK, "--json", db=db).stdout)
    assert (len(every["rows"]), every["count"], every["limit"], every["sort"]) == (1, 1, None, "revenue")
    assert every["total"]["returned"] == "0.00"
    past = json.loads(xiaopu("report", "sales", *WEEK, "--sort", "margin", "--desc", "--offset", "1", "--limit", "5",
                             "--json", db=db).stdout)
    assert (past["rows"], past["count"], past["total"]["revenue"], past["offset"]) == ([], 1, "16.00", 1)
    refused = xiaopu("report", "sales", *WEEK, "--limit", "0", db=db)
    assert refused.returncode == 1 and "行数必须大于 0" in refused.stderr


def test_a_cashier_gets_no_cost(db):
    data = json.loads(xiaopu("--user", "xiaomei", "report", "sales", *WEEK, "--json", db=db).stdout)
    assert data["cost_visible"] is False
    assert (data["total"]["revenue"], data["total"]["cost"], data["total"]["margin"]) == ("16.00", None, None)
    board = json.loads(xiaopu("--user", "xiaomei", "report", "dashboard", "--json", db=db).stdout)
    assert board["locations"][0]["on_hand"] is None and board["locations"][0]["products"] == 1


def test_kpi_json_per_week(db):
    """Closing stock at cost: 500 on 11-30 … 12-05, 490 on 12-06 = 3490 over 7 days (498.57 a day);
    cost of goods sold 10, so turnover = 3490 ÷ 10 = 349.0 days."""
    result = xiaopu("report", "kpi", *WEEK, "--by", "week", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    figures = {f["key"]: f for f in data["figures"]}
    turnover = figures["turnover_days"]
    assert (turnover["value"], turnover["unit"], turnover["status"]) == ("349.0", "days", "ok")
    assert turnover["parts"] == {"average_inventory": "498.57", "cogs": "10.00", "days": "7"}
    assert figures["group_accuracy"]["status"] == "empty" and figures["group_accuracy"]["value"] is None
    assert [b["period"] for b in data["buckets"]] == [data["period"]]
    plain = xiaopu("report", "kpi", *WEEK, db=db)
    assert "库存周转天数: 349.0 天" in plain.stdout


def test_dashboard_json(db):
    data = json.loads(xiaopu("report", "dashboard", "--json", db=db).stdout)
    assert (data["day"], data["week"]) == ("2026-12-06", {"from": "2026-11-30", "to": "2026-12-06"})
    assert data["sales_today"]["total"]["revenue"] == "16.00"
    assert data["locations"][0]["on_hand"] == "490.00" and data["sellable_total"]["on_hand"] == "490.00"
    assert {w["key"]: w["count"] for w in data["waiting"]}["emergencies"] == 0
    assert data["alerts"] == []  # nothing waits for the owner: no stock-out, no reconciliation yet
    # the last 4 weeks hold the week of test_kpi_json_per_week (3490 ÷ 10 = 349.0 days); nothing before them
    assert [(k["key"], k["value"], k["previous"], k["better"]) for k in data["kpis"]] == [
        ("turnover_days", "349.0", None, None), ("loss_rate", "0.00", None, None),
        ("fill_rate", "100.00", None, None), ("gross_margin_rate", "37.50", None, None)]
    plain = xiaopu("report", "dashboard", db=db).stdout
    assert "库存周转天数 349.0 天(前 4 周 —) · 损耗率 0.00 %(前 4 周 —)" in plain


def test_refusals_exit_1_with_the_reason(db):
    backwards = xiaopu("report", "kpi", "--from", "2026-12-06", "--to", "2026-11-30", db=db)
    assert backwards.returncode == 1 and "晚于" in backwards.stderr
    grouping = xiaopu("report", "sales", "--by", "supplier", db=db)
    assert grouping.returncode == 1 and "supplier" in grouping.stderr
    assert xiaopu("report", "sales", "--from", "yesterday", db=db).returncode == 1


def test_reconcile_runs_the_check_and_says_so(db):
    """A clean shop: 100 in, 2 sold, the balance says 98 — nothing to flag; the JSON says why."""
    result = xiaopu("report", "reconcile", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["day"], data["ok"], data["check"]["ok"], data["swing_limit"], data["swings"], data["stuck"]) == (
        "2026-12-06", True, True, "10", [], [])
    plain = xiaopu("report", "reconcile", db=db)
    assert plain.returncode == 0 and "对账通过" in plain.stdout


def test_basket_json_and_a_bad_hour_block(db):
    """One basket (the single sale of 苹果): nothing to pair, and the JSON says how many baskets it read."""
    result = xiaopu("report", "basket", *WEEK, "--min-support", "1", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["baskets"], data["multi_line"], data["min_support"], data["rules"]) == (1, 0, 1, [])
    refused = xiaopu("report", "basket", "--hours", "11-9", db=db)
    assert refused.returncode == 1 and "11–9" in refused.stderr


def test_audit_json_says_what_is_not_recorded(db):
    """The owner sees the week (the first owner and 小美 created); a cashier is refused."""
    result = xiaopu("report", "audit", *WEEK, "--json", db=db)
    assert result.returncode == 0, result.stderr
    sections = {s["key"]: s for s in json.loads(result.stdout)["sections"]}
    assert [i["number"] for i in sections["user_change"]["items"]] == ["owner", "xiaomei"]
    assert (sections["logins"]["recorded"], sections["logins"]["count"]) == (True, 0)  # no passwords: no login
    assert (sections["failed_logins"]["recorded"], sections["failed_logins"]["count"]) == (True, 0)
    assert sections["emergency"]["count"] == 0
    refused = xiaopu("--user", "xiaomei", "report", "audit", db=db)
    assert refused.returncode == 1
