"""Quantities in every form, before or after the product, 各 sharing one, and emoji and punctuation noise."""
from __future__ import annotations

import pytest

from tests.group_orders.conftest import read


@pytest.mark.parametrize(("text", "line"), [
    ("香蕉俩斤", ("香蕉", "散装", "2", "斤")),
    ("仨西兰花", ("西兰花", "约400g/颗", "3", "颗")),
    ("五花肉一斤半", ("五花肉", "散装", "1.5", "斤")),
    ("半斤五花肉", ("五花肉", "散装", "0.5", "斤")),
    ("1.5kg五花肉", ("五花肉", "散装", "3", "斤")),  # 1.5 kg = 3 斤, in the product's unit
    ("五花肉800g", ("五花肉", "散装", "1.6", "斤")),
    ("2斤3两五花肉", ("五花肉", "散装", "2.3", "斤")),
    ("蓝莓x2", ("蓝莓", "125g/盒", "2", "盒")),
    ("来盒蓝莓", ("蓝莓", "125g/盒", "1", "盒")),
    ("十二盒蓝莓", ("蓝莓", "125g/盒", "12", "盒")),
    ("蓝莓半箱", ("蓝莓", "125g/盒", "0.5", "箱")),
    ("3个西兰花", ("西兰花", "约400g/颗", "3", "颗")),  # 个 for 颗: a neighbouring count word
])
def test_quantity_forms(fresh_shop, text, line):
    assert read(text) == [line]


def test_each_shares_its_quantity_before_or_after(fresh_shop):
    assert read("香蕉西红柿各2斤") == [("香蕉", "散装", "2", "斤"), ("西红柿", "散装", "2", "斤")]
    assert read("各来一斤:香蕉,西红柿") == [("香蕉", "散装", "1", "斤"), ("西红柿", "散装", "1", "斤")]


def test_a_pack_measure_and_a_count_in_one_item(fresh_shop):
    assert read("500ml酸奶2瓶") == [("原味酸奶", "500ml/瓶", "2", "瓶")]


def test_noise_around_the_order(fresh_shop):
    assert read("👍蓝莓2盒🙏🙏！！") == [("蓝莓", "125g/盒", "2", "盒")]
    assert read("【团购】蓝莓～2盒～～") == [("蓝莓", "125g/盒", "2", "盒")]
    assert read("[玫瑰]老板娘早上好!西红柿2斤,谢谢啦[抱拳]") == [("西红柿", "散装", "2", "斤")]
