"""Generic names: a short word that fits one product by its unit, its spec or the customer's history is
read as that product; one that fits several is asked about with each of them shown."""
from __future__ import annotations

from decimal import Decimal

from services.group_orders.parsed_lines import UsualLine
from tests.group_orders.conftest import read


def test_the_unit_picks_the_one_soy_sauce(fresh_shop):
    assert read("酱油一瓶") == [("酱油", "500ml/瓶", "1", "瓶")]
    assert read("酱油1桶") == [("酱油", "5L/桶", "1", "桶")]
    assert read("酱油一箱") == [("酱油", "500ml/瓶", "1", "箱")]  # only the bottle comes by the box


def test_the_word_that_ends_the_only_name(fresh_shop):
    assert read("梨3斤") == [("皇冠梨", "散装", "3", "斤")]
    assert read("苹果2斤") == [("红富士苹果", "散装", "2", "斤")]
    assert read("橙子3斤") == [("脐橙", "散装", "3", "斤")]
    assert read("红薯2斤") == [("烟薯25号", "散装", "2", "斤")]  # 25号 is the variety: 烟薯 is what it is


def test_two_eggs_by_the_box_ask_unless_the_customer_always_takes_one(fresh_shop):
    [(mark, shown, qty, unit)] = read("鸡蛋一盒")
    assert mark == "?" and set(shown) == {"鲜鸡蛋 30枚/盒", "土鸡蛋 15枚/盒"} and (qty, unit) == ("1", "盒")
    usual = [UsualLine(fresh_shop[("土鸡蛋", "15枚/盒")], Decimal(1), "盒")]
    assert read("鸡蛋一盒", customer=7, usual_order=usual) == [("土鸡蛋", "15枚/盒", "1", "盒")]


def test_a_unit_the_product_is_not_sold_by_is_a_question(fresh_shop):
    assert read("香蕉一瓶") == [("?", ("香蕉 散装",), "1", "瓶")]
    assert read("西兰花1箱") == [("?", ("西兰花 约400g/颗",), "1", "箱")]
    assert read("柠檬三个") == [("?", ("柠檬 4个/袋",), "3", "个")]  # 4 to a bag: 3 cannot be sold
