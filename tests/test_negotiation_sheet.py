"""退货谈判单 for 佳果源 over September – November (tests/test_reports_supplier_returns.py's shop):
blueberries 100 盒 in at 8.00 each month, 16 / 18 / 17 back as 品质不合格, and on 11-20 four more as
包装破损; the prices paid in the period from the price history. Every number worked out by hand."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest

from models import PurchasePrice
from services.core import shop_settings
from services.core.errors import PermissionDenied, ValidationError
from services.purchasing.purchase_returns import ReturnLineInput, return_to_supplier
from services.purchasing.supplier_products import save_supplier_product_clean
from services.reports.negotiation_sheet import negotiation_sheet, write_negotiation_sheet
from tests.purchase_docs import pdf_fonts, pdf_text
from tests.test_cli import xiaopu
from tests.test_reports_supplier_returns import ps  # noqa: F401  (the fixture)

D = Decimal
SEPTEMBER, NOVEMBER_END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)


@pytest.fixture
def fruit(ps):  # noqa: F811
    """ps plus: the price paid for blueberries 8.60 on 08-20 (before the period), 8.60 → 8.80 on 10-01,
    back to 8.00 on 11-05; on 11-20 four 盒 back as 包装破损 at the last price 8.00 = 32.00."""
    for day, price, source in ((dt.date(2026, 8, 20), "8.60", "CG0820"), (dt.date(2026, 10, 1), "8.80", "CG1001"),
                               (dt.date(2026, 11, 5), "8.00", "CG1105")):
        save_supplier_product_clean(ps.owner, ps.fruit.id, ps.blueberry.id, pack_size=None, last_price=D(price),
                                    supplier_sku=None, preferred=None, source=source, day=day)
    return_to_supplier(ps.owner, ps.fruit.id, [ReturnLineInput(ps.blueberry.id, 4)], "包装破损",
                       on=dt.date(2026, 11, 20))
    return ps


def test_a_suppliers_sheet_months_products_returns_reasons_and_prices(fruit):
    """November: 17 + 4 = 21 of 100 back (21.00%), 136.00 + 32.00 = 168.00 of 800.00. The three months:
    128 + 144 + 168 = 440.00 back. Reasons: 品质不合格 in 3 returns, 408.00; 包装破损 in 1, 32.00."""
    sheet = negotiation_sheet(fruit.owner, supplier="FRUIT", start=SEPTEMBER, end=NOVEMBER_END)
    assert (sheet.kind, sheet.code, sheet.name, sheet.contact) == ("supplier", "FRUIT", "佳果源水果批发", "阿强")
    assert [(m.month, m.received_qty, m.received_value, m.returned_value, m.rate) for m in sheet.months] == [
        ("2026-09", None, D("800.00"), D("128.00"), D("16.00")), ("2026-10", None, D("800.00"), D("144.00"), D("18.00")),
        ("2026-11", None, D("800.00"), D("168.00"), D("21.00"))]
    assert sheet.returned_value == D("440.00")
    [line] = sheet.lines  # its products: the blueberries only (城南's spinach is not on 佳果源's sheet)
    assert (line.code, line.flagged) == (fruit.blueberry.sku, True)
    assert [(m.received_qty, m.returned_qty, m.rate) for m in line.months] == [
        (D(100), D(16), D("16.00")), (D(100), D(18), D("18.00")), (D(100), D(21), D("21.00"))]
    assert [(r.day.isoformat(), r.quantity, r.value, r.reason) for r in sheet.returns] == [
        ("2026-09-12", D(16), D("128.00"), "品质不合格"), ("2026-10-12", D(18), D("144.00"), "品质不合格"),
        ("2026-11-12", D(17), D("136.00"), "品质不合格"), ("2026-11-20", D(4), D("32.00"), "包装破损")]
    assert [(r.reason, r.returns, r.value) for r in sheet.reasons] == [("品质不合格", 3, D("408.00")),
                                                                       ("包装破损", 1, D("32.00"))]
    assert [(p.day.isoformat(), p.price, p.source) for p in sheet.prices] == [
        ("2026-10-01", D("8.80"), "CG1001"), ("2026-11-05", D("8.00"), "CG1105")]  # 08-20 is before the period
    # the same 8.00 paid again on 11-12 is no new line; a new price is
    for day, price in ((dt.date(2026, 11, 12), "8.00"), (dt.date(2026, 11, 19), "8.20")):
        PurchasePrice.create(supplier=fruit.fruit.id, product=fruit.blueberry.id, price=D(price), day=day,
                             source=f"CG{day:%m%d}")
    again = negotiation_sheet(fruit.owner, supplier="FRUIT", start=SEPTEMBER, end=NOVEMBER_END)
    assert [p.source for p in again.prices] == ["CG1001", "CG1105", "CG1119"]


def test_a_products_sheet_has_its_suppliers_as_lines(fruit):
    sheet = negotiation_sheet(fruit.owner, product=fruit.blueberry.sku, start=SEPTEMBER, end=NOVEMBER_END)
    assert (sheet.kind, sheet.name, sheet.line_title) == ("product", "蓝莓", "供应商")
    assert [(m.received_qty, m.returned_qty, m.rate) for m in sheet.months] == [
        (D(100), D(16), D("16.00")), (D(100), D(18), D("18.00")), (D(100), D(21), D("21.00"))]
    assert [(ln.code, [m.rate for m in ln.months]) for ln in sheet.lines] == [
        ("FRUIT", [D("16.00"), D("18.00"), D("21.00")])]
    assert {r.code for r in sheet.returns} == {"FRUIT"}


def test_the_pdf_and_the_workbook_say_the_same(fruit, tmp_path):
    shop_settings.set_values(fruit.owner, {"shop.name": "鲜邻优选", "shop.phone": "0571-8888 6666"})
    pdf = tmp_path / "谈判单.pdf"
    write_negotiation_sheet(fruit.owner, pdf, supplier="FRUIT", start=SEPTEMBER, end=NOVEMBER_END)
    text = pdf_text(pdf)
    for expected in ("鲜邻优选", "退货谈判单", "FRUIT 佳果源水果批发", "2026-09-01 至 2026-11-30", "440.00", "21.00%",
                     "退 16 / 到 100 盒 · 16.00%", "连续 3 个月退货率超过 15%", "包装破损", "CG1001", "8.80"):
        assert expected in text, expected
    assert all(embedded and unicode for _, embedded, unicode in pdf_fonts(pdf))

    xlsx = tmp_path / "谈判单.xlsx"
    write_negotiation_sheet(fruit.owner, xlsx, supplier="FRUIT", start=SEPTEMBER, end=NOVEMBER_END)
    rows = [[c for c in row] for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)]
    assert rows[0][0] == "鲜邻优选 退货谈判单 FRUIT 佳果源水果批发"
    assert ["2026-11", None, None, 800, 168, 21] in [list(r[:6]) for r in rows]
    product_row = next(r for r in rows if r[0] == fruit.blueberry.sku)
    assert list(product_row[3:12]) == [100, 16, 16, 100, 18, 18, 100, 21, 21] and "连续超标" in product_row[1]
    assert ["包装破损", 1, 32] in [list(r[:3]) for r in rows]


def test_a_reason_that_looks_like_a_formula_stays_text(fruit, tmp_path):
    return_to_supplier(fruit.owner, fruit.fruit.id, [ReturnLineInput(fruit.blueberry.id, 1)], "=HYPERLINK(\"x\")",
                       on=dt.date(2026, 11, 21))
    xlsx = tmp_path / "s.xlsx"
    write_negotiation_sheet(fruit.owner, xlsx, supplier="FRUIT", start=SEPTEMBER, end=NOVEMBER_END)
    sheet = openpyxl.load_workbook(xlsx).active
    found = [c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(\"x\")"]
    assert found and all(c.data_type == "s" and c.quotePrefix for c in found)


def test_refusals_are_said(fruit, tmp_path):
    with pytest.raises(PermissionDenied):
        negotiation_sheet(fruit.cashier, supplier="FRUIT")
    with pytest.raises(ValidationError, match="一个供应商或一个商品"):
        negotiation_sheet(fruit.owner)
    with pytest.raises(ValidationError, match=r"\.pdf 或 \.xlsx"):
        write_negotiation_sheet(fruit.owner, tmp_path / "s.docx", supplier="FRUIT")
    assert not (tmp_path / "s.docx").exists()


def test_the_sheet_from_the_command_line(fruit, db_path, tmp_path):
    pdf, xlsx = tmp_path / "fruit.pdf", tmp_path / "blueberry.xlsx"
    done = xiaopu("report", "supplier-returns", "--from", "2026-09-01", "--to", "2026-11-30", "--supplier", "FRUIT",
                  "--pdf", str(pdf), db=db_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(pdf) and "440.00" in pdf_text(pdf)
    done = xiaopu("report", "supplier-returns", "--product", fruit.blueberry.sku, "--xlsx", str(xlsx), "--json",
                  db=db_path)
    assert json.loads(done.stdout) == {"written": [str(xlsx)]}
    assert openpyxl.load_workbook(xlsx).active["A1"].value.endswith(f"退货谈判单 {fruit.blueberry.sku} 蓝莓")
    refused = xiaopu("report", "supplier-returns", "--pdf", str(pdf), db=db_path)
    assert refused.returncode != 0 and "一个供应商或一个商品" in refused.stderr + refused.stdout
