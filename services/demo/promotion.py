"""The demo's 促销计划: on the history's last day 李姐 plans a WeChat-group special on strawberries for
tomorrow and the day after, so the window opens with the plan in 促销计划 and tonight's 建议采购 line for
them saying "促销 … 按平时 ×2 备货". Planned after the history (in generate_demo's last transaction): the
90 days themselves ran without plans, and their figures are a shop's without promotions."""
from __future__ import annotations

import datetime as dt

from models import Product
from services.core import clock
from services.sales.promotions import plan_promotion

PROMOTED = "草莓"  # a fast fruit 佳果源 brings every morning: tonight's order arrives on the first day
NOTE = "社群草莓特价(群里预告过)"
DAYS = 2


def plan_demo_promotion(owner, end: dt.date) -> int | None:
    """The plan's id; None when the history does not end today (no evening left to order for) or the
    shop is too small to sell strawberries."""
    first = end + dt.timedelta(days=1)
    if end != clock.today():
        return None
    product = Product.select(Product.id).where(Product.name == PROMOTED).order_by(Product.id).first()
    if product is None:
        return None
    return plan_promotion(owner, product.id, first, first + dt.timedelta(days=DAYS - 1), note=NOTE)
