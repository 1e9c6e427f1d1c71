"""The CLI acts as `--user` with that user's role (cli/login.py), so what it prints at cost follows cost.view
(issue 17). 老张 (仓管) plans and completes the rack workshop's orders: `production explode` and
`production order complete` show him quantities, never the rack's cost; the owner reads 75.6316 a rack:
4 uprights × 12 + 3 shelves × (8 + 4 screws ÷ 95% × 0.05) + a carton 3 = 48 + 24.6316 + 3."""
from __future__ import annotations

import json

from cli import commands as cli
from services.catalog.locations import default_store
from services.core import users
from tests.production_shop import workshop
from tests.purchase_shop import opening_stock


def run(db_path, capsys, *args: str) -> str:
    assert cli.run(cli.build_parser().parse_args(["--db", str(db_path), *args])) == 0
    return capsys.readouterr().out


def test_the_warehouse_plans_and_completes_without_seeing_cost(db, db_path, capsys):
    shop = workshop(db, default_store())
    opening_stock(db, shop.carton, "30", default_store(), cost="3")
    users.create_user(db, "laozhang", "warehouse", display_name="老张")

    owner = json.loads(run(db_path, capsys, "production", "explode", "ZWJ", "--qty", "1", "--json"))
    assert owner["standard_cost"] == "75.6316"
    assert {r["sku"]: r["cost"] for r in owner["tree"]}["LZ"] == "48.0000"

    zhang = json.loads(run(db_path, capsys, "--user", "laozhang", "production", "explode", "ZWJ", "--qty", "1",
                           "--json"))
    assert "standard_cost" not in zhang
    assert [(r["sku"], r["qty"]) for r in zhang["tree"]][:2] == [("ZWJ", "1.000"), ("LZ", "4.000")]
    assert not any("cost" in key for row in zhang["tree"] for key in row)
    text = run(db_path, capsys, "--user", "laozhang", "production", "explode", "ZWJ", "--qty", "1")
    assert "ZWJ 不锈钢置物架 × 1" in text and "LZ 立柱  4.000 根" in text
    assert "成本" not in text and "单价" not in text and "75.63" not in text

    as_zhang = ("--user", "laozhang", "production", "order")
    number = json.loads(run(db_path, capsys, *as_zhang, "create", "ZWJ", "--qty", "2", "--json"))["number"]
    run(db_path, capsys, *as_zhang, "release", number)
    done = json.loads(run(db_path, capsys, *as_zhang, "complete", number, "--good", "2", "--lot", "B1206", "--json"))
    assert (done["good"], done["lot"]) == ("2", "B1206") and "unit_cost" not in done
