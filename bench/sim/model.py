"""The simulated shop's world: its products, their demand and the suppliers' mishaps, all drawn from
one seed, the same for every ordering policy.

Demand model (units asked for, one unit per customer):
    asked(product, day, hour) ~ Poisson(rate × trend(day) × promo(day) × WEEKDAY[weekday] × HOURS[hour])
    - rate: the product's mean units a day, drawn per category (CATEGORIES);
    - trend(day) = 1 + slope × day / days, slope uniform in ±TREND (slow growth or decline);
    - promo: PROMOTIONS products get PROMO_FACTOR × demand on PROMO_DAYS consecutive days;
    - new products (NEW_SHARE of them) are launched on a day after the start: no history before;
    - the shop is open OPEN..CLOSE; HOURS gives each opening hour's share of a day (sums to 1).
    Demand that finds no sellable stock is lost (the simulator counts it; the shop never sees it).
Suppliers: `daily` delivers every day, `twice` only on Monday and Thursday (lead time one day).
    A delivered line is short (SHORT_FACTOR of the order) with probability SHORT_CHANCE, has
    damaged units refused at the door with DOOR_DAMAGE_CHANCE, and a product loses one unit on
    the shelf (broken, written off) with SHELF_DAMAGE_CHANCE a day. Each mishap is drawn from a
    stream of its own per product and day, so every policy meets the same ones.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

OPEN, CLOSE = 7, 21
HOURS = (0.09, 0.08, 0.06, 0.05, 0.05, 0.05, 0.05, 0.06, 0.07, 0.09, 0.12, 0.12, 0.07, 0.04)  # 07:00 … 20:00
WEEKDAY = (0.92, 0.95, 1.0, 0.97, 1.05, 1.16, 0.95)  # Monday … Sunday; mean 1
TREND = 0.25
PROMOTIONS, PROMO_DAYS, PROMO_FACTOR = 3, 2, 2.5  # per 60 products
NEW_SHARE = 0.05
SHORT_CHANCE, SHORT_FACTOR = 0.05, 0.7
DOOR_DAMAGE_CHANCE, DOOR_DAMAGE_SHARE = 0.03, 0.1
SHELF_DAMAGE_CHANCE = 0.02
TWICE_A_WEEK = "14"  # ISO weekdays: Monday and Thursday
FIRST_DAY = dt.date(2026, 10, 5)  # a Monday


@dataclass(frozen=True)
class Category:
    name: str
    unit: str
    shelf_life: int
    pack: int
    rate: tuple[float, float]  # mean units a day, drawn log-uniformly in this range
    cost: tuple[float, float]
    margin: float
    supplier: str  # "daily" | "twice"
    share: int  # products of this category per 60


CATEGORIES = (
    Category("面包", "个", 1, 1, (3, 30), (2, 6), 0.6, "daily", 8),
    Category("乳品", "盒", 7, 6, (2, 20), (3, 8), 0.35, "daily", 10),
    Category("蔬菜", "斤", 3, 5, (4, 40), (1.5, 5), 0.5, "daily", 14),
    Category("肉禽", "盒", 2, 1, (2, 15), (10, 30), 0.3, "daily", 8),
    Category("水果", "盒", 5, 6, (2, 20), (5, 15), 0.45, "twice", 12),
    Category("粮油", "袋", 180, 12, (0.5, 6), (5, 30), 0.25, "twice", 8),
)


@dataclass
class SimProduct:
    index: int
    name: str
    category: Category
    rate: float
    slope: float
    cost: float
    price: float
    launch_day: int = 0
    promo_days: frozenset[int] = field(default_factory=frozenset)

    def mean_daily(self, day: int, days: int) -> float:
        """The true mean units a day (weekday and promotions averaged out) — only `par` may read it."""
        return 0.0 if day < self.launch_day else self.rate * (1 + self.slope * day / days)


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def make_products(count: int, days: int, seed: int) -> list[SimProduct]:
    rng = random.Random(f"xiaopu-sim:{seed}:products")
    weights = [c.share for c in CATEGORIES]
    products = []
    for i in range(count):
        cat = CATEGORIES[i % len(CATEGORIES)] if i < len(CATEGORIES) else rng.choices(CATEGORIES, weights)[0]
        cost = round(rng.uniform(*cat.cost), 1)
        products.append(SimProduct(i, f"{cat.name}{i + 1:03d}", cat, _log_uniform(rng, *cat.rate),
                                   rng.uniform(-TREND, TREND), cost, round(cost * (1 + cat.margin), 1)))
    for p in rng.sample(products, max(1, round(count * NEW_SHARE))):
        p.launch_day = rng.randint(days // 4, days // 2)
    for p in rng.sample(products, max(1, round(count * PROMOTIONS / 60))):
        start = rng.randint(days // 3, days - PROMO_DAYS)
        p.promo_days = frozenset(range(start, start + PROMO_DAYS))
    return products


def demand_table(products: list[SimProduct], days: int, seed: int) -> list[list[list[int]]]:
    """asked[day][hour][product]: whole units, one stream for every policy."""
    rng = random.Random(f"xiaopu-sim:{seed}:demand")
    table = []
    for day in range(days):
        weekday = WEEKDAY[(FIRST_DAY + dt.timedelta(days=day)).weekday()]
        hours = []
        for share in HOURS:
            hours.append([poisson(rng, p.mean_daily(day, days) * weekday * share
                                  * (PROMO_FACTOR if day in p.promo_days else 1)) for p in products])
        table.append(hours)
    return table


def poisson(rng: random.Random, rate: float) -> int:
    """Knuth's draw; rates here are small (a product's units in one hour)."""
    limit, k, p = math.exp(-rate), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def mishap(seed: int, kind: str, product: int, day: int) -> random.Random:
    """The stream of one mishap for one product and day (the same whatever the policy ordered)."""
    return random.Random(f"xiaopu-sim:{seed}:{kind}:{product}:{day}")


def delivered(seed: int, product: int, day: int, ordered: int) -> tuple[int, int]:
    """(good units, damaged units) of an order line of `ordered` units arriving on `day`."""
    came = ordered
    if mishap(seed, "short", product, day).random() < SHORT_CHANCE:
        came = math.floor(ordered * SHORT_FACTOR)
    damaged = 0
    if came and mishap(seed, "door", product, day).random() < DOOR_DAMAGE_CHANCE:
        damaged = max(1, math.floor(came * DOOR_DAMAGE_SHARE))
    return came - damaged, damaged


def shelf_damage(seed: int, product: int, day: int) -> bool:
    return mishap(seed, "shelf", product, day).random() < SHELF_DAMAGE_CHANCE

