"""The evening's ordering policies, each on the same demand stream (bench/sim/model.py).

    app    accept Xiaopu's purchase suggestions as an owner would: every line with a quantity and
           usable supplier data becomes a draft order (suggestions.drafts_from_lines), which is
           submitted and approved. It reads only what the shop's database knows.
    par    on the eve of a delivery: order up to 1.5 × mean daily demand × days from that delivery to
           the next one + 1 unit, in whole packs, less sellable stock and what is on order. The one
           policy that reads the model's true mean demand (the issue's definition).
    naive  on the eve of a delivery: order 1.2 × the units sold since the supplier's last delivery
           day (for a daily supplier: yesterday's sales × 1.2, as seen from tomorrow's delivery), spread
           over the days the order must last, in whole packs — whatever is still on the shelf.

par and naive order only for the delivery that comes tomorrow morning (an owner who orders the evening
before the van comes); products not launched yet are not carried.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from bench.sim.model import SimProduct
from bench.sim.shop import ORDER_AT, Shop, moment
from services.core.clock import clock_at
from services.demo import ordering
from services.purchasing.delivery_calendar import next_delivery_days
from services.sales import promotions
from services.stock.sellable import sellable_map

PAR_FACTOR = 1.5
PLAN_AHEAD = 7  # days: an owner plans next week's specials
NAIVE_FACTOR = 1.2


@dataclass(frozen=True)
class Evening:
    day: dt.date
    day_no: int
    days: int  # length of the run (the trend's scale)
    sold: list[list[int]]  # units sold per day so far (today last) per product index


def accept_suggestions(shop: Shop, evening: Evening) -> int:
    """`app`: returns the number of orders placed (the demo shop orders the same way: services/demo/ordering.py).
    The shop's own promotions are its owner's decision: each is entered in 促销计划 PLAN_AHEAD days before it
    starts, without its size (the engine learns that from the promotions it has seen)."""
    plan_promotions(shop, evening)
    return len(ordering.accept_suggestions(shop.owner, shop.owner, moment(evening.day, ORDER_AT)))


def plan_promotions(shop: Shop, evening: Evening, ahead: int = PLAN_AHEAD) -> int:
    """Enter the promotions that start within `ahead` days (once each); returns how many were entered."""
    entered = 0
    with clock_at(moment(evening.day, ORDER_AT)):
        for p in shop.products:
            if not p.promo_days or p.index in shop.promotions_planned:
                continue
            first = min(p.promo_days)
            if evening.day_no < first <= evening.day_no + ahead:
                day = evening.day + dt.timedelta(days=first - evening.day_no)
                promotions.plan_promotion(shop.owner, shop.ids[p.index], day,
                                          day + dt.timedelta(days=max(p.promo_days) - first))
                shop.promotions_planned.add(p.index)
                entered += 1
    return entered


def _order_for_tomorrow(shop: Shop, evening: Evening, wanted: Callable[[SimProduct, Cover, float], float]) -> int:
    """For each supplier delivering tomorrow: wanted(product, cover, position) units, in whole packs;
    position = sellable stock + on order."""
    at = moment(evening.day, ORDER_AT)
    placed = 0
    with clock_at(at):
        have = sellable_map(set(shop.ids), at)
        on_order = shop.on_order()
        for key, supplier in shop.suppliers.items():
            first, second = next_delivery_days(supplier, evening.day, 2)
            if first != evening.day + dt.timedelta(days=1):
                continue
            cover = Cover((second - first).days, _days_since_delivery(supplier.delivery_weekdays, evening.day))
            lines = {}
            for p in shop.products:
                if p.category.supplier != key or evening.day_no < p.launch_day:
                    continue
                position = float(have.get(shop.ids[p.index], 0)) + float(on_order.get(p.index, 0))
                units = wanted(p, cover, position)
                if units > 0:
                    lines[p.index] = math.ceil(units / p.category.pack) * p.category.pack
            if lines:
                shop.place_order(supplier.id, lines, evening.day, first)
                placed += 1
    return placed


@dataclass(frozen=True)
class Cover:
    ahead: int  # days from tomorrow's delivery to the one after: what the order must last
    behind: int  # days from the last delivery day up to today, today included


def _days_since_delivery(weekdays: str, today: dt.date) -> int:
    back = 0
    while str((today - dt.timedelta(days=back)).isoweekday()) not in (weekdays or "1234567"):
        back += 1
    return back + 1


def par_levels(shop: Shop, evening: Evening) -> int:
    def wanted(p: SimProduct, cover: Cover, position: float) -> float:
        return PAR_FACTOR * p.mean_daily(evening.day_no, evening.days) * cover.ahead + 1 - position

    return _order_for_tomorrow(shop, evening, wanted)


def naive(shop: Shop, evening: Evening, factor: float = NAIVE_FACTOR) -> int:
    def wanted(p: SimProduct, cover: Cover, position: float) -> float:
        sold = sum(day[p.index] for day in evening.sold[-cover.behind:])
        return factor * sold / cover.behind * cover.ahead

    return _order_for_tomorrow(shop, evening, wanted)


POLICIES: dict[str, Callable[[Shop, Evening], int]] = {"app": accept_suggestions, "par": par_levels, "naive": naive}


def policy_named(name: str) -> Callable[[Shop, Evening], int]:
    """A policy by name; 'naive@1.0' is naive at another factor than 1.2, so that its fill and
    waste can be set beside app's at an equal fill rate (naive's frontier)."""
    base, _, factor = name.partition("@")
    if base == "naive" and factor:
        return functools.partial(naive, factor=float(factor))
    return POLICIES[name]
