"""The shop's own fields in Excel and in search (issue 17): 鲜邻's owner exports his products with 产地,
社群专属价, 上架日期, 冷链 and 等级 as columns, edits them in Excel and imports the file back; a bad
value refuses the whole file naming its row and field; 云南 finds the blueberries by 产地; customers
and suppliers have their own columns too."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from models import AuditEvent, Product
from models.custom_fields import CustomFieldValue
from services.catalog import products
from services.core import custom_fields as cf
from services.exports.customers import export_customers
from services.exports.products import export_products
from services.exports.suppliers import export_suppliers
from services.imports.customer_import import import_customers
from services.imports.excel_import import import_products
from services.imports.excel_table import ImportFailed
from services.imports.supplier_import import import_suppliers
from services.purchasing import suppliers
from services.sales import customers

PRODUCT_FIELDS = (("产地", "text", ()), ("保质提醒天数", "number", ()), ("社群专属价", "money", ()),
                  ("上架日期", "date", ()), ("冷链", "bool", ()), ("等级", "choice", ("一级", "二级")))


@pytest.fixture
def fields(shop):
    made = {name: cf.add_field(shop.owner, "product", name, kind, choices) for name, kind, choices in PRODUCT_FIELDS}
    cf.set_values(shop.owner, "product", shop.blueberry.id, {"产地": "云南", "保质提醒天数": "2", "社群专属价": "11.8",
                                                            "上架日期": "2026-12-01", "冷链": "是", "等级": "一级"})
    return made


def rows_of(path) -> tuple[list, list[list]]:
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    return rows[0], rows[1:]


def custom_of(product: Product) -> dict[str, str]:
    stored = cf.values_of("product", [product.id]).get(product.id, {})
    return {f.name: cf.display_value(f, stored.get(f.id)) for f in cf.fields_of("product") if f.id in stored}


def test_export_edit_in_excel_and_import_back(shop, fields, tmp_path):
    path = tmp_path / "商品.xlsx"
    export_products(path)
    header, rows = rows_of(path)
    assert header[-6:] == ["产地", "保质提醒天数", "社群专属价", "上架日期", "冷链", "等级"]
    blueberry = next(r for r in rows if r[header.index("名称")] == "蓝莓")
    assert blueberry[-6:] == ["云南", 2, 11.8, dt.datetime(2026, 12, 1), "是", "一级"]  # numbers and a day, summable
    screw = next(r for r in rows if r[header.index("名称")] == "十字螺丝")
    assert screw[-6:] == [None] * 6

    # re-imported unchanged: nothing to do, nothing audited
    audited = AuditEvent.select().count()
    result = import_products(shop.owner, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert AuditEvent.select().count() == audited

    # the owner edits in Excel: the screws come from 浙江, the blueberries go 二级 at ¥10.5, and a new product
    book = openpyxl.load_workbook(path)
    sheet = book.active
    col = {name: header.index(name) + 1 for name in header}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, col["名称"]).value == "蓝莓":
            sheet.cell(row, col["等级"]).value = "二级"
            sheet.cell(row, col["社群专属价"]).value = 10.5
        else:
            sheet.cell(row, col["产地"]).value = "浙江"
            sheet.cell(row, col["冷链"]).value = "否"
    new_row = sheet.max_row + 1
    sheet.cell(new_row, col["名称"]).value = "草莓"
    sheet.cell(new_row, col["单位"]).value = "盒"
    sheet.cell(new_row, col["产地"]).value = "丹东"
    sheet.cell(new_row, col["上架日期"]).value = dt.date(2026, 12, 6)
    book.save(path)
    result = import_products(shop.owner, path)
    assert (result.created, result.updated, result.unchanged) == (1, 2, 0)  # the two by their own fields only

    assert custom_of(shop.blueberry) == {"产地": "云南", "保质提醒天数": "2", "社群专属价": "10.50",
                                         "上架日期": "2026-12-01", "冷链": "是", "等级": "二级"}
    assert custom_of(shop.screw) == {"产地": "浙江", "冷链": "否"}
    strawberry = Product.get(Product.name == "草莓")
    assert custom_of(strawberry) == {"产地": "丹东", "上架日期": "2026-12-06"}
    event = (AuditEvent.select().where((AuditEvent.action == "product.custom_fields")
                                       & (AuditEvent.entity_id == str(shop.blueberry.id)))
             .order_by(AuditEvent.id.desc()).first())
    assert json.loads(event.old) == {"社群专属价": "11.80", "等级": "一级"}
    assert json.loads(event.new) == {"社群专属价": "10.50", "等级": "二级"}


def test_a_bad_value_refuses_the_file_naming_row_and_field(shop, fields, tmp_path):
    path = tmp_path / "商品.xlsx"
    export_products(path)
    header, _ = rows_of(path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    col = {name: header.index(name) + 1 for name in header}
    sheet.cell(2, col["产地"]).value = "四川"  # a good change on row 2 …
    sheet.cell(3, col["等级"]).value = "特级"  # … and a bad one on row 3
    sheet.cell(3, col["售价"]).value = 9.9
    book.save(path)
    before = list(CustomFieldValue.select().tuples())
    price = Product.get_by_id(shop.screw.id).price
    with pytest.raises(ImportFailed) as refused:
        import_products(shop.owner, path)
    assert refused.value.errors == {3: ["等级只能是 一级、二级 之一:特级"]}
    assert "第 3 行" in str(refused.value)
    assert list(CustomFieldValue.select().tuples()) == before  # 四川 was not written either
    assert Product.get_by_id(shop.screw.id).price == price


def test_search_finds_the_blueberries_by_their_origin(shop, fields):
    assert [p.name for p in products.search_products("云南")] == ["蓝莓"]
    assert products.count_products("云南") == 1
    assert [p.name for p in products.search_products("一级")] == ["蓝莓"]  # a choice is searched too
    assert products.search_products("11.8") == []  # a price is no word to search for
    cf.remove_field(shop.owner, fields["产地"].id)
    assert products.search_products("云南") == []  # a removed field is not searched


def test_customers_and_suppliers_have_their_own_columns(shop, tmp_path):
    owner = shop.owner
    cf.add_field(owner, "customer", "社群", "choice", ["一群", "二群"])
    cf.add_field(owner, "supplier", "谁负责这个供应商", "text")
    aunt = customers.save_customer(owner, customers.CustomerInput(name="王阿姨", phone="13800138000"))
    cf.set_values(owner, "customer", aunt.id, {"社群": "二群"})
    farm = suppliers.save_supplier(owner, suppliers.SupplierInput(name="云南果园", code="GYS-YN"))
    cf.set_values(owner, "supplier", farm.id, {"谁负责这个供应商": "小李"})
    assert [c.name for c in customers.list_customers("二群")] == ["王阿姨"]
    assert [s.name for s in suppliers.list_suppliers("小李")] == ["云南果园"]

    path = tmp_path / "客户.xlsx"
    export_customers(path)
    header, rows = rows_of(path)
    assert header[-1] == "社群" and next(r for r in rows if r[1] == "王阿姨")[-1] == "二群"
    book = openpyxl.load_workbook(path)
    book.active.cell(next(i for i, r in enumerate(rows, 2) if r[1] == "王阿姨"), len(header)).value = "一群"
    book.save(path)
    assert import_customers(owner, path).updated == 1
    assert cf.values_of("customer", [aunt.id])[aunt.id] == {cf.field_by_ref("customer", "社群").id: "一群"}

    path = tmp_path / "供应商.xlsx"
    export_suppliers(path)
    header, rows = rows_of(path)
    assert header[-1] == "谁负责这个供应商" and rows[0][-1] == "小李" and len(rows[0]) == len(header)
    book = openpyxl.load_workbook(path)
    book.active.cell(2, len(header)).value = "小王"
    book.save(path)
    assert import_suppliers(owner, path).updated == 1
    assert list(cf.values_of("supplier", [farm.id])[farm.id].values()) == ["小王"]


def test_a_supplier_on_two_rows_must_say_the_same(shop, tmp_path):
    cf.add_field(shop.owner, "supplier", "谁负责这个供应商", "text")
    path = tmp_path / "供应商.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["供应商编码", "供应商名称", "SKU编码", "谁负责这个供应商"])
    book.active.append(["GYS-YN", "云南果园", shop.blueberry.sku, "小李"])
    book.active.append(["GYS-YN", "云南果园", shop.screw.sku, "小王"])
    book.save(path)
    with pytest.raises(ImportFailed) as refused:
        import_suppliers(shop.owner, path)
    assert refused.value.errors == {3: ["谁负责这个供应商与第 2 行不一致(“小王” ≠ “小李”)"]}
    assert CustomFieldValue.select().count() == 0
