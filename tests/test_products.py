"""Products: validation in Chinese, units, barcodes with check digits, SKU, pinyin search."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.catalog import products
from services.catalog.barcodes import gs1_check_digit, normalise_barcode, with_check_digit
from services.catalog.products import ProductInput, find_by_barcode, save_product, search_products
from services.core.errors import PermissionDenied, ValidationError
from services.core.users import create_user


def names(rows) -> list[str]:
    return [r.name for r in rows]


def test_blank_sku_is_generated_and_pinyin_key_is_stored(owner):
    p = save_product(owner, ProductInput(name="蓝莓", spec="125g"))
    q = save_product(owner, ProductInput(name="菠菜"))
    assert p.sku == "P000001" and q.sku == "P000002"
    assert "lm" in p.search_key.split() and "lanmei" in p.search_key.split()


@pytest.mark.parametrize("query", ["lm", "lanmei", "蓝莓", "LM", "P000001", "6901234567892", "BB-Box1",
                                   "６９０１２３４５６７８９２"])
def test_search_by_name_pinyin_sku_and_barcode(owner, query):
    save_product(owner, ProductInput(name="蓝莓", barcodes=[("6901234567892", ""), ("BB-Box1", "")]))
    save_product(owner, ProductInput(name="草莓"))
    assert names(search_products(query)) == ["蓝莓"]


def test_validation_messages_are_chinese_and_name_the_field(owner):
    cases = [
        (ProductInput(name="  "), "名称不能为空"),
        (ProductInput(name="苹果", price="abc"), "售价“abc”不是数字"),
        (ProductInput(name="苹果", cost="-1"), "进价不能为负数"),
        (ProductInput(name="苹果", shelf_life_days="3.5"), "保质期天数"),
        (ProductInput(name="苹果", barcodes=[("6901234567893", "")]), "校验位错误(应为 2)"),
        (ProductInput(name="苹果", units=[("箱", "0")]), "必须大于 0"),
        (ProductInput(name="苹果", base_unit="个", units=[("个", "2")]), "基本单位"),
    ]
    for data, text in cases:
        with pytest.raises(ValidationError) as err:
            save_product(owner, data)
        assert text in str(err.value)
    assert products.count_products() == 0, "a refused product writes nothing"


def test_duplicate_barcode_and_sku_are_refused(owner):
    save_product(owner, ProductInput(name="蓝莓", sku="BB1", barcodes=[("6901234567892", "")]))
    with pytest.raises(ValidationError, match="已属于商品 BB1 蓝莓"):
        save_product(owner, ProductInput(name="假蓝莓", barcodes=[("6901234567892", "")]))
    with pytest.raises(ValidationError, match="BB1 已存在"):
        save_product(owner, ProductInput(name="别的", sku="BB1"))


def test_units_and_box_barcode(owner):
    save_product(owner, ProductInput(name="牛奶", base_unit="盒", units=[("箱", "12")],
                                     barcodes=[("6901234567892", ""), ("16901234567899", "箱")]))
    single, box = find_by_barcode("6901234567892"), find_by_barcode("16901234567899")
    assert (single.unit, single.factor) == ("盒", 1)
    assert (box.unit, box.factor) == ("箱", Decimal(12))
    assert find_by_barcode("0000000000000") is None


def test_editing_replaces_barcodes_and_keeps_the_sku(owner):
    p = save_product(owner, ProductInput(name="鸡蛋", barcodes=[("6901234567892", "")]))
    edited = products.product_input(p)
    edited.name, edited.barcodes = "土鸡蛋", [("SELF-001", "")]
    saved = save_product(owner, edited, product_id=p.id)
    assert saved.sku == p.sku and saved.name == "土鸡蛋"
    assert find_by_barcode("6901234567892") is None and find_by_barcode("SELF-001").product_id == p.id
    assert names(search_products("tjd")) == ["土鸡蛋"]


def test_the_edit_form_shows_round_numbers_as_written(owner):
    """30 元, a safety stock of 100 and a 箱 of 20 read 30, 100 and 20 in the dialog, not 3E+1, 1E+2, 2E+1."""
    p = save_product(owner, ProductInput(name="牛奶", base_unit="盒", cost="20", price="30", safety_stock="100",
                                         units=[("箱", "20")]))
    edited = products.product_input(p)
    assert (edited.cost, edited.price, edited.safety_stock, edited.units) == ("20", "30", "100", [("箱", "20")])
    priced = products.product_input(save_product(owner, ProductInput(name="酸奶", cost="2.5", price="3.80")))
    assert (priced.cost, priced.price) == ("2.5", "3.8")


def test_a_cashier_cannot_edit_products(owner):
    cashier = create_user(owner, "cashier", "cashier")
    with pytest.raises(PermissionDenied):
        save_product(cashier, ProductInput(name="越权"))


def test_scanner_and_excel_forms_of_a_barcode_are_normalised():
    assert normalise_barcode("６９０１２３４５６７８９２") == "6901234567892"
    assert normalise_barcode(" 6901 2345 67892 ") == "6901234567892"
    assert normalise_barcode(6901234567892.0) == "6901234567892"
    assert normalise_barcode("6.901234567892E+12") == "6901234567892"


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_valid_ean13_is_accepted_and_every_single_digit_typo_refused(body):
    from services.catalog.barcodes import barcode_kind

    code = with_check_digit(body)
    assert barcode_kind(code) == "ean13"
    wrong = code[:-1] + str((gs1_check_digit(body) + 1) % 10)
    with pytest.raises(ValidationError):
        barcode_kind(wrong)
