"""Suppliers: what 李姐 keeps about the people who deliver, and when they can deliver."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from purchase_shop import SATURDAY, purchase_shop
from xlsx_files import column_of, read_rows, write_xlsx

from models import AuditEvent
from models.purchasing import PurchasePrice, Supplier, SupplierProduct
from services.core import clock
from services.core.errors import PermissionDenied, ValidationError
from services.exports.suppliers import export_suppliers
from services.imports.excel_table import ImportFailed
from services.imports.supplier_import import import_suppliers
from services.purchasing import delivery_calendar, purchase_approval, supplier_products, suppliers, weekdays
from services.purchasing import purchase_orders as po
from services.purchasing.suppliers import SupplierInput


@pytest.fixture
def ps(shop):
    """The shop's suppliers and typed prices, set up on the Friday before the orders of SATURDAY."""
    with clock.clock_at(dt.datetime.combine(SATURDAY - dt.timedelta(days=1), dt.time(9))):
        return purchase_shop(shop)


# -- the supplier form ----------------------------------------------------------------------

@pytest.mark.parametrize("typed, stored", [
    ("一三五", "135"), ("周一、周四", "14"), ("1,3,5", "135"), ("1,4", "14"), ("135", "135"), (135.0, "135"),
    ("周一至周五", "12345"), ("1-5", "12345"), ("星期六 星期日", "67"), ("礼拜天", "7"), ("每天", "1234567"),
    ("", "1234567"), (None, "1234567"), ("五三一", "135"),
])
def test_delivery_weekdays_are_read_the_way_people_write_them(typed, stored):
    assert weekdays.parse_weekdays(typed) == stored


@pytest.mark.parametrize("typed", ["周八", "0", "abc", "五-一", "1-", "周"])
def test_unreadable_weekdays_get_an_example_in_the_message(typed):
    with pytest.raises(ValidationError) as err:
        weekdays.parse_weekdays(typed)
    assert "一三五" in str(err.value) and "送货日" in str(err.value)


def test_weekdays_are_shown_in_words():
    assert weekdays.weekdays_text("14") == "周一、周四"
    assert weekdays.weekdays_text("1234567") == "每天"


def test_a_new_supplier_gets_a_code_and_its_values_checked(owner):
    s = suppliers.save_supplier(owner, SupplierInput(name=" 丰源粮油调味批发 ", lead_time_days="2",
                                                     delivery_weekdays="周一、周四", min_order_amount="300"))
    assert (s.code, s.name, s.lead_time_days, s.delivery_weekdays, s.min_order_amount) == (
        "GYS001", "丰源粮油调味批发", 2, "14", Decimal("300"))
    assert suppliers.save_supplier(owner, SupplierInput(name="晨光乳品配送")).code == "GYS002"
    row = suppliers.list_suppliers("粮油")[0]
    assert (row.delivery_text, row.lead_time_days) == ("周一、周四", 2)
    assert AuditEvent.select().where(AuditEvent.action == "supplier.create").count() == 2


@pytest.mark.parametrize("data, text", [
    (SupplierInput(name=""), "供应商名称不能为空"),
    (SupplierInput(name="A", lead_time_days="-1"), "送货周期天数不能为负数"),
    (SupplierInput(name="A", lead_time_days="1.5"), "送货周期天数必须是整数"),
    (SupplierInput(name="A", lead_time_days="两天"), "送货周期天数“两天”不是数字"),
    (SupplierInput(name="A", min_order_amount="-5"), "起订金额不能为负数"),
    (SupplierInput(name="A", delivery_weekdays="周八"), "送货日“周八”看不懂"),
    (SupplierInput(name="A", responsible="nobody"), "找不到用户:nobody"),
])
def test_bad_supplier_values_are_refused_in_chinese(owner, data, text):
    with pytest.raises(ValidationError) as err:
        suppliers.save_supplier(owner, data)
    assert text in str(err.value)
    assert Supplier.select().count() == 0


def test_blank_lead_time_means_unknown_and_codes_stay_unique(ps):
    s = suppliers.save_supplier(ps.owner, SupplierInput(name="老味道熟食坊", lead_time_days=""))
    assert s.lead_time_days is None
    with pytest.raises(ValidationError, match="供应商编码 VEG 已存在"):
        suppliers.save_supplier(ps.owner, SupplierInput(name="另一家", code="VEG"))
    edited = suppliers.supplier_input(s)
    edited.lead_time_days = "1"
    assert suppliers.save_supplier(ps.owner, edited, s.id).lead_time_days == 1


def test_a_cashier_cannot_edit_suppliers(ps):
    with pytest.raises(PermissionDenied, match="编辑供应商"):
        suppliers.save_supplier(ps.cashier, SupplierInput(name="X"))


# -- delivery days ------------------------------------------------------------------------------

def test_the_oil_supplier_delivers_only_on_monday_and_thursday(owner):
    oil = suppliers.save_supplier(owner, SupplierInput(name="丰源粮油调味批发", lead_time_days="2",
                                                       delivery_weekdays="一四"))
    assert delivery_calendar.next_delivery_days(oil, SATURDAY) == [dt.date(2026, 11, 23), dt.date(2026, 11, 26)]
    # ordered on Monday: two days' lead time, so not Monday itself; Thursday, then next Monday
    assert delivery_calendar.next_delivery_days(oil, dt.date(2026, 11, 23)) == [dt.date(2026, 11, 26), dt.date(2026, 11, 30)]


def test_days_the_supplier_is_full_are_skipped(ps):
    delivery_calendar.set_closed_day(ps.owner, ps.fruit, dt.date(2026, 11, 23), "周一已排满")
    assert delivery_calendar.next_delivery_days(ps.fruit, SATURDAY, count=3) == [
        dt.date(2026, 11, 25), dt.date(2026, 11, 27), dt.date(2026, 11, 30)]
    assert delivery_calendar.closed_days(ps.fruit) == [(dt.date(2026, 11, 23), "周一已排满")]
    delivery_calendar.clear_closed_day(ps.owner, ps.fruit, dt.date(2026, 11, 23))
    assert delivery_calendar.next_delivery_days(ps.fruit, SATURDAY, count=1) == [dt.date(2026, 11, 23)]


def test_same_day_supplier_and_a_supplier_without_lead_time(owner):
    market = suppliers.save_supplier(owner, SupplierInput(name="早市", lead_time_days="0"))
    assert delivery_calendar.next_delivery_days(market, SATURDAY, 1) == [SATURDAY]
    unknown = suppliers.save_supplier(owner, SupplierInput(name="老味道熟食坊"))
    with pytest.raises(ValidationError) as err:
        delivery_calendar.next_delivery_days(unknown, SATURDAY)
    assert "供应商 老味道熟食坊 没有填写送货周期" in str(err.value)


# -- what they supply, and at what price ------------------------------------------------------

def test_preferred_supplier_then_the_newest_price(ps):
    assert supplier_products.preferred_supplier(ps.blueberry.id).id == ps.fruit.id
    assert supplier_products.preferred_supplier(ps.screw.id) is None
    supplier_products.save_supplier_product(ps.owner, ps.veg, ps.blueberry, pack_size="12", last_price="7.90", preferred=True)
    assert supplier_products.preferred_supplier(ps.blueberry.id).id == ps.veg.id
    assert SupplierProduct.get(SupplierProduct.supplier == ps.fruit.id).preferred is False  # one preferred
    terms = supplier_products.supply_terms([ps.blueberry.id, ps.spinach.id])
    assert (terms[ps.spinach.id].supplier_name, terms[ps.spinach.id].pack_size) == ("城南蔬菜基地", Decimal("5"))


def test_zero_prices_and_zero_packs_are_refused(ps):
    with pytest.raises(ValidationError, match="进价必须大于 0"):
        supplier_products.save_supplier_product(ps.owner, ps.veg, ps.spinach, last_price="0")
    with pytest.raises(ValidationError, match="箱规必须大于 0"):
        supplier_products.save_supplier_product(ps.owner, ps.veg, ps.spinach, pack_size="0")


def test_the_negotiation_table_shows_each_suppliers_last_prices(ps):
    """Blueberries bought from two suppliers, in boxes: the history is per 盒, newest first."""
    supplier_products.save_supplier_product(ps.owner, ps.veg, ps.blueberry, pack_size="12", last_price="8.40")
    for n, price in enumerate(["96", "99.6", "93.6"]):
        order = po.create_draft(ps.owner, ps.fruit.id, [po.OrderLineInput(ps.blueberry.id, "2", "箱", price)],
                                order_date=SATURDAY + dt.timedelta(days=n))
        purchase_approval.submit(ps.owner, order.number)
    table = supplier_products.price_history(ps.blueberry.id, per_supplier=2)
    assert [r.supplier_name for r in table] == ["佳果源水果批发", "城南蔬菜基地"]
    fruit = table[0]
    assert [p.price for p in fruit.prices] == [Decimal("7.8"), Decimal("8.3")]  # newest first, per 盒, last 2
    assert fruit.last_price == Decimal("7.8") and fruit.lowest == Decimal("7.8")
    assert fruit.prices[0].source.startswith("CG")
    assert table[1].prices[0].source == "手工录入" and table[1].last_price == Decimal("8.4")
    assert PurchasePrice.select().count() == 3 + 3  # three orders, three typed prices (setup and here)


# -- Excel ----------------------------------------------------------------------------------

HEADER = ["供应商编码", "供应商名称", "联系人", "电话", "负责人", "送货周期天数", "送货日", "起订金额",
          "SKU编码", "条码", "箱规", "进价", "首选"]


def test_import_suppliers_with_the_products_they_supply(ps, tmp_path):
    path = write_xlsx(tmp_path / "suppliers.xlsx", [
        ["鲜邻优选 供应商清单"], [],
        HEADER,
        ["OIL", "丰源粮油调味批发", "钱老板", 13800138000, "xiaowang", 2, "一四", 300, "", "", "", "", ""],
        ["OIL", None, None, None, None, None, None, None, ps.screw.sku, None, 100, 0.04, "是"],
        [None, "丰源粮油调味批发", None, None, None, None, None, None, None, "6901234567892", 12, "8.1", "否"],
        ["VEG", "城南蔬菜基地", None, None, None, 2, "每天", None, ps.spinach.sku, None, 10, 2.2, "是"],
    ])
    result = import_suppliers(ps.owner, path)
    assert (result.created, result.updated, result.products) == (1, 1, 3)
    oil = suppliers.get_supplier("OIL")
    assert (oil.name, oil.phone, oil.delivery_weekdays, oil.lead_time_days, oil.min_order_amount) == (
        "丰源粮油调味批发", "13800138000", "14", 2, Decimal("300"))
    assert oil.responsible_id == ps.purchaser.id
    rows = {r.sku: r for r in supplier_products.supplier_products(oil)}
    assert rows[ps.screw.sku].pack_size == Decimal("100") and rows[ps.screw.sku].last_price == Decimal("0.04")
    assert rows[ps.blueberry.sku].preferred is False
    spinach = supplier_products.supplier_products(ps.veg)[0]
    assert (spinach.pack_size, spinach.last_price) == (Decimal("10"), Decimal("2.2"))
    veg = suppliers.get_supplier("VEG")
    assert (veg.lead_time_days, veg.contact) == (2, "老周")  # blank cells keep what is stored
    assert supplier_products.price_history(ps.spinach.id)[0].prices[0].source == "Excel 导入"


def test_a_bad_supplier_file_imports_nothing_and_says_why_on_each_row(ps, tmp_path):
    path = write_xlsx(tmp_path / "suppliers.xlsx", [
        HEADER,
        ["OIL", "丰源粮油调味批发", None, None, None, -2, "一四", None, None, None, None, None, None],
        ["OIL", "丰源粮油", None, None, None, None, "周八", None, "NOPE", None, None, None, None],
        ["NEW", None, None, None, "nobody", None, None, None, None, None, 12, None, None],
        ["VEG", None, None, None, None, None, None, None, ps.spinach.sku, None, 0, 0, "也许"],
        [None, None, None, None, None, None, None, None, ps.spinach.sku, None, None, None, None],
    ])
    before = (Supplier.select().count(), SupplierProduct.select().count(), AuditEvent.select().count())
    with pytest.raises(ImportFailed) as err:
        import_suppliers(ps.owner, path)
    assert (Supplier.select().count(), SupplierProduct.select().count(), AuditEvent.select().count()) == before
    errors_file = err.value.errors_file
    col = column_of(errors_file, "错误")
    errors = {n: values[col] for n, values in read_rows(errors_file).items()
              if n > 1 and len(values) > col and values[col]}
    assert set(errors) == {2, 3, 4, 5, 6}
    assert "送货周期天数不能为负数" in errors[2]
    assert "供应商名称与第 2 行不一致" in errors[3] and "送货日“周八”看不懂" in errors[3]
    assert "找不到商品:NOPE" in errors[3]
    assert "找不到用户:nobody" in errors[4] and "SKU编码/条码不能为空" in errors[4]
    assert "箱规必须大于 0" in errors[5] and "进价必须大于 0" in errors[5] and "首选“也许”请填 是 或 否" in errors[5]
    assert "供应商编码/供应商名称不能为空" in errors[6]
    assert "第 2 行" in str(err.value)


def test_export_imports_again_unchanged_and_text_stays_text(ps, tmp_path):
    suppliers.save_supplier(ps.owner, SupplierInput(name="=HYPERLINK(\"x\")", code="0012", phone="0571-8888"))
    path = tmp_path / "out.xlsx"
    assert export_suppliers(path) == 3
    sheet = openpyxl.load_workbook(path).active
    values = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert values["0012"][1].data_type == "s" and values["0012"][1].value.startswith("=")  # stored as text
    assert values["FRUIT"][7].value == "周一、周三、周五"
    before = AuditEvent.select().count()
    result = import_suppliers(ps.owner, path)
    assert (result.created, result.updated, result.products, result.unchanged) == (0, 0, 0, 2)
    assert "2 个没有变化" in result.message
    assert AuditEvent.select().count() == before
