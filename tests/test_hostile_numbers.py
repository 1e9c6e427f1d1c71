"""Hostile numbers at 鲜邻优选: NaN, Infinity, 1e400, 1e30, a price of 1e15 and day counts of a
million years typed into a form, a spreadsheet or the stocktake scanner are each refused with a
Chinese message naming the field; nothing is half written and nothing ends in a traceback."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from xlsx_files import column_of, read_rows, write_xlsx

from models import Customer, DatabaseOpenError, Product, database
from services.catalog import products
from services.core.errors import ValidationError
from services.core.numbers import MAX_NUMBER, fmt_qty, to_days, to_decimal
from services.imports.excel_import import ImportFailed, import_products
from services.purchasing import suppliers
from services.sales import customers
from services.stocktake import sessions as stocktake
from tests.sales_shop import sales_shop, stock_in

D = Decimal
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("typed, words", [
    ("NaN", "不是数字"), ("nan", "不是数字"), ("sNaN", "不是数字"), ("Infinity", "不是数字"), ("-inf", "不是数字"),
    ("1e400", "太大"), (float("inf"), "不是数字"), (float("nan"), "不是数字"), ("1e30", "太大"), (1e30, "太大"),
    (10**30, "太大"), ("1e999999999", "太大"), ("0.0001", "最多 3 位小数"), ("1e-400", "最多 3 位小数"),
    ("12..5", "不是数字"), ("1_000", "1_000"), ("", "不能为空"),
])
def test_the_one_parser_says_what_is_wrong_in_chinese(typed, words):
    if typed == "1_000":  # Python's Decimal reads 1_000 as 1000; what the clerk typed is what is stored
        assert to_decimal(typed, "数量") == 1000
        return
    with pytest.raises(ValidationError) as refused:
        to_decimal(typed, "数量")
    assert words in refused.value.message and refused.value.message.startswith("数量")


def test_numbers_come_back_as_people_write_them():
    assert str(to_decimal("1e3", "数量")) == "1000"  # never 1E+3
    assert str(to_decimal("30", "盘点数量")) == "30"
    assert str(to_decimal("-0", "数量")) == "0"
    assert to_decimal("9,999,999", "售价", places=4) == MAX_NUMBER  # the largest a shop may type
    assert to_decimal("2.50", "售价", places=4) == D("2.5")


def test_a_price_of_1e15_is_refused_on_the_product_form_and_the_limit_is_kept_exactly(db):
    with pytest.raises(ValidationError, match=re.escape("售价太大:1000000000000000(最多 9999999)")):
        products.save_product(db, products.ProductInput(name="金条", price="1000000000000000"))
    assert Product.select().count() == 0
    bar = products.save_product(db, products.ProductInput(name="金条", price="9999998.9999", cost="9999999"))
    with pytest.raises(ValidationError, match="售价太大"):
        products.save_product(db, products.ProductInput(name="金条", price="10000000"), bar.id)
    bar = Product.get_by_id(bar.id)
    assert bar.price == D("9999998.9999") and bar.cost == D("9999999")


def test_a_number_beyond_the_stored_integer_never_reaches_the_driver(db):
    """The last guard under every service: a value the 64-bit column cannot hold is a worded
    refusal and the write rolls back (before, the driver raised OverflowError)."""
    with pytest.raises(DatabaseOpenError) as refused, database.atomic():
        Product.create(sku="X1", name="溢出", search_key="x1", price=D("1e15"))
    assert "数值太大,无法保存" in str(refused.value)
    assert Product.select().count() == 0


@pytest.mark.parametrize("typed, words", [
    ("NaN", "不是数字"), ("Infinity", "不是数字"), ("0.0001", "最多 3 位小数"), ("1e30", "太大"), ("-3", "不能为负数"),
])
def test_the_stocktake_scanner_refuses_nan_infinity_and_a_ten_thousandth(shop, typed, words):
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "100", s.store)
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    with pytest.raises(ValidationError) as refused:
        stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", typed)
    assert words in refused.value.message and "盘点数量" in refused.value.message
    assert session.lines.where(stocktake.CountLine.counted_qty.is_null(False)).count() == 0
    line = stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", "30")
    assert line.counted_qty == 30 and fmt_qty(line.counted_qty) == "30"
    with pytest.raises(ValidationError, match="报损数量“NaN”不是数字"):
        stocktake.set_line(s.warehouse, session.id, line.id, "30", status="破损", write_off="NaN")


def test_many_big_scans_on_one_line_stop_at_the_limit(shop):
    s = sales_shop(shop)
    stock_in(s.owner, s.screw, "100", s.store)
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    line = stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", "9999999")
    with pytest.raises(ValidationError, match="盘点数量太大:10000000"):
        stocktake.count_scan(s.warehouse, session.id, "SCREW-M4", "1")
    assert stocktake.CountLine.get_by_id(line.id).counted_qty == 9999999


@pytest.mark.parametrize("typed, bounds, words", [
    ("1e18", (0, 3650), "保质期天数必须是 0–3650 之间的整数:1e18"),
    ("3651", (0, 3650), "0–3650"),
    ("3000000", (0, 365), "0–365"),
    ("1.5", (0, 365), "必须是整数"),
    ("-2", (0, 365), "不能为负数"),
    ("NaN", (0, 365), "不是数字"),
])
def test_day_counts_are_refused_with_the_allowed_range(typed, bounds, words):
    with pytest.raises(ValidationError) as refused:
        to_days(typed, "保质期天数", bounds)
    assert words in refused.value.message
    assert to_days("", "保质期天数", bounds) is None and to_days(" 7 ", "保质期天数", bounds) == 7


def test_a_shelf_life_of_0_is_a_product_that_keeps_as_an_older_export_says(db):
    salt = products.save_product(db, products.ProductInput(name="盐", shelf_life_days="0"))
    assert Product.get_by_id(salt.id).shelf_life_days is None


def test_a_shelf_life_of_1e18_days_no_longer_imports(db, tmp_path):
    header = ["SKU编码", "名称", "单位", "保质期天数", "售价"]
    path = write_xlsx(tmp_path / "products.xlsx", [header, ["M1", "酸奶", "盒", "1e18", 6],
                                                   ["M2", "牛奶", "盒", 1e18, 5], ["M3", "豆浆", "盒", 3650, 3]])
    with pytest.raises(ImportFailed):
        import_products(db, path)
    errors_file = tmp_path / "products.errors.xlsx"
    col = column_of(errors_file, "错误")
    rows = read_rows(errors_file)
    assert "0–3650" in rows[2][col] and "0–3650" in rows[3][col] and not rows[4][col]
    assert Product.select().count() == 0


def test_lead_time_and_payment_terms_of_three_million_days_are_refused_at_entry(db):
    with pytest.raises(ValidationError, match="送货周期天数必须是 0–365 之间的整数:3000000"):
        suppliers.save_supplier(db, suppliers.SupplierInput(name="远方农场", lead_time_days="3000000"))
    with pytest.raises(ValidationError, match="账期天数必须是 0–365 之间的整数:3000000"):
        customers.save_customer(db, customers.CustomerInput(name="老客户", payment_terms_days="3000000"))
    assert not Customer.select().where(Customer.name == "老客户").exists()
    farm = suppliers.save_supplier(db, suppliers.SupplierInput(name="远方农场", lead_time_days="365"))
    regular = customers.save_customer(db, customers.CustomerInput(name="老客户", payment_terms_days="365"))
    assert farm.lead_time_days == 365 and regular.payment_terms_days == 365


def test_every_refusal_here_is_chinese():
    for typed in ("NaN", "1e400", "0.00001", "-1"):
        with pytest.raises(ValidationError) as refused:
            to_decimal(typed, "单价", places=4)
        assert CHINESE.search(refused.value.message)


def test_a_settings_window_of_three_million_days_is_refused_with_its_range(db):
    from services.core import shop_settings

    with pytest.raises(ValidationError, match="需求统计天数必须是 1–3650 之间的整数:3000000"):
        shop_settings.set_value(db, "suggestion.window_days", "3000000")
    with pytest.raises(ValidationError, match="0–10080"):
        shop_settings.set_value(db, "sales.hold_minutes", "1e18")
    assert shop_settings.get("suggestion.window_days") == 7
    shop_settings.set_value(db, "suggestion.window_days", "28")
    assert shop_settings.get("suggestion.window_days") == 28


def test_a_billion_label_copies_are_refused_before_any_label_is_built(shop):
    from services.stock import label_data

    with pytest.raises(ValidationError, match="份数必须是 1–999 之间的整数"):
        label_data.product_labels(shop.screw.sku, 1_000_000_000)
    assert len(label_data.product_labels(shop.screw.sku, 999)) == 999


def test_a_channel_holding_stock_for_a_million_years_is_refused(db):
    from services.sales import channels

    with pytest.raises(ValidationError, match="保留分钟数必须是 0–10080 之间的整数"):
        channels.create_channel(db, "TG", "团购群", 10**12)
    assert channels.create_channel(db, "TG", "团购群", 10080).hold_minutes == 10080
