"""Hostile text at 鲜邻优选: a SKU pasted from a chat with a zero-width space behind it, a name of
nothing but invisible characters, a barcode longer than any GS1 symbol. Text is cleaned once
(NFKC, invisible characters dropped, trimmed) wherever master data is stored."""
from __future__ import annotations

from decimal import Decimal

import pytest
from xlsx_files import column_of, read_rows, write_xlsx

from models import Barcode, Document, Location, Product
from services.catalog import locations, products
from services.core.errors import ValidationError
from services.core.text_clean import clean_line, clean_text
from services.imports.excel_import import ImportFailed, import_products
from services.purchasing import suppliers
from services.sales import customers

ZWSP, ZWJ, BOM, RLO = "\u200b", "\u200d", "\ufeff", "\u202e"


def test_the_cleaner_drops_what_nobody_can_see():
    assert clean_line(f" U1{ZWSP}") == "U1"
    assert clean_line(f"{ZWSP}{ZWJ}{BOM}") == ""
    assert clean_line("ＡＢＣ１２３") == "ABC123"  # full-width from a Chinese input method
    assert clean_line("蓝莓\x00\x07 125g\t盒\n") == "蓝莓 125g 盒"
    assert clean_line(f"{RLO}草莓") == "草莓"  # a bidi override would show the name reversed
    assert clean_text("第一行\r\n第二行\x1b[31m") == "第一行\n第二行[31m"  # a note keeps its lines
    assert clean_line(None) == "" and clean_line(12) == "12"


def test_u1_and_u1_with_a_zero_width_space_are_one_sku(db):
    first = products.save_product(db, products.ProductInput(name="苹果", sku="U1"))
    with pytest.raises(ValidationError, match="U1"):
        products.save_product(db, products.ProductInput(name="红富士", sku=f"U1{ZWSP}"))
    assert products.get_product(f"U1{ZWSP}").id == first.id  # a scan with the same junk finds it
    assert Product.select().count() == 1


def test_a_name_of_only_invisible_characters_is_empty(db):
    with pytest.raises(ValidationError, match="名称不能为空"):
        products.save_product(db, products.ProductInput(name=f"{ZWSP}{ZWJ} {BOM}"))
    with pytest.raises(ValidationError, match="客户名称不能为空"):
        customers.save_customer(db, customers.CustomerInput(name=ZWSP * 3))
    with pytest.raises(ValidationError, match="供应商名称不能为空"):
        suppliers.save_supplier(db, suppliers.SupplierInput(name=f"\x00{ZWSP}"))
    with pytest.raises(ValidationError, match="库位名称不能为空"):
        locations.create_location(db, "B9", ZWSP, "shelf")
    assert Product.select().count() == 0 and not Location.select().where(Location.code == "B9").exists()


def test_master_data_is_stored_clean(db):
    p = products.save_product(db, products.ProductInput(
        name=f"蓝莓{ZWSP}", spec="１２５ｇ", category="\u3000水果 ", base_unit=f"盒{BOM}", shelf=f"A1{ZWSP}",
        units=[(f"箱{ZWJ}", "12")], barcodes=[(f"6901234567892{ZWSP}", f"箱{ZWSP}")]))
    p = Product.get_by_id(p.id)
    assert (p.name, p.spec, p.category, p.base_unit, p.shelf.code) == ("蓝莓", "125g", "水果", "盒", "A1")
    assert [u.name for u in p.units] == ["箱"] and [b.code for b in p.barcodes] == ["6901234567892"]
    c = customers.save_customer(db, customers.CustomerInput(
        name=f"五金王{ZWSP}", code="C7\x00", phone="138 0013 8000\u200b", address=f"{RLO}幸福路 1 号",
        note="周一送货\r\n先打电话\x07"))
    assert (c.name, c.code, c.phone, c.address, c.note) == ("五金王", "C7", "138 0013 8000", "幸福路 1 号",
                                                             "周一送货\n先打电话")
    s = suppliers.save_supplier(db, suppliers.SupplierInput(name="\ufeff青青农场", contact=f"王{ZWSP}姐"))
    assert (s.name, s.contact) == ("青青农场", "王姐")
    loc = locations.create_location(db, f"B2{ZWSP}", f"冷柜{ZWJ}", "shelf")
    assert (loc.code, loc.name) == ("B2", "冷柜") and locations.get_location(f"B2{BOM}").id == loc.id


@pytest.mark.parametrize("code", ["690123456789012", "1" * 20, "A" * 49])
def test_a_barcode_is_at_most_what_gs1_allows(db, code):
    with pytest.raises(ValidationError, match="条码 .* 太长"):
        products.save_product(db, products.ProductInput(name="长码", barcodes=[(code, "")]))
    assert Barcode.select().count() == 0


def test_the_longest_gs1_codes_are_accepted(db):
    p = products.save_product(db, products.ProductInput(
        name="整箱", barcodes=[("12345678901231", ""), ("X" * 48, "")]))  # GTIN-14 and a 48-character code
    assert sorted(b.code for b in p.barcodes) == sorted(["12345678901231", "X" * 48])


def test_an_import_with_u1_twice_one_with_a_zero_width_space_marks_both_rows(db, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", [["SKU编码", "名称"], ["U1", "苹果"], [f"U1{ZWSP}", "红富士"]])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors_file = tmp_path / "p.errors.xlsx"
    col = column_of(errors_file, "错误")
    rows = read_rows(errors_file)
    assert "重复" in rows[2][col] and "重复" in rows[3][col]
    assert Product.select().count() == 0


def test_user_names_are_cleaned_too(db):
    from services.core import users

    with pytest.raises(ValidationError, match="用户名不能为空"):
        users.create_user(db, ZWSP + BOM, "cashier")
    clerk = users.create_user(db, f"xiaomei{ZWSP}", "cashier", display_name=f"小美{ZWJ}")
    assert (clerk.username, clerk.display_name) == ("xiaomei", "小美")
    assert users.get_user(f" xiaomei{BOM}").id == clerk.id
    with pytest.raises(ValidationError, match="xiaomei"):
        users.create_user(db, "xiaomei", "cashier")


def test_a_reversal_reason_of_zero_width_spaces_is_no_reason(shop):
    from services.stock import ledger, reversal

    receipt = ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.screw.id, Decimal(5), shop.supplier.id,
                                                                       shop.store.id)])
    with pytest.raises(ValidationError, match="冲销原因不能为空"):
        reversal.reverse_document(shop.owner, receipt.number, ZWSP * 2)
    mirror = reversal.reverse_document(shop.owner, receipt.number, f"多收了{ZWSP}一次\x07")
    assert mirror.number and "多收了一次" in Document.get(Document.number == mirror.number).note


def test_a_lot_code_scanned_with_a_zero_width_space_is_the_same_lot(shop):
    from purchase_shop import purchase_shop

    from services.purchasing import purchase_approval, purchase_orders
    from services.purchasing import receiving as rc

    ps = purchase_shop(shop)
    order = purchase_orders.create_draft(ps.owner, ps.veg.id, [purchase_orders.OrderLineInput(ps.spinach.id, "20")])
    order = purchase_approval.submit(ps.owner, order.number)
    receipt = rc.start_receipt(ps.warehouse, order.number)
    rc.add_quantity(ps.warehouse, receipt.number, ps.spinach.id, "5", lot_code="L1")
    rc.add_quantity(ps.warehouse, receipt.number, ps.spinach.id, "5", lot_code=f"L1{ZWSP}")
    lots = [(r.lot_code, r.quantity) for r in rc.receipt_lines(receipt.number) if r.product_id == ps.spinach.id]
    assert lots == [("L1", Decimal(10))]
