"""促销计划: the owner plans the days a product is on promotion (a special price, a WeChat-group
push, a tasting), optionally with how many times a usual day it should sell. Tonight's purchase
suggestions order for the planned days ahead and leave past promotion days out of the product's usual
level (services.purchasing.promotion_boosts, services.stock.demand).

A plan is never edited: a changed promotion is the old plan cancelled and a new one planned, so the
audit log says what the suggestions were told and when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from models import Product, write_transaction
from models.promotions import PromotionPlan
from services.core import audit
from services.core.clock import now, today
from services.core.errors import NotFound, ValidationError
from services.core.numbers import normalise_text, to_date, to_decimal
from services.core.permissions import require
from services.stock.promotion_days import UPLIFT_MAX, UPLIFT_MIN

MAX_DAYS = 31  # a promotion longer than a month is the product's new usual, not a promotion
NOTE_MAX = 200


@dataclass(frozen=True)
class PromotionRow:
    id: int
    product_id: int
    sku: str
    name: str
    first_day: dt.date
    last_day: dt.date
    uplift: Decimal | None  # None: learnt from the shop's earlier promotions
    note: str
    cancelled: bool

    def as_json(self) -> dict:
        return {"id": self.id, "sku": self.sku, "name": self.name, "first_day": self.first_day.isoformat(),
                "last_day": self.last_day.isoformat(), "uplift": None if self.uplift is None else str(self.uplift),
                "note": self.note, "cancelled": self.cancelled}


def plan_promotion(actor, product_id: int, first_day: object, last_day: object, uplift: object = None,
                   note: object = "") -> int:
    """Plan a promotion of one product from `first_day` to `last_day` (both included); returns its id.
    Refused: days in the past, a stretch over MAX_DAYS, an uplift outside 1–10, a product that already
    has a promotion on one of those days."""
    require(actor, "purchase.edit")
    product = Product.get_or_none(Product.id == product_id)
    if product is None or not product.active:
        raise NotFound("product.not_found", ref=product_id)
    first = to_date(first_day, "开始日期")
    last = to_date(last_day, "结束日期") if normalise_text(last_day) else first
    if first is None or last is None:
        raise ValidationError("value.required", field="开始日期" if first is None else "结束日期")
    _check_days(first, last)
    value = _uplift(uplift)
    text = normalise_text(note)[:NOTE_MAX]
    with write_transaction():
        clash = _overlapping(product_id, first, last)
        if clash is not None:
            raise ValidationError("promotion.overlap", field="开始日期", name=product.name,
                                  first=clash.first_day.isoformat(), last=clash.last_day.isoformat())
        plan = PromotionPlan.create(product=product_id, first_day=first, last_day=last, uplift=value, note=text,
                                    created_at=now(), created_by=getattr(actor, "id", None))
        audit.record(actor, "promotion.plan", "product", product_id,
                     new=f"{first.isoformat()}–{last.isoformat()} ×{value if value is not None else '?'}", reason=text)
    return plan.id


def cancel_promotion(actor, plan_id: int) -> None:
    """Cancel a plan (it stays in the list, struck through); cancelling a cancelled plan changes nothing."""
    require(actor, "purchase.edit")
    with write_transaction():
        plan = PromotionPlan.get_or_none(PromotionPlan.id == plan_id)
        if plan is None:
            raise NotFound("promotion.not_found", ref=plan_id)
        if plan.cancelled:
            return
        PromotionPlan.update(cancelled=True).where(PromotionPlan.id == plan_id).execute()
        audit.record(actor, "promotion.cancel", "product", plan.product_id,
                     old=f"{plan.first_day.isoformat()}–{plan.last_day.isoformat()}")


def promotions(since: dt.date | None = None, include_cancelled: bool = False) -> list[PromotionRow]:
    """The plans that end on or after `since` (default: today), soonest first."""
    since = since or today()
    query = (PromotionPlan.select(PromotionPlan, Product.id, Product.sku, Product.name).join(Product)
             .where(PromotionPlan.last_day >= since)
             .order_by(PromotionPlan.first_day, Product.sku, PromotionPlan.id))
    if not include_cancelled:
        query = query.where(PromotionPlan.cancelled == False)  # noqa: E712 (peewee expression)
    return [PromotionRow(p.id, p.product_id, p.product.sku, p.product.name, p.first_day, p.last_day, p.uplift,
                         p.note, p.cancelled) for p in query]


def _check_days(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise ValidationError("promotion.reversed", field="结束日期", first=first.isoformat(), last=last.isoformat())
    if first < today():
        raise ValidationError("promotion.past", field="开始日期", first=first.isoformat())
    if (last - first).days + 1 > MAX_DAYS:
        raise ValidationError("promotion.too_long", field="结束日期", days=(last - first).days + 1, limit=MAX_DAYS)


def _uplift(value: object) -> Decimal | None:
    if value is None or normalise_text(value) == "":
        return None
    number = to_decimal(value, "预计倍数", places=2, limit=UPLIFT_MAX)
    if number < UPLIFT_MIN:
        raise ValidationError("promotion.uplift_low", field="预计倍数", value=value)
    return number


def _overlapping(product_id: int, first: dt.date, last: dt.date) -> PromotionPlan | None:
    return (PromotionPlan.select()
            .where((PromotionPlan.product == product_id) & (PromotionPlan.cancelled == False)  # noqa: E712
                   & (PromotionPlan.first_day <= last) & (PromotionPlan.last_day >= first))
            .first())
