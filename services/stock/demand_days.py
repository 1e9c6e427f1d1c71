"""What each past day says about a product's demand, where sales alone would understate it.

A day that sold out early is censored: the shelf was empty, not the customers' interest. A day the
product had no stock at all says nothing about demand. So demand is learnt per day:

    left      = stock after the day's sales (closing stock + that day's losses, which are written
                off at closing), rebuilt from today's balance back through the day's net moves
    sold out  = something sold and nothing was left, or lost sales were recorded (a scan of an
                empty product, an order line that could not be filled: services.sales.lost_sales)
    estimate  = sold + the lost sales recorded that day (the till saw who was turned away); on a
                day that sold out with none recorded, sold ÷ (the share of a day's demand that
                comes before the hour it sold out, from the product's hour pattern): "it would
                have sold more"
    no stock all day and no lost sale recorded: no estimate (the day is left out, so a product
                that stood empty never looks as if nobody wanted it)
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import peewee

from models import VIRTUAL_KINDS, Balance, Document, Location, Move, database
from models.lost_sales import LostSale
from services.core.numbers import ZERO
from services.stock.ledger import QTY

SHARE_MIN = Decimal("0.25")  # a day that sold out in its first hour: counted as at most 4 × its sales


@dataclass
class DayRecord:
    """One product's day: units sold, lost sales recorded, stock left after sales, the last sale's hour."""

    sold: Decimal = ZERO
    lost_sales: Decimal = ZERO
    left: Decimal = ZERO
    last_hour: int | None = None

    @property
    def sold_out(self) -> bool:
        return self.lost_sales > 0 or (self.sold > 0 and self.left <= 0)

    def estimate(self, hour_cum: tuple[Decimal, ...]) -> Decimal | None:
        """The day's demand as far as it can be told, or None when the product had no stock all day."""
        if self.sold <= 0 and self.left <= 0 and self.lost_sales <= 0:
            return None
        if self.lost_sales > 0:  # the till saw who was turned away: better evidence than the hour pattern
            return self.sold + self.lost_sales
        if self.sold_out and self.last_hour is not None:
            share = max(SHARE_MIN, hour_cum[min(self.last_hour + 1, len(hour_cum) - 1)])
            return self.sold / share
        return self.sold


def real_locations() -> list[int]:
    return [lid for lid, kind in Location.select(Location.id, Location.kind).tuples() if kind not in VIRTUAL_KINDS]


def stock_left(first: dt.date, end: dt.date, product_ids: set[int] | None,
               losses: dict[tuple[int, dt.date], Decimal]) -> dict[tuple[int, dt.date], Decimal]:
    """(product, day) → stock after that day's sales, for every day from `first` to the day before
    `end`: today's balance walked back through each day's net moves into the real locations."""
    real = real_locations()
    if not real:
        return {}
    on_hand = Balance.select(Balance.product, peewee.fn.SUM(Balance.quantity).coerce(False)).where(
        Balance.location.in_(real)).group_by(Balance.product)
    into = Move.to_location.in_(real) & ~Move.from_location.in_(real)
    out = Move.from_location.in_(real) & ~Move.to_location.in_(real)
    came = peewee.fn.SUM(peewee.Case(None, ((into, Move.quantity),), 0)).coerce(False)
    went = peewee.fn.SUM(peewee.Case(None, ((out, Move.quantity),), 0)).coerce(False)
    net = (Move.select(Move.product, Document.doc_date, came, went)
           .join(Document, on=(Move.document == Document.id))
           .where(Document.doc_date >= first)  # every document moved stock, reversed ones and their reversals too
           .group_by(Move.product, Document.doc_date))
    if product_ids is not None:
        on_hand = on_hand.where(Balance.product.in_(list(product_ids)))
        net = net.where(Move.product.in_(list(product_ids)))
    balance = {pid: QTY.from_units(units) for pid, units in on_hand.tuples()}
    flows: dict[int, dict[dt.date, Decimal]] = defaultdict(dict)
    for pid, day, came_units, went_units in database.execute(net).fetchall():
        flows[pid][_day(day)] = QTY.from_units((came_units or 0) - (went_units or 0))
        balance.setdefault(pid, ZERO)
    out_left: dict[tuple[int, dt.date], Decimal] = {}
    for pid, closing in balance.items():
        days = flows.get(pid, {})
        closing -= sum((q for day, q in days.items() if day >= end), ZERO)  # moves dated today or later
        day = end - dt.timedelta(days=1)
        while day >= first:
            out_left[(pid, day)] = closing + losses.get((pid, day), ZERO)
            closing -= days.get(day, ZERO)
            day -= dt.timedelta(days=1)
    return out_left


def lost_sales(first: dt.date, last: dt.date, product_ids: set[int] | None) -> dict[tuple[int, dt.date], Decimal]:
    """(product, day) → units asked for that could not be sold (few rows: summed here, portable SQL)."""
    query = (LostSale.select(LostSale.product, LostSale.occurred_at, LostSale.quantity)
             .where((LostSale.occurred_at >= dt.datetime.combine(first, dt.time()))
                    & (LostSale.occurred_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))))
    if product_ids is not None:
        query = query.where(LostSale.product.in_(list(product_ids)))
    out: dict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
    for pid, at, quantity in query.tuples():
        out[(pid, _day(at))] += quantity
    return out


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
