"""The level a suggestion orders by, on one-product shops with figures worked out by hand (issue 12): a
promotion's two days are left out instead of lifting the level for a week after it, a slow seller's
level is read from enough days to mean something, and stock booked in before anyone bought does not
count as days nobody wanted it."""
from __future__ import annotations

import datetime as dt

from services.core.clock import today
from services.purchasing import suggestions
from services.stock.demand import demand_by_product
from tests.test_suggestions import NOW, WEEK, D, at, make_product, make_supplier, post, supplies

PERIOD = [today() - dt.timedelta(days=n) for n in range(28, 0, -1)]  # the 4 weeks the patterns are read from


def test_a_promotion_is_left_out_of_the_level(shop):
    # 肉包 keeps one day and sells 30 a day (10 at 09:30, 15:30 and 18:30), Wednesday a week ago to
    # Sunday. Monday and Tuesday were a promotion: 75 a day. The usual day of the window, its two highest
    # days left out, is 30; 75 is more than twice that and Poisson(30) reaches 75 next to never: both
    # are lumps. The level is the other five days: 150 ÷ 5 = 30 (not 300 ÷ 7 = 42.9), every weekday
    # factor 1 (no lump in them either).
    bun = make_product(shop, "肉包", unit="个", shelf_life=1)
    for day in WEEK:
        each = "25" if day.weekday() in (0, 1) else "10"
        post(shop, "receipt", bun, str(3 * int(each)), at(day, dt.time(7)))
        for time in (dt.time(9, 30), dt.time(15, 30), dt.time(18, 30)):
            post(shop, "sale", bun, each, at(day, time))
    supplies(shop, make_supplier(shop), bun)
    s = suggestions.explain(bun.id, at=NOW)
    assert s.avg_daily == 30 and s.demand.lump_days == 2 and s.demand.seen_days == 5
    assert s.demand.weekday_factor == (1,) * 7
    assert (s.as_json()["lump_days"], s.as_json()["level_days"]) == (2, 7)
    # Now (Wednesday 14:00) to Friday 08:00: the afternoon's two thirds of 30, Thursday's 30: 50; safety
    # 1.8808 × √50 = 13.30 → 13.3; need 63.3. Thursday's buns sell Thursday and Friday: 60, the cap.
    assert (s.safety_stock, s.need, s.cap, s.suggested) == (D("13.3"), D("63.3"), 60, 60)


def test_a_slow_sellers_level_reads_four_weeks(shop):
    # 乌鸡 (no expiry, 100 in stock before the four weeks) sold 3 a day for three weeks, then 1 a day
    # for the last one. Seven days hold 7 — Poisson noise at that speed —, fewer than the 200 units
    # a level is read from, so it reads back through all 28 days: (21 × 3 + 7 × 1) ÷ 28 = 2.5 (every
    # weekday has three 3s and a 1: factors 1). The reason says how far it looked.
    chicken = make_product(shop, "乌鸡", unit="只", shelf_life=None)
    post(shop, "receipt", chicken, "100", at(PERIOD[0] - dt.timedelta(days=1), dt.time(7)))
    for n, day in enumerate(PERIOD):
        post(shop, "sale", chicken, "3" if n < 21 else "1", at(day, dt.time(18, 30)))
    supplies(shop, make_supplier(shop), chicken)
    demand = demand_by_product(today(), 7)[chicken.id]
    assert demand.avg_daily == D("2.5") and demand.seen_days == 28 and demand.span_days == 28
    assert demand.weekday_factor == (1,) * 7
    s = suggestions.explain(chicken.id, at=dt.datetime.combine(today(), dt.time(10)))
    assert s.reason.startswith("近28天日均 2.5 只") and s.as_json()["level_days"] == 28


def test_stock_booked_in_before_the_first_sale_is_not_days_nobody_wanted_it(shop):
    # 芋头 (no expiry): 50 booked in on the first day of the four weeks, the first sale two weeks
    # later, then 3 a day. The fortnight on the shelf before anyone bought is not read as 14 days of
    # 0: the level is 42 ÷ 14 = 3, not 42 ÷ 28 = 1.5 (14 sale lines: too few for weekday factors).
    taro = make_product(shop, "芋头", shelf_life=None)
    post(shop, "receipt", taro, "50", at(PERIOD[0], dt.time(7)))
    for day in PERIOD[14:]:
        post(shop, "sale", taro, "3", at(day, dt.time(18, 30)))
    demand = demand_by_product(today(), 7)[taro.id]
    assert demand.avg_daily == 3 and demand.seen_days == 14
