"""The group-order parser on a small shop: learned aliases, typos, units, the usual order, the cache."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import AuditEvent, Product
from services.catalog import products
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.users import create_user
from services.group_orders.message_parser import UsualLine, parse
from services.group_orders.product_aliases import forget_alias, learn_alias
from services.group_orders.product_choice import ACCEPT
from tests.test_cn_numbers import to_chinese

CATALOGUE = [  # name, spec, base unit, extra units
    ("蓝莓", "125g/盒", "盒", [("箱", "12")]),
    ("蓝莓", "大果18mm+ 125g/盒", "盒", [("箱", "12")]),
    ("草莓", "丹东99 约400g/盒", "盒", []),
    ("草莓", "红颜 约300g/盒", "盒", []),
    ("铁棍山药", "1kg/袋", "袋", []),
    ("山药", "散装", "斤", []),
    ("菠菜", "500g/袋", "袋", []),
    ("菠菜", "散装", "斤", []),
    ("猪肋排", "散装", "斤", []),
    ("鲜鸡蛋", "30枚/盒", "盒", [("箱", "6")]),
    ("土鸡蛋", "15枚/盒", "盒", []),
    ("青虾仁", "250g/盒", "盒", []),
    ("小葱", "100g/把", "把", []),
    ("东北大米", "散装", "kg", []),
]


@pytest.fixture
def small_shop(db):
    """(name, spec) → product id for a dozen fresh-food products."""
    ids = {}
    for name, spec, unit, units in CATALOGUE:
        product = products.save_product(db, products.ProductInput(name=name, spec=spec, base_unit=unit, units=units))
        ids[(name, spec)] = product.id
    return ids


def lines_of(text: str, **kwargs) -> list[tuple]:
    """(name, spec, qty, unit) per confident line, ('?', words, qty, unit) per asking line."""
    order = parse(text, **kwargs)
    return [("?", ln.words, str(ln.qty), ln.unit) if ln.needs_choice else (ln.name, ln.spec, str(ln.qty), ln.unit)
            for ln in order.lines]


def test_the_issue_examples(small_shop):
    assert lines_of("要2盒蓝莓+1袋山药") == [("蓝莓", "125g/盒", "2", "盒"), ("铁棍山药", "1kg/袋", "1", "袋")]
    assert lines_of("两斤菠菜 一斤半排骨") == [("菠菜", "散装", "2", "斤"), ("猪肋排", "散装", "1.5", "斤")]
    assert lines_of("蓝莓2 山药1") == [("蓝莓", "125g/盒", "2", "盒"), ("山药", "散装", "1", "斤")]
    assert lines_of("再来半斤虾仁") == [("青虾仁", "250g/盒", "1", "盒")]  # 半斤 = one 250 g box


def test_an_ambiguous_line_asks_with_the_top_candidates_and_no_product(small_shop):
    order = parse("草莓两盒")
    (line,) = order.lines
    assert line.needs_choice and line.sku is None and line.confidence < ACCEPT
    assert {(c.name, c.spec) for c in line.candidates[:2]} == {("草莓", "丹东99 约400g/盒"), ("草莓", "红颜 约300g/盒")}
    assert (line.qty, line.unit, line.words) == (Decimal(2), "盒", "草莓")


def test_a_learned_alias_resolves_with_top_confidence_and_is_audited(small_shop, owner):
    hongyan, dandong = small_shop[("草莓", "红颜 约300g/盒")], small_shop[("草莓", "丹东99 约400g/盒")]
    asked = parse("草莓两盒").lines[0]
    learn_alias(owner, asked.words, hongyan)  # the clerk chose 红颜 for this customer's 草莓
    (line,) = parse("草莓两盒").lines
    assert (line.product_id, line.confidence, line.candidates) == (hongyan, 1.0, [])
    event = AuditEvent.select().where(AuditEvent.action == "alias.learn").order_by(AuditEvent.id.desc()).first()
    assert event.entity_id == "草莓" and "红颜" not in event.old and Product.get_by_id(hongyan).sku in event.new

    learn_alias(owner, "草莓", dandong)  # a later choice replaces the earlier one, old → new in the log
    assert parse("草莓两盒").lines[0].product_id == dandong
    event = AuditEvent.select().where(AuditEvent.action == "alias.learn").order_by(AuditEvent.id.desc()).first()
    assert Product.get_by_id(hongyan).sku in event.old and Product.get_by_id(dandong).sku in event.new

    assert forget_alias(owner, "草莓") and not forget_alias(owner, "草莓")
    assert parse("草莓两盒").lines[0].needs_choice


def test_an_alias_can_be_words_the_catalogue_does_not_have(small_shop, owner):
    asked = parse("奶油草莓一盒").lines[0]  # what customers call 红颜; no label says 奶油
    assert asked.needs_choice and asked.words == "奶油草莓"
    learn_alias(owner, asked.words, small_shop[("草莓", "红颜 约300g/盒")])
    assert lines_of("奶油草莓一盒") == [("草莓", "红颜 约300g/盒", "1", "盒")]
    assert lines_of("大草莓一盒") == [("草莓", "丹东99 约400g/盒", "1", "盒")]  # 大: the bigger box


def test_alias_refusals(small_shop, owner):
    with pytest.raises(ValidationError):
        learn_alias(owner, "  🙏 ", small_shop[("蓝莓", "125g/盒")])
    with pytest.raises(ValidationError):
        learn_alias(owner, "123", small_shop[("蓝莓", "125g/盒")])
    with pytest.raises(NotFound):
        learn_alias(owner, "蓝蓝", 99999)
    finance = create_user(owner, "kuaiji", "finance")
    with pytest.raises(PermissionDenied):
        learn_alias(finance, "蓝蓝", small_shop[("蓝莓", "125g/盒")])
    cashier = create_user(owner, "shouyin", "cashier")
    learn_alias(cashier, "蓝蓝", small_shop[("蓝莓", "125g/盒")])  # the clerk at the till teaches it


def test_typos_are_found_by_pinyin(small_shop):
    (line,) = parse("蓝梅2盒").lines
    assert (line.name, line.spec, line.qty) == ("蓝莓", "125g/盒", Decimal(2))
    assert ACCEPT <= line.confidence < 1
    assert lines_of("草梅一盒") == [("?", "草梅", "1", "盒")]  # found, but which 草莓 is still a question


def test_weights_convert_for_weighed_products(small_shop):
    assert lines_of("3斤大米") == [("东北大米", "散装", "1.5", "kg")]
    assert lines_of("500g东北大米") == [("东北大米", "散装", "0.5", "kg")]
    assert lines_of("两公斤排骨") == [("猪肋排", "散装", "4", "斤")]
    assert lines_of("1斤2两排骨") == [("猪肋排", "散装", "1.2", "斤")]
    (box,) = parse("一箱鸡蛋").lines
    assert (box.name, box.qty, box.unit, box.base_qty, box.base_unit) == ("鲜鸡蛋", 1, "箱", 6, "盒")


def test_a_unit_no_product_is_sold_by_asks(small_shop):
    (line,) = parse("三个山药").lines
    assert line.needs_choice and line.confidence == 0 and line.unit == "个"
    assert any("个" in note for note in line.notes)


def test_no_quantity_means_one_flagged_below_accept(small_shop):
    (line,) = parse("要小葱").lines
    assert (line.name, line.qty, line.unit) == ("小葱", 1, "把")
    assert line.confidence < ACCEPT and line.notes


def test_the_usual_order_fills_lao_gui_ju_and_is_read_only_when_needed(small_shop):
    egg, milk_less = small_shop[("鲜鸡蛋", "30枚/盒")], small_shop[("铁棍山药", "1kg/袋")]
    calls = []

    def usual(customer):
        calls.append(customer)
        return [UsualLine(egg, Decimal(1), "盒"), UsualLine(milk_less, Decimal(2), "袋")]

    assert lines_of("小葱一把", customer="王阿姨", usual_order=usual) == [("小葱", "100g/把", "1", "把")]
    assert calls == []  # nothing to decide: the usual order was not read
    got = lines_of("老规矩再加一盒鸡蛋", customer="王阿姨", usual_order=usual)
    assert got == [("鲜鸡蛋", "30枚/盒", "1", "盒"), ("铁棍山药", "1kg/袋", "2", "袋"), ("鲜鸡蛋", "30枚/盒", "1", "盒")]
    assert calls == ["王阿姨"]  # read once per message, with the customer


def test_lao_gui_ju_without_a_usual_order_is_unparsed_with_the_reason(small_shop):
    order = parse("老规矩再加一盒鸡蛋")
    assert order.unparsed == ["老规矩"] and "老规矩" in order.reasons["老规矩"]
    assert order.lines[0].needs_choice  # 鸡蛋: 鲜鸡蛋 or 土鸡蛋, nothing tells


def test_catalogue_changes_reach_the_parser(small_shop, owner):
    assert parse("荔枝2盒").unparsed == ["荔枝2盒"]
    lychee = products.save_product(owner, products.ProductInput(name="荔枝", spec="500g/盒", base_unit="盒"))
    assert lines_of("荔枝2盒") == [("荔枝", "500g/盒", "2", "盒")]
    products.save_product(owner, products.ProductInput(name="妃子笑荔枝", spec="500g/盒", base_unit="盒"), lychee.id)
    assert lines_of("妃子笑2盒") == [("妃子笑荔枝", "500g/盒", "2", "盒")]
    Product.update(active=False).where(Product.id == lychee.id).execute()
    assert parse("妃子笑荔枝2盒").unparsed == ["妃子笑荔枝2盒"]


def test_empty_and_polite_messages_give_nothing(small_shop):
    for text in ("", "   ", "谢谢老板🙏🙏", "[抱拳]"):
        order = parse(text)
        assert (order.lines, order.unparsed) == ([], [])


def test_notes_and_unknown_words_are_unparsed_with_reasons(small_shop):
    order = parse("蓝莓两盒,可乐2瓶,明天下午3点来拿")
    assert [ln.name for ln in order.lines] == ["蓝莓"]
    assert order.unparsed == ["可乐2瓶", "明天下午3点来拿"]
    assert order.reasons["可乐2瓶"] != order.reasons["明天下午3点来拿"]


def test_json_shape(small_shop):
    data = parse("要2盒蓝莓+两盒草莓 可乐").as_json()
    assert set(data) == {"lines", "unparsed"}
    first, second = data["lines"]
    assert {"sku", "name", "qty", "unit", "confidence"} <= set(first)
    assert (first["name"], first["qty"], first["unit"], first["confidence"]) == ("蓝莓", "2", "盒", 1.0)
    assert second["sku"] is None and second["status"] == "ask" and len(second["candidates"]) >= 2
    assert isinstance(second["confidence"], float) and second["confidence"] == round(second["confidence"], 2)
    assert data["unparsed"] == ["可乐"]


# any quantity + unit + product name, in any usual order, reads back as that line
UNAMBIGUOUS = [("铁棍山药", "袋"), ("小葱", "把"), ("猪肋排", "斤"), ("鲜鸡蛋", "盒"), ("鲜鸡蛋", "箱"), ("青虾仁", "盒"),
               ("土鸡蛋", "盒"), ("东北大米", "kg")]


@st.composite
def composed_lines(draw):
    name, unit = draw(st.sampled_from(UNAMBIGUOUS))
    whole = draw(st.integers(min_value=1, max_value=999))
    half = unit in ("斤", "kg") and draw(st.booleans())
    qty = Decimal(whole) + (Decimal("0.5") if half else 0)
    written = draw(st.sampled_from(["digits", "chinese"]))
    if written == "digits":
        qty_text = str(qty) + unit
    else:
        qty_text = to_chinese(whole) + unit + ("半" if half else "")
    layout = draw(st.sampled_from(["{q}{n}", "{n}{q}", "要{q}{n},谢谢🙏", "{n} {q}", "老板,帮我留{q}{n}"]))
    return layout.format(q=qty_text, n=name), name, qty, unit


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(composed_lines())
def test_any_composed_line_parses_back(small_shop, composed):
    message, name, qty, unit = composed
    order = parse(message)
    assert order.unparsed == [], message
    (line,) = order.lines
    assert (line.name, line.qty, line.unit) == (name, qty, unit), message
    assert line.confidence >= ACCEPT, message
