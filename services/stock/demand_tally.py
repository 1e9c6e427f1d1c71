"""Each product's sales and losses per day over the pattern period, as services.stock.demand reads them.

Read from the ledger in one grouped query: sales are moves from a real location to a customer
location (every channel: the till, WeChat groups, store scans); losses are moves to a loss
location. Reversed documents and their reversals are both left out, so a mistake and its
correction cancel exactly and nothing lands on the wrong day. A day's rows are summed per product
once (DaySales) and, for every product, kept while that day's documents are unchanged
(services.stock.demand_history): an evening adds its newest day's sums to the 27 it already had.
"""
from __future__ import annotations

import datetime as dt
import operator
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import peewee

from models import Document, Move, database
from services.catalog.locations import location_kinds, real_ids
from services.core.compiled_sql import ID_LIST, CompiledQuery
from services.stock import demand_days, demand_history

HOURS = 24
NO_HOURS = (0,) * HOURS
KEEP = 4  # periods kept (a shop file × a window, and some)
_kept: dict[tuple, _Period] = {}
_lock = threading.Lock()


class DaySales(NamedTuple):
    """One product's day in stored units: what sold (None: no sale line) and that as a quantity, its sale
    lines, the hour of its last sale and the units per hour (None: no sale of known hour), and what was
    lost (None: no loss line)."""

    sold: int | None
    quantity: Decimal | None
    lines: int
    last_hour: int | None
    hours: tuple[int, ...] | None
    loss: int | None


class Tally:
    """One product's sums, days by their number (services.stock.demand_days.day_number; each dict in
    ascending order but lost_sales): the window's sales and losses, the period's sale lines, and per day
    what sold, when, and what was lost, thrown away or asked for in vain; `all_hours` sums `hours`."""

    __slots__ = ("sold", "lost", "lines", "sold_day", "quantity", "last_hour", "hours", "all_hours", "loss",
                 "lost_sales")

    def __init__(self) -> None:
        self.sold = self.lost = self.lines = 0
        self.sold_day: dict[int, int] = {}
        self.quantity: dict[int, Decimal] = {}  # sold_day as quantities
        self.last_hour: dict[int, int] = {}
        self.hours: dict[int, tuple[int, ...]] = {}  # units per hour, days with a sale of known hour
        self.all_hours: list[int] = list(NO_HOURS)
        self.loss: dict[int, int] = {}
        self.lost_sales: dict[int, Decimal] = {}

    def add(self, n: int, day: DaySales, in_window: bool) -> None:
        """Day `n`, newer than every day held."""
        if day.sold is not None:
            self.sold_day[n] = day.sold
            self.quantity[n] = day.quantity
            self.lines += day.lines
            if in_window:
                self.sold += day.sold
            if day.hours is not None:
                self.last_hour[n] = day.last_hour
                self.hours[n] = day.hours
                self.all_hours = list(map(operator.add, self.all_hours, day.hours))
        if day.loss is not None:
            self.loss[n] = day.loss
            if in_window:
                self.lost += day.loss

    def drop(self, n: int, day: DaySales, in_window: bool) -> None:
        """Day `n` (`day` as it was added) out of the period."""
        if day.sold is not None:
            del self.sold_day[n], self.quantity[n]
            self.lines -= day.lines
            if in_window:
                self.sold -= day.sold
            if day.hours is not None:
                del self.last_hour[n], self.hours[n]
                self.all_hours = list(map(operator.sub, self.all_hours, day.hours))
        if day.loss is not None:
            del self.loss[n]
            if in_window:
                self.lost -= day.loss

    def leave_window(self, day: DaySales) -> None:
        """A day still in the period, no longer in the window."""
        self.sold -= day.sold or 0
        self.lost -= day.loss or 0


@dataclass
class _Period:
    """The tallies of every product over the days from `first` (a day number) on, `days` their sums."""

    first: int
    window_first: int
    days: list[dict[int, DaySales]]
    tallies: dict[int, Tally]


@contextmanager
def tallies(first: dt.date, last: dt.date, window_first: int,
            product_ids: set[int] | None) -> Iterator[dict[int, Tally]]:
    """Product → its Tally over `first`..`last` (`window_first`: the number of the window's first day), for
    every product that sold or lost something (ascending) and then those with only lost sales. Read them
    inside the `with`: for every product they are kept after it and moved on by the days that changed (an
    evening later: its newest day in, its oldest out) instead of summed again."""
    start = demand_days.day_number(first)
    sums = _day_sums(first, last, product_ids)
    key = (str(database.database), len(sums), window_first - start)
    with _lock:
        kept = _kept.pop(key, None) if product_ids is None else None
    period = _moved_on(kept, start, window_first, sums) if kept is not None else None
    if period is None:
        period = _Period(start, window_first, sums, {})
        for n, day_sums in enumerate(sums, start):
            _add_day(period.tallies, n, day_sums, n >= window_first)
    found = period.tallies
    out = {pid: found[pid] for pid in sorted(found)}
    for tally in out.values():
        tally.lost_sales = {}
    for pid, day, units in demand_days.lost_sales(first, last, product_ids):
        tally = out.get(pid)
        if tally is None:
            tally = out[pid] = Tally()
        tally.lost_sales[demand_days.day_number(dt.date.fromisoformat(str(day)[:10]))] = quantity_of(units)
    yield out
    if product_ids is None:
        with _lock:
            _kept[key] = period
            while len(_kept) > KEEP:
                del _kept[next(iter(_kept))]


def _add_day(found: dict[int, Tally], n: int, sums: dict[int, DaySales], in_window: bool) -> None:
    for pid, day in sums.items():
        tally = found.get(pid)
        if tally is None:
            tally = found[pid] = Tally()
        tally.add(n, day, in_window)


def _moved_on(kept: _Period, start: int, window_first: int, sums: list[dict[int, DaySales]]) -> _Period | None:
    """`kept` moved on to the days from `start` (whose sums are `sums`), or None when a day it holds was
    read again (a document dated back or reversed) or the period went back: summed anew then."""
    shift = start - kept.first
    if not 0 <= shift <= len(sums) or any(a is not b for a, b in zip(kept.days[shift:], sums, strict=False)):
        return None
    found = kept.tallies
    for n, day_sums in enumerate(kept.days[:shift], kept.first):
        for pid, day in day_sums.items():
            tally = found[pid]
            tally.drop(n, day, n >= kept.window_first)
            if not tally.sold_day and not tally.loss:
                del found[pid]
    for n in range(max(kept.window_first, start), window_first):
        for pid, day in sums[n - start].items():
            found[pid].leave_window(day)
    for n in range(kept.first + len(sums), start + len(sums)):
        _add_day(found, n, sums[n - start], n >= window_first)
    return _Period(start, window_first, sums, found)


def sum_hours(days: list[tuple[int, ...]]) -> list[int]:
    """The units per hour of `days` (each HOURS long) added up."""
    return list(map(sum, zip(*days, strict=True))) if days else [0] * HOURS


def quantity_of(units: int) -> Decimal:
    """Stored units as the quantity they are (3 places: the value QTY.from_units gives, cheaper)."""
    return Decimal(units).scaleb(-3)


NONE_SOLD = quantity_of(0)  # 0.000: a day's sales where nothing sold


def _day_sums(first: dt.date, last: dt.date, product_ids: set[int] | None) -> list[dict[int, DaySales]]:
    """Each day's DaySales by product, from `first` to `last`."""
    kinds = location_kinds()
    real = real_ids(kinds)
    sinks = {lid: kind for lid, kind in kinds.items() if kind in ("customer", "loss")}
    count = (last - first).days + 1
    if not real or not sinks:
        return [{}] * count
    if product_ids is None:  # every product: each past day's sums read once while its documents are unchanged
        return [sums for _, sums in demand_history.per_day(
            "sales", (tuple(real), tuple(sorted(sinks.items()))), first, last,
            lambda a, b: _read_rows(a, b, real, sinks, None), _sum_day)]
    by_day: list[list[tuple]] = [[] for _ in range(count)]
    for row in _read_rows(first, last, real, sinks, product_ids):
        by_day[(dt.date.fromisoformat(str(row[1])[:10]) - first).days].append(row)
    return [_sum_day(rows) for rows in by_day]


def _sum_day(rows: list[tuple]) -> dict[int, DaySales]:
    """One day's rows (product, day, hour, kind, units, lines) summed per product."""
    sums: dict[int, list] = {}
    for pid, _, hour, kind, units, lines in rows:
        entry = sums.get(pid)
        if entry is None:
            entry = sums[pid] = [None, 0, None, None, None]
        if kind == "loss":
            entry[4] = (entry[4] or 0) + units
            continue
        entry[0] = (entry[0] or 0) + units
        entry[1] += lines
        if hour is not None:
            entry[2] = hour if entry[2] is None else max(hour, entry[2])
            if entry[3] is None:
                entry[3] = [0] * HOURS
            entry[3][hour] += units
    return {pid: DaySales(sold, None if sold is None else quantity_of(sold), lines, last,
                          None if hours is None else tuple(hours), loss)
            for pid, (sold, lines, last, hours, loss) in sums.items()}


def _read_rows(first: dt.date, last: dt.date, real: list[int], sinks: dict[int, str],
               product_ids: set[int] | None) -> list[tuple]:
    """(product, day, hour or None, 'customer'|'loss', stored units, lines), summed in SQL and ordered by
    product, day and hour; the day as the database gives it (text on SQLite)."""
    if product_ids is None:
        rows = _EVERY_PRODUCT_ROWS.rows(first=first, last=last, sinks=list(sinks), real=real)
    else:
        rows = _SOME_PRODUCTS_ROWS.rows(first=first, last=last, sinks=list(sinks), real=real, product_ids=product_ids)
    return [(pid, day, None if h is None else int(h), sinks[to], int(units), lines)
            for pid, day, h, to, units, lines in rows]  # raw rows: 2× faster


def _rows_query(first: dt.date, last: dt.date, sinks: list[int], real: list[int],
                product_ids: set[int] | None = None) -> peewee.Query:
    hour = _hour(Document.occurred_at)
    query = (Document.select(Move.product, Document.doc_date, hour, Move.to_location,
                             peewee.fn.SUM(Move.quantity).coerce(False), peewee.fn.COUNT(Move.id))
             .join(Move, peewee.JOIN.CROSS)  # the documents of the period by their date's index, then their moves
             .where((Move.document == Document.id) & Document.doc_date.between(first, last)
                    & (Document.state == "posted") & (Document.doc_type != "reversal")
                    & Move.to_location.in_(sinks) & Move.from_location.in_(real))
             .group_by(Move.product, Document.doc_date, hour, Move.to_location)
             .order_by(Move.product, Document.doc_date, hour))
    return query if product_ids is None else query.where(Move.product.in_(list(product_ids)))


# the evening's read of every product's sales of the days not kept: the SELECT built once
_EVERY_PRODUCT_ROWS = CompiledQuery(_rows_query, first=dt.date(1, 1, 1), last=dt.date(1, 1, 2), sinks=ID_LIST,
                                    real=ID_LIST)
_SOME_PRODUCTS_ROWS = CompiledQuery(_rows_query, first=dt.date(1, 1, 1), last=dt.date(1, 1, 2), sinks=ID_LIST,
                                    real=ID_LIST, product_ids=ID_LIST)  # the evening's few not done yet


def _hour(column) -> peewee.Node:
    """The hour of a timestamp in SQL: on SQLite the two digits after the date of the stored text
    ('YYYY-MM-DD HH:MM:SS', as strftime('%H') reads it, at half its cost; peewee's portable date_part
    is a Python function called per row there), EXTRACT elsewhere."""
    if isinstance(database.obj, peewee.SqliteDatabase):
        return peewee.fn.substr(column, 12, 2).cast("INTEGER")
    return database.extract_date("hour", column)
