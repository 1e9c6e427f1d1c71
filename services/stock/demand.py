"""Demand of each product over a window of past days: how much sells, on which weekday, at which hour.

Read from the ledger's sales and losses per product and day (services.stock.demand_tally: every
channel, reversed documents and their reversals both left out).

The level (average daily demand) comes from the `window_days` most recent complete days before `end`
(today is still running) that say something about demand: a day that sold out counts what it would
have sold, a day without stock is skipped (services.stock.demand_days); a lump (a promotion, a group
order) is left out and a slow seller reads further back (services.stock.demand_level); the loss rate
from the window's losses; the weekday and hour pattern from the last PATTERN_WEEKS whole weeks.
"""
from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from services.core.frozen_records import maker
from services.core.gc_pause import collector_paused
from services.core.numbers import ONE, ZERO
from services.stock import demand_cache, demand_days, demand_level, demand_tally, promotion_days
from services.stock.demand_peak import Peak, SeenPeak, scaled
from services.stock.demand_tally import HOURS, NONE_SOLD, Tally, quantity_of, sum_hours

FLAT = (ONE,) * 7  # weekday factors where nothing tells weekdays apart
PATTERN_WEEKS = 4  # weekday/hour patterns from 4 weeks: each weekday seen 4 times, not once
PATTERN_MIN_LINES = 21  # fewer sales than 3 a weekday: too few to tell weekdays apart
WEEKDAY_PRIOR_UNITS = 100  # a weekday seen with 100 units sold keeps half its own difference from the mean day
UNIFORM_CUM = tuple(Decimal(h) / HOURS for h in range(HOURS + 1))
ONE_DAY, MIDNIGHT = dt.timedelta(days=1), dt.time()
SQL_FILTER_MAX = 500  # more products than this: a list of ids in the SQL costs more than reading them all
CUMULATIVE_KEEP = 4096  # hour profiles kept (a few evenings of a shop's products), then started afresh
_cumulative_kept: dict[tuple[int, ...], tuple[Decimal, ...]] = {}


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
    peak_from: Peak | SeenPeak | None  # the peak, or what it is worked out from when first asked (demand_peak)
    level: Decimal | None = None  # demand per average day (services.stock.demand_days); None: sold ÷ window
    censored_days: int = 0  # of the days the level is read from, those that sold out and would have sold more
    seen_days: int | None = None  # days the level is read from (fewer than the window: empty days left out)
    span_days: int | None = None  # when the level reads further back than the window (a slow seller): how far
    lump_days: int = 0  # days left out of the level as lumps: a promotion, a group order (demand_level)
    promotion_uplift: Decimal | None = None  # its past planned promotions' days ÷ their usual day (learnt)
    boosts: tuple[tuple[dt.date, Decimal], ...] = ()  # planned promotion days ahead and their uplift

    @cached_property
    def peak(self) -> Peak | None:
        """The busiest weekday and its busiest hours (services.stock.demand_peak), or None."""
        found = self.peak_from
        return found.peak() if isinstance(found, SeenPeak) else found

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
        return _Memo(self)

    def day_demand(self, day: dt.date) -> Decimal:
        forecast = self._memo.by_weekday[day.weekday()]
        if self.boosts:
            return forecast * self._memo.boost.get(day, ONE)
        return forecast

    def share_until(self, at: dt.time) -> Decimal:
        """Part of a day's demand sold before `at` (linear inside an hour)."""
        shares = self._memo.shares
        share = shares.get(at)
        if share is None:
            share = shares[at] = _share(self.hour_cum, at)
        return share

    def between(self, start: dt.datetime, end: dt.datetime) -> Decimal:
        """Expected sales from `start` to `end`: each day's forecast × the share of it in between (whole
        days in between: their forecast × the share after midnight, worked out once per weekday); a
        planned promotion's day sells its uplift × that."""
        total = self._between(start, end)
        for day, uplift in self.boosts:
            part_start, part_end = max(start, dt.datetime.combine(day, MIDNIGHT)), min(
                end, dt.datetime.combine(day + ONE_DAY, MIDNIGHT))
            if part_start < part_end:
                total += (uplift - ONE) * self._between(part_start, part_end)
        return total

    def _between(self, start: dt.datetime, end: dt.datetime) -> Decimal:
        memo = self._memo
        if not memo.selling or not start < end:
            return ZERO
        day, last = start.date(), end.date()
        weekday = day.weekday()
        if day == last:
            return ZERO + memo.by_weekday[weekday] * (self.share_until(end.time()) - self.share_until(start.time()))
        total = ZERO + memo.by_weekday[weekday] * (ONE - self.share_until(start.time()))
        whole = memo.whole
        for _ in range((last - day).days - 1):
            weekday = weekday + 1 if weekday < 6 else 0
            total += whole[weekday]
        weekday = (weekday + 1) % 7
        until = end.time()
        if until == MIDNIGHT:
            return total
        return total + memo.by_weekday[weekday] * (self.share_until(until) - memo.after_midnight)


_made = maker(Demand)  # all its fields in order: one per product every evening


class _Memo:
    __slots__ = ("daily", "selling", "by_weekday", "shares", "after_midnight", "whole", "boost")

    def __init__(self, demand: Demand) -> None:
        self.daily = daily = demand.avg_daily
        self.boost = dict(demand.boosts)
        self.selling = daily > 0
        self.shares: dict[dt.time, Decimal] = {}  # share_until of the moments asked for
        self.after_midnight = after = _share(demand.hour_cum, MIDNIGHT)  # 0, though not always in every digit
        factors = demand.weekday_factor
        if factors is FLAT:  # every weekday the same forecast: worked out once (a fifth of the products)
            self.by_weekday = (daily * ONE,) * 7
            self.whole = (self.by_weekday[0] * (ONE - after),) * 7
            return
        self.by_weekday = tuple(map(daily.__mul__, factors))  # each weekday's forecast
        self.whole = tuple(map((ONE - after).__rmul__, self.by_weekday))  # a whole day, from 0:00


def _share(hour_cum: tuple[Decimal, ...], at: dt.time) -> Decimal:
    hour, seconds = at.hour, at.minute * 60 + at.second
    part = _HOUR_PARTS.get(seconds)
    if part is None:
        part = _HOUR_PARTS[seconds] = Decimal(seconds) / 3600
    return hour_cum[hour] + (hour_cum[hour + 1] - hour_cum[hour]) * part


_HOUR_PARTS: dict[int, Decimal] = {}  # seconds into an hour → that part of the hour (a few moments asked every evening)


def no_demand(product_id: int, window_days: int) -> Demand:
    return Demand(product_id, window_days, ZERO, ZERO, FLAT, UNIFORM_CUM, None)


def window(end: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `days` complete days before `end`."""
    return end - dt.timedelta(days=days), end - dt.timedelta(days=1)


def pattern_days(window_days: int) -> int:
    """The weekday and hour pattern is read over whole weeks, at least PATTERN_WEEKS of them."""
    return max(PATTERN_WEEKS, -(-window_days // 7)) * 7


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
    window_first = demand_days.day_number(end) - window_days
    planned = {pid: {demand_days.day_number(day) for day in days}
               for pid, days in promotion_days.planned_days(first, last, product_ids).items()}
    with collector_paused(), demand_tally.tallies(first, last, window_first, product_ids) as tallies:
        left = demand_days.stock_left(first, end, product_ids, {pid: t.loss for pid, t in tallies.items()}, tallies)
        start = demand_days.day_number(first)
        return {pid: _demand(pid, window_days, tally, left[pid], start, planned.get(pid))
                for pid, tally in tallies.items()}


def _demand(pid: int, window_days: int, tally: Tally, left: list[int], start: int,
            promoted: set[int] | None = None) -> Demand:
    """Weekday factors from each weekday's mean demand (weekday_factors); level from the most recent days
    with an estimate (_estimates): their demand ÷ the sum of their weekday factors. The peak tells what was
    seen (unshrunk factors); forecasts use the shrunk ones. Days by their number (demand_days.day_number):
    `left[n - start]` is what was left after day n's sales."""
    hour_cum, estimates, raised = _estimates(tally, left, start, window_days)
    newest_first = sorted(estimates, reverse=True)
    lumps = demand_level.lumps(estimates, newest_first, window_days)
    if promoted:  # a planned promotion's days are not a usual day, whatever they sold
        lumps |= promoted.intersection(estimates)
    usual = {n: value for n, value in estimates.items() if n not in lumps} if lumps else estimates
    factors: tuple[Decimal, ...] = FLAT
    peak = None
    if tally.lines >= PATTERN_MIN_LINES:
        factors, seen = weekday_factors(usual)
        if seen is not None:  # what was seen, said as seen: worked out when a reason asks (demand_peak)
            peak = SeenPeak(seen, dict(tally.hours), start, start + len(left))
    read = demand_level.level(estimates, newest_first, factors, window_days, lumps, factors is FLAT)
    censored = len(raised.intersection(read.days)) if raised else 0
    span = start + len(left) - read.days[-1] if len(read.days) > window_days else None
    uplift = _uplift(estimates, promoted, read.value, factors) if promoted else None
    return _made(pid, window_days, max(quantity_of(tally.sold), ZERO), quantity_of(tally.lost), factors, hour_cum,
                 peak, read.value, censored, len(read.days), span, read.lumps, uplift, ())


def _uplift(estimates: dict[int, Decimal], promoted: set[int], level: Decimal,
            factors: tuple[Decimal, ...]) -> Decimal | None:
    """How many times its usual day the product's planned promotion days asked for (their mean); None
    when no promotion day was seen or the product has no usual day to compare with."""
    if level <= 0:
        return None
    ratios = [estimates[n] / (level * factors[n % 7]) for n in promoted if n in estimates]
    return sum(ratios, ZERO) / len(ratios) if ratios else None


def _estimates(tally: Tally, left: list[int], start: int, window_days: int) -> tuple[tuple[Decimal, ...],
                                                                                      dict[int, Decimal], set[int]]:
    """(hour profile, each day's estimate, the days whose estimate is above their sales). The hour profile
    comes from the days that did not sell out (they show when customers come, not when the shelf emptied),
    unless all did. Estimates in the order the rule always summed them: days with sales, then days with
    only lost sales, then days with stock and nothing asked for (0), each ascending."""
    sold_day, lost_sales, hours = tally.sold_day, tally.lost_sales, tally.hours  # sold_day, hours: ascending
    stocked = min(left) > 0
    if stocked:  # stock every day: only a day with lost sales is not simply what sold
        odd = [n for n in sold_day if n in lost_sales] if lost_sales else []
    else:
        odd = [n for n in sold_day if left[n - start] <= 0 or n in lost_sales]
    sold_out = [n for n in odd if n in hours
                and demand_days.sold_out(sold_day[n], lost_sales.get(n, ZERO), left[n - start])]
    by_hour = tally.all_hours
    if sold_out and len(sold_out) < len(hours):
        by_hour = list(map(operator.sub, by_hour, sum_hours([hours[n] for n in sold_out])))
    hour_cum = _cumulative(by_hour)
    estimates = dict(tally.quantity)
    raised: set[int] = set()
    for n in odd + sorted([n for n in lost_sales if n not in sold_day]) if lost_sales else odd:
        sold = estimates.get(n, NONE_SOLD)
        e = demand_days.estimate(sold, lost_sales.get(n, ZERO), left[n - start], tally.last_hour.get(n), hour_cum)
        if e is None:
            del estimates[n]
            continue
        estimates[n] = e
        if e > sold:
            raised.add(n)
    end = start + len(left)
    # before the window, only from the first sign of demand: stock booked in before anyone bought (or
    # long expired on the books) does not make the level a slow seller reads further back
    first = min(next(iter(sold_day), end), min(lost_sales, default=end), end - window_days)
    days = range(first, end)
    quiet = ([n for n in days if n not in sold_day] if stocked
             else [n for n, units in zip(days, left[first - start:], strict=True) if units > 0 and n not in sold_day])
    if lost_sales and quiet:
        quiet = [n for n in quiet if n not in lost_sales]
    if quiet:  # nothing sold or asked for: 0 when there was stock
        estimates.update(dict.fromkeys(quiet, ZERO))
    return hour_cum, estimates, raised


def weekday_factors(estimates: dict[int, Decimal],
                    prior: int = WEEKDAY_PRIOR_UNITS) -> tuple[tuple[Decimal, ...], list[Decimal] | None]:
    """(shrunk, seen) factors of `estimates` (day number → demand: its weekday is n % 7): each
    weekday's mean demand ÷ the mean day, shrunk toward 1 by how much of that weekday was seen (u units
    sold on it keep u ÷ (u + prior) of the difference: a slow seller's four Mondays are Poisson noise, a
    fast seller's are a pattern) then scaled to average 1 — or not at all for `seen`, left unscaled
    (demand_peak scales it when a peak is asked for; None: nothing seen). Means, not sums: a young shop
    that has seen Monday three times and Sunday twice is not busier on Mondays."""
    if not estimates:
        return FLAT, None
    mean = sum(estimates.values(), ZERO) / len(estimates)
    if mean <= 0:
        return FLAT, None
    by_weekday: list[list[Decimal]] = [[], [], [], [], [], [], []]
    for n, value in estimates.items():
        by_weekday[n % 7].append(value)
    weight = Decimal(prior)  # the same sums as with the int, without converting it each time
    shrunk, seen = [], []
    for values in by_weekday:
        if not values:
            shrunk.append(ONE)
            seen.append(ONE)
            continue
        units = sum(values, ZERO)
        own_less_one = units / len(values) / mean - ONE
        shrunk.append(ONE + own_less_one * (units / (units + weight) if prior else ONE))
        seen.append(ONE + own_less_one)  # × 1: the same digits
    return scaled(shrunk), seen


def _cumulative(by_hour: list[int]) -> tuple[Decimal, ...]:
    """Cumulative hour shares of the units sold per hour; uniform when no sale has a known hour. A slow
    seller's hours often stay as they were the evening before: their shares are kept (the same Decimals)."""
    key = tuple(by_hour)
    cum = _cumulative_kept.get(key)
    if cum is None:
        if len(_cumulative_kept) >= CUMULATIVE_KEEP:
            _cumulative_kept.clear()
        cum = _cumulative_kept[key] = _cumulative_of(by_hour)
    return cum


def _cumulative_of(by_hour: list[int]) -> tuple[Decimal, ...]:
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
