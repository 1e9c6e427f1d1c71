"""Excel exports: text barcodes, exact numbers, formula injection escaped, products round-trip."""
from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl import Workbook

from cli import commands as cli
from models import Barcode, Product, ProductUnit, database, open_database
from reports.excel_cells import cell, excel_number
from services.catalog import products
from services.core.errors import XiaopuError
from services.exports.products import export_products
from services.exports.stock import export_moves, export_stock
from services.imports.excel_import import import_products
from services.shop.setup import initialise
from services.stock import ledger

RISKY = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
         "\tTAB", "\rCR", "\nLF"]


def sheet(path):
    return openpyxl.load_workbook(path).active


def as_dicts(path) -> list[dict]:
    rows = list(sheet(path).iter_rows())
    header = [c.value for c in rows[0]]
    return [{h: c for h, c in zip(header, row, strict=False)} for row in rows[1:]]


def catalogue() -> list[tuple]:
    """Products with their units and barcodes, without database ids."""
    out = []
    for p in Product.select().order_by(Product.sku):
        units = sorted((u.name, u.factor) for u in ProductUnit.select().where(ProductUnit.product == p))
        codes = sorted((b.code, b.unit.name if b.unit_id else "") for b in Barcode.select().where(Barcode.product == p))
        out.append((p.sku, p.name, p.spec, p.category, p.base_unit, p.shelf_life_days, p.cost, p.price,
                    p.safety_stock, p.shelf.code if p.shelf_id else "", units, codes))
    return out


def test_products_export_types(shop, tmp_path):
    products.save_product(shop.owner, products.ProductInput(
        name="纯净水", sku="00123", spec="550ml", base_unit="瓶", cost="0.6", price="1.5",
        barcodes=[("6901234567908", ""), ("6901234567915", "")]))
    path = tmp_path / "products.xlsx"
    assert export_products(path) == 3
    rows = {r["SKU编码"].value: r for r in as_dicts(path)}
    blueberry = rows[shop.blueberry.sku]
    assert blueberry["条码"].value == "6901234567892" and blueberry["条码"].data_type == "s"  # text, never 6.9E+12
    assert blueberry["条码"].number_format == "@"
    assert blueberry["进价"].value == 8.3 and blueberry["进价"].data_type == "n"
    assert blueberry["保质期天数"].value == 7
    assert (blueberry["大单位"].value, blueberry["箱规"].value, blueberry["箱条码"].value) == ("箱", 12, "16901234567899")
    water = rows["00123"]  # a SKU with leading zeros stays text
    assert water["条码"].value == "6901234567908, 6901234567915"
    assert water["规格"].value == "550ml" and water["分类"].value is None
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b"<dimension" not in xml  # write-only mode


def test_formula_injection_is_escaped_everywhere(shop, tmp_path):
    for i, text in enumerate(RISKY):
        products.save_product(shop.owner, products.ProductInput(name=text, sku=f"R{i}", spec=text, category=text))
        p = products.get_product(f"R{i}")
        ledger.post_document(shop.owner, "receipt", [ledger.Line(p.id, Decimal(1), shop.supplier.id, shop.store.id)],
                             partner=text)
    for export in (export_products, export_stock, export_moves):
        path = tmp_path / f"{export.__name__}.xlsx"
        export(path)
        xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in xml and b"<f " not in xml  # not one formula in the file
        texts = [c for row in sheet(path).iter_rows() for c in row if isinstance(c.value, str)]
        risky_cells = [c for c in texts if c.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))]
        assert risky_cells, export.__name__
        for c in risky_cells:
            assert c.data_type == "s" and c.quotePrefix, (export.__name__, c.coordinate, c.value)
        plain = [c for c in texts if c not in risky_cells]
        assert plain and not any(c.quotePrefix for c in plain)


def test_the_cell_helper_escapes_every_risky_start(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append([cell(ws, text) for text in [*RISKY, "=", "普通", "6901234567892"]])
    wb.save(tmp_path / "cells.xlsx")
    (row,) = list(sheet(tmp_path / "cells.xlsx").iter_rows())
    # the text itself is unchanged (XML reads a stored CR back as LF)
    assert [c.value for c in row[:len(RISKY)]] == [t.replace("\r", "\n") for t in RISKY]
    assert all(c.data_type == "s" and c.quotePrefix for c in row[:len(RISKY) + 1])
    assert not row[-2].quotePrefix and not row[-1].quotePrefix


def test_exported_products_import_back_unchanged(shop, tmp_path):
    products.save_product(shop.owner, products.ProductInput(
        name="=1+1 危险名", sku="00123", spec="+86", category="@饮料", base_unit="瓶", cost="0.6", price="1.5",
        safety_stock="2.5", shelf="A-01", barcodes=[("6901234567908", ""), ("6901234567915", "")]))
    before = catalogue()
    path = tmp_path / "products.xlsx"
    export_products(path)
    # into the same shop: nothing to change
    result = import_products(shop.owner, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert catalogue() == before
    # into a new shop: the same catalogue
    database.close()
    open_database(tmp_path / "new.sqlite3")
    owner = initialise()
    assert import_products(owner, path).created == 3
    assert catalogue() == before


def test_stock_and_moves_export(shop, tmp_path):
    ledger.post_document(shop.owner, "receipt", [
        ledger.Line(shop.blueberry.id, Decimal(24), shop.supplier.id, shop.store.id, lot_code="L1", unit_cost=Decimal("8.3")),
        ledger.Line(shop.screw.id, Decimal("1000.5"), shop.supplier.id, shop.store.id)])
    ledger.post_document(shop.owner, "sale", [ledger.Line(shop.blueberry.id, Decimal("2.5"), shop.store.id, shop.customer.id)])
    stock_path, moves_path = tmp_path / "stock.xlsx", tmp_path / "moves.xlsx"
    assert export_stock(stock_path) == 2
    assert export_moves(moves_path) == 3
    rows = {r["SKU编码"].value: r for r in as_dicts(stock_path)}
    assert rows[shop.blueberry.sku]["库存"].value == 21.5 and rows[shop.blueberry.sku]["批次"].value == "L1"
    assert rows[shop.blueberry.sku]["条码"].data_type == "s"
    assert rows[shop.screw.sku]["可用"].value == 1000.5
    moves = as_dicts(moves_path)
    assert [m["单据类型"].value for m in moves] == ["收货入库", "收货入库", "销售出库"]
    assert moves[0]["单位成本"].value == 8.3 and moves[2]["数量"].value == 2.5
    assert moves[0]["日期"].is_date and moves[0]["到期日"].is_date is False or moves[0]["到期日"].value
    assert re.fullmatch(r"RK\d{8}-\d{4}", moves[0]["单据号"].value)


@pytest.mark.parametrize("value, written", [
    (Decimal("12"), 12), (Decimal("8.3000"), 8.3), (Decimal("-2.5"), -2.5),
    (Decimal("123456789012.345"), 123456789012.345),  # 15 significant digits: a number
    (Decimal("1234567890123.456"), "1234567890123.456"),  # 16: would change in Excel, so text
    (Decimal("12345678901234567"), "12345678901234567"),  # beyond a double: text, not ...568
])
def test_excel_number_is_exact_or_text(value, written):
    assert excel_number(value) == written and type(excel_number(value)) is type(written)


def test_export_to_a_missing_folder_is_a_clear_error(shop, tmp_path):
    with pytest.raises(XiaopuError) as caught:
        export_products(tmp_path / "no" / "such" / "folder.xlsx")
    assert caught.value.key == "export.cannot_write"


def test_cli_export_then_import(shop, tmp_path, db_path, capsys):
    parse = cli.build_parser().parse_args
    for what in ("products", "stock", "moves"):
        assert cli.run(parse(["--db", str(db_path), "export", what, str(tmp_path / f"{what}.xlsx")])) == 0
    assert "已导出 2 行" in capsys.readouterr().out
    assert cli.run(parse(["--db", str(db_path), "import", "products", str(tmp_path / "products.xlsx")])) == 0
