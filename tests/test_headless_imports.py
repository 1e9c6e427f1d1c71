"""A headless process on a SQLite shop loads no PostgreSQL driver, and posting loads no pinyin (issue 15:
psycopg is 17 MB that peewee imports whenever it is installed, pypinyin's dictionaries are loaded only to
save a name). A PostgreSQL address still gets its driver. Each check runs in a fresh interpreter, where
sys.modules tells what the process really imported."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models import database

ROOT = Path(__file__).resolve().parents[1]

POST = """
import sys
from decimal import Decimal
from models import open_database
from services.catalog.locations import default_store, virtual
from services.core.messages import set_language
from services.core.users import default_user
from services.stock import ledger, stock

set_language("zh_CN")
open_database({db!r})
owner, store = default_user(), default_store().id
ledger.post_document(owner, "receipt", [ledger.Line({product}, Decimal(12), virtual("supplier").id, store,
                     unit_cost=Decimal("8.30"))], key="r1")
ledger.post_document(owner, "sale", [ledger.Line({product}, Decimal(5), store, virtual("customer").id)], key="s1")
print(stock.on_hand_by_product()[{product}], sorted(m for m in ("psycopg", "pypinyin") if m in sys.modules))
"""

PG = """
import sys
import models
from models.postgres import make_postgres
before = "psycopg" in sys.modules
db = make_postgres("postgresql://clerk:secret@db.example:5432/shop")
print(before, type(db._adapter).__name__, "psycopg" in sys.modules)
"""


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_clerk_posts_a_receipt_and_a_sale_without_the_pinyin_or_postgresql_libraries(shop, db_path):
    """12 盒 of blueberries in, 5 sold: 7.000 left, in a process that imported neither library."""
    database.close()
    assert run(POST.format(db=str(db_path), product=shop.blueberry.id)) == "7.000 []"


def test_a_postgresql_address_gets_psycopg_when_it_is_opened():
    """Importing the models leaves psycopg out; opening a server's address brings it, and peewee's psycopg 3
    adapter (not the psycopg2 one peewee would fall back to, which is not installed)."""
    assert run(PG) == "False Psycopg3Adapter True"


def test_a_cli_command_on_a_sqlite_shop_loads_no_postgresql_driver(shop, db_path):
    """`check` through main.py, as the shop's scripts run it: services modules import peewee before the models
    (services/core/custom_fields.py does), and psycopg still stays out. The shop's two products have no
    stock yet: 0 balances agree with the ledger."""
    database.close()
    code = ("import contextlib, io, sys, main\n"
            f"with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    code = main.main(['--db', {str(db_path)!r}, 'check'])\n"
            "print(code, out.getvalue().split(',')[1], 'psycopg' in sys.modules)")
    assert run(code) == "0 0 条库存与流水一致 False"
