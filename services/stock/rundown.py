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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.core.numbers import ZERO
from services.stock.demand import Demand
from services.stock.expiry import is_expired

ONE = Decimal(1)
ONE_DAY, MIDNIGHT = dt.timedelta(days=1), dt.time()


@dataclass(slots=True)
class StockLot:
    expiry: dt.date | None
    quantity: Decimal
    counts_as_waste: bool = True  # False for goods still on order: their waste is not today's stock's


class Stock:
    """Lots in FEFO order as three columns (expiry, quantity, counts as waste), none of them empty: what
    a walk starts from and what it leaves. The purchase suggestions walk what one walk left again
    (with the goods on order, and on to the expiry of what arrives), so it stays in columns."""

    __slots__ = ("expiries", "quantities", "wastes")

    def __init__(self, expiries: list[dt.date | None], quantities: list[Decimal], wastes: list[bool]):
        self.expiries, self.quantities, self.wastes = expiries, quantities, wastes

    @classmethod
    def of(cls, lots: Iterable[StockLot]) -> Stock:
        """The lots holding something, earliest expiry first (no expiry last; as given among equals)."""
        kept = [lot for lot in lots if lot.quantity > 0]
        if len(kept) > 1:
            kept.sort(key=_fefo)
        return cls([lot.expiry for lot in kept], [lot.quantity for lot in kept], [lot.counts_as_waste for lot in kept])

    @classmethod
    def on_shelf(cls, expiries: list[dt.date | None], quantities: list[Decimal]) -> Stock:
        """Today's lots (they count as waste) given as columns: those holding something, in FEFO order."""
        kept = [(expiry, quantity) for expiry, quantity in zip(expiries, quantities, strict=True) if quantity > 0]
        if len(kept) > 1:
            kept.sort(key=_fefo_of_pair)
        return cls([expiry for expiry, _ in kept], [quantity for _, quantity in kept], [True] * len(kept))

    def copy(self) -> Stock:
        return Stock(self.expiries.copy(), self.quantities.copy(), self.wastes.copy())

    def plus(self, lot: StockLot) -> Stock:
        """A copy with `lot` at its FEFO place, after the lots of the same expiry (nothing when it is empty)."""
        more = self.copy()
        if lot.quantity > 0:
            key, at = _fefo(lot), len(self.expiries)
            while at and _fefo_of(self.expiries[at - 1]) > key:
                at -= 1
            more.expiries.insert(at, lot.expiry)
            more.quantities.insert(at, lot.quantity)
            more.wastes.insert(at, lot.counts_as_waste)
        return more

    @property
    def left(self) -> Decimal:
        return sum(self.quantities, ZERO)

    def sellable_on(self, day: dt.date) -> Decimal:
        """What of it may still be sold on `day` (not expired), added in FEFO order."""
        return sum([q for e, q in zip(self.expiries, self.quantities, strict=True) if not is_expired(e, day)], ZERO)

    @property
    def lots(self) -> list[StockLot]:
        return [StockLot(*lot) for lot in zip(self.expiries, self.quantities, self.wastes, strict=True)]


class RunDown:
    """What a walk found: `stockout_at`, the hour boundary by which the stock is gone (None: it lasts to
    the end); `stock`, what is left at the end (`lots` as StockLots); `wasted`, what expired unsold (lots
    that count as waste)."""

    __slots__ = ("stockout_at", "stock", "wasted")

    def __init__(self, stockout_at: dt.datetime | None, stock: Stock, wasted: Decimal = ZERO):
        self.stockout_at, self.stock, self.wasted = stockout_at, stock, wasted

    @property
    def lots(self) -> list[StockLot]:
        return self.stock.lots

    @property
    def left(self) -> Decimal:
        return self.stock.left


def _fefo(lot: StockLot) -> tuple:
    return _fefo_of(lot.expiry)


def _fefo_of(expiry: dt.date | None) -> tuple:
    return expiry is None, expiry or dt.date.max


def _fefo_of_pair(lot: tuple[dt.date | None, Decimal]) -> tuple:
    return lot[0] is None, lot[0] or dt.date.max  # _fefo_of, without a second call per lot


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
    return walk(demand, Stock.of(lots), start, end, find_stockout)


def walk(demand: Demand, stock: Stock, start: dt.datetime, end: dt.datetime, find_stockout: bool = True,
         consume: bool = False) -> RunDown:
    """run_down of lots already in columns; `stock` is not changed, unless `consume`: the caller reads it no
    more, so the walk takes from it instead of from a copy."""
    if not consume:
        stock = stock.copy()
    expiries, quantities = stock.expiries, stock.quantities
    if not demand.avg_daily > 0:
        return _expire_only(stock, start, end)
    share, day_demand = demand.share_until, demand.day_demand
    stockout, wasted, at, day = None, ZERO, start, start.date()
    midnight, share_at = dt.datetime.combine(day + ONE_DAY, MIDNIGHT), share(start.time())
    while at < end:
        if quantities:
            if expiries[0] is not None and expiries[0] < day:  # sorted by expiry: else none has
                wasted = _expire(stock, day, wasted)
        elif stockout is not None or not find_stockout:
            break  # nothing left to sell or throw away: the rest of the walk would change nothing
        if end < midnight:
            stop, want = end, ZERO + day_demand(day) * (share(end.time()) - share_at)
        else:
            stop, want = midnight, ZERO + day_demand(day) * (ONE - share_at)
        if stockout is None and find_stockout and want > (quantities[0] if quantities else ZERO):  # else the
            have = sum(quantities, ZERO)  # first lot alone has it: no need to add up
            if want > have:
                stockout = _crossing(demand, at, stop, have)
        if quantities and 0 < want < quantities[0]:  # the first lot alone meets the day: the common case
            quantities[0] -= want
        else:
            _take(stock, want)
        if at is start:  # every later day starts at midnight
            share_at = share(MIDNIGHT)
        at, day, midnight = stop, day + ONE_DAY, midnight + ONE_DAY
    return RunDown(stockout, stock, wasted)


def _take(stock: Stock, want: Decimal) -> None:
    """Sell `want` from the lots in order; the lots sold out leave the columns."""
    quantities, gone = stock.quantities, 0
    for quantity in quantities:
        if want <= 0:
            break
        if want < quantity:
            quantities[gone] = quantity - want
            break
        want -= quantity
        gone += 1
    if gone:
        del stock.expiries[:gone], quantities[:gone], stock.wastes[:gone]


def _expire(stock: Stock, day: dt.date, wasted: Decimal) -> Decimal:
    """Take the lots expired before `day` off the shelf (earliest expiry first: a prefix of the sorted
    stock); `wasted` plus those that count as waste, added one by one."""
    gone = 0
    for expiry in stock.expiries:
        if expiry is None or expiry >= day:
            break
        if stock.wastes[gone]:
            wasted += stock.quantities[gone]
        gone += 1
    del stock.expiries[:gone], stock.quantities[:gone], stock.wastes[:gone]
    return wasted


def _expire_only(stock: Stock, start: dt.datetime, end: dt.datetime) -> RunDown:
    """The walk of a product nobody asks for: nothing sells, the lots expired on the last day walked
    (the day before `end` when it is a midnight) are thrown away, earliest expiry first."""
    if not start < end:
        return RunDown(None, stock)
    last = end.date() - ONE_DAY if end.time() == MIDNIGHT else end.date()
    return RunDown(None, stock, _expire(stock, last, ZERO))
