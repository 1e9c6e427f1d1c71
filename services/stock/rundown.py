"""How a product's stock runs down under its forecast demand: when it runs out, what is left, what expires.

Stock is a list of lots (expiry date, quantity). Demand is taken earliest expiry first (FEFO, as
the ledger sells); a lot is sellable through its expiry date and thrown away at the next midnight.
The walk goes a day at a time and only looks hour by hour inside the day the stock runs out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from services.core.numbers import ZERO
from services.stock.demand import Demand
from services.stock.expiry import is_expired


@dataclass
class StockLot:
    expiry: dt.date | None
    quantity: Decimal
    counts_as_waste: bool = True  # False for goods still on order: their waste is not today's stock's


@dataclass
class RunDown:
    stockout_at: dt.datetime | None  # the hour boundary by which the stock is gone; None: lasts to the end
    lots: list[StockLot] = field(default_factory=list)  # what is left at the end
    wasted: Decimal = ZERO  # expired unsold during the walk (lots that count as waste)

    @property
    def left(self) -> Decimal:
        return sum((lot.quantity for lot in self.lots), ZERO)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _crossing(demand: Demand, start: dt.datetime, stop: dt.datetime, have: Decimal) -> dt.datetime:
    """The first hour boundary after `start` by which demand since `start` exceeds `have` (`stop` is at
    most the midnight after `start`: every boundary is within `start`'s day, where demand.between is
    the day's forecast × the difference of two shares; worked out here with the same numbers)."""
    boundary = start.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    if not demand.avg_daily > 0:
        return stop  # nothing is asked for: between() is 0, never above what is there
    day_demand, before = demand.day_demand(start.date()), demand.share_until(start.time())
    while boundary < stop:
        if day_demand * (demand.share_until(boundary.time()) - before) > have:
            return boundary
        boundary += dt.timedelta(hours=1)
    return stop


def _take(lots: list[StockLot], quantity: Decimal) -> None:
    for lot in lots:
        if quantity <= 0:
            break
        used = min(lot.quantity, quantity)
        lot.quantity -= used
        quantity -= used


def run_down(demand: Demand, lots: list[StockLot], start: dt.datetime, end: dt.datetime) -> RunDown:
    """Walk the stock from `start` to `end`; `lots` is not changed."""
    stock = sorted((StockLot(lot.expiry, lot.quantity, lot.counts_as_waste) for lot in lots if lot.quantity > 0),
                   key=lambda lot: (lot.expiry is None, lot.expiry or dt.date.max))
    result = RunDown(None)
    at = start
    while at < end:
        if not stock and (result.stockout_at is not None or not demand.avg_daily > 0):
            break  # nothing left to sell or throw away: the rest of the walk would change nothing
        day = at.date()
        if stock and is_expired(stock[0].expiry, day):  # sorted by expiry: else none has expired
            for lot in stock:  # expired before today: off the shelf
                if is_expired(lot.expiry, day) and lot.quantity > 0:
                    if lot.counts_as_waste:
                        result.wasted += lot.quantity
                    lot.quantity = ZERO
        stop = min(end, _midnight(day + dt.timedelta(days=1)))
        want = demand.between(at, stop)
        have = sum((lot.quantity for lot in stock), ZERO)
        if want > have and result.stockout_at is None:
            result.stockout_at = _crossing(demand, at, stop, have)
        _take(stock, want)
        stock = [lot for lot in stock if lot.quantity > 0]  # sold or thrown away: nothing more to walk
        at = stop
    result.lots = [lot for lot in stock if lot.quantity > 0]
    return result
