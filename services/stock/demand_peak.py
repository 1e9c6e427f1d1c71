"""A product's peak: the weekday furthest above its average day and the busiest two hours of it.

Only the suggestion's reason says it (suggest.peak, `purchase suggest --json`), while the demand of every
product is worked out every evening; so services.stock.demand keeps what a peak is read from (SeenPeak)
and the peak is worked out when first asked, from the same numbers in the same order as before.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.core.numbers import ONE, ZERO
from services.stock.demand_tally import HOURS, sum_hours

SEVEN, HUNDRED = Decimal(7), Decimal(100)
PEAK_MIN = Decimal("0.15")  # a weekday counts as a peak from +15 % over the average day


@dataclass(frozen=True)
class Peak:
    """The busiest weekday (0 = Monday) and its busiest two hours, `percent` above the average day."""

    weekday: int
    start_hour: int
    percent: int


class SeenPeak:
    """What a peak is read from, as it was: each weekday's mean day ÷ the mean day as seen (unshrunk, not yet
    scaled to average 1), the units per hour of each day with sales by day number (a copy: the tally moves
    on the next evening) and the days from `start` to before `end`. Equal, hashed and shown as its peak."""

    __slots__ = ("seen", "hours", "start", "end")

    def __init__(self, seen: list[Decimal], hours: dict[int, tuple[int, ...]], start: int, end: int):
        self.seen, self.hours, self.start, self.end = seen, hours, start, end

    def peak(self) -> Peak | None:
        return peak_of(scaled(self.seen), self.hours, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        return self.peak() == (other.peak() if isinstance(other, SeenPeak) else other)

    def __hash__(self) -> int:
        return hash(self.peak())

    def __repr__(self) -> str:
        return repr(self.peak())


def scaled(raw: list[Decimal]) -> tuple[Decimal, ...]:
    """Factors scaled to average 1."""
    scale = sum(raw, ZERO) / SEVEN
    return tuple([f / scale for f in raw])


def peak_of(factors: tuple[Decimal, ...], hours: dict[int, tuple[int, ...]], start: int, end: int) -> Peak | None:
    """The weekday furthest above the average day (from +15 %), with its busiest two hours (`hours`: the
    units per hour of each day with sales, by day number, from `start` to before `end`)."""
    weekday = factors.index(max(factors))  # the first of the highest
    excess = factors[weekday] - ONE
    if excess < PEAK_MIN:
        return None
    days = [hours[n] for n in range(start + (weekday - start) % 7, end, 7) if n in hours]
    if not days:
        return None
    hours_of = sum_hours(days)
    busiest = hours_of.index(max(hours_of))
    before = hours_of[busiest - 1] if busiest else 0
    after = hours_of[busiest + 1] if busiest < HOURS - 1 else 0
    start = busiest - 1 if busiest == HOURS - 1 or before > after else busiest  # the busiest hour and its busier side
    percent = int((excess * HUNDRED).to_integral_value(rounding=ROUND_HALF_UP))
    return Peak(weekday, start, percent)
