"""BOMs by Excel: the workshop's three-level fruit platter sheet imported (and exploded to the hand-computed
figures), exported and imported again unchanged, bad rows (unknown SKU, bad unit, scrap 100, cycles inside
the file and with a stored BOM) named at their Excel rows with nothing saved, and the CLI."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from models import AuditEvent, Product, database
from models.bom import Bom, BomLine
from services.catalog import products
from services.core import users
from services.core.errors import PermissionDenied, ValidationError
from services.exports.boms import export_boms, export_rows
from services.imports.bom_import import import_boms, parse_scrap
from services.imports.excel_table import ImportFailed
from services.production import bom
from services.production.bom_explode import explode
from tests.conftest import D
from tests.test_cli import xiaopu
from tests.xlsx_files import column_of, read_rows, write_xlsx

HEADER = ["父项SKU", "父项名称", "子项SKU", "子项名称", "用量", "单位", "损耗率%", "副产品", "工序"]


def fruit_products(owner) -> dict[str, Product]:
    """The platter's products, no BOMs yet: 西瓜 has a barcode, 盒子 comes in 包 of 50."""
    def make(name, sku, unit, cost, units=(), barcodes=()):
        return products.save_product(owner, products.ProductInput(
            name=name, sku=sku, base_unit=unit, cost=cost, units=list(units), barcodes=list(barcodes)))

    return {"XG": make("西瓜", "XG", "kg", "3", barcodes=[("6901234567892", "")]),
            "HMG": make("哈密瓜", "HMG", "kg", "6"), "HZ": make("盒子", "HZ", "个", "0.5", units=[("包", "50")]),
            "XGP": make("西瓜皮", "XGP", "kg", "0"), "GQB": make("果切半成品", "GQB", "kg", "99"),
            "GQP": make("果切拼盘", "GQP", "份", "0")}


def platter_sheet(tmp_path, name="bom.xlsx"):
    """As the workshop types it: a title above the header, columns in their own order, a barcode for 西瓜,
    scrap as 10% and as 10, the box in 包, a by-product, steps on the second row of 半成品."""
    return write_xlsx(tmp_path / name, [
        ["果切车间 物料清单 2026-11"],
        [],
        ["子项SKU", "父项SKU", "用量", "损耗率%", "单位", "副产品", "工序", "备注"],
        ["GQB", "GQP", 0.5, None, None, None, "装盒,贴标", "半成品"],
        ["HZ", "GQP", 0.02, None, "包", None, None, None],
        ["6901234567892", "GQB", 0.7, "10%", None, None, None, "西瓜 by barcode"],
        ["HMG", "GQB", "0.4", 10, "kg", "否", "切配、装配", None],
        ["XGP", "GQB", 0.2, None, None, "是", None, None],
    ])


def counts() -> tuple[int, int, int]:
    return Bom.select().count(), BomLine.select().count(), AuditEvent.select().count()


def errors_by_row(failure: ImportFailed) -> dict[int, str]:
    path = failure.errors_file
    col = column_of(path, "错误")
    header = next(n for n, values in read_rows(path).items() if "错误" in values)
    return {n: values[col] for n, values in read_rows(path).items()
            if n > header and len(values) > col and values[col]}


def lines_of(sku: str) -> list[tuple]:
    active = bom.active_bom(Product.get(Product.sku == sku).id)
    return [(ln.component.sku, ln.quantity, ln.unit, ln.factor, ln.scrap_percent, ln.by_product)
            for ln in active.lines.order_by(BomLine.position)]


def test_a_three_level_platter_sheet_is_imported_and_explodes_to_the_hand_figures(owner, tmp_path):
    fruit_products(owner)
    result = import_boms(owner, platter_sheet(tmp_path))
    assert (result.saved, result.lines, result.unchanged) == (2, 5, 0)
    assert result.message == "已导入 2 个物料清单(各为新的启用版本),共 5 行"
    assert lines_of("GQP") == [("GQB", D("0.5"), "kg", D("1"), D("0"), False),
                               ("HZ", D("0.02"), "包", D("50"), D("0"), False)]
    assert lines_of("GQB") == [("XG", D("0.7"), "kg", D("1"), D("10"), False),
                               ("HMG", D("0.4"), "kg", D("1"), D("10"), False),
                               ("XGP", D("0.2"), "kg", D("1"), D("0"), True)]
    assert bom.step_names(bom.active_bom(Product.get(Product.sku == "GQB").id)) == ["切配", "装配"]
    assert bom.step_names(bom.active_bom(Product.get(Product.sku == "GQP").id)) == ["装盒", "贴标"]
    # the same tree as tests/test_bom.py's platter: 西瓜 0.7 × 5 ÷ 0.9 = 3.889, 盒子 0.02 包 × 50 × 10 = 10 个
    tree = [(r.level, r.sku, r.quantity) for r in explode("GQP", D("10")).tree]
    assert tree == [(0, "GQP", D("10.000")), (1, "GQB", D("5.000")), (2, "XG", D("3.889")), (2, "HMG", D("2.223")),
                    (2, "XGP", D("1.000")), (1, "HZ", D("10.000"))]
    assert explode("GQP", D("1")).standard_cost == D("3.0000")


def test_each_import_is_a_new_active_version_and_the_old_one_stays(owner, tmp_path):
    p = fruit_products(owner)
    bom.save_bom(owner, p["GQB"].id, [bom.BomLineInput(p["XG"].id, "1")], steps=["切配"])
    import_boms(owner, platter_sheet(tmp_path))
    assert [(b.version, b.active) for b in bom.versions(p["GQB"].id)] == [(1, False), (2, True)]
    assert bom.active_bom(p["GQB"].id).note == "Excel 导入:bom.xlsx"


def test_export_imports_again_unchanged(owner, tmp_path):
    p = fruit_products(owner)
    sneaky = products.save_product(owner, products.ProductInput(name='=HYPERLINK("http://x")', sku="0012",
                                                                base_unit="个"))
    import_boms(owner, platter_sheet(tmp_path))
    bom.save_bom(owner, p["HZ"].id, [bom.BomLineInput(sneaky.id, "1")])  # a third BOM, not from the file
    out = tmp_path / "out.xlsx"
    assert export_boms(out) == 6
    sheet = openpyxl.load_workbook(out).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0] == (*HEADER, "版本")
    assert rows[1:] == [
        ("GQB", "果切半成品", "XG", "西瓜", 0.7, "kg", 10, "否", "切配,装配", 1),
        ("GQB", "果切半成品", "HMG", "哈密瓜", 0.4, "kg", 10, "否", None, 1),
        ("GQB", "果切半成品", "XGP", "西瓜皮", 0.2, "kg", 0, "是", None, 1),
        ("GQP", "果切拼盘", "GQB", "果切半成品", 0.5, "kg", 0, "否", "装盒,贴标", 1),
        ("GQP", "果切拼盘", "HZ", "盒子", 0.02, "包", 0, "否", None, 1),
        ("HZ", "盒子", "0012", '=HYPERLINK("http://x")', 1, "个", 0, "否", None, 1)]
    injected = sheet.cell(row=7, column=4)
    assert injected.data_type == "s" and injected.quotePrefix  # text, never a live formula
    assert sheet.cell(row=7, column=3).data_type == "s"  # SKU 0012 stays text
    before = counts()
    again = import_boms(owner, out)
    assert (again.saved, again.unchanged) == (0, 3) and "3 个没有变化" in again.message
    assert counts() == before
    # one changed cell: only that parent gets a new version, with the others' lines as they were
    wb = openpyxl.load_workbook(out)
    wb.active.cell(row=6, column=5).value = 0.03
    wb.save(out)
    changed = import_boms(owner, out)
    assert (changed.saved, changed.lines, changed.unchanged) == (1, 2, 2)
    assert bom.active_bom(p["GQP"].id).version == 2 and lines_of("GQP")[1][1] == D("0.03")
    assert bom.active_bom(p["GQB"].id).version == 1


def test_export_of_chosen_products_and_refusals(owner, tmp_path):
    p = fruit_products(owner)
    import_boms(owner, platter_sheet(tmp_path))
    assert [(r.parent_sku, r.component_sku) for r in export_rows(["GQP"])] == [("GQP", "GQB"), ("GQP", "HZ")]
    assert export_boms(tmp_path / "one.xlsx", ["GQB", "GQB"]) == 3
    with pytest.raises(ValidationError, match="西瓜 没有启用的物料清单"):
        export_rows(["6901234567892"])  # a barcode names the product too
    with pytest.raises(Exception, match="找不到商品:NOPE"):
        export_rows(["NOPE"])
    assert bom.active_bom(p["XG"].id) is None


def test_bad_rows_are_named_at_their_excel_rows_and_nothing_is_saved(owner, tmp_path):
    fruit_products(owner)
    path = write_xlsx(tmp_path / "bad.xlsx", [
        ["物料清单"],
        HEADER,
        ["GQP", None, "GQB", None, 0.5, None, None, None, None],  # 3 fine
        ["GQP", None, "NOPE", None, 1, None, None, None, None],  # 4 unknown SKU
        ["GQB", None, "HZ", None, 1, "箱", None, None, None],  # 5 unit not of 盒子
        ["GQB", None, "XG", None, 0.7, None, 100, None, None],  # 6 scrap 100
        ["GQB", None, "HMG", None, 0, None, "-1", "也许", None],  # 7 zero qty, negative scrap, bad flag
        ["GQB", None, "GQB", None, 1, None, None, None, None],  # 8 itself
        ["GQP", None, "GQB", None, "1,5 kg", None, None, None, None],  # 9 a comma typed for the point
        ["GQP", None, "HZ", None, "=1/50", None, None, None, None],  # 10 formula
        [None, None, "HZ", None, 1, None, None, None, None],  # 11 no parent
        ["GQB", None, "HZ", None, 1, None, None, None, "切配"],  # 12 fine
        ["GQB", None, "XGP", None, 1, None, None, "是", "切配,包装"],  # 13 other steps
    ])
    before = counts()
    with pytest.raises(ImportFailed) as err:
        import_boms(owner, path)
    assert counts() == before
    errors = errors_by_row(err.value)
    assert set(errors) == {4, 5, 6, 7, 8, 9, 10, 11, 13}
    assert errors[4] == "找不到商品:NOPE"
    assert errors[5] == "单位“箱”不属于商品 盒子"
    assert "损耗率%必须在 0 到 100 之间(不含 100):100" in errors[6]
    assert "用量必须大于 0" in errors[7] and "损耗率%不能为负数" in errors[7] and "副产品“也许”请填 是 或 否" in errors[7]
    assert errors[8] == "果切半成品 不能用作自己的子项"
    assert errors[9].startswith("用量“1,5 kg”看不懂:逗号只用来分千位")
    assert "含公式" in errors[10]
    assert errors[11] == "父项SKU不能为空"
    assert "工序与第 12 行不一致" in errors[13]
    assert err.value.errors_file.name == "bad.errors.xlsx"
    assert "第 4 行:找不到商品:NOPE" in str(err.value)


def test_the_same_component_twice_is_refused_not_summed(owner, tmp_path):
    fruit_products(owner)
    path = write_xlsx(tmp_path / "twice.xlsx", [HEADER, ["GQB", None, "XG", None, 0.5], ["GQB", None, "HMG", None, 1],
                                                ["GQB", None, "6901234567892", None, 0.2]])
    with pytest.raises(ImportFailed) as err:
        import_boms(owner, path)
    assert errors_by_row(err.value) == {4: "与第 2 行重复:GQB 的子项 XG"}
    assert Bom.select().count() == 0


def test_a_cycle_inside_the_file_is_refused_on_both_rows(owner, tmp_path):
    fruit_products(owner)
    path = write_xlsx(tmp_path / "cycle.xlsx", [
        HEADER,
        ["GQP", None, "GQB", None, 0.5],
        ["GQP", None, "HZ", None, 1],
        ["GQB", None, "XG", None, 0.7],
        ["GQB", None, "GQP", None, 0.1],  # 半成品 made of 拼盘 made of 半成品
        ["XGP", None, "GQB", None, 1, None, None, "是"],  # a by-product is made, not consumed: no cycle
    ])
    with pytest.raises(ImportFailed) as err:
        import_boms(owner, path)
    assert errors_by_row(err.value) == {2: "物料清单循环:果切拼盘 → 果切半成品 → 果切拼盘",
                                        5: "物料清单循环:果切半成品 → 果切拼盘 → 果切半成品"}
    assert Bom.select().count() == 0


def test_a_cycle_through_a_stored_active_bom_is_refused(owner, tmp_path):
    p = fruit_products(owner)
    bom.save_bom(owner, p["HMG"].id, [bom.BomLineInput(p["GQP"].id, "1")])  # stored: 哈密瓜 ← 拼盘
    before = counts()
    path = write_xlsx(tmp_path / "cycle.xlsx", [
        HEADER, ["GQP", None, "GQB", None, 0.5], ["GQB", None, "HMG", None, 0.4]])
    with pytest.raises(ImportFailed) as err:
        import_boms(owner, path)
    assert errors_by_row(err.value) == {2: "物料清单循环:果切拼盘 → 果切半成品 → 哈密瓜 → 果切拼盘",
                                        3: "物料清单循环:果切半成品 → 哈密瓜 → 果切拼盘 → 果切半成品"}
    assert counts() == before


def test_a_file_that_replaces_the_bom_closing_a_stored_cycle_is_saved_in_order(owner, tmp_path):
    """Stored: 半成品 ← 拼盘 would be a cycle with the file's 拼盘 ← 半成品, but the file also gives
    半成品 a new version without 拼盘; saved children first, each save's own cycle check passes."""
    p = fruit_products(owner)
    bom.save_bom(owner, p["GQB"].id, [bom.BomLineInput(p["GQP"].id, "1")])
    path = write_xlsx(tmp_path / "fix.xlsx", [
        HEADER, ["GQP", None, "GQB", None, 0.5], ["GQB", None, "XG", None, 0.7]])
    result = import_boms(owner, path)
    assert (result.saved, result.lines) == (2, 2)
    assert lines_of("GQB")[0][0] == "XG" and lines_of("GQP")[0][0] == "GQB"


def test_without_a_steps_column_the_active_steps_stay(owner, tmp_path):
    p = fruit_products(owner)
    bom.save_bom(owner, p["GQB"].id, [bom.BomLineInput(p["XG"].id, "1")], steps=["切配", "装配"])
    path = write_xlsx(tmp_path / "nosteps.xlsx", [["父项SKU", "子项SKU", "用量"], ["GQB", "XG", 0.8]])
    assert import_boms(owner, path).saved == 1
    assert bom.step_names(bom.active_bom(p["GQB"].id)) == ["切配", "装配"]
    blank = write_xlsx(tmp_path / "blank.xlsx", [["父项SKU", "子项SKU", "用量", "工序"], ["GQB", "XG", 0.8, None]])
    assert import_boms(owner, blank).saved == 1
    assert bom.step_names(bom.active_bom(p["GQB"].id)) == []


@pytest.mark.parametrize("typed, percent", [
    (None, "0"), ("", "0"), (10, "10"), ("10", "10"), ("10%", "10"), ("１０％", "10"), (0.1, "0.1"), ("2.5", "2.5")])
def test_scrap_is_read_as_percent_points(typed, percent):
    assert parse_scrap(typed, "损耗率%") == Decimal(percent)


def test_a_cell_excel_formats_as_a_percentage_is_read_as_shown(owner, tmp_path):
    fruit_products(owner)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["父项SKU", "子项SKU", "用量", "损耗率%"])
    ws.append(["GQB", "XG", 0.7, 0.1])  # shows 10%
    ws.append(["GQB", "HMG", 0.4, 0.1])  # shows 0.1
    ws["D2"].number_format = "0%"
    wb.save(tmp_path / "percent.xlsx")
    import_boms(owner, tmp_path / "percent.xlsx")
    assert [line[4] for line in lines_of("GQB")] == [D("10"), D("0.1")]


def test_a_cashier_cannot_import_boms(owner, tmp_path):
    fruit_products(owner)
    cashier = users.create_user(owner, "xiaomei", "cashier")
    with pytest.raises(PermissionDenied):
        import_boms(cashier, platter_sheet(tmp_path))
    assert Bom.select().count() == 0


def test_cli_bom_import_and_export(owner, db_path, tmp_path):
    fruit_products(owner)
    database.close()  # the CLI opens the file in its own process, as a second session would
    db = db_path
    bad = write_xlsx(tmp_path / "bad.xlsx", [HEADER, ["GQP", None, "GQB", None, 0.5], ["GQB", None, "NOPE", None, 1]])
    refused = xiaopu("production", "bom-import", str(bad), db=db)
    assert refused.returncode == 1 and "第 3 行:找不到商品:NOPE" in refused.stderr
    assert (tmp_path / "bad.errors.xlsx").is_file()
    done = xiaopu("production", "bom-import", str(platter_sheet(tmp_path)), db=db)
    assert done.returncode == 0, done.stderr
    assert "已导入 2 个物料清单" in done.stdout
    out = tmp_path / "out.xlsx"
    exported = xiaopu("production", "bom-export", str(out), "--sku", "GQP", db=db)
    assert exported.returncode == 0 and f"已导出 2 行物料清单:{out}" in exported.stdout
    assert [r[:3] for n, r in read_rows(out).items() if n > 1] == [("GQP", "果切拼盘", "GQB"), ("GQP", "果切拼盘", "HZ")]
    everything = xiaopu("production", "bom-export", str(out), db=db)
    assert everything.returncode == 0 and "已导出 5 行" in everything.stdout
    again = xiaopu("production", "bom-import", str(out), db=db)
    assert again.returncode == 0 and "2 个没有变化" in again.stdout
    missing = xiaopu("production", "bom-export", str(out), "--sku", "XG", db=db)
    assert missing.returncode == 1 and "西瓜 没有启用的物料清单" in missing.stderr
