"""One simulated run: a fresh shop in a temp SQLite database, `days` days under one policy.

Each day: 06:00 products launched today get their opening stock on order (2 days of mean demand in
packs, the same for every policy) → 06:30 deliveries due today are received → 07:00–21:00 one counter
sale per hour → 21:00 closing (shelf damage, expired lots to loss) → 21:30 the policy orders.
"""
from __future__ import annotations

import datetime as dt
import math
import tempfile
from pathlib import Path

from bench.sim.metrics import Tally
from bench.sim.model import FIRST_DAY, demand_table, make_products
from bench.sim.policies import Evening, policy_named
from bench.sim.shop import Shop, moment, opening_hours
from models import database, open_database
from services.core import shop_settings
from services.core.clock import clock_at
from services.shop.setup import initialise

OPENING_DAYS = 2


def run(policy: str, products: int, days: int, seed: int, warmup: int = 14, catalogue=None,
        service_level: str | None = None, category_levels: str | None = None) -> dict:
    """The run's summary (bench/sim/metrics.py) with its parameters; `catalogue` replaces the drawn
    products (tests give one product with a known demand); `service_level` and `category_levels` are
    the owner's shop settings (suggestion.service_level, suggestion.category_service_levels) — only
    the `app` policy reads them."""
    sim_products = catalogue if catalogue is not None else make_products(products, days, seed)
    asked = demand_table(sim_products, days, seed) if catalogue is None else catalogue_demand(sim_products, days)
    with tempfile.TemporaryDirectory() as folder:
        with clock_at(moment(FIRST_DAY, dt.time(5))):
            open_database(Path(folder) / "sim.sqlite3")
            owner = initialise()
            settings = {"suggestion.service_level": service_level, "suggestion.category_service_levels": category_levels}
            shop_settings.set_values(owner, {key: value for key, value in settings.items() if value is not None})
            shop = Shop(owner, sim_products, seed)
        try:
            tally = simulate(shop, policy_named(policy), asked, days, warmup)
        finally:
            database.close()
    return {"policy": policy, "products": len(sim_products), "days": days, "warmup": warmup, "seed": seed,
            "service_level": service_level,
            "category_levels": category_levels, **tally.summary()}


def catalogue_demand(products, days: int) -> list[list[list[int]]]:
    """A test catalogue's products carry `asked(day, hour)` themselves."""
    return [[[p.asked(day, hour) for p in products] for hour in opening_hours()] for day in range(days)]


def simulate(shop: Shop, policy, asked: list[list[list[int]]], days: int, warmup: int) -> Tally:
    tally = Tally(shop.products)
    sold: list[list[int]] = []
    for day_no in range(days):
        day = FIRST_DAY + dt.timedelta(days=day_no)
        measured = day_no >= warmup
        opening = {p.index: math.ceil(OPENING_DAYS * p.rate / p.category.pack) * p.category.pack
                   for p in shop.products if p.launch_day == day_no}
        with clock_at(moment(day, dt.time(6))):
            for supplier_key in {shop.products[i].category.supplier for i in opening}:
                lines = {i: q for i, q in opening.items() if shop.products[i].category.supplier == supplier_key}
                shop.place_order(shop.suppliers[supplier_key].id, lines, day, day)
        good, door = shop.receive_due(day, day_no)
        sold_today = [0] * len(shop.products)
        asked_today = [0] * len(shop.products)
        for hour, wanted in zip(opening_hours(), asked[day_no], strict=True):
            for i, n in enumerate(shop.sell_hour(day, hour, wanted)):
                sold_today[i] += n
            asked_today = [a + w for a, w in zip(asked_today, wanted, strict=True)]
        expired, broken = shop.close_day(day, day_no)
        sold.append(sold_today)
        placed = policy(shop, Evening(day, day_no, days, sold))
        if not measured:
            continue
        tally.orders += placed
        tally.day(asked_today, sold_today, [day_no >= p.launch_day for p in shop.products])
        stock = shop.closing_stock()
        for i, t in enumerate(tally.by_product):
            t.received += good.get(i, 0)
            t.door_damaged += door.get(i, 0)
            t.expired += expired.get(i, 0)
            t.damaged += broken.get(i, 0)
            t.stock_days += stock.get(i, 0)
    return tally
