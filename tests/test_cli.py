"""The headless CLI contract the shop's scripts rely on: commands, exit codes, JSON shape."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def xiaopu(*args: str, db: Path, password: str | None = None) -> subprocess.CompletedProcess:
    """No terminal on stdin, as in CI; `password` logs in through XIAOPU_PASSWORD."""
    env = {**os.environ, "XIAOPU_PASSWORD": password} if password is not None else None
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT, env=env)


def seed(db: Path) -> None:
    """A receipt and a sale posted through the services, in its own process like a real session."""
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import products
from services.stock import ledger
from services.catalog import locations
open_database({str(db)!r}); owner = initialise()
p = products.save_product(owner, products.ProductInput(name="蓝莓", sku="BB", shelf_life_days=7,
    barcodes=[("6901234567892", "")]))
s, store, c = locations.virtual("supplier"), locations.default_store(), locations.virtual("customer")
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal("24"), s.id, store.id)])
ledger.post_document(owner, "sale", [ledger.Line(p.id, Decimal("2.5"), store.id, c.id)])
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_init_twice_then_check(tmp_path):
    db = tmp_path / "shop.sqlite3"
    assert xiaopu("init", db=db).returncode == 0
    assert xiaopu("init", db=db).returncode == 0
    result = xiaopu("check", db=db)
    assert result.returncode == 0, result.stderr
    assert "检查通过" in result.stdout


def test_stock_json_has_the_documented_fields_as_decimal_strings(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    result = xiaopu("stock", "--sku", "BB", "--json", db=db)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert set(row) >= {"sku", "name", "barcode", "lot", "expiry", "location", "on_hand", "reserved", "available"}
    assert (row["sku"], row["name"], row["barcode"]) == ("BB", "蓝莓", "6901234567892")
    assert (row["on_hand"], row["reserved"], row["available"]) == ("21.5", "0", "21.5")
    assert row["expiry"] and row["lot"]
    plain = xiaopu("stock", db=db)
    assert "蓝莓" in plain.stdout and "21.5" in plain.stdout


def test_check_fails_with_a_report_when_a_balance_was_edited(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    raw = sqlite3.connect(db)
    raw.execute("UPDATE balance SET quantity = quantity + 1000")
    raw.commit()
    raw.close()
    result = xiaopu("check", db=db)
    assert result.returncode == 1
    assert "但流水合计是" in result.stderr and "蓝莓" in result.stderr  # said with names, in Chinese
    assert xiaopu("rebuild-balances", db=db).returncode == 0
    assert xiaopu("check", db=db).returncode == 0


def test_backup_is_a_verified_copy(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    result = xiaopu("backup", "--to", str(tmp_path / "bk"), db=db)
    assert result.returncode == 0, result.stderr
    copies = list((tmp_path / "bk").glob("*.sqlite3"))
    assert len(copies) == 1
    raw = sqlite3.connect(copies[0])
    assert raw.execute("SELECT count(*) FROM move").fetchone()[0] == 2
    raw.close()


def test_reverse_by_number_and_refusals_exit_1(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    raw = sqlite3.connect(db)
    sale = raw.execute("SELECT number FROM document WHERE doc_type = 'sale'").fetchone()[0]
    raw.close()
    assert xiaopu("reverse", sale, "--reason", "扫重了", db=db).returncode == 0
    again = xiaopu("reverse", sale, "--reason", "扫重了", db=db)
    assert again.returncode == 1 and "已经冲销" in again.stderr
    assert json.loads(xiaopu("stock", "--json", db=db).stdout)[0]["on_hand"] == "24"


def test_bad_database_target_exits_1_with_a_message(tmp_path):
    bogus = tmp_path / "x.sqlite3"
    bogus.write_bytes(b"not a database at all" * 50)
    result = xiaopu("stock", db=bogus)
    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr and "Traceback" not in result.stderr


def test_user_accounts_from_the_command_line(tmp_path):
    db = tmp_path / "shop.sqlite3"
    assert xiaopu("init", db=db).returncode == 0
    # the owner's own password first: a cashier's password switches login on (issue 14)
    owner_password = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "user", "passwd",
                                     "owner", "--password-stdin"],
                                    input="店主密码123\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert owner_password.returncode == 0, owner_password.stderr
    add = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--password-stdin", "user", "add",
                          "xiaowang", "--role", "cashier", "--display-name", "小王", "--password-stdin"],
                         input="店主密码123\n收银台密码1\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert add.returncode == 0, add.stderr
    rows = {r["username"]: r for r in json.loads(xiaopu("user", "list", "--json", db=db, password="店主密码123").stdout)}
    assert rows["xiaowang"] == {"username": "xiaowang", "display_name": "小王", "role": "cashier",
                                "active": True, "has_password": True}
    refused = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--user", "xiaowang",
                              "--password-stdin", "user", "add", "intruder", "--role", "owner"],
                             input="收银台密码1\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert refused.returncode == 1 and "无权" in refused.stderr
    demote = xiaopu("user", "role", "owner", "cashier", db=db, password="店主密码123")
    assert demote.returncode == 1 and "店主" in demote.stderr
