"""Stocktake trend: the variance rate of every posted count and of each category by month, against
the seed store's 0.5% line — stable when every month of the last three had counts and came in under
it. The rates are stocktake.variance's (Σ|variance × cost| ÷ Σ(system stock × cost)), summed in SQL by
count_variance; a rate is a ratio, so a role without cost.view sees it too. Narrowed to a location
(report_filter: with the locations under it), the lines counted there: a count elsewhere is left out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.core.clock import today
from services.core.messages import msg
from services.reports.count_variance import count_sums, month_of, rates_by
from services.reports.figures import dec
from services.reports.period import Period, buckets, months_up_to, period
from services.reports.report_filter import report_filter

STABLE_LINE = Decimal("0.5")  # percent
STABLE_MONTHS = 3


@dataclass(frozen=True)
class CountRate:
    ref: str
    posted_at: dt.datetime
    scope: str
    lines: int
    rate: Decimal

    def as_json(self) -> dict:
        return {"ref": self.ref, "posted_at": self.posted_at.isoformat(sep=" "), "scope": self.scope,
                "lines": self.lines, "rate": dec(self.rate), "under_line": self.rate < STABLE_LINE}


@dataclass(frozen=True)
class TrendRow:
    name: str  # '' for the whole shop, else the category ('-': none)
    rates: list[Decimal | None]  # per month of the report; None: nothing counted that month
    stable: bool

    def as_json(self, months: list[str]) -> dict:
        return {"category": self.name, "stable": self.stable,
                "months": {m: dec(rate) for m, rate in zip(months, self.rates, strict=True)}}


@dataclass(frozen=True)
class StocktakeTrend:
    period: Period
    months: list[str]
    counts: list[CountRate]
    shop: TrendRow
    categories: list[TrendRow]
    location: str = ""  # a location's code: only the lines counted there (and under it)

    @property
    def verdict(self) -> str:
        key = "report.stocktake.stable" if self.shop.stable else "report.stocktake.not_stable"
        return msg(key, months=STABLE_MONTHS, limit=STABLE_LINE)

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "months": self.months, "line": dec(STABLE_LINE),
                "stable_months": STABLE_MONTHS, "stable": self.shop.stable, "verdict": self.verdict,
                "counts": [c.as_json() for c in self.counts], "shop": self.shop.as_json(self.months),
                "categories": [c.as_json(self.months) for c in self.categories], "location": self.location or None}


def stable(rates: list[Decimal | None]) -> bool:
    """The last STABLE_MONTHS months each had a count and came in under STABLE_LINE."""
    last = rates[-STABLE_MONTHS:]
    return len(last) == STABLE_MONTHS and all(rate is not None and rate < STABLE_LINE for rate in last)


def stocktake_trend(actor, start: dt.date | None = None, end: dt.date | None = None,
                    location: str = "") -> StocktakeTrend:
    """Counts posted from `start` (default: the STABLE_MONTHS calendar months up to `end`) to `end` (today),
    of the lines counted at `location` (code) when given."""
    whole = period(start, end) if start else months_up_to(end or today(), STABLE_MONTHS)
    months = [b.start.strftime("%Y-%m") for b in buckets(whole, "month")]
    only = report_filter(location=location)
    sums = count_sums(locations=only.location_ids)
    counts = [CountRate(ref, posted_at, scope, lines, rate) for (ref, posted_at, scope), (lines, rate)
              in rates_by(sums, lambda r: (r.ref, r.posted_at, r.scope)).items()
              if posted_at.date() in whole and (lines or not only.location)]
    sums = [r for r in sums if r.lines]  # a month or category has a rate only where something was counted
    by_month = {month: rate for (month,), (_, rate) in rates_by(sums, lambda r: (month_of(r),)).items()}
    shop_rates = [by_month.get(m) for m in months]
    per_category: dict[str, dict[str, Decimal]] = {}
    for (category, month), (_, rate) in rates_by(sums, lambda r: (r.category, month_of(r))).items():
        per_category.setdefault(category, {})[month] = rate
    categories = []
    for name, rates in sorted(per_category.items()):
        row = [rates.get(m) for m in months]
        if any(rate is not None for rate in row):
            categories.append(TrendRow(name, row, stable(row)))
    return StocktakeTrend(whole, months, counts, TrendRow("", shop_rates, stable(shop_rates)), categories,
                          only.location)
