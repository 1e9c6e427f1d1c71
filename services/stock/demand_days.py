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
import operator
import threading
from collections.abc import Iterable
from decimal import Decimal
from itertools import accumulate

import peewee

from models import Balance, Document, Move, database
from models.lost_sales import LostSale
from services.catalog.locations import location_kinds, real_ids
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.stock import demand_history

KEEP = 4  # closings kept (a shop file × a pattern period, and some)
_kept: dict[tuple, tuple[int, list[dict[int, int]], dict[int, list[int]]]] = {}
_lock = threading.Lock()
MINUS = peewee.Value(-1, converter=False)  # a plain −1 (beside Move.quantity peewee would store it as −1000 units)
SHARE_MIN = Decimal("0.25")  # a day that sold out in its first hour: counted as at most 4 × its sales


def sold_out(sold_units: int, lost_sales: Decimal, left_units: int) -> bool:
    """Something sold and nothing was left, or the till recorded customers turned away."""
    return lost_sales > 0 or (sold_units > 0 and left_units <= 0)


def estimate(sold: Decimal, lost_sales: Decimal, left_units: int, last_hour: int | None,
             hour_cum: tuple[Decimal, ...]) -> Decimal | None:
    """One product's day: its demand as far as it can be told, or None when the product had no stock
    all day. `sold` and `lost_sales` in base units, `left_units` stored units left after the day's
    sales, `last_hour` the hour of its last sale."""
    if sold <= 0 and left_units <= 0 and lost_sales <= 0:
        return None
    if lost_sales > 0:  # the till saw who was turned away: better evidence than the hour pattern
        return sold + lost_sales
    if sold > 0 and left_units <= 0 and last_hour is not None:  # sold out, without lost sales recorded
        share = max(SHARE_MIN, hour_cum[min(last_hour + 1, len(hour_cum) - 1)])
        return sold / share
    return sold


def day_number(day: dt.date) -> int:
    """Days since 0001-01-01, a Monday: `n % 7` is the day's weekday (0 = Monday)."""
    return day.toordinal() - 1


def real_locations() -> list[int]:
    return real_ids(location_kinds())


def stock_left(first: dt.date, end: dt.date, product_ids: set[int] | None,
               losses: dict[int, dict[int, int]], wanted: Iterable[int]) -> dict[int, list[int]]:
    """Product (of `wanted`) → stored units left after each day's sales, from `first` (index 0) to the
    day before `end`: today's balance walked back through each day's net moves into the real locations.
    `losses` holds each product's write-offs in stored units by day number (day_number; added back: they
    leave at closing, after the day's sales). Integers throughout: the walk is exact and 30× cheaper than Decimal."""
    real = real_locations()
    if not real:
        return {}
    on_hand = _ON_HAND.rows(real=real) if product_ids is None else _ON_HAND_OF.rows(real=real,
                                                                                  product_ids=product_ids)
    closing: dict[int, int] = {pid: int(units or 0) for pid, units in on_hand}
    daily, later = _net_flows(real, first, end, product_ids)
    for pid, units in later.items():  # dated today or later: not yet in any past day's closing
        closing[pid] = closing.get(pid, 0) - units
    start, key = day_number(first), (str(database.database), len(daily))
    with _lock:
        kept = _kept.get(key) if product_ids is None else None
    closings = _closings(kept, start, daily, closing, wanted)
    if product_ids is None:
        with _lock:
            _kept[key] = (start, daily, closings)
            while len(_kept) > KEEP:
                del _kept[next(iter(_kept))]
    out_left: dict[int, list[int]] = {}
    for pid, after in closings.items():
        written_off = losses.get(pid)
        if written_off:
            after = after.copy()
            for n, lost in written_off.items():
                after[n - start] += lost
        out_left[pid] = after
    return out_left


def _on_hand_query(real: list[int], product_ids: set[int] | None = None) -> peewee.Query:
    location = Balance.location
    if isinstance(database.obj, peewee.SqliteDatabase):  # not by the locations' index: SQLite then reads the
        location = Balance.location + 0  # balances that are not 0 by theirs, a 20th of the rows (4× faster)
    on_hand = Balance.select(Balance.product, peewee.fn.SUM(Balance.quantity).coerce(False)).where(
        location.in_(real) & (Balance.quantity != 0)).group_by(Balance.product)  # most rows are spent lots
    return on_hand if product_ids is None else on_hand.where(Balance.product.in_(list(product_ids)))


_ON_HAND = CompiledQuery(_on_hand_query, real=ID_LIST)  # every evening's: built once
_ON_HAND_OF = CompiledQuery(_on_hand_query, real=ID_LIST, product_ids=ID_LIST)  # the evening's few not done yet


def _closings(kept: tuple | None, start: int, daily: list[dict[int, int]], closing: dict[int, int],
              wanted: Iterable[int]) -> dict[int, list[int]]:
    """Product → stored units at each day's close (before its write-offs): `closing` (the last day's)
    walked back through `daily`. `kept` (the day number it started on, its days' flows, its closings)
    from an earlier evening: where its days' flows are the same objects (read once, unchanged) and its
    last closing is reached walking back from today's, the rest of it holds too and is taken as it is."""
    count = len(daily)
    shift, before = None, {}
    if kept is not None:
        kept_start, kept_daily, before = kept
        shift = start - kept_start
        if not 0 <= shift <= count or any(a is not b for a, b in zip(kept_daily[shift:], daily, strict=False)):
            shift = None
    out: dict[int, list[int]] = {}
    for pid in wanted:
        value = closing.get(pid, 0)
        old = before.get(pid) if shift is not None else None
        if old is not None:
            tail = []
            for flows in reversed(daily[count - shift:]):  # the days after the ones kept, newest first
                tail.append(value)
                value -= flows.get(pid, 0)
            if value == old[-1]:
                tail.reverse()
                out[pid] = old[shift:] + tail if shift else old
                continue
            value = closing.get(pid, 0)
        after = list(accumulate(reversed([flows.get(pid, 0) for flows in daily[1:]]), initial=value,
                                func=operator.sub))  # closing after day n = today's − the net moves after it
        after.reverse()
        out[pid] = after
    return out


def _net_flows(real: list[int], first: dt.date, end: dt.date,
               product_ids: set[int] | None) -> tuple[list[dict[int, int]], dict[int, int]]:
    """(product → stored units into the real locations net, for each day from `first` to the day before
    `end`; the same summed over the days from `end` on). For every product, the days before `end` each read
    once while their documents are unchanged (services.stock.demand_history), the days from `end` on read
    every time."""
    count = (end - first).days
    if product_ids is None:
        daily = [flows for _, flows in demand_history.per_day("flows", tuple(real), first, end - dt.timedelta(days=1),
                                                             lambda a, b: _read_flows(real, a, b, None), _sum_flows)]
        return daily, _sum_flows(_read_flows(real, end, None, None))
    by_day: list[list[tuple]] = [[] for _ in range(count + 1)]  # the last: from `end` on
    for row in _read_flows(real, first, None, product_ids):
        by_day[min(count, (dt.date.fromisoformat(str(row[1])[:10]) - first).days)].append(row)
    return [_sum_flows(rows) for rows in by_day[:count]], _sum_flows(by_day[count])


def _sum_flows(rows: list[tuple]) -> dict[int, int]:
    flows: dict[int, int] = {}
    for pid, _, units in rows:
        flows[pid] = flows.get(pid, 0) + int(units or 0)
    return flows


def _flows_query(real: list[int], dated: peewee.Expression, product_ids: set[int] | None = None,
                 out_of: list[int] | None = None, from_real: list[int] | None = None,
                 to_real: list[int] | None = None) -> peewee.Query:
    """Each product's stored units into the `real` locations net, per day of the documents `dated` picks
    (`out_of`, `from_real`, `to_real`: the same locations again, for a compiled query's own markers)."""
    into = Move.to_location.in_(real) & ~Move.from_location.in_(out_of or real)
    out = Move.from_location.in_(from_real or real) & ~Move.to_location.in_(to_real or real)
    change = peewee.fn.SUM(peewee.Case(None, ((into, Move.quantity), (out, Move.quantity * MINUS)), 0)).coerce(False)
    net = (Document.select(Move.product, Document.doc_date, change)  # documents first: their date's index,
           .join(Move, peewee.JOIN.CROSS)  # not a scan of every move (4× faster on SQLite)
           .where((Move.document == Document.id) & dated)  # every document moved stock, reversed ones and
           .group_by(Move.product, Document.doc_date))  # their reversals too
    return net if product_ids is None else net.where(Move.product.in_(list(product_ids)))


_FIRST_MARK, _LAST_MARK = dt.date(1, 1, 1), dt.date(1, 1, 2)  # no document is dated then
_LISTS = {name: ID_LIST for name in ("real", "out_of", "from_real", "to_real")}  # one marker list per IN (…)
# every evening reads every product's flows of the days not kept and of today on: the SELECTs built once
_FLOWS_BETWEEN = CompiledQuery(lambda first, last, **lists: _flows_query(
    dated=Document.doc_date.between(first, last), **lists), first=_FIRST_MARK, last=_LAST_MARK, **_LISTS)
_FLOWS_SINCE = CompiledQuery(lambda first, **lists: _flows_query(dated=Document.doc_date >= first, **lists),
                             first=_FIRST_MARK, **_LISTS)
_FLOWS_SINCE_OF = CompiledQuery(lambda first, **lists: _flows_query(dated=Document.doc_date >= first, **lists),
                                first=_FIRST_MARK, product_ids=ID_LIST, **_LISTS)  # of a few products


def _read_flows(real: list[int], first: dt.date, last: dt.date | None, product_ids: set[int] | None) -> list[tuple]:
    lists = dict.fromkeys(_LISTS, real)
    if product_ids is None:
        if last is None:
            return _FLOWS_SINCE.rows(first=first, **lists)
        return _FLOWS_BETWEEN.rows(first=first, last=last, **lists)
    if last is None:
        return _FLOWS_SINCE_OF.rows(first=first, product_ids=product_ids, **lists)
    return database.execute(_flows_query(real, Document.doc_date.between(first, last), product_ids)).fetchall()


def lost_sales(first: dt.date, last: dt.date, product_ids: set[int] | None) -> list[tuple[int, object, int]]:
    """(product, day, stored units asked for that could not be sold), summed per product and day in SQL;
    the day as the database gives it (text on SQLite)."""
    since, until = dt.datetime.combine(first, dt.time()), dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    if product_ids is None:
        return _EVERY_LOST_SALE.rows(since=since, until=until)
    return _LOST_SALES_OF.rows(since=since, until=until, product_ids=product_ids)


def _lost_sales_query(since: dt.datetime, until: dt.datetime, product_ids: set[int] | None = None) -> peewee.Query:
    day = peewee.fn.date(LostSale.occurred_at)
    query = (LostSale.select(LostSale.product, day, peewee.fn.SUM(LostSale.quantity).coerce(False))
             .where((LostSale.occurred_at >= since) & (LostSale.occurred_at < until))
             .group_by(LostSale.product, day))
    return query if product_ids is None else query.where(LostSale.product.in_(list(product_ids)))


_EVERY_LOST_SALE = CompiledQuery(_lost_sales_query, since=dt.datetime(1, 1, 1), until=dt.datetime(1, 1, 2))
_LOST_SALES_OF = CompiledQuery(_lost_sales_query, since=dt.datetime(1, 1, 1), until=dt.datetime(1, 1, 2),
                               product_ids=ID_LIST)
