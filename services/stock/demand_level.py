"""A product's level — its demand on an average day — from the days that say something about it
(services.stock.demand_days: each day's estimate, sold-out days raised, empty days left out).

    usual = the mean of the window's days (the `window_days` most recent ones with an estimate),
            leaving out the LUMP_TRIM highest: a typical day
    lump  = a day of the pattern period that asked for at least twice the usual day (at least
            LUMP_MIN_USUAL) and that a Poisson count of that mean reaches less than LUMP_CHANCE of the
            time: a two-day promotion, a group order. Left out of the level and the weekday factors:
            the days after it are ordinary days, and a level lifted by half for a week after a
            promotion bought bread nobody came for (bench/README.md).
    days  = the window's days (lumps left out, older days take their place), read further back
            while they hold fewer than LEVEL_UNITS units, up to every day of the pattern period: a
            slow seller's seven days are mostly Poisson noise (meat selling 3 a day read 1.4–4.3), a
            fast seller's seven already hold its level.
    level = Σ estimates of those days ÷ Σ their weekday factors
"""
from __future__ import annotations

import math
from decimal import Decimal
from itertools import accumulate
from statistics import NormalDist
from typing import NamedTuple

from services.core.numbers import ZERO

TWO = Decimal(2)
LUMP_TRIM = 2  # the window's highest days left out of the usual day (a promotion lasts two)
LUMP_CHANCE = 0.001
LUMP_MIN_USUAL = Decimal(1)  # below a unit a day, single customers' lumps are the demand itself
LEVEL_UNITS = Decimal(200)  # a level read from fewer units is read from more days (Poisson: ±7 % at 200)
EXACT_MEAN_MAX = 200  # Poisson probabilities summed exactly up to this mean, by the normal curve beyond


class Level(NamedTuple):
    value: Decimal
    days: list[int]  # the days it was read from (their number), newest first
    lumps: int  # days of the window's span left out as lumps


def poisson_cdf(k: int, mean: float) -> float:
    """P(X ≤ k) for X ~ Poisson(mean): customers who come one by one."""
    if k < 0:
        return 0.0
    if mean <= 0:
        return 1.0
    if mean > EXACT_MEAN_MAX:
        return NormalDist(mean, math.sqrt(mean)).cdf(k + 0.5)
    term = total = math.exp(-mean)
    for i in range(1, k + 1):
        term *= mean / i
        total += term
    return min(1.0, total)


def _cdfs(k: int, mean: float) -> list[float]:
    """poisson_cdf(i, mean) for i = 0 … k (0 < mean ≤ EXACT_MEAN_MAX), in one pass: the same sums in the same
    order, so the same floats, where a call per i would sum the same first terms again."""
    term = total = math.exp(-mean)
    out = [min(1.0, total)]
    for i in range(1, k + 1):
        term *= mean / i
        total += term
        out.append(min(1.0, total))
    return out


def lumps(estimates: dict[int, Decimal], newest_first: list[int], window_days: int) -> set[int]:
    """The days of `estimates` (day number → demand; `newest_first` its days, newest first) that are
    lumps against the window's usual day. Read before the weekday factors (a promotion on a Saturday does
    not make Saturdays busier): a weekday's own pattern is far from twice the usual day."""
    window = newest_first[:window_days]
    typical = sorted([estimates[day] for day in window])
    if len(typical) > LUMP_TRIM + 2:
        typical = typical[:-LUMP_TRIM]
    usual = sum(typical, ZERO) / len(typical) if typical else ZERO
    if not usual >= LUMP_MIN_USUAL:  # no day is a lump
        return set()
    # a lump: at least twice the usual day, and a Poisson count of that mean reaches it (ceil(asked) or
    # more) less than LUMP_CHANCE of the time
    twice = TWO * usual
    high = [(day, math.ceil(asked) - 1) for day, asked in estimates.items() if asked >= twice]
    if not high:
        return set()
    mean = float(usual)
    if mean > EXACT_MEAN_MAX:
        return {day for day, below in high if 1 - poisson_cdf(below, mean) < LUMP_CHANCE}
    cdfs = _cdfs(max(below for _, below in high), mean)  # a slow seller's few high days: one pass for all
    return {day for day, below in high if 1 - cdfs[below] < LUMP_CHANCE}


def level(estimates: dict[int, Decimal], newest_first: list[int], factors: tuple[Decimal, ...], window_days: int,
          lump_days: set[int], flat: bool = False) -> Level:
    """The level of `estimates` (day number → demand, services.stock.demand_days.day_number: its weekday is
    n % 7; `newest_first` its days, newest first) under weekday `factors` (Monday first; `flat`: all of them
    exactly 1), `lump_days` left out."""
    kept = [day for day in newest_first if day not in lump_days] if lump_days else newest_first
    used = kept[:window_days]  # the window's days, then older ones while they hold too few units
    units = sum([estimates[day] for day in used], ZERO)
    if not units >= LEVEL_UNITS and len(kept) > window_days:
        older = kept[window_days:]
        running = list(accumulate([estimates[day] for day in older], initial=units))  # the same sums, in order
        more = next((k for k, total in enumerate(running) if total >= LEVEL_UNITS), len(older))
        used += older[:more]
        units = running[more]
    # Σ the days' factors in that order; with no weekday pattern Σ 1 … 1, the count (the same Decimal)
    expected = Decimal(len(used)) if flat else sum([factors[day % 7] for day in used], ZERO)
    value = units / expected if used else ZERO  # units: Σ estimates of the days used, in that order
    oldest = used[-1] if used else -1
    return Level(value, used, sum(1 for day in lump_days if day >= oldest) if lump_days else 0)
