"""Demand of each product over a window of past days: how much sells, on which weekday, at which hour.

Read from the ledger in one grouped query: sales are moves from a real location to a customer
location (every channel: the till, WeChat groups, store scans); losses are moves to a loss
location. Reversed documents and their reversals are both left out, so a mistake and its
correction cancel exactly and nothing lands on the wrong day.

The level (average daily demand) comes from the `window_days` most recent complete days before `end`
(today is still running) that say something about demand: a day that sold out counts what it would
have sold, a day without stock is skipped (services.stock.demand_days); a lump (a promotion, a group
order) is left out and a slow seller reads further back (services.stock.demand_level); the loss rate
from the window's losses; the weekday and hour pattern from the last PATTERN_WEEKS whole weeks.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import peewee

from models import VIRTUAL_KINDS, Document, Location, Move, database
from services.stock import demand_cache, demand_days, demand_history, demand_level

ZERO, ONE = Decimal(0), Decimal(1)
HOURS = 24
PEAK_MIN = Decimal("0.15")  # a weekday counts as a peak from +15 % over the average day
PATTERN_WEEKS = 4  # weekday/hour patterns from 4 weeks: each weekday seen 4 times, not once
PATTERN_MIN_LINES = 21  # fewer sales than 3 a weekday: too few to tell weekdays apart
WEEKDAY_PRIOR_UNITS = 100  # a weekday seen with 100 units sold keeps half its own difference from the mean day
UNIFORM_CUM = tuple(Decimal(h) / HOURS for h in range(HOURS + 1))
ONE_DAY, MIDNIGHT = dt.timedelta(days=1), dt.time()
SQL_FILTER_MAX = 500  # more products than this: a list of ids in the SQL costs more than reading them all


@dataclass(frozen=True)
class Peak:
    """The busiest weekday (0 = Monday) and its busiest two hours, `percent` above the average day."""

    weekday: int
    start_hour: int
    percent: int


@dataclass(frozen=True)
class Demand:
    """One product's demand over the window, and the forecast made from it.

    Forecast of a day = avg_daily × its weekday factor, spread over the hours by the window's
    hour profile (cumulative shares `hour_cum`, 25 points from 0 to 1)."""

    product_id: int
    window_days: int
    sold: Decimal
    lost: Decimal
    weekday_factor: tuple[Decimal, ...]  # 7 factors, Monday first; 1 where the window has no such day
    hour_cum: tuple[Decimal, ...]
    peak: Peak | None
    level: Decimal | None = None  # demand per average day (services.stock.demand_days); None: sold ÷ window
    censored_days: int = 0  # of the days the level is read from, those that sold out and would have sold more
    seen_days: int | None = None  # days the level is read from (fewer than the window: empty days left out)
    span_days: int | None = None  # when the level reads further back than the window (a slow seller): how far
    lump_days: int = 0  # days left out of the level as lumps: a promotion, a group order (demand_level)

    @property
    def avg_daily(self) -> Decimal:
        return self.level if self.level is not None else self.sold / self.window_days

    @property
    def loss_rate(self) -> Decimal:
        """Losses ÷ (sales + losses): of everything that left the shelves, the part thrown away."""
        total = self.sold + self.lost
        return self.lost / total if total else ZERO

    @cached_property
    def _memo(self) -> _Memo:
        """Shares and day forecasts already worked out: the run-down asks for the same hours again and
        again (cached_property writes past the frozen dataclass; the values are the same ones)."""
        daily = self.avg_daily
        return _Memo(daily, tuple(daily * factor for factor in self.weekday_factor), {})

    def day_demand(self, day: dt.date) -> Decimal:
        return self._memo.by_weekday[day.weekday()]

    def share_until(self, at: dt.time) -> Decimal:
        """Part of a day's demand sold before `at` (linear inside an hour)."""
        shares = self._memo.shares
        share = shares.get(at)
        if share is None:
            hour = at.hour
            minutes = Decimal(at.minute * 60 + at.second) / 3600
            share = shares[at] = self.hour_cum[hour] + (self.hour_cum[hour + 1] - self.hour_cum[hour]) * minutes
        return share

    def between(self, start: dt.datetime, end: dt.datetime) -> Decimal:
        """Expected sales from `start` to `end`: each day's forecast × the share of it in between."""
        total, day, memo = ZERO, start.date(), self._memo
        if not memo.daily > 0:
            return total
        while start < end:
            next_midnight = dt.datetime.combine(day + ONE_DAY, MIDNIGHT)
            if end < next_midnight:
                return total + memo.by_weekday[day.weekday()] * (self.share_until(end.time())
                                                                 - self.share_until(start.time()))
            total += memo.by_weekday[day.weekday()] * (ONE - self.share_until(start.time()))
            start, day = next_midnight, day + ONE_DAY
        return total


class _Memo:
    __slots__ = ("daily", "by_weekday", "shares")

    def __init__(self, daily: Decimal, by_weekday: tuple[Decimal, ...], shares: dict) -> None:
        self.daily = daily  # avg_daily
        self.by_weekday = by_weekday  # avg_daily × each weekday's factor
        self.shares: dict[dt.time, Decimal] = shares  # share_until of the moments asked for


def no_demand(product_id: int, window_days: int) -> Demand:
    return Demand(product_id, window_days, ZERO, ZERO, (ONE,) * 7, UNIFORM_CUM, None)


def window(end: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `days` complete days before `end`."""
    return end - dt.timedelta(days=days), end - dt.timedelta(days=1)


def pattern_days(window_days: int) -> int:
    """The weekday and hour pattern is read over whole weeks, at least PATTERN_WEEKS of them."""
    return max(PATTERN_WEEKS, -(-window_days // 7)) * 7


def _rows(first: dt.date, last: dt.date, product_ids: set[int] | None) -> list[tuple]:
    """(product, day, hour or None, 'customer'|'loss', stored units, lines), summed in SQL and ordered by
    product, day and hour (the grouping's order); the day as the database gives it (text on SQLite)."""
    kinds = dict(Location.select(Location.id, Location.kind).tuples())
    real = [lid for lid, kind in kinds.items() if kind not in VIRTUAL_KINDS]
    sinks = {lid: kind for lid, kind in kinds.items() if kind in ("customer", "loss")}
    if not real or not sinks:
        return []
    if product_ids is not None:
        return _read_rows(first, last, real, sinks, product_ids)
    # every product: each past day's rows read once while its documents are unchanged (demand_history),
    # put back in the query's order (stable: within a product and day the hours stay as read)
    rows = demand_history.by_day("sales", (tuple(real), tuple(sorted(sinks.items()))), first, last,
                                 lambda a, b: _read_rows(a, b, real, sinks, None))
    rows.sort(key=_product_and_day)
    return rows


def _product_and_day(row: tuple) -> tuple:
    return row[0], row[1]


def _read_rows(first: dt.date, last: dt.date, real: list[int], sinks: dict[int, str],
               product_ids: set[int] | None) -> list[tuple]:
    hour = _hour(Document.occurred_at)
    query = (Document.select(Move.product, Document.doc_date, hour, Move.to_location,
                             peewee.fn.SUM(Move.quantity).coerce(False), peewee.fn.COUNT(Move.id))
             .join(Move, peewee.JOIN.CROSS)  # the documents of the period by their date's index, then their moves
             .where((Move.document == Document.id) & Document.doc_date.between(first, last)
                    & (Document.state == "posted") & (Document.doc_type != "reversal")
                    & Move.to_location.in_(list(sinks)) & Move.from_location.in_(real))
             .group_by(Move.product, Document.doc_date, hour, Move.to_location)
             .order_by(Move.product, Document.doc_date, hour))
    if product_ids is not None:
        query = query.where(Move.product.in_(list(product_ids)))
    return [(pid, day, None if h is None else int(h), sinks[to], int(units), lines)
            for pid, day, h, to, units, lines in database.execute(query).fetchall()]  # raw rows: 2× faster


def _hour(column) -> peewee.Node:
    """The hour of a timestamp in SQL: on SQLite the two digits after the date of the stored text
    ('YYYY-MM-DD HH:MM:SS', as strftime('%H') reads it, at half its cost; peewee's portable date_part
    is a Python function called per row there), EXTRACT elsewhere."""
    if isinstance(database.obj, peewee.SqliteDatabase):
        return peewee.fn.substr(column, 12, 2).cast("INTEGER")
    return database.extract_date("hour", column)


class _Tally:
    """One product's sums in stored units, days by their index from the first day of the pattern period:
    the window's sales and losses, the period's sale lines, and per day what sold, when, and what was
    lost, thrown away or asked for in vain."""

    __slots__ = ("sold", "lost", "lines", "sold_day", "last_hour", "hours", "all_hours", "loss", "lost_sales")

    def __init__(self) -> None:
        self.sold = self.lost = self.lines = 0
        self.sold_day: dict[int, int] = {}
        self.last_hour: dict[int, int] = {}
        self.hours: dict[int, list[int]] = {}  # units per hour, days with a sale of known hour
        self.all_hours = [0] * HOURS  # the sum of those days
        self.loss: dict[int, int] = {}
        self.lost_sales: dict[int, Decimal] = {}

    def add(self, n: int, hour: int | None, kind: str, units: int, lines: int, in_window: bool) -> None:
        if kind == "loss":
            self.loss[n] = self.loss.get(n, 0) + units
            self.lost += units if in_window else 0
            return
        self.sold += units if in_window else 0
        self.lines += lines
        self.sold_day[n] = self.sold_day.get(n, 0) + units
        if hour is not None:
            self.last_hour[n] = max(hour, self.last_hour.get(n, hour))
            self.hours.setdefault(n, [0] * HOURS)[hour] += units
            self.all_hours[hour] += units


def demand_by_product(end: dt.date, window_days: int, product_ids: set[int] | None = None) -> dict[int, Demand]:
    """Demand of every product that sold, lost or missed a sale lately (a few grouped queries).

    Level: average daily demand over the `window_days` most recent days that say something about
    it (services.stock.demand_days: sold-out days censored, empty days left out), looking back
    through the pattern period. Pattern (weekday factors, hour profile, peak): the last
    `pattern_days` days, so each weekday is seen several times.

    Readers of one ledger state share one computation (demand_cache): the evening's suggestions,
    their alerts and the 临期 worklist read it once."""
    window_days = max(1, window_days)
    if product_ids is not None and len(product_ids) > SQL_FILTER_MAX:  # read all, keep those asked for
        every = demand_cache.shared(end, window_days, None, _demand_by_product)
        return {pid: d for pid, d in every.items() if pid in product_ids}
    return demand_cache.shared(end, window_days, product_ids, _demand_by_product)


def _demand_by_product(end: dt.date, window_days: int, product_ids: set[int] | None) -> dict[int, Demand]:
    first, last = window(end, pattern_days(window_days))
    days = _days(first, last)
    index = demand_days.day_index(first, len(days))
    window_first = len(days) - window_days  # the index of end − window_days
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    for pid, day, hour, kind, units, lines in _rows(first, last, product_ids):
        n = index.get(day)
        n = index[str(day)[:10]] if n is None else n
        tallies[pid].add(n, hour, kind, units, lines, n >= window_first)
    for pid, day, units in demand_days.lost_sales(first, last, product_ids):
        tallies[pid].lost_sales[index[str(day)[:10]]] = _units(units)
    left = demand_days.stock_left(first, end, product_ids, {pid: t.loss for pid, t in tallies.items()}, tallies)
    return {pid: _demand(pid, window_days, tally, left[pid], days) for pid, tally in tallies.items()}


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _units(units: int) -> Decimal:
    """Stored units as the quantity they are (3 places: the value QTY.from_units gives, cheaper)."""
    return Decimal(units).scaleb(-3)


def _demand(pid: int, window_days: int, tally: _Tally, left: list[int], days: list[dt.date]) -> Demand:
    """Hour profile from the days that did not sell out (they show when customers come, not when
    the shelf emptied); weekday factors from each weekday's mean demand (weekday_factors); level
    from the most recent days with an estimate: their demand ÷ the sum of their weekday factors.
    The peak tells what was seen (unshrunk factors); forecasts use the shrunk ones."""
    sold_day, lost_sales = tally.sold_day, tally.lost_sales
    by_hour = tally.all_hours  # every day with sales; the days that sold out come off unless all did
    sold_out = [n for n in tally.hours if demand_days.sold_out(sold_day[n], lost_sales.get(n, ZERO), left[n])]
    if sold_out and len(sold_out) < len(tally.hours):
        by_hour = list(by_hour)
        for n in sold_out:
            by_hour = [a - b for a, b in zip(by_hour, tally.hours[n], strict=True)]
    hour_cum = _cumulative(by_hour)
    sold_of: dict[dt.date, Decimal] = {}
    estimates: dict[dt.date, Decimal] = {}
    for n in _seen_days(tally):  # in the order of the rule's dict before: sums of estimates keep it
        sold = _units(sold_day.get(n, 0))
        e = demand_days.estimate(sold, lost_sales.get(n, ZERO), left[n], tally.last_hour.get(n), hour_cum)
        if e is not None:
            sold_of[days[n]], estimates[days[n]] = sold, e
    known = sold_day.keys() | lost_sales.keys()
    # before the window, only from the first sign of demand: stock booked in before anyone bought (or
    # long expired on the books) does not make the level a slow seller reads further back
    first = min(min(known, default=len(left)), len(left) - window_days)
    quiet = dict.fromkeys([days[n] for n, units in enumerate(left)  # nothing sold or asked for: 0 when
                           if units > 0 and n >= first and n not in known], ZERO)  # there was stock
    sold_of.update(quiet)
    estimates.update(quiet)
    lumps = demand_level.lumps(estimates, window_days)
    usual = {day: value for day, value in estimates.items() if day not in lumps} if lumps else estimates
    factors: tuple[Decimal, ...] = (ONE,) * 7
    peak = None
    if tally.lines >= PATTERN_MIN_LINES:
        factors = weekday_factors(usual)
        by_weekday: dict[int, list[list[int]]] = defaultdict(list)
        for n, hours in tally.hours.items():
            by_weekday[days[n].weekday()].append(hours)
        peak = _peak(weekday_factors(usual, prior=0), by_weekday)  # what was seen, said as seen
    read = demand_level.level(estimates, factors, window_days, lumps)
    censored = sum(1 for day in read.days if estimates[day] > sold_of[day])  # raised above its sales
    span = (days[-1] - read.days[-1]).days + 1 if len(read.days) > window_days else None
    return Demand(pid, window_days, max(_units(tally.sold), ZERO), _units(tally.lost), factors, hour_cum, peak,
                  level=read.value, censored_days=censored, seen_days=len(read.days), span_days=span,
                  lump_days=read.lumps)


def _seen_days(tally: _Tally) -> list[int]:
    """Days with sales, then days with only lost sales, each ascending (every other day's estimate is
    0 or none: where it comes in a sum changes nothing)."""
    return sorted(tally.sold_day) + sorted(n for n in tally.lost_sales if n not in tally.sold_day)


def weekday_factors(estimates: dict[dt.date, Decimal], prior: int = WEEKDAY_PRIOR_UNITS) -> tuple[Decimal, ...]:
    """Each weekday's mean demand ÷ the mean day, shrunk toward 1 by how much of that weekday was
    seen (u units sold on it keep u ÷ (u + prior) of the difference: a slow seller's four Mondays
    are Poisson noise, a fast seller's are a pattern), then scaled to average 1. Means, not sums:
    a young shop that has seen Monday three times and Sunday twice is not busier on Mondays."""
    if not estimates:
        return (ONE,) * 7
    mean = sum(estimates.values(), ZERO) / len(estimates)
    if mean <= 0:
        return (ONE,) * 7
    by_weekday: dict[int, list[Decimal]] = defaultdict(list)
    for day, value in estimates.items():
        by_weekday[day.weekday()].append(value)
    raw = []
    for weekday in range(7):
        seen = by_weekday.get(weekday, [])
        if not seen:
            raw.append(ONE)
            continue
        own = sum(seen, ZERO) / len(seen) / mean
        units = sum(seen, ZERO)
        raw.append(ONE + (own - ONE) * (units / (units + prior) if prior else ONE))
    scale = sum(raw, ZERO) / 7
    return tuple(f / scale for f in raw)


def _cumulative(by_hour: list[int]) -> tuple[Decimal, ...]:
    """Cumulative hour shares of the units sold per hour; uniform when no sale has a known hour."""
    total = sum(by_hour)
    if total <= 0:
        return UNIFORM_CUM
    cum, running, whole, share = [ZERO], 0, Decimal(total), ZERO
    for units in by_hour:
        if units:  # an hour without sales keeps the share before it
            running += units
            share = Decimal(running) / whole
        cum.append(share)
    return tuple(cum)


def _peak(factors: tuple[Decimal, ...], by_weekday: dict[int, list[list[int]]]) -> Peak | None:
    """The weekday furthest above the average day (from +15 %), with its busiest two hours (`by_weekday`:
    the units per hour of each day with sales, by weekday)."""
    weekday = max(range(7), key=lambda w: (factors[w], -w))
    excess = factors[weekday] - ONE
    if excess < PEAK_MIN or weekday not in by_weekday:
        return None
    hours = [sum(col) for col in zip(*by_weekday[weekday], strict=True)]
    busiest = max(range(HOURS), key=lambda h: (hours[h], -h))
    before, after = (hours[busiest - 1] if busiest else 0), (hours[busiest + 1] if busiest < HOURS - 1 else 0)
    start = busiest - 1 if busiest == HOURS - 1 or before > after else busiest  # the busiest hour and its busier side
    percent = int((excess * 100).to_integral_value(rounding="ROUND_HALF_UP"))
    return Peak(weekday, start, percent)
