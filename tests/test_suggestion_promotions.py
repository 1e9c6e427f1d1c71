"""促销计划 in tonight's order (issue 12): the shop plans its own promotions, so the order before a
promotion buys for it and a promotion's days do not lift the usual level afterwards.

A bakery's 豆沙包 keeps one day (a lot received Thursday sells through Friday) and sells 10 a day: 3 at
07:30, 4 at 12:30, 3 at 18:30. 老王面点's van comes every day at 06:30. It is Thursday evening, 21:30;
on Friday 豆沙包 is 第二个半价 in the WeChat group."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from models import AuditEvent
from services.catalog import products
from services.core import users
from services.core.clock import clock_at
from services.core.errors import NotFound, PermissionDenied, ValidationError
from services.core.messages import set_language
from services.purchasing import suggestions, supplier_products
from services.sales import promotions
from tests import test_suggestion_outcomes as outcomes
from tests import test_suggestion_tonight as tonight

D = Decimal
bakery = tonight.bakery
WEDNESDAY, THURSDAY, FRIDAY = tonight.WEDNESDAY, tonight.THURSDAY, tonight.FRIDAY
SATURDAY = FRIDAY + dt.timedelta(days=1)
EVENING = tonight.at(THURSDAY, tonight.CLOSED)
WEEK_BEFORE = [THURSDAY - dt.timedelta(days=n) for n in range(15, 0, -1)]  # two weeks up to Wednesday


def a_usual_fortnight(shop, promoted: dt.date | None = None) -> None:
    """10 a day for two weeks and today; on the `promoted` day the van brought 18 and the customers bought them
    at the usual hours: 6 at 07:30, 7 at 12:30, 5 at 18:30 (not a lump: 10 a day reach 18 1.4 % of the time)."""
    for day in [*WEEK_BEFORE, THURSDAY]:
        if day == promoted:
            tonight.van_brings(shop, "18", day)
            for time, quantity in ((dt.time(7, 30), "6"), (dt.time(12, 30), "7"), (dt.time(18, 30), "5")):
                tonight.sell(shop, quantity, tonight.at(day, time))
        else:
            tonight.usual_days(shop, [day])


def test_the_order_before_a_planned_promotion_buys_for_it(bakery):
    a_usual_fortnight(bakery)
    usual = suggestions.explain(bakery.bun.id, at=EVENING)
    # Friday as usual: 10 + safety 1.8808 × √10 = 5.95 → 6.0, need 16; the cap is Friday and Saturday, 20
    assert (usual.avg_daily, usual.need, usual.cap, usual.suggested, usual.promotion) == (10, 16, 20, 16, None)
    with clock_at(tonight.at(THURSDAY, dt.time(9))):
        promotions.plan_promotion(bakery.owner, bakery.bun.id, FRIDAY, FRIDAY, uplift="2", note="第二个半价")
    s = suggestions.explain(bakery.bun.id, at=EVENING)
    # Friday sells 2 × 10 = 20: safety 1.8808 × √20 = 8.41 → 8.5 (up to a tenth), need 28.5 → 29; the cap is
    # Friday's 20 and Saturday's 10, 30
    assert (s.avg_daily, s.safety_stock, s.need, s.cap, s.suggested) == (10, D("8.5"), D("28.5"), 30, 29)
    assert (s.promotion.first_day, s.promotion.uplift, s.promotion.source) == (FRIDAY, 2, "plan")
    set_language("zh_CN")
    assert f"促销 {FRIDAY:%m-%d} 按平时 ×2 备货(促销计划填的预计倍数)" in s.reason
    as_json = json.loads(json.dumps(s.as_json()))
    assert as_json["promotion"] == {"first_day": FRIDAY.isoformat(), "last_day": FRIDAY.isoformat(),
                                    "uplift": "2", "uplift_from": "plan"}


def test_the_uplift_is_learnt_from_the_products_last_promotion_which_does_not_lift_its_level(bakery):
    # Last Friday was a planned promotion: the van brought 18 and all 18 went
    last_friday = FRIDAY - dt.timedelta(days=7)
    with clock_at(tonight.at(last_friday - dt.timedelta(days=3), dt.time(9))):
        promotions.plan_promotion(bakery.owner, bakery.bun.id, last_friday, last_friday)
    a_usual_fortnight(bakery, last_friday)
    with clock_at(tonight.at(THURSDAY, dt.time(9))):
        promotions.plan_promotion(bakery.owner, bakery.bun.id, FRIDAY, FRIDAY)  # no uplift given
    s = suggestions.explain(bakery.bun.id, at=EVENING)
    # The level is the other days' 10 (last Friday's 18 is left out: it was a promotion; read as a usual day it
    # would make the level (15 × 10 + 18) ÷ 16 = 10.5), the promotion asked 18 ÷ 10 = 1.8 times a usual day.
    # Friday 18: safety 1.8808 × √18 = 7.98 → 8.0, need 26; the cap is Friday's 18 and Saturday's 10, 28
    assert (s.avg_daily, s.demand.promotion_uplift) == (10, D("1.8"))
    assert (s.promotion.uplift, s.promotion.source) == (D("1.8"), "product")
    assert (s.need, s.cap, s.suggested) == (26, 28, 26)
    # Saturday evening, the promotion over: Sunday is a usual day again, the level still 10
    a_sunday = suggestions.explain(bakery.bun.id, at=tonight.at(SATURDAY, tonight.CLOSED))
    assert (a_sunday.avg_daily, a_sunday.promotion) == (10, None)


def test_a_shop_that_never_ran_one_stocks_twice_a_usual_day_and_a_cancelled_plan_is_forgotten(bakery):
    a_usual_fortnight(bakery)
    with clock_at(tonight.at(THURSDAY, dt.time(9))):
        plan = promotions.plan_promotion(bakery.owner, bakery.bun.id, FRIDAY, SATURDAY)
    s = suggestions.explain(bakery.bun.id, at=EVENING)
    assert (s.promotion.first_day, s.promotion.last_day, s.promotion.uplift, s.promotion.source) == (
        FRIDAY, SATURDAY, 2, "default")
    # Friday 20; the cap: Friday's 20 and Saturday's 20 (both promoted), 40; need 20 + 8.5 = 28.5 → 29
    assert (s.need, s.cap, s.suggested) == (D("28.5"), 40, 29)
    set_language("en")
    try:
        assert "no promotion seen yet: twice a usual day" in s.reason
    finally:
        set_language("zh_CN")
    with clock_at(tonight.at(THURSDAY, dt.time(20))):
        promotions.cancel_promotion(bakery.owner, plan)
    assert suggestions.explain(bakery.bun.id, at=EVENING).suggested == 16


def test_plans_are_checked_listed_cancelled_and_audited(bakery):
    owner, bun = bakery.owner, bakery.bun.id
    with clock_at(tonight.at(WEDNESDAY, dt.time(9))):
        first = promotions.plan_promotion(owner, bun, FRIDAY, SATURDAY, uplift="2.5", note="周末特价")
        with pytest.raises(ValidationError, match="已有促销计划"):
            promotions.plan_promotion(owner, bun, SATURDAY, SATURDAY + dt.timedelta(days=1))
        with pytest.raises(ValidationError, match="早于开始日期"):
            promotions.plan_promotion(owner, bun, SATURDAY, FRIDAY)
        with pytest.raises(ValidationError, match="已经过去"):
            promotions.plan_promotion(owner, bun, WEDNESDAY - dt.timedelta(days=1), WEDNESDAY)
        with pytest.raises(ValidationError, match="太长"):
            promotions.plan_promotion(owner, bun, FRIDAY + dt.timedelta(days=7), FRIDAY + dt.timedelta(days=40))
        with pytest.raises(ValidationError, match="至少是 1"):
            promotions.plan_promotion(owner, bun, FRIDAY + dt.timedelta(days=7), None, uplift="0.5")
        with pytest.raises(ValidationError, match="不是日期"):
            promotions.plan_promotion(owner, bun, "下周五", None)
        with pytest.raises(ValidationError):
            promotions.plan_promotion(owner, bun, FRIDAY + dt.timedelta(days=7), None, uplift="1e9")
        cashier = users.create_user(owner, "xiaomei", "cashier", display_name="小美")
        with pytest.raises(PermissionDenied):
            promotions.plan_promotion(cashier, bun, FRIDAY + dt.timedelta(days=7), None)
        with pytest.raises(NotFound):
            promotions.cancel_promotion(owner, 999)
        second = promotions.plan_promotion(owner, bun, FRIDAY + dt.timedelta(days=7), "")  # one day
        listed = promotions.promotions()
        assert [(p.id, p.product_id, p.first_day, p.last_day, p.uplift, p.note) for p in listed] == [
            (first, bun, FRIDAY, SATURDAY, D("2.5"), "周末特价"),
            (second, bun, FRIDAY + dt.timedelta(days=7), FRIDAY + dt.timedelta(days=7), None, "")]
        promotions.cancel_promotion(owner, first)
        promotions.cancel_promotion(owner, first)  # twice: nothing more happens
        assert [p.id for p in promotions.promotions()] == [second]
        assert [(p.id, p.cancelled) for p in promotions.promotions(include_cancelled=True)] == [
            (first, True), (second, False)]
        # the cancelled days are free again
        third = promotions.plan_promotion(owner, bun, SATURDAY, SATURDAY)
    events = [(e.action, e.new, e.old) for e in AuditEvent.select().where(AuditEvent.action.startswith("promotion"))
              .order_by(AuditEvent.id)]
    assert events == [
        ("promotion.plan", f"{FRIDAY}–{SATURDAY} ×2.5", ""),
        ("promotion.plan", f"{FRIDAY + dt.timedelta(days=7)}–{FRIDAY + dt.timedelta(days=7)} ×?", ""),
        ("promotion.cancel", "", f"{FRIDAY}–{SATURDAY}"),
        ("promotion.plan", f"{SATURDAY}–{SATURDAY} ×?", "")]
    assert third > second


def test_a_product_never_promoted_takes_the_uplift_the_shops_promotions_showed(bakery):
    # 豆沙包's planned promotion last Friday sold 18 against its usual 10 (1.8 times); 花卷 was never promoted.
    # Its first promotion, on Friday, is stocked for what the shop's promotions sold: 1.8 times its usual 10.
    last_friday = FRIDAY - dt.timedelta(days=7)
    roll = products.save_product(bakery.owner, products.ProductInput(
        name="花卷", category="面包", base_unit="个", shelf_life_days=1, cost="0.8", price="1.5"))
    supplier_products.save_supplier_product(bakery.owner, bakery.baker, roll, pack_size="1", last_price="0.8",
                                            preferred=True)
    with clock_at(tonight.at(last_friday - dt.timedelta(days=3), dt.time(9))):
        promotions.plan_promotion(bakery.owner, bakery.bun.id, last_friday, last_friday)
    a_usual_fortnight(bakery, last_friday)
    for day in [*WEEK_BEFORE, THURSDAY]:
        outcomes.deliver(bakery, bakery.baker, roll, "10", tonight.at(day, tonight.VAN))
        for time, quantity in tonight.SALES:
            outcomes.sell(bakery, roll, quantity, tonight.at(day, time))
    with clock_at(tonight.at(THURSDAY, dt.time(9))):
        promotions.plan_promotion(bakery.owner, roll.id, FRIDAY, FRIDAY)
    s = suggestions.explain(roll.id, at=EVENING)
    assert (s.avg_daily, s.demand.promotion_uplift) == (10, None)
    assert (s.promotion.uplift, s.promotion.source) == (D("1.8"), "shop")
    # Friday 18: safety 1.8808 × √18 = 7.98 → 8.0, need 26; the cap is Friday's 18 and Saturday's 10, 28
    assert (s.need, s.cap, s.suggested) == (26, 28, 26)
    set_language("zh_CN")
    assert "全店以往促销的倍数" in s.reason
