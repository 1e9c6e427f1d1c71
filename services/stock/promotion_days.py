"""The days the shop has planned a promotion for a product (促销计划, models.promotions), read for
the demand: those days are left out of a product's usual level, and the suggestions order for the
planned days ahead (services.purchasing.promotion_boosts)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from models.promotions import PromotionPlan

ONE_DAY = dt.timedelta(days=1)
UPLIFT_MIN, UPLIFT_MAX = Decimal(1), Decimal(10)  # a promotion day sells 1–10 usual days (planned or learnt)

PlannedDays = dict[int, dict[dt.date, Decimal | None]]  # product → day → the owner's uplift (None: learnt)


def planned_days(first: dt.date, last: dt.date, product_ids: set[int] | None = None) -> PlannedDays:
    """Each product's promotion days from `first` to `last` (plans not cancelled), with the uplift
    the owner gave the plan. One query, on the plans that end on or after `first`."""
    query = (PromotionPlan.select(PromotionPlan.product, PromotionPlan.first_day, PromotionPlan.last_day,
                                  PromotionPlan.uplift)
             .where((PromotionPlan.last_day >= first) & (PromotionPlan.first_day <= last)
                    & (PromotionPlan.cancelled == False))  # noqa: E712 (peewee builds SQL from ==)
             .order_by(PromotionPlan.id))
    if product_ids is not None:
        query = query.where(PromotionPlan.product.in_(list(product_ids)))
    days: PlannedDays = defaultdict(dict)
    for product_id, start, end, uplift in query.tuples():
        day = max(start, first)
        while day <= min(end, last):
            days[product_id][day] = uplift
            day += ONE_DAY
    return dict(days)
