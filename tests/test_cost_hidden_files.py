"""进价 stays with who may see cost in the product files too (issue 17). 老张 (仓管) exports the product list
to fix specs in Excel: his file has no 进价 column, and importing it back keeps 蓝莓 at ¥8.30 and the screw at
¥0.05. An old price list of the owner's where 蓝莓 costs 9 is refused at its row, nothing imported; the same
list with the stored costs goes through. A new product he adds starts at cost 0, as in the product dialog.
The owner's export still carries 进价."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from xlsx_files import write_xlsx

from cli import commands as cli
from models import AuditEvent, Product
from services.catalog.products import get_product
from services.core import users
from services.exports.products import export_products
from services.imports.excel_columns import PRODUCT_LABELS
from services.imports.excel_import import ImportFailed, import_products
from services.stock import ledger

HIDDEN = "laozhang(warehouse)看不到进价,不能修改进价:请让店主或采购修改"


@pytest.fixture
def zhang(shop):
    return users.create_user(shop.owner, "laozhang", "warehouse", display_name="老张")


def header_and_rows(path) -> tuple[list, dict[str, dict]]:
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    header = list(rows[0])
    return header, {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}


def costs() -> dict[str, Decimal]:
    return dict(Product.select(Product.name, Product.cost).tuples())


def test_the_warehouse_exports_without_cost_and_the_owner_with_it(shop, zhang, tmp_path):
    assert export_products(tmp_path / "owner.xlsx", shop.owner) == 2
    header, rows = header_and_rows(tmp_path / "owner.xlsx")
    assert header == PRODUCT_LABELS and rows[shop.blueberry.sku]["进价"] == 8.3

    assert export_products(tmp_path / "zhang.xlsx", zhang) == 2
    header, rows = header_and_rows(tmp_path / "zhang.xlsx")
    assert "进价" not in header and header == [label for label in PRODUCT_LABELS if label != "进价"]
    blueberry = rows[shop.blueberry.sku]
    assert (blueberry["名称"], blueberry["售价"], blueberry["保质期天数"], blueberry["箱规"]) == ("蓝莓", 12.5, 7, 12)
    assert 8.3 not in blueberry.values() and 0.05 not in rows[shop.screw.sku].values()


def test_his_file_without_cost_imports_back_keeping_the_costs(shop, zhang, tmp_path):
    path = tmp_path / "zhang.xlsx"
    export_products(path, zhang)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    spec = [c.value for c in sheet[1]].index("规格") + 1
    sheet.cell(row=2, column=spec, value="125g/盒")  # 蓝莓 (P… sorts first)
    book.save(path)

    result = import_products(zhang, path)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert get_product(shop.blueberry.sku).spec == "125g/盒"
    assert costs() == {"蓝莓": Decimal("8.3"), "十字螺丝": Decimal("0.05")}


def test_a_changed_cost_is_refused_at_its_row_and_nothing_imported(shop, zhang, tmp_path):
    price_list = [["SKU编码", "名称", "规格", "进价", "售价"],
                  [shop.blueberry.sku, "蓝莓", "125g/盒", 9, 13],  # row 2: 8.3 → 9
                  [shop.screw.sku, "十字螺丝", "M4×20", 0.05, 0.12]]  # row 3: the stored cost
    path = write_xlsx(tmp_path / "价目表.xlsx", price_list)
    events = AuditEvent.select().count()
    with pytest.raises(ImportFailed) as refused:
        import_products(zhang, path)
    assert refused.value.errors == {2: [HIDDEN]}
    assert f"第 2 行:{HIDDEN}" in str(refused.value)
    assert costs() == {"蓝莓": Decimal("8.3"), "十字螺丝": Decimal("0.05")}
    assert get_product(shop.blueberry.sku).price == Decimal("12.5") and AuditEvent.select().count() == events

    price_list[1][3] = "8.30"  # the stored cost sent back is no change: the prices go in
    result = import_products(zhang, write_xlsx(tmp_path / "价目表2.xlsx", price_list))
    assert (result.created, result.updated) == (0, 2)
    assert (get_product(shop.blueberry.sku).price, get_product(shop.screw.sku).price) == (Decimal(13), Decimal("0.12"))
    assert costs() == {"蓝莓": Decimal("8.3"), "十字螺丝": Decimal("0.05")}


def test_a_new_product_from_the_warehouse_starts_at_cost_zero(shop, zhang, tmp_path):
    with pytest.raises(ImportFailed) as refused:
        import_products(zhang, write_xlsx(tmp_path / "new.xlsx", [["名称", "进价", "售价"], ["草莓", 6, 15]]))
    assert refused.value.errors == {2: [HIDDEN]}
    result = import_products(zhang, write_xlsx(tmp_path / "new2.xlsx", [["名称", "进价", "售价"], ["草莓", 0, 15],
                                                                       ["荔枝", None, 20]]))
    assert result.created == 2
    assert costs()["草莓"] == 0 and costs()["荔枝"] == 0
    owner = import_products(shop.owner, write_xlsx(tmp_path / "owner.xlsx", [["名称", "进价"], ["龙眼", 11]]))
    assert owner.created == 1 and costs()["龙眼"] == Decimal(11)  # the owner sets cost as before


def test_the_cli_export_follows_the_user(shop, zhang, tmp_path, db_path):
    """Products without 进价 and the ledger without 单位成本 for 老张; the owner's 24 boxes came in at 8.30."""
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal(24), shop.supplier.id,
                                                             shop.store.id, lot_code="L1206", unit_cost=Decimal("8.3"))])
    parse = cli.build_parser().parse_args
    for what in ("products", "moves"):
        assert cli.run(parse(["--db", str(db_path), "--user", "laozhang", "export", what,
                              str(tmp_path / f"zhang-{what}.xlsx")])) == 0
        assert cli.run(parse(["--db", str(db_path), "export", what, str(tmp_path / f"owner-{what}.xlsx")])) == 0
    assert "进价" not in header_and_rows(tmp_path / "zhang-products.xlsx")[0]
    assert header_and_rows(tmp_path / "owner-products.xlsx")[1][shop.blueberry.sku]["进价"] == 8.3
    header, moves = header_and_rows(tmp_path / "zhang-moves.xlsx")
    assert "单位成本" not in header and [m["数量"] for m in moves.values()] == [24]
    header, moves = header_and_rows(tmp_path / "owner-moves.xlsx")
    assert [(m["数量"], m["单位成本"]) for m in moves.values()] == [(24, 8.3)]
