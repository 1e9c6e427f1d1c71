"""Importing the shop's product list from Excel: every row checked, all or nothing, errors shown in the file."""
from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xlsx_files import column_of, read_rows, row_fill, write_xlsx

from cli import commands as cli
from models import AuditEvent, Barcode, Product, ProductUnit
from services.catalog.barcodes import barcode_kind, normalise_barcode, with_check_digit
from services.catalog.products import get_product
from services.catalog.search_key import build_search_key
from services.core.errors import PermissionDenied, XiaopuError
from services.imports import excel_table
from services.imports.excel_import import ImportFailed, import_products

CN_HEADER = ["SKU编码", "条码", "名称", "规格", "单位", "分类", "保质期天数", "进价", "售价", "安全库存", "货架"]
FULL_WIDTH = str.maketrans("0123456789", "0123456789")


def products_file(tmp_path, rows, header=CN_HEADER, name="products.xlsx", **kw):
    return write_xlsx(tmp_path / name, [header, *rows], **kw)


def snapshot():
    """Everything a product import could change."""
    return (sorted(Product.select(Product.sku, Product.name, Product.cost, Product.price).tuples()),
            sorted(Barcode.select(Barcode.code, Barcode.product).tuples()),
            sorted(ProductUnit.select(ProductUnit.product, ProductUnit.name, ProductUnit.factor).tuples()),
            AuditEvent.select().count())


def errors_of(path, column_title="错误"):
    rows = read_rows(path)
    col = column_of(path, column_title)
    return {n: values[col] for n, values in rows.items() if len(values) > col and values[col]}


# --- a good file ---------------------------------------------------------------------------

def test_chinese_headers_and_every_barcode_form(db, tmp_path):
    path = products_file(tmp_path, [
        ["", 6901234567892.0, "蓝莓", "125g", "盒", "水果", 7, 8.3, 12.5, 5, "A-01"],  # float, like Excel
        ["S-002", 6901234567908, "草莓", "250g", "盒", "水果", "3", "9.9", "15", None, None],  # int
        ["S-003", "６９０１２３４５６７９１５", "苹果", None, "个", None, None, 2.3, 3.5, None, None],  # full-width
        ["S-004", " 6901 2345 67922 ", "梨", None, "个", None, None, "2", "3", None, None],  # spaces
        [],  # an empty row in the middle is skipped
        ["S-005", None, "塑料袋", None, "个", "耗材", None, 0.05, 0.1, None, None],  # no barcode at all
    ])
    result = import_products(db, path)
    assert (result.created, result.updated) == (5, 0)
    assert "5" in result.message
    blueberry = get_product("6901234567892")
    assert blueberry.name == "蓝莓" and blueberry.shelf_life_days == 7 and blueberry.shelf.code == "A-01"
    assert blueberry.cost == Decimal("8.3") and blueberry.price == Decimal("12.5")  # exact, not 8.2999…
    assert blueberry.sku.startswith("P")  # a blank SKU is numbered
    assert get_product("6901234567908").sku == "S-002"
    assert get_product("6901234567915").name == "苹果"
    assert get_product("6901234567922").name == "梨"
    assert get_product("S-005").cost == Decimal("0.05")
    assert not (tmp_path / "products.errors.xlsx").exists()
    assert AuditEvent.select().where(AuditEvent.action == "product.create").count() == 5


def test_english_headers_any_case_title_rows_and_unknown_columns(db, tmp_path):
    path = write_xlsx(tmp_path / "en.xlsx", [
        ["Product list, exported from the old till"],
        [],
        ["SKU", "BARCODE", " Name ", "Spec", "unit", "Category", "Shelf Life Days", "cost", "Price",
         "safety_stock", "Shelf", "Supplier notes"],
        ["E1", "6901234567892", "Blueberry", "125 g", "box", "fruit", 7, "8.30", "12.50", "4", "B2", "call Li"],
    ])
    assert import_products(db, path).created == 1
    product = get_product("E1")
    assert (product.name, product.base_unit, product.safety_stock) == ("Blueberry", "box", Decimal(4))


def test_file_written_in_write_only_mode_has_no_dimensions(db, tmp_path):
    rows = [[f"W{i}", None, f"商品{i}"] for i in range(1, 31)]
    path = write_xlsx(tmp_path / "wo.xlsx", [["SKU编码", "条码", "名称"], *rows], write_only=True)
    assert import_products(db, path).created == 30


def test_wrong_stored_dimensions_do_not_hide_rows(db, tmp_path):
    path = products_file(tmp_path, [[f"D{i}", None, f"商品{i}"] for i in range(1, 11)])
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(lying, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:C2"/>', data)
                assert b'ref="A1:C2"' in data
            dst.writestr(item, data)
    assert import_products(db, lying).created == 10


def test_box_unit_columns(db, tmp_path):
    path = write_xlsx(tmp_path / "box.xlsx", [
        ["SKU编码", "条码", "名称", "单位", "箱规", "箱条码"],
        ["MILK", "6901234567892", "牛奶", "盒", 12, "16901234567899"],
    ])
    import_products(db, path)
    milk = get_product("MILK")
    assert [(u.name, u.factor) for u in milk.units] == [("箱", Decimal(12))]
    from services.catalog.products import find_by_barcode

    assert find_by_barcode("16901234567899").factor == Decimal(12)


# --- re-import -----------------------------------------------------------------------------

def test_reimport_updates_by_sku_then_by_barcode_never_duplicates(shop, tmp_path):
    path = products_file(tmp_path, [
        ["", "6901234567892", "蓝莓(特级)", None, None, None, None, None, 13.8, None, None],  # by barcode
        [shop.screw.sku, None, "十字螺丝", None, None, None, None, 0.06, None, None, None],  # by SKU
    ])
    before = Product.select().count()
    result = import_products(shop.owner, path)
    assert (result.created, result.updated) == (0, 2)
    assert Product.select().count() == before
    blueberry = get_product(shop.blueberry.id)
    assert blueberry.name == "蓝莓(特级)" and blueberry.price == Decimal("13.8")
    assert blueberry.cost == Decimal("8.3")  # blank cell: the stored value stays
    assert blueberry.shelf_life_days == 7 and blueberry.base_unit == "盒"
    assert {u.name for u in blueberry.units} == {"箱"}  # not in the file, not deleted
    assert {b.code for b in blueberry.barcodes} == {"6901234567892", "16901234567899"}
    assert get_product(shop.screw.id).cost == Decimal("0.06")
    # the renamed product is found by its new name; the other keeps the key its unchanged name, spec, SKU and
    # category make
    assert blueberry.search_key == build_search_key("蓝莓(特级)", "125g", blueberry.sku, "水果")
    screw = get_product(shop.screw.id)
    assert screw.search_key == build_search_key(screw.name, screw.spec, screw.sku, screw.category)
    # the same file again changes nothing and still creates nothing
    assert import_products(shop.owner, path).created == 0
    assert Product.select().count() == before


def test_new_barcode_is_added_to_the_product_found_by_sku(shop, tmp_path):
    path = products_file(tmp_path, [[shop.screw.sku, "6901234567908", "十字螺丝"]], header=CN_HEADER[:3])
    import_products(shop.owner, path)
    assert {b.code for b in get_product(shop.screw.id).barcodes} == {"SCREW-M4", "6901234567908"}


# --- bad rows: nothing imported, the errors file says where and why ---------------------------

def test_bad_check_digit_refuses_the_whole_file_with_an_errors_file(db, tmp_path):
    path = write_xlsx(tmp_path / "goods.xlsx", [
        ["小铺商品表 2026-11"],  # title row: the header is row 2
        CN_HEADER,
        ["G1", "6901234567892", "蓝莓", None, "盒", None, None, 8.3, 12.5, None, None],
        [],
        ["G2", 6901234567893, "草莓", None, "盒", None, None, 9, 15, None, None],  # wrong check digit
        ["G3", "6901234567908", "苹果", None, "个", None, None, 2, 3, None, None],
    ])
    before = snapshot()
    with pytest.raises(ImportFailed) as caught:
        import_products(db, path)
    assert snapshot() == before  # nothing imported, not even the good rows
    errors_file = tmp_path / "goods.errors.xlsx"
    assert caught.value.errors_file == errors_file and errors_file.exists()
    assert "1" in caught.value.message and "goods.errors.xlsx" in caught.value.message
    assert "第 5 行" in str(caught.value)  # the row number Excel shows
    rows = read_rows(errors_file)
    assert rows[1][0] == "小铺商品表 2026-11"  # the user's rows stay at their own row numbers
    assert rows[2][:3] == ("SKU编码", "条码", "名称") and rows[2][column_of(errors_file, "错误")] == "错误"
    assert rows[5][:3] == ("G2", 6901234567893, "草莓")  # values as they were (a number stays a number)
    errors = errors_of(errors_file)
    assert list(errors) == [2, 5]  # the header title and row 5 only
    assert "校验位" in errors[5] and "6901234567893" in errors[5] and "应为 2" in errors[5]
    assert row_fill(errors_file, 5).fgColor.rgb.endswith("FFC7CE")  # highlighted
    assert row_fill(errors_file, 3).fill_type is None


def test_every_problem_of_a_row_is_listed(db, tmp_path):
    path = products_file(tmp_path, [
        ["B1", "6901234567892", "", None, None, None, "七天", -2, "abc", None, None],
    ])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    text = errors_of(tmp_path / "products.errors.xlsx")[2]
    for part in ("名称不能为空", "保质期天数", "进价不能为负数", "售价“abc”不是数字"):
        assert part in text
    assert Product.select().count() == 0


@pytest.mark.parametrize("price, message", [(-1, "售价不能为负数"), ("十二", "不是数字"), ("1.23456", "最多 4 位小数")])
def test_bad_prices(db, tmp_path, price, message):
    path = products_file(tmp_path, [["P1", None, "蓝莓", None, None, None, None, 1, price, None, None]])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    assert message in errors_of(tmp_path / "products.errors.xlsx")[2]


def test_duplicate_barcode_and_sku_inside_the_file_mark_both_rows(db, tmp_path):
    path = products_file(tmp_path, [
        ["A", 6901234567892, "蓝莓"],
        ["B", "6901234567892", "草莓"],  # same barcode as row 2, written differently
        ["C", None, "苹果"],
        ["C", None, "梨"],  # same SKU as row 4
    ], header=CN_HEADER[:3])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors = errors_of(tmp_path / "products.errors.xlsx")
    assert "与第 3 行重复" in errors[2] and "与第 2 行重复" in errors[3] and "6901234567892" in errors[3]
    assert "与第 5 行重复" in errors[4] and "SKU C" in errors[5]
    assert Product.select().count() == 0


def test_barcode_of_another_product_is_refused(shop, tmp_path):
    path = products_file(tmp_path, [["NEW", "6901234567892", "假蓝莓"]], header=CN_HEADER[:3])
    with pytest.raises(ImportFailed):
        import_products(shop.owner, path)
    assert "已属于商品" in errors_of(tmp_path / "products.errors.xlsx")[2]


def test_formula_cells_are_refused_but_ignored_columns_may_hold_formulas(db, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        ["SKU编码", "名称", "进价", "售价", "毛利"],
        ["F1", "蓝莓", 8, "=C2*1.5", "=D2-C2"],
        ["F2", "草莓", 9, 15, "=D3-C3"],
    ])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors = errors_of(tmp_path / "f.errors.xlsx")
    assert list(errors) == [1, 2] and "D2" in errors[2] and "公式" in errors[2]
    assert read_rows(tmp_path / "f.errors.xlsx")[2][3] == "=C2*1.5"  # shown as text, not re-evaluated
    assert Product.select().count() == 0


def test_fixing_the_errors_file_and_importing_it_works(db, tmp_path):
    import openpyxl

    path = products_file(tmp_path, [["X1", "6901234567893", "蓝莓"], ["X2", None, "草莓"]], header=CN_HEADER[:3])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors_file = tmp_path / "products.errors.xlsx"
    wb = openpyxl.load_workbook(errors_file)
    wb.active["B2"] = "6901234567892"  # the user corrects the code in the errors file
    wb.save(errors_file)
    assert import_products(db, errors_file).created == 2  # its 错误 column is not imported


# --- files that are not a product list ---------------------------------------------------

def _zip_without_workbook(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    return path


@pytest.mark.parametrize("make, key", [
    (lambda p: p.write_text("SKU,名称\nA,蓝莓\n", encoding="utf-8"), "import.not_excel"),  # a CSV renamed
    (lambda p: p.write_text("这不是表格", encoding="utf-8"), "import.not_excel"),  # a .txt renamed
    (lambda p: p.write_bytes(b""), "import.not_excel"),  # empty file
    (_zip_without_workbook, "import.not_excel"),  # a zip that is not a workbook
    (lambda p: p.write_bytes(excel_table.OLE_MAGIC + b"\0" * 504), "import.xls"),  # an old .xls
    (lambda p: None, "import.file_missing"),
])
def test_not_an_excel_file_changes_nothing(db, tmp_path, make, key):
    path = tmp_path / "goods.xlsx"
    make(path)
    before = snapshot()
    with pytest.raises(XiaopuError) as caught:
        import_products(db, path)
    assert caught.value.key == key and not isinstance(caught.value, ImportFailed)
    assert snapshot() == before
    assert not (tmp_path / "goods.errors.xlsx").exists()


def test_no_header_empty_sheet_and_duplicate_header(db, tmp_path):
    no_header = write_xlsx(tmp_path / "a.xlsx", [["蓝莓", 12.5], ["草莓", 15]])
    with pytest.raises(XiaopuError) as caught:
        import_products(db, no_header)
    assert caught.value.key == "import.no_header_cols" and "名称" in caught.value.message
    only_header = write_xlsx(tmp_path / "b.xlsx", [CN_HEADER])
    with pytest.raises(XiaopuError) as caught:
        import_products(db, only_header)
    assert caught.value.key == "import.empty"
    twice = write_xlsx(tmp_path / "c.xlsx", [["名称", "条码", "barcode"], ["蓝莓", "6901234567892", "1"]])
    with pytest.raises(XiaopuError) as caught:
        import_products(db, twice)
    assert caught.value.key == "import.duplicate_column" and "C" in caught.value.message


def test_too_many_rows_or_too_big_unpacked(db, tmp_path, monkeypatch):
    path = products_file(tmp_path, [[f"T{i}", None, f"商品{i}"] for i in range(30)], header=CN_HEADER[:3])
    monkeypatch.setattr(excel_table, "MAX_ROWS", 20)
    with pytest.raises(XiaopuError) as caught:
        import_products(db, path)
    assert caught.value.key == "import.too_big"
    monkeypatch.setattr(excel_table, "MAX_ROWS", 100_000)
    monkeypatch.setattr(excel_table, "MAX_UNPACKED_BYTES", 1000)  # as a zip bomb would
    with pytest.raises(XiaopuError) as caught:
        import_products(db, path)
    assert caught.value.key == "import.too_big"
    assert Product.select().count() == 0


def test_entities_in_the_xml_are_refused(db, tmp_path):
    """A billion-laughs style sheet: defusedxml makes openpyxl refuse it."""
    path = products_file(tmp_path, [["Z1", None, "蓝莓"]], header=CN_HEADER[:3])
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(hostile, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + data
            dst.writestr(item, data)
    with pytest.raises(XiaopuError) as caught:
        import_products(db, hostile)
    assert caught.value.key == "import.not_excel"


# --- all or nothing, rights, the CLI --------------------------------------------------------

def test_a_crash_in_the_middle_leaves_nothing(db, tmp_path, monkeypatch):
    from models import Product
    from services.imports import product_writer

    path = products_file(tmp_path, [[f"C{i}", f"C-CODE-{i}", f"商品{i}"] for i in range(5)],
                         header=CN_HEADER[:3])
    seen = []

    def crash_after_the_products(model, fields, rows):
        seen.append(Product.select().where(Product.sku.startswith("C")).count())
        raise RuntimeError("power cut")  # the products are in, their units and barcodes are not yet

    monkeypatch.setattr(product_writer, "insert_rows", crash_after_the_products)
    before = snapshot()
    with pytest.raises(RuntimeError):
        import_products(db, path)
    assert seen == [5]
    assert snapshot() == before


def test_a_cashier_may_not_import(db, tmp_path):
    from services.core.users import create_user

    cashier = create_user(db, "xiaoli", "cashier")
    path = products_file(tmp_path, [["K1", None, "蓝莓"]], header=CN_HEADER[:3])
    with pytest.raises(PermissionDenied):
        import_products(cashier, path)


def test_cli_exit_codes_and_errors_file(tmp_path, capsys):
    db_file = tmp_path / "shop.sqlite3"
    good = products_file(tmp_path, [["CLI1", "6901234567892", "蓝莓"]], header=CN_HEADER[:3], name="good.xlsx")
    bad = products_file(tmp_path, [["CLI2", "6901234567893", "草莓"]], header=CN_HEADER[:3], name="bad.xlsx")
    parse = cli.build_parser().parse_args
    assert cli.run(parse(["--db", str(db_file), "import", "products", str(good)])) == 0
    assert "已导入 1 个新商品" in capsys.readouterr().out
    assert cli.run(parse(["--db", str(db_file), "import", "products", str(bad)])) == 1
    err = capsys.readouterr().err
    assert "bad.errors.xlsx" in err and "第 2 行" in err
    assert (tmp_path / "bad.errors.xlsx").exists()
    text = tmp_path / "notes.xlsx"
    text.write_text("hello", encoding="utf-8")
    assert cli.run(parse(["--db", str(db_file), "import", "products", str(text)])) == 1
    assert "不是有效的 Excel" in capsys.readouterr().err


@pytest.mark.slow
def test_import_5000_products_then_the_same_file_then_every_price_changed(db, tmp_path):
    """A whole catalogue at once (its speed is measured in bench/)."""
    rows = [[f"K{i:05d}", with_check_digit(f"690{i:09d}"), f"商品{i}", "500g", "个", "杂货", 30, 2.5, 3.8, 10, None]
            for i in range(5000)]
    path = products_file(tmp_path, rows)
    assert import_products(db, path).created == 5000
    assert import_products(db, path).unchanged == 5000  # nothing to write, nothing written
    path = products_file(tmp_path, [row[:8] + [4.2] + row[9:] for row in rows])  # every price changed
    assert import_products(db, path).updated == 5000
    assert Product.select().count() == 5000
    assert {p.price for p in Product.select()} == {Decimal("4.2")}


# --- barcode normalisation (hypothesis) -----------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[1-9][0-9]{11}", fullmatch=True),
       st.sampled_from(["int", "float", "full-width", "spaced", "text"]))
def test_any_valid_ean13_survives_how_excel_or_a_typist_writes_it(body, form):
    code = with_check_digit(body)
    written = {
        "int": int(code), "float": float(int(code)), "full-width": code.translate(FULL_WIDTH),
        "spaced": f" {code[:1]} {code[1:7]} {code[7:]} ", "text": code,
    }[form]
    assert normalise_barcode(written) == code
    assert barcode_kind(normalise_barcode(written)) == "ean13"


def test_barcodes_pasted_in_scientific_notation_are_refused(db, tmp_path):
    path = products_file(tmp_path, [
        ["E1", "6.92382581582E+12", "蓝莓"],  # what Excel shows: the last digit is gone
        ["E2", "6.901234567892E+12", "草莓"],  # every digit still there: accepted
    ], header=CN_HEADER[:3])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors = errors_of(tmp_path / "products.errors.xlsx")
    assert "科学计数法" in errors[2] and 3 not in errors


def test_a_virtual_location_is_not_a_shelf(db, tmp_path):
    path = products_file(tmp_path, [["V1", None, "蓝莓", None, None, None, None, None, None, None, "SUPPLIER"]])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    assert "虚拟库位(供应商)" in errors_of(tmp_path / "products.errors.xlsx")[2]


def test_main_py_exit_status_in_a_real_process(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    db_file = tmp_path / "shop.sqlite3"
    bad = products_file(tmp_path, [["S1", "6901234567893", "蓝莓"]], header=CN_HEADER[:3], name="bad.xlsx")

    def xiaopu(*args):
        return subprocess.run([sys.executable, str(root / "main.py"), "--db", str(db_file), *args],
                              capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=root)

    result = xiaopu("import", "products", str(bad))
    assert result.returncode == 1 and "bad.errors.xlsx" in result.stderr
    assert (tmp_path / "bad.errors.xlsx").exists()
    good = products_file(tmp_path, [["S1", "6901234567892", "蓝莓"]], header=CN_HEADER[:3], name="good.xlsx")
    assert xiaopu("import", "products", str(good)).returncode == 0
    assert xiaopu("export", "products", str(tmp_path / "out.xlsx")).returncode == 0
    assert xiaopu("import", "products", str(tmp_path / "out.xlsx")).returncode == 0


def test_reimport_changes_box_size_box_code_and_shelf_and_audits_before_and_after(shop, tmp_path):
    """The owner re-imports 蓝莓: boxes now hold 24, a new box barcode, on shelf B-02 (new), ¥13.80. The box
    unit is updated (not duplicated), the code belongs to the box, the shelf is created, and the audit
    event holds exactly what the product was and what it is now."""
    import json

    from services.catalog.products import _snapshot
    from services.stock.integrity import run_check

    before = _snapshot(get_product(shop.blueberry.id))
    path = write_xlsx(tmp_path / "box.xlsx", [
        ["SKU编码", "名称", "售价", "货架", "箱规", "箱条码"],
        [shop.blueberry.sku, "蓝莓", 13.8, "B-02", 24, "26901234567896"],
    ])
    assert import_products(shop.owner, path).updated == 1
    blueberry = get_product(shop.blueberry.id)
    assert [(u.name, u.factor) for u in blueberry.units] == [("箱", Decimal(24))]
    assert {(b.code, b.unit.name if b.unit_id else "") for b in blueberry.barcodes} == {
        ("6901234567892", ""), ("16901234567899", "箱"), ("26901234567896", "箱")}
    assert blueberry.shelf.code == "B-02" and blueberry.price == Decimal("13.8")
    event = AuditEvent.select().where(AuditEvent.action == "product.update").order_by(AuditEvent.id.desc()).get()
    assert event.entity_id == str(shop.blueberry.id)
    assert json.loads(event.old) == json.loads(json.dumps(before, default=str))
    assert json.loads(event.new) == json.loads(json.dumps(_snapshot(blueberry), default=str))
    assert run_check().ok, run_check().text()
