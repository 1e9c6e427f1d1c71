"""`python main.py parse-order "TEXT" [--customer CODE] [--create] [--json]`: the JSON contract, the table,
and the exit status, each in a subprocess as a script would run it.

Exit status: 0 when at least one line was understood (lines that ask included) and, with --create, the
order was made; 1 when none was (an empty message, only politeness, or only words naming no product) or
the customer is unknown, with the reason on stderr; 3 with --create when a line needs the clerk (nothing
is made). With --json the JSON is printed either way: {"lines", "unparsed", "customer", "order_number"}.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = """
import sys; sys.path.insert(0, {root!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database
from services.shop.setup import initialise
from services.catalog import products
open_database({db!r}); owner = initialise()
for name, spec, unit, units in [("蓝莓", "125g/盒", "盒", [("箱", "12")]), ("铁棍山药", "1kg/袋", "袋", []),
                                ("草莓", "丹东99 约400g/盒", "盒", []), ("草莓", "红颜 约300g/盒", "盒", []),
                                ("猪肋排", "散装", "斤", [])]:
    products.save_product(owner, products.ProductInput(name=name, spec=spec, base_unit=unit, units=units, price="10"))
from decimal import Decimal
from models import Product
from models.sales import Customer
from services.catalog.locations import default_store, virtual
from services.stock import ledger
store, supplier = default_store(), virtual("supplier")
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal(30), supplier.id, store.id) for p in Product.select()])
Customer.create(code="WANG", name="王姐")
"""


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli_orders") / "shop.sqlite3"
    subprocess.run([sys.executable, "-c", SEED.format(root=str(ROOT), db=str(db))], check=True, cwd=ROOT)
    return db


def parse_order(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "parse-order", *args],
                          input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT)


def test_json_contract(shop_db):
    result = parse_order(shop_db, "要2盒蓝莓+1袋山药,草莓两盒,一斤半排骨,可乐", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"lines", "unparsed", "customer", "order_number"}
    assert data["customer"] is None and data["order_number"] is None
    assert data["unparsed"] == ["可乐"]
    for line in data["lines"]:
        assert {"sku", "name", "qty", "unit", "confidence"} <= set(line)
        assert isinstance(line["qty"], str) and isinstance(line["confidence"], float)
        assert 0 <= line["confidence"] <= 1 and line["confidence"] == round(line["confidence"], 2)
    blueberry, yam, strawberry, ribs = data["lines"]
    assert (blueberry["sku"], blueberry["name"], blueberry["qty"], blueberry["unit"]) == ("P000001", "蓝莓", "2", "盒")
    assert blueberry["confidence"] == 1.0
    assert (yam["name"], yam["qty"], yam["unit"]) == ("铁棍山药", "1", "袋")
    assert (ribs["name"], ribs["qty"], ribs["unit"]) == ("猪肋排", "1.5", "斤")
    assert strawberry["sku"] is None and strawberry["confidence"] < 0.75 and strawberry["qty"] == "2"
    assert {c["spec"] for c in strawberry["candidates"]} == {"丹东99 约400g/盒", "红颜 约300g/盒"}


def test_readable_table_in_chinese_and_english(shop_db):
    result = parse_order(shop_db, "要2盒蓝莓,草莓两盒,明天下午3点来拿")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "识别出 2 行,其中 1 行需要选择商品" in out
    assert "P000001" in out and "蓝莓 125g/盒" in out and "请选择" in out
    assert "未识别:明天下午3点来拿" in out
    english = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(shop_db), "--lang", "en",
                              "parse-order", "要2盒蓝莓"], capture_output=True, text=True, encoding="utf-8",
                             timeout=120, cwd=ROOT)
    assert "1 lines understood, 0 need a product choice" in english.stdout


def test_a_message_from_stdin(shop_db):
    result = parse_order(shop_db, "-", "--json", stdin="李姐:\n1. 蓝莓2盒\n2. 山药1袋\n谢谢🙏\n")
    assert result.returncode == 0, result.stderr
    assert [line["name"] for line in json.loads(result.stdout)["lines"]] == ["蓝莓", "铁棍山药"]


@pytest.mark.parametrize(("text", "unparsed", "reason"), [
    ("", [], "消息是空的"),
    ("谢谢老板🙏", [], "没有识别出任何商品"),
    ("可乐2瓶", ["可乐2瓶"], "没有识别出任何商品"),
])
def test_nothing_understood_exits_1_with_a_reason_and_still_prints_json(shop_db, text, unparsed, reason):
    result = parse_order(shop_db, text, "--json")
    assert result.returncode == 1
    assert reason in result.stderr
    assert json.loads(result.stdout) == {"lines": [], "unparsed": unparsed, "customer": None, "order_number": None}


def orders_in(db: Path) -> list[tuple]:
    """(number, customer code, state, [(product, qty, unit)]) of every sales order, read in a subprocess."""
    script = (f"import sys, json; sys.path.insert(0, {str(ROOT)!r})\n"
              "from models import open_database, SalesOrder, SalesOrderLine\n"
              f"open_database({str(db)!r})\n"
              "print(json.dumps([[o.number, o.customer.code if o.customer_id else None, o.state,"
              " [[ln.product.name, str(ln.quantity.normalize()), ln.unit] for ln in SalesOrderLine.select()"
              ".where(SalesOrderLine.order == o.id).order_by(SalesOrderLine.line_no)]]"
              " for o in SalesOrder.select().order_by(SalesOrder.id)], ensure_ascii=False))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                          check=True)
    return [tuple(row) for row in json.loads(done.stdout)]


@pytest.fixture
def fresh_db(tmp_path) -> Path:
    db = tmp_path / "shop.sqlite3"
    subprocess.run([sys.executable, "-c", SEED.format(root=str(ROOT), db=str(db))], check=True, cwd=ROOT)
    return db


def test_a_sure_message_becomes_an_order_and_its_number_is_returned(fresh_db):
    """王姐 writes 蓝莓两盒,排骨一斤半: both lines sure → one confirmed 社群 order, exit 0."""
    result = parse_order(fresh_db, "蓝莓两盒,排骨一斤半", "--customer", "WANG", "--create", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["customer"] == {"code": "WANG", "name": "王姐"} and data["questions"] == []
    assert data["order_number"] and [(ln["name"], ln["qty"], ln["unit"]) for ln in data["lines"]] == [
        ("蓝莓", "2", "盒"), ("猪肋排", "1.5", "斤")]
    [(number, customer, state, lines)] = orders_in(fresh_db)
    assert (number, customer, state) == (data["order_number"], "WANG", "confirmed")
    assert lines == [["蓝莓", "2", "盒"], ["猪肋排", "1.5", "斤"]]


def test_usual_order_with_the_customer_then_created(fresh_db):
    """王姐's last order was 蓝莓 2 盒 + 猪肋排 1.5 斤; 老规矩 makes the same order again."""
    assert parse_order(fresh_db, "蓝莓两盒,排骨一斤半", "--customer", "WANG", "--create").returncode == 0
    result = parse_order(fresh_db, "老规矩", "--customer", "王姐", "--create", "--json")
    assert result.returncode == 0, result.stderr
    assert [(ln["name"], ln["qty"]) for ln in json.loads(result.stdout)["lines"]] == [("蓝莓", "2"), ("猪肋排", "1.5")]
    assert len(orders_in(fresh_db)) == 2
    without = parse_order(fresh_db, "老规矩", "--json")  # without the customer there is no usual order
    assert without.returncode == 1 and json.loads(without.stdout)["unparsed"] == ["老规矩"]


def test_a_message_with_a_question_makes_nothing_and_exits_3(fresh_db):
    result = parse_order(fresh_db, "蓝莓2盒,草莓两盒,可乐1瓶", "--customer", "WANG", "--create", "--json")
    assert result.returncode == 3
    data = json.loads(result.stdout)
    assert data["order_number"] is None and data["questions"] == ["草莓两盒", "可乐1瓶"]
    assert "有 2 行需要店员确认" in result.stderr
    assert orders_in(fresh_db) == []
    text = parse_order(fresh_db, "蓝莓", "--create")  # no quantity: 1 盒 is a guess, the clerk confirms it
    assert text.returncode == 3 and orders_in(fresh_db) == []


def test_two_peoples_paste_makes_one_order_each(fresh_db):
    """王姐 (a customer) and 小李 (not one) in one paste: two orders, 王姐's on her account."""
    paste = "王姐:蓝莓两盒\n小李:排骨一斤半,山药1袋"
    result = parse_order(fresh_db, paste, "--create", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["order_number"] is None and len(data["lines"]) == 3
    wang, li = data["people"]
    assert (wang["person"], wang["customer"], [ln["name"] for ln in wang["lines"]]) == (
        "王姐", {"code": "WANG", "name": "王姐"}, ["蓝莓"])
    assert (li["person"], li["customer"], [ln["name"] for ln in li["lines"]]) == ("小李", None, ["猪肋排", "铁棍山药"])
    assert [(number, customer) for number, customer, _, _ in orders_in(fresh_db)] == [
        (wang["order_number"], "WANG"), (li["order_number"], None)]
    asking = parse_order(fresh_db, "王姐:蓝莓1盒\n小李:草莓1盒", "--create", "--json")
    assert asking.returncode == 3 and json.loads(asking.stdout)["questions"] == ["小李:草莓1盒"]
    assert len(orders_in(fresh_db)) == 2  # nothing more made


def test_an_unknown_customer_is_refused_before_anything(fresh_db):
    result = parse_order(fresh_db, "蓝莓2盒", "--customer", "NOBODY", "--create", "--json")
    assert result.returncode == 1 and "NOBODY" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == "" and orders_in(fresh_db) == []
