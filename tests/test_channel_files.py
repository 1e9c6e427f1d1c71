"""Platform files: sellable stock exported in each platform's upload layout; CSV read like Excel."""
from __future__ import annotations

import csv
import datetime as dt
import json

import openpyxl
import pytest
from channel_shop import receive, spinach

from services.catalog import products
from services.core.clock import today
from services.core.errors import XiaopuError
from services.imports.excel_columns import STOCK_COLUMNS
from services.imports.excel_table import read_table
from services.sales.channel_files import export_sellable


def read_xlsx(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def read_csv(path, encoding="utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def stocked(shop):
    receive(shop.owner, shop.blueberry, "30", expiry=today() + dt.timedelta(days=5))
    greens = spinach(shop.owner)
    receive(shop.owner, greens, "17.6")
    shop.greens = greens
    return shop


def test_meituan_xlsx_layout(stocked, tmp_path):
    path = tmp_path / "美团库存.xlsx"
    assert export_sellable("MEITUAN", path) == 3
    rows = read_xlsx(path)
    assert rows[0] == ("商品名称", "规格", "店内码/货号", "条码", "库存", "价格")
    by_sku = {r[2]: r for r in rows[1:]}
    assert by_sku[stocked.blueberry.sku] == ("蓝莓", "125g", stocked.blueberry.sku, "6901234567892", 30, 12.5)
    assert by_sku[stocked.greens.sku][4] == 17  # whole units, rounded down
    assert by_sku[stocked.screw.sku][4] == 0  # out of stock is said, not left out
    ws = openpyxl.load_workbook(path).active
    assert ws["D2"].data_type == "s"  # barcodes stay text (no 6.9E+12)


def test_douyin_csv_layout_and_generic_for_the_store(stocked, tmp_path):
    path = tmp_path / "douyin.csv"
    export_sellable("douyin", path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Chinese Excel opens it correctly
    rows = read_csv(path)
    assert rows[0] == ["商家编码", "商品名称", "规格", "库存", "售价"]
    assert [stocked.greens.sku, "菠菜", "散装", "17", "5.8"] in rows
    store = tmp_path / "store.xlsx"
    export_sellable("STORE", store)
    rows = read_xlsx(store)
    assert rows[0] == ("SKU编码", "条码", "名称", "规格", "单位", "库存", "预占", "可售", "售价")
    greens = next(r for r in rows if r[2] == "菠菜")
    assert greens[5:] == (17.6, 0, 17.6, 5.8)
    mini = read_csv(_export(tmp_path / "mini.csv", "MINIAPP"))
    assert mini[0] == ["商品编码", "商品名称", "规格", "单位", "可售库存", "售价"]
    assert [stocked.greens.sku, "菠菜", "散装", "斤", "17.6", "5.8"] in mini


def _export(path, channel):
    export_sellable(channel, path)
    return path


def test_export_escapes_formula_injection(db, tmp_path):
    evil = products.save_product(db, products.ProductInput(name="=HYPERLINK(\"http://x\",\"点我\")", spec="@SUM(1)",
                                                            base_unit="个"))
    receive(db, evil, "3")
    xlsx = _export(tmp_path / "mt.xlsx", "MEITUAN")
    ws = openpyxl.load_workbook(xlsx).active
    assert ws["A2"].value.startswith("=HYPERLINK") and ws["A2"].data_type == "s"  # text, never a live formula
    assert ws["A2"].quotePrefix and ws["B2"].quotePrefix
    rows = read_csv(_export(tmp_path / "mt.csv", "MEITUAN"))
    assert rows[1][0] == "'=HYPERLINK(\"http://x\",\"点我\")" and rows[1][1] == "'@SUM(1)"


def test_export_refuses_other_types_and_unknown_channels(db, tmp_path):
    with pytest.raises(XiaopuError, match=r"\.xlsx 或 \.csv"):
        export_sellable("MEITUAN", tmp_path / "x.xls")
    with pytest.raises(XiaopuError, match="找不到渠道"):
        export_sellable("TAOBAO", tmp_path / "x.xlsx")


def test_csv_is_read_like_excel_in_gbk_utf8_bom_and_utf16(db, tmp_path):
    text = "SKU编码,条码,数量,单位\nP001,6901234567892,2,箱\n\nP002,,\"1,000\",\n"
    for encoding in ("gbk", "utf-8-sig", "utf-8", "utf-16"):
        path = tmp_path / f"stock-{encoding}.csv"
        tabbed = text.replace(",", "\t").replace("1\t000", "1,000")  # Excel's "Unicode 文本" is tab-separated
        path.write_bytes(tabbed.encode(encoding) if encoding == "utf-16" else text.encode(encoding))
        table = read_table(path, STOCK_COLUMNS, [("quantity",), ("sku", "barcode")])
        assert table.header_row == 1 and table.data_rows == [2, 4], encoding
        assert table.value(2, "barcode") == "6901234567892"  # text: every digit kept
        assert table.value(2, "unit") == "箱" and table.value(4, "quantity") == "1,000"
        assert table.value(4, "barcode") is None


@pytest.mark.parametrize("content, error", [
    (b"PK\x03\x04garbage", "不是可读的 CSV"),
    (b"\x00\x01\x02\x03binary\x00", "不是可读的 CSV"),
    (b"abc\x80\xff\x80 not text", "不是可读的 CSV"),
    (b"   \n", "没有数据行"),
    ("名称,颜色\n蓝莓,蓝\n".encode(), "找不到表头"),
])
def test_hostile_or_wrong_csv_is_refused(db, tmp_path, content, error):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(XiaopuError, match=error):
        read_table(path, STOCK_COLUMNS, [("quantity",), ("sku", "barcode")])


def test_csv_formula_cells_are_flagged(db, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("SKU编码,数量\nP001,=1+1\n", encoding="utf-8")
    table = read_table(path, STOCK_COLUMNS, [("quantity",), ("sku", "barcode")])
    assert table.formula_cells(2) == ["B2"]
    assert table.value(2, "quantity") == "=1+1"  # the user's text, shown again in the errors file


def test_cli_channel_list_and_export(stocked, tmp_path, db_path):
    from test_cli import xiaopu

    listed = xiaopu("channel", "list", "--json", db=db_path)
    assert listed.returncode == 0, listed.stderr
    assert [c["code"] for c in json.loads(listed.stdout)] == ["STORE", "GROUP", "MEITUAN", "DOUYIN", "MINIAPP"]
    target = tmp_path / "抖音.csv"
    done = xiaopu("channel", "export", "DOUYIN", str(target), db=db_path)
    assert done.returncode == 0, done.stderr
    assert [stocked.blueberry.sku, "蓝莓", "125g", "30", "12.5"] in read_csv(target)
    refused = xiaopu("channel", "export", "TAOBAO", str(tmp_path / "t.xlsx"), db=db_path)
    assert refused.returncode == 1 and "找不到渠道" in refused.stderr
    assert xiaopu("channel", "export", "DOUYIN", str(tmp_path / "t.pdf"), db=db_path).returncode == 1
