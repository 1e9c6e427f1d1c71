"""The headless production commands, each in its own process like the shop's scripts: an order from
create to complete with JSON out, shortages to purchase drafts, cancel after work, trace, disassembly."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.test_cli import ROOT, xiaopu


def seed_workshop(db) -> None:
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database
from services.catalog.locations import default_store
from services.shop.setup import initialise
from tests.production_shop import workshop
from tests.purchase_shop import opening_stock
open_database({str(db)!r}); owner = initialise()
w = workshop(owner, default_store())
opening_stock(owner, w.carton, "30", default_store(), cost="3")
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def run_json(*args: str, db) -> dict | list:
    result = xiaopu(*args, "--json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_order_from_create_to_complete(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed_workshop(db)
    created = run_json("production", "order", "create", "ZWJ", "--qty", "15", "--date", "2026-11-27", db=db)
    number = created["number"]
    assert created["state"] == "draft"
    assert {ln["sku"]: ln["planned"] for ln in created["lines"]} == {
        "LZ": "60.000", "CB": "45.000", "LS": "189.474", "ZX": "15.000"}
    released = run_json("production", "order", "release", number, db=db)
    short = {s["sku"]: s for s in released["shortages"]}
    assert short["LZ"]["held"] == "50.000" and short["LZ"]["missing"] == "10.000"
    drafts = run_json("production", "order", "draft-po", number, db=db)
    assert len(drafts["orders"]) == 1 and drafts["unsupplied"] == []
    report = xiaopu("production", "order", "report", number, "--step", "装配", "--worker", "老王", "--good", "10",
                    "--minutes", "90", db=db)
    assert report.returncode == 0, report.stderr
    assert "装配  合格 10" in report.stdout and "老王" in report.stdout
    listed = run_json("production", "order", "list", "--state", "in_progress", db=db)
    assert [r["number"] for r in listed] == [number]
    # 50 uprights make 12 racks (4 each): complete 12 with what the shelf holds
    done = run_json("production", "order", "complete", number, "--good", "12", "--use", "LZ=48", "CB=36",
                    "LS=152", "ZX=12", "--lot", "B1127", db=db)
    assert done["lot"] == "B1127" and done["good"] == "12"
    # 48 × 12 + 36 × 8 + 152 × 0.05 + 12 × 3 = 907.6 → 75.6333 a rack
    assert done["unit_cost"] == "75.6333"
    stock = run_json("stock", "--sku", "ZWJ", db=db)
    assert sum(float(r["on_hand"]) for r in stock) == 12
    again = xiaopu("production", "order", "complete", number, "--good", "1", db=db)
    assert again.returncode == 1 and "已完工" in again.stderr
    trace = run_json("production", "trace", "ZWJ", "B1127", db=db)
    made = trace["children"][0]
    assert made["kind"] == "made" and {c["sku"] for c in made["children"]} == {"LZ", "CB", "LS", "ZX"}


def test_bad_input_is_a_clear_message(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed_workshop(db)
    bad = xiaopu("production", "order", "create", "ZWJ", "--qty", "十", db=db)
    assert bad.returncode == 1 and "不是数字" in bad.stderr
    number = run_json("production", "order", "create", "ZWJ", "--qty", "5", db=db)["number"]
    xiaopu("production", "order", "release", number, db=db)
    too_much = xiaopu("production", "order", "complete", number, "--good", "5", "--use", "LZ=500", db=db)
    assert too_much.returncode == 1 and "立柱" in too_much.stderr
    assert xiaopu("production", "order", "report", number, "--step", "1", "--good", "2", db=db).returncode == 0
    refused = xiaopu("production", "order", "cancel", number, "--reason", "客户取消", db=db)
    assert refused.returncode == 1 and "已报工" in refused.stderr
    cancelled = xiaopu("production", "order", "cancel", number, "--reason", "客户取消", "--used", "LZ=8", db=db)
    assert cancelled.returncode == 0 and "已作废" in cancelled.stdout
    assert run_json("production", "order", "show", number, db=db)["state"] == "cancelled"


def test_recipe_and_disassemble(tmp_path):
    db = tmp_path / "shop.sqlite3"
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database
from services.catalog.locations import default_store
from services.shop.setup import initialise
from tests.production_shop import product
from tests.purchase_shop import opening_stock
open_database({str(db)!r}); owner = initialise()
case = product(owner, "可乐整箱", "KLX", "箱", "36")
product(owner, "可乐", "KL", "罐", "0", price="2.5")
opening_stock(owner, case, "2", default_store(), cost="36")
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    recipe = xiaopu("production", "recipe", "KLX", "--out", "KL=24", "--rule", "quantity", db=db)
    assert recipe.returncode == 0 and "KL 可乐 × 24 罐" in recipe.stdout
    done = xiaopu("production", "disassemble", "KLX", "--qty", "1", db=db)
    assert done.returncode == 0 and "拆卸完成" in done.stdout
    stock = {r["sku"]: float(r["on_hand"]) for r in run_json("stock", db=db)}
    assert stock["KLX"] == 1 and stock["KL"] == 24
    typo = xiaopu("production", "disassemble", "KLX", "--qty", "1", "--got", "KL=abc", db=db)
    assert typo.returncode == 1
    assert run_json("production", "order", "list", "--kind", "disassembly", db=db)[0]["state"] == "done"
    assert len(run_json("production", "order", "list", "--kind", "disassembly", db=db)) == 1  # nothing half-made
