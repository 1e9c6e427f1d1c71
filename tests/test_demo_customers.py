"""The demo shop's customers: a few wholesale buyers on credit for the 销售 tab to show."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.demo.customers import add_demo_customers
from services.demo.store import generate_demo
from services.sales import customers, receivables, tier_prices

TODAY = dt.date(2026, 11, 22)


def test_demo_customers_owe_believable_amounts(shop):
    assert add_demo_customers(shop.owner, TODAY) == 4
    assert add_demo_customers(shop.owner, TODAY) == 0  # once
    rows = {r.name: r for r in customers.list_customers()}
    assert list(rows)[0] == "散客" and len(rows) == 5
    assert rows["幸福里小饭馆"].balance == Decimal("1974.00")
    assert rows["阳光幼儿园食堂"].balance == Decimal("7660.00")
    assert rows["老王面馆"].balance == Decimal("2300.00")
    assert receivables.credit_room(rows["老王面馆"].id) == Decimal("-300.00")  # over the limit
    ageing = {r.name: r for r in receivables.ageing(TODAY)}
    assert ageing["老王面馆"].buckets[3] > 0  # 61-90 days late
    assert "陈阿姨" not in ageing
    wang = customers.get_customer("老王面馆")
    assert customers.price_for(shop.screw.id, wang) == Decimal("0.09")
    assert tier_prices.floor_price(shop.screw.id) == Decimal("0.05")


def test_the_generated_demo_has_them(db):
    generate_demo(db, products=12, days=3, today=TODAY)
    assert len(customers.list_customers()) == 5
    assert receivables.ageing(TODAY)
