"""Issue 12, items 2–5: demand that the empty shelf hid. A day that sold out early would have sold
more; a product that stood empty is not a product nobody wants; a slow perishable still gets its
pack; a pack too big to sell in time stays on the list with the owner's choice; a young shop's
weekday factors are not read from a weekday seen twice; the owner's service level per category sets
the safety line. Numbers worked out by hand."""
from __future__ import annotations

import datetime as dt

from models import PurchaseOrder, PurchaseOrderLine
from services.purchasing import suggestions
from services.stock.demand import demand_by_product
from tests.test_suggestions import NOW, WEEK, D, at, make_product, make_supplier, post, supplies

MORNING, AFTERNOON, EVENING = dt.time(9, 30), dt.time(15, 30), dt.time(18, 30)


def test_a_day_that_sold_out_by_the_afternoon_counts_what_it_would_have_sold(shop):
    # 豆腐 keeps one day. Wednesday to Saturday: 25 in, 5 at 09:30, 5 at 15:30, 10 at 18:30, the
    # last 5 thrown away — the shelf never emptied, so half a day's sales come before 16:00.
    # Sunday to Tuesday only 10 came: 5 + 5 sold, empty by 16:00 → those days would have sold
    # 10 ÷ ½ = 20. Demand 20 a day, not (4 × 20 + 3 × 10) ÷ 7 = 15.7.
    tofu = make_product(shop, "豆腐", unit="块", shelf_life=1)
    for n, day in enumerate(WEEK):
        full = n < 4
        post(shop, "receipt", tofu, "25" if full else "10", at(day, dt.time(7)))
        post(shop, "sale", tofu, "5", at(day, MORNING))
        post(shop, "sale", tofu, "5", at(day, AFTERNOON))
        if full:
            post(shop, "sale", tofu, "10", at(day, EVENING))
            post(shop, "loss", tofu, "5", at(day, dt.time(21)))
    demand = demand_by_product(NOW.date(), 7)[tofu.id]
    assert demand.avg_daily == 20
    assert demand.censored_days == 3
    farm = make_supplier(shop)
    supplies(shop, farm, tofu)
    s = suggestions.explain(tofu.id, at=NOW)
    assert "其中 3 天卖断" in s.reason
    assert s.as_json()["censored_days"] == 3


def test_a_product_that_stood_empty_keeps_its_demand(shop):
    # 鸭蛋 sold 6 a day Wednesday to Saturday from a delivery that matched, then nothing came:
    # Sunday to Tuesday the shelf was empty and nobody could buy. Those days say nothing about
    # demand, so it stays 6 a day (the old average, 24 ÷ 7 = 3.4, decayed toward 0).
    eggs = make_product(shop, "鸭蛋", unit="枚", shelf_life=None)
    for day in WEEK[:4]:
        post(shop, "receipt", eggs, "6", at(day, dt.time(7)))
        post(shop, "sale", eggs, "6", at(day, EVENING))
    farm = make_supplier(shop)
    supplies(shop, farm, eggs)
    s = suggestions.explain(eggs.id, at=NOW)
    assert s.avg_daily == 6 and s.demand.seen_days == 4
    # now (Wed 14:00, 18:30 sales still to come) → Fri 08:00: Wed 6 + Thu 6; safety 1.8808 × √12 → 6.6
    assert s.need == D("18.6") and s.suggested - s.waste_free == 19
    assert s.waste_free == 4  # eggs that keep are stocked for 99.9 %: 12 + 3.0902 × √12 = 22.7 → 23
    assert s in suggestions.suggest(NOW)


def test_a_slow_perishable_still_gets_one_pack(shop):
    # 碱水面包 keeps one day; one comes each morning and sells on Thursday, Saturday and Monday at
    # 09:30, else it is thrown away: 3 a week. Thursday's delivery sells Thursday and Friday:
    # 2 × 3/7 = 0.86 — less than one, rounded down to none it would never be bought again and its
    # demand would decay to 0. 0.86 is more than half a pack: one, with the reason.
    bread = make_product(shop, "碱水面包", unit="个", shelf_life=1)
    for n, day in enumerate(WEEK):
        post(shop, "receipt", bread, "1", at(day, dt.time(7)))
        if n % 2:
            post(shop, "sale", bread, "1", at(day, MORNING))
        else:
            post(shop, "loss", bread, "1", at(day, dt.time(21)))
    farm = make_supplier(shop)
    supplies(shop, farm, bread)
    # Looked at in the morning, before today's 09:30 customers (once they have been, today — no delivery,
    # nothing sold — counts as a day and the level reads from the first sale: 3 ÷ 6)
    s = suggestions.explain(bread.id, at=at(NOW.date(), dt.time(8)))
    assert abs(s.cap - D(6) / 7) < D("1e-20")
    assert s.suggested == 1 and s.choice == ""
    assert "仍进 1 件(1 个),约 0.1 个可能过期" in s.reason


def test_a_pack_bigger_than_what_sells_in_time_stays_on_the_list_with_a_choice(shop):
    # 手工酸奶 keeps one day, sells 2 a day and comes in crates of 12: Thursday's crate would sell
    # 4 before it expires, a third of it. Nothing is suggested, but the line stays on the list with
    # the reason and the choice (buy the pack / set a minimum / stop selling); the owner who ticks
    # it buys one crate.
    yogurt = make_product(shop, "手工酸奶", unit="杯", shelf_life=1)
    for day in WEEK:
        post(shop, "receipt", yogurt, "2", at(day, dt.time(7)))
        post(shop, "sale", yogurt, "2", at(day, MORNING))
    farm = make_supplier(shop)
    supplies(shop, farm, yogurt, pack="12")
    s = next(line for line in suggestions.suggest(NOW) if line.product_id == yogurt.id)
    assert (s.suggested, s.cap, s.choice) == (0, 4, "pack_too_big")
    assert "不够一件(12 杯),不建议进货" in s.reason and "整件进货" in s.reason and "停售" in s.reason
    line = s.as_json()
    assert (line["choice"], line["choices"]) == ("pack_too_big", ["buy_pack", "set_minimum", "stop_selling"])
    [number] = suggestions.drafts_from_lines(shop.owner, [s])
    order = PurchaseOrder.get(PurchaseOrder.number == number)
    assert [line.quantity * line.factor for line in PurchaseOrderLine.select().where(PurchaseOrderLine.order == order)] == [12]


def test_a_young_shop_flat_seller_gets_flat_weekday_factors(shop):
    # Issue 12 (4): a flat 10-a-day seller with 17 days of history. The four-week pattern period
    # has seen Mondays to Wednesdays three times and the other days twice; summing them gave
    # Mon–Wed 1.24 and Thu–Sun 0.82. Each weekday's mean day is 10: every factor is 1.
    rice = make_product(shop, "东北大米", unit="袋", shelf_life=None)
    end = dt.date(2026, 12, 3)  # a Thursday: the 17 days before run Monday 11-16 … Wednesday 12-02
    days = [end - dt.timedelta(days=n) for n in range(17, 0, -1)]
    for day in days:
        post(shop, "receipt", rice, "12", at(day, dt.time(7)))
        for time in (MORNING, AFTERNOON, EVENING):
            post(shop, "sale", rice, "3", at(day, time))
        post(shop, "sale", rice, "1", at(day, dt.time(20)))
    demand = demand_by_product(end, 7)[rice.id]
    assert demand.weekday_factor == (1,) * 7
    assert demand.avg_daily == 10 and demand.peak is None


def test_the_owner_sets_a_service_level_per_category(shop):
    # Issue 12 (5): 吐司 and 酸奶 both sell 10 a day; the owner would rather run out of bread now and
    # then (面包 90 %) than throw it away, and wants yogurt nearly always there (乳品 99 %). Demand
    # from Wed 14:00 to Fri 08:00 is 17 for each, spread √17 = 4.12: bread keeps 1.2816 × 4.12 = 5.28
    # → 5.3, yogurt 2.3263 × 4.12 = 9.59 → 9.6; a category not named keeps the shop's 97 %: 7.8.
    from services.core import shop_settings
    from services.purchasing import suggestions as engine

    shop_settings.set_value(shop.owner, "suggestion.category_service_levels", "面包=90, 乳品=99")
    farm = make_supplier(shop)
    made = {}
    for name, category in (("吐司", "面包"), ("酸奶", "乳品"), ("茼蒿", "蔬菜")):
        product = make_product(shop, name, shelf_life=None)
        product.category = category
        product.save()
        supplies(shop, farm, product)
        for day in WEEK:
            post(shop, "receipt", product, "10", at(day, dt.time(7)))
            for qty, time in (("3", MORNING), ("3", AFTERNOON), ("4", EVENING)):
                post(shop, "sale", product, qty, at(day, time))
        made[name] = engine.explain(product.id, at=NOW)
    assert {name: (s.service_level, s.safety_stock) for name, s in made.items()} == {
        "吐司": (90, D("5.3")), "酸奶": (99, D("9.6")), "茼蒿": (97, D("7.8"))}
    assert made["吐司"].as_json()["service_level"] == "90"
