"""How the demo's owner runs the shop on Xiaopu's advice: one order per van for a twice-a-week supplier,
a quarter more from the tofu maker who sends a fifth back, and the evening markdown of the 临期 worklist."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

from services.catalog.products import ProductInput, save_product
from services.core import clock
from services.demo import simulation
from services.demo.catalog import demo_products
from services.demo.ordering import _waiting_suppliers
from services.demo.simulation import DemoShop, Stock
from services.purchasing import suggestions
from services.purchasing.suppliers import SupplierInput, save_supplier


def test_a_twice_a_week_supplier_gets_one_order_per_van(db):
    """丰源 comes Monday and Thursday, two days after the order. Sunday evening (the test clock) an order
    arrives Thursday 12-10 — and so does one placed Monday evening: Sunday's lines wait. On Tuesday evening
    the order makes Thursday's van and Wednesday's would only make next Monday's: it goes in. The daily
    vegetable farm never waits."""
    oil = save_supplier(db, SupplierInput(name="丰源", lead_time_days=2, delivery_weekdays="一四"))
    farm = save_supplier(db, SupplierInput(name="城南", lead_time_days=1))
    paste = save_product(db, ProductInput(name="芝麻酱", base_unit="瓶", shelf_life_days=15, cost="10", price="16")).id
    base = suggestions.explain(paste)
    sunday = clock.today()
    assert sunday.weekday() == 6

    def line(supplier, delivery: dt.date):
        return replace(base, supplier_id=supplier.id, next_delivery=dt.datetime.combine(delivery, dt.time(8)))

    thursday = dt.date(2026, 12, 10)
    assert _waiting_suppliers([line(oil, thursday), line(farm, dt.date(2026, 12, 7))], sunday) == {oil.id}
    assert _waiting_suppliers([line(oil, thursday)], dt.date(2026, 12, 8)) == set()


def test_the_evening_markdown_sells_only_the_lots_on_their_last_day(monkeypatch):
    """Spinach keeps 3 days, so its markdown window is its last selling day. On Monday 2 斤 expire that day
    and 10 斤 on Wednesday. At 17:00 the markdown lists the 2 斤 lot only; however many bargain hunters
    come, they take those 2 斤 and nothing of Wednesday's lot, and nobody is a lost sale."""
    spinach = next(p for p in demo_products(20, 1) if p.name == "菠菜")
    assert spinach.shelf_life == 3
    monday = dt.date(2026, 11, 30)
    shop = DemoShop([replace(spinach, index=0)], seed=1, first_day=monday, days=1, stock=Stock(1))
    shop.stock.add(0, monday, Decimal(2))
    shop.stock.add(0, monday + dt.timedelta(days=2), Decimal(10))

    marked = shop.markdown(monday, "k1")
    assert [(ln.quantity, ln.picks) for ln in marked.lines] == [(Decimal(2), [(monday, Decimal(2))])]

    monkeypatch.setattr(simulation, "BARGAIN_LIFT", 50.0)  # a crowd: far more than 2 斤 wanted
    bought = shop.bargain_buys(random.Random(7), monday, simulation.MARKDOWN_BLOCK, "k2")
    assert [(ln.quantity, ln.picks) for ln in bought.lines] == [(Decimal(2), [(monday, Decimal(2))])]
    assert bought.lost == []
    assert shop.stock.lots[0] == {monday + dt.timedelta(days=2): Decimal(10)}
    assert shop.bargain_buys(random.Random(8), monday, simulation.MARKDOWN_BLOCK + 1, "k3") is None
