"""Sound-alike typos: a name typed with a homophone, or with z/zh, n/l, an/ang heard alike, names the one
product that sounds so; a word that sounds like nothing sold is still asked about or left unread."""
from __future__ import annotations

from tests.group_orders.conftest import read


def test_the_same_pinyin(fresh_shop):
    assert read("柠蒙1袋") == [("柠檬", "4个/袋", "1", "袋")]
    assert read("西兰化2颗") == [("西兰花", "约400g/颗", "2", "颗")]
    assert read("子薯2斤") == [("紫薯", "散装", "2", "斤")]


def test_southern_ears(fresh_shop):
    assert read("纸薯2斤") == [("紫薯", "散装", "2", "斤")]  # zh / z
    assert read("另檬1袋") == [("柠檬", "4个/袋", "1", "袋")]  # l / n and ing / eng
    assert read("西郎花1颗") == [("西兰花", "约400g/颗", "1", "颗")]  # ang / an
    assert read("脐成3斤") == [("脐橙", "散装", "3", "斤")]  # eng / eng, cheng typed as 成


def test_a_typo_at_a_numeral_is_not_a_quantity(fresh_shop):
    assert read("吴花肉2斤") == [("五花肉", "散装", "2", "斤")]
    assert read("五化肉2斤") == [("五花肉", "散装", "2", "斤")]  # not 5 of 化肉


def test_a_unit_never_stands_for_a_sound(fresh_shop):
    """几斤 (ji jin) sounds like 鸡精 (ji jing) to a southern ear, but 斤 is a unit: no 鸡精 line."""
    [(mark, shown, _, unit)] = read("几斤菠菜")  # how many 斤 is for the clerk to ask
    assert (mark, shown, unit) == ("?", ("菠菜 散装",), "斤")
    assert read("鸡京1袋") == [("鸡精", "200g/袋", "1", "袋")]
