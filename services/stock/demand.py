"""Demand of each product over a window of past days: how much sells, on which weekday, at which hour.

Read from the ledger in one grouped query: sales are moves from a real location to a customer
location (every channel: the till, WeChat groups, store scans); losses are moves to a loss
location. Reversed documents and their reversals are both left out, so a mistake and its
correction cancel exactly and nothing lands on the wrong day.

The level (average daily demand) comes from the `window_days` most recent complete days before `end`
(today is still running) that say something about demand: a day that sold out counts what it would
have sold, a day without stock is skipped (services.stock.demand_days); the loss rate from the
window's losses; the weekday and hour pattern from the last PATTERN_WEEKS whole weeks.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import peewee

from models import VIRTUAL_KINDS, Document, Location, Move, database
from services.stock import demand_days
from services.stock.demand_days import DayRecord
from services.stock.ledger import QTY

ZERO, ONE = Decimal(0), Decimal(1)
HOURS = 24
PEAK_MIN = Decimal("0.15")  # a weekday counts as a peak from +15 % over the average day
PATTERN_WEEKS = 4  # weekday/hour patterns from 4 weeks: each weekday seen 4 times, not once
PATTERN_MIN_LINES = 21  # fewer sales than 3 a weekday: too few to tell weekdays apart
WEEKDAY_PRIOR_UNITS = 100  # a weekday seen with 100 units sold keeps half its own difference from the mean day
UNIFORM_CUM = tuple(Decimal(h) / HOURS for h in range(HOURS + 1))


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

    @property
    def avg_daily(self) -> Decimal:
        return self.level if self.level is not None else self.sold / self.window_days

    @property
    def loss_rate(self) -> Decimal:
        """Losses ÷ (sales + losses): of everything that left the shelves, the part thrown away."""
        total = self.sold + self.lost
        return self.lost / total if total else ZERO

    def day_demand(self, day: dt.date) -> Decimal:
        return self.avg_daily * self.weekday_factor[day.weekday()]

    def share_until(self, at: dt.time) -> Decimal:
        """Part of a day's demand sold before `at` (linear inside an hour)."""
        hour = at.hour
        minutes = Decimal(at.minute * 60 + at.second) / 3600
        return self.hour_cum[hour] + (self.hour_cum[hour + 1] - self.hour_cum[hour]) * minutes

    def between(self, start: dt.datetime, end: dt.datetime) -> Decimal:
        """Expected sales from `start` to `end`."""
        total, day = ZERO, start.date()
        while start < end and self.avg_daily > 0:
            next_midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
            stop = min(end, next_midnight)
            until = ONE if stop == next_midnight else self.share_until(stop.time())
            total += self.day_demand(day) * (until - self.share_until(start.time()))
            start, day = stop, day + dt.timedelta(days=1)
        return total


def no_demand(product_id: int, window_days: int) -> Demand:
    return Demand(product_id, window_days, ZERO, ZERO, (ONE,) * 7, UNIFORM_CUM, None)


def window(end: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `days` complete days before `end`."""
    return end - dt.timedelta(days=days), end - dt.timedelta(days=1)


def pattern_days(window_days: int) -> int:
    """The weekday and hour pattern is read over whole weeks, at least PATTERN_WEEKS of them."""
    return max(PATTERN_WEEKS, -(-window_days // 7)) * 7


def _rows(first: dt.date, last: dt.date, product_ids: set[int] | None) -> list[tuple]:
    """(product, day, hour or None, 'customer'|'loss', stored units, lines), summed in SQL."""
    kinds = dict(Location.select(Location.id, Location.kind).tuples())
    real = [lid for lid, kind in kinds.items() if kind not in VIRTUAL_KINDS]
    sinks = {lid: kind for lid, kind in kinds.items() if kind in ("customer", "loss")}
    if not real or not sinks:
        return []
    hour = _hour(Document.occurred_at)
    query = (Move.select(Move.product, Document.doc_date, hour, Move.to_location,
                         peewee.fn.SUM(Move.quantity).coerce(False), peewee.fn.COUNT(Move.id))
             .join(Document, on=(Move.document == Document.id))
             .where(Document.doc_date.between(first, last) & (Document.state == "posted")
                    & (Document.doc_type != "reversal") & Move.to_location.in_(list(sinks))
                    & Move.from_location.in_(real))
             .group_by(Move.product, Document.doc_date, hour, Move.to_location))
    if product_ids is not None:
        query = query.where(Move.product.in_(list(product_ids)))
    return [(pid, _day(day), None if h is None else int(h), sinks[to], QTY.from_units(units), lines)
            for pid, day, h, to, units, lines in database.execute(query).fetchall()]  # raw rows: 2× faster


def _hour(column) -> peewee.Node:
    """The hour of a timestamp in SQL: strftime on SQLite (peewee's portable date_part is a Python
    function called per row there), EXTRACT elsewhere."""
    if isinstance(database.obj, peewee.SqliteDatabase):
        return peewee.fn.strftime("%H", column).cast("INTEGER")
    return database.extract_date("hour", column)


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


@dataclass
class _Tally:
    """One product's sums: the window's sales and losses, the pattern period's sales per day and hour."""

    sold: Decimal = ZERO
    lost: Decimal = ZERO
    lines: int = 0  # sale lines in the pattern period
    days: dict[dt.date, DayRecord] = field(default_factory=lambda: defaultdict(DayRecord))
    by_day_hour: dict[dt.date, list[Decimal]] = field(default_factory=lambda: defaultdict(lambda: [ZERO] * HOURS))


def demand_by_product(end: dt.date, window_days: int, product_ids: set[int] | None = None) -> dict[int, Demand]:
    """Demand of every product that sold, lost or missed a sale lately (a few grouped queries).

    Level: average daily demand over the `window_days` most recent days that say something about
    it (services.stock.demand_days: sold-out days censored, empty days left out), looking back
    through the pattern period. Pattern (weekday factors, hour profile, peak): the last
    `pattern_days` days, so each weekday is seen several times."""
    window_days = max(1, window_days)
    first, last = window(end, pattern_days(window_days))
    window_first = end - dt.timedelta(days=window_days)
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    losses: dict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
    for pid, day, hour, kind, qty, lines in _rows(first, last, product_ids):
        tally = tallies[pid]
        if kind == "loss":
            losses[(pid, day)] += qty
            tally.lost += qty if day >= window_first else ZERO
            continue
        tally.sold += qty if day >= window_first else ZERO
        tally.lines += lines
        record = tally.days[day]
        record.sold += qty
        if hour is not None:
            record.last_hour = hour if record.last_hour is None else max(record.last_hour, hour)
            tally.by_day_hour[day][hour] += qty
    for (pid, day), qty in demand_days.lost_sales(first, last, product_ids).items():
        tallies[pid].days[day].lost_sales += qty
    left = demand_days.stock_left(first, end, product_ids, losses)
    out = {}
    for pid, tally in tallies.items():
        for day in _days(first, last):
            tally.days[day].left = left.get((pid, day), ZERO)
        out[pid] = _demand(pid, window_days, tally)
    return out


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _demand(pid: int, window_days: int, tally: _Tally) -> Demand:
    """Hour profile from the days that did not sell out (they show when customers come, not when
    the shelf emptied); weekday factors from each weekday's mean demand (weekday_factors); level
    from the most recent days with an estimate: their demand ÷ the sum of their weekday factors.
    The peak tells what was seen (unshrunk factors); forecasts use the shrunk ones."""
    selling = [day for day in tally.by_day_hour]
    open_days = [day for day in selling if not tally.days[day].sold_out] or selling
    by_hour = [sum((tally.by_day_hour[day][h] for day in open_days if day in tally.by_day_hour), ZERO)
               for h in range(HOURS)]
    hour_cum = _cumulative(by_hour)
    estimates = {day: e for day, record in tally.days.items() if (e := record.estimate(hour_cum)) is not None}
    factors: tuple[Decimal, ...] = (ONE,) * 7
    peak = None
    if tally.lines >= PATTERN_MIN_LINES:
        factors = weekday_factors(estimates)
        by_weekday_hour: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * HOURS)
        for day, hours in tally.by_day_hour.items():
            by_weekday_hour[day.weekday()] = [a + b for a, b in zip(by_weekday_hour[day.weekday()], hours, strict=True)]
        peak = _peak(weekday_factors(estimates, prior=0), by_weekday_hour)  # what was seen, said as seen
    recent = sorted(estimates, reverse=True)[:window_days]
    expected = sum((factors[day.weekday()] for day in recent), ZERO)
    level = sum((estimates[day] for day in recent), ZERO) / expected if recent else ZERO
    censored = sum(1 for day in recent if estimates[day] > tally.days[day].sold)  # raised above its sales
    return Demand(pid, window_days, max(tally.sold, ZERO), tally.lost, factors, hour_cum, peak,
                  level=level, censored_days=censored, seen_days=len(recent))


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


def _cumulative(by_hour: list[Decimal]) -> tuple[Decimal, ...]:
    """Cumulative hour shares; uniform when no sale has a known hour."""
    total = sum(by_hour, ZERO)
    if total <= 0:
        return UNIFORM_CUM
    cum, running = [ZERO], ZERO
    for qty in by_hour:
        running += qty
        cum.append(running / total)
    return tuple(cum)


def _peak(factors: tuple[Decimal, ...], by_weekday_hour: dict[int, list[Decimal]]) -> Peak | None:
    """The weekday furthest above the average day (from +15 %), with its busiest two hours."""
    weekday = max(range(7), key=lambda w: (factors[w], -w))
    excess = factors[weekday] - ONE
    hours = by_weekday_hour.get(weekday)
    if excess < PEAK_MIN or not hours:
        return None
    busiest = max(range(HOURS), key=lambda h: (hours[h], -h))
    before, after = (hours[busiest - 1] if busiest else ZERO), (hours[busiest + 1] if busiest < HOURS - 1 else ZERO)
    start = busiest - 1 if busiest == HOURS - 1 or before > after else busiest  # the busiest hour and its busier side
    percent = int((excess * 100).to_integral_value(rounding="ROUND_HALF_UP"))
    return Peak(weekday, start, percent)
