"""Spec mentions: a number that describes the pack picks the product; it is not the quantity."""
from __future__ import annotations

from tests.group_orders.conftest import read


def test_the_pack_content_picks_the_bottle(fresh_shop):
    assert read("要那个500ml的酸奶两瓶") == [("原味酸奶", "500ml/瓶", "2", "瓶")]
    assert read("1L的酸奶一瓶") == [("原味酸奶", "1L/瓶", "1", "瓶")]
    assert read("500毫升的酸奶2瓶") == [("原味酸奶", "500ml/瓶", "2", "瓶")]


def test_a_count_with_zhuang_is_the_pack(fresh_shop):
    assert read("20个装的饺子来一袋") == [("速冻饺子", "20个装", "1", "袋")]
    assert read("40个装饺子2袋") == [("速冻饺子", "40个装", "2", "袋")]


def test_a_pack_count_matches_the_spec_however_it_is_written(fresh_shop):
    assert read("20个装饺子一袋") == [("速冻饺子", "20个装", "1", "袋")]
    assert read("15枚装的鸡蛋一盒") == [("土鸡蛋", "15枚/盒", "1", "盒")]  # 15枚装 for a spec of 15枚/盒


def test_a_weight_before_de_is_still_how_much(fresh_shop):
    assert read("两斤的西红柿") == [("西红柿", "散装", "2", "斤")]


def test_without_the_spec_the_parser_asks(fresh_shop):
    [(mark, shown, qty, unit)] = read("酸奶两瓶")
    assert mark == "?" and set(shown) == {"原味酸奶 500ml/瓶", "原味酸奶 1L/瓶"} and (qty, unit) == ("2", "瓶")
