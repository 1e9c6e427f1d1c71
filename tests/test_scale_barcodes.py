"""Scale labels (prefix 2x): 13 and 18 digits, weight or price by the shop's rule, check digits."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.catalog.scale_barcodes import decode_scale_barcode, make_scale_code
from services.core import shop_settings
from services.core.errors import NotFound, ValidationError
from services.sales.counter_scan import add_scan, scan_to_line
from tests.sales_shop import sales_shop

D = Decimal


@pytest.fixture
def s(shop):
    return sales_shop(shop)


def test_13_digit_weight_label_sells_grams_as_jin(s):
    code = make_scale_code("10023", 750)  # 750 g of spinach
    assert code == "2010023007502" and len(code) == 13
    reading = decode_scale_barcode(code)
    assert (reading.product_id, reading.quantity, reading.unit, reading.price) == (s.spinach.id, D("1.5"), "斤", None)


def test_13_digit_price_label_becomes_quantity_by_unit_price(s):
    shop_settings.set_value(s.owner, "scale.value_13", "price")
    reading = decode_scale_barcode(make_scale_code("10023", 570))  # 5.70 元 at 3.80 元/斤
    assert reading.quantity == D("1.5") and reading.price == D("5.70")
    line = scan_to_line(make_scale_code("10023", 570))
    assert (line.quantity, line.unit, line.price) == (D("1.5"), "斤", D("3.8"))


def test_18_digit_labels_in_either_order(s):
    code = make_scale_code("10023", 1250, 950)  # 1250 g, 9.50 元
    assert len(code) == 18
    reading = decode_scale_barcode(code)
    assert (reading.quantity, reading.price) == (D("2.5"), D("9.50"))
    shop_settings.set_value(s.owner, "scale.layout_18", "price_weight")
    reading = decode_scale_barcode(make_scale_code("10023", 950, 1250))
    assert (reading.quantity, reading.price) == (D("2.5"), D("9.50"))


def test_not_scale_codes_and_bad_check_digits(s):
    good = make_scale_code("10023", 750)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert decode_scale_barcode(bad) is None
    assert decode_scale_barcode("6901234567892") is None  # a product EAN
    assert decode_scale_barcode("201002300750") is None  # 12 digits
    with pytest.raises(NotFound, match="未知条码"):
        scan_to_line(bad)
    with pytest.raises(NotFound, match="找不到商品"):
        decode_scale_barcode(make_scale_code("99999", 100))


def test_plu_may_be_a_barcode_and_weight_needs_a_weight_unit(s):
    from services.catalog import products

    shop_settings.set_value(s.owner, "scale.plu", "barcode")
    products.save_product(s.owner, products.ProductInput(name="散装花生", base_unit="公斤", price="16",
                                                         barcodes=[("00042", "")]))
    reading = decode_scale_barcode(make_scale_code("42", 500))
    assert reading.quantity == D("0.5") and reading.unit == "公斤"
    shop_settings.set_value(s.owner, "scale.plu", "sku")
    from models import Product

    Product.update(sku="00077").where(Product.id == s.blueberry.id).execute()
    with pytest.raises(ValidationError, match="不是重量单位"):
        decode_scale_barcode(make_scale_code("77", 500))
    shop_settings.set_value(s.owner, "scale.plu", "plu")
    with pytest.raises(ValidationError, match="秤码设置"):
        decode_scale_barcode(make_scale_code("10023", 500))


def test_counter_scans_add_up_box_and_scale_lines_apart(s):
    lines: list = []
    for code in ("6901234567892", "6901234567892", "16901234567899", make_scale_code("10023", 750),
                 "SCREW-M4", "6901234567892"):
        lines = add_scan(lines, code)
    assert [(ln.product_id, ln.quantity, ln.unit) for ln in lines] == [
        (s.blueberry.id, D(3), "盒"), (s.blueberry.id, D(1), "箱"), (s.spinach.id, D("1.5"), "斤"),
        (s.screw.id, D(1), "个")]
    with pytest.raises(NotFound, match="未知条码:999"):
        scan_to_line("999")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grams=st.integers(min_value=1, max_value=99999), fen=st.integers(min_value=0, max_value=99999))
def test_every_weight_and_price_round_trips(s, grams, fen):
    reading = decode_scale_barcode(make_scale_code("10023", grams, fen))
    assert reading.quantity == (D(grams) / 500).quantize(D("0.001"))
    assert reading.price == D(fen) / 100

