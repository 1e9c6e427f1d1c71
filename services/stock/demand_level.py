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

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist

ZERO = Decimal(0)
LUMP_TRIM = 2  # the window's highest days left out of the usual day (a promotion lasts two)
LUMP_CHANCE = 0.001
LUMP_MIN_USUAL = Decimal(1)  # below a unit a day, single customers' lumps are the demand itself
LEVEL_UNITS = 200  # a level read from fewer units is read from more days (Poisson: ±7 % at 200)
EXACT_MEAN_MAX = 200  # Poisson probabilities summed exactly up to this mean, by the normal curve beyond


@dataclass(frozen=True)
class Level:
    value: Decimal
    days: list[dt.date]  # the days it was read from, newest first
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


def is_lump(asked: Decimal, usual: Decimal) -> bool:
    """`asked` on a day whose usual demand is `usual`: at least twice it and a chance under LUMP_CHANCE."""
    return (usual >= LUMP_MIN_USUAL and asked >= 2 * usual
            and 1 - poisson_cdf(math.ceil(asked) - 1, float(usual)) < LUMP_CHANCE)


def lumps(estimates: dict[dt.date, Decimal], window_days: int) -> set[dt.date]:
    """The days of `estimates` (day → demand) that are lumps against the window's usual day. Read before
    the weekday factors (a promotion on a Saturday does not make Saturdays busier): a weekday's own
    pattern is far from twice the usual day."""
    window = sorted(estimates, reverse=True)[:window_days]
    typical = sorted(estimates[day] for day in window)
    if len(typical) > LUMP_TRIM + 2:
        typical = typical[:-LUMP_TRIM]
    usual = sum(typical, ZERO) / len(typical) if typical else ZERO
    return {day for day, asked in estimates.items() if is_lump(asked, usual)}


def level(estimates: dict[dt.date, Decimal], factors: tuple[Decimal, ...], window_days: int,
          lump_days: set[dt.date]) -> Level:
    """The level of `estimates` (day → demand) under weekday `factors` (Monday first), `lump_days` left out."""
    kept = sorted((day for day in estimates if day not in lump_days), reverse=True)
    used, units = [], ZERO
    for day in kept:
        if len(used) >= window_days and units >= LEVEL_UNITS:
            break
        used.append(day)
        units += estimates[day]
    expected = sum((factors[day.weekday()] for day in used), ZERO)
    value = sum((estimates[day] for day in used), ZERO) / expected if used else ZERO
    oldest = used[-1] if used else dt.date.min
    return Level(value, used, sum(1 for day in lump_days if day >= oldest))
