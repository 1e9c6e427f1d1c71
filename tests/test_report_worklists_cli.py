"""`report expiry | supplier-returns | stocktake-trend` on the command line, and a write-off from the
临期 worklist by `report expiry-action` that posts a loss document and leaves `check` passing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.test_cli import ROOT, xiaopu


@pytest.fixture
def db(tmp_path):
    """鲜奶 (cost 4, shelf life 5): 3 in on 11-30, expiring 12-05 — expired on Sunday 12-06. 小美 is a cashier."""
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
p = products.save_product(owner, products.ProductInput(name="鲜奶", sku="MILK", cost="4", price="6",
                                                       shelf_life_days=5))
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal(3), locations.virtual("supplier").id,
    locations.default_store().id, expiry=dt.date(2026, 12, 5), unit_cost=Decimal(4))], doc_date=dt.date(2026, 11, 30))
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return path


def test_a_write_off_from_the_worklist(db):
    listed = xiaopu("report", "expiry", "--json", db=db)
    assert listed.returncode == 0, listed.stderr
    (line,) = json.loads(listed.stdout)["lines"]
    assert (line["sku"], line["location"], line["expiry"], line["quantity"], line["value"], line["suggested"]) == (
        "MILK", "STORE", "2026-12-05", "3", "12.00", "write_off")
    done = xiaopu("report", "expiry-action", str(line["lot_id"]), "--location", "STORE", "--write-off", "过期", db=db)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["action"], result["quantity"], result["document"][:2]) == ("write_off", "3", "BS")
    assert xiaopu("check", db=db).returncode == 0
    after = json.loads(xiaopu("report", "expiry", "--json", db=db).stdout)
    assert after["lines"] == [] and after["done"][0]["document"] == result["document"]
    assert "报损" in xiaopu("report", "expiry", db=db).stdout


def test_a_cashier_may_not_write_off_and_sees_no_value(db):
    data = json.loads(xiaopu("--user", "xiaomei", "report", "expiry", "--json", db=db).stdout)
    assert data["cost_visible"] is False and data["lines"][0]["value"] is None
    refused = xiaopu("--user", "xiaomei", "report", "expiry-action", str(data["lines"][0]["lot_id"]),
                     "--location", "STORE", "--write-off", "过期", db=db)
    assert refused.returncode == 1 and refused.stderr


def test_supplier_returns_and_stocktake_trend_json(db):
    returns = json.loads(xiaopu("report", "supplier-returns", "--to", "2026-11-30", "--json", db=db).stdout)
    assert (returns["months"], returns["flag_percent"], returns["products"]) == (
        ["2026-09", "2026-10", "2026-11"], "15", [])
    trend = json.loads(xiaopu("report", "stocktake-trend", "--json", db=db).stdout)
    assert (trend["months"], trend["line"], trend["stable"], trend["counts"]) == (
        ["2026-10", "2026-11", "2026-12"], "0.5", False, [])
    assert "0.5%" in xiaopu("report", "stocktake-trend", db=db).stdout
    assert "2026-11" in xiaopu("report", "supplier-returns", "--to", "2026-11-30", db=db).stdout


def test_an_expired_lot_is_not_marked_down_and_there_is_no_markdown_to_cancel(db):
    (line,) = json.loads(xiaopu("report", "expiry", "--json", db=db).stdout)["lines"]
    marked = xiaopu("report", "expiry-action", str(line["lot_id"]), "--location", "STORE", "--markdown", "3", db=db)
    assert marked.returncode == 1 and "已于 2026-12-05 过期,不能折价" in marked.stderr
    cancel = xiaopu("report", "expiry-action", str(line["lot_id"]), "--location", "STORE", "--cancel-markdown", db=db)
    assert cancel.returncode == 1 and "没有生效的折价" in cancel.stderr
    assert json.loads(xiaopu("report", "expiry", "--json", db=db).stdout)["done"] == []
