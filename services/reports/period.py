"""The time a report covers: a period of whole days, cut into weeks or months for a trend."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.core.clock import today
from services.core.errors import ValidationError
from services.core.messages import msg

DEFAULT_DAYS = 28  # four whole weeks: every weekday seen four times
BUCKETS = ("week", "month")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range(self.days)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def as_json(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def period(start: dt.date | None = None, end: dt.date | None = None, default_days: int = DEFAULT_DAYS) -> Period:
    """From `start` to `end` (inclusive); `end` defaults to today, `start` to `default_days` days up to `end`."""
    end = end or today()
    start = start or end - dt.timedelta(days=default_days - 1)
    if start > end:
        raise ValidationError("report.bad_period", start=start, end=end)
    return Period(start, end)


def week_of(day: dt.date) -> Period:
    """Monday of `day`'s week up to `day` itself (this week so far)."""
    return Period(day - dt.timedelta(days=day.weekday()), day)


def months_up_to(end: dt.date, months: int) -> Period:
    """The last `months` calendar months up to `end`, this month so far included."""
    first = end.replace(day=1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return Period(first, end)


def buckets(whole: Period, by: str) -> list[Period]:
    """`whole` cut into calendar weeks (Monday–Sunday) or months, the first and last clipped to it."""
    if by not in BUCKETS:
        raise ValidationError("report.bad_by", by=by, choices=", ".join(BUCKETS))
    parts, start = [], whole.start
    while start <= whole.end:
        if by == "week":
            last = start + dt.timedelta(days=6 - start.weekday())
        else:
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            last = following - dt.timedelta(days=1)
        parts.append(Period(start, min(last, whole.end)))
        start = parts[-1].end + dt.timedelta(days=1)
    return parts


def by_label(by: str) -> str:
    return msg(f"report.by.{by}")
