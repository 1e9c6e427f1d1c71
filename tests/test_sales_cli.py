"""`sales` CLI: list as JSON, expire unpaid holds (what a shop's startup script runs), ship."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.test_cli import ROOT, xiaopu


def test_sales_list_expire_and_ship(tmp_path):
    db = tmp_path / "shop.sqlite3"
    code = f"""
import sys, datetime as dt; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment, now; fix_clock_from_environment()
from decimal import Decimal
from models import open_database

from services.shop.setup import initialise
from services.catalog import products
from services.stock import ledger
from services.catalog import locations
from services.sales import sales_orders
from services.sales import sales_shipping
from services.sales.sales_lines import SaleLineInput
open_database({str(db)!r}); owner = initialise()
p = products.save_product(owner, products.ProductInput(name="十字螺丝", sku="SC", price="0.1"))
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal("100"), locations.virtual("supplier").id,
                                                    locations.default_store().id)])
sales_orders.create_order(owner, "MEITUAN", [SaleLineInput(p.id, "10")], at=now() - dt.timedelta(hours=1))
o = sales_orders.create_order(owner, "GROUP", [SaleLineInput(p.id, "5")], paid=True)
sales_shipping.confirm(owner, o.number)
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    rows = json.loads(xiaopu("sales", "list", "--json", db=db).stdout)
    # every start (window or command) expires holds that ran out while nothing was running
    assert [(r["channel"], r["state"]) for r in rows] == [("GROUP", "confirmed"), ("MEITUAN", "expired")]
    expired = xiaopu("sales", "expire-holds", db=db)
    assert expired.returncode == 0 and expired.stdout.strip() == ""
    shipped = xiaopu("sales", "ship", rows[0]["number"], db=db)
    assert shipped.returncode == 0 and "已出库" in shipped.stdout
    again = xiaopu("sales", "ship", rows[0]["number"], db=db)
    assert again.returncode == 1 and "不能出库" in again.stderr
    assert json.loads(xiaopu("sales", "list", "--state", "expired", "--json", db=db).stdout)[0]["state"] == "expired"
    assert xiaopu("sales", "list", "--state", "bogus", db=db).returncode == 1
    assert xiaopu("check", db=db).returncode == 0
