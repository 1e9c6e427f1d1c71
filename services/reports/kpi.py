"""KPIs over a period and per week or month: turnover days, loss rate, gross margin, stock-out
product-days, purchase and sales order times, stocktake duration and variance rate, group-order
accuracy and handling time (from the message log the 社群订单 view keeps).

The ledger is read once for the whole period, per day (closing stock value, cost of goods sold,
sales, loss, stock-outs); each bucket sums its days, so a trend costs no more queries than a total.

Under a filter (report_filter) a figure is computed from the ledger rows of the category's products,
at the location (and those under it) or of the channel's sales only where it can be split that way
(SPLITS); the others — one document, count or message is not of one category, location or channel,
and one stock pool serves every channel — are status "unsplit", no value, rather than the whole
shop's figure passed off as the filtered one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.reports.figures import (
    Figure,
    hidden,
    may_see_cost,
    money,
    percent,
    ratio_figure,
    tenths,
    timing_figure,
)
from services.reports.inventory import closing_values, daily_loss, products_sold
from services.reports.ledger_sql import quantity, to_day
from services.reports.period import Period, buckets, period
from services.reports.report_filter import DIMENSIONS, NO_FILTER, ReportFilter
from services.reports.sales_facts import daily_lost, sale_sums
from services.reports.stockouts import stockout_days
from services.reports.timings import Durations, Timings, timings


@dataclass(frozen=True)
class LedgerDays:
    """Per day of the period, in value units: closing stock at cost, cost of goods sold, sales, loss;
    and the number of products out of stock at the close."""

    closing: dict[dt.date, int]
    cogs: dict[dt.date, int]
    revenue: dict[dt.date, int]
    loss: dict[dt.date, int]
    stockouts: dict[dt.date, int]
    products_sold: int
    sold: dict[dt.date, int]  # stored quantity units, net of customer returns
    lost: dict[dt.date, int]  # stored quantity units asked beyond the stock


STOCK_SPLITS = frozenset({"category", "location"})  # stock held and thrown away: one pool for every channel
SPLITS: dict[str, frozenset[str]] = {  # the filters a figure can be computed under; any other: "unsplit"
    "turnover_days": STOCK_SPLITS, "loss_rate": STOCK_SPLITS, "stockout_days": STOCK_SPLITS,
    "gross_margin": frozenset(DIMENSIONS), "gross_margin_rate": frozenset(DIMENSIONS),
    "fill_rate": frozenset({"category", "channel"}),  # a lost sale records no location
}


def splits(key: str, only: ReportFilter) -> bool:
    """Whether figure `key` can be computed under every dimension `only` narrows."""
    return set(only.applied) <= SPLITS.get(key, frozenset())


def narrowed(figures: list[Figure], only: ReportFilter) -> list[Figure]:
    """The figures that cannot be split by `only` emptied (status unsplit); a hidden one stays hidden."""
    return [f if f.status == "hidden" or splits(f.key, only) else Figure(f.key, f.unit, status="unsplit")
            for f in figures]


def ledger_days(whole: Period, with_stockouts: bool = True, only: ReportFilter = NO_FILTER) -> LedgerDays:
    """The ledger's days (of what `only` lets through); without stock-outs (the dashboard's trend, or a
    filter they cannot be split by) the product-by-product walk is skipped."""
    sums = sale_sums(whole, "d.doc_date", only)
    with_stockouts = with_stockouts and splits("stockout_days", only)
    sold = products_sold(whole, only) if with_stockouts else []
    return LedgerDays(closing_values(whole, only), {to_day(s.key): s.cost_units for s in sums},
                      {to_day(s.key): s.revenue_units for s in sums}, daily_loss(whole, only),
                      stockout_days(whole, sold, only) if with_stockouts else {}, len(sold),
                      {to_day(s.key): s.quantity_units for s in sums}, daily_lost(whole, only))


@dataclass(frozen=True)
class KpiBucket:
    period: Period
    figures: list[Figure]

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "figures": [f.as_json() for f in self.figures]}


@dataclass(frozen=True)
class KpiReport:
    period: Period
    by: str | None
    cost_visible: bool
    figures: list[Figure]
    buckets: list[KpiBucket]
    filters: ReportFilter = NO_FILTER

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "by": self.by, "cost_visible": self.cost_visible,
                "figures": [f.as_json() for f in self.figures], "buckets": [b.as_json() for b in self.buckets],
                "filters": self.filters.as_json()}


def _total(series: dict[dt.date, int], part: Period) -> int:
    return sum(series.get(day, 0) for day in part.dates())


def _money_figures(part: Period, days: LedgerDays, show_cost: bool) -> list[Figure]:
    """Turnover days and loss rate (ratios: shown to everyone, their money inputs only with cost),
    gross margin and its rate (cost: hidden)."""
    closing, cogs = _total(days.closing, part), _total(days.cogs, part)
    loss, revenue = _total(days.loss, part), _total(days.revenue, part)
    # average inventory ÷ (COGS ÷ days) = Σ daily closing ÷ COGS
    turnover = tenths(Decimal(closing) / Decimal(cogs)) if cogs > 0 else None
    average = money(Decimal(closing) / part.days)
    figures = [
        ratio_figure("turnover_days", "days", turnover, {"average_inventory": average, "cogs": money(cogs),
                                                         "days": Decimal(part.days)}, show_cost),
        ratio_figure("loss_rate", "percent", percent(loss, cogs + loss), {"loss": money(loss), "cogs": money(cogs)},
                     show_cost),
    ]
    if not show_cost:
        return [*figures, hidden("gross_margin", "yuan"), hidden("gross_margin_rate", "percent")]
    margin = money(revenue) - money(cogs)
    parts = {"revenue": money(revenue), "cogs": money(cogs)}
    return [*figures, ratio_figure("gross_margin", "yuan", margin if revenue or cogs else None, parts, True),
            ratio_figure("gross_margin_rate", "percent", percent(margin, money(revenue)), parts, True)]


def _in(durations: Durations, part: Period) -> list[float]:
    return [seconds for day, seconds in durations if day in part]


def _document_figures(part: Period, times: Timings, show_cost: bool) -> list[Figure]:
    sessions = [s for s in times.stocktakes if s[0] in part]
    diff, base = sum(s[2] for s in sessions), sum(s[3] for s in sessions)
    variance = percent(diff, base) if sessions else None
    return [
        timing_figure("po_approval", _in(times.po_approval, part)),
        timing_figure("po_receipt", _in(times.po_receipt, part)),
        timing_figure("so_approval", _in(times.so_approval, part)),
        timing_figure("so_shipping", _in(times.so_shipping, part)),
        timing_figure("so_lead_time", _in(times.so_lead_time, part)),
        timing_figure("stocktake_duration", [s[1] for s in sessions]),
        ratio_figure("stocktake_variance", "percent", variance,
                     {"variance_value": money(diff), "system_value": money(base)}, show_cost),
        *_group_figures(part, times),
    ]


def _group_figures(part: Period, times: Timings) -> list[Figure]:
    """Accuracy = Σ lines accepted without a change ÷ Σ lines; handling = paste → order saved."""
    saved = [m for m in times.group_messages if m[0] in part]
    lines, accepted = sum(m[2] for m in saved), sum(m[3] for m in saved)
    accuracy = Figure("group_accuracy", "percent", percent(accepted, lines), "ok" if lines else "empty",
                      parts=(("group_lines", Decimal(lines)), ("group_accepted", Decimal(accepted))) if lines else ())
    return [accuracy, timing_figure("group_handling", [m[1] for m in saved])]


def _fill_rate(part: Period, days: LedgerDays) -> Figure:
    """Units sold ÷ (units sold + units asked beyond the stock): demand the shelf met."""
    sold, lost = quantity(_total(days.sold, part)), quantity(_total(days.lost, part))
    return ratio_figure("fill_rate", "percent", percent(sold, sold + lost), {"units_sold": sold, "units_lost": lost},
                        True)


def ledger_figures(part: Period, days: LedgerDays, show_cost: bool, only: ReportFilter = NO_FILTER) -> list[Figure]:
    """Turnover, loss, margin and fill rate: what the ledger's days alone give (read under `only`)."""
    return narrowed([*_money_figures(part, days, show_cost), _fill_rate(part, days)], only)


def _figures(part: Period, days: LedgerDays, times: Timings, show_cost: bool, only: ReportFilter) -> list[Figure]:
    stockouts = Decimal(_total(days.stockouts, part))
    stockout = Figure("stockout_days", "product_days", stockouts if days.products_sold else None,
                      "ok" if days.products_sold else "empty", parts=(("products", Decimal(days.products_sold)),))
    return narrowed([*ledger_figures(part, days, show_cost), stockout, *_document_figures(part, times, show_cost)],
                    only)


def kpi(actor, start: dt.date | None = None, end: dt.date | None = None, by: str | None = None,
        only: ReportFilter = NO_FILTER) -> KpiReport:
    """The KPIs of the period (default: the 28 days up to today), and per week or month when `by` is given;
    under a filter, of its category, location and channel where a figure can be split so (SPLITS)."""
    whole = period(start, end)
    parts = buckets(whole, by) if by else []
    show_cost = may_see_cost(actor)
    days = ledger_days(whole, only=only)
    times = Timings() if only else timings(whole)  # no document time splits by a filter: not read for nothing
    return KpiReport(whole, by, show_cost, _figures(whole, days, times, show_cost, only),
                     [KpiBucket(part, _figures(part, days, times, show_cost, only)) for part in parts], only)

