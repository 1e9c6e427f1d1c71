"""Several people's orders in one paste: one order each, by name: colon, @name or a numbered 接龙 line."""
from __future__ import annotations

from decimal import Decimal

from models.sales import Customer
from services.group_orders.parsed_lines import UsualLine
from services.group_orders.people import parse_people, split_people


def orders(text: str, **kwargs) -> dict[str, list[tuple]]:
    return {p.person: [(ln.name, str(Decimal(ln.qty).normalize()), ln.unit) for ln in p.order.lines]
            for p in parse_people(text, **kwargs)}


def test_one_order_per_person(fresh_shop):
    assert orders("王姐:蓝莓2盒\n李哥:香蕉3斤 西红柿2斤") == {
        "王姐": [("蓝莓", "2", "盒")], "李哥": [("香蕉", "3", "斤"), ("西红柿", "2", "斤")]}
    assert orders("@王姐 蓝莓2盒\n@李哥 香蕉3斤") == {"王姐": [("蓝莓", "2", "盒")], "李哥": [("香蕉", "3", "斤")]}
    assert orders("1. 王姐 蓝莓2盒\n2. 李哥 香蕉3斤") == {"王姐": [("蓝莓", "2", "盒")], "李哥": [("香蕉", "3", "斤")]}


def test_a_person_who_writes_twice_has_one_order_with_the_correction(fresh_shop):
    assert orders("小王:蓝莓2盒\n小李:香蕉1斤\n小王:再加1盒蓝莓") == {
        "小王": [("蓝莓", "3", "盒")], "小李": [("香蕉", "1", "斤")]}


def test_one_persons_message_stays_one_order(fresh_shop):
    """李姐: heading one message, a product before a colon, a time: none of them is a second person."""
    assert orders("李姐:\n1. 蓝莓2盒\n2. 香蕉1斤") == {"": [("蓝莓", "2", "盒"), ("香蕉", "1", "斤")]}
    assert orders("蓝莓:2盒\n香蕉:3斤") == {"": [("蓝莓", "2", "盒"), ("香蕉", "3", "斤")]}
    assert split_people("1. 梨 2斤\n2. 香蕉 3斤", lambda words: words in ("梨", "香蕉")) == [
        ("", "1. 梨 2斤\n2. 香蕉 3斤")]
    assert split_people("蓝莓2盒\n10:30 来拿", lambda words: False) == [("", "蓝莓2盒\n10:30 来拿")]


def test_a_known_customer_gets_their_usual_order(fresh_shop):
    """王姐 is a customer by her WeChat name: her 老规矩 is 鲜鸡蛋 1 盒; 李哥 is not, so he has none."""
    wang = Customer.create(code="WANG", name="王秀英", wechat="王姐")
    usual = {wang.id: [UsualLine(fresh_shop[("鲜鸡蛋", "30枚/盒")], Decimal(1), "盒")]}
    people = parse_people("王姐:老规矩\n李哥:老规矩", usual_order=lambda cid: usual.get(cid, []))
    assert [(p.person, p.customer_id, [ln.name for ln in p.order.lines]) for p in people] == [
        ("王姐", wang.id, ["鲜鸡蛋"]), ("李哥", None, [])]
    assert people[1].order.unparsed == ["老规矩"]
