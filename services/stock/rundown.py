"""How a product's stock runs down under its forecast demand: when it runs out, what is left, what expires.

Stock is a list of lots (expiry date, quantity). Demand is taken earliest expiry first (FEFO, as
the ledger sells); a lot is sellable through its expiry date and thrown away at the next midnight.
The walk goes a day at a time and only looks hour by hour inside the day the stock runs out.

The purchase suggestions walk every product several times each evening, so the walk does the
arithmetic of Demand.between per day itself (the same operations in the same order: each day's
want is 0 + the day's forecast × the share of it walked) and skips what its caller does not read.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from services.core.numbers import ZERO
from services.stock.demand import Demand

ONE = Decimal(1)
ONE_DAY, MIDNIGHT = dt.timedelta(days=1), dt.time()


@dataclass(slots=True)
class StockLot:
    expiry: dt.date | None
    quantity: Decimal
    counts_as_waste: bool = True  # False for goods still on order: their waste is not today's stock's


@dataclass(slots=True)
class RunDown:
    stockout_at: dt.datetime | None  # the hour boundary by which the stock is gone; None: lasts to the end
    lots: list[StockLot] = field(default_factory=list)  # what is left at the end
    wasted: Decimal = ZERO  # expired unsold during the walk (lots that count as waste)

    @property
    def left(self) -> Decimal:
        return sum((lot.quantity for lot in self.lots), ZERO)


def _fefo(lot: StockLot) -> tuple:
    return lot.expiry is None, lot.expiry or dt.date.max


def _crossing(demand: Demand, start: dt.datetime, stop: dt.datetime, have: Decimal) -> dt.datetime:
    """The first hour boundary after `start` by which demand since `start` exceeds `have` (`stop` is at
    most the midnight after `start`: every boundary is within `start`'s day, where demand.between is
    the day's forecast × the difference of two shares; worked out here with the same numbers: at a
    whole hour h the share is hour_cum[h])."""
    if not demand.avg_daily > 0:
        return stop  # nothing is asked for: between() is 0, never above what is there
    day = start.date()
    day_demand, before, cum = demand.day_demand(day), demand.share_until(start.time()), demand.hour_cum
    # boundaries h:00 before `stop`: all of the day's when it ends at midnight
    last = stop.hour + (1 if stop.minute or stop.second or stop.microsecond else 0) if stop.date() == day else 24
    for hour in range(start.hour + 1, last):
        if day_demand * (cum[hour] - before) > have:
            return dt.datetime.combine(day, dt.time(hour))
    return stop


def run_down(demand: Demand, lots: list[StockLot], start: dt.datetime, end: dt.datetime,
             find_stockout: bool = True) -> RunDown:
    """Walk the stock from `start` to `end`; `lots` is not changed. `find_stockout` False: the caller
    reads only what is left and wasted, so the walk stops when the stock is gone."""
    stock = [StockLot(lot.expiry, lot.quantity, lot.counts_as_waste) for lot in lots if lot.quantity > 0]
    if len(stock) > 1:
        stock.sort(key=_fefo)
    if not demand.avg_daily > 0:
        return _expire_only(stock, start, end)
    share, day_demand = demand.share_until, demand.day_demand
    stockout, wasted, at, day = None, ZERO, start, start.date()
    while at < end:
        if not stock and (stockout is not None or not find_stockout):
            break  # nothing left to sell or throw away: the rest of the walk would change nothing
        expiry = stock[0].expiry if stock else None
        if expiry is not None and expiry < day:  # sorted by expiry: else none has expired
            wasted = _expire(stock, day, wasted)
        midnight = dt.datetime.combine(day + ONE_DAY, MIDNIGHT)
        if end < midnight:
            stop, want = end, ZERO + day_demand(day) * (share(end.time()) - share(at.time()))
        else:
            stop, want = midnight, ZERO + day_demand(day) * (ONE - share(at.time()))
        if stockout is None and find_stockout and want > (stock[0].quantity if stock else ZERO):  # else the
            have = sum([lot.quantity for lot in stock], ZERO)  # first lot alone has it: no need to add up
            if want > have:
                stockout = _crossing(demand, at, stop, have)
        _take(stock, want)
        at, day = stop, day + ONE_DAY
    return RunDown(stockout, stock, wasted)


def _take(stock: list[StockLot], want: Decimal) -> None:
    """Sell `want` from the lots in order; the lots sold out leave the list."""
    gone = 0
    for lot in stock:
        if want <= 0:
            break
        quantity = lot.quantity
        if want < quantity:
            lot.quantity = quantity - want
            break
        want -= quantity
        gone += 1
    del stock[:gone]


def _expire(stock: list[StockLot], day: dt.date, wasted: Decimal) -> Decimal:
    """Take the lots expired before `day` off the shelf (earliest expiry first: a prefix of the sorted
    stock); `wasted` plus those that count as waste, added one by one."""
    gone = 0
    for lot in stock:
        if lot.expiry is None or lot.expiry >= day:
            break
        if lot.counts_as_waste:
            wasted += lot.quantity
        gone += 1
    del stock[:gone]
    return wasted


def _expire_only(stock: list[StockLot], start: dt.datetime, end: dt.datetime) -> RunDown:
    """The walk of a product nobody asks for: nothing sells, the lots expired on the last day walked
    (the day before `end` when it is a midnight) are thrown away, earliest expiry first."""
    if not start < end:
        return RunDown(None, stock, ZERO)
    last = end.date() - ONE_DAY if end.time() == MIDNIGHT else end.date()
    return RunDown(None, stock, _expire(stock, last, ZERO))
