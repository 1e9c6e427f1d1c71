"""The dashboard's KPIs with their trend: turnover days, loss rate, fill rate and gross margin rate of
the last four weeks beside the four weeks before, and whether that is better or worse. The ledger is
read once over the eight weeks (services.reports.kpi), without the stock-out walk the dashboard does not
show here; margin stays hidden from a role without cost.view, as in the KPI report."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.reports.figures import Figure, dec, may_see_cost
from services.reports.kpi import ledger_days, ledger_figures
from services.reports.period import DEFAULT_DAYS, Period
from services.reports.report_filter import NO_FILTER, ReportFilter

TREND_KEYS = ("turnover_days", "loss_rate", "fill_rate", "gross_margin_rate")
LOWER_IS_BETTER = frozenset({"turnover_days", "loss_rate"})  # fewer days on the shelf, less thrown away


@dataclass(frozen=True)
class KpiTrend:
    current: Figure  # the last DEFAULT_DAYS days
    previous: Figure  # the DEFAULT_DAYS days before them

    @property
    def key(self) -> str:
        return self.current.key

    @property
    def better(self) -> bool | None:
        """True: improved; False: worse; None: unchanged or nothing to compare."""
        now, before = self.current.value, self.previous.value
        if now is None or before is None or now == before:
            return None
        return (now < before) == (self.key in LOWER_IS_BETTER)

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.current.label, "value": dec(self.current.value),
                "previous": dec(self.previous.value), "better": self.better, "unit": self.current.unit,
                "formula": self.current.formula}


def kpi_trend(actor, day: dt.date, days: int = DEFAULT_DAYS, only: ReportFilter = NO_FILTER) -> list[KpiTrend]:
    """The trend KPIs of the `days` days up to `day` against the `days` days before, of what `only` lets
    through; hidden ones, and those the filter cannot split (kpi.SPLITS), left out."""
    current = Period(day - dt.timedelta(days=days - 1), day)
    previous = Period(current.start - dt.timedelta(days=days), current.start - dt.timedelta(days=1))
    show_cost = may_see_cost(actor)
    ledger = ledger_days(Period(previous.start, day), with_stockouts=False, only=only)
    now, before = ({f.key: f for f in ledger_figures(part, ledger, show_cost, only)} for part in (current, previous))
    return [KpiTrend(now[key], before[key]) for key in TREND_KEYS if now[key].status not in ("hidden", "unsplit")]
