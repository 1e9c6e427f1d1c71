"""The clerk's choice on an asked line (line_choice) and the customer's habits (usual_orders.bought_before)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import AuditEvent, Product
from models.sales import Customer
from services.catalog.locations import default_store
from services.core.clock import clock_at, now
from services.group_orders.line_choice import ALIAS, HABIT, learn_choice, pick_product
from services.group_orders.message_parser import parse
from services.group_orders.usual_orders import HABIT_DAYS, bought_before
from services.sales import sales_orders as so
from services.sales.sales_lines import SaleLineInput
from tests.sales_shop import stock_in


def test_the_chosen_product_takes_the_quantity_in_its_unit(fresh_shop):
    [line] = parse("酸奶1斤").lines  # 斤 weighs; a bottle of 500 ml does not convert: asked
    assert line.needs_choice
    chosen = pick_product(line, fresh_shop[("原味酸奶", "500ml/瓶")])
    assert (chosen.name, chosen.qty, chosen.unit, chosen.confidence) == ("原味酸奶", 1, "瓶", 1.0)
    assert any("斤" in note for note in chosen.notes)  # the clerk sees the customer said 斤
    [eggs] = parse("鸡蛋一盒").lines
    chosen = pick_product(eggs, fresh_shop[("土鸡蛋", "15枚/盒")])
    assert (chosen.name, chosen.qty, chosen.unit, chosen.base_qty, chosen.candidates) == ("土鸡蛋", 1, "盒", 1, [])


def test_a_typo_becomes_an_alias_a_generic_word_a_customers_habit(db, fresh_shop):
    customer = Customer.create(code="C9", name="周阿姨")
    [eggs] = parse("鸡蛋一盒").lines
    assert learn_choice(db, eggs, fresh_shop[("土鸡蛋", "15枚/盒")], customer.id) == HABIT
    assert AuditEvent.select().where(AuditEvent.action == "alias.learn").count() == 0  # nobody else's 鸡蛋 changes
    assert learn_choice(db, eggs, fresh_shop[("土鸡蛋", "15枚/盒")], None) == ALIAS  # no customer: the shop's word
    assert parse("鸡蛋两盒").lines[0].name == "土鸡蛋"


def test_habits_are_the_products_of_recent_orders(db, fresh_shop):
    """周阿姨 took 土鸡蛋 100 days ago and 鲜鸡蛋 10 days ago: only 鲜鸡蛋 is her habit now."""
    customer = Customer.create(code="C9", name="周阿姨")
    store = default_store()
    for name in (("土鸡蛋", "15枚/盒"), ("鲜鸡蛋", "30枚/盒")):
        stock_in(db, Product.get_by_id(fresh_shop[name]), "5", store)
    for days, name in ((100, ("土鸡蛋", "15枚/盒")), (10, ("鲜鸡蛋", "30枚/盒"))):
        with clock_at(now() - dt.timedelta(days=days)):
            so.create_order(db, "GROUP", [SaleLineInput(fresh_shop[name], Decimal(1), "盒")], customer_id=customer.id)
    assert HABIT_DAYS == 90 and bought_before(customer.id) == {fresh_shop[("鲜鸡蛋", "30枚/盒")]}
    assert bought_before(None) == set()
    [line] = parse("鸡蛋一盒", customer=customer.id, bought=bought_before).lines
    assert line.name == "鲜鸡蛋"
