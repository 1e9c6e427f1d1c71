"""Corrections inside one message: the customer changes the earlier line, the parser does not add one."""
from __future__ import annotations

from decimal import Decimal

from services.group_orders.parsed_lines import UsualLine
from tests.group_orders.conftest import read


def test_apples_called_off_and_pears_instead(fresh_shop):
    assert read("苹果不要了换成梨2斤") == [("皇冠梨", "散装", "2", "斤")]
    assert read("红富士苹果3斤,不要了,换成皇冠梨") == [("皇冠梨", "散装", "3", "斤")]  # the 3 斤 carries over


def test_a_quantity_changed_after_the_fact(fresh_shop):
    assert read("西红柿3斤,算了,2斤吧") == [("西红柿", "散装", "2", "斤")]
    assert read("菠菜两斤,改成3斤") == [("菠菜", "散装", "3", "斤")]
    assert read("香蕉2斤 西红柿1斤 香蕉改成3斤") == [("香蕉", "散装", "3", "斤"), ("西红柿", "散装", "1", "斤")]


def test_more_and_less_change_the_line_they_follow(fresh_shop):
    assert read("蓝莓2盒再加一盒") == [("蓝莓", "125g/盒", "3", "盒")]
    assert read("蓝莓2盒,香蕉1斤,蓝莓再加一盒") == [("蓝莓", "125g/盒", "3", "盒"), ("香蕉", "散装", "1", "斤")]
    assert read("蓝莓3盒少一个") == [("蓝莓", "125g/盒", "2", "盒")]
    assert read("蓝莓1盒 少一盒") == []  # nothing left of it
    assert read("蓝莓再加一盒") == [("蓝莓", "125g/盒", "1", "盒")]  # no 蓝莓 before: that is the quantity


def test_a_product_called_off_by_name(fresh_shop):
    assert read("香蕉2斤 西红柿1斤 不要香蕉了") == [("西红柿", "散装", "1", "斤")]
    assert read("香蕉2斤,西红柿1斤,香蕉不要了") == [("西红柿", "散装", "1", "斤")]
    assert read("香蕉2斤,西红柿1斤,算了") == [("香蕉", "散装", "2", "斤")]  # the last line goes


def test_a_word_of_cancelling_before_a_product_not_ordered_calls_off_the_line_before(fresh_shop):
    assert read("香蕉3斤 取消 要西红柿3斤") == [("西红柿", "散装", "3", "斤")]
    assert read("菠菜3斤 说错了 2斤") == [("菠菜", "散装", "2", "斤")]
    assert read("菠菜2斤,算了不要了,来两斤香蕉") == [("香蕉", "散装", "2", "斤")]  # one change of mind, said twice
    assert read("菠菜1斤改2斤") == [("菠菜", "散装", "2", "斤")]


def test_the_usual_order_is_corrected_like_any_line(fresh_shop):
    usual = [UsualLine(fresh_shop[("鲜鸡蛋", "30枚/盒")], Decimal(1), "盒"),
             UsualLine(fresh_shop[("香蕉", "散装")], Decimal(2), "斤")]
    assert read("老规矩 香蕉改成3斤", usual_order=usual) == [("鲜鸡蛋", "30枚/盒", "1", "盒"), ("香蕉", "散装", "3", "斤")]
    assert read("老规矩,不要香蕉了", usual_order=usual) == [("鲜鸡蛋", "30枚/盒", "1", "盒")]


def test_changed_to_another_kind_of_the_same(fresh_shop):
    """吐司 … 换成全麦的: the words before 换成 read again with the description after it; the 2 袋 stay."""
    assert read("原味吐司2袋 吐司换成全麦的") == [("全麦吐司", "400g/袋", "2", "袋")]
    assert read("排骨3斤 算了2斤就行") == []  # no 排骨 in this shop: nothing to keep
    assert read("香蕉3斤 算了2斤就行") == [("香蕉", "散装", "2", "斤")]
    assert read("西红柿3斤,不对,是香蕉3斤") == [("香蕉", "散装", "3", "斤")]


def test_a_new_product_after_more_is_a_line_of_its_own(fresh_shop):
    assert read("蓝莓2盒 再来2斤香蕉") == [("蓝莓", "125g/盒", "2", "盒"), ("香蕉", "散装", "2", "斤")]
