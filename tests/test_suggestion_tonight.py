"""Tonight's order knows today (issue 12): the evening's suggestions count the day that has just been
sold — a new product's first day, a day that sold out — instead of only the days before it; a look at
noon does not count half a day.

A bakery's 豆沙包 keeps one day (a lot received Thursday sells through Friday) and sells 10 a day: 3 at
07:30 when the shop opens, 4 at 12:30, 3 at 18:30. 老王面点's van comes every day at 06:30. It is
Wednesday."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.purchasing import suggestions
from services.sales import lost_sales
from tests import test_suggestion_outcomes as outcomes

D = Decimal
WEDNESDAY = outcomes.WEDNESDAY
THURSDAY, FRIDAY = WEDNESDAY + dt.timedelta(days=1), WEDNESDAY + dt.timedelta(days=2)
VAN, CLOSED = dt.time(6, 30), dt.time(21, 30)
BEFORE = [WEDNESDAY - dt.timedelta(days=n) for n in range(7, 0, -1)]  # last Wednesday … Tuesday
SALES = outcomes.SALES  # 3 at 07:30, 4 at 12:30, 3 at 18:30
bakery = outcomes.bakery  # 豆沙包 (1 day, 个) from 老王面点, who delivers every day, one by one


def at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


def van_brings(shop, quantity: str, day: dt.date) -> None:
    """The order placed the evening before, counted in at 06:30 through receiving."""
    outcomes.deliver(shop, shop.baker, shop.bun, quantity, at(day, VAN))


def sell(shop, quantity: str, moment: dt.datetime) -> None:
    outcomes.sell(shop, shop.bun, quantity, moment)


def turned_away(shop, quantity: str, moment: dt.datetime) -> None:
    """Customers scanned 豆沙包 at the till with none left: the till records them (lost sales)."""
    lost_sales.record_short(shop.bun.id, D(quantity), D(0), "counter", moment, actor=shop.owner)


def usual_days(shop, days: list[dt.date]) -> None:
    for day in days:
        van_brings(shop, "10", day)
        for time, quantity in SALES:
            sell(shop, quantity, at(day, time))


def test_a_new_buns_first_day_is_known_the_same_evening(bakery):
    # 豆沙包 is new: this morning's van brought its first 10 and the customers bought all of them (3, 4, 3).
    # Until now the evening knew only the days before today — none —, so it suggested nothing and
    # Thursday's shelf stood empty. Tonight it reads today: 10 a day. One receipt does not tell when the van
    # comes, so it is assumed at 08:00: until Friday's van, Thursday's 10 and Friday's 07:30 customers (3),
    # safety 1.8808 × √13 = 6.78 → 6.8, need 19.8; Thursday's buns sell from 08:00 Thursday (7) through
    # Friday (10): the cap, 17, is bought.
    usual_days(bakery, [WEDNESDAY])
    s = suggestions.explain(bakery.bun.id, at=at(WEDNESDAY, CLOSED))
    assert (s.avg_daily, s.safety_stock, s.need, s.cap, s.suggested) == (10, D("6.8"), D("19.8"), 17, 17)


def test_a_day_counts_once_its_customers_have_come(bakery):
    # A week of 10 a day; today the van brought only 7: 3 went at 07:30, 4 at 12:30 and the shelf was empty;
    # 3 customers at 18:30 were turned away (the till recorded them). Today asked for 10 as usual.
    usual_days(bakery, BEFORE)
    van_brings(bakery, "7", WEDNESDAY)
    sell(bakery, "3", at(WEDNESDAY, dt.time(7, 30)))
    sell(bakery, "4", at(WEDNESDAY, dt.time(12, 30)))
    turned_away(bakery, "3", at(WEDNESDAY, dt.time(18, 30)))
    # At 13:00 the day is not done (7 of a usual day's 10 come before 13:00): the level is read from the
    # days before it, none of which sold out
    noon = suggestions.explain(bakery.bun.id, at=at(WEDNESDAY, dt.time(13)))
    assert (noon.avg_daily, noon.demand.censored_days) == (10, 0)
    # At 21:30 today is one of the days: it sold out, and the 7 sold + 3 turned away say it asked for 10
    s = suggestions.explain(bakery.bun.id, at=at(WEDNESDAY, CLOSED))
    assert (s.avg_daily, s.demand.censored_days) == (10, 1)
    # Until Friday's 06:30 van: Thursday's 10 + safety 1.8808 × √10 = 5.95 → 6.0; cap Thursday and Friday, 20
    assert (s.need, s.cap, s.suggested) == (16, 20, 16)
