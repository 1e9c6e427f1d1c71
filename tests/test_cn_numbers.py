"""Chinese numerals and quantities as customers write them (no database)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.group_orders.cn_numbers import chinese_to_int, parse_number
from services.group_orders.quantity_words import parse_quantity

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int, two: str = "二", ten_short: bool = True) -> str:
    """The standard way of writing 0–9999: 一百零五, 三千零二十, 十二 (or 一十二), 两千 when two is 两."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        word = two if digit == 2 and unit in ("千", "百") else DIGITS[digit]
        if unit == "十" and digit == 1 and not out and ten_short:
            word = ""
        out += word + unit
    return out


@pytest.mark.parametrize(("text", "value"), [
    ("零", 0), ("一", 1), ("两", 2), ("俩", 2), ("仨", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25),
    ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("一百二", 120), ("两百", 200), ("两千五", 2500),
    ("三千零二十", 3020), ("九千九百九十九", 9999), ("一万二", 12000), ("一万零五", 10005), ("一千两百", 1200),
])
def test_chinese_integers(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "一二", "十百", "百", "斤", "2两", "一十百"])
def test_not_numerals(text):
    assert chinese_to_int(text) is None


@pytest.mark.parametrize(("text", "value"), [
    ("1.5", "1.5"), ("一点五", "1.5"), ("两点五", "2.5"), ("半", "0.5"), ("12", "12"), ("0.25", "0.25"),
])
def test_numbers_with_decimals(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("2盒", "2", "盒"), ("两斤", "2", "斤"), ("一斤半", "1.5", "斤"), ("半斤", "0.5", "斤"), ("1斤2两", "1.2", "斤"),
    ("1.5斤", "1.5", "斤"), ("三两", "3", "两"), ("两个半", "2.5", "个"), ("半箱", "0.5", "箱"), ("500g", "500", "克"),
    ("1kg", "1", "公斤"), ("2公斤", "2", "公斤"), ("950ml", "950", "毫升"), ("十二盒", "12", "盒"),
    ("一百二十克", "120", "克"), ("x2", "2", None), ("*3", "3", None), ("2", "2", None), ("2盒子", "2", "盒"),
    ("一点五斤", "1.5", "斤"),
])
def test_quantities(text, value, unit):
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (quantity.value, quantity.unit) == (Decimal(value), unit)


@given(st.integers(min_value=0, max_value=9999), st.booleans(), st.booleans())
def test_any_integer_written_in_chinese_reads_back(n, use_liang, short_ten):
    assert chinese_to_int(to_chinese(n, "两" if use_liang else "二", short_ten)) == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["盒", "斤", "袋", "箱", "个"]), st.booleans())
def test_any_chinese_quantity_with_a_unit_reads_back(n, unit, half):
    text = to_chinese(n) + unit + ("半" if half else "")
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.unit == unit
    assert quantity.value == n + (Decimal("0.5") if half else 0)
