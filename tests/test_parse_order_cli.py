"""`python main.py parse-order "TEXT" [--json]`: the JSON contract, the table, and the exit status.

Exit status: 0 when at least one line was understood (lines that ask included); 1 when none was
(an empty message, only politeness, or only words naming no product), with the reason on stderr.
With --json the JSON is printed either way, so scripts always get {"lines": [...], "unparsed": [...]}.
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
    products.save_product(owner, products.ProductInput(name=name, spec=spec, base_unit=unit, units=units))
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
    assert set(data) == {"lines", "unparsed"}
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
    assert json.loads(result.stdout) == {"lines": [], "unparsed": unparsed}
