"""Planned promotions in tonight's suggestions: each planned day ahead sells `uplift` × its usual
forecast, so the order before a promotion buys for it and the one before its last day does not buy
for a promotion that is over.

    uplift = the owner's own figure on the plan (促销计划 "预计倍数"), else what the product's earlier
             planned promotions asked for against its usual day (services.stock.demand: the mean of
             those days), else the shop's (the median over the products whose promotions were seen
             in the pattern period), else DEFAULT_UPLIFT; kept within UPLIFT_MIN … UPLIFT_MAX.
"""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, replace
from decimal import Decimal

from services.stock.demand import Demand, demand_by_product, pattern_days, window
from services.stock.promotion_days import UPLIFT_MAX, UPLIFT_MIN, planned_days

DEFAULT_UPLIFT = Decimal(2)  # a shop that never planned one: twice a usual day
LOOK_AHEAD = dt.timedelta(days=21)  # further than any delivery after next


@dataclass(frozen=True)
class Promotion:
    """The planned promotion a suggestion orders for: its days ahead and the uplift used."""

    first_day: dt.date
    last_day: dt.date
    uplift: Decimal
    source: str  # "plan" (the owner's figure) | "product" | "shop" | "default"


def boosted(demand: dict[int, Demand], at: dt.datetime, window_days: int,
            product_ids: set[int] | None) -> tuple[dict[int, Demand], dict[int, Promotion]]:
    """`demand` with each planned promotion day from today on boosted, and the promotion of each product
    boosted (its nearest planned stretch, for the reason)."""
    today = at.date()
    plans = planned_days(today, today + LOOK_AHEAD, product_ids)
    if not plans:
        return demand, {}
    shop = _shop_uplift(today, window_days)
    out, promotions = dict(demand), {}
    for pid, days in plans.items():
        usual = demand.get(pid)
        if usual is None or usual.avg_daily <= 0:
            continue  # nothing known to multiply: the product's first sales will tell
        learnt = (usual.promotion_uplift, "product") if usual.promotion_uplift is not None else shop
        boosts = []
        for day, owner in sorted(days.items()):
            uplift, source = (owner, "plan") if owner is not None else learnt
            boosts.append((day, min(UPLIFT_MAX, max(UPLIFT_MIN, uplift)), source))
        out[pid] = replace(usual, boosts=tuple((day, uplift) for day, uplift, _ in boosts))
        promotions[pid] = _nearest(boosts)
    return out, promotions


def _shop_uplift(today: dt.date, window_days: int) -> tuple[Decimal, str]:
    """The median learnt uplift of the products promoted in the pattern period before today."""
    first, last = window(today + dt.timedelta(days=1), pattern_days(window_days))
    past = set(planned_days(first, min(last, today), None))
    if past:
        seen = [d.promotion_uplift for d in demand_by_product(today + dt.timedelta(days=1), window_days, past).values()
                if d.promotion_uplift is not None]
        if seen:
            return Decimal(statistics.median(seen)), "shop"
    return DEFAULT_UPLIFT, "default"


def _nearest(boosts: list[tuple[dt.date, Decimal, str]]) -> Promotion:
    """The first stretch of consecutive planned days (the promotion tonight's order is about)."""
    first, uplift, source = boosts[0]
    last = first
    for day, _, _ in boosts[1:]:
        if day != last + dt.timedelta(days=1):
            break
        last = day
    return Promotion(first, last, uplift, source)
