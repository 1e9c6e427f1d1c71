"""The dashboard's small trend: sales of each of the last 7 days beside the same weekday a week before.

Two weekday reports (one grouped query each): over 7 days in a row each weekday is exactly one date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.core.clock import today
from services.core.numbers import ZERO
from services.reports.sales import sales_report

DAYS = 7


@dataclass(frozen=True)
class DailySales:
    days: list[dt.date]  # the last 7 days, today last
    sales: list[Decimal]  # each day's sales
    week_before: list[Decimal]  # the same weekday 7 days earlier


def _by_weekday(actor, start: dt.date) -> dict[int, Decimal]:
    report = sales_report(actor, start, start + dt.timedelta(days=DAYS - 1), by="weekday")
    return {int(row.key): row.revenue for row in report.rows}


def last_days(actor, day: dt.date | None = None) -> DailySales:
    end = day or today()
    start = end - dt.timedelta(days=DAYS - 1)
    days = [start + dt.timedelta(days=n) for n in range(DAYS)]
    this, before = _by_weekday(actor, start), _by_weekday(actor, start - dt.timedelta(days=DAYS))
    return DailySales(days, [this.get(d.isoweekday(), ZERO) for d in days],
                      [before.get(d.isoweekday(), ZERO) for d in days])
