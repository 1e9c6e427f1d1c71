"""The simulated shop (bench/sim, issue 12) on a product whose demand is known to the unit: the orders
its policies place are the ones worked out by hand, lost sales are counted exactly, and a seed
always plays the same run."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from bench.sim import shop as sim_shop
from bench.sim.model import CATEGORIES, FIRST_DAY, SimProduct
from bench.sim.policies import naive, par_levels, policy_named
from bench.sim.run import catalogue_demand, run, simulate
from bench.sim.shop import Shop
from models import PurchaseOrder, PurchaseOrderLine
from models.lost_sales import LostSale
from services.core.clock import clock_at

DAIRY = next(c for c in CATEGORIES if c.name == "乳品")  # keeps 7 days, packs of 6, delivered every day


@dataclass
class SteadyProduct(SimProduct):
    """Asks for `per_hour` units in each of the first ten opening hours (07:00–16:59): 10 × per_hour a day."""

    per_hour: int = 1

    def asked(self, day: int, hour: int) -> int:
        return self.per_hour if hour < 17 else 0


def milk(per_hour: int, expected_daily: float | None = None) -> SteadyProduct:
    """`expected_daily` (the model's mean, which sizes the opening stock) is the true 10 × per_hour unless given."""
    return SteadyProduct(0, "鲜牛奶", DAIRY, rate=expected_daily or 10 * per_hour, slope=0.0, cost=4.0, price=6.0,
                         per_hour=per_hour)


@pytest.fixture
def no_mishaps(monkeypatch):
    """Every delivery complete, nothing broken on the shelf: the story below is exact."""
    monkeypatch.setattr(sim_shop, "delivered", lambda seed, product, day, ordered: (ordered, 0))
    monkeypatch.setattr(sim_shop, "shelf_damage", lambda seed, product, day: False)


def play(owner, product: SteadyProduct, days: int, policy):
    with clock_at(dt.datetime.combine(FIRST_DAY, dt.time(5))):
        shop = Shop(owner, [product], seed=1)
    return simulate(shop, policy, catalogue_demand([product], days), days, warmup=0)


def ordered_by_day() -> list[tuple[dt.date, Decimal]]:
    rows = (PurchaseOrderLine.select(PurchaseOrder.order_date, PurchaseOrderLine.quantity, PurchaseOrderLine.factor)
            .join(PurchaseOrder).order_by(PurchaseOrder.id).tuples())
    return [(day, quantity * factor) for day, quantity, factor in rows]


def test_par_orders_up_to_one_and_a_half_days_plus_one_in_whole_packs(db, no_mishaps):
    # Milk sells 10 a day; the opening stock is 2 days in packs of 6 = 24. Each evening par orders up
    # to 1.5 × 10 × 1 day (delivered daily) + 1 = 16, less what is left, rounded up to packs of 6:
    #   day 0: 24 − 10 = 14 left → 2 short → 6     day 1: 14 + 6 − 10 = 10 → 6 short → 6
    #   day 2: 10 + 6 − 10 = 6 → 10 short → 12     day 3: 6 + 12 − 10 = 8 → 8 short → 12
    #   day 4: 8 + 12 − 10 = 10 → 6 short → 6
    tally = play(db, milk(1), 5, par_levels)
    days = [FIRST_DAY + dt.timedelta(days=n) for n in range(5)]
    assert ordered_by_day() == [(days[0], 24), (days[0], 6), (days[1], 6), (days[2], 12), (days[3], 12),
                                (days[4], 6)]
    milk_tally = tally.by_product[0]
    assert (milk_tally.asked, milk_tally.sold, milk_tally.lost) == (50, 50, 0)
    assert milk_tally.received == 24 + 6 + 6 + 12 + 12  # the last order arrives after the run
    assert tally.summary()["fill_rate"] == 1
    assert tally.orders == 5


def test_demand_that_finds_no_stock_is_lost_unit_by_unit(db, no_mishaps):
    # 40 asked a day (4 an hour for ten hours) against an opening stock sized for 12 a day (2 days in
    # packs of 6: 24) and no further orders: day 0 sells 24 and loses 16 (from 13:00 on), day 1
    # sells nothing and loses all 40.
    tally = play(db, milk(4, expected_daily=12), 2, lambda shop, evening: 0)
    summary = tally.summary()
    assert (tally.by_product[0].sold, tally.by_product[0].lost) == (24, 56)
    assert summary["fill_rate"] == 0.3
    assert summary["stockout_days"] == 1  # both days lost demand
    assert summary["lost_value"] == 56 * 6.0
    # the shop's own record of them, written as the till writes a scan of an empty shelf
    assert sum(row.quantity for row in LostSale.select()) == 56
    assert {row.source for row in LostSale.select()} == {"counter"}


def test_the_same_seed_plays_the_same_run_and_another_seed_another():
    first = run("par", products=4, days=3, seed=7, warmup=1)
    assert run("par", products=4, days=3, seed=7, warmup=1) == first
    assert run("par", products=4, days=3, seed=8, warmup=1) != first


def test_naive_orders_yesterdays_sales_and_a_fifth_in_whole_packs(db, no_mishaps):
    # Milk sells 10 a day from the opening 24; each evening naive orders 10 × 1.2 = 12 (two packs of 6)
    # for the next morning, whatever is still on the shelf.
    tally = play(db, milk(1), 3, naive)
    days = [FIRST_DAY + dt.timedelta(days=n) for n in range(3)]
    assert ordered_by_day() == [(days[0], 24), (days[0], 12), (days[1], 12), (days[2], 12)]
    assert tally.by_product[0].sold == 30


def test_naive_at_another_factor_orders_that_share_of_yesterdays_sales(db, no_mishaps):
    # naive@0.6, a point of naive's frontier: milk sells 10 a day, so each evening orders 10 × 0.6 = 6,
    # one pack of 6; the shelf goes 24 → 14, +6 → 10, +6 → 6 and every customer is served.
    tally = play(db, milk(1), 3, policy_named("naive@0.6"))
    days = [FIRST_DAY + dt.timedelta(days=n) for n in range(3)]
    assert ordered_by_day() == [(days[0], 24), (days[0], 6), (days[1], 6), (days[2], 6)]
    assert tally.by_product[0].sold == 30


def test_the_naive_frontier_runs_naive_at_each_factor(monkeypatch, capsys):
    import json
    import sys

    from bench import simulate

    monkeypatch.setattr(sys, "argv", ["simulate", "--products", "4", "--days", "3", "--warmup", "1", "--seeds", "1",
                                      "--policies", "naive", "--naive-frontier", "1.0"])
    assert simulate.main() == 0
    out = capsys.readouterr().out
    runs = {json.loads(line)["policy"]: json.loads(line) for line in out.splitlines() if line.startswith("{")}
    assert sorted(runs) == ["naive", "naive@1.0"]
    # the same demand for both; a smaller factor never orders more
    assert runs["naive"]["asked"] == runs["naive@1.0"]["asked"]
    assert runs["naive@1.0"]["orders"] <= runs["naive"]["orders"]
    assert "| naive@1.0 |" in out


def test_the_frontier_runs_app_at_each_service_level_the_owner_could_set(monkeypatch, capsys):
    import json
    import sys

    from bench import simulate

    monkeypatch.setattr(sys, "argv", ["simulate", "--products", "4", "--days", "3", "--warmup", "1", "--seeds", "1",
                                      "--policies", "", "--frontier", "90,99"])
    assert simulate.main() == 0
    out = capsys.readouterr().out
    runs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [(r["policy"], r["service_level"]) for r in runs] == [("app@90", "90"), ("app@99", "99")]
    assert "| app@90 |" in out and "app@99 fill / waste" in out


def test_a_busy_hour_worth_more_than_the_counters_review_line_is_sold_as_several_customers(db, no_mishaps):
    # A dear tin of milk powder at ¥300 sells 20 an hour for ten hours: ¥6,000 an hour, above the ¥5,000
    # a counter sale may reach before it waits for the owner's review (sales.approval_threshold). The
    # hour's customers pay at the till one basket after another — 16 tins (¥4,800) and 4 (¥1,200) — so
    # every unit the tally counts as sold has left the shelf: the opening 400 (2 days × 200, in packs
    # of 6: 402) less 200 sold leaves 202, nothing is held for review and nothing stays reserved.
    from models import Reservation, SalesOrder

    powder = SteadyProduct(0, "奶粉", DAIRY, rate=200, slope=0.0, cost=200.0, price=300.0, per_hour=20)
    with clock_at(dt.datetime.combine(FIRST_DAY, dt.time(5))):
        shop = Shop(db, [powder], seed=1)
    tally = simulate(shop, lambda shop, evening: 0, catalogue_demand([powder], 1), 1, warmup=0)
    assert tally.by_product[0].sold == 200
    assert shop.closing_stock() == {0: 202}
    assert SalesOrder.select().where(SalesOrder.state != "shipped").count() == 0
    assert SalesOrder.select().count() == 20  # two baskets an hour
    assert Reservation.select().where(Reservation.released_at.is_null()).count() == 0
