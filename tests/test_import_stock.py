"""Opening stock from Excel: one 'opening' document, units converted, lots kept, posted once."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from xlsx_files import column_of, read_rows, write_xlsx

from cli import commands as cli
from models import Document, Lot, Move
from services.catalog.locations import create_location
from services.core.clock import today
from services.core.errors import PermissionDenied, XiaopuError
from services.imports.excel_import import ImportFailed, import_stock
from services.stock.integrity import run_check
from services.stock.stock import stock_rows

HEADER = ["SKU编码", "条码", "名称", "数量", "单位", "批次", "到期日", "库位", "成本"]


def stock_file(tmp_path, rows, header=HEADER, name="opening.xlsx"):
    return write_xlsx(tmp_path / name, [header, *rows])


def on_hand() -> dict[tuple[str, str, str], Decimal]:
    return {(r.sku, r.lot, r.location): r.on_hand for r in stock_rows()}


def errors_of(path):
    col = column_of(path, "错误")
    return {n: v[col] for n, v in read_rows(path).items() if len(v) > col and v[col]}


def test_opening_stock_in_boxes_lots_and_shelves(shop, tmp_path):
    create_location(shop.owner, "A-01", "一号货架", "shelf", parent_code="STORE")
    path = stock_file(tmp_path, [
        [shop.blueberry.sku, None, "蓝莓", 2, "箱", "L2611", dt.datetime(2026, 12, 1), "A-01", 96],  # 2 箱 = 24 盒
        [None, 6901234567892, "蓝莓", 5, None, "L2612", "2026/12/20", None, None],  # by barcode, default store
        [None, "16901234567899", "蓝莓", 1, None, "L2613", 46388, None, None],  # box barcode = 箱; Excel serial
        [shop.screw.sku, None, "十字螺丝", "1,000", "个", None, None, None, 0.05],
    ])
    result = import_stock(shop.owner, path)
    assert result.created and result.lines == 4 and result.number.startswith("QC")
    assert result.number in result.message
    stock = on_hand()
    assert stock[(shop.blueberry.sku, "L2611", "A-01")] == Decimal(24)
    assert stock[(shop.blueberry.sku, "L2612", "STORE")] == Decimal(5)
    assert stock[(shop.blueberry.sku, "L2613", "STORE")] == Decimal(12)
    assert stock[(shop.screw.sku, "", "STORE")] == Decimal(1000)
    lots = {lot.code: lot.expiry_date for lot in Lot.select()}
    assert lots == {"L2611": dt.date(2026, 12, 1), "L2612": dt.date(2026, 12, 20), "L2613": dt.date(2027, 1, 1)}
    doc = Document.get(Document.number == result.number)
    assert doc.doc_type == "opening"
    costs = {m.quantity: m.unit_cost for m in Move.select().where(Move.document == doc)}
    assert costs[Decimal(24)] == Decimal(8)  # 96 a box / 12 per box
    assert costs[Decimal(1000)] == Decimal("0.05")
    assert {m.from_location_id for m in Move.select()} == {shop.adjust.id}
    assert run_check().ok


def test_perishable_without_lot_gets_one_from_shelf_life(shop, tmp_path):
    path = stock_file(tmp_path, [[shop.blueberry.sku, None, None, 10]], header=HEADER[:4])
    import_stock(shop.owner, path)
    (row,) = stock_rows()
    assert row.expiry == today() + dt.timedelta(days=7)


def test_english_headers(shop, tmp_path):
    path = write_xlsx(tmp_path / "en.xlsx", [["Barcode", "Quantity", "Unit", "Lot", "Expiry", "Location"],
                                            ["6901234567892", 3, "box", None, None, None]])
    with pytest.raises(ImportFailed):  # 'box' is not a unit of 蓝莓
        import_stock(shop.owner, path)
    path = write_xlsx(tmp_path / "en.xlsx", [["Barcode", "Quantity", "Unit", "Lot", "Expiry", "Location"],
                                            ["6901234567892", 3, "箱", "X1", "2026-12-31", "STORE"]])
    import_stock(shop.owner, path)
    assert on_hand()[(shop.blueberry.sku, "X1", "STORE")] == Decimal(36)


def test_the_same_sheet_twice_posts_once_even_when_resaved(shop, tmp_path):
    path = stock_file(tmp_path, [[shop.screw.sku, None, None, 50]], header=HEADER[:4])
    first = import_stock(shop.owner, path)
    again = import_stock(shop.owner, path)
    assert first.created and not again.created and again.number == first.number
    assert "没有重复入账" in again.message
    wb = openpyxl.load_workbook(path)
    wb.active["C2"] = "十字螺丝 M4"  # re-saved by Excel: other bytes, same stock
    wb.save(path)
    assert not import_stock(shop.owner, path).created
    assert on_hand()[(shop.screw.sku, "", "STORE")] == Decimal(50)
    assert Document.select().where(Document.doc_type == "opening").count() == 1


def test_bad_rows_post_nothing_and_are_marked(shop, tmp_path):
    path = stock_file(tmp_path, [
        [shop.screw.sku, None, None, 10, None, None, None, None, None],  # good
        ["NOPE", None, None, 1, None, None, None, None, None],  # unknown SKU
        [None, "6901234567908", None, 1, None, None, None, None, None],  # unknown barcode
        [shop.screw.sku, None, None, -3, None, None, None, "B-01", None],  # negative
        [shop.screw.sku, None, None, "十", None, None, None, "B-02", None],  # not a number
        [shop.screw.sku, None, None, 0, None, None, None, "B-03", None],  # zero
        [shop.screw.sku, None, None, 1, "箱", None, None, "B-04", None],  # unit the product lacks
        [shop.screw.sku, None, None, 1, None, None, None, "NOWHERE", None],  # unknown location
        [shop.screw.sku, None, None, 1, None, None, None, "CUSTOMER", None],  # a virtual location
        [shop.blueberry.sku, None, None, 1, None, None, "2026-13-45", None, None],  # not a date
        [shop.screw.sku, "6901234567892", None, 1, None, None, None, "B-05", None],  # SKU and barcode disagree
        [shop.screw.sku, None, None, "=1+1", None, None, None, "B-06", None],  # a formula
    ])
    with pytest.raises(ImportFailed) as caught:
        import_stock(shop.owner, path)
    assert Document.select().count() == 0 and Move.select().count() == 0
    errors = errors_of(tmp_path / "opening.errors.xlsx")
    assert sorted(errors) == [1, *range(3, 14)] and len(caught.value.errors) == 11
    expected = {3: "找不到商品:NOPE", 4: "未知条码:6901234567908", 5: "不能为负数", 6: "不是数字",
                7: "必须大于 0", 8: "单位“箱”不属于商品 十字螺丝", 9: "找不到库位:NOWHERE", 10: "CUSTOMER",
                11: "不是日期", 12: "不是同一个商品", 13: "公式"}
    for row, part in expected.items():
        assert part in errors[row], (row, errors[row])


def test_repeated_rows_and_lot_expiry_conflicts(shop, tmp_path):
    path = stock_file(tmp_path, [
        [shop.screw.sku, None, None, 10],
        [shop.screw.sku, None, None, 5],  # same product, lot and location as row 2
        [shop.blueberry.sku, None, None, 1, None, "L1", "2026-12-01"],
        [shop.blueberry.sku, None, None, 1, None, "L1", "2026-12-09", "A-09"],  # same lot, other date
    ], header=HEADER[:8])
    create_location(shop.owner, "A-09", "货架9", "shelf")
    with pytest.raises(ImportFailed):
        import_stock(shop.owner, path)
    errors = errors_of(tmp_path / "opening.errors.xlsx")
    assert "与第 3 行重复" in errors[2] and "与第 2 行重复" in errors[3]
    assert "2026-12-01" in errors[5] and 4 not in errors


def test_quantity_more_precise_than_the_ledger(shop, tmp_path):
    path = stock_file(tmp_path, [[shop.blueberry.sku, None, None, "0.0001", None]], header=HEADER[:5])
    with pytest.raises(ImportFailed):
        import_stock(shop.owner, path)


def test_no_quantity_column_is_no_header(shop, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [["SKU编码", "名称"], [shop.screw.sku, "螺丝"]])
    with pytest.raises(XiaopuError) as caught:
        import_stock(shop.owner, path)
    assert caught.value.key == "import.no_header_cols" and "数量" in caught.value.message


def test_only_the_owner_posts_opening_stock(shop, tmp_path):
    from services.core.users import create_user

    buyer = create_user(shop.owner, "laowang", "purchaser")
    path = stock_file(tmp_path, [[shop.screw.sku, None, None, 10]], header=HEADER[:4])
    with pytest.raises(PermissionDenied):
        import_stock(buyer, path)
    assert Document.select().count() == 0


def test_cli_import_stock_twice(shop, tmp_path, db_path, capsys):
    path = stock_file(tmp_path, [[shop.screw.sku, None, None, 10]], header=HEADER[:4])
    parse = cli.build_parser().parse_args
    assert cli.run(parse(["--db", str(db_path), "import", "stock", str(path)])) == 0
    assert "期初库存已入账" in capsys.readouterr().out
    assert cli.run(parse(["--db", str(db_path), "import", "stock", str(path)])) == 0
    assert "没有重复入账" in capsys.readouterr().out
    bad = stock_file(tmp_path, [["NOPE", None, None, 10]], header=HEADER[:4], name="bad.xlsx")
    assert cli.run(parse(["--db", str(db_path), "import", "stock", str(bad)])) == 1
    assert (tmp_path / "bad.errors.xlsx").exists()


def test_every_problem_of_a_row_is_listed(shop, tmp_path):
    path = stock_file(tmp_path, [["NOPE", None, None, -1, None, None, "明天", "NOWHERE", "贵"]])
    with pytest.raises(ImportFailed):
        import_stock(shop.owner, path)
    text = errors_of(tmp_path / "opening.errors.xlsx")[2]
    for part in ("找不到商品:NOPE", "数量不能为负数", "成本“贵”不是数字", "找不到库位:NOWHERE", "到期日“明天”不是日期"):
        assert part in text
