"""The evening's ordering policies, each on the same demand stream (bench/sim/model.py).

    app    accept Xiaopu's purchase suggestions as an owner would: every line with a quantity and
           usable supplier data becomes a draft order (suggestions.drafts_from_lines), which is
           submitted and approved. It reads only what the shop's database knows.
    par    on the eve of a delivery: order up to 1.5 × mean daily demand × days from that delivery to
           the next one + 1 unit, in whole packs, less sellable stock and what is on order. The one
           policy that reads the model's true mean demand (the issue's definition).
    naive  on the eve of a delivery: order up to (yesterday's sales × 1.2, at least 1) × the same
           days, in whole packs, less sellable stock and what is on order.

par and naive order only for the delivery that comes tomorrow morning (an owner who orders the evening
before the van comes); products not launched yet are not carried.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from bench.sim.model import SimProduct
from bench.sim.shop import ORDER_AT, Shop, moment
from services.core.clock import clock_at
from services.purchasing import suggestions
from services.purchasing.delivery_calendar import next_delivery_days
from services.stock.sellable import sellable_map

PAR_FACTOR = 1.5
NAIVE_FACTOR = 1.2


@dataclass(frozen=True)
class Evening:
    day: dt.date
    day_no: int
    days: int  # length of the run (the trend's scale)
    sold_today: list[int]  # units sold today per product index


def accept_suggestions(shop: Shop, evening: Evening) -> int:
    """`app`: returns the number of orders placed."""
    at = moment(evening.day, ORDER_AT)
    with clock_at(at):
        lines = [s for s in suggestions.suggest(at) if s.suggested > 0 and not s.problem]
        if not lines:
            return 0
        numbers = suggestions.drafts_from_lines(shop.owner, lines)
        for number in numbers:
            shop.approve(number)
    return len(numbers)


def _order_up_to(shop: Shop, evening: Evening, target: Callable[[SimProduct, int], float]) -> int:
    """For each supplier delivering tomorrow: order up to target(product, cover days) in packs."""
    at = moment(evening.day, ORDER_AT)
    placed = 0
    with clock_at(at):
        have = sellable_map(set(shop.ids), at)
        on_order = shop.on_order()
        for supplier in shop.suppliers.values():
            first, second = next_delivery_days(supplier, evening.day, 2)
            if first != evening.day + dt.timedelta(days=1):
                continue
            cover = (second - first).days
            lines = {}
            for p in shop.products:
                if p.category.supplier != _key(shop, supplier) or evening.day_no < p.launch_day:
                    continue
                position = float(have.get(shop.ids[p.index], 0)) + float(on_order.get(p.index, 0))
                short = target(p, cover) - position
                if short > 0:
                    lines[p.index] = math.ceil(short / p.category.pack) * p.category.pack
            if lines:
                shop.place_order(supplier.id, lines, evening.day, first)
                placed += 1
    return placed


def _key(shop: Shop, supplier) -> str:
    return next(k for k, s in shop.suppliers.items() if s.id == supplier.id)


def par_levels(shop: Shop, evening: Evening) -> int:
    def target(p: SimProduct, cover: int) -> float:
        return PAR_FACTOR * p.mean_daily(evening.day_no, evening.days) * cover + 1

    return _order_up_to(shop, evening, target)


def naive(shop: Shop, evening: Evening) -> int:
    def target(p: SimProduct, cover: int) -> float:
        return max(1.0, NAIVE_FACTOR * evening.sold_today[p.index]) * cover

    return _order_up_to(shop, evening, target)


POLICIES: dict[str, Callable[[Shop, Evening], int]] = {"app": accept_suggestions, "par": par_levels, "naive": naive}
