"""The demo's 促销计划 (issue 12): a demo ending today (Sunday 2026-12-06, 10:00) opens with 李姐's
strawberry special planned for Monday and Tuesday, and tonight's 草莓 line orders for it; a history that
ended on another day has no evening left and no plan."""
from __future__ import annotations

import datetime as dt

from services.catalog.products import get_product
from services.core.messages import set_language
from services.demo.promotion import NOTE
from services.demo.store import generate_demo
from services.purchasing import suggestions
from services.sales import promotions


def test_the_demo_opens_with_the_strawberry_special_in_tonights_order(db):
    set_language("zh_CN")
    generate_demo(db, products=12, days=3, seed=2)
    [plan] = promotions.promotions()
    assert (plan.name, plan.first_day, plan.last_day, plan.uplift, plan.note) == (
        "草莓", dt.date(2026, 12, 7), dt.date(2026, 12, 8), None, NOTE)
    line = suggestions.explain(get_product(plan.sku).id)
    # no promotion seen in its history: twice a usual day, as the reason says
    assert "促销 12-07–12-08 按平时 ×2 备货(还没有促销记录,先按 2 倍)" in line.reason
    assert (line.promotion.uplift, line.promotion.source) == (2, "default")


def test_a_demo_ending_on_another_day_plans_nothing(db):
    generate_demo(db, products=12, days=3, seed=2, today=dt.date(2026, 11, 18))
    assert promotions.promotions(since=dt.date.min, include_cancelled=True) == []
