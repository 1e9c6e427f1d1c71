"""A scaled column read back: the stored integer count of 10**-scale becomes the very Decimal that dividing
by 10**scale and quantizing to the scale gives — the same digits and the same exponent, so 12 kg reads
12.000 and a price of 3 yuan 3.0000, whatever the number's size or sign."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from models.fields import INT64_MAX, INT64_MIN, MoneyField, QuantityField


@given(st.integers(min_value=INT64_MIN, max_value=INT64_MAX))
def test_a_stored_count_reads_back_as_the_quantized_quotient(units):
    for field in (QuantityField(), MoneyField()):
        quotient = (Decimal(units) / field.factor).quantize(Decimal(1).scaleb(-field.scale))
        assert field.python_value(units).as_tuple() == quotient.as_tuple()


def test_a_shop_s_numbers_keep_their_places():
    qty, money = QuantityField(), MoneyField()
    assert str(qty.python_value(12000)) == "12.000"  # 12 kg of rice
    assert str(qty.python_value(-250)) == "-0.250"  # a quarter jin taken back
    assert str(money.python_value(30000)) == "3.0000"  # 3 yuan a bottle
    assert str(money.python_value(0)) == "0.0000"
    assert qty.python_value(None) is None
