"""The demand figures pinned on four weeks of 豆浆, worked out by hand, so that making the demand engine
fast (integer sums, one computation shared by the evening's readers) can never move a figure.

Today is Sunday 2026-12-06; the pattern period is the 28 days from Sunday 11-08 to Saturday 12-05.
Each day 10 bottles come at 07:00, 4 sell at 09:30 and 4 at 18:30, and the last 2 go to loss at 21:00 —
except: every Saturday only 6 come and all 6 sell at 09:30 (sold out: half the day's customers come
before 10:00, so it would have sold 12); on Wednesday 12-02 nothing came and nothing sold (no
estimate: an empty shelf says nothing about demand); on Friday 12-04 two more customers asked at
20:00 and were recorded (estimate 8 + 2 = 10).

Estimates: 8 on 22 ordinary days, 12 on the four Saturdays, 10 on Friday 12-04 → mean 234 ÷ 27.
Weekday factors (a weekday's mean ÷ the mean day, shrunk by u ÷ (u + 100), scaled to average 1):
Saturday 1.1199, Friday 0.9908, Wednesday 0.9809, the others 0.9771. The 7 most recent days with an
estimate (Sat 12-05 back to Sat 11-28, Wednesday skipped) hold 66 bottles, fewer than the 200 a level
is read from (services.stock.demand_level), so it reads further back until they do: 23 days, Thursday
11-12 to Saturday 12-05, 202 bottles (4 Saturdays × 12, the Friday's 10, 18 days × 8) ÷ (4 × 1.1199 +
4 × 0.9908 + 2 × 0.9809 + 13 × 0.9771) = 202 ÷ 23.1069 = 8.7420; five of them censored (the four
Saturdays and Friday 12-04). No day is a lump (twice the usual day). The peak: Saturday, +39 % as seen
(12 ÷ 8.6667 ÷ 0.99725), from 09:00.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.core.clock import today
from services.sales import lost_sales
from services.stock import demand_cache
from services.stock.demand import Peak, demand_by_product
from tests.test_suggestions import at, make_product, post

D = Decimal
DAYS = [today() - dt.timedelta(days=n) for n in range(28, 0, -1)]
EMPTY, ASKED = dt.date(2026, 12, 2), dt.date(2026, 12, 4)


def four_weeks(shop):
    milk = make_product(shop, "豆浆", unit="瓶", shelf_life=None)
    for day in DAYS:
        if day == EMPTY:
            continue
        saturday = day.weekday() == 5
        post(shop, "receipt", milk, "6" if saturday else "10", at(day, dt.time(7)))
        post(shop, "sale", milk, "6" if saturday else "4", at(day, dt.time(9, 30)))
        if not saturday:
            post(shop, "sale", milk, "4", at(day, dt.time(18, 30)))
            post(shop, "loss", milk, "2", at(day, dt.time(21)))
    lost_sales.record_short(milk.id, D(2), D(0), "counter", at(ASKED, dt.time(20)), actor=shop.owner)
    return milk


def test_four_weeks_of_soy_milk_give_the_figures_worked_out_by_hand(shop):
    milk = four_weeks(shop)
    demand = demand_by_product(today(), 7)[milk.id]
    assert (demand.sold, demand.lost) == (46, 10)  # the window Sun 11-29 … Sat 12-05: 8 × 5 + 6; 2 × 5
    assert demand.seen_days == 23 and demand.censored_days == 5 and demand.span_days == 24
    assert demand.lump_days == 0
    assert abs(demand.avg_daily - D("8.741956044701934")) < D("1e-12")
    factors = [round(f, 4) for f in demand.weekday_factor]
    assert factors == [D("0.9771"), D("0.9771"), D("0.9809"), D("0.9771"), D("0.9908"), D("1.1199"), D("0.9771")]
    assert demand.hour_cum[9] == 0 and demand.hour_cum[10] == D("0.5") and demand.hour_cum[18] == D("0.5")
    assert demand.hour_cum[19] == 1
    assert demand.peak == Peak(weekday=5, start_hour=9, percent=39)
    # Monday's forecast from 10:00 to 19:00: half of 8.7420 × 0.9771
    monday = dt.date(2026, 12, 7)
    assert demand.between(at(monday, dt.time(10)), at(monday, dt.time(19))) == demand.avg_daily * demand.weekday_factor[0] / 2


def test_readers_of_one_ledger_state_share_it_and_a_new_sale_is_seen(shop):
    milk = four_weeks(shop)
    demand_cache.forget()
    every = demand_by_product(today(), 7)
    assert demand_by_product(today(), 7, {milk.id}) == {milk.id: every[milk.id]}  # the worklist's subset
    assert demand_by_product(today(), 7)[milk.id] is every[milk.id]  # the same computation
    sunday = DAYS[-7]  # 11-29: two more bottles came and sold in the evening
    post(shop, "receipt", milk, "2", at(sunday, dt.time(19)))
    post(shop, "sale", milk, "2", at(sunday, dt.time(20)))
    after = demand_by_product(today(), 7)[milk.id]
    assert after.sold == 48 and after is not every[milk.id]
