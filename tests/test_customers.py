"""Customers: the walk-in 散客, builders buying at the wholesale price, and the shop's Excel list of them."""
from __future__ import annotations

from decimal import Decimal

import pytest
from xlsx_files import column_of, read_rows, write_xlsx

from models import AuditEvent, Customer, ProductPrice
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.users import create_user
from services.exports.customers import export_customers
from services.imports.customer_import import import_customers
from services.imports.excel_table import ImportFailed
from services.sales import customers, receivables, tier_prices
from services.sales.customers import CustomerInput


def test_the_walk_in_customer_exists_from_the_start(owner):
    walk_in = customers.walk_in()
    assert (walk_in.code, walk_in.name, walk_in.kind, walk_in.credit_limit) == ("KH000", "散客", "retail", Decimal(0))
    assert customers.list_customers()[0].name == "散客"
    with pytest.raises(ValidationError, match="散客是默认的零售客户"):
        customers.save_customer(owner, CustomerInput(name="散客", credit_limit="100"), walk_in.id)


def test_a_wholesale_customer_gets_a_code_the_wholesale_tier_and_terms(owner):
    c = customers.save_customer(owner, CustomerInput(
        name=" 张工 ", phone="139-0571-2233", wechat="张工装修", address="城东建材市场 3 栋", kind="批发",
        credit_limit="20,000", payment_terms_days="30"))
    assert (c.code, c.name, c.kind, c.price_tier, c.credit_limit, c.payment_terms_days) == (
        "KH001", "张工", "wholesale", "wholesale", Decimal("20000"), 30)
    assert customers.save_customer(owner, CustomerInput(name="李阿姨")).code == "KH002"
    assert AuditEvent.select().where(AuditEvent.action == "customer.create").count() == 3  # with 散客
    form = customers.customer_input(c)
    form.credit_limit = "25000"
    edited = customers.save_customer(owner, form, c.id)
    assert (edited.code, edited.credit_limit) == ("KH001", Decimal("25000"))
    event = AuditEvent.select().where(AuditEvent.action == "customer.update").get()
    assert '"credit_limit": "20000' in event.old and '"credit_limit": "25000' in event.new


@pytest.mark.parametrize("data, text", [
    (CustomerInput(name=""), "客户名称不能为空"),
    (CustomerInput(name="张工", phone="微信同号"), "电话“微信同号”不像电话号码"),
    (CustomerInput(name="张工", phone="12345"), "不像电话号码"),
    (CustomerInput(name="张工", credit_limit="-1"), "信用额度不能为负数"),
    (CustomerInput(name="张工", credit_limit="一万"), "信用额度“一万”不是数字"),
    (CustomerInput(name="张工", payment_terms_days="-7"), "账期天数不能为负数"),
    (CustomerInput(name="张工", payment_terms_days="7.5"), "账期天数必须是整数"),
    (CustomerInput(name="张工", kind="代理"), "客户类型“代理”无效"),
    (CustomerInput(name="张工", price_tier="钻石价"), "价格等级“钻石价”不存在(可选:零售价、批发价、大客户价)"),
])
def test_customer_validation_speaks_chinese(owner, data, text):
    with pytest.raises(ValidationError) as err:
        customers.save_customer(owner, data)
    assert text in str(err.value)


@pytest.mark.parametrize("phone", ["13905712233", "139 0571 2233", "0571-8888 6666", "+86 139 0571 2233",
                                   "(0571)88886666 转 12", "13905712233 / 0571-88886666"])
def test_phones_are_checked_loosely(owner, phone):
    assert customers.save_customer(owner, CustomerInput(name="王", phone=phone)).phone == phone


def test_duplicate_codes_are_refused(owner):
    customers.save_customer(owner, CustomerInput(name="张工", code="ZG"))
    with pytest.raises(ValidationError, match="客户编码 ZG 已存在"):
        customers.save_customer(owner, CustomerInput(name="张工二", code="ZG"))


def test_customers_are_found_by_name_pinyin_phone_and_wechat(owner):
    customers.save_customer(owner, CustomerInput(name="张建国", phone="139 0571 2233", wechat="老张装修",
                                                 kind="wholesale"))
    customers.save_customer(owner, CustomerInput(name="李秀英", phone="13812345678", wechat="Lily"))
    names = lambda text, **kw: [r.name for r in customers.list_customers(text, **kw)]  # noqa: E731
    assert names("张") == ["张建国"]
    assert names("zjg") == ["张建国"]
    assert names("zhangjianguo") == ["张建国"]
    assert names("13905712233") == ["张建国"]
    assert names("0571-2233") == ["张建国"]  # typed with a dash, found in the digits
    assert names("5712233") == ["张建国"]
    assert names("老张") == ["张建国"]
    assert names("lz") == ["张建国"]  # the WeChat name's initials
    assert names("lily") == ["李秀英"]
    assert names("", kind="wholesale") == ["张建国"]
    assert customers.get_customer("张建国").wechat == "老张装修"
    assert customers.get_customer("13812345678").name == "李秀英"
    with pytest.raises(NotFound, match="找不到客户"):
        customers.get_customer("王五")


def test_the_list_shows_what_each_customer_owes(owner):
    import datetime as dt

    c = customers.save_customer(owner, CustomerInput(name="张工", kind="wholesale", credit_limit="5000"))
    receivables.record_sale(owner, c.id, None, Decimal("880"), dt.date(2026, 11, 3), None)
    row = [r for r in customers.list_customers("张工")][0]
    assert (row.balance, row.kind_text, row.tier_text) == (Decimal("880.00"), "批发", "批发价")


def test_cashiers_may_edit_customers_purchasers_may_not(owner):
    cashier = create_user(owner, "xiaomei", "cashier")
    buyer = create_user(owner, "caigou", "purchaser")
    customers.save_customer(cashier, CustomerInput(name="王师傅"))
    with pytest.raises(PermissionDenied, match="编辑客户"):
        customers.save_customer(buyer, CustomerInput(name="赵师傅"))


# -- prices ---------------------------------------------------------------------------------------

def test_a_customer_pays_their_tier_price_else_the_retail_price(shop):
    owner, screw = shop.owner, shop.screw
    zhang = customers.save_customer(owner, CustomerInput(name="张工", kind="wholesale"))
    vip = customers.save_customer(owner, CustomerInput(name="大客户", kind="wholesale", price_tier="大客户价"))
    assert customers.price_for(screw.id, zhang) == Decimal("0.1")  # no wholesale price yet
    tier_prices.set_tier_price(owner, screw.id, "批发价", "0.075")
    tier_prices.set_tier_price(owner, screw.id, "floor", "0.06")
    assert customers.price_for(screw.id, zhang) == Decimal("0.075")
    assert customers.price_for(screw.id, zhang.id) == Decimal("0.075")
    assert customers.price_for(screw.id, vip) == Decimal("0.1")
    assert customers.price_for(screw.id, None) == Decimal("0.1")
    assert customers.price_for(screw.id, customers.walk_in()) == Decimal("0.1")
    assert tier_prices.floor_price(screw.id) == Decimal("0.06")
    assert tier_prices.floor_price(shop.blueberry.id) is None
    assert [(r.tier_text, r.price) for r in tier_prices.tier_prices(screw.id)] == [
        ("最低价", Decimal("0.06")), ("批发价", Decimal("0.075"))]
    tier_prices.set_tier_price(owner, screw.id, "wholesale", "")  # blank removes it
    assert customers.price_for(screw.id, zhang) == Decimal("0.1")
    assert ProductPrice.select().count() == 1
    assert AuditEvent.select().where(AuditEvent.action == "price.tier").count() == 3


def test_tiers_with_prices_can_be_chosen_for_customers(shop):
    tier_prices.set_tier_price(shop.owner, shop.screw.id, "工地价", "0.08")
    assert "工地价" in tier_prices.tiers()
    c = customers.save_customer(shop.owner, CustomerInput(name="工地", kind="wholesale", price_tier="工地价"))
    assert customers.price_for(shop.screw.id, c) == Decimal("0.08")


def test_tier_price_input_is_checked(shop):
    with pytest.raises(ValidationError, match="价格等级“零售价”不存在"):
        tier_prices.set_tier_price(shop.owner, shop.screw.id, "零售价", "1")  # the retail price is Product.price
    with pytest.raises(ValidationError, match="必须大于 0"):
        tier_prices.set_tier_price(shop.owner, shop.screw.id, "wholesale", "0")
    with pytest.raises(NotFound):
        tier_prices.set_tier_price(shop.owner, 9999, "wholesale", "1")


# -- Excel ------------------------------------------------------------------------------------------

def test_customers_round_trip_through_excel(owner, tmp_path):
    customers.save_customer(owner, CustomerInput(name="张工", phone="13905712233", wechat="=老张", kind="wholesale",
                                                 credit_limit="20000", payment_terms_days="30", note="-月结"))
    customers.save_customer(owner, CustomerInput(name="李阿姨", address="幸福小区 5 栋", active=False))
    out = tmp_path / "customers.xlsx"
    assert export_customers(out) == 3
    rows = read_rows(out)
    assert rows[1][:3] == ("客户编码", "客户名称", "电话") and rows[1][-1] == "当前欠款"
    zhang = rows[3]
    assert zhang[column_of(out, "电话")] == "13905712233"  # text, not 1.39E+10
    assert zhang[column_of(out, "信用额度")] == 20000 and zhang[column_of(out, "微信")] == "=老张"
    import openpyxl

    ws = openpyxl.load_workbook(out).active
    assert ws.cell(row=3, column=column_of(out, "微信") + 1).data_type == "s"  # stays text, not a formula
    before = AuditEvent.select().count()
    result = import_customers(owner, out)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert AuditEvent.select().count() == before


def test_an_import_creates_and_updates_and_keeps_blank_cells(owner, tmp_path):
    customers.save_customer(owner, CustomerInput(name="张工", code="ZG", phone="13905712233", credit_limit="5000"))
    path = write_xlsx(tmp_path / "kh.xlsx", [
        ["客户名单 2026-11"],
        ["客户编码", "客户名称", "手机", "类型", "赊账额度", "账期", "启用"],
        ["ZG", "", "", "批发", 8000.0, 30.0, ""],
        ["", "王师傅", 13800138000.0, "批发", "3000", "15", "是"],
        ["", "赵姐", "", "", "", "", "否"],
    ])
    result = import_customers(owner, path)
    assert (result.created, result.updated) == (2, 1) and "新增 2 个,更新 1 个" in result.message
    zg = customers.get_customer("ZG")
    assert (zg.name, zg.phone, zg.kind, zg.credit_limit, zg.payment_terms_days) == (
        "张工", "13905712233", "wholesale", Decimal("8000"), 30)
    wang = customers.get_customer("王师傅")
    assert (wang.phone, wang.credit_limit, wang.code) == ("13800138000", Decimal("3000"), "KH001")
    assert customers.get_customer("赵姐").active is False


def test_a_bad_row_imports_nothing_and_explains_in_an_errors_file(owner, tmp_path):
    path = write_xlsx(tmp_path / "kh.xlsx", [
        ["客户编码", "客户名称", "电话", "信用额度", "账期天数", "价格等级"],
        ["A1", "张工", "13905712233", "20000", "30", "批发价"],
        ["A2", "", "13800138000", "", "", ""],
        ["A3", "李工", "电话", "-5", "", "钻石价"],
        ["A1", "张工二", "", "", "", ""],
        ["A4", "王工", "", "=1+1", "", ""],
    ])
    with pytest.raises(ImportFailed) as err:
        import_customers(owner, path)
    assert Customer.select().count() == 1  # only 散客
    assert sorted(err.value.errors) == [3, 4, 5, 6]
    rows = read_rows(err.value.errors_file)
    errors = column_of(err.value.errors_file, "错误")
    assert "客户名称不能为空" in rows[3][errors]
    assert "不像电话号码" in rows[4][errors] and "信用额度不能为负数" in rows[4][errors] and "钻石价" in rows[4][errors]
    assert "与第 2 行重复" in rows[5][errors]
    assert "公式" in rows[6][errors] or "D6" in rows[6][errors]
